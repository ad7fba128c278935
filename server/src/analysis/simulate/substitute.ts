// `${...}` and `$[...]` substitution as main/pbx_variables.c does it: pbx_substitute_variables_helper_full (the
// application data: at most 8191 bytes out, 4095 per nested part, 15 levels deep) and ast_str_substitute_variables
// (what functions use to read the variable they are given by name: no limits). A part's end is found by counting
// braces (brackets for `$[`); nested parts are substituted first; `NAME:offset:length` cuts the value as
// ast_str_substring does; a name with `(` is a function call (main/pbx_functions.c: case-sensitive names, the
// arguments end at the last `)`); other names are the built-in ones of ast_str_retrieve_variable, then channel
// variables, then globals. Unknowns propagate: a part whose inner parts are unknown is unknown, what it writes is
// marked unknown too, and warnings Asterisk would log with the real values are not invented from placeholders.
import type { Channel } from './channel';
import { VarList } from './channel';
import type { EvalContext } from './context';
import { cstr, fromBytes, scanInt, toBytes } from './cstring';
import { evaluateExpression } from './expression';
import { canRead, findFunction } from './functions/index';
import { builtinVariable } from './builtins';
import { readFunction, writeFunction } from './pbxFunctions';

const MAX_DEPTH = 15;
/** The ast_str path has no depth limit in Asterisk (it would exhaust its stack): ours stops here. */
const MAX_STR_DEPTH = 64;
/** Bytes scanned by one substitute() call before it gives up (EVAL feeding itself grows without end). */
const BUDGET = 4_000_000;
const VAR_BUF = 4095;
const INT_MAX = 2147483647;

export interface Substitution {
  text: string;
  /** What only a live call knows, each once. */
  unknown: string[];
  /** WARNING/ERROR lines Asterisk would log, in order. */
  warnings: string[];
}

class OverBudget extends Error {}

/** Unknown values written to variables: by the entry object of the variable list. */
const taints = new WeakMap<object, readonly string[]>();

function entryOf(list: VarList, name: string): object | undefined {
  return list.entries().find((e) => VarList.bare(e.name) === name);
}

/** ast_str_substring / substring(): negative offsets count from the end, negative lengths leave bytes off it. */
export function substring(value: string, offset: number, length: number): string {
  const lr = value.length;
  if (offset === 0 && length >= lr) return value;
  if (offset < 0) offset = Math.max(0, lr + offset);
  if (offset >= lr) return '';
  const rest = value.slice(offset);
  if (length >= 0 && length < rest.length) return rest.slice(0, length);
  if (length < 0) return rest.length > -length ? rest.slice(0, rest.length + length) : '';
  return rest;
}

/** parse_variable_name(): the name before the first `:` outside parentheses, then sscanf("%30d:%30d"). */
export function parseVariableName(text: string): { name: string; offset: number; length: number; isFunction: boolean } {
  let parens = 0;
  let isFunction = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '(') {
      isFunction = true;
      parens++;
    } else if (c === ')') parens--;
    else if (c === ':' && parens === 0) {
      const rest = text.slice(k + 1);
      let offset = 0;
      let length = INT_MAX;
      const first = scanInt(rest);
      if (first !== null && first !== 'eof') {
        offset = first.value;
        if (rest[first.end] === ':') {
          const second = scanInt(rest, first.end + 1);
          if (second !== null && second !== 'eof') length = second.value;
        }
      }
      return { name: text.slice(0, k), offset, length, isFunction };
    }
  }
  return { name: text, offset: 0, length: INT_MAX, isFunction };
}

/** One substitution: the reports it gathers and the state Asterisk keeps per thread. */
export class Engine {
  private depth = 0;
  private strDepth = 0;
  private work = 0;
  private quiet = 0;
  /** Unknowns reported since the current part began. */
  sink: string[] = [];
  readonly warnings: string[] = [];
  /** While a part with unknown inputs runs: what its writes depend on. */
  private writeTaint: readonly string[] | null = null;

  constructor(readonly ctx: EvalContext) {}

  get channel(): Channel {
    return this.ctx.channel;
  }

  warn(message: string): void {
    if (this.quiet === 0) this.warnings.push(message);
  }

  unknown(what: string): void {
    this.sink.push(what);
  }

  /** pbx_substitute_variables_helper_full: at most `count` bytes out. */
  char(text: string, count: number): string {
    if (this.depth >= MAX_DEPTH) {
      this.warn(`ERROR pbx_variables.c: Exceeded maximum variable substitution recursion depth (${MAX_DEPTH}) - possible infinite recursion in dialplan?`);
      return '';
    }
    this.depth++;
    try {
      return this.scan(text, count, 'char');
    } finally {
      this.depth--;
    }
  }

