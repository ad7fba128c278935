// The C string habits the dialplan functions inherit from Asterisk and glibc: strings are bytes, arguments are
// split by ast_app_separate_args (main/app.c: quotes, backslashes, parentheses and brackets), escapes decoded by
// ast_get_encoded_char, numbers read with sscanf("%30d") / sscanf("%30lf") / atoi, blanks stripped by ast_strip
// (include/asterisk/strings.h). Every function here works on "byte strings": JavaScript strings whose characters
// are the bytes 0-255 of the UTF-8 text, so that LEN, substrings and TOUPPER count and change bytes as C does.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');
const ASCII = /^[\x00-\x7f]*$/;

/** UTF-8 text -> byte string. */
export function toBytes(text: string): string {
  if (ASCII.test(text)) return text;
  let out = '';
  for (const b of encoder.encode(text)) out += String.fromCharCode(b);
  return out;
}

/** Byte string -> UTF-8 text (a sequence cut in the middle reads as U+FFFD). */
export function fromBytes(bytes: string): string {
  if (ASCII.test(bytes)) return bytes;
  const a = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) a[i] = bytes.charCodeAt(i) & 0xff;
  return decoder.decode(a);
}

/** A C string ends at its first NUL. */
export function cstr(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

/** C isspace() in the C locale. */
export function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
}

/** ast_strip(): blanks are the bytes below 33, both ends. */
export function strip(s: string): string {
  return trimBlanks(skipBlanks(s));
}

export function skipBlanks(s: string): string {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) < 33) i++;
  return s.slice(i);
}

export function trimBlanks(s: string): string {
  let j = s.length;
  while (j > 0 && s.charCodeAt(j - 1) < 33) j--;
  return s.slice(0, j);
}

/** ast_strip_quoted(): ast_strip, then one pair of matching quotes removed. */
export function stripQuoted(s: string, begin = '"', end = '"'): string {
  const t = strip(s);
  const q = t.length > 0 ? begin.indexOf(t[0]) : -1;
  if (q >= 0 && t[t.length - 1] === end[q]) return t.length === 1 ? '' : t.slice(1, -1);
  return t;
}

/** ASCII-only case changes, as toupper()/tolower() in the C locale. */
export function upper(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}
export function lower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/**
 * __ast_app_separate_args(): splits at `delim` outside parentheses, brackets and (unless the delimiter is a quote)
 * double quotes. With `removeChars` (AST_STANDARD_APP_ARGS) quotes are dropped and a backslash makes the next byte
 * literal; without it (AST_STANDARD_RAW_ARGS) both stay. At most `max` arguments: the last one is the rest of the
 * text, unparsed. A trailing delimiter gives a last empty argument; an empty text gives none.
 */
export function separateArgs(text: string, delim: string, removeChars = true, max = 100): string[] {
  const args: string[] = [];
  eachArg(text, delim, max, (from, end, rest) => args.push(removeChars && !rest ? unescaped(text.slice(from, end), delim) : text.slice(from, end)));
  return args;
}

/** How many arguments separateArgs(text, delim, false, max) gives, without making them (a check asks once per line). */
export function countArgs(text: string, delim: string, max = 100): number {
  if (text.indexOf(delim) < 0) return text === '' ? 0 : 1;
  let count = 0;
  eachArg(text, delim, max, () => count++);
  return count;
}

/**
 * The walk of __ast_app_separate_args over the text: where each argument starts and ends, raw (quotes and escapes
 * in place); `rest` for the last one when `max` cut the walk (the rest of the text, unparsed).
 */
function eachArg(text: string, delim: string, max: number, visit: (from: number, end: number, rest: boolean) => void): void {
  const d = delim.charCodeAt(0);
  let count = 0;
  let scan = 0;
  let wasDelim = -1;
  let paren = 0;
  let bracket = 0;
  let quote = false;
  while (scan < text.length && count < max - 1) {
    const from = scan;
    let end = text.length;
    for (; scan < text.length; scan++) {
      const c = text.charCodeAt(scan);
      if (c === 40) paren++;
      else if (c === 41) {
        if (paren) paren--;
      } else if (c === 91) bracket++;
      else if (c === 93) {
        if (bracket) bracket--;
      } else if (c === 34 && d !== 34) quote = !quote;
      else if (c === 92) scan++; // the next byte is taken as it is
      else if (c === d && !paren && !quote && !bracket) {
        wasDelim = scan;
        end = scan;
        scan++;
        break;
      }
    }
    visit(from, end, false);
    count++;
  }
  if (scan < text.length || (scan > 0 && scan - 1 === wasDelim)) visit(scan, text.length, true);
}

/** AST_STANDARD_APP_ARGS on one raw argument: its quotes dropped (unless they delimit), a backslash's byte taken literally. */
function unescaped(raw: string, delim: string): string {
  if (!raw.includes('\\') && (delim === '"' || !raw.includes('"'))) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') {
      if (i + 1 < raw.length) out += raw[i + 1];
      i++;
    } else if (c !== '"' || delim === '"') out += c;
  }
  return out;
}

export interface Encoded {
  /** The byte (0-255); 0 ends a C string. */
  byte: number;
  consumed: number;
}

/**
 * ast_get_encoded_char(): `\n`, `\r`, `\t`, `\xHH`, `\0ooo` and `\c` (any other byte), else the byte itself.
 * null for an empty text, and for `\x` without a hex digit (after `log` got the ERROR app.c logs).
 */
