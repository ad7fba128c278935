// funcs/func_logic.c: ISNULL, EXISTS, SET, IF (pbx_checkcondition: a number is true unless 0, any other text is
// true, a blank is false), IFTIME (main/pbx_timing.c, through ../../../model/timing.ts), IMPORT (another
// channel's variable: unknown), DELETE and VARIABLE_EXISTS.
import { canEverBeOpen, isAlwaysOpen, isOpen, parseTiming } from '../../../model/timing';
import { fromBytes, scanInt, separateArgs, strip, stripQuoted, toBytes } from '../cstring';
import type { DialplanFunction, FunctionCall } from './types';

const SOURCE = 'funcs/func_logic.c';

/** pbx_checkcondition() (main/pbx.c). */
export function checkCondition(condition: string): boolean {
  if (condition === '') return false;
  const n = scanInt(condition);
  return n !== null && n !== 'eof' ? n.value !== 0 : true;
}

function set(call: FunctionCall): string | null {
  const eq = call.args.indexOf('=');
  if (eq <= 0) {
    call.log('WARNING', SOURCE, 'Syntax SET(<varname>=[<value>])');
    return null;
  }
  const value = strip(call.args.slice(eq + 1));
  call.set(strip(call.args.slice(0, eq)), value);
  return value;
}

function acfIf(call: FunctionCall): string | null {
  const [expr, remainder] = separateArgs(call.args, '?', true, 2);
  const [ifTrue, ifFalse] = remainder === undefined ? [] : separateArgs(remainder, ':', true, 2);
  if (!expr || (ifTrue === undefined && ifFalse === undefined)) return null;
  return checkCondition(strip(expr)) ? strip(ifTrue ?? '') : strip(ifFalse ?? '');
}

function ifTime(call: FunctionCall): string | null {
  const data = stripQuoted(call.args);
  const q = data.indexOf('?');
  const expr = q < 0 ? data : data.slice(0, q);
  const rest = q < 0 ? undefined : data.slice(q + 1);
  const c = rest === undefined ? -1 : rest.indexOf(':');
  const ifTrue = rest === undefined ? undefined : c < 0 ? rest : rest.slice(0, c);
  const ifFalse = rest === undefined || c < 0 ? undefined : rest.slice(c + 1);
  if (expr === '' || (ifTrue === undefined && ifFalse === undefined)) {
    call.log('WARNING', SOURCE, 'Syntax IFTIME(<timespec>?[<true>][:<false>])');
    return null;
  }
  const timing = parseTiming(fromBytes(expr));
  for (const problem of timing.invalid) call.log('WARNING', 'main/pbx_timing.c', timingWarning(problem));
  const when = call.ctx.when;
  const open = when ? isOpen(timing, when) : isAlwaysOpen(timing) ? true : !canEverBeOpen(timing) ? false : null;
  if (open === null) {
    call.unknown('the time of the call');
    return '';
  }
  return stripQuoted((open ? ifTrue : ifFalse) ?? '');
}

/** The warning pbx_timing.c logs for a part model/timing.ts found invalid. */
function timingWarning(problem: string): string {
  const m = /^(end )?(.*?) '(.*)'$/s.exec(problem) as RegExpExecArray;
  const [, end, what, text] = m;
  if (what === 'time') return `${toBytes(text)} isn't a valid time.`;
  if (what === 'time range') {
    const [start, stop] = [text.slice(0, text.indexOf('-')), text.slice(text.indexOf('-') + 1)];
    const valid = (t: string): boolean => /^\s*\d{1,2}:\s*\d{1,2}/.test(t) && Number(/\d+/.exec(t)?.[0]) <= 23 && Number(/:\s*(\d+)/.exec(t)?.[1]) <= 59;
    if (stop === '') return `Invalid time range starting with '${toBytes(start)}-'.`;
    return valid(start) ? `'${toBytes(stop)}' isn't a valid end time.` : `'${toBytes(start)}' isn't a valid start time.`;
  }
  return `Invalid ${end ?? ''}${what} '${toBytes(text)}', skipping element`;
}

function importRead(call: FunctionCall): string {
  const [channel, varname] = separateArgs(call.args, ',', true, 2);
  if (!varname) return '';
  if (fromBytes(channel) === call.channel.name) return call.substitute(`\${${varname}}`);
  call.unknown('a variable of another channel');
  return '';
}

export const LOGIC_FUNCTIONS: DialplanFunction[] = [
  { name: 'ISNULL', source: SOURCE, needs: 'arguments', read: (call) => (call.args ? '0' : '1'), readMax: 2 },
  { name: 'EXISTS', source: SOURCE, needs: 'arguments', read: (call) => (call.args ? '1' : '0'), readMax: 2 },
  { name: 'SET', source: SOURCE, needs: 'channel', read: set },
  { name: 'IF', source: SOURCE, needs: 'arguments', read: acfIf },
  { name: 'IFTIME', source: SOURCE, needs: 'time', read: ifTime },
  { name: 'IMPORT', source: SOURCE, needs: 'live call', read: importRead },
  { name: 'DELETE', source: SOURCE, needs: 'channel', write: (call) => call.set(call.args, undefined) },
  { name: 'VARIABLE_EXISTS', source: SOURCE, needs: 'channel', read: (call) => (call.get(call.args) === undefined ? '0' : '1') },
];