  /** ast_str_substitute_variables_full2. */
  str(text: string): string {
    if (this.strDepth >= MAX_STR_DEPTH) {
      this.unknown('a substitution nested too deeply to follow (Asterisk would run out of stack)');
      return '';
    }
    this.strDepth++;
    try {
      return this.scan(text, Infinity, 'str');
    } finally {
      this.strDepth--;
    }
  }

  private scan(text: string, count: number, mode: 'char' | 'str'): string {
    text = cstr(text);
    this.work += text.length + 1;
    if (this.work > BUDGET) throw new OverBudget();
    let out = '';
    let i = 0;
    while (i < text.length && count > 0) {
      const at = text.indexOf('$', i);
      let pos = at < 0 ? text.length - i : at - i;
      const kind = at >= 0 && (text[at + 1] === '{' || text[at + 1] === '[') ? text[at + 1] : '';
      if (at >= 0 && !kind) pos++;
      if (pos) {
        const take = Math.min(pos, count);
        out += text.substr(i, take);
        count -= take;
        i += take;
      }
      if (!kind) continue;
      const [open, close] = kind === '{' ? ['{', '}'] : ['[', ']'];
      const other = kind === '{' ? '[' : '{';
      let j = at + 2;
      let brackets = 1;
      let needsub = false;
      while (brackets && j < text.length) {
        if (text[j] === '$' && text[j + 1] === open) {
          needsub = true;
          brackets++;
          j++;
        } else if (text[j] === open) brackets++;
        else if (text[j] === close) brackets--;
        else if (text[j] === '$' && text[j + 1] === other) {
          needsub = true;
          j++;
        }
        j++;
      }
      let len = j - (at + 2);
      if (brackets) this.warn(`WARNING pbx_variables.c: Error in extension logic (missing '${close}')`);
      else len--;
      i = j;
      let body = text.substr(at + 2, len);
      if (mode === 'char' && body.length > VAR_BUF) body = body.slice(0, VAR_BUF);
      const outer = this.sink;
      this.sink = [];
      const inner = needsub ? (mode === 'char' ? this.char(body, VAR_BUF) : this.str(body)) : body;
      const innerUnknown = this.sink;
      this.sink = outer;
      let value = kind === '{' ? this.part(inner, innerUnknown, mode) : this.expression(inner, innerUnknown);
      if (value === null) continue;
      if (mode === 'char') value = value.slice(0, kind === '[' ? Math.max(0, count - 1) : count);
      out += value;
      count -= value.length;
    }
    return out;
  }

  /** `$[...]`: its value, unknown when its parts are. */
  private expression(text: string, innerUnknown: string[]): string {
    if (innerUnknown.length > 0) {
      this.sink.push(...innerUnknown);
      return '';
    }
    // a dialplan function called inside the expression (`$[${LEN(x)} > 2]` aside, `$[LEN(abc) > 2]`) is read as
    // ast_func_read reads it; one whose value only a live call knows makes the expression's value unknown
    const before = this.sink.length;
    const r = evaluateExpression(fromBytes(text), {
      readFunction: (name, args) => {
        const fn = findFunction(name);
        if (!fn) return 'missing';
        if (!canRead(fn)) return 'write-only';
        const value = this.call(toBytes(`${name}(${args})`), 'str');
        return this.sink.length > before ? 'unknown' : { value: value === null ? '' : fromBytes(value) };
      },
    });
    for (const line of r.log) this.warn(toBytes(`${line.level} ${line.source}: ${line.message}`));
    if (r.unknown !== undefined) {
      this.sink.push(toBytes(`$[${fromBytes(text)}] (${r.unknown})`));
      return '';
    }
    return toBytes(r.value);
  }

  /** The inside of `${...}` once substituted: a variable or a function call, then the substring. */
  private part(text: string, innerUnknown: string[], mode: 'char' | 'str'): string | null {
    const v = parseVariableName(text);
    if (innerUnknown.length > 0) {
      // run it for what it writes, marked unknown, with no warnings invented from the placeholders
      this.quiet++;
      const taint = this.writeTaint;
      this.writeTaint = [...(taint ?? []), ...innerUnknown];
      try {
        if (v.isFunction) this.call(v.name, mode);
      } finally {
        this.quiet--;
        this.writeTaint = taint;
      }
      this.sink.push(...innerUnknown);
      return '';
    }
    const before = this.sink.length;
    let value = v.isFunction ? this.call(v.name, mode) : this.variable(v.name);
    if (this.sink.length > before) return '';
    if (value === null) return null;
    if (mode === 'char') value = value.slice(0, VAR_BUF);
    return substring(value, v.offset, v.length);
  }

