// Delimited lists and hashes kept in channel variables, as funcs/func_strings.c does them: FIELDQTY, FIELDNUM,
// LISTFILTER, SHIFT and POP (which change the variable), PUSH and UNSHIFT (written), and HASH, HASHKEYS and ARRAY
// (a hash key is the variable `~HASH~name~key~`). Each reads the variable it is given by name with `${name}`.
import type { Channel } from '../channel';
import { VarList } from '../channel';
import { encodedByte, encodedStr, lower, separateArgs, toBytes } from '../cstring';
import type { DialplanFunction, FunctionCall } from './types';
import { appLog } from './types';

const SOURCE = 'funcs/func_strings.c';

const valueOf = (call: FunctionCall, name: string): string => call.substitute(`\${${name}}`);

/** A delimiter argument as ast_get_encoded_char leaves it (the byte, '' for none). */
const delimiterOf = (call: FunctionCall, text: string | undefined): string => encodedByte(text, appLog(call)) ?? '';

/** strsep() over the whole text: the pieces between delimiter bytes (an empty delimiter cuts nothing). */
const pieces = (value: string, delim: string): string[] => (delim === '' ? [value] : value.split(delim));

function fieldqty(call: FunctionCall): string {
  const [varname, delim] = separateArgs(call.args, ',', true, 2);
  if (delim === undefined) return '1';
  const d = delimiterOf(call, delim);
  const value = valueOf(call, varname);
  return String(value === '' ? 0 : pieces(value, d).length);
}

function fieldnum(call: FunctionCall): string | null {
  const args = separateArgs(call.args, ',', true, 3);
  if (args.length < 3) {
    call.log('ERROR', SOURCE, 'Usage: FIELDNUM(<listname>,<delimiter>,<fieldvalue>)');
    return null;
  }
  const [varname, delim, field] = args;
  const value = valueOf(call, varname);
  if (value === '' || delim === '') return '0';
  const d = encodedByte(delim, appLog(call));
  if (d === null) return null;
  const index = pieces(value, d).findIndex((f) => lower(f) === lower(field));
  return String(index + 1);
}

function listfilter(call: FunctionCall): string | null {
  const args = separateArgs(call.args, ',', true, 3);
  if (args.length < 3) {
    call.log('ERROR', SOURCE, 'Usage: LISTFILTER(<listname>,<delimiter>,<fieldvalue>)');
    return null;
  }
  const [listname, delimiter, value] = args;
  const list = valueOf(call, listname);
  if (list === '') return null;
  if (!list.includes(value)) return list;
  const delim = encodedStr(delimiter, delimiter.length + 1) || ',';
  const dlen = delim.length;
  let out = '';
  let first = true;
  let begin = 0;
  let next = list.indexOf(delim);
  let cur: number;
  do {
    if (next >= 0) {
      cur = next;
      next = list.indexOf(delim, cur + dlen);
    } else cur = Math.max(list.length, begin + dlen); // past a trailing delimiter C reads on beyond the text
    if (cur - begin !== value.length || list.slice(begin, cur) !== value) {
      out += (first ? '' : delim) + list.slice(begin, cur);
      first = false;
    }
    begin = cur + dlen;
  } while (cur < list.length);
  return out;
}

function shiftPop(call: FunctionCall): string | null {
  const args = separateArgs(call.args, ',', true, 2);
  const [name, delimiter] = args;
  if (!name) {
    call.log('WARNING', SOURCE, `${call.name} requires a variable name`);
    return null;
  }
  const before = valueOf(call, name);
  const d = args.length > 1 && delimiter ? delimiterOf(call, delimiter) : ',';
  if (before === '') return null;
  const at = d === '' ? -1 : call.name[0] === 'S' ? before.indexOf(d) : before.lastIndexOf(d);
  if (at < 0) {
    call.set(name, '');
    return before;
  }
  const [head, tail] = [before.slice(0, at), before.slice(at + 1)];
  call.set(name, call.name[0] === 'S' ? tail : head);
  return call.name[0] === 'S' ? head : tail;
}

function unshiftPush(call: FunctionCall, value: string): void {
  const args = separateArgs(call.args, ',', true, 2);
  const [name, delimiter] = args;
  if (!name) {
    call.log('WARNING', SOURCE, `${call.name} requires a variable name`);
    return;
  }
  const d = args.length > 1 && delimiter ? delimiterOf(call, delimiter) : ',';
  const bare = name.slice(Math.min(/^_*/.exec(name)?.[0].length ?? 0, 2));
  const previous = valueOf(call, bare);
  const joined = previous === '' ? value : call.name[0] === 'U' ? `${value}${d}${previous}` : `${previous}${d}${value}`;
  call.set(name, d === '' ? joined.slice(0, call.name[0] === 'U' ? value.length : previous.length) : joined);
}

