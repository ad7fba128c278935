// The layers import one way (STYLE.md): a check imports what a finding is (analysis/finding.ts), never the runner
// that calls every check (analysis/findings.ts), which imports the checks.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../paths';

describe('layers', () => {
  it('keeps the checks from importing the runner that calls them', () => {
    const dir = path.join(ROOT, 'server', 'src', 'analysis', 'checks');
    const offenders = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /from '\.\.\/findings'/.test(fs.readFileSync(path.join(dir, f), 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
