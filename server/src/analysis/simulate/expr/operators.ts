// What each operator of `$[...]` does to its operands, as main/ast_expr2.y (Asterisk 20.20.1) defines it. A value
// is a number (long double), a "numeric string" (digits and points, turned into a number the first time an
// operator needs one, in place: `$[01 | 0]` prints `1`) or a string. Operators that need numbers warn
// "non-numeric argument" and fall back as Asterisk does (`$[a + 1]` is 1, `$[a - 1]` is -1, `$[1 - a]` is 1);
// comparisons compare strings (code point order: strcoll in C.UTF-8) unless both sides are numbers; `|`, `&` and
// `? ::` return operands; `:` and `=~` match POSIX regular expressions; the math functions are in functions.ts.

import type { LongDouble } from './longDouble';
import * as ld from './longDouble';
import { formatG, strtold } from './longDoubleText';
import { compileRegex, RegexError } from '../posixRegex';
import { execRegex } from '../posixRegexMatch';

export interface Value {
  type: 'number' | 'numeric' | 'string';
  /** The text of a string or numeric string; null once a numeric string failed to convert (Asterisk frees it). */
  s: string | null;
  n: LongDouble;
  /** Made by the scanner (zeroed memory) rather than by an operator: matters when Asterisk reads it as a number. */
  fromScanner?: boolean;
}

/** A line Asterisk logs while it evaluates: its level, the file it names, the message. */
export interface LogLine {
  level: 'WARNING' | 'ERROR';
  source: 'ast_expr2.y' | 'ast_expr2.fl';
  message: string;
}

/** Where operators log, and what the simulation cannot know. */
export interface Log {
  lines: LogLine[];
  unknown?: string;
}

/** ast_log() from main/ast_expr2.y (the scanner's file for syntax errors). */
export function warn(log: Log, message: string, level: LogLine['level'] = 'WARNING', source: LogLine['source'] = 'ast_expr2.y'): void {
  log.lines.push({ level, source, message });
}

export const makeNumber = (n: LongDouble): Value => ({ type: 'number', s: null, n });

/** A token of the scanner: a numeric string when flex's number rule took it. */
export const scannerValue = (text: string, numeric: boolean): Value => ({ type: numeric ? 'numeric' : 'string', s: text, n: ld.ZERO, fromScanner: true });
const INT_MAX = ld.fromInteger(2147483647n);
const QUAD_MIN = ld.fromInteger(-(2n ** 63n));
const MINUS_ONE = ld.fromInteger(-1n);

/** make_str: a numeric string when it is only digits and points (not empty, no sign), else a string. */
export function makeString(s: string): Value {
  return { type: /^[0-9.]+$/.test(s) ? 'numeric' : 'string', s, n: ld.ZERO };
}

/** to_number: true when the value is (now) a number. */
export function toNumber(v: Value, log: Log): boolean {
  if (v.type === 'number') return true;
  if (v.type === 'string') return false;
  if (v.s === null) return false;
  const { value, erange } = strtold(v.s);
  if (erange) {
    warn(log, `Conversion of ${v.s} to number under/overflowed!`);
    v.s = null;
    return false;
  }
  v.type = 'number';
  v.n = value;
  v.s = null;
  return true;
}

/** to_string: numbers become their "%.18Lg" text (and strings from then on). */
export function toText(v: Value): string {
  if (v.type === 'number') {
    v.type = 'string';
    v.s = formatG(v.n);
  }
  return v.s ?? '';
}

const isString = (v: Value): boolean => v.type === 'string';

function isZeroOrNull(v: Value, log: Log): boolean {
  if (v.type === 'number') return ld.isZero(v.n);
  return (v.s ?? '') === '' || (toNumber(v, log) && ld.isZero(v.n));
}

/** The number Asterisk reads from a value whose conversion failed (ignoring to_number's answer). */
function numberRead(v: Value): LongDouble {
  return v.type === 'number' ? v.n : ld.ZERO;
}

export function or(a: Value, b: Value, log: Log): Value {
  return isZeroOrNull(a, log) ? b : a;
}

export function and(a: Value, b: Value, log: Log): Value {
  return isZeroOrNull(a, log) || isZeroOrNull(b, log) ? makeNumber(ld.ZERO) : a;
}

