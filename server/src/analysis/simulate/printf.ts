// One printf() conversion as glibc writes it in the C locale (stdio-common/vfprintf), for SPRINTF (funcs/
// func_sprintf.c), MATH, MIN, MAX and ABS (funcs/func_math.c): flags `#0- +'I`, width, precision, the length
// modifiers, integers, characters, strings (NULL prints "(null)") and doubles in %f, %e, %g and %a with the exact
// binary value rounded half to even, as glibc does (so %.1f of 2.25 is 2.2 and %f of 0.0078125 is 0.007812).

export interface Spec {
  flags: string;
  width: number;
  precision: number | undefined;
  length: string;
  conversion: string;
}

/** Widths and precisions past this are cut: every caller's buffer is smaller. */
const CAP = 8192;

/** `%[flags][width][.precision][length]conversion`, or null. */
export function parseSpec(text: string): Spec | null {
  const m = /^%([#0\- +'I]*)(\d*)(?:\.(\d*))?(hh|h|ll|l|L|q|j|z|t)?(.)$/s.exec(text);
  if (!m) return null;
  const num = (s: string): number => Math.min(CAP, s === '' ? 0 : Number(s));
  return { flags: m[1], width: num(m[2]), precision: m[3] === undefined ? undefined : num(m[3]), length: m[4] ?? '', conversion: m[5] };
}

function pad(spec: Spec, sign: string, body: string, zeroAllowed: boolean): string {
  const room = spec.width - sign.length - body.length;
  if (room <= 0) return sign + body;
  if (spec.flags.includes('-')) return sign + body + ' '.repeat(room);
  if (zeroAllowed && spec.flags.includes('0')) {
    const prefix = /^0[xX]/.test(body) ? body.slice(0, 2) : '';
    return sign + prefix + '0'.repeat(room) + body.slice(prefix.length);
  }
  return ' '.repeat(room) + sign + body;
}

function signOf(spec: Spec, negative: boolean): string {
  return negative ? '-' : spec.flags.includes('+') ? '+' : spec.flags.includes(' ') ? ' ' : '';
}

/** An int argument (what sscanf("%30d") read) under an integer or %c conversion. */
export function formatInt(spec: Spec, value: number): string {
  const conv = spec.conversion;
  if (conv === 'c') return pad(spec, '', String.fromCharCode(value & 0xff), false);
  const signed = conv === 'd' || conv === 'i';
  let v: bigint;
  if (spec.length === 'hh') v = signed ? BigInt((value << 24) >> 24) : BigInt(value & 0xff);
  else if (spec.length === 'h') v = signed ? BigInt((value << 16) >> 16) : BigInt(value & 0xffff);
  else if (spec.length === '') v = signed ? BigInt(value | 0) : BigInt(value >>> 0);
  // a long conversion reads the int's register zero-extended (seen on Asterisk 20: %ld of -1 is 4294967295)
  else v = BigInt(value >>> 0);
  const negative = v < 0n;
  const base = conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10;
  let digits = (negative ? -v : v).toString(base);
  if (conv === 'X') digits = digits.toUpperCase();
  if (spec.precision !== undefined) digits = spec.precision === 0 && v === 0n ? '' : digits.padStart(spec.precision, '0');
  if (spec.flags.includes('#')) {
    if (conv === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
    if ((conv === 'x' || conv === 'X') && v !== 0n) digits = `0${conv}${digits}`;
  }
  return pad(spec, signed ? signOf(spec, negative) : '', digits, spec.precision === undefined);
}

/** A string argument; null is what glibc prints for a NULL pointer. */
export function formatString(spec: Spec, s: string | null): string {
  let body = s ?? (spec.precision === undefined || spec.precision >= 6 ? '(null)' : '');
  if (spec.precision !== undefined) body = body.slice(0, spec.precision);
  return pad(spec, '', body, false);
}

/** The exact binary value of a finite double: mantissa * 2^exponent. */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = hi >>> 20;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return biased === 0 ? { mantissa: fraction, exponent: -1074 } : { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/** round-half-even(|x| * 10^p) for the exact value of x. */
function scaled(x: number, p: number): bigint {
  const { mantissa, exponent } = decompose(x);
  let num = mantissa;
  let den = 1n;
  if (exponent >= 0) num <<= BigInt(exponent);
  else den <<= BigInt(-exponent);
  if (p >= 0) num *= 10n ** BigInt(p);
  else den *= 10n ** BigInt(-p);
  let q = num / den;
  const twice = (num % den) * 2n;
  if (twice > den || (twice === den && q % 2n === 1n)) q++;
  return q;
}

function fixed(x: number, p: number, hash: boolean): string {
  const s = scaled(x, p).toString().padStart(p + 1, '0');
  const whole = s.slice(0, s.length - p);
  return p > 0 || hash ? `${whole}.${s.slice(s.length - p)}` : whole;
}

/** The digits and decimal exponent of %e with p decimals. */
function exponential(x: number, p: number): { digits: string; exp: number } {
  if (x === 0) return { digits: '0'.repeat(p + 1), exp: 0 };
  let exp = Math.floor(Math.log10(Math.abs(x)));
  for (;;) {
    const n = scaled(x, p - exp);
    if (n >= 10n ** BigInt(p + 1)) exp++;
    else if (n < 10n ** BigInt(p)) exp--;
    else return { digits: n.toString(), exp };
  }
}

function expText(digits: string, exp: number, hash: boolean, e: string): string {
  const mant = digits.length > 1 || hash ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${mant}${e}${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

function hexFloat(x: number, spec: Spec): string {
  const { mantissa, exponent } = decompose(x);
  const up = spec.conversion === 'A';
  const hash = spec.flags.includes('#');
  let lead: bigint;
  let frac: bigint;
  let exp: number;
  if (mantissa === 0n) [lead, frac, exp] = [0n, 0n, 0];
  else if (mantissa < 1n << 52n) [lead, frac, exp] = [0n, mantissa, -1022];
  else [lead, frac, exp] = [1n, mantissa - (1n << 52n), exponent + 52];
  let digits = frac.toString(16).padStart(13, '0');
  if (spec.precision === undefined) digits = digits.replace(/0+$/, '');
  else if (spec.precision < 13) {
    const drop = 13 - spec.precision;
    const unit = 1n << BigInt(4 * drop);
    let kept = frac / unit;
    const rest = (frac % unit) * 2n;
    if (rest > unit || (rest === unit && ((spec.precision === 0 ? lead : kept) & 1n) === 1n)) kept++;
    if (spec.precision > 0 && kept >= 1n << BigInt(4 * spec.precision)) [kept, lead] = [kept - (1n << BigInt(4 * spec.precision)), lead + 1n];
    if (spec.precision === 0 && kept > 0n) [kept, lead] = [0n, lead + 1n];
    digits = spec.precision === 0 ? '' : kept.toString(16).padStart(spec.precision, '0');
  } else digits = digits.padEnd(spec.precision, '0');
  const text = `0x${lead.toString(16)}${digits || hash ? '.' : ''}${digits}p${exp < 0 ? '-' : '+'}${Math.abs(exp)}`;
  return up ? text.toUpperCase() : text;
}

/** A double argument under %f %F %e %E %g %G %a %A. */
export function formatDouble(spec: Spec, x: number): string {
  const conv = spec.conversion;
  // %Lf reads a long double where a double was passed: Asterisk 20 printed "nan" (seen with SPRINTF(%Lf,2.5))
  if (spec.length === 'L') x = NaN;
  const upperCase = conv === conv.toUpperCase();
  const negative = x < 0 || Object.is(x, -0);
  const sign = signOf(spec, negative);
  if (!Number.isFinite(x)) {
    const word = Number.isNaN(x) ? 'nan' : 'inf';
    return pad(spec, Number.isNaN(x) ? signOf(spec, false) : sign, upperCase ? word.toUpperCase() : word, false);
  }
  const hash = spec.flags.includes('#');
  let body: string;
  if (conv === 'f' || conv === 'F') body = fixed(x, spec.precision ?? 6, hash);
  else if (conv === 'e' || conv === 'E') {
    const p = spec.precision ?? 6;
    const { digits, exp } = exponential(x, p);
    body = expText(digits, exp, hash, upperCase ? 'E' : 'e');
  } else if (conv === 'g' || conv === 'G') {
    const p = spec.precision === undefined ? 6 : spec.precision === 0 ? 1 : spec.precision;
    const { digits, exp } = exponential(x, p - 1);
    body = p > exp && exp >= -4 ? fixed(x, p - 1 - exp, hash) : expText(digits, exp, hash, upperCase ? 'E' : 'e');
    if (!hash && body.includes('.')) body = body.replace(/(\.\d*?)0+(?=[eE]|$)/, '$1').replace(/\.(?=[eE]|$)/, '');
  } else body = hexFloat(x, spec);
  return pad(spec, sign, body, true);
}
