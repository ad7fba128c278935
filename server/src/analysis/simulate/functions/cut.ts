// CUT and SORT as funcs/func_cut.c reads and computes them: CUT(varname,char-delim,range-spec) takes fields of a
// variable by number (`2`, `2-3`, `-2`, `2-`, joined by `&`), the delimiter decoded (`\,`) or `-` when there is
// none; SORT(key:value,...) orders keys by their values read as floats (glibc's qsort keeps equal ones in order).
import { encodedByte, scanDouble, scanInt, separateArgs } from '../cstring';
import type { DialplanFunction, FunctionCall } from './types';
import { appLog } from './types';

const SOURCE = 'funcs/func_cut.c';

/** strsep(): the text before the first delimiter byte, and the rest (null when there was none). */
function strsep(s: string, delim: string): [string, string | null] {
  const at = delim === '' ? -1 : s.indexOf(delim);
  return at < 0 ? [s, null] : [s.slice(0, at), s.slice(at + 1)];
}

type Range = [number, number];

/** One `&` part of a range-spec, as the four sscanf patterns of cut_internal try it. */
function parseRange(spec: string): Range | null {
  const a = scanInt(spec);
  const num = (r: typeof a): number | null => (r !== null && r !== 'eof' ? r.value : null);
  if (a !== null && a !== 'eof' && spec[a.end] === '-') {
    const b = num(scanInt(spec, a.end + 1));
    if (b !== null) return [a.value, b];
  }
  if (spec.startsWith('-')) {
    const b = num(scanInt(spec, 1));
    if (b !== null) return [1, b];
  }
  if (a !== null && a !== 'eof') return spec[a.end] === '-' ? [a.value, 2147483647] : [a.value, a.value];
  return null;
}

function cut(call: FunctionCall): string | null {
  const args = separateArgs(call.args, ',', true, 3);
  if (args.length < 3) {
    call.log('ERROR', SOURCE, 'Syntax: CUT(<varname>,<char-delim>,<range-spec>) - missing argument!');
    return null;
  }
  const [varname, delimiter, field] = args;
  let value: string | null = call.substitute(`\${${varname}}`);
  const d = encodedByte(delimiter, appLog(call));
  const ds = d === null ? '-' : d;
  let out = '';
  let count = 0;
  if (value === '') return '';
  let curField = 1;
  let specs: string | null = field;
  while (value !== null && specs !== null) {
    const [part, rest] = strsep(specs, '&');
    specs = rest;
    const range = parseRange(part);
    if (!range) {
      call.log('ERROR', SOURCE, 'Usage: CUT(<varname>,<char-delim>,<range-spec>)');
      return null;
    }
    const [start, stop] = range;
    while (value !== null && curField < start) {
      value = strsep(value, ds)[1];
      curField++;
    }
    if (curField > start) call.log('WARNING', SOURCE, "We're already past the field you wanted?");
    while (value !== null && curField <= stop) {
      const [piece, rest2] = strsep(value, ds);
      out += (count++ ? ds : '') + piece;
      value = rest2;
      curField++;
    }
  }
  return out;
}

function sort(call: FunctionCall): string {
  const items: { key: string; value: number }[] = [];
  for (const entry of call.args.split(',')) {
    const colon = entry.indexOf(':');
    if (colon < 0) continue;
    const v = scanDouble(entry, colon + 1);
    items.push({ key: entry.slice(0, colon), value: v === null || v === 'eof' ? 0 : Math.fround(v.value) });
  }
  return items
    .sort((a, b) => (a.value < b.value ? -1 : a.value === b.value ? 0 : 1))
    .map((i) => i.key)
    .join(',');
}

export const CUT_FUNCTIONS: DialplanFunction[] = [
  { name: 'CUT', source: SOURCE, needs: 'channel', read: cut },
  { name: 'SORT', source: SOURCE, needs: 'arguments', read: sort },
];
