// Answers of a real Asterisk 20.20.1 to questions conformance/functions does not ask (printf corner cases, MATH's
// operator search, substrings with odd numbers, 15 levels of nesting, CALLERID's members, lists, hashes, locale and
// UTF-8...), recorded with ../shared/oracle as test/fixtures/simulate/functions-oracle.json says, each run as
// functionCase.ts runs a case.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../paths';
import { runCase } from './functionCase';

interface Probe {
  /** The extension the probe ran in (`${EXTEN}`). */
  exten: string;
  expr: string;
  vars: Record<string, string>;
  before?: string[];
  noop: string;
  warnings: string[];
  setupWarnings?: string[];
}

const file = path.join(ROOT, 'test', 'fixtures', 'simulate', 'functions-oracle.json');
const probes = (JSON.parse(fs.readFileSync(file, 'utf8')) as { cases: Probe[] }).cases;

describe('functions: answers recorded from the oracle Asterisk', () => {
  probes.forEach((p, i) => {
    it(`${i + 1}: ${p.expr.length > 80 ? `${p.expr.slice(0, 77)}...` : p.expr}`, () => {
      const r = runCase({ id: p.exten, expr: p.expr, vars: p.vars, before: p.before });
      assert.equal(r.text, p.noop);
      assert.deepEqual(r.warnings, p.warnings);
      assert.deepEqual(r.setupWarnings, p.setupWarnings ?? []);
      assert.deepEqual(r.unknown, []);
    });
  });
});
