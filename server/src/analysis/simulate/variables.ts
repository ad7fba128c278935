// Variables of a simulated channel and their substitution as pbx_substitute_variables_helper does it: `${NAME}`,
// `${NAME:offset:length}`, the channel's EXTEN, CONTEXT, PRIORITY and CALLERID(...), Set() values, then
// [globals]; `$[...]` is evaluated once its variables are. What cannot be known without a live call (DIALSTATUS,
// a database lookup, a function we do not model) is substituted as empty and reported as unknown.
import { substring } from '../../model/dialplan';
import { evaluate } from './expression';

export interface Channel {
  exten: string;
  context: string;
  priority: number;
  callerId: string | null;
  callerName: string | null;
  vars: Map<string, string>;
  globals: Map<string, string>;
}

export interface Substituted {
  text: string;
  /** Variables, functions or expressions whose value a live call would know and we do not. */
  unknown: string[];
}

function lookupName(name: string, ch: Channel): string | undefined {
  switch (name) {
    case 'EXTEN':
      return ch.exten;
    case 'CONTEXT':
      return ch.context;
    case 'PRIORITY':
      return String(ch.priority);
    case 'CALLERID(num)':
    case 'CALLERID(number)':
      return ch.callerId ?? '';
    case 'CALLERID(name)':
      return ch.callerName ?? '';
    case 'CALLERID(all)':
      return `"${ch.callerName ?? ''}" <${ch.callerId ?? ''}>`;
  }
  const len = /^LEN\((.*)\)$/.exec(name);
  if (len) return String(len[1].length);
  return ch.vars.get(name) ?? ch.globals.get(name);
}

/** The end of a `${` or `$[` opened at `start` (index after the closing bracket), or -1. */
function closing(text: string, start: number): number {
  const open = text[start + 1];
  const close = open === '{' ? '}' : ']';
  let depth = 1;
  for (let j = start + 2; j < text.length; j++) {
    if (text[j] === '$' && (text[j + 1] === '{' || text[j + 1] === '[')) {
      const end = closing(text, j);
      if (end < 0) return -1;
      j = end - 1;
    } else if (text[j] === open) depth++;
    else if (text[j] === close && --depth === 0) return j + 1;
  }
  return -1;
}

export function substitute(text: string, ch: Channel): Substituted {
  const unknown: string[] = [];
  const walk = (s: string): string => {
    let out = '';
    let i = 0;
    while (i < s.length) {
      const at = s.indexOf('$', i);
      if (at < 0 || at + 1 >= s.length) return out + s.slice(i);
      const kind = s[at + 1];
      if (kind !== '{' && kind !== '[') {
        out += s.slice(i, at + 1);
        i = at + 1;
        continue;
      }
      const end = closing(s, at);
      if (end < 0) return out + s.slice(i);
      out += s.slice(i, at);
      const inner = walk(s.slice(at + 2, end - 1));
      if (kind === '[') {
        const v = evaluate(inner);
        if (v === null) unknown.push(`$[${inner}]`);
        out += v ?? '';
      } else {
        const m = /^([^:]*(?:\([^)]*\))?)(?::(-?\d+)(?::(-?\d+))?)?$/.exec(inner);
        const name = m ? m[1] : inner;
        let v = lookupName(name, ch);
        if (v === undefined) {
          unknown.push(name);
          v = '';
        }
        if (m && m[2] !== undefined) v = substring(v, parseInt(m[2], 10), m[3] === undefined ? undefined : parseInt(m[3], 10));
        out += v;
      }
      i = end;
    }
    return out;
  };
  return { text: walk(text), unknown };
}

/** Set(NAME=value) on the channel: CALLERID(num) and CALLERID(name) change the caller, the rest are variables. */
export function assign(ch: Channel, name: string, value: string): void {
  const n = name.trim().replace(/^_{1,2}/, ''); // `_VAR`/`__VAR` are inherited by the channels it creates
  if (/^CALLERID\((num|number)\)$/i.test(n)) ch.callerId = value;
  else if (/^CALLERID\(name\)$/i.test(n)) ch.callerName = value;
  else if (/^CALLERID\(all\)$/i.test(n)) {
    const m = /^\s*"?([^"<]*)"?\s*<([^>]*)>/.exec(value);
    ch.callerName = m ? m[1].trim() : value;
    ch.callerId = m ? m[2] : ch.callerId;
  } else ch.vars.set(n, value);
}
