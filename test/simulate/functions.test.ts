// Every case of conformance/functions (what a real Asterisk 20.20.1 substituted), run as functionCase.ts says, the
// substituted `<<expr>>` compared with the recorded one, warnings included (as `LEVEL source: message` texts).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CONFORMANCE } from '../paths';
import type { Case } from './functionCase';
import { runCase } from './functionCase';

const cases = (JSON.parse(fs.readFileSync(path.join(CONFORMANCE, 'functions', 'cases.json'), 'utf8')) as { cases: Case[] }).cases;

describe('functions and expressions: every case Asterisk 20.20.1 recorded', () => {
  for (const group of [...new Set(cases.map((c) => c.group))]) {
    describe(group, () => {
      for (const c of cases.filter((x) => x.group === group)) {
        it(`${c.id} ${c.expr}`, () => {
          const r = runCase(c);
          assert.equal(r.text, c.closingMarkerLost ? `<<${c.result}` : `<<${c.result}>>`);
          assert.deepEqual(r.warnings, c.warnings);
          assert.deepEqual(r.setupWarnings, c.setupWarnings ?? []);
          assert.deepEqual(r.unknown, []);
        });
      }
    });
  }
});