  /** ast_str_retrieve_variable with a channel: built-in names, channel variables, globals. */
  variable(name: string): string | null {
    const ch = this.channel;
    const builtin = builtinVariable(name, this.ctx, (what) => this.unknown(what));
    if (builtin !== undefined) return builtin;
    const key = fromBytes(name);
    for (const list of [ch.vars, ch.globals]) {
      const entry = entryOf(list, key) as { value: string } | undefined;
      if (entry) {
        const taint = taints.get(entry);
        if (taint) {
          this.sink.push(...taint);
          return '';
        }
        return toBytes(entry.value);
      }
    }
    const why = this.ctx.unsetVariable?.(key);
    if (why !== undefined) this.unknown(toBytes(why));
    return null;
  }

  /** ast_func_read / ast_func_read2 (pbxFunctions.ts). */
  call(text: string, mode: 'char' | 'str'): string | null {
    return readFunction(this, text, mode);
  }

  /** ast_func_write (pbxFunctions.ts). */
  write(text: string, value: string): void {
    writeFunction(this, text, value);
  }

  /** pbx_builtin_getvar_helper: channel variables (unless only the globals are asked), then globals; unknown is "". */
  lookup(name: string, channelFirst: boolean): string | undefined {
    const key = fromBytes(name);
    for (const list of channelFirst ? [this.channel.vars, this.channel.globals] : [this.channel.globals]) {
      const entry = entryOf(list, key) as { value: string } | undefined;
      if (!entry) continue;
      const taint = taints.get(entry);
      if (taint) this.sink.push(...taint);
      return taint ? '' : toBytes(entry.value);
    }
    return undefined;
  }

  /** pbx_builtin_setvar_helper on the channel. */
  set(name: string, value: string | undefined): void {
    if (name.endsWith(')')) this.write(name, value ?? '');
    else this.assign(this.channel.vars, name, value);
  }

  /** Set or push a variable, marked unknown when it is written from unknown values. */
  assign(list: VarList, name: string, value: string | undefined, push = false): void {
    const key = fromBytes(name);
    if (push) list.push(key, fromBytes(value ?? ''));
    else list.set(key, value === undefined ? undefined : fromBytes(value));
    if (value !== undefined && this.writeTaint) taints.set(list.entries()[0], [...new Set(this.writeTaint)]);
  }

  /** Writes made while `unknownFrom` is non-empty are marked with it. */
  tainted<T>(unknownFrom: readonly string[], run: () => T): T {
    const saved = this.writeTaint;
    this.writeTaint = unknownFrom.length > 0 ? [...(saved ?? []), ...unknownFrom] : saved;
    try {
      return run();
    } finally {
      this.writeTaint = saved;
    }
  }

  /** The reports, in the caller's words, handed to the context as well. */
  finish(text: string): Substitution {
    const unknown = [...new Set(this.sink.map(fromBytes))];
    const warnings = this.warnings.map(fromBytes);
    for (const u of unknown) this.ctx.unknown(u);
    for (const w of warnings) this.ctx.warn(w);
    return { text: fromBytes(text), unknown, warnings };
  }
}

export interface SubstituteOptions {
  /** The output buffer: 8191 bytes for application data (EXT_DATA_SIZE - 1). */
  limit?: number;
}

/** pbx_substitute_variables_helper: the text an application receives. */
export function substitute(text: string, ctx: EvalContext, options: SubstituteOptions = {}): Substitution {
  const engine = new Engine(ctx);
  try {
    return engine.finish(engine.char(toBytes(text), options.limit ?? 8191));
  } catch (e) {
    if (!(e instanceof OverBudget)) throw e;
    engine.sink.push('a substitution that keeps growing (the simulation stopped following it)');
    return engine.finish('');
  }
}

/**
 * pbx_builtin_setvar_helper: `_NAME`/`__NAME` are inherited names of NAME, a name ending in `)` writes a function
 * (`GLOBAL(X)`, `CALLERID(num)`, `PUSH(LIST)`...). `unknownFrom`: what the value depends on that only a live call
 * knows (the unknown of the substitution it came from); the variable then reads as unknown.
 */
export function setVariable(ctx: EvalContext, name: string, value: string, unknownFrom: readonly string[] = []): Substitution {
  const engine = new Engine(ctx);
  try {
    engine.tainted(unknownFrom.map(toBytes), () => engine.set(toBytes(name), toBytes(value)));
  } catch (e) {
    if (!(e instanceof OverBudget)) throw e;
  }
  return engine.finish('');
}

/** Is this variable's value unknown (written from values only a live call knows)? What it depends on, or null. */
export function unknownVariable(channel: Channel, name: string): readonly string[] | null {
  for (const list of [channel.vars, channel.globals]) {
    const entry = entryOf(list, name);
    if (entry) return taints.get(entry) ?? null;
  }
  return null;
}
