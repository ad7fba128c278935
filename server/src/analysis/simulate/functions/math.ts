// funcs/func_math.c: MATH(<number1><op><number2>[,type]) with its operator search order and C arithmetic
// (integer operators truncate to int, division by a number <= 0 gives 0), INC and DEC (which write the variable
// back), MIN, MAX, ABS (an integral result prints as %d, another as %f) and DIGIT_SUM.
import { scanInt, separateArgs, toDouble, toInt, toUnsigned } from '../cstring';
import { formatDouble, formatInt, parseSpec } from '../printf';
import type { Spec } from '../printf';
import type { DialplanFunction, FunctionCall } from './types';

const SOURCE = 'funcs/func_math.c';
const spec = (text: string): Spec => parseSpec(text) as Spec;
const F = spec('%f');
const D = spec('%d');

/** The operators in the order math() looks for them: [text, what it splits off, action]. */
const OPERATORS: [string, number, string][] = [
  ['*', 1, 'mul'],
  ['/', 1, 'div'],
  ['%', 1, 'mod'],
  ['^', 1, 'pow'],
  ['AND', 3, 'and'],
  ['XOR', 3, 'xor'],
  ['OR', 2, 'or'],
  ['>', 1, 'gt'],
  ['<', 1, 'lt'],
  ['=', 1, 'eq'],
  ['+', 1, 'add'],
  ['-', 1, 'sub'],
];

function math(call: FunctionCall): string | null {
  if (call.args === '') {
    call.log('WARNING', SOURCE, 'Syntax: MATH(<number1><op><number 2>[,<type_of_result>]) - missing argument!');
    return null;
  }
  const [first, type] = separateArgs(call.args, ',', true, 2);
  const negative = first.startsWith('-');
  const text = negative ? first.slice(1) : first;
  let value1 = text;
  let value2: string | null = null;
  let action = '';
  for (const [op, width, name] of OPERATORS) {
    const at = text.indexOf(op);
    if (at < 0) continue;
    value1 = text.slice(0, at);
    action = name;
    let after = at + width;
    if (name === 'gt' || name === 'lt') {
      if (text[after] === '=') [action, after] = [`${name}e`, after + 1];
      else if (text[after] === text[at]) [action, after] = [name === 'gt' ? 'shr' : 'shl', after + 1];
    }
    if (name === 'eq') {
      if (text[after] !== '=') break;
      after++;
    }
    value2 = text.slice(after);
    break;
  }
  let format = 'f';
  if (type !== undefined) {
    const t = type.toLowerCase();
    format = t === 'float' || t === 'f' ? 'f' : t === 'int' || t === 'i' ? 'i' : t === 'hex' || t === 'h' ? 'x' : t === 'char' || t === 'c' ? 'c' : '';
    if (!format) {
      call.log('WARNING', SOURCE, `Unknown type of result requested '${type}'.`);
      return null;
    }
  }
  if (value2 === null) {
    call.log('WARNING', SOURCE, 'Supply all the parameters - just this once, please');
    return null;
  }
  let a = toDouble(value1);
  if (a === null) {
    call.log('WARNING', SOURCE, `'${value1}' is not a valid number`);
    return null;
  }
  const b = toDouble(value2);
  if (b === null) {
    call.log('WARNING', SOURCE, `'${value2}' is not a valid number`);
    return null;
  }
  if (negative) a = 0 - a;
  const [i, j] = [toInt(a), toInt(b)];
  const compare: Record<string, boolean> = { gt: a > b, lt: a < b, gte: a >= b, lte: a <= b, eq: a === b };
  if (action in compare) return compare[action] ? 'TRUE' : 'FALSE';
  const results: Record<string, number> = {
    add: a + b,
    sub: a - b,
    mul: a * b,
    div: b <= 0 ? 0 : a / b,
    mod: j === 0 ? 0 : i % j,
    pow: Math.pow(a, b),
    shl: i << j,
    shr: i >> j,
    and: i & j,
    xor: i ^ j,
    or: i | j,
  };
  const r = results[action];
  if (format === 'f') return formatDouble(F, r);
  if (format === 'i') return formatInt(D, toInt(r));
  if (format === 'x') return formatInt(spec('%x'), toUnsigned(r));
  return String.fromCharCode(toInt(r) & 0xff);
}

function crement(call: FunctionCall): string | null {
  if (call.args === '') {
    call.log('WARNING', SOURCE, `Syntax: ${call.name}(<data>) - missing argument!`);
    return null;
  }
  const value = call.get(call.args);
  if (value === undefined || value === '') return null;
  const n = scanInt(value);
  let number = 0;
  if (n === null) return null;
  if (n !== 'eof') {
    if (n.end < value.length) return null;
    number = n.value;
  }
  const result = String((number + (call.name === 'INC' ? 1 : -1)) | 0);
  call.set(call.args, result);
  return result;
}

/** %d when the double is an int, else %f. */
const integralOrFloat = (r: number): string => (toInt(r) === r ? String(toInt(r)) : formatDouble(F, r));

function minMax(call: FunctionCall, max: boolean): string | null {
  const [t1, t2] = separateArgs(call.args, ',', true, 2);
  if (!t1 && !t2) {
    call.log('ERROR', SOURCE, 'Missing argument for number(s).');
    return null;
  }
  let n1 = NaN;
  if (t1) {
    const v = toDouble(t1);
    if (v === null) {
      call.log('WARNING', SOURCE, `'${t1}' is not a valid number`);
      return null;
    }
    n1 = v;
  }
  let n2 = n1;
  if (t2) {
    const v = toDouble(t2);
    if (v === null) {
      call.log('WARNING', SOURCE, `'${t2}' is not a valid number`);
      return null;
    }
    n2 = v;
  }
  if (!t1) return integralOrFloat(n2);
  return integralOrFloat(max ? (n1 < n2 ? n2 : n1) : n1 > n2 ? n2 : n1);
}

function abs(call: FunctionCall): string | null {
  const v = call.args === '' ? null : toDouble(call.args);
  if (v === null) {
    call.log('WARNING', SOURCE, `Bad or missing argument for number: ${call.args === '' ? '(null)' : call.args}`);
    return null;
  }
  return integralOrFloat(Math.abs(v));
}

function digitSum(call: FunctionCall): string | null {
  if (call.args === '') {
    call.log('WARNING', SOURCE, 'Missing argument for number');
    return null;
  }
  let sum = 0;
  for (const c of call.args) if (c >= '0' && c <= '9') sum += Number(c);
  return String(sum);
}

export const MATH_FUNCTIONS: DialplanFunction[] = [
  { name: 'MATH', source: SOURCE, needs: 'arguments', read: math },
  { name: 'INC', source: SOURCE, needs: 'channel', read: crement },
  { name: 'DEC', source: SOURCE, needs: 'channel', read: crement },
  { name: 'MIN', source: SOURCE, needs: 'arguments', read: (call) => minMax(call, false), readMax: 12 },
  { name: 'MAX', source: SOURCE, needs: 'arguments', read: (call) => minMax(call, true), readMax: 12 },
  { name: 'ABS', source: SOURCE, needs: 'arguments', read: abs, readMax: 12 },
  { name: 'DIGIT_SUM', source: SOURCE, needs: 'arguments', read: digitSum },
];
