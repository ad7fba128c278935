// `$[...]` as Asterisk 20.20.1 evaluates it: main/ast_expr2.fl cuts the text into tokens (grammars/expr.peggy),
// main/ast_expr2.y's bison parser (an LALR(1) automaton, bison 2.4.1's yacc skeleton) reads them and evaluates as
// it reduces, and ast_expr() turns the result into text. This file runs that automaton: its states are named by
// what the parser is waiting for, and it takes bison's decisions, which decide what a wrong expression gives:
//   - where a state has a single reduction, bison makes it whatever comes next, so an error is seen late:
//     `$[1 + 2)]` is 3 (the whole `1 + 2` was reduced, even to the final value, before `)` is refused),
//     `$[ = 1]` is "" (the empty expression was taken first), `$[1 + ]` is 0 (no value was ever made);
//   - the syntax error message lists what was expected when at most four tokens were, in bison's token order,
//     with Asterisk's names for them (`'<token>'`, `'='TILDE` for `=~`), and a caret under the offending token;
//   - the parser stack holds at most 10000 states ("memory exhausted"), which bounds nesting like Asterisk.
// Precedence, lowest first: `? ::`, `|`, `&`, comparisons, `+ -`, `* / %`, unary `- !`, `: =~ ~~`; all left
// associative. Values and operators: expr/operators.ts; numbers: expr/longDouble*.ts; functions: expr/functions.ts.

import * as lexer from '../../parser/generated/expr';
import { FUNCTIONS } from '../../docs/functions';
import { formatG } from './expr/longDoubleText';
import type { FunctionReader } from './expr/functions';
import { callFunction } from './expr/functions';
import type { Comparison, Log, LogLine, Value } from './expr/operators';
import * as op from './expr/operators';
import { warn } from './expr/operators';
import { RegexLimitError } from './posixRegex';

export type { FunctionRead, FunctionReader } from './expr/functions';
export type { LogLine } from './expr/operators';

/** bison's names of the tokens (the scanner's, and `$end`). */
type TokenType =
  | '$end'
  | 'TOKEN'
  | `TOK_${'COMMA' | 'COLONCOLON' | 'COND' | 'OR' | 'AND' | 'NE' | 'LE' | 'GE' | 'LT' | 'GT' | 'EQ' | 'MINUS' | 'PLUS'}`
  | `TOK_${'MOD' | 'DIV' | 'MULT' | 'COMPL' | 'TILDETILDE' | 'EQTILDE' | 'COLON' | 'LP' | 'RP'}`;

interface Token {
  type: TokenType;
  text: string;
  start: number;
  numeric: boolean;
}

/** Binding strength of the binary operators (and of `?`), from ast_expr2.y's %left lines. */
const BINARY: Partial<Record<TokenType, number>> = {
  TOK_COND: 2,
  TOK_OR: 3,
  TOK_AND: 4,
  TOK_EQ: 5,
  TOK_NE: 5,
  TOK_LT: 5,
  TOK_GT: 5,
  TOK_LE: 5,
  TOK_GE: 5,
  TOK_PLUS: 6,
  TOK_MINUS: 6,
  TOK_MULT: 7,
  TOK_DIV: 7,
  TOK_MOD: 7,
  TOK_COLON: 9,
  TOK_EQTILDE: 9,
  TOK_TILDETILDE: 9,
};
const UNARY_LEVEL = 8;
const TERNARY_LEVEL = 2;

/** What the parser's stack holds: an operand, an operator waiting for its right side, a function's arguments. */
type Entry =
  | { kind: 'expr'; value: Value }
  | { kind: 'token'; token: Token }
  | { kind: 'args'; values: Value[] }
  | { kind: 'op'; type: TokenType } // a binary operator, `?` or `::`
  | { kind: 'unary'; type: 'TOK_MINUS' | 'TOK_COMPL' }
  | { kind: 'open' } // `(` (and `)` for the moment before its reduction)
  | { kind: 'call' } // the `(` of `TOKEN (`
  | { kind: 'comma' }
  | { kind: 'accepted' }; // the whole expression reduced

const OPERAND_START: TokenType[] = ['TOK_MINUS', 'TOK_COMPL', 'TOK_LP', 'TOKEN'];
const MAX_DEPTH = 10000;

