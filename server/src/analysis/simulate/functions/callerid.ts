// CALLERID as funcs/func_callerid.c reads and writes the channel's caller (struct ast_party_caller): the id's
// name and number (with valid, presentation, plan, charset), subaddress and tag, `all` parsed and printed as
// main/callerid.c does (ast_callerid_split, ast_shrink_phone_number), `pres` combined as ast_party_id_presentation,
// ani (a party id of its own), ani2, priv, dnid (the dialed number) and rdnis (the redirecting number).
// CONNECTEDLINE and REDIRECTING describe the other party of a live call: unknown.
// The channel's `caller` (channel.ts) holds the numbers and names the dialplan matches on; the rest lives here.
import type { Channel } from '../channel';
import { fromBytes, separateArgs, stripQuoted, strip, toBytes, trimBlanks, skipBlanks, atoi } from '../cstring';
import type { DialplanFunction, FunctionCall } from './types';

const SOURCE = 'funcs/func_callerid.c';

interface Party {
  name: { str: string | null; valid: boolean; charset: number; pres: number };
  number: { str: string | null; valid: boolean; plan: number; pres: number };
  subaddress: { str: string | null; valid: boolean; type: number; odd: number };
  tag: string | null;
}
export interface CallerState {
  id: Party;
  ani: Party;
  priv: Party;
  ani2: number;
  dnid: { number: string | null; plan: number; subaddress: Party['subaddress'] };
}

const party = (): Party => ({
  name: { str: null, valid: false, charset: 1, pres: 0 },
  number: { str: null, valid: false, plan: 0, pres: 0 },
  subaddress: { str: null, valid: false, type: 0, odd: 0 },
  tag: null,
});

const cloneParty = (p: Party): Party => ({ name: { ...p.name }, number: { ...p.number }, subaddress: { ...p.subaddress }, tag: p.tag });

const states = new WeakMap<Channel, CallerState>();

/** The caller of a channel, with channel.caller's numbers and names (which the walk may change) read in. */
export function callerState(ch: Channel): CallerState {
  let s = states.get(ch);
  if (!s) {
    s = { id: party(), ani: party(), priv: party(), ani2: 0, dnid: { number: null, plan: 0, subaddress: party().subaddress } };
    states.set(ch, s);
  }
  const sync = (field: { str: string | null; valid: boolean }, value: string | null): void => {
    if (value === null) field.valid = false;
    else if (!field.valid || (field.str ?? '') !== value) [field.valid, field.str] = [true, value];
  };
  sync(s.id.number, ch.caller.number);
  sync(s.id.name, ch.caller.name);
  sync(s.ani.number, ch.caller.ani);
  if ((s.dnid.number ?? null) !== ch.caller.dnid) s.dnid.number = ch.caller.dnid;
  return s;
}

/** Back into channel.caller. */
function store(ch: Channel, s: CallerState): void {
  const shown = (f: { str: string | null; valid: boolean }): string | null => (f.valid ? (f.str ?? '') : null);
  ch.caller.number = shown(s.id.number);
  ch.caller.name = shown(s.id.name);
  ch.caller.ani = shown(s.ani.number);
  ch.caller.dnid = s.dnid.number;
}

const PRES: [number, string][] = [
  [0x00, 'allowed_not_screened'],
  [0x01, 'allowed_passed_screen'],
  [0x02, 'allowed_failed_screen'],
  [0x03, 'allowed'],
  [0x20, 'prohib_not_screened'],
  [0x21, 'prohib_passed_screen'],
  [0x22, 'prohib_failed_screen'],
  [0x23, 'prohib'],
  [0x43, 'unavailable'],
  [0x40, 'unavailable'],
  [0x42, 'unavailable'],
  [0x41, 'unavailable'],
];
const CHARSETS = ['unknown', 'iso8859-1', 'withdrawn', 'iso8859-2', 'iso8859-3', 'iso8859-4', 'iso8859-5', 'iso8859-7', 'bmp', 'utf8'];

const presName = (p: number): string => PRES.find(([v]) => v === p)?.[1] ?? 'unknown';
const presParse = (s: string): number => PRES.find(([, n]) => n === s.toLowerCase())?.[0] ?? -1;

