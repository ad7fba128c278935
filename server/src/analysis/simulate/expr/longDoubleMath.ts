// The math functions `$[...]` offers (main/ast_expr2.y, Asterisk 20.20.1: COS, SIN, TAN, ACOS, ASIN, ATAN, ATAN2,
// POW, SQRT, EXP, EXP2, EXP10, LOG, LOG2, LOG10) as glibc 2.36's long double versions on x86-64 compute them:
//   - logl and log10l are the x87 `fyl2x` with the constant rounded to 64 bits (ln 2, log10 2): round(c * log2 x);
//   - powl with an integer exponent below 4 in magnitude multiplies (1/x first for a negative one), else it is
//     2^(y log2 x) like every other function here, computed to 256 bits and rounded once;
//   - domain errors give the NaNs glibc returns ("nan" from the log and arc functions, "-nan" from the others).
// Rounded once from 256 bits, a result is the correctly rounded value; glibc's x87 code is within one unit in the
// last place of it, so a printed result may rarely differ in its 18th digit.

import type { LongDouble } from './longDouble';
import {
  abs,
  bitLength,
  compare,
  DEFAULT_NAN,
  divide,
  fromInteger,
  INF,
  isqrt,
  isZero,
  multiply,
  nanOf,
  NEG_INF,
  NEG_ZERO,
  QUIET_NAN,
  roundToLongDouble,
  toIntegral,
  ZERO,
} from './longDouble';

/** Fraction bits of the fixed-point arithmetic. */
const F = 256;
const ONE = 1n << BigInt(F);
const ONE_LD = fromInteger(1n);

const mul = (a: bigint, b: bigint): bigint => (a * b) >> BigInt(F);
const div = (a: bigint, b: bigint): bigint => (a << BigInt(F)) / b;

/** atanh(1/n) * 2^bits, for the constants. */
function atanhInverse(n: bigint, bits: number): bigint {
  const one = 1n << BigInt(bits + 16);
  let power = one / n;
  let sum = power;
  const n2 = n * n;
  for (let k = 3n; power !== 0n; k += 2n) {
    power /= n2;
    sum += power / k;
  }
  return sum >> 16n;
}

/** atan(1/n) * 2^bits. */
function atanInverse(n: bigint, bits: number): bigint {
  const one = 1n << BigInt(bits + 16);
  let power = one / n;
  let sum = power;
  const n2 = n * n;
  for (let k = 3n, sign = -1n; power !== 0n; k += 2n, sign = -sign) {
    power /= n2;
    sum += (sign * power) / k;
  }
  return sum >> 16n;
}

const LN2 = 2n * atanhInverse(3n, F);
const LN10 = 3n * LN2 + 2n * atanhInverse(9n, F);
let piCache = { bits: 0, value: 0n };
/** pi * 2^bits (Machin's formula), kept for the largest precision asked so far. */
function pi(bits: number): bigint {
  if (piCache.bits < bits) piCache = { bits, value: 16n * atanInverse(5n, bits + 8) - 4n * atanInverse(239n, bits + 8) };
  return piCache.value >> BigInt(piCache.bits + 8 - bits);
}
const PI = pi(F);

/** A constant as the x87 loads it (fldln2, fldlg2): rounded to 64 bits. */
function loaded(c: bigint): LongDouble {
  return roundToLongDouble(false, c, -F, true);
}
const LN2_X87 = loaded(LN2);
const LG2_X87 = loaded(div(LN2, LN10));

/** |x| as m * 2^e with m exactly 64 bits (subnormals normalized). */
function normalized(x: { m: bigint; e: number }): { m: bigint; e: number } {
  const shift = 64 - bitLength(x.m);
  return { m: x.m << BigInt(shift), e: x.e - shift };
}

/** |x| in fixed point, or undefined when it is below 2^-F's reach (the caller handles tiny values first). */
function fixed(x: { m: bigint; e: number }): bigint {
  return x.e + F >= 0 ? x.m << BigInt(x.e + F) : x.m >> BigInt(-(x.e + F));
}

/** exp(r) for |r| <= 1 in fixed point (Taylor series). */
function expFixed(r: bigint): bigint {
  let term = ONE;
  let sum = ONE;
  for (let k = 1n; term !== 0n; k++) {
    term = mul(term, r) / k;
    sum += term;
  }
  return sum;
}

