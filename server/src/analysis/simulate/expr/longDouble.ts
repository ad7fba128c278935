// The numbers of `$[...]`: C's `long double` as Asterisk 20.20.1 uses it in main/ast_expr2.y on x86-64 Linux, i.e.
// the x87 80-bit extended format (64-bit significand with its explicit leading bit, 15-bit exponent, subnormals
// down to 2^-16445, largest finite value about 1.19e4932). Every operation rounds its exact result once, to nearest
// with ties to even (the x87 default), so `$[0.1 + 0.2]` is exactly what Asterisk computes. Also here: glibc's
// strtold for the number texts the expression reads (correctly rounded, with its ERANGE cases), and glibc's printf
// "%.18Lg" that Asterisk prints results with (exact decimal expansion, ties to even, "inf", "-nan", "-0").
// Values are immutable: a finite value is m * 2^e with a 64-bit m (m >= 2^63 unless subnormal or zero).

export type LongDouble =
  | { readonly kind: 'finite'; readonly neg: boolean; readonly m: bigint; readonly e: number }
  | { readonly kind: 'inf'; readonly neg: boolean }
  | { readonly kind: 'nan'; readonly neg: boolean };

const PRECISION = 64;
/** The exponent of the smallest subnormal (and of every subnormal: m * 2^EMIN with m < 2^63). */
export const EMIN = -16445;
/** The exponent of the largest finite value, (2^64 - 1) * 2^EMAX. */
export const EMAX = 16320;
const TOP = 1n << 63n;

export const ZERO: LongDouble = { kind: 'finite', neg: false, m: 0n, e: EMIN };
export const NEG_ZERO: LongDouble = { kind: 'finite', neg: true, m: 0n, e: EMIN };
export const INF: LongDouble = { kind: 'inf', neg: false };
export const NEG_INF: LongDouble = { kind: 'inf', neg: true };
/** The "real indefinite" NaN an invalid x87 operation returns: its sign bit is set, so glibc prints "-nan". */
export const DEFAULT_NAN: LongDouble = { kind: 'nan', neg: true };
export const QUIET_NAN: LongDouble = { kind: 'nan', neg: false };

/** Number of bits of a non-negative bigint. */
export function bitLength(n: bigint): number {
  if (n === 0n) return 0;
  const hex = n.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0], 16)));
}

/**
 * The long double nearest to (-1)^neg * n * 2^e, where `sticky` says that the exact value is a little more than
 * n * 2^e (some non-zero bits below n's last bit were dropped). Callers pass at least 66 bits of n when sticky.
 * Results beyond the largest finite value become infinity; tiny ones become subnormal or zero (gradual underflow).
 */
export function roundToLongDouble(neg: boolean, n: bigint, e: number, sticky = false): LongDouble {
  if (n === 0n) return neg ? NEG_ZERO : ZERO;
  const bits = bitLength(n);
  const shift = Math.max(bits - PRECISION, EMIN - e);
  // below half the smallest subnormal: zero (and no giant shift)
  if (shift > bits) return neg ? NEG_ZERO : ZERO;
  let m: bigint;
  if (shift > 0) {
    const s = BigInt(shift);
    m = n >> s;
    const rest = n - (m << s);
    const half = 1n << (s - 1n);
    if (rest > half || (rest === half && (sticky || (m & 1n) === 1n))) m += 1n;
    e += shift;
    if (m === 1n << 64n) {
      m = TOP;
      e += 1;
    }
  } else {
    const up = Math.min(PRECISION - bits, e - EMIN);
    m = n << BigInt(up);
    e -= up;
  }
  if (m === 0n) return neg ? NEG_ZERO : ZERO;
  if (e > EMAX) return neg ? NEG_INF : INF;
  return { kind: 'finite', neg, m, e };
}

export function isZero(x: LongDouble): boolean {
  return x.kind === 'finite' && x.m === 0n;
}

export function fromInteger(n: bigint): LongDouble {
  return roundToLongDouble(n < 0n, n < 0n ? -n : n, 0);
}

export function negate(x: LongDouble): LongDouble {
  return { ...x, neg: !x.neg };
}

export function abs(x: LongDouble): LongDouble {
  return { ...x, neg: false };
}

/** A NaN operand's result: that NaN; of two, the positive one (all NaNs here share the x87 default payload). */
export function nanOf(a: LongDouble, b?: LongDouble): LongDouble | undefined {
  if (a.kind === 'nan' && b?.kind === 'nan') return a.neg && b.neg ? a : QUIET_NAN;
  if (a.kind === 'nan') return a;
  if (b?.kind === 'nan') return b;
  return undefined;
}

