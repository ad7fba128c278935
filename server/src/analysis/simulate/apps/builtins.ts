// The applications of main/pbx_builtins.c that neither jump nor wait for the caller (Answer, Hangup, Busy,
// Congestion, NoOp, Wait, Progress, Ringing...), Set and MSet (main/pbx_variables.c), Verbose and Log
// (apps/app_verbose.c), ClearHash (funcs/func_strings.c).
import { separateArgs } from '../cstring';
import { clearHash } from '../functions/lists';
import type { Application, AppContext } from './types';
import { PBX_INCOMPLETE } from './types';

/** Hangup cause names Hangup() accepts (main/channel.c `causes`, in its order), and their numbers (causes.h). */
const CAUSES: [string, number][] = [
  ['UNALLOCATED', 1], ['NO_ROUTE_TRANSIT_NET', 2], ['NO_ROUTE_DESTINATION', 3], ['MISDIALLED_TRUNK_PREFIX', 5],
  ['CHANNEL_UNACCEPTABLE', 6], ['CALL_AWARDED_DELIVERED', 7], ['PRE_EMPTED', 8], ['NUMBER_PORTED_NOT_HERE', 14],
  ['NORMAL_CLEARING', 16], ['USER_BUSY', 17], ['NO_USER_RESPONSE', 18], ['NO_ANSWER', 19], ['SUBSCRIBER_ABSENT', 20],
  ['CALL_REJECTED', 21], ['NUMBER_CHANGED', 22], ['REDIRECTED_TO_NEW_DESTINATION', 23], ['ANSWERED_ELSEWHERE', 26],
  ['DESTINATION_OUT_OF_ORDER', 27], ['INVALID_NUMBER_FORMAT', 28], ['FACILITY_REJECTED', 29],
  ['RESPONSE_TO_STATUS_ENQUIRY', 30], ['NORMAL_UNSPECIFIED', 31], ['NORMAL_CIRCUIT_CONGESTION', 34],
  ['NETWORK_OUT_OF_ORDER', 38], ['NORMAL_TEMPORARY_FAILURE', 41], ['SWITCH_CONGESTION', 42], ['ACCESS_INFO_DISCARDED', 43],
  ['REQUESTED_CHAN_UNAVAIL', 44], ['FACILITY_NOT_SUBSCRIBED', 50], ['OUTGOING_CALL_BARRED', 52], ['INCOMING_CALL_BARRED', 54],
  ['BEARERCAPABILITY_NOTAUTH', 57], ['BEARERCAPABILITY_NOTAVAIL', 58], ['BEARERCAPABILITY_NOTIMPL', 65],
  ['CHAN_NOT_IMPLEMENTED', 66], ['FACILITY_NOT_IMPLEMENTED', 69], ['INVALID_CALL_REFERENCE', 81],
  ['INCOMPATIBLE_DESTINATION', 88], ['INVALID_MSG_UNSPECIFIED', 95], ['MANDATORY_IE_MISSING', 96],
  ['MESSAGE_TYPE_NONEXIST', 97], ['WRONG_MESSAGE', 98], ['IE_NONEXIST', 99], ['INVALID_IE_CONTENTS', 100],
  ['WRONG_CALL_STATE', 101], ['RECOVERY_ON_TIMER_EXPIRE', 102], ['MANDATORY_IE_LENGTH_ERROR', 103], ['PROTOCOL_ERROR', 111],
  ['INTERWORKING', 127],
];
export const CAUSE_NORMAL_CLEARING = 16;
export const CAUSE_BUSY = 17;
export const CAUSE_CONGESTION = 34;

/** ast_str2cause: the first cause whose name the text starts with (case-insensitive), else -1. */
function causeOf(text: string): number {
  const upper = text.toUpperCase();
  for (const [name, cause] of CAUSES) if (upper.startsWith(name)) return cause;
  return -1;
}

/** sscanf("%30d"): a leading integer after blanks, or NaN. */
export function leadingInt(text: string): number {
  const m = /^\s*([+-]?\d+)/.exec(text);
  return m ? parseInt(m[1], 10) : NaN;
}

/** pbx_builtin_hangup: the cause given (a name or a number), else the channel's, else normal clearing. */
function hangup(x: AppContext): number {
  let cause = 0;
  if (x.data !== '') {
    cause = causeOf(x.data);
    if (cause <= 0) {
      const n = leadingInt(x.data);
      cause = Number.isNaN(n) || n <= 0 ? 0 : n;
      if (cause === 0) x.run.log('WARNING', 'pbx_builtins.c', `Invalid cause given to Hangup(): "${x.data}"`);
    }
  }
  if (cause <= 0) cause = x.ch.hangupCause > 0 ? x.ch.hangupCause : CAUSE_NORMAL_CLEARING;
  x.ch.hangupCause = cause;
  x.call.hungUp = true;
  x.note(`Hangs up (cause ${cause}).`);
  return -1;
}