/** ln(f) for f in [1, 2) in fixed point: 2 atanh((f - 1) / (f + 1)). */
function lnFixed(f: bigint): bigint {
  const z = div(f - ONE, f + ONE);
  const z2 = mul(z, z);
  let power = z;
  let sum = z;
  for (let k = 3n; power !== 0n; k += 2n) {
    power = mul(power, z2);
    sum += power / k;
  }
  return 2n * sum;
}

/** atan(t) for 0 <= t <= 1 in fixed point: two halvings of the angle, then the series. */
function atanFixed(t: bigint): bigint {
  for (let i = 0; i < 2; i++) t = div(t, ONE + isqrt((ONE + mul(t, t)) << BigInt(F)));
  const t2 = mul(t, t);
  let power = t;
  let sum = t;
  for (let k = 3n, sign = -1n; power !== 0n; k += 2n, sign = -sign) {
    power = mul(power, t2);
    sum += (sign * power) / k;
  }
  return 4n * sum;
}

/** sin(r) and cos(r) for |r| <= pi/4 in fixed point. */
function sinCosFixed(r: bigint): { sin: bigint; cos: bigint } {
  const r2 = mul(r, r);
  let sin = r;
  let cos = ONE;
  let term = r;
  for (let k = 2n; term !== 0n; k += 2n) {
    term = -mul(term, r2) / (k * (k + 1n));
    sin += term;
  }
  term = ONE;
  for (let k = 1n; term !== 0n; k += 2n) {
    term = -mul(term, r2) / (k * (k + 1n));
    cos += term;
  }
  return { sin, cos };
}

/** A fixed-point approximation (never exact) as a long double. */
function fromFixed(v: bigint, scale = 0): LongDouble {
  return roundToLongDouble(v < 0n, v < 0n ? -v : v, scale - F, true);
}

/** log2|x| of a finite non-zero x: an exact integer, or a fixed-point approximation. */
function log2Of(x: { m: bigint; e: number }): { exact?: bigint; approx: bigint } {
  const { m, e } = normalized(x);
  const whole = BigInt(e + 63);
  if (m === 1n << 63n) return { exact: whole, approx: whole << BigInt(F) };
  return { approx: (whole << BigInt(F)) + div(lnFixed(m << BigInt(F - 63)), LN2) };
}

type Log = 'log' | 'log2' | 'log10';
/** logl, log2l, log10l. */
export function logarithm(x: LongDouble, which: Log): LongDouble {
  if (x.kind === 'nan') return x;
  if (isZero(x)) return NEG_INF;
  if (x.neg) return QUIET_NAN;
  if (x.kind === 'inf') return x;
  const l = log2Of(x);
  if (which === 'log2') return l.exact !== undefined ? fromInteger(l.exact) : fromFixed(l.approx);
  const c = which === 'log' ? LN2_X87 : LG2_X87;
  if (l.exact !== undefined) return multiply(c, fromInteger(l.exact));
  if (c.kind !== 'finite') throw new Error('unreachable');
  return fromFixed(l.approx * c.m, c.e);
}

/** 2^t for t in fixed point: exact when t is an integer. */
function exp2Fixed(t: bigint): LongDouble {
  const k = t >> BigInt(F); // floor
  const frac = t - (k << BigInt(F));
  if (k > 20000n) return INF;
  if (k < -20000n) return ZERO;
  if (frac === 0n) return roundToLongDouble(false, 1n, Number(k));
  return roundToLongDouble(false, expFixed(mul(frac, LN2)), Number(k) - F, true);
}

