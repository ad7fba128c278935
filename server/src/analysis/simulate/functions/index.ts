// The dialplan functions the simulation knows: one entry per function (name, the Asterisk source it follows, what
// it needs, its read and write), gathered from one file per family. Names are case-sensitive, as
// ast_custom_function_find compares them in Asterisk 20. A registered function missing from the table is unknown
// (see live.ts); a name Asterisk does not register gives its "not registered" error.
import { CALLERID_FUNCTIONS } from './callerid';
import { CHANNEL_FUNCTIONS } from './channelinfo';
import { CUT_FUNCTIONS } from './cut';
import { DIALPLAN_FUNCTIONS } from './dialplan';
import { ENCODING_FUNCTIONS } from './encodings';
import { GLOBAL_FUNCTIONS } from './global';
import { LIST_FUNCTIONS } from './lists';
import { LIVE_FUNCTIONS, unmodelled } from './live';
import { LOGIC_FUNCTIONS } from './logic';
import { MATH_FUNCTIONS } from './math';
import { registration } from './registered';
import { SPRINTF_FUNCTIONS } from './sprintf';
import { STACK_FUNCTIONS } from './stack';
import { STRING_FUNCTIONS } from './strings';
import { TIME_FUNCTIONS } from './time';
import { TIMEOUT } from './timeout';
import { DEVSTATE } from './devstate';
import { HANGUPCAUSE_FUNCTIONS } from './hangupcause';
import { PJSIP_HEADER } from './pjsipHeader';
import type { DialplanFunction } from './types';

export const FUNCTIONS: ReadonlyMap<string, DialplanFunction> = new Map(
  [
    ...CUT_FUNCTIONS,
    ...LIST_FUNCTIONS,
    ...STRING_FUNCTIONS,
    ...LOGIC_FUNCTIONS,
    ...MATH_FUNCTIONS,
    ...SPRINTF_FUNCTIONS,
    ...CALLERID_FUNCTIONS,
    ...GLOBAL_FUNCTIONS,
    ...STACK_FUNCTIONS,
    ...CHANNEL_FUNCTIONS,
    ...DIALPLAN_FUNCTIONS,
    ...ENCODING_FUNCTIONS,
    ...TIME_FUNCTIONS,
    ...TIMEOUT,
    ...DEVSTATE,
    ...HANGUPCAUSE_FUNCTIONS,
    ...PJSIP_HEADER,
    ...LIVE_FUNCTIONS,
  ].map((f) => [f.name, f]),
);

/** The function Asterisk 20.20.1 would run for this name, or null when it registers none. */
export function findFunction(name: string): DialplanFunction | null {
  return FUNCTIONS.get(name) ?? unmodelled(name);
}

/** Can Asterisk read (write) this function? (ast_func_read: "Function X cannot be read".) */
export function canRead(fn: DialplanFunction): boolean {
  return fn.read !== undefined || (fn.live !== undefined && (registration(fn.name)?.read ?? false));
}
export function canWrite(fn: DialplanFunction): boolean {
  return fn.write !== undefined || (fn.live !== undefined && (registration(fn.name)?.write ?? false));
}
