// The functions of apps/app_stack.c: LOCAL(var) (a variable of the current Gosub frame: set through the frame so
// that Return removes it), LOCAL_PEEK(n,var) (the n-th older value of a name, hidden by newer frames) and
// STACK_PEEK(n,which[,suppress]) (where the n-th frame returns to). The Gosub stack is channel.stack, its newest
// frame last.
import type { GosubFrame } from '../channel';
import { VarList } from '../channel';
import { atoi, fromBytes, separateArgs, skipBlanks, toBytes } from '../cstring';
import type { DialplanFunction, FunctionCall } from './types';

const SOURCE = 'apps/app_stack.c';

/** The frames, newest first (AST_LIST_FIRST is the frame of the running subroutine). */
const frames = (call: FunctionCall): GosubFrame[] | undefined => call.channel.stack;

function localRead(call: FunctionCall): string | null {
  const frame = frames(call)?.[0];
  if (!frame) return null;
  return frame.locals.includes(fromBytes(call.args)) ? (call.get(call.args) ?? '') : '';
}

function localWrite(call: FunctionCall, value: string): void {
  const stack = frames(call);
  if (!stack) {
    call.log('ERROR', SOURCE, `Tried to set LOCAL(${call.args}), but we aren't within a Gosub routine`);
    return;
  }
  if (stack[0]) call.channel.setLocal(stack[0], fromBytes(call.args), fromBytes(value));
}

function localPeek(call: FunctionCall): string | null {
  const [n, name] = separateArgs(call.args, ',', false, 2);
  if (!n || !name) {
    call.log('ERROR', SOURCE, 'LOCAL_PEEK requires parameters n and varname');
    return null;
  }
  const values = call.channel.vars.entries().filter((e) => VarList.bare(e.name) === fromBytes(name));
  const v = values[Math.max(0, atoi(n))];
  return v === undefined ? '' : toBytes(v.value);
}

function stackPeek(call: FunctionCall): string | null {
  const [n, which, suppress] = separateArgs(call.args, ',', true, 3);
  if (!n || !which) {
    call.log('ERROR', SOURCE, 'STACK_PEEK requires parameters n and which');
    return null;
  }
  const depth = atoi(n);
  if (depth <= 0) {
    call.log('ERROR', SOURCE, 'STACK_PEEK must be called with a positive peek value');
    return null;
  }
  const quiet = /^(yes|true|y|t|1|on)$/i.test(suppress ?? '');
  const stack = frames(call);
  if (!stack) {
    if (!quiet) call.log('ERROR', SOURCE, 'STACK_PEEK called on a channel without a gosub stack');
    return null;
  }
  const frame = stack[depth - 1];
  if (!frame) {
    if (!quiet) call.log('ERROR', SOURCE, `Stack peek of '${n}' is more stack frames than I have`);
    return null;
  }
  const w = skipBlanks(which);
  switch (w[0]) {
    case 'l':
      return toBytes(`${frame.context},${frame.exten},${frame.priority - 1}`);
    case 'c':
      return toBytes(frame.context);
    case 'e':
      return toBytes(frame.exten);
    case 'p':
      return String(frame.priority - 1);
  }
  call.log('ERROR', SOURCE, `Unknown argument '${which}' to STACK_PEEK`);
  return '';
}

export const STACK_FUNCTIONS: DialplanFunction[] = [
  { name: 'LOCAL', source: SOURCE, needs: 'channel', read: localRead, write: localWrite },
  { name: 'LOCAL_PEEK', source: SOURCE, needs: 'channel', read: localPeek },
  { name: 'STACK_PEEK', source: SOURCE, needs: 'channel', read: stackPeek },
];