/**
 * How Asterisk's syntax errors show bison's token names (expr2_token_subst): as the symbol, quoted. `~~` has no
 * symbol there, and the names are compared as prefixes with TOK_EQ's before TOK_EQTILDE's, so `=~` shows as
 * `'='TILDE`.
 */
const SHOWN: Partial<Record<TokenType, string>> = {
  TOKEN: '<token>',
  TOK_COND: '?',
  TOK_COLONCOLON: '::',
  TOK_OR: '|',
  TOK_AND: '&',
  TOK_EQ: '=',
  TOK_GT: '>',
  TOK_LT: '<',
  TOK_GE: '>=',
  TOK_LE: '<=',
  TOK_NE: '!=',
  TOK_PLUS: '+',
  TOK_MINUS: '-',
  TOK_MULT: '*',
  TOK_DIV: '/',
  TOK_MOD: '%',
  TOK_COMPL: '!',
  TOK_COLON: ':',
  TOK_COMMA: ',',
  TOK_RP: ')',
  TOK_LP: '(',
};

function renameTokens(message: string): string {
  return message.replace(/TOK(?:EN|_[A-Z]+)/g, (name) => {
    if (name === 'TOK_EQTILDE') return "'='TILDE";
    const shown = SHOWN[name as TokenType];
    return shown === undefined ? name : `'${shown}'`;
  });
}

/** Thrown when bison gives up (a syntax error, or its stack is full): the value is what was reduced by then. */
class ParseAbort extends Error {}

