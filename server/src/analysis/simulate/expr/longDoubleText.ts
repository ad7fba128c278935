// Long doubles to and from text, as glibc 2.36 does it for main/ast_expr2.y (Asterisk 20.20.1):
//   - strtold on the texts an expression turns into numbers: optional blanks and sign, digits with at most one `.`
//     (the texts ast_expr2 converts never hold an exponent or hex digits); correctly rounded; ERANGE when the value
//     overflows (then infinity) or is tiny and inexact;
//   - printf "%.18Lg", the format Asterisk prints every number with: 18 significant digits from the exact binary
//     value, ties to even, `%e` style below 1e-4 and from 1e18 on, trailing zeros dropped, "inf", "nan", "-0".

import type { LongDouble } from './longDouble';
import { bitLength, EMIN, roundToLongDouble, toFraction } from './longDouble';

export interface Strtold {
  value: LongDouble;
  /** How many characters the number took (0: none, the value is then 0). */
  length: number;
  /** glibc sets errno to ERANGE: overflow, or a non-zero value too small to keep exactly. */
  erange: boolean;
}

const POW10: bigint[] = [1n];
function pow10(n: number): bigint {
  while (POW10.length <= Math.min(n, 400)) POW10.push(POW10[POW10.length - 1] * 10n);
  return n < POW10.length ? POW10[n] : 10n ** BigInt(n);
}

/** digits / 10^scale, correctly rounded, with glibc's ERANGE verdict. */
function decimalToLongDouble(neg: boolean, digits: bigint, scale: number): { value: LongDouble; erange: boolean } {
  if (digits === 0n) return { value: roundToLongDouble(neg, 0n, 0), erange: false };
  let value: LongDouble;
  let exact: boolean;
  if (scale === 0) {
    value = roundToLongDouble(neg, digits, 0);
    exact = value.kind === 'finite' && bitLength(digits) <= 64;
  } else {
    const den = pow10(scale);
    // enough quotient bits for the rounding, also when the result is subnormal
    const k = Math.max(0, 70 + bitLength(den) - bitLength(digits));
    const num = digits << BigInt(k);
    const q = num / den;
    exact = q * den === num;
    value = roundToLongDouble(neg, q, -k, !exact);
  }
  if (value.kind === 'inf') return { value, erange: true };
  const tiny = value.kind === 'finite' && (value.m === 0n || (value.e === EMIN && value.m < 1n << 63n));
  let inexact = !exact;
  if (tiny && exact && value.kind === 'finite') {
    // exact quotient, but the subnormal may still have dropped bits: compare back
    const f = toFraction(value);
    inexact = f.num * pow10(scale) !== digits * f.den;
  }
  return { value, erange: tiny && inexact };
}

const BLANK = new Set([' ', '\t', '\n', '\v', '\f', '\r']);

/** glibc strtold over the longest prefix of `text` that is a decimal number (blanks, sign, digits, one point). */
export function strtold(text: string): Strtold {
  let i = 0;
  while (i < text.length && BLANK.has(text[i])) i++;
  let neg = false;
  if (text[i] === '+' || text[i] === '-') {
    neg = text[i] === '-';
    i++;
  }
  const intStart = i;
  while (i < text.length && text[i] >= '0' && text[i] <= '9') i++;
  const intDigits = text.slice(intStart, i);
  let fracDigits = '';
  if (text[i] === '.') {
    const fracStart = i + 1;
    let j = fracStart;
    while (j < text.length && text[j] >= '0' && text[j] <= '9') j++;
    fracDigits = text.slice(fracStart, j);
    if (intDigits.length > 0 || fracDigits.length > 0) i = j;
  }
  if (intDigits.length === 0 && fracDigits.length === 0) return { value: roundToLongDouble(false, 0n, 0), length: 0, erange: false };
  const all = (intDigits + fracDigits).replace(/^0+/, '');
  const { value, erange } = decimalToLongDouble(neg, all === '' ? 0n : BigInt(all), fracDigits.length);
  return { value, length: i, erange };
}

/** The decimal exponent of a positive finite value: 10^x <= value < 10^(x+1). */
function decimalExponent(num: bigint, den: bigint): number {
  let x = Math.floor((bitLength(num) - bitLength(den)) * Math.log10(2));
  const fits = (k: number): boolean => (k >= 0 ? num >= pow10(k) * den : num * pow10(-k) >= den);
  while (!fits(x)) x--;
  while (fits(x + 1)) x++;
  return x;
}

/** printf("%.<precision>Lg") of a long double, as glibc writes it. */
export function formatG(x: LongDouble, precision = 18): string {
  if (x.kind === 'nan') return x.neg ? '-nan' : 'nan';
  if (x.kind === 'inf') return x.neg ? '-inf' : 'inf';
  const sign = x.neg ? '-' : '';
  if (x.m === 0n) return `${sign}0`;
  const { num, den } = toFraction(x);
  let exp = decimalExponent(num, den);
  // the value scaled to `precision` significant digits, rounded half to even
  const shift = precision - 1 - exp;
  const n = shift >= 0 ? num * pow10(shift) : num;
  const d = shift >= 0 ? den : den * pow10(-shift);
  let digits = n / d;
  const twice = 2n * (n - digits * d);
  if (twice > d || (twice === d && (digits & 1n) === 1n)) digits += 1n;
  if (digits === pow10(precision)) {
    digits /= 10n;
    exp += 1;
  }
  const text = digits.toString();
  if (exp < -4 || exp >= precision) {
    const mantissa = trimFraction(`${text[0]}.${text.slice(1)}`);
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${sign}${mantissa}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp >= 0) return sign + trimFraction(`${text.slice(0, exp + 1)}.${text.slice(exp + 1)}`);
  return sign + trimFraction(`0.${'0'.repeat(-exp - 1)}${text}`);
}

function trimFraction(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

