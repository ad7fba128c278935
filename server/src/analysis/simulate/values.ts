// What the interpreter asks of values: substitute `${...}` and `$[...]` in an application's data, set a variable
// as Set() does, and decide a condition as pbx_checkcondition (main/pbx.c) does. One place, so that the walk and
// the applications never care how substitution is done.
import type { Channel } from './channel';
import { truthy } from './expression';
import { assign, substitute as substituteOld } from './variables';

export interface Substituted {
  text: string;
  /** What a live call alone would know (a database value, a Dial's result nobody assumed): taken as empty. */
  unknown: string[];
  /** The WARNING/ERROR lines Asterisk logs while substituting. */
  warnings: string[];
}

/** The channel as the substitution engine of variables.ts reads it. */
function view(ch: Channel): Parameters<typeof substituteOld>[1] {
  return {
    get exten() {
      return ch.exten;
    },
    get context() {
      return ch.context;
    },
    get priority() {
      return ch.priority;
    },
    get callerId() {
      return ch.caller.number;
    },
    set callerId(v: string | null) {
      ch.caller.number = v;
    },
    get callerName() {
      return ch.caller.name;
    },
    set callerName(v: string | null) {
      ch.caller.name = v;
    },
    vars: ch.vars as unknown as Map<string, string>,
    globals: ch.globals as unknown as Map<string, string>,
  };
}

export function substitute(text: string, ch: Channel): Substituted {
  if (!text.includes('$')) return { text, unknown: [], warnings: [] };
  const r = substituteOld(text, view(ch));
  // an unset variable is empty, as in Asterisk: only functions and expressions stay unknown
  return { text: r.text, unknown: r.unknown.filter((u) => u.includes('(') || u.startsWith('$[')), warnings: [] };
}

/** pbx_builtin_setvar_helper, with a function on the left (`CALLERID(num)`, `LOCAL(x)`) written through. */
export function setVariable(ch: Channel, name: string, value: string): void {
  assign(view(ch), name, value);
}

/** pbx_checkcondition: empty is false, a leading integer is its value, any other text is true. */
export function checkCondition(text: string): boolean {
  return truthy(text);
}
