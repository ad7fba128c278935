// Goto, GotoIf and GotoIfTime (main/pbx_builtins.c): a place `[[context,]exten,]priority|label`, a condition split
// at its first `?` and `:` (plain strsep, no nesting), a time condition as for timed includes.
import { isOpen, parseTiming } from '../../../model/timing';
import type { Application, AppContext } from './types';

/** pbx_builtin_goto: move, and log where (the priority the next run of the loop lands on). */
export function goto(x: AppContext, text: string): number {
  const res = x.goto(text);
  if (res === 0) {
    x.run.log('VERBOSE', 'pbx_builtins.c', `Goto (${x.ch.context},${x.ch.exten},${x.ch.priority + 1})`);
    x.note(`Jumps to ${x.ch.context},${x.ch.exten},${x.ch.priority + 1}.`);
  }
  return res;
}

/** `cond?a:b` split as strsep does: the condition, then the first branch, then everything after its `:`. */
export function splitBranches(data: string): { condition: string; yes: string | undefined; no: string | undefined } {
  const q = data.indexOf('?');
  if (q < 0) return { condition: data, yes: undefined, no: undefined };
  const rest = data.slice(q + 1);
  const c = rest.indexOf(':');
  return { condition: data.slice(0, q), yes: c < 0 ? rest : rest.slice(0, c), no: c < 0 ? undefined : rest.slice(c + 1) };
}

function gotoIf(x: AppContext): number {
  if (x.data === '') {
    x.run.log('WARNING', 'pbx_builtins.c', 'Ignoring, since there is no variable to check');
    return 0;
  }
  const { condition, yes, no } = splitBranches(x.data);
  const value = x.condition(condition, 'GotoIf');
  const branch = value ? yes : no;
  x.note(`The condition is ${value ? 'true' : 'false'}${x.unknown.length === 0 ? ` ('${condition}')` : ''}.`);
  if (branch === undefined || branch === '') return 0;
  return goto(x, branch);
}

/**
 * Whether a time condition holds: at the simulated time; without one, at the current time, a decision whose other
 * branch all paths also follow.
 */
export function timeHolds(x: AppContext, condition: string): boolean {
  const timing = parseTiming(condition);
  if (x.run.when) return isOpen(timing, x.run.when);
  const now = isOpen(timing, x.run.clock);
  const [yes, no] = [`met (now, ${x.run.clock.toISOString()})`, 'not met'];
  return x.run.decide(`the time condition '${condition}' (no --at given)`, now ? [yes, no] : [no, yes], 0) === yes;
}

function gotoIfTime(x: AppContext): number {
  if (x.data === '') {
    x.run.log('WARNING', 'pbx_builtins.c', "GotoIfTime requires an argument:\n  <time range>,<days of week>,<days of month>,<months>[,<timezone>]?'labeliftrue':'labeliffalse'");
    return -1;
  }
  const { condition, yes, no } = splitBranches(x.data);
  const open = timeHolds(x, condition);
  x.note(`The time condition is ${open ? 'met' : 'not met'}.`);
  const branch = open ? yes : no;
  if (branch === undefined || branch === '') return 0;
  return goto(x, branch);
}

export const GOTO: Application[] = [
  { name: 'Goto', source: 'main/pbx_builtins.c', run: (x) => goto(x, x.data) },
  { name: 'GotoIf', source: 'main/pbx_builtins.c', run: gotoIf },
  { name: 'GotoIfTime', source: 'main/pbx_builtins.c', run: gotoIfTime },
];
