// main/pbx_functions.c as the substitution uses it: func_args() (the name before the first `(`, the arguments up
// to the last `)`), ast_custom_function_find() (exact, case-sensitive names), ast_func_read/ast_func_read2 (a
// function that cannot be read, a read that fails, read_max on the ast_str path) and ast_func_write; and the
// FunctionCall a function gets: the channel's variables, the substitution, Asterisk's log, the unknown.
import { cstr, fromBytes } from './cstring';
import { canRead, canWrite, findFunction } from './functions/index';
import type { DialplanFunction, FunctionCall } from './functions/types';
import type { Engine } from './substitute';

/** ast_func_read / ast_func_read2: `NAME(args)`; null when nothing is substituted. */
export function readFunction(engine: Engine, text: string, mode: 'char' | 'str'): string | null {
  const { fn, name, args } = resolve(engine, text);
  if (!fn) return null;
  if (!canRead(fn)) {
    engine.warn(`ERROR pbx_functions.c: Function ${name} cannot be read`);
    return null;
  }
  if (fn.live !== undefined || !fn.read) {
    engine.unknown(`${name}(${args}) (${fn.live ?? 'not modelled'})`);
    return '';
  }
  let value = fn.read(makeCall(engine, name, args, mode));
  if (value === null) return null;
  value = cstr(value);
  if (mode === 'str' && fn.readMax !== undefined) value = value.slice(0, fn.readMax - 1);
  return value;
}

/** ast_func_write: `NAME(args)=value`. */
export function writeFunction(engine: Engine, text: string, value: string): void {
  const { fn, name, args } = resolve(engine, text);
  if (!fn) return;
  if (!canWrite(fn)) engine.warn(`ERROR pbx_functions.c: Function ${name} cannot be written to`);
  else if (fn.live !== undefined || !fn.write) engine.ctx.note?.(fromBytes(`${name}(${args}) is written on the live system (${fn.live ?? 'not modelled'}); the simulation does not keep it.`));
  else fn.write(makeCall(engine, name, args, 'char'), value);
}

/** func_args() and ast_custom_function_find(). */
function resolve(engine: Engine, text: string): { fn: DialplanFunction | null; name: string; args: string } {
  const open = text.indexOf('(');
  let name = text;
  let args = '';
  if (open < 0) engine.warn(`WARNING pbx_functions.c: Function '${text}' doesn't contain parentheses.  Assuming null argument.`);
  else {
    name = text.slice(0, open);
    args = text.slice(open + 1);
    const close = args.lastIndexOf(')');
    if (close >= 0) args = args.slice(0, close);
    else engine.warn(`WARNING pbx_functions.c: Can't find trailing parenthesis for function '${name}(${args}'?`);
  }
  const fn = findFunction(name);
  if (!fn) engine.warn(`ERROR pbx_functions.c: Function ${name} not registered`);
  return { fn, name, args };
}

function makeCall(engine: Engine, name: string, args: string, mode: 'char' | 'str'): FunctionCall {
  const ch = engine.channel;
  return {
    name,
    args,
    channel: ch,
    ctx: engine.ctx,
    mode,
    log: (level, source, message) => engine.warn(`${level} ${source.replace(/^.*\//, '')}: ${message}`),
    unknown: (why) => engine.unknown(`${name}(${args}) (${why})`),
    get: (n) => engine.lookup(n, true),
    getGlobal: (n) => engine.lookup(n, false),
    set: (n, v) => engine.set(n, v),
    setGlobal: (n, v) => engine.assign(ch.globals, n, v),
    push: (n, v) => engine.assign(ch.vars, n, v, true),
    substitute: (t) => engine.str(t),
    substituteInto: (t, size) => engine.char(t, size - 1),
    note: (message) => engine.ctx.note?.(fromBytes(message)),
  };
}