/** Code point order, what strcoll gives in C.UTF-8 (UTF-16 order differs above U+FFFF). */
function collate(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

export type Comparison = '=' | '!=' | '<' | '>' | '<=' | '>=';
export function compare(op: Comparison, a: Value, b: Value, log: Log): Value {
  let r: number | undefined;
  if (isString(a) || isString(b)) r = collate(toText(a), toText(b));
  else {
    toNumber(a, log);
    toNumber(b, log);
    r = ld.compare(numberRead(a), numberRead(b));
  }
  // a NaN compares false with everything, so only != holds
  const truth = r === undefined ? op === '!=' : { '=': r === 0, '!=': r !== 0, '<': r < 0, '>': r > 0, '<=': r <= 0, '>=': r >= 0 }[op];
  return makeNumber(truth ? ld.fromInteger(1n) : ld.ZERO);
}

export function conditional(a: Value, b: Value, c: Value, log: Log): Value {
  if (isString(a)) {
    const s = a.s ?? '';
    return s !== '' && s !== '""' && s !== '0' ? b : c;
  }
  toNumber(a, log);
  return ld.isZero(numberRead(a)) ? c : b;
}

const nonNumeric = (log: Log): void => {
  warn(log, 'non-numeric argument');
};

/** chk_plus: two positives giving a non-positive, or two negatives a non-negative. */
function plusOverflows(a: LongDouble, b: LongDouble, r: LongDouble): boolean {
  const sign = (x: LongDouble): number | undefined => ld.compare(x, ld.ZERO);
  const [sa, sb, sr] = [sign(a), sign(b), sign(r)];
  if (sa === undefined || sb === undefined) return false;
  return (sa > 0 && sb > 0 && sr !== undefined && sr <= 0) || (sa < 0 && sb < 0 && sr !== undefined && sr >= 0);
}

/** chk_minus: subtracting the smallest 64-bit integer from a non-negative number, or chk_plus(a, -b). */
function minusOverflows(a: LongDouble, b: LongDouble, r: LongDouble): boolean {
  if (ld.compare(b, QUAD_MIN) === 0) return (ld.compare(a, ld.ZERO) ?? -1) >= 0;
  return plusOverflows(a, ld.negate(b), r);
}

export function plus(a: Value, b: Value, log: Log): Value {
  if (!toNumber(a, log)) {
    nonNumeric(log);
    return toNumber(b, log) ? b : makeNumber(ld.ZERO);
  }
  if (!toNumber(b, log)) return a;
  const r = ld.add(a.n, b.n);
  if (plusOverflows(a.n, b.n, r)) warn(log, 'overflow');
  return makeNumber(r);
}

export function minus(a: Value, b: Value, log: Log): Value {
  if (!toNumber(a, log)) {
    nonNumeric(log);
    return toNumber(b, log) ? makeNumber(ld.subtract(ld.ZERO, b.n)) : makeNumber(ld.ZERO);
  }
  if (!toNumber(b, log)) {
    nonNumeric(log);
    return a;
  }
  const r = ld.subtract(a.n, b.n);
  if (minusOverflows(a.n, b.n, r)) warn(log, 'overflow');
  return makeNumber(r);
}

export function negate(a: Value, log: Log): Value {
  if (!toNumber(a, log)) {
    nonNumeric(log);
    return makeNumber(ld.ZERO);
  }
  const r = ld.negate(a.n);
  if (minusOverflows(ld.ZERO, a.n, r)) warn(log, 'overflow');
  return makeNumber(r);
}

/** atoi() as glibc has it: (int) strtol(s, NULL, 10). */
function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?)([0-9]+)/.exec(s);
  if (!m) return 0;
  let n = BigInt(m[2]);
  if (m[1] === '-') n = -n;
  const clamped = n > 2n ** 63n - 1n ? 2n ** 63n - 1n : n < -(2n ** 63n) ? -(2n ** 63n) : n;
  return Number(BigInt.asIntN(32, clamped));
}

/** `!`: 1 for a zero number, an empty string, "0", or text whose atoi() is 0; else 0. */
export function complement(a: Value): Value {
  let v: boolean;
  if (a.type === 'number') v = !ld.isZero(a.n);
  else {
    const s = a.s ?? '';
    v = s === '' || s === '0' ? false : atoi(s) !== 0;
  }
  return makeNumber(v ? ld.ZERO : ld.fromInteger(1n));
}

export function times(a: Value, b: Value, log: Log): Value {
  if (!toNumber(a, log) || !toNumber(b, log)) {
    nonNumeric(log);
    return makeNumber(ld.ZERO);
  }
  const r = ld.multiply(a.n, b.n);
  // chk_times: r / a must give b back
  if (!ld.isZero(a.n) && ld.compare(ld.divide(r, a.n), b.n) !== 0) warn(log, 'overflow');
  return makeNumber(r);
}

export function divide(a: Value, b: Value, log: Log): Value {
  if (!toNumber(a, log)) {
    nonNumeric(log);
    return makeNumber(ld.ZERO);
  }
  if (!toNumber(b, log)) {
    nonNumeric(log);
    return makeNumber(INT_MAX);
  }
  if (ld.isZero(b.n)) {
    warn(log, 'division by zero');
    return makeNumber(INT_MAX);
  }
  const r = ld.divide(a.n, b.n);
  if (ld.compare(a.n, QUAD_MIN) === 0 && ld.compare(b.n, MINUS_ONE) === 0) warn(log, 'overflow');
  return makeNumber(r);
}

export function remainder(a: Value, b: Value, log: Log): Value {
  if (!toNumber(a, log) || !toNumber(b, log)) {
    nonNumeric(log);
    return makeNumber(ld.ZERO);
  }
  if (ld.isZero(b.n)) {
    warn(log, 'div by zero');
    return b;
  }
  return makeNumber(ld.fmod(a.n, b.n));
}

/** strip_quotes: when the text starts and ends with `"`, every `"` in it goes. */
function stripQuotes(v: Value): string {
  const s = toText(v);
  return s.startsWith('"') && s.endsWith('"') ? s.replace(/"/g, '') : s;
}

/** `=~` (anywhere) and `:` (at the start): group 1's text, else the match's length in bytes, else 0 or "". */
export function match(a: Value, b: Value, anchored: boolean, log: Log): Value {
  const text = stripQuotes(a);
  const pattern = stripQuotes(b);
  let re;
  try {
    re = compileRegex(pattern);
  } catch (e) {
    if (!(e instanceof RegexError)) throw e;
    warn(log, `regcomp() error : ${e.message}`);
    return makeString('');
  }
  const m = execRegex(re, text, anchored);
  if (m && (!anchored || m.start === 0)) {
    const g = m.groups[1];
    if (g) return makeString(g.text);
    return makeNumber(ld.fromInteger(BigInt(m.end - m.start)));
  }
  return re.groups === 0 ? makeNumber(ld.ZERO) : makeString('');
}

/** `~~`: the two texts (quotes stripped) joined. */
export function concatenate(a: Value, b: Value): Value {
  return makeString(stripQuotes(a) + stripQuotes(b));
}