/** ast_party_id_presentation(): the stricter of name and number, unavailable when neither is valid. */
function idPresentation(id: Party): number {
  const rank = (valid: boolean, pres: number): [number, number] => {
    if (!valid) return [0x40, 3];
    const r = pres & 0x60;
    return r === 0x20 ? [r, 0] : r === 0x00 ? [r, 1] : r === 0x40 ? [r, 2] : [0x40, 3];
  };
  const [nameValue, namePriority] = rank(id.name.valid, id.name.pres);
  let [numberValue, numberPriority] = rank(id.number.valid, id.number.pres);
  const screening = id.number.valid && numberPriority < 3 ? id.number.pres & 0x03 : 0;
  if (namePriority < numberPriority) [numberValue, numberPriority] = [nameValue, namePriority];
  return numberValue === 0x40 ? 0x43 : numberValue | screening;
}

export function callerPresentation(ch: Channel): number {
  return idPresentation(callerState(ch).id);
}

/** ast_shrink_phone_number(). */
function shrink(n: string): string {
  let out = '';
  let bracketed = 0;
  for (let x = 0; x < n.length; x++) {
    const c = n[x];
    if (c === '[') bracketed++;
    else if (c === ']') bracketed--;
    if ((c === '-' && !bracketed) || (c === '.' && x + 1 < n.length) || c === '(' || c === ' ' || c === ')') continue;
    out += c;
  }
  return out;
}