/** Exact magnitude comparison of two finite values: -1, 0 or 1. */
function compareMagnitude(a: { m: bigint; e: number }, b: { m: bigint; e: number }): number {
  if (a.m === 0n || b.m === 0n) return a.m === b.m ? 0 : a.m === 0n ? -1 : 1;
  const la = bitLength(a.m) + a.e;
  const lb = bitLength(b.m) + b.e;
  if (la !== lb) return la < lb ? -1 : 1;
  const d = a.e - b.e;
  const x = d >= 0 ? a.m << BigInt(d) : a.m;
  const y = d >= 0 ? b.m : b.m << BigInt(-d);
  return x === y ? 0 : x < y ? -1 : 1;
}

/** C's comparison: undefined (false for every operator but !=) when either side is a NaN; -0 equals 0. */
export function compare(a: LongDouble, b: LongDouble): number | undefined {
  if (a.kind === 'nan' || b.kind === 'nan') return undefined;
  const sign = (x: LongDouble): number => (x.kind === 'finite' && x.m === 0n ? 0 : x.neg ? -1 : 1);
  const sa = sign(a);
  const sb = sign(b);
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  let mag: number;
  if (a.kind === 'inf' || b.kind === 'inf') mag = a.kind === b.kind ? 0 : a.kind === 'inf' ? 1 : -1;
  else mag = compareMagnitude(a, b);
  return sa < 0 ? -mag : mag;
}

export function add(a: LongDouble, b: LongDouble): LongDouble {
  const nan = nanOf(a, b);
  if (nan) return nan;
  if (a.kind === 'inf' || b.kind === 'inf') {
    if (a.kind === 'inf' && b.kind === 'inf' && a.neg !== b.neg) return DEFAULT_NAN;
    return a.kind === 'inf' ? a : b;
  }
  if (a.kind !== 'finite' || b.kind !== 'finite') throw new Error('unreachable');
  if (a.m === 0n && b.m === 0n) return a.neg && b.neg ? NEG_ZERO : ZERO;
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  // line both up at the lower exponent; a far smaller operand only decides the rounding (a sticky bit)
  let [hi, lo] = a.e >= b.e ? [a, b] : [b, a];
  let loM = lo.m;
  let loE = lo.e;
  if (hi.e - lo.e > 2 * PRECISION + 4) {
    loE = hi.e - 2 * PRECISION - 4;
    loM = 1n;
  }
  const hiM = hi.m << BigInt(hi.e - loE);
  if (hi.neg === lo.neg) return roundToLongDouble(hi.neg, hiM + loM, loE);
  const diff = hiM - loM;
  if (diff === 0n) return ZERO;
  if (diff < 0n) [hi, lo] = [lo, hi];
  return roundToLongDouble(hi.neg, diff < 0n ? -diff : diff, loE);
}

export function subtract(a: LongDouble, b: LongDouble): LongDouble {
  return nanOf(a, b) ?? add(a, negate(b));
}

export function multiply(a: LongDouble, b: LongDouble): LongDouble {
  const nan = nanOf(a, b);
  if (nan) return nan;
  const neg = a.neg !== b.neg;
  if (a.kind === 'inf' || b.kind === 'inf') {
    if (isZero(a) || isZero(b)) return DEFAULT_NAN;
    return neg ? NEG_INF : INF;
  }
  if (a.kind !== 'finite' || b.kind !== 'finite') throw new Error('unreachable');
  return roundToLongDouble(neg, a.m * b.m, a.e + b.e);
}

/** a / b; a zero divisor gives an infinity or a NaN (the expression checks for zero before dividing). */
export function divide(a: LongDouble, b: LongDouble): LongDouble {
  const nan = nanOf(a, b);
  if (nan) return nan;
  const neg = a.neg !== b.neg;
  if (a.kind === 'inf') return b.kind === 'inf' ? DEFAULT_NAN : neg ? NEG_INF : INF;
  if (b.kind === 'inf') return neg ? NEG_ZERO : ZERO;
  if (a.kind !== 'finite' || b.kind !== 'finite') throw new Error('unreachable');
  if (b.m === 0n) return a.m === 0n ? DEFAULT_NAN : neg ? NEG_INF : INF;
  if (a.m === 0n) return neg ? NEG_ZERO : ZERO;
  const k = PRECISION + 3 + bitLength(b.m) - bitLength(a.m);
  const shifted = k > 0 ? a.m << BigInt(k) : a.m;
  const q = shifted / b.m;
  return roundToLongDouble(neg, q, a.e - b.e - Math.max(k, 0), q * b.m !== shifted);
}

