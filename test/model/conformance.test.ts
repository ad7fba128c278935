// Ground truth from a real Asterisk 20.20.1 (test/fixtures/conformance/dialplan-match, the copy of
// ../shared/conformance): for every case, the extension pbx_find_extension chose (expect), and the overlap-dialing
// answers (canMatch, matchMore).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { buildDialplan } from '../../server/src/model/dialplan';
import { DiskFileHost } from '../../server/src/model/fileHost';
import { lookup, summarize } from '../../server/src/model/matcher';
import { Workspace } from '../../server/src/model/workspace';
import { CONFORMANCE } from '../paths';

interface Case {
  number: string;
  context: string;
  callerId?: string;
  expect: object;
  canMatch: object;
  matchMore: object;
}

const dir = path.join(CONFORMANCE, 'dialplan-match');
const cases = JSON.parse(fs.readFileSync(path.join(dir, 'cases.json'), 'utf8')).cases as Case[];
const ws = new Workspace(new DiskFileHost());
const plan = buildDialplan(ws.load(path.join(dir, 'extensions.conf')));

describe('dialplan-match conformance (real Asterisk 20.20.1)', () => {
  it('has the cases', () => assert.ok(cases.length >= 140, `${cases.length} cases`));
  for (const c of cases) {
    it(`${c.number} in ${c.context}${c.callerId !== undefined ? ` from ${c.callerId}` : ''}`, () => {
      const got = (mode: 'match' | 'canmatch' | 'matchmore'): object => summarize(lookup(plan, c.context, c.number, { callerId: c.callerId ?? null, mode, when: new Date(Date.UTC(2026, 10, 22, 12)) }));
      assert.deepEqual({ expect: got('match'), canMatch: got('canmatch'), matchMore: got('matchmore') }, { expect: c.expect, canMatch: c.canMatch, matchMore: c.matchMore });
    });
  }
});