/** The automaton over the tokens; `log` gets the warnings of the operators it runs. */
class Machine {
  private readonly stack: Entry[] = [];
  private next = 0;
  private lastRead = -1;
  private done = false;
  result: Value | undefined;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly read: FunctionReader,
    private readonly log: Log,
  ) {}

  private lookahead(): Token {
    this.lastRead = Math.max(this.lastRead, this.next);
    return this.tokens[this.next];
  }

  private push(e: Entry): void {
    this.stack.push(e);
    if (this.stack.length + 1 >= MAX_DEPTH) this.fail('memory exhausted');
  }

  private shift(e: Entry): void {
    this.next++;
    this.push(e);
  }

  private fail(message: string): never {
    const token = this.tokens[Math.max(this.lastRead, 0)];
    const column = Buffer.byteLength(this.text.slice(0, token.start), 'utf8');
    const input = `ast_yyerror():  syntax error: ${renameTokens(message)}; Input:\n${this.text}\n${' '.repeat(column)}^`;
    warn(this.log, input, 'WARNING', 'ast_expr2.fl');
    warn(this.log, 'If you have questions, please refer to https://docs.asterisk.org/Configuration/Dialplan/Variables/Channel-Variables/', 'WARNING', 'ast_expr2.fl');
    throw new ParseAbort(message);
  }

  private unexpected(t: Token, expected: TokenType[]): never {
    const list = expected.length > 0 && expected.length <= 4 ? `, expecting ${expected.join(' or ')}` : '';
    return this.fail(`syntax error, unexpected ${t.type}${list}`);
  }

  private top(offset = 0): Entry | undefined {
    return this.stack[this.stack.length - 1 - offset];
  }

  run(): void {
    while (!this.done) {
      const top = this.top();
      if (top === undefined || (top.kind !== 'expr' && top.kind !== 'token' && top.kind !== 'args')) this.expectOperand(top);
      else if (top.kind === 'token') this.afterToken(top.token);
      else if (top.kind === 'args') this.afterArguments();
      else this.afterOperand(top.value);
    }
  }

  /** Waiting for an operand: after nothing, `(`, an operator, `TOKEN (` or `,`. */
  private expectOperand(top: Entry | undefined): void {
    const t = this.lookahead();
    if (t.type === 'TOKEN') return this.shift({ kind: 'token', token: t });
    if (t.type === 'TOK_LP') return this.shift({ kind: 'open' });
    if (t.type === 'TOK_MINUS' || t.type === 'TOK_COMPL') return this.shift({ kind: 'unary', type: t.type });
    if (top === undefined) {
      // the empty expression is reduced whatever comes; then only the end may follow
      this.result = op.makeString('');
      this.accept();
      return;
    }
    if (top.kind === 'comma') {
      // `f(a,)`: an empty argument
      this.stack.pop();
      const args = this.stack.pop() as { kind: 'args'; values: Value[] };
      args.values.push(op.makeString(''));
      this.push(args);
      return;
    }
    this.unexpected(t, OPERAND_START);
  }

  /** After a word: `(` makes it a function call, anything else makes it an operand. */
  private afterToken(token: Token): void {
    if (this.lookahead().type === 'TOK_LP') {
      this.shift({ kind: 'call' });
      return;
    }
    this.stack.pop();
    this.push({ kind: 'expr', value: op.scannerValue(token.text, token.numeric) });
  }

  /** After `TOKEN ( arguments`: `,` or `)`. */
  private afterArguments(): void {
    const t = this.lookahead();
    if (t.type === 'TOK_COMMA') return this.shift({ kind: 'comma' });
    if (t.type !== 'TOK_RP') this.unexpected(t, ['TOK_COMMA', 'TOK_RP']);
    this.shift({ kind: 'open' }); // the `)`; reduced at once
    this.stack.pop();
    const args = this.stack.pop() as { kind: 'args'; values: Value[] };
    this.stack.pop(); // `(`
    const name = (this.stack.pop() as { kind: 'token'; token: Token }).token.text;
    this.push({ kind: 'expr', value: callFunction(name, args.values, this.read, this.log) });
  }

  /** After an operand: shift a stronger operator, else reduce what waits on the stack, or close it. */
  private afterOperand(value: Value): void {
    const below = this.top(1);
    let level: number | undefined;
    if (below?.kind === 'unary') level = UNARY_LEVEL;
    else if (below?.kind === 'op' && below.type === 'TOK_COLONCOLON') level = TERNARY_LEVEL;
    else if (below?.kind === 'op' && below.type !== 'TOK_COND') level = BINARY[below.type];
    // `: =~ ~~` bind tightest of the binary operators: bison reduces them without reading further
    const t = level === 9 ? undefined : this.lookahead();
    const incoming = t ? BINARY[t.type] : undefined;
    if (t && incoming !== undefined && (level === undefined || incoming > level)) return this.shift({ kind: 'op', type: t.type });
    if (level !== undefined) return this.reduceOperator(value);
    if (below === undefined) {
      // bison's only reduction here, whatever comes next: the value of the whole expression
      this.stack.pop();
      this.result = value;
      return this.accept();
    }
    if (below.kind === 'open') {
      if (t!.type !== 'TOK_RP') this.unexpected(t!, []);
      this.shift({ kind: 'open' });
      this.stack.splice(-3, 3);
      return this.push({ kind: 'expr', value });
    }
    if (below.kind === 'op') {
      // `a ? b` waits for `::`
      if (t!.type !== 'TOK_COLONCOLON') this.unexpected(t!, []);
      return this.shift({ kind: 'op', type: 'TOK_COLONCOLON' });
    }
    // the first argument of a call, or one after `,`
    this.stack.pop();
    if (below.kind === 'comma') {
      this.stack.pop();
      const args = this.stack.pop() as { kind: 'args'; values: Value[] };
      args.values.push(value);
      this.push(args);
    } else this.push({ kind: 'args', values: [value] });
  }

  private reduceOperator(right: Value): void {
    this.stack.pop();
    const o = this.stack.pop() as { kind: 'op' | 'unary'; type: TokenType };
    const log = this.log;
    let value: Value;
    if (o.kind === 'unary') value = o.type === 'TOK_MINUS' ? op.negate(right, log) : op.complement(right);
    else if (o.type === 'TOK_COLONCOLON') {
      const middle = (this.stack.pop() as { kind: 'expr'; value: Value }).value;
      this.stack.pop(); // `?`
      const cond = (this.stack.pop() as { kind: 'expr'; value: Value }).value;
      value = op.conditional(cond, middle, right, log);
    } else {
      const left = (this.stack.pop() as { kind: 'expr'; value: Value }).value;
      value = binary(o.type, left, right, log);
    }
    this.push({ kind: 'expr', value });
  }

  /** `start` was reduced (the value is kept even if an error follows); only the end may come now. */
  private accept(): void {
    this.push({ kind: 'accepted' });
    const t = this.lookahead();
    if (t.type !== '$end') this.unexpected(t, ['$end']);
    this.done = true;
  }
}

