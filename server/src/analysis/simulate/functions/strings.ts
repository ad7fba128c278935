// The string functions of funcs/func_strings.c that work on their arguments: FILTER, REPLACE, STRREPLACE,
// STRBETWEEN, TRIM, LTRIM, RTRIM, REGEX (POSIX extended, see ../regex.ts), QUOTE, CSV_QUOTE, LEN, EVAL,
// KEYPADHASH, TOUPPER, TOLOWER and PASSTHRU. Bytes, as C sees them: LEN counts bytes, TOUPPER changes ASCII only.
import { atoi, encodedChar, encodedStr, isSpace, lower, separateArgs, upper } from '../cstring';
import { compileEre } from '../regex/index';
import type { DialplanFunction, FunctionCall } from './types';
import { appLog } from './types';

const SOURCE = 'funcs/func_strings.c';

function filter(call: FunctionCall): string | null {
  const [allowedText, string] = separateArgs(call.args, ',', false, 2);
  if (string === undefined) {
    call.log('ERROR', SOURCE, 'Usage: FILTER(<allowed-chars>,<string>)');
    return null;
  }
  if (allowedText.startsWith('"')) call.log('WARNING', SOURCE, 'FILTER allowed characters includes the quote (") character.  This may not be what you want.');
  const allowed = new Uint8Array(256);
  let rest = allowedText;
  while (rest.length > 0) {
    const c1 = encodedChar(rest, appLog(call));
    if (!c1) return null;
    rest = rest.slice(c1.consumed);
    if (rest[0] === '-') {
      const c2 = encodedChar(rest.slice(1), appLog(call));
      const to = c2 ? c2.byte : c1.byte;
      // a failed decode consumed its bytes all the same (none for an empty text)
      const consumed = c2 ? c2.consumed : rest.length > 1 ? 2 : 0;
      rest = rest.slice(consumed + 1);
      if (to < c1.byte) call.log('WARNING', SOURCE, `Range wrapping in FILTER(${allowedText},${string}).  This may not be what you want.`);
      for (let ac = c1.byte; ac !== to; ac = (ac + 1) & 0xff) allowed[ac] = 1;
      allowed[to] = 1;
    } else allowed[c1.byte] = 1;
  }
  allowed[0] = 0;
  let out = '';
  for (let i = 0; i < string.length && out.length < 4095; i++) if (allowed[string.charCodeAt(i) & 0xff]) out += string[i];
  return out;
}

function replace(call: FunctionCall): string | null {
  const args = separateArgs(call.args, ',', true, 3);
  if (args.length < 2) {
    call.log('ERROR', SOURCE, `Usage: ${call.name}(<varname>,<search-chars>[,<replace-char>])`);
    return null;
  }
  const [varname, findText, replaceText] = args;
  const find = encodedStr(findText, 256, appLog(call));
  const by = encodedChar(replaceText ?? '', appLog(call));
  const replacement = by && by.byte !== 0 ? String.fromCharCode(by.byte) : '';
  if (find === '' || varname === '') {
    call.log('ERROR', SOURCE, 'The characters to search for and the variable name must not be empty.');
    return null;
  }
  const value = call.substitute(`\${${varname}}`);
  if (value === '') return null;
  let out = '';
  for (const c of value) out += find.includes(c) ? replacement : c;
  return out;
}

function strreplace(call: FunctionCall): string | null {
  const args = separateArgs(call.args, ',', true, 5);
  if (args.length < 2) {
    call.log('ERROR', SOURCE, `Usage: ${call.name}(<varname>,<find-string>[,<replace-string>,[<max-replacements>]])`);
    return null;
  }
  const [varname, find, replacement, max] = args;
  if (varname === '') return null;
  if (find === '') {
    call.log('ERROR', SOURCE, 'No <find-string> specified');
    return null;
  }
  const value = call.substitute(`\${${varname}}`);
  // an unsigned count: 0 (or no argument) is unlimited, a negative one is 4294967295 + 1 - n
  let left = max === undefined || atoi(max) === 0 ? Infinity : atoi(max) >>> 0;
  let out = '';
  let start = 0;
  for (; left > 0; left--) {
    const end = value.indexOf(find, start);
    if (end < 0) break;
    out += value.slice(start, end) + (replacement ?? '');
    start = end + find.length;
  }
  return out + value.slice(start);
}