export function encodedChar(s: string, log?: (message: string) => void): Encoded | null {
  if (s.length === 0) return null;
  if (s[0] !== '\\') return { byte: s.charCodeAt(0), consumed: 1 };
  const next = s[1] ?? '';
  switch (next) {
    case 'n':
      return { byte: 10, consumed: 2 };
    case 'r':
      return { byte: 13, consumed: 2 };
    case 't':
      return { byte: 9, consumed: 2 };
    case 'x': {
      const hex = (c: string | undefined): number => (c !== undefined && /^[0-9A-Fa-f]$/.test(c) ? parseInt(c, 16) : -1);
      const h1 = hex(s[2]);
      if (h1 < 0) {
        // printed with %c: a NUL (the end of the text) ends the message there
        log?.(s[2] === undefined ? "Illegal character '" : `Illegal character '${s[2]}' in hexadecimal string`);
        return null;
      }
      const h2 = hex(s[3]);
      return h2 < 0 ? { byte: h1, consumed: 3 } : { byte: ((h1 << 4) + h2) & 0xff, consumed: 4 };
    }
    case '0': {
      let value = 0;
      let i = 2;
      while (i < s.length && s[i] >= '0' && s[i] <= '7') value = ((value << 3) + (s.charCodeAt(i++) - 48)) & 0xff;
      return { byte: value, consumed: i };
    }
    default:
      return { byte: next === '' ? 0 : next.charCodeAt(0), consumed: 2 };
  }
}

/** ast_get_encoded_str(): every escape decoded, up to the first NUL (at most `size - 1` bytes). */
export function encodedStr(s: string, size = Infinity, log?: (message: string) => void): string {
  let out = '';
  let i = 0;
  while (out.length < size - 1) {
    const e = encodedChar(s.slice(i), log);
    if (!e || e.byte === 0) break;
    out += String.fromCharCode(e.byte);
    i += e.consumed;
  }
  return out;
}

/** The first byte a delimiter argument encodes ('' when it encodes nothing or NUL). */
export function encodedByte(s: string | undefined, log?: (message: string) => void): string | null {
  const e = encodedChar(s ?? '', log);
  if (!e) return null;
  return e.byte === 0 ? '' : String.fromCharCode(e.byte);
}

const LONG_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);

/** strtol's digits, clamped to a 64-bit long as glibc does. */
function clampLong(sign: string, digits: string): bigint {
  let v = BigInt(digits);
  if (sign === '-') v = -v;
  return v > LONG_MAX ? LONG_MAX : v < LONG_MIN ? LONG_MIN : v;
}

export type Scanned<T> = { value: T; end: number } | 'eof' | null;

/**
 * sscanf(s + at, "%30d"): blanks skipped, then at most 30 bytes of sign and digits; the long strtol gives is
 * truncated to an int. 'eof' when only blanks remain (sscanf returns EOF), null when no digit follows.
 */
export function scanInt(s: string, at = 0, width = 30): Scanned<number> {
  let i = at;
  while (isSpace(s[i])) i++;
  if (i >= s.length) return 'eof';
  const start = i;
  let sign = '';
  if (s[i] === '+' || s[i] === '-') sign = s[i++];
  const digitsStart = i;
  while (i < s.length && i - start < width && s[i] >= '0' && s[i] <= '9') i++;
  if (i === digitsStart) return null;
  return { value: Number(BigInt.asIntN(32, clampLong(sign, s.slice(digitsStart, i)))), end: i };
}

/** atoi(): strtol truncated to an int, 0 when there is no number. */
export function atoi(s: string | undefined): number {
  const r = scanInt(s ?? '', 0, Infinity);
  return r === null || r === 'eof' ? 0 : r.value;
}

/** sscanf(s, "%30lf"): the longest prefix strtod reads, within 30 bytes after the blanks. */
export function scanDouble(s: string, at = 0, width = 30): Scanned<number> {
  let i = at;
  while (isSpace(s[i])) i++;
  if (i >= s.length) return 'eof';
  const text = s.slice(i, i + width);
  const m = /^[+-]?(?:(inf(?:inity)?|nan(?:\([0-9A-Za-z_]*\))?)|0[xX]([0-9A-Fa-f]*\.?[0-9A-Fa-f]*)(?:[pP]([+-]?\d+))?|(\d*\.?\d*)(?:[eE]([+-]?\d+))?)/i.exec(text);
  if (!m || m[0] === '' || /^[+-]?\.?$/.test(m[0])) return null;
  const negative = m[0][0] === '-';
  let value: number;
  let used = m[0].length;
  if (m[1] !== undefined) value = /^nan/i.test(m[1]) ? NaN : Infinity;
  else if (m[2] !== undefined) {
    const [whole, frac = ''] = m[2].split('.');
    if (whole === '' && frac === '') {
      value = 0; // "0x" alone reads the 0
      used = m[0].toLowerCase().indexOf('x');
    } else {
      value = parseInt(whole || '0', 16) + (frac ? parseInt(frac, 16) / 16 ** frac.length : 0);
      if (m[3] !== undefined) value *= 2 ** Number(m[3]);
    }
  } else value = Number(`${m[4]}${m[5] !== undefined ? `e${m[5]}` : ''}`);
  return { value: negative ? -value : value, end: i + used };
}

/** The double of sscanf("%30lf"), or null when it converts nothing. */
export function toDouble(s: string | undefined): number | null {
  const r = scanDouble(s ?? '');
  return r === null || r === 'eof' ? null : r.value;
}

/** (int) of a double on x86-64: truncation, INT_MIN when out of range or NaN. */
export function toInt(x: number): number {
  return Number.isFinite(x) && x > -2147483649 && x < 2147483648 ? Math.trunc(x) : -2147483648;
}

/** (unsigned int) of a double as gcc does it on x86-64 (through a 64-bit conversion). */
export function toUnsigned(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 2 ** 63) return 0;
  return Number(BigInt.asUintN(32, BigInt(Math.trunc(x))));
}