/** Exact |x| mod |y| of two non-zero finite magnitudes, as m * 2^e. */
function magnitudeRemainder(x: { m: bigint; e: number }, y: { m: bigint; e: number }): { q: bigint; r: bigint; e: number } {
  if (x.e >= y.e) {
    const big = x.m << BigInt(x.e - y.e);
    return { q: big / y.m, r: big % y.m, e: y.e };
  }
  const div = y.m << BigInt(y.e - x.e);
  return { q: x.m / div, r: x.m % div, e: x.e };
}

/** fmodl: x - trunc(x / y) * y, exactly; the sign of x. */
export function fmod(x: LongDouble, y: LongDouble): LongDouble {
  const nan = nanOf(x, y);
  if (nan) return nan;
  if (x.kind === 'inf' || isZero(y)) return DEFAULT_NAN;
  if (y.kind === 'inf') return x;
  if (x.kind !== 'finite' || y.kind !== 'finite') throw new Error('unreachable');
  if (x.m === 0n) return x;
  const { r, e } = magnitudeRemainder(x, y);
  return roundToLongDouble(x.neg, r, e);
}

/** remainderl: x - n * y with n the integer nearest x / y (ties to even), exactly. */
export function remainder(x: LongDouble, y: LongDouble): LongDouble {
  const nan = nanOf(x, y);
  if (nan) return nan;
  if (x.kind === 'inf' || isZero(y)) return DEFAULT_NAN;
  if (y.kind === 'inf') return x;
  if (x.kind !== 'finite' || y.kind !== 'finite') throw new Error('unreachable');
  if (x.m === 0n) return x;
  const { q, r, e } = magnitudeRemainder(x, y);
  const yScaled = y.m << BigInt(y.e - e);
  const twice = 2n * r;
  if (twice > yScaled || (twice === yScaled && (q & 1n) === 1n)) {
    const flipped = yScaled - r;
    return roundToLongDouble(!x.neg, flipped, e);
  }
  return r === 0n ? (x.neg ? NEG_ZERO : ZERO) : roundToLongDouble(x.neg, r, e);
}

type IntegerRounding = 'floor' | 'ceil' | 'trunc' | 'round' | 'rint';

/** floorl, ceill, truncl, roundl (halfway away from zero), rintl (halfway to even): zeros keep their sign. */
export function toIntegral(x: LongDouble, how: IntegerRounding): LongDouble {
  if (x.kind !== 'finite' || x.e >= 0 || x.m === 0n) return x;
  const s = BigInt(-x.e);
  const whole = x.e <= -PRECISION - 2 ? 0n : x.m >> s;
  const rest = x.m - (whole << s);
  let up: boolean;
  if (rest === 0n) up = false;
  else if (how === 'trunc') up = false;
  else if (how === 'floor') up = x.neg;
  else if (how === 'ceil') up = !x.neg;
  else {
    const half = 1n << (s - 1n);
    up = rest > half || (rest === half && (how === 'round' || (whole & 1n) === 1n));
  }
  const n = whole + (up ? 1n : 0n);
  return n === 0n ? (x.neg ? NEG_ZERO : ZERO) : roundToLongDouble(x.neg, n, 0);
}

/** Integer square root (floor) of a non-negative bigint. */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** sqrtl (the x87 fsqrt): correctly rounded; -0 stays -0, a negative operand gives the default NaN. */
export function sqrt(x: LongDouble): LongDouble {
  if (x.kind === 'nan') return x;
  if (isZero(x)) return x;
  if (x.neg) return DEFAULT_NAN;
  if (x.kind === 'inf') return x;
  let k = 2 * PRECISION + 8 - bitLength(x.m);
  if ((x.e - k) % 2 !== 0) k += 1;
  const n = x.m << BigInt(k);
  const root = isqrt(n);
  return roundToLongDouble(false, root, (x.e - k) / 2, root * root !== n);
}

/** A finite value as an exact fraction num / den (den a power of two), sign apart. */
export function toFraction(x: { m: bigint; e: number }): { num: bigint; den: bigint } {
  return x.e >= 0 ? { num: x.m << BigInt(x.e), den: 1n } : { num: x.m, den: 1n << BigInt(-x.e) };
}