function strbetween(call: FunctionCall): string | null {
  const args = separateArgs(call.args, ',', true, 3);
  if (args.length !== 2 || args[0] === '') {
    call.log('ERROR', SOURCE, `Usage: ${call.name}(<varname>,<insert-string>)`);
    return null;
  }
  return call.substitute(`\${${args[0]}}`).split('').join(args[1]);
}

const ltrim = (s: string): string => s.slice(s.length - s.replace(/^[ \t\n\v\f\r]+/, '').length);

/** The rtrim macro of func_strings.c: a text of blanks only keeps its first blank. */
function rtrim(s: string): string {
  if (s === '') return s;
  let back = s.length;
  while (back !== 0) if (!isSpace(s[--back])) break;
  return s.slice(0, back + 1);
}

function regex(call: FunctionCall): string | null {
  const args = separateArgs(call.args, '"', true, 3);
  if (args.length !== 3) {
    call.log('ERROR', SOURCE, `Unexpected arguments: should have been in the form '"<regex>" <string>'`);
    return null;
  }
  const [before, pattern] = args;
  const text = args[2].replace(/^[ \t]/, '');
  const re = compileEre(pattern);
  if ('error' in re) {
    // the message prints what is left of the argument once it was split in place: the text before the first quote
    call.log('WARNING', SOURCE, `Malformed input ${call.name}(${before}): ${re.error}`);
    return null;
  }
  const found = re.test(text);
  if (found === null) {
    call.unknown('a back-reference or a repetition too large for the simulation to run');
    return '';
  }
  return found ? '1' : '0';
}

function quote(call: FunctionCall, csv: boolean): string {
  if (call.args === '') {
    if (!csv) call.log('WARNING', SOURCE, 'No argument specified!');
    return '""';
  }
  const body = csv ? call.args.replace(/"/g, '""') : call.args.replace(/[\\"]/g, (c) => `\\${c}`);
  return `"${body.slice(0, 4092)}"`;
}

const KEYPAD: Record<string, string> = {};
for (const [digit, letters] of Object.entries({ 2: 'AaBbCc2', 3: 'DdEeFf3', 4: 'GgHhIi4', 5: 'JjKkLl5', 6: 'MmNnOo6', 7: 'PpQqRrSs7', 8: 'TtUuVv8', 9: 'WwXxYyZz9' })) {
  for (const c of letters) KEYPAD[c] = digit;
}
KEYPAD['0'] = '0';
KEYPAD['1'] = '1';

function evalRead(call: FunctionCall): string | null {
  if (call.args === '') {
    call.log('WARNING', SOURCE, 'EVAL requires an argument: EVAL(<string>)');
    return null;
  }
  return call.mode === 'char' ? call.substituteInto(call.args, 4096) : call.substitute(call.args);
}

export const STRING_FUNCTIONS: DialplanFunction[] = [
  { name: 'FILTER', source: SOURCE, needs: 'arguments', read: filter },
  { name: 'REPLACE', source: SOURCE, needs: 'channel', read: replace },
  { name: 'STRREPLACE', source: SOURCE, needs: 'channel', read: strreplace },
  { name: 'STRBETWEEN', source: SOURCE, needs: 'channel', read: strbetween },
  { name: 'TRIM', source: SOURCE, needs: 'arguments', read: (call) => (call.args === '' ? null : rtrim(ltrim(call.args))) },
  { name: 'LTRIM', source: SOURCE, needs: 'arguments', read: (call) => (call.args === '' ? null : ltrim(call.args)) },
  { name: 'RTRIM', source: SOURCE, needs: 'arguments', read: (call) => (call.args === '' ? null : rtrim(call.args)) },
  { name: 'REGEX', source: SOURCE, needs: 'arguments', read: regex },
  { name: 'QUOTE', source: SOURCE, needs: 'arguments', read: (call) => quote(call, false) },
  { name: 'CSV_QUOTE', source: SOURCE, needs: 'arguments', read: (call) => quote(call, true) },
  { name: 'LEN', source: SOURCE, needs: 'arguments', read: (call) => String(call.args.length), readMax: 12 },
  { name: 'EVAL', source: SOURCE, needs: 'channel', read: evalRead },
  { name: 'KEYPADHASH', source: SOURCE, needs: 'arguments', read: (call) => [...call.args].map((c) => KEYPAD[c] ?? '').join('') },
  { name: 'TOUPPER', source: SOURCE, needs: 'arguments', read: (call) => upper(call.args) },
  { name: 'TOLOWER', source: SOURCE, needs: 'arguments', read: (call) => lower(call.args) },
  { name: 'PASSTHRU', source: SOURCE, needs: 'arguments', read: (call) => call.args },
];