const hashVar = (hash: string, key: string): string => `~HASH~${hash}~${key}~`.slice(0, 255);

/** The name a HASH write uses: `_name`/`__name` make the key variable inherited. */
function hashWriteVar(hash: string, key: string): string {
  const marks = hash.startsWith('__') ? '__' : hash.startsWith('_') ? '_' : '';
  return `${marks}${hashVar(hash.slice(marks.length), key)}`.slice(0, 255);
}

/** The keys of a hash, newest variable first, joined by commas. */
function hashKeys(call: FunctionCall, hash: string): string {
  const prefix = `~HASH~${hash}~`;
  const keys: string[] = [];
  for (const e of call.channel.vars.entries()) {
    const name = toBytes(VarList.bare(e.name));
    if (name.length > prefix.length + 1 && name.endsWith('~') && name.startsWith(prefix)) keys.push(name.slice(prefix.length, -1));
  }
  return keys.join(',');
}

function hashRead(call: FunctionCall): string | null {
  const args = separateArgs(call.args, ',', true, 2);
  if (args.length === 2) return call.get(hashVar(args[0], args[1])) ?? '';
  if (args.length !== 1) return '';
  const columns = hashKeys(call, args[0]);
  call.set('~ODBCFIELDS~', columns);
  const values: string[] = [];
  for (const col of separateArgs(columns, ',', true, 100)) {
    const v = call.get(hashVar(args[0], col));
    if (v === undefined) {
      call.log('WARNING', SOURCE, `No value found for '${hashVar(args[0], col)}'`);
      return null;
    }
    values.push(v);
  }
  return values.join(',');
}

/** array(): `ARRAY(a,b)=1,2` sets a and b; HASH(name)=... sets the keys ~ODBCFIELDS~ lists. */
function arrayWrite(call: FunctionCall, value: string, hash: string | null): void {
  let names = call.args;
  if (hash !== null) {
    const fields = call.get('~ODBCFIELDS~');
    if (fields === undefined) return;
    names = fields;
  }
  const vars = separateArgs(names, ',', true, 100);
  const values = separateArgs(value, ',', true, 100);
  vars.forEach((v, i) => {
    if (hash === null) call.set(v, values[i] ?? '');
    else call.set(i < values.length ? hashWriteVar(hash, v) : hashVar(hash, v), values[i] ?? '');
  });
}

function hashWrite(call: FunctionCall, value: string): void {
  if (!call.args.includes(',')) return arrayWrite(call, value, call.args);
  const [hash, key] = separateArgs(call.args, ',', true, 2);
  call.set(hashWriteVar(hash, key), value);
}

export const LIST_FUNCTIONS: DialplanFunction[] = [
  { name: 'FIELDQTY', source: SOURCE, needs: 'channel', read: fieldqty },
  { name: 'FIELDNUM', source: SOURCE, needs: 'channel', read: fieldnum },
  { name: 'LISTFILTER', source: SOURCE, needs: 'channel', read: listfilter },
  { name: 'SHIFT', source: SOURCE, needs: 'channel', read: shiftPop },
  { name: 'POP', source: SOURCE, needs: 'channel', read: shiftPop },
  { name: 'PUSH', source: SOURCE, needs: 'channel', write: unshiftPush },
  { name: 'UNSHIFT', source: SOURCE, needs: 'channel', write: unshiftPush },
  { name: 'HASH', source: SOURCE, needs: 'channel', read: hashRead, write: hashWrite },
  { name: 'HASHKEYS', source: SOURCE, needs: 'channel', read: (call) => hashKeys(call, call.args) },
  { name: 'ARRAY', source: SOURCE, needs: 'channel', write: (call, value) => arrayWrite(call, value, null) },
];

/**
 * The ClearHash(name) application of func_strings.c, for the application table: every variable of the hash goes,
 * pushed ones too. (An application, not a function: exported for apps/.)
 */
export function clearHash(channel: Channel, hash: string | undefined): void {
  const prefix = `~HASH~${hash ?? 'null'}~`.slice(0, 79);
  for (const e of [...channel.vars.entries()]) {
    const name = VarList.bare(e.name);
    if (name.startsWith(prefix)) channel.vars.set(name, undefined);
  }
}
