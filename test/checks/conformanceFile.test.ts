// Every finding on the conformance dialplan (a real config Asterisk 20 loaded), and nothing else.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fileFindings } from '../../server/src/analysis/findings';
import { DiskFileHost } from '../../server/src/model/fileHost';
import { Workspace } from '../../server/src/model/workspace';
import { CONFORMANCE } from '../paths';
import { lineOf } from './harness';

describe('findings on the conformance extensions.conf', () => {
  it('are exactly the traps it was written to hold', () => {
    const file = path.join(CONFORMANCE, 'dialplan-match', 'extensions.conf');
    const ws = new Workspace(new DiskFileHost());
    ws.addKnown(file);
    const text = fs.readFileSync(file, 'utf8');
    assert.deepEqual(
      fileFindings(ws, file).map((f) => `${f.code}@${lineOf(text, f.start)}`),
      [
        'dialplan-catch-all-pattern@17',
        'dialplan-duplicate-priority@44',
        'dialplan-duplicate-priority@48',
        'dialplan-duplicate-priority@52',
        'dialplan-duplicate-priority@54',
        'dialplan-catch-all-pattern@57',
        'dialplan-shadowed-extension@57',
        'dialplan-catch-all-pattern@58',
        'dialplan-shadowed-extension@63',
        'dialplan-missing-underscore@65',
        'dialplan-lowercase-wildcard@72',
        'dialplan-no-priority-one@96',
        'dialplan-first-line-next@101',
        'dialplan-no-priority-one@101',
        'dialplan-next-after-hint@106',
        'dialplan-next-after-hint@108',
        'dialplan-no-priority-one@117',
        'dialplan-duplicate-priority@125',
        'dialplan-same-without-exten@177',
        'dialplan-include-missing@229',
        'dialplan-include-never-open@233',
        'dialplan-duplicate-include@238',
        'dialplan-unclosed-bracket@254',
        'dialplan-empty-pattern@259',
        'dialplan-duplicate-priority@265',
      ],
    );
  });
});
