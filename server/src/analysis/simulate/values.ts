// What the interpreter asks of values: substitute `${...}` and `$[...]` in an application's data (substitute.ts,
// with the dialplan functions), set a variable as Set() does, and decide a condition as pbx_checkcondition
// (main/pbx.c) does. One place, so that the walk and the applications never care how substitution is done.
import { objectOf } from '../../model/pjsip';
import type { Channel } from './channel';
import type { DialplanView, EvalContext } from './context';
import { truthy } from './expression';
import type { Call, Run } from './run';
import { setVariable as setWithFunctions, substitute as substituteText } from './substitute';

export interface Substituted {
  text: string;
  /** What a live call alone would know (a database value, a device's state): taken as empty. */
  unknown: string[];
  /** The WARNING/ERROR lines Asterisk logs while substituting (`LEVEL source: message`). */
  warnings: string[];
}

/** The dialplan as the functions read it (VALID_EXTEN, DIALPLAN_EXISTS, ${HINT}). */
function dialplanView(run: Run, call: Call): DialplanView {
  const plan = call.pbx.dialplan;
  return {
    exists: (context, exten, priority, callerId) => {
      if (!plan) return false;
      const r = typeof priority === 'number' ? run.lookup(plan, context, exten, { callerId, priority }) : run.lookup(plan, context, exten, { callerId, label: priority });
      return r.result === 'match';
    },
    hasContext: (context) => plan?.contexts.has(context) ?? false,
    hasDevice: (tech, resource) => {
      const name = resource.replace(/[/@].*$/, '');
      switch (tech.toUpperCase()) {
        case 'SIP':
          return call.pbx.sip?.peers.has(name) ?? false;
        case 'PJSIP':
          return call.pbx.pjsip ? objectOf(call.pbx.pjsip, 'endpoint', name) !== undefined : false;
        case 'IAX2':
          return call.pbx.iax?.peers.has(name) ?? false;
        default:
          return undefined;
      }
    },
    hint: (context, exten) => {
      const r = plan ? run.lookup(plan, context, exten, { callerId: null, priority: -1 }) : undefined;
      return r?.result === 'match' ? { devices: r.priority.data, name: r.extension.name } : null;
    },
  };
}

/** What substitution and the functions run against for a channel of this call. */
export function evalContextOf(run: Run, call: Call): EvalContext {
  return {
    channel: call.ch,
    ...(run.when ? { when: run.when } : {}),
    unknown: () => undefined,
    warn: (line) => {
      const m = /^(WARNING|ERROR) (\S+): ([\s\S]*)$/.exec(line);
      run.log(m ? (m[1] as 'WARNING' | 'ERROR') : 'WARNING', m ? m[2].replace(/^.*\//, '') : 'pbx_variables.c', m ? m[3] : line);
    },
    note: (message) => run.note(message),
    dialplan: dialplanView(run, call),
  };
}

export function substitute(text: string, call: Call, run: Run): Substituted {
  if (!text.includes('$')) return { text, unknown: [], warnings: [] };
  return substituteText(text, evalContextOf(run, call));
}

/** pbx_builtin_setvar_helper, with a function on the left (`CALLERID(num)`, `LOCAL(x)`) written through. */
export function setVariable(call: Call, run: Run, name: string, value: string, unknownFrom: readonly string[] = []): void {
  setWithFunctions(evalContextOf(run, call), name, value, unknownFrom);
}

/** A variable set outside the dialplan (`--set`): no function, no warning. */
export function setPlain(ch: Channel, name: string, value: string): void {
  ch.vars.set(name, value);
}

/** pbx_checkcondition: empty is false, a leading integer is its value, any other text is true. */
export function checkCondition(text: string): boolean {
  return truthy(text);
}