/** ast_callerid_split(): `"name" <number>`, `name <number>`, a number alone, or a name alone. */
export function splitCallerId(text: string, size = 256): { name: string; number: string } {
  const input = strip(text);
  const instr = stripQuoted(input);
  const quoted = instr !== input;
  let name: string | null;
  let location: string | null;
  const ls = instr.lastIndexOf('<');
  if (ls >= 0) {
    const le = instr.lastIndexOf('>');
    location = instr.slice(ls + 1, le > ls ? le : undefined);
    name = stripQuoted(instr.slice(0, ls));
  } else {
    const tmp = shrink(instr.slice(0, 255));
    if (!quoted && tmp !== '' && /^[0-9*#+]+$/.test(tmp)) [name, location] = [null, tmp];
    else [name, location] = [stripQuoted(instr), null];
  }
  if (name !== null) name = name.replace(/\\(.?)/gs, '$1');
  return { name: (name ?? '').slice(0, size - 1), number: location === null ? '' : shrink(location).slice(0, size - 1) };
}

type Status = 'valid' | 'invalid' | 'unknown';

function readParty(p: Party, sub: string[]): { value: string; status: Status } {
  const ok = (value: string): { value: string; status: Status } => ({ value, status: 'valid' });
  const [m, ...rest] = sub;
  if (m === undefined) return { value: '', status: 'unknown' };
  const lm = m.toLowerCase();
  if (sub.length === 1 && lm === 'all') return ok(`"${p.name.valid ? (p.name.str ?? '') : ''}" <${p.number.valid ? (p.number.str ?? '') : ''}>`);
  if (lm === 'name' || lm.startsWith('num')) {
    const f = lm === 'name' ? p.name : p.number;
    const [a] = rest;
    const la = a?.toLowerCase();
    if (rest.length === 0) return ok(f.valid && f.str !== null ? f.str : '');
    if (rest.length === 1 && la === 'valid') return ok(f.valid ? '1' : '0');
    if (rest.length === 1 && la?.startsWith('pres')) return ok(presName(f.pres));
    if (rest.length === 1 && lm === 'name' && la === 'charset') return ok(CHARSETS[p.name.charset] ?? 'not-known');
    if (rest.length === 1 && lm !== 'name' && la === 'plan') return ok(String(p.number.plan));
    return { value: '', status: 'unknown' };
  }
  if (lm.startsWith('subaddr')) return readSubaddress(p.subaddress, rest);
  if (sub.length === 1 && lm === 'tag') return ok(p.tag ?? '');
  if (sub.length === 1 && lm === 'ton') return ok(String(p.number.plan));
  if (sub.length === 1 && lm.startsWith('pres')) return ok(presName(idPresentation(p)));
  return { value: '', status: 'unknown' };
}

function readSubaddress(s: Party['subaddress'], sub: string[]): { value: string; status: Status } {
  const a = sub[0]?.toLowerCase();
  if (sub.length === 0) return { value: s.str ?? '', status: 'valid' };
  if (sub.length === 1 && a === 'valid') return { value: s.valid ? '1' : '0', status: 'valid' };
  if (sub.length === 1 && a === 'type') return { value: String(s.type), status: 'valid' };
  if (sub.length === 1 && a === 'odd') return { value: String(s.odd), status: 'valid' };
  return { value: '', status: 'unknown' };
}

/** A presentation or plan value: a number, else a name; -1 when neither. */
const presentationOf = (value: string): number => {
  const v = trimBlanks(value);
  return v[0] >= '0' && v[0] <= '9' ? atoi(v) : presParse(v);
};

function writeParty(call: FunctionCall, p: Party, sub: string[], value: string): Status {
  const [m, ...rest] = sub;
  if (m === undefined) return 'unknown';
  const lm = m.toLowerCase();
  const la = rest[0]?.toLowerCase();
  const invalid = (what: string, v: string): Status => {
    call.log('ERROR', SOURCE, `Unknown ${what} '${toBytes(v)}', value unchanged`);
    return 'invalid';
  };
  if (sub.length === 1 && lm === 'all') {
    const { name, number } = splitCallerId(value);
    p.name = { ...p.name, valid: true, str: name };
    p.number = { ...p.number, valid: true, str: number };
    return 'valid';
  }
  if (lm === 'name' || lm.startsWith('num')) {
    const f = lm === 'name' ? p.name : p.number;
    if (rest.length === 0) [f.valid, f.str] = [true, trimBlanks(value)];
    else if (rest.length === 1 && la === 'valid') f.valid = atoi(value) !== 0;
    else if (rest.length === 1 && la?.startsWith('pres')) {
      const pres = presentationOf(value);
      if (pres < 0) return invalid(`${lm === 'name' ? 'name' : 'number'} presentation`, trimBlanks(value));
      f.pres = pres;
    } else if (rest.length === 1 && lm === 'name' && la === 'charset') {
      const v = trimBlanks(value);
      const cs = v[0] >= '0' && v[0] <= '9' ? atoi(v) : CHARSETS.indexOf(v.toLowerCase());
      if (cs < 0) return invalid('name char-set', v);
      p.name.charset = cs;
    } else if (rest.length === 1 && lm !== 'name' && la === 'plan') {
      const v = trimBlanks(value);
      if (!(v[0] >= '0' && v[0] <= '9')) return invalid('type-of-number/numbering-plan', v);
      p.number.plan = atoi(v);
    } else return 'unknown';
    return 'valid';
  }
  if (lm.startsWith('subaddr')) {
    const s = p.subaddress;
    if (rest.length === 0) s.str = trimBlanks(value);
    else if (rest.length === 1 && la === 'valid') s.valid = atoi(value) !== 0;
    else if (rest.length === 1 && la === 'type') s.type = atoi(value) ? 2 : 0;
    else if (rest.length === 1 && la === 'odd') s.odd = atoi(value) ? 1 : 0;
    else return 'unknown';
    return 'valid';
  }
  if (sub.length === 1 && lm === 'tag') p.tag = trimBlanks(value);
  else if (sub.length === 1 && lm === 'ton') return writeParty(call, p, ['num', 'plan'], value);
  else if (sub.length === 1 && lm.startsWith('pres')) {
    const pres = presentationOf(value);
    if (pres < 0) return invalid('combined presentation', trimBlanks(value));
    p.name.pres = pres;
    p.number.pres = pres;
  } else return 'unknown';
  return 'valid';
}

/** The member names of CALLERID(a-b-c,...): null for none or too many (the call fails silently). */
function members(call: FunctionCall, max: number): { sub: string[]; cid: string | undefined } | null {
  const args = separateArgs(call.args, ',', true, max);
  if (args.length === 0) return null;
  const sub = separateArgs(args[0], '-', true, 10);
  if (sub.length === 0 || sub.length >= 10) return null;
  return { sub, cid: args.length === 2 ? args[1] : undefined };
}

function read(call: FunctionCall): string | null {
  const m = members(call, 2);
  if (!m) return null;
  const { sub } = m;
  const unknownType = (): string => {
    call.log('ERROR', SOURCE, `Unknown callerid data type '${call.args}'.`);
    return '';
  };
  const first = sub[0].toLowerCase();
  if (m.cid !== undefined) {
    const { name, number } = splitCallerId(m.cid, 80);
    if (sub.length === 1 && first === 'all') return `"${name}" <${number}>`;
    if (sub.length === 1 && first === 'name') return name;
    if (sub.length === 1 && first.startsWith('num')) return number;
    return unknownType();
  }
  const s = callerState(call.channel);
  if (sub.length === 1 && first === 'rdnis') return toBytes(call.channel.caller.rdnis ?? '');
  if (first === 'dnid') {
    const rest = sub.length === 1 ? ['num'] : sub.slice(1);
    if (rest[0].toLowerCase().startsWith('num')) {
      if (rest.length === 1) return toBytes(s.dnid.number ?? '');
      if (rest.length === 2 && rest[1].toLowerCase() === 'plan') return String(s.dnid.plan);
      return unknownType();
    }
    if (rest[0].toLowerCase().startsWith('subaddr')) {
      const r = readSubaddress(s.dnid.subaddress, rest.slice(1));
      return r.status === 'unknown' ? unknownType() : toBytes(r.value);
    }
    return unknownType();
  }
  if (sub.length === 1 && first === 'ani2') return String(s.ani2);
  const [p, path] = first === 'ani' ? [s.ani, sub.length === 1 ? ['num'] : sub.slice(1)] : first === 'priv' ? [s.priv, sub.slice(1)] : [s.id, sub];
  const r = readParty(p, path);
  return r.status === 'unknown' ? unknownType() : toBytes(r.value);
}

function write(call: FunctionCall, rawValue: string): void {
  const m = members(call, 3);
  if (!m) return;
  const { sub } = m;
  const ch = call.channel;
  const value = fromBytes(skipBlanks(rawValue));
  const first = sub[0].toLowerCase();
  const unknownType = (): void => call.log('ERROR', SOURCE, `Unknown callerid data type '${call.args}'.`);
  const s = callerState(ch);
  if (sub.length === 1 && first === 'rdnis') ch.caller.rdnis = value;
  else if (first === 'dnid') {
    const rest = sub.length === 1 ? ['num'] : sub.slice(1);
    if (rest[0].toLowerCase().startsWith('num')) {
      if (rest.length === 1) s.dnid.number = trimBlanks(value);
      else if (rest.length === 2 && rest[1].toLowerCase() === 'plan') {
        const v = trimBlanks(value);
        if (v[0] >= '0' && v[0] <= '9') s.dnid.plan = atoi(v);
        else call.log('ERROR', SOURCE, `Unknown type-of-number/numbering-plan '${toBytes(v)}', value unchanged`);
      } else unknownType();
    } else if (rest[0].toLowerCase().startsWith('subaddr')) {
      const holder = { ...party(), subaddress: { ...s.dnid.subaddress } };
      const status = writeParty(call, holder, ['subaddr', ...rest.slice(1)], value);
      if (status === 'valid') s.dnid.subaddress = holder.subaddress;
      else if (status === 'unknown') unknownType();
    } else unknownType();
  } else if (sub.length === 1 && first === 'ani2') {
    const v = trimBlanks(value);
    if (v[0] >= '0' && v[0] <= '9') s.ani2 = atoi(v);
    else call.log('ERROR', SOURCE, `Unknown callerid ani2 '${toBytes(v)}', value unchanged`);
  } else {
    const key = first === 'ani' ? 'ani' : first === 'priv' ? 'priv' : 'id';
    const path = key === 'ani' ? (sub.length === 1 ? ['num'] : sub.slice(1)) : key === 'priv' ? sub.slice(1) : sub;
    // written on a copy, kept only when valid (ast_party_caller_set_init, then set)
    const copy = cloneParty(s[key]);
    const status = writeParty(call, copy, path, value);
    if (status === 'valid') s[key] = copy;
    else if (status === 'unknown') unknownType();
  }
  store(ch, s);
}

export const CALLERID_FUNCTIONS: DialplanFunction[] = [
  { name: 'CALLERID', source: SOURCE, needs: 'channel', read, write },
  { name: 'CONNECTEDLINE', source: SOURCE, needs: 'live call', live: 'the party a live call is connected to' },
  { name: 'REDIRECTING', source: SOURCE, needs: 'live call', live: 'where a live call was redirected from' },
];
