// funcs/func_dialplan.c: VALID_EXTEN([context],extension[,priority]) and DIALPLAN_EXISTS(context[,extension
// [,priority or label]]), answered from the dialplan the simulation runs (EvalContext.dialplan) with the
// channel's caller ID; without it they are unknown.
import { atoi, fromBytes, scanInt, separateArgs } from '../cstring';
import type { DialplanFunction, FunctionCall } from './types';

const SOURCE = 'funcs/func_dialplan.c';

const callerId = (call: FunctionCall): string | null => call.channel.caller.number;

function validExten(call: FunctionCall): string | null {
  const [context, exten, priority] = separateArgs(call.args, ',', true, 3);
  if (!exten) {
    call.log('WARNING', SOURCE, 'Syntax: VALID_EXTEN([<context>],<extension>[,<priority>]) - missing argument <extension>!');
    return null;
  }
  const plan = call.ctx.dialplan;
  if (!plan) {
    call.unknown('the dialplan of the running PBX');
    return '';
  }
  const ctx = context ? fromBytes(context) : call.channel.context;
  return plan.exists(ctx, fromBytes(exten), priority ? atoi(priority) : 1, callerId(call)) ? '1' : '0';
}

function dialplanExists(call: FunctionCall): string | null {
  if (call.args === '') {
    call.log('ERROR', SOURCE, 'DIALPLAN_EXISTS() requires an argument');
    return null;
  }
  const [context, exten, priority] = separateArgs(call.args, ',', true, 3).map((a) => fromBytes(a));
  if (!priority && !exten && !context) {
    call.log('ERROR', SOURCE, 'Invalid arguments provided to DIALPLAN_EXISTS');
    return null;
  }
  const plan = call.ctx.dialplan;
  if (!plan) {
    call.unknown('the dialplan of the running PBX');
    return '';
  }
  if (priority) {
    const n = scanInt(priority);
    const number = n !== null && n !== 'eof' && n.value > 0 ? n.value : null;
    return plan.exists(context ?? '', exten ?? '', number ?? priority, callerId(call)) ? '1' : '0';
  }
  if (exten) return plan.exists(context ?? '', exten, 1, callerId(call)) ? '1' : '0';
  return plan.hasContext(context) ? '1' : '0';
}

export const DIALPLAN_FUNCTIONS: DialplanFunction[] = [
  { name: 'VALID_EXTEN', source: SOURCE, needs: 'dialplan', read: validExten },
  { name: 'DIALPLAN_EXISTS', source: SOURCE, needs: 'dialplan', read: dialplanExists },
];
