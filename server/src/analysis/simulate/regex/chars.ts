// Characters for the regular expressions of ./index.ts as glibc sees them in the C.UTF-8 locale Asterisk 20 sets:
// UTF-8 code points (a byte that is not UTF-8 matches nothing), the POSIX classes from glibc's i18n tables (é is
// alpha, non-ASCII digits are alpha and not digit, U+00A0 is graph and not space) and sets of code points.

/** What a byte that is not UTF-8 becomes: it matches nothing. */
export const RAW = 0x110000;

const has = (re: RegExp) => (c: number): boolean => c < RAW && re.test(String.fromCodePoint(c));
const isLetterLike = has(/[\p{L}\p{Nl}\p{Nd}]/u);
const isAssigned = has(/\P{Cn}/u);
const isCategoryCc = has(/\p{Cc}/u);
const isSeparator = has(/[\p{Zs}\p{Zl}\p{Zp}]/u);
const NO_BREAK = new Set([0xa0, 0x2007, 0x202f]);

/** The character classes of glibc's C.UTF-8 (its i18n tables): ASCII digits only, non-ASCII digits are alpha. */
export const CLASSES: Record<string, (c: number) => boolean> = {
  alpha: (c) => (c < 128 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : isLetterLike(c)),
  upper: (c) => (c < 128 ? c >= 65 && c <= 90 : c < RAW && String.fromCodePoint(c).toLowerCase() !== String.fromCodePoint(c)),
  lower: (c) => (c < 128 ? c >= 97 && c <= 122 : c < RAW && (String.fromCodePoint(c).toUpperCase() !== String.fromCodePoint(c) || c === 0xdf)),
  digit: (c) => c >= 48 && c <= 57,
  xdigit: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
  space: (c) => c === 32 || (c >= 9 && c <= 13) || (c >= 128 && isSeparator(c) && !NO_BREAK.has(c)),
  blank: (c) => c === 32 || c === 9 || (c >= 128 && has(/\p{Zs}/u)(c) && !NO_BREAK.has(c)),
  cntrl: (c) => c < 32 || c === 127 || (c >= 128 && (isCategoryCc(c) || c === 0x2028 || c === 0x2029)),
  print: (c) => (c < 128 ? c >= 32 && c < 127 : isAssigned(c) && !isCategoryCc(c) && c !== 0x2028 && c !== 0x2029 && !has(/\p{Cs}/u)(c)),
  graph: (c) => CLASSES.print(c) && !CLASSES.space(c),
  punct: (c) => CLASSES.graph(c) && !CLASSES.alpha(c) && !CLASSES.digit(c),
  alnum: (c) => CLASSES.alpha(c) || CLASSES.digit(c),
};
export const isWord = (c: number): boolean => CLASSES.alnum(c) || c === 95;

/** A set of code points: ASCII in a table, the others by ranges and classes (remembered once asked). */
export class CharSet {
  readonly ascii = new Uint8Array(128);
  readonly ranges: [number, number][] = [];
  readonly classes: ((c: number) => boolean)[] = [];
  negate = false;
  private readonly seen = new Map<number, boolean>();

  static of(test: (c: number) => boolean): CharSet {
    const s = new CharSet();
    s.classes.push(test);
    for (let c = 1; c < 128; c++) s.ascii[c] = test(c) ? 1 : 0;
    return s;
  }

  add(lo: number, hi = lo): void {
    for (let c = lo; c <= Math.min(hi, 127); c++) this.ascii[c] = 1;
    if (hi >= 128) this.ranges.push([Math.max(lo, 128), hi]);
  }

  addClass(test: (c: number) => boolean): void {
    for (let c = 1; c < 128; c++) if (test(c)) this.ascii[c] = 1;
    this.classes.push(test);
  }

  test(c: number): boolean {
    if (c >= RAW || c === 0) return false;
    if (c < 128) return (this.ascii[c] === 1) !== this.negate;
    let r = this.seen.get(c);
    if (r === undefined) {
      r = this.ranges.some(([lo, hi]) => c >= lo && c <= hi) || this.classes.some((t) => t(c));
      this.seen.set(c, r);
    }
    return r !== this.negate;
  }
}

/** The code points of a byte string (UTF-8), RAW for each byte that is not part of a valid sequence. */
export function codePoints(bytes: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes.charCodeAt(i) & 0xff;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    let cp = len === 1 ? b : len === 2 ? b & 0x1f : len === 3 ? b & 0x0f : b & 0x07;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) {
      const c = bytes.charCodeAt(i + k) & 0xff;
      if ((c & 0xc0) !== 0x80) ok = false;
      cp = (cp << 6) | (c & 0x3f);
    }
    ok = ok && !(len === 3 && (cp < 0x800 || (cp >= 0xd800 && cp < 0xe000))) && !(len === 4 && (cp < 0x10000 || cp > 0x10ffff));
    out.push(ok ? cp : RAW);
    i += ok ? len : 1;
  }
  return out;
}
