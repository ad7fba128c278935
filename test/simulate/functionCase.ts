// One case of conformance/functions run on a fresh simulated channel, as record_functions.py ran it on a real
// Asterisk: a channel in context `fn` whose extension is the case id, no caller ID; each `vars` entry and each
// `before` entry run as Set() runs them (the whole argument substituted, split at the first `=`, then set); then
// the argument of `NoOp(<<expr>>)` substituted at its priority.
import { Channel, VarList } from '../../server/src/analysis/simulate/channel';
import { evalContext } from '../../server/src/analysis/simulate/context';
import { setVariable, substitute } from '../../server/src/analysis/simulate/substitute';

export interface Case {
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

/** Set(data): the data substituted, split at its first `=`, the value set (pbx_builtin_setvar). */
function set(ctx: ReturnType<typeof evalContext>, data: string): string[] {
  const s = substitute(data, ctx);
  const eq = s.text.indexOf('=');
  const w = setVariable(ctx, s.text.slice(0, eq), s.text.slice(eq + 1));
  return [...s.warnings, ...w.warnings];
}

export function runCase(c: Pick<Case, 'id' | 'expr' | 'vars' | 'before'>): { text: string; warnings: string[]; setupWarnings: string[]; unknown: string[] } {
  // the NoOp(<<expr>>) runs after one Set() per entry and the marker NoOp
  const priority = Object.keys(c.vars).length + (c.before?.length ?? 0) + 2;
  const channel = new Channel(`Local/${c.id}@fn-00000001;2`, '1796524118.1', { context: 'fn', exten: c.id, priority }, {}, new VarList());
  const ctx = evalContext(channel);
  const setupWarnings: string[] = [];
  for (const [name, value] of Object.entries(c.vars)) setupWarnings.push(...set(ctx, `${name}=${value}`));
  for (const b of c.before ?? []) setupWarnings.push(...set(ctx, b));
  const r = substitute(`<<${c.expr}>>`, ctx);
  return { text: r.text, warnings: r.warnings, setupWarnings, unknown: r.unknown };
}