/** indicate_busy / indicate_congestion: the tone, the cause on an unanswered channel, then the hangup. */
function indicate(cause: number, what: string) {
  return (x: AppContext): number => {
    if (!x.ch.answered) x.ch.hangupCause = cause;
    x.call.hungUp = true;
    x.call.tone = what;
    x.note(`Signals ${what} to the caller and hangs up.`);
    return -1;
  };
}

/** pbx_builtin_setvar: `name=value`, split at the first `=`; a name ending in `)` is a function written. */
function set(x: AppContext): number {
  if (x.data === '') {
    x.run.log('WARNING', 'pbx_variables.c', 'Set requires one variable name/value pair.');
    return 0;
  }
  const eq = x.data.indexOf('=');
  if (eq < 0) {
    x.run.log('WARNING', 'pbx_variables.c', "Set requires an '=' to be a valid assignment.");
    return 0;
  }
  const name = x.data.slice(0, eq);
  const value = x.data.slice(eq + 1);
  if (name.includes(' ')) x.run.log('WARNING', 'pbx_variables.c', `Please avoid unnecessary spaces on variables as it may lead to unexpected results ('${name}' set to '${value}').`);
  x.setVar(name, value, x.unknown);
  x.note(x.unknown.length ? `Sets ${name} from ${x.unknown.join(', ')}, which only a live call knows.` : `Sets ${name} to '${value}'.`);
  return 0;
}

/** pbx_builtin_setvar_multiple: `a=1,b=2`, each pair split with quotes and backslashes removed. */
function mset(x: AppContext): number {
  if (x.data === '') {
    x.run.log('WARNING', 'pbx_variables.c', 'MSet requires at least one variable name/value pair.');
    return 0;
  }
  for (const entry of separateArgs(x.data, ',', true, 99)) {
    const pair = separateArgs(entry, '=', true, 2);
    if (pair.length === 2) x.setVar(pair[0], pair[1], x.unknown);
    else x.run.log('WARNING', 'pbx_variables.c', `MSet: ignoring entry '${pair[0] ?? ''}' with no '=' (in ${x.ch.exten}@${x.ch.context}:${x.ch.priority}`);
  }
  return 0;
}

const nothing = (): number => 0;

export const BUILTINS: Application[] = [
  {
    name: 'Answer',
    source: 'main/pbx_builtins.c',
    run: (x) => {
      if (!x.ch.answered) x.note('Answers the call.');
      x.ch.answered = true;
      return 0;
    },
  },
  { name: 'Hangup', source: 'main/pbx_builtins.c', run: hangup },
  { name: 'Busy', source: 'main/pbx_builtins.c', run: indicate(CAUSE_BUSY, 'busy') },
  { name: 'Congestion', source: 'main/pbx_builtins.c', run: indicate(CAUSE_CONGESTION, 'congestion') },
  { name: 'NoOp', source: 'main/pbx_builtins.c', run: nothing },
  { name: 'Progress', source: 'main/pbx_builtins.c', run: nothing },
  { name: 'Proceeding', source: 'main/pbx_builtins.c', run: nothing },
  { name: 'Ringing', source: 'main/pbx_builtins.c', run: nothing },
  { name: 'SetAMAFlags', source: 'main/pbx_builtins.c', run: nothing },
  {
    name: 'Wait',
    source: 'main/pbx_builtins.c',
    run: (x) => (x.call.hungUp ? -1 : 0),
  },
  {
    name: 'Incomplete',
    source: 'main/pbx_builtins.c',
    run: (x) => {
      if (x.call.hungUp) return -1;
      if (!/n/.test(x.data)) x.ch.answered = true;
      return PBX_INCOMPLETE;
    },
  },
  { name: 'Set', source: 'main/pbx_variables.c', run: set },
  { name: 'MSet', source: 'main/pbx_variables.c', run: mset },
  {
    name: 'Verbose',
    source: 'apps/app_verbose.c',
    run: (x) => {
      const [level, text] = separateArgs(x.data, ',', false, 2);
      x.run.log('VERBOSE', 'app_verbose.c', ` ${text ?? level ?? ''}`);
      return 0;
    },
  },
  { name: 'Log', source: 'apps/app_verbose.c', run: nothing },
  {
    name: 'ClearHash',
    source: 'funcs/func_strings.c',
    run: (x) => {
      clearHash(x.ch, x.data === '' ? undefined : x.data);
      return 0;
    },
  },
];