function binary(type: TokenType, a: Value, b: Value, log: Log): Value {
  switch (type) {
    case 'TOK_OR':
      return op.or(a, b, log);
    case 'TOK_AND':
      return op.and(a, b, log);
    case 'TOK_PLUS':
      return op.plus(a, b, log);
    case 'TOK_MINUS':
      return op.minus(a, b, log);
    case 'TOK_MULT':
      return op.times(a, b, log);
    case 'TOK_DIV':
      return op.divide(a, b, log);
    case 'TOK_MOD':
      return op.remainder(a, b, log);
    case 'TOK_COLON':
      return op.match(a, b, true, log);
    case 'TOK_EQTILDE':
      return op.match(a, b, false, log);
    case 'TOK_TILDETILDE':
      return op.concatenate(a, b);
    default: {
      const comparison = { TOK_EQ: '=', TOK_NE: '!=', TOK_LT: '<', TOK_GT: '>', TOK_LE: '<=', TOK_GE: '>=' }[type as string];
      return op.compare(comparison as Comparison, a, b, log);
    }
  }
}

const KNOWN_FUNCTIONS = new Set(FUNCTIONS.map((f) => f.name));

/** Without a live call: a function Asterisk has is unknown here; any other name is missing, as Asterisk says. */
const defaultReader: FunctionReader = (name) => (KNOWN_FUNCTIONS.has(name) ? 'unknown' : 'missing');

export interface ExpressionOptions {
  /** Reads dialplan functions called inside the expression (`$[LEN(abc) > 2]`). */
  readFunction?: FunctionReader;
}

export interface ExpressionResult {
  /** What Asterisk substitutes for `$[text]`. */
  value: string;
  /** The text of the WARNING and ERROR lines Asterisk logs meanwhile. */
  warnings: string[];
  /** The same lines with their level and the file Asterisk names (`WARNING ast_expr2.y: division by zero`). */
  log: LogLine[];
  /** Why the value cannot be known here, when it cannot (a dialplan function's value, a regex too costly...). */
  unknown?: string;
}

/** `$[text]` with `text` already substituted: Asterisk's value and log lines. */
export function evaluateExpression(text: string, options: ExpressionOptions = {}): ExpressionResult {
  const tokens = lexer.parse(text) as Token[];
  const log: Log = { lines: [] };
  const machine = new Machine(text, tokens, options.readFunction ?? defaultReader, log);
  let value: string;
  try {
    machine.run();
    value = resultText(machine.result);
  } catch (e) {
    if (e instanceof RegexLimitError) log.unknown ??= e.message;
    else if (!(e instanceof ParseAbort)) throw e;
    value = resultText(machine.result);
  }
  const warnings = log.lines.map((l) => l.message);
  return { value, warnings, log: log.lines, ...(log.unknown !== undefined ? { unknown: log.unknown } : {}) };
}

/** ast_expr(): a number printed "%.18Lg", a string as it is, no value at all "0". */
function resultText(v: Value | undefined): string {
  return v === undefined ? '0' : v.type === 'number' ? formatG(v.n) : (v.s ?? '');
}

/** The value of an expression's text (variables already substituted), or null when it cannot be known here. */
export function evaluate(text: string): string | null {
  const r = evaluateExpression(text);
  return r.unknown === undefined ? r.value : null;
}

/**
 * pbx_checkcondition() (main/pbx.c), the truth of GotoIf, ExecIf, GosubIf, While and IF(): empty is false, text
 * that starts with an integer (after blanks and a sign, sscanf "%30d") is that integer's truth (truncated to 32
 * bits as glibc does), any other text is true. `00` and `0.5` are false, `x`, `"0"` and ` ` are true.
 */
export function truthy(value: string): boolean {
  if (value === '') return false;
  const m = /^[ \t\n\v\f\r]*([+-]?[0-9]*)/.exec(value)!;
  const field = m[1].slice(0, 30);
  if (!/[0-9]/.test(field)) return true;
  const n = BigInt(field);
  const clamped = n > 2n ** 63n - 1n ? 2n ** 63n - 1n : n < -(2n ** 63n) ? -(2n ** 63n) : n;
  return BigInt.asIntN(32, clamped) !== 0n;
}
