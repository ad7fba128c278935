// Gosub, GosubIf, Return and StackPop (apps/app_stack.c). A Gosub checks that its destination exists, pushes a
// return address (the next priority), and sets ARG1..ARGn (masking as many arguments as the caller had) and ARGC
// through the frame, so that Return removes them again and shows the caller's values; LOCAL() variables go the
// same way. Return sets GOSUB_RETVAL.
import type { GosubFrame } from '../channel';
import { separateArgs } from '../cstring';
import type { Application, AppContext } from './types';

const USAGE = 'Gosub requires an argument: Gosub([[context,]exten,]priority[(arg1[,...][,argN])])';

/** gosub_exec with already substituted data: `[[context,]exten,]priority[(args)]`. */
export function gosub(x: AppContext, data: string): number {
  const { ch, run } = x;
  if (data === '') {
    run.log('ERROR', 'app_stack.c', USAGE);
    return -1;
  }
  // the arguments: after the first '(', up to the last ')'
  const open = data.indexOf('(');
  const label = open < 0 ? data : data.slice(0, open);
  let args: string[] = [];
  if (open >= 0) {
    let inner = data.slice(open + 1);
    const close = inner.lastIndexOf(')');
    if (close >= 0) inner = inner.slice(0, close);
    else run.log('WARNING', 'app_stack.c', `Ouch.  No closing paren: '${data}'?`);
    args = separateArgs(inner, ',', false, 100);
  }
  const orig = { context: ch.context, exten: ch.exten, priority: ch.priority };
  const back = (): number => {
    Object.assign(ch, orig);
    return -1;
  };
  if (x.goto(label) !== 0) {
    run.log('ERROR', 'app_stack.c', `Gosub address is invalid: '${data}'`);
    return back();
  }
  const dest = { context: ch.context, exten: ch.exten, priority: ch.priority + 1 };
  if (!x.exists(dest.context, dest.exten, dest.priority)) {
    run.log('ERROR', 'app_stack.c', `Gosub attempted to reach non-existent destination '${dest.context},${dest.exten},${dest.priority}' from '${orig.context},${orig.exten},${orig.priority}'`);
    return back();
  }
  ch.stack ??= [];
  const argCount = Math.max(ch.stack[0]?.argCount ?? 0, args.length);
  const frame: GosubFrame = { ...orig, priority: orig.priority + 1, inSubroutine: ch.inSubroutine, argCount, locals: [] };
  for (let i = 0; i < argCount; i++) ch.setLocal(frame, `ARG${i + 1}`, i < args.length ? args[i] : '');
  ch.setLocal(frame, 'ARGC', String(args.length));
  ch.inSubroutine = true;
  ch.stack.unshift(frame);
  x.note(`Calls ${dest.context},${dest.exten},${dest.priority}${args.length ? ` with ${args.map((a) => `'${a}'`).join(', ')}` : ''}; Return comes back to priority ${orig.priority + 1}.`);
  return 0;
}

/**
 * GosubIf's data as app_stack.c splits it (AST_NONSTANDARD_RAW_ARGS at '?', then at ':'), or null when there is no
 * '?' ("GosubIf requires an argument"). Shared with the check dialplan-app-condition.
 */
export function gosubIfParts(data: string): { condition: string; yes: string | undefined; no: string | undefined } | null {
  const parts = separateArgs(data, '?', false, 2);
  if (parts.length !== 2) return null;
  const [yes, no] = separateArgs(parts[1], ':', false, 2);
  return { condition: parts[0], yes, no };
}

function gosubIf(x: AppContext): number {
  const parts = x.data === '' ? null : gosubIfParts(x.data);
  if (parts === null) {
    x.run.log('WARNING', 'app_stack.c', 'GosubIf requires an argument: GosubIf(cond?label1(args):label2(args)');
    return 0;
  }
  const { yes, no } = parts;
  const value = x.condition(parts.condition, 'GosubIf');
  x.note(`The condition is ${value ? 'true' : 'false'}.`);
  const branch = value ? yes : no;
  if (branch === undefined || branch === '') return 0;
  return gosub(x, branch);
}

function ret(x: AppContext): number {
  const { ch, run } = x;
  if (ch.stack === undefined) {
    run.log('ERROR', 'app_stack.c', 'Return without Gosub: stack is unallocated');
    return -1;
  }
  const frame = ch.stack.shift();
  if (frame === undefined) {
    run.log('ERROR', 'app_stack.c', 'Return without Gosub: stack is empty');
    return -1;
  }
  Object.assign(ch, { context: frame.context, exten: frame.exten, priority: frame.priority - 1 });
  ch.inSubroutine = frame.inSubroutine;
  ch.releaseFrame(frame);
  x.call.fresh = true;
  ch.vars.set('GOSUB_RETVAL', x.data);
  x.note(`Returns to ${frame.context},${frame.exten},${frame.priority}${x.data !== '' ? ` with '${x.data}'` : ''}.`);
  return 0;
}

function stackPop(x: AppContext): number {
  const { ch } = x;
  if (ch.stack === undefined) {
    x.run.log('WARNING', 'app_stack.c', 'StackPop called with no gosub stack allocated.');
    return 0;
  }
  const frame = ch.stack.shift();
  if (frame) ch.releaseFrame(frame);
  return 0;
}

export const STACK: Application[] = [
  { name: 'Gosub', source: 'apps/app_stack.c', run: (x) => gosub(x, x.data) },
  { name: 'GosubIf', source: 'apps/app_stack.c', run: gosubIf },
  { name: 'Return', source: 'apps/app_stack.c', run: ret },
  { name: 'StackPop', source: 'apps/app_stack.c', run: stackPop },
];