type Exp = 'exp' | 'exp2' | 'exp10';
/** expl, exp2l, exp10l. */
export function exponential(x: LongDouble, which: Exp): LongDouble {
  if (x.kind === 'nan') return x;
  if (x.kind === 'inf') return x.neg ? ZERO : INF;
  if (x.m === 0n) return ONE_LD;
  if (x.e + bitLength(x.m) < -80) return ONE_LD; // 1 + x rounds to 1
  if (x.e + bitLength(x.m) > 16) return x.neg ? ZERO : INF;
  const fx = fixed(x);
  const t = x.neg ? -fx : fx;
  if (which === 'exp2') return exp2Fixed(t);
  if (which === 'exp10') {
    const n = toIntegral(x, 'trunc');
    if (n.kind === 'finite' && n.m === x.m && n.e === x.e) {
      // an integer power of ten: exact, then rounded once
      const k = fixed(x) >> BigInt(F);
      if (k > 5000n) return x.neg ? ZERO : INF;
      const p = 10n ** k;
      if (!x.neg) return roundToLongDouble(false, p, 0);
      const bits = bitLength(p) + 70;
      const q = (1n << BigInt(bits)) / p;
      return roundToLongDouble(false, q, -bits, q * p !== 1n << BigInt(bits));
    }
    return exp2Fixed(div(mul(t, LN10), LN2));
  }
  return exp2Fixed(div(t, LN2));
}

function isInteger(y: LongDouble): boolean {
  const t = toIntegral(y, 'trunc');
  return t.kind === 'finite' && y.kind === 'finite' && t.m === y.m && t.e === y.e;
}
function isOddInteger(y: LongDouble): boolean {
  if (y.kind !== 'finite' || !isInteger(y) || y.m === 0n) return false;
  return y.e === 0 ? (y.m & 1n) === 1n : y.e < 0 && ((y.m >> BigInt(-y.e)) & 1n) === 1n;
}

/** powl, with C99's special cases. */
export function power(x: LongDouble, y: LongDouble): LongDouble {
  if (isZero(y)) return ONE_LD;
  if (x.kind === 'finite' && !x.neg && x.m === 1n << 63n && x.e === -63) return ONE_LD;
  const nan = nanOf(x, y);
  if (nan) return nan;
  const oddY = isOddInteger(y);
  if (y.kind === 'inf') {
    const size = x.kind === 'inf' ? 1 : compare(abs(x), ONE_LD) ?? 0;
    if (size === 0) return ONE_LD; // (-1)^inf
    return size > 0 !== y.neg ? INF : ZERO;
  }
  if (isZero(x) || x.kind === 'inf') {
    const toZero = isZero(x) ? !y.neg : y.neg;
    const neg = x.neg && oddY;
    return toZero ? (neg ? NEG_ZERO : ZERO) : neg ? NEG_INF : INF;
  }
  if (x.kind !== 'finite' || y.kind !== 'finite') throw new Error('unreachable');
  if (x.neg && !isInteger(y)) return DEFAULT_NAN;
  const yMagnitude = y.e + bitLength(y.m);
  if (isInteger(y) && yMagnitude <= 2) {
    // |y| < 4: the x87 code multiplies (glibc sysdeps/x86_64/fpu/e_powl.S)
    let base = y.neg ? divide(ONE_LD, x) : x;
    let n = Number(fixed(y) >> BigInt(F));
    let acc = ONE_LD;
    while (n > 0) {
      if (n & 1) acc = multiply(acc, base);
      n >>= 1;
      if (n > 0) base = multiply(base, base);
    }
    return acc;
  }
  // 2^(y log2|x|), with y kept within glibc's bounds (2^-79 <= |y| <= 2^78)
  const yy = yMagnitude < -78 ? roundToLongDouble(y.neg, 1n, -79) : yMagnitude > 79 ? roundToLongDouble(y.neg, 1n, 78) : y;
  if (yy.kind !== 'finite') throw new Error('unreachable');
  const l = log2Of(x);
  const t = (l.approx * (yy.m << BigInt(Math.max(0, yy.e + F)))) >> BigInt(F + Math.max(0, -(yy.e + F)));
  const exact = l.exact !== undefined && isInteger(yy);
  const r = exact ? roundToLongDouble(false, 1n, Number(l.exact! * (fixed(yy) >> BigInt(F)) * (yy.neg ? -1n : 1n))) : exp2Fixed(yy.neg ? -t : t);
  return x.neg && oddY ? { ...r, neg: true } : r;
}

