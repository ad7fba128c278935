// While, EndWhile, ExitWhile and ContinueWhile (apps/app_while.c). The loops live in channel variables, as in
// Asterisk: `<context>_<exten>_<priority>` names the loop of a While line (WHILE_<n>), WHILE_<n> holds the place of
// its While, END_WHILE_<n> the place after its EndWhile once the loop ran through it. A false condition (or
// ExitWhile) jumps past the EndWhile, found by counting nested While/EndWhile lines from the priority after.
import { matchExtension } from '../../../model/extensionName';
import type { Context, Priority } from '../../../model/dialplan';
import type { Application, AppContext } from './types';

/** find_matching_priority (app_while.c): the line of `priority` in the first extension of `context` (or its includes) matching. */
function lineAt(x: AppContext, context: Context | undefined, exten: string, priority: number, depth = 0): Priority | undefined {
  if (!context || depth > 64) return undefined;
  const cid = x.ch.caller.number ?? '';
  for (const e of context.extensions) {
    if (matchExtension(e.exten, exten, 'match') === 0) continue;
    if (e.cidExten !== null && matchExtension(e.cidExten, cid, 'match') === 0) continue;
    const p = e.priorities.get(priority);
    if (p) return p;
  }
  for (const inc of context.includes) {
    const p = lineAt(x, x.plan.contexts.get(inc.context), exten, priority, depth + 1);
    if (p) return p;
  }
  return undefined;
}

/** find_matching_endwhile: the priority of the EndWhile that closes the While at the channel's priority, or -1. */
function matchingEndWhile(x: AppContext): number {
  const context = x.plan.contexts.get(x.ch.context);
  let level = 1;
  for (let pri = x.ch.priority + 1; ; pri++) {
    const p = lineAt(x, context, x.ch.exten, pri);
    if (!p) return -1;
    if (p.app.toLowerCase() === 'while') level++;
    else if (p.app.toLowerCase() === 'endwhile') level--;
    if (level === 0) return pri;
  }
}

/** The highest n for which WHILE_n is set, or -1. */
function usedIndex(x: AppContext): number {
  let used = -1;
  for (let n = 0; x.ch.vars.get(`WHILE_${n}`) !== undefined; n++) used = n;
  return used;
}

/** _while_exec: `end` 0 While, 1 EndWhile, 2 ExitWhile. */
function whileExec(x: AppContext, end: 0 | 1 | 2): number {
  const { ch } = x;
  const used = usedIndex(x);
  const myName = `${ch.context}_${ch.exten}_${ch.priority}`;
  let label: string;
  if (end) label = String(used);
  else {
    const mine = ch.vars.get(myName);
    if (mine !== undefined) label = mine;
    else {
      label = String(used + 1);
      ch.vars.set(myName, label);
    }
  }
  const varname = `WHILE_${label}`;
  const whilePri = end ? undefined : ch.vars.get(varname);
  if ((end === 0 && !x.condition(x.data, 'While')) || end === 2) {
    ch.vars.set(varname, undefined);
    ch.vars.set(myName, undefined);
    const endName = `END_${varname}`;
    const gotoStr = ch.vars.get(endName);
    if (gotoStr !== undefined) {
      x.goto(gotoStr);
      ch.vars.set(endName, undefined);
      x.note(end === 2 ? 'Leaves the loop.' : 'The condition is false: the loop ends.');
    } else {
      const pri = matchingEndWhile(x);
      if (pri > 0) {
        x.run.log('VERBOSE', 'app_while.c', `Jumping to priority ${pri}`);
        ch.priority = pri;
        x.call.fresh = true;
        x.note(`${end === 2 ? 'Leaves the loop' : 'The condition is false'}: on after the EndWhile at priority ${pri}.`);
      } else {
        x.run.log('WARNING', 'app_while.c', `Couldn't find matching EndWhile? (While at ${ch.context}@${ch.exten} priority ${ch.priority})`);
      }
    }
    return 0;
  }
  if (end === 0 && whilePri === undefined) {
    ch.vars.set(varname, `${ch.context},${ch.exten},${ch.priority}`);
    x.note('The condition is true: into the loop.');
  } else if (end === 1) {
    const back = ch.vars.get(varname);
    if (back !== undefined) {
      const endName = `END_${varname}`;
      if (ch.vars.get(endName) === undefined) ch.vars.set(endName, `${ch.context},${ch.exten},${ch.priority + 1}`);
      x.goto(back);
      x.note('Back to the While.');
    }
  } else x.note('The condition is true: once more round the loop.');
  return 0;
}

function continueWhile(x: AppContext): number {
  let whilePri: string | undefined;
  for (let n = 0; ; n++) {
    const v = x.ch.vars.get(`WHILE_${n}`);
    if (v === undefined) break;
    whilePri = v;
  }
  if (whilePri !== undefined) {
    x.goto(whilePri);
    x.note('Back to the While.');
  }
  return 0;
}

export const WHILE: Application[] = [
  { name: 'While', source: 'apps/app_while.c', run: (x) => whileExec(x, 0) },
  { name: 'EndWhile', source: 'apps/app_while.c', run: (x) => whileExec(x, 1) },
  { name: 'ExitWhile', source: 'apps/app_while.c', run: (x) => whileExec(x, 2) },
  { name: 'ContinueWhile', source: 'apps/app_while.c', run: continueWhile },
];
