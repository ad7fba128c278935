// SPRINTF(format,arg1,...) as funcs/func_sprintf.c scans its format: each conversion is cut out with its flags,
// width, precision and length, its argument read with sscanf("%30d") or ("%30lf") (a missing string is NULL and
// prints "(null)"), and printed by glibc's printf (../printf.ts); an unsupported conversion fails the call.
import { scanDouble, scanInt, separateArgs } from '../cstring';
import { formatDouble, formatInt, formatString, parseSpec } from '../printf';
import type { DialplanFunction, FunctionCall } from './types';

const SOURCE = 'funcs/func_sprintf.c';
const LEN = 4096;

function sprintf(call: FunctionCall): string | null {
  const [format = '', ...vars] = separateArgs(call.args, ',', true, 101);
  let out = '';
  let n = 0;
  // the states of acf_sprintf: -1 literal, then flags, width, precision, length, conversion
  let state = -1;
  let start = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (state === -1) {
      if (c === '%') {
        state = 0;
        start = i;
      } else out += c;
      continue;
    }
    if (state === 0) {
      if ("#0- +'I".includes(c)) continue;
      state = 1;
    }
    if (state === 1) {
      if (c >= '0' && c <= '9') continue;
      if (c === '.') state = 2;
      else {
        state = 3;
        i--;
      }
      continue;
    }
    if (state === 2) {
      if (c >= '0' && c <= '9') continue;
      state = 3;
    }
    if (state === 3) {
      state = 4;
      if (c === 'h' || c === 'l') {
        if (format[i + 1] === c) i++;
        continue;
      }
      if ('Lqjzt'.includes(c)) continue;
    }
    const text = format.slice(start, i + 1);
    const spec = parseSpec(text);
    if ('diouxXc'.includes(c) && spec) {
      const arg = vars[n++];
      if (arg === undefined) {
        call.log('ERROR', SOURCE, 'SPRINTF() has more format specifiers than arguments!');
        return null;
      }
      const v = scanInt(arg);
      if (v === null || v === 'eof') {
        call.log('ERROR', SOURCE, `Argument '${arg}' is not an integer number for format '${text}'`);
        return null;
      }
      out += formatInt(spec, v.value);
    } else if ('eEfFgGaA'.includes(c) && spec) {
      const arg = vars[n++];
      if (arg === undefined) {
        call.log('ERROR', SOURCE, 'SPRINTF() has more format specifiers than arguments!');
        return null;
      }
      const v = scanDouble(arg);
      if (v === null || v === 'eof') {
        call.log('ERROR', SOURCE, `Argument '${arg}' is not a floating point number for format '${text}'`);
        return null;
      }
      out += formatDouble(spec, v.value);
    } else if (c === 's' && spec) out += formatString(spec, vars[n++] ?? null);
    else if (c === '%') out += c;
    else {
      call.log('ERROR', SOURCE, `Format type not supported: '${text}' with argument '${vars[n++] ?? '(null)'}'`);
      return null;
    }
    // each conversion prints into what is left of the buffer, and the next one starts at its first NUL
    out = out.slice(0, LEN - 1);
    const nul = out.indexOf('\0');
    if (nul >= 0) out = out.slice(0, nul);
    state = -1;
  }
  return out.slice(0, LEN - 1);
}

export const SPRINTF_FUNCTIONS: DialplanFunction[] = [{ name: 'SPRINTF', source: SOURCE, needs: 'arguments', read: sprintf }];