/** x reduced modulo pi/2: the quadrant and the rest in fixed point. */
function reduceHalfPi(x: { m: bigint; e: number }): { quadrant: number; rest: bigint } {
  const g = F + Math.max(0, x.e + 64) + 80;
  const halfPi = pi(g) >> 1n;
  const scaled = x.e + g >= 0 ? x.m << BigInt(x.e + g) : x.m >> BigInt(-(x.e + g));
  let k = (scaled + (halfPi >> 1n)) / halfPi;
  let rest = scaled - k * halfPi;
  if (rest > halfPi >> 1n) {
    k += 1n;
    rest -= halfPi;
  }
  return { quadrant: Number(k & 3n), rest: rest >> BigInt(g - F) };
}

type Trig = 'sin' | 'cos' | 'tan';
/** sinl, cosl, tanl. */
export function trigonometric(x: LongDouble, which: Trig): LongDouble {
  if (x.kind === 'nan') return x;
  if (x.kind === 'inf') return DEFAULT_NAN;
  if (x.m === 0n) return which === 'cos' ? ONE_LD : x;
  const size = x.e + bitLength(x.m);
  if (size < -40) return which === 'cos' ? ONE_LD : x;
  const { quadrant, rest } = reduceHalfPi(x);
  const { sin, cos } = sinCosFixed(rest);
  let s = [sin, cos, -sin, -cos][quadrant];
  let c = [cos, -sin, -cos, sin][quadrant];
  if (x.neg) s = -s;
  if (which === 'sin') return fromFixed(s);
  if (which === 'cos') return fromFixed(c);
  if (c < 0n) {
    s = -s;
    c = -c;
  }
  return fromFixed(div(s, c));
}

/** atan(a / b) in fixed point for a, b >= 0 (not both zero): the angle in [0, pi/2]. */
function angle(a: bigint, b: bigint): bigint {
  if (a <= b) return atanFixed((a << BigInt(F)) / b);
  return (PI >> 1n) - atanFixed((b << BigInt(F)) / a);
}

/** atan2l(y, x): the angle of (x, y), with C99's signed zeros and infinities. */
export function atan2(y: LongDouble, x: LongDouble): LongDouble {
  const nan = nanOf(y, x);
  if (nan) return nan;
  const sign = (v: LongDouble): LongDouble => (y.neg ? { ...v, neg: !v.neg } : v);
  const pi = fromFixed(PI);
  if (isZero(y)) return x.neg ? sign(pi) : y;
  if (x.kind === 'inf' && y.kind === 'inf') return sign(fromFixed(x.neg ? 3n * (PI >> 2n) : PI >> 2n));
  if (x.kind === 'inf') return x.neg ? sign(pi) : sign(ZERO);
  if (y.kind === 'inf' || isZero(x)) return sign(fromFixed(PI >> 1n));
  if (x.kind !== 'finite' || y.kind !== 'finite') throw new Error('unreachable');
  const shift = y.e - x.e + bitLength(y.m) - bitLength(x.m);
  if (shift < -60 && !x.neg) return sign(divide(abs(y), x)); // atan(t) = t - t^3/3 rounds like t
  if (shift < -(F - 8)) return sign(pi);
  const common = Math.min(x.e, y.e);
  const a = y.m << BigInt(y.e - common);
  const b = x.m << BigInt(x.e - common);
  const t = angle(a, b);
  return sign(fromFixed(x.neg ? PI - t : t));
}

/** atanl, asinl, acosl. */
export function arc(x: LongDouble, which: 'atan' | 'asin' | 'acos'): LongDouble {
  if (x.kind === 'nan') return which === 'acos' ? QUIET_NAN : x; // glibc's acosl answers a NaN with a positive one
  if (which === 'atan') return atan2(x, ONE_LD);
  if (x.kind === 'inf') return QUIET_NAN;
  const fx = fixed(x);
  if (fx > ONE) return QUIET_NAN;
  const rootRest = isqrt((ONE - mul(fx, fx)) << BigInt(F)); // sqrt(1 - x^2), never exact unless x is 0 or 1
  if (which === 'asin') {
    if (x.e + bitLength(x.m) < -40) return x;
    return x.neg ? { ...fromFixed(angle(fx, rootRest)), neg: true } : fromFixed(angle(fx, rootRest));
  }
  if (fx === ONE) return x.neg ? fromFixed(PI) : ZERO;
  if (x.m === 0n) return fromFixed(PI >> 1n);
  const t = angle(rootRest, fx);
  return fromFixed(x.neg ? PI - t : t);
}
