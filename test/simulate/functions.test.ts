// Every case of conformance/functions (what a real Asterisk 20.20.1 substituted): a fresh channel in context `fn`
// whose extension is the case id, no caller ID; each `vars` entry and each `before` entry run as Set() runs them
// (the whole argument substituted, then split at the first `=`, then set); then `NoOp(<<expr>>)`'s argument is
// substituted and compared with the recorded one, warnings included (as `LEVEL source: message` texts).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Channel, VarList } from '../../server/src/analysis/simulate/channel';
import { evalContext } from '../../server/src/analysis/simulate/context';
import { setVariable, substitute } from '../../server/src/analysis/simulate/substitute';
import { CONFORMANCE } from '../paths';

interface Case {
  id: string;
  group: string;
  expr: string;
  vars: Record<string, string>;
  before?: string[];
  result: string;
  closingMarkerLost?: boolean;
  warnings: string[];
  setupWarnings?: string[];
}

const cases = (JSON.parse(fs.readFileSync(path.join(CONFORMANCE, 'functions', 'cases.json'), 'utf8')) as { cases: Case[] }).cases;

/** Set(data): the data substituted, split at its first `=`, the value set (pbx_builtin_setvar). */
function set(ctx: ReturnType<typeof evalContext>, data: string): string[] {
  const s = substitute(data, ctx);
  const eq = s.text.indexOf('=');
  const w = setVariable(ctx, s.text.slice(0, eq), s.text.slice(eq + 1));
  return [...s.warnings, ...w.warnings];
}

export function runCase(c: Case): { text: string; warnings: string[]; setupWarnings: string[]; unknown: string[] } {
  const channel = new Channel(`Local/${c.id}@fn-00000001;2`, '1796524118.1', { context: 'fn', exten: c.id, priority: 1 }, {}, new VarList());
  const ctx = evalContext(channel);
  const setupWarnings: string[] = [];
  for (const [name, value] of Object.entries(c.vars)) setupWarnings.push(...set(ctx, `${name}=${value}`));
  for (const b of c.before ?? []) setupWarnings.push(...set(ctx, b));
  const r = substitute(`<<${c.expr}>>`, ctx);
  return { text: r.text, warnings: r.warnings, setupWarnings, unknown: r.unknown };
}

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
