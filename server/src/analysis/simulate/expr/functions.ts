// Function calls inside `$[...]` (op_func in main/ast_expr2.y, Asterisk 20.20.1): first the built-in math
// functions (COS SIN TAN ACOS ASIN ATAN ATAN2 POW SQRT FLOOR CEIL ROUND RINT TRUNC EXP EXP2 EXP10 LOG LOG2 LOG10
// REMAINDER ABS, one argument each but ATAN2, POW and REMAINDER's two), else a dialplan function read with the
// arguments joined by commas; its text becomes a number when it holds only `-0123456789. ` and tabs.
// Asterisk's own quirks kept: a name with anything but A-Z, 0-9 and `_` is refused; a wrong argument count logs
// "Wrong args to X() function" and gives 0; a function Asterisk does not have logs two lines and gives 0; and a
// built-in function given a non-numeric argument reads the string's pointer as a long double (a tiny subnormal
// number): the result is known when it does not depend on that address (`FLOOR(abc)` is 0, `COS(abc)` is 1).

import type { LongDouble } from './longDouble';
import * as ld from './longDouble';
import { arc, atan2, exponential, logarithm, power, trigonometric } from './longDoubleMath';
import { formatG, strtold } from './longDoubleText';
import type { Log, Value } from './operators';
import { makeNumber, makeString, toNumber, warn } from './operators';

type Builtin = (x: LongDouble, y: LongDouble) => LongDouble;
const one = (f: (x: LongDouble) => LongDouble): { arity: number; run: Builtin } => ({ arity: 1, run: (x) => f(x) });
const two = (f: Builtin): { arity: number; run: Builtin } => ({ arity: 2, run: f });

const BUILTINS: Record<string, { arity: number; run: Builtin }> = {
  COS: one((x) => trigonometric(x, 'cos')),
  SIN: one((x) => trigonometric(x, 'sin')),
  TAN: one((x) => trigonometric(x, 'tan')),
  ACOS: one((x) => arc(x, 'acos')),
  ASIN: one((x) => arc(x, 'asin')),
  ATAN: one((x) => arc(x, 'atan')),
  ATAN2: two(atan2),
  POW: two(power),
  SQRT: one(ld.sqrt),
  FLOOR: one((x) => ld.toIntegral(x, 'floor')),
  CEIL: one((x) => ld.toIntegral(x, 'ceil')),
  ROUND: one((x) => ld.toIntegral(x, 'round')),
  RINT: one((x) => ld.toIntegral(x, 'rint')),
  TRUNC: one((x) => ld.toIntegral(x, 'trunc')),
  EXP: one((x) => exponential(x, 'exp')),
  EXP2: one((x) => exponential(x, 'exp2')),
  EXP10: one((x) => exponential(x, 'exp10')),
  LOG: one((x) => logarithm(x, 'log')),
  LOG2: one((x) => logarithm(x, 'log2')),
  LOG10: one((x) => logarithm(x, 'log10')),
  REMAINDER: two(ld.remainder),
  ABS: one((x) => ((ld.compare(x, ld.ZERO) ?? 0) < 0 ? ld.multiply(x, ld.fromInteger(-1n)) : x)),
};

/** What reading a dialplan function gives: its text, or that the simulation cannot know it, or no such function. */
export type FunctionRead = { value: string } | 'unknown' | 'missing' | 'write-only';
export type FunctionReader = (name: string, args: string) => FunctionRead;

/** Two heap-like addresses: a string argument is read as address * 2^-16445 (a positive subnormal). */
const PROBES = [0x5555_5555_6eb0n, 0x7ffd_1234_5670n];

/** The argument as the built-in function reads it, or the possible values when that depends on memory. */
function argument(v: Value, log: Log): LongDouble[] | undefined {
  toNumber(v, log);
  if (v.type === 'number') return [v.n];
  if (!v.fromScanner) return undefined; // malloc()ed by an operator: the exponent bytes are unknown too
  if (v.type === 'numeric') return [ld.ZERO]; // the freed text's pointer was zeroed
  return PROBES.map((m) => ld.roundToLongDouble(false, m, ld.EMIN));
}

function builtin(name: string, fn: { arity: number; run: Builtin }, args: Value[], log: Log): Value {
  if (args.length !== fn.arity) {
    warn(log, `Wrong args to ${name}() function`);
    return makeNumber(ld.ZERO);
  }
  const xs = argument(args[0], log);
  const ys = fn.arity === 2 ? argument(args[1], log) : [ld.ZERO];
  if (!xs || !ys) {
    log.unknown ??= `${name}() of a string: Asterisk reads unpredictable memory`;
    return makeNumber(ld.ZERO);
  }
  const results = xs.flatMap((x) => ys.map((y) => fn.run(x, y)));
  if (new Set(results.map((r) => formatG(r))).size > 1) {
    log.unknown ??= `${name}() of a string: Asterisk reads the string's address as a number`;
  }
  return makeNumber(results[0]);
}

const BYTES_READ = 511;

/** The first 511 bytes of a function's value (Asterisk reads it into a 512-byte buffer). */
function truncated(s: string): string {
  const bytes = Buffer.from(s, 'utf8');
  if (bytes.length <= BYTES_READ) return s;
  return bytes.subarray(0, BYTES_READ).toString('utf8').replace(/\uFFFD$/, '');
}

/** op_func: a call `NAME(args)` inside an expression. */
export function callFunction(name: string, args: Value[], read: FunctionReader, log: Log): Value {
  if (!/^[A-Z0-9_]*$/.test(name)) {
    warn(log, `Error! '${name}' is not possibly a function name!`, 'ERROR');
    return makeNumber(ld.ZERO);
  }
  const fn = BUILTINS[name];
  if (fn) return builtin(name, fn, args, log);
  const text = args.map((a) => (a.type === 'number' ? formatG(a.n) : (a.s ?? ''))).join(',');
  const r = read(name, text);
  if (r === 'missing') {
    warn(log, `Hey! could not find func ${name}.`);
    warn(log, `Error! '${name}' doesn't appear to be an available function!`, 'ERROR');
    return makeNumber(ld.ZERO);
  }
  if (r === 'write-only') {
    warn(log, `Error! Function '${name}' cannot be read!`, 'ERROR');
    return makeNumber(ld.ZERO);
  }
  if (r === 'unknown') {
    log.unknown ??= `the value of ${name}() is not known without a live call`;
    return makeString('');
  }
  const value = truncated(r.value);
  return /^[-0-9. \t]*$/.test(value) ? makeNumber(strtold(value).value) : makeString(value);
}
