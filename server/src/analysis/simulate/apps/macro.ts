// Macro, MacroExclusive, MacroIf and MacroExit (apps/app_macro.c, deprecated since Asterisk 16 and gone in 21).
// A macro runs in a loop of its own inside the Macro step: `s` of `macro-NAME` from priority 1 with ARGn and
// MACRO_EXTEN/CONTEXT/PRIORITY/DEPTH set, until its priorities run out, MacroExit(), a hangup, or a jump out of
// the macro's context; then the caller's place and variables come back.
import { leadingInt } from './builtins';
import type { Application, AppContext } from './types';
import { MACRO_EXIT } from './types';

const isKeyResult = (res: number): boolean => (res >= 48 && res <= 57) || (res >= 65 && res <= 70) || res === 42 || res === 35;

function macro(x: AppContext, data: string): number {
  const { ch, run, call } = x;
  if (data === '') {
    run.log('WARNING', 'app_macro.c', 'Macro() requires arguments. See "core show application macro" for help.');
    return -1;
  }
  if (!run.macroWarned) {
    run.macroWarned = true;
    run.log('WARNING', 'app_macro.c', 'Macro() is deprecated and will be removed from a future version of Asterisk.');
    run.log('WARNING', 'app_macro.c', 'Dialplan should be updated to use Gosub instead.');
  }
  const maxDepth = leadingInt(ch.variable('MACRO_RECURSION') ?? '');
  const depth = leadingInt(ch.variable('MACRO_DEPTH') ?? '') || 0;
  if (ch.exten === 'h') ch.vars.set('MACRO_IN_HANGUP', '1');
  const inHangup = (leadingInt(ch.variable('MACRO_IN_HANGUP') ?? '') || 0) !== 0;
  if (depth >= (Number.isNaN(maxDepth) ? 7 : maxDepth)) {
    run.log('ERROR', 'app_macro.c', 'Macro():  possible infinite loop detected.  Returning early.');
    return 0;
  }
  const [name, ...args] = data.split(',');
  if (name === '') {
    run.log('WARNING', 'app_macro.c', 'Invalid macro name specified');
    return 0;
  }
  const full = `macro-${name}`;
  if (!x.plan.contexts.has(full)) {
    run.log('WARNING', 'app_macro.c', `No such context '${full}' for macro '${name}'. Was called by ${ch.exten}@${ch.context}`);
    return 0;
  }
  const start = x.exists(full, 's', 1) ? 's' : x.exists(full, '~~s~~', 1) ? '~~s~~' : undefined;
  if (start === undefined) {
    run.log('WARNING', 'app_macro.c', `Context '${full}' for macro '${name}' lacks 's' extension, priority 1`);
    return 0;
  }
  const old = { context: ch.context, exten: ch.exten, priority: ch.priority };
  const saved = ['MACRO_EXTEN', 'MACRO_CONTEXT', 'MACRO_PRIORITY', 'MACRO_OFFSET'].map((n) => ({ n, v: ch.vars.get(n) }));
  ch.vars.set('MACRO_EXTEN', old.exten);
  ch.vars.set('MACRO_CONTEXT', old.context);
  ch.vars.set('MACRO_PRIORITY', String(old.priority));
  ch.vars.set('MACRO_OFFSET', undefined);
  ch.vars.set('MACRO_DEPTH', String(depth + 1));
  const savedSubroutine = ch.inSubroutine;
  ch.inSubroutine = true;
  Object.assign(ch, { exten: start, context: full, priority: 1 });
  call.fresh = true;
  const oldArgs: (string | undefined)[] = [];
  args.slice(0, 99).forEach((a, i) => {
    oldArgs.push(ch.vars.get(`ARG${i + 1}`));
    ch.vars.set(`ARG${i + 1}`, a);
  });
  x.note(`Runs ${full} (s,1), then comes back here.`);
  let res = 0;
  let gosubLevel = 0;
  while (x.exists(ch.context, ch.exten, ch.priority)) {
    const app = lineApp(x);
    ch.vars.set('MACRO_DEPTH', String(depth + 1));
    const r = x.spawn();
    res = r.res;
    if (res !== 0) {
      if (isKeyResult(res)) break;
      if (res === MACRO_EXIT) res = 0;
      else run.log('VERBOSE', 'app_macro.c', `Spawn extension (${ch.context}, ${ch.exten}, ${ch.priority}) exited non-zero on '${ch.name}' in macro '${name}'`);
      break;
    }
    const a = app.toLowerCase();
    if (a === 'gosub') gosubLevel++;
    else if (a === 'return' || a === 'stackpop') gosubLevel--;
    if (gosubLevel === 0 && ch.context !== full) {
      run.log('VERBOSE', 'app_macro.c', `Channel '${ch.name}' jumping out of macro '${name}'`);
      break;
    }
    if (call.hungUp && !inHangup) break;
    ch.priority++;
  }
  ch.vars.set('MACRO_DEPTH', String(depth));
  ch.inSubroutine = savedSubroutine;
  oldArgs.forEach((v, i) => ch.vars.set(`ARG${i + 1}`, v));
  for (const { n, v } of saved.slice(0, 3)) ch.vars.set(n, v);
  if (ch.context === full) {
    Object.assign(ch, old);
    call.fresh = true;
    const offset = leadingInt(ch.variable('MACRO_OFFSET') ?? '');
    if (!Number.isNaN(offset) && x.exists(ch.context, ch.exten, ch.priority + offset + 1)) ch.priority += offset;
  }
  ch.vars.set('MACRO_OFFSET', saved[3].v);
  return res;
}

/** The application of the line the macro's loop is about to run (to count Gosub levels as app_macro does). */
function lineApp(x: AppContext): string {
  return x.run.lineAt(x.call, x.ch.context, x.ch.exten, x.ch.priority)?.app ?? '';
}

function macroIf(x: AppContext): number {
  const q = x.data.indexOf('?');
  if (q < 0) {
    x.run.log('WARNING', 'app_macro.c', 'Invalid Syntax.');
    return 0;
  }
  const rest = x.data.slice(q + 1);
  const c = rest.indexOf(':');
  const [yes, no] = c < 0 ? [rest, undefined] : [rest.slice(0, c), rest.slice(c + 1)];
  if (x.condition(x.data.slice(0, q), 'MacroIf')) return macro(x, yes);
  return no === undefined ? 0 : macro(x, no);
}

export const MACRO: Application[] = [
  { name: 'Macro', source: 'apps/app_macro.c', run: (x) => macro(x, x.data) },
  { name: 'MacroExclusive', source: 'apps/app_macro.c', run: (x) => macro(x, x.data) },
  { name: 'MacroIf', source: 'apps/app_macro.c', run: macroIf },
  { name: 'MacroExit', source: 'apps/app_macro.c', run: () => MACRO_EXIT },
];
