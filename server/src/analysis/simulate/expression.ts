// `$[...]` expressions as main/ast_expr2.y evaluates them, for the operators a dialplan condition uses: `|`, `&`,
// comparisons (numeric when both sides are numbers, else string comparison: `$["10" < "9"]` is 1), `+ - * / %`
// (division keeps the fraction: `$[10 / 3]` is 3.33333333333333333), unary `-` and `!`, parentheses and quoted
// strings. Anything else (`=~`, `:`, `?:`, functions) is not evaluated: the caller then treats the value as unknown.

type Token = { kind: 'op'; text: string } | { kind: 'value'; text: string };

const OPERATORS = ['!=', '<=', '>=', '|', '&', '=', '<', '>', '+', '-', '*', '/', '%', '(', ')', '!'];

function tokenize(text: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) return null;
      // kept quoted: a quoted operand compares as a string (`$["10" < "9"]` is 1)
      out.push({ kind: 'value', text: text.slice(i, end + 1) });
      i = end + 1;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      out.push({ kind: 'op', text: op });
      i += op.length;
      continue;
    }
    if (c === '=' || c === ':' || c === '?' || c === '~') return null;
    let j = i;
    while (j < text.length && !' \t"'.includes(text[j]) && !OPERATORS.some((o) => text.startsWith(o, j))) j++;
    out.push({ kind: 'value', text: text.slice(i, j) });
    i = j;
  }
  return out;
}

const isNumber = (s: string): boolean => /^\s*[+-]?\d+(\.\d+)?\s*$/.test(s);
const unquote = (s: string): string => (s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s);

/** A number as ast_expr2 prints it: integers plainly, fractions with 17 decimals, trailing zeros kept. */
function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(17).replace(/(\.\d*?[1-9])0+$/, '$1');
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): string | null {
    if (this.tokens.length === 0) return '';
    const v = this.or();
    return v !== null && this.i === this.tokens.length ? v : null;
  }

  private peek(): string | null {
    const t = this.tokens[this.i];
    return t?.kind === 'op' ? t.text : null;
  }

  private binary(ops: string[], next: () => string | null, apply: (op: string, a: string, b: string) => string | null): string | null {
    let left = next();
    while (left !== null && ops.includes(this.peek() ?? '')) {
      const op = this.tokens[this.i++].text;
      const right = next();
      if (right === null) return null;
      left = apply(op, left, right);
    }
    return left;
  }

  private or = (): string | null => this.binary(['|'], this.and, (_, a, b) => (truthy(a) ? a : truthy(b) ? b : '0'));
  private and = (): string | null => this.binary(['&'], this.compare, (_, a, b) => (truthy(a) && truthy(b) ? a : '0'));
  private compare = (): string | null =>
    this.binary(['=', '!=', '<', '>', '<=', '>='], this.sum, (op, a, b) => {
      const numeric = isNumber(a) && isNumber(b);
      const x = numeric ? parseFloat(a) : unquote(a);
      const y = numeric ? parseFloat(b) : unquote(b);
      const r = op === '=' ? x === y : op === '!=' ? x !== y : op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
      return r ? '1' : '0';
    });
  private sum = (): string | null => this.binary(['+', '-'], this.product, (op, a, b) => arithmetic(op, a, b));
  private product = (): string | null => this.binary(['*', '/', '%'], this.unary, (op, a, b) => arithmetic(op, a, b));

  private unary = (): string | null => {
    const op = this.peek();
    if (op === '-' || op === '!') {
      this.i++;
      const v = this.unary();
      if (v === null) return null;
      if (op === '!') return truthy(v) ? '0' : '1';
      return isNumber(v) ? formatNumber(-parseFloat(v)) : null;
    }
    if (op === '(') {
      this.i++;
      const v = this.or();
      if (v === null || this.peek() !== ')') return null;
      this.i++;
      return v;
    }
    const t = this.tokens[this.i];
    if (t?.kind !== 'value') return null;
    this.i++;
    return t.text;
  };
}

/** Integer division with the fraction Asterisk prints (its long double gives 17 exact decimals: 3.33333333333333333). */
function divide(a: string, b: string): string {
  const x = BigInt(a.trim());
  const y = BigInt(b.trim());
  const negative = x < 0n !== y < 0n;
  const abs = (n: bigint): bigint => (n < 0n ? -n : n);
  const scaled = (abs(x) * 10n ** 18n) / abs(y);
  const rounded = (scaled + 5n) / 10n;
  const whole = rounded / 10n ** 17n;
  const fraction = (rounded % 10n ** 17n).toString().padStart(17, '0').replace(/0+$/, '');
  return `${negative && rounded !== 0n ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

function arithmetic(op: string, left: string, right: string): string | null {
  const a = unquote(left);
  const b = unquote(right);
  if (!isNumber(a) || !isNumber(b)) return null;
  if (op === '/' && /^\s*[+-]?\d+\s*$/.test(a) && /^\s*[+-]?\d+\s*$/.test(b) && parseInt(b, 10) !== 0) return divide(a, b);
  const x = parseFloat(a);
  const y = parseFloat(b);
  if ((op === '/' || op === '%') && y === 0) return null;
  const r = op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '/' ? x / y : x % y;
  return formatNumber(r);
}

/** Asterisk's truth for conditions (pbx_checkcondition): empty and numeric zero are false. */
export function truthy(value: string): boolean {
  const v = unquote(value.trim());
  if (v === '') return false;
  return isNumber(v) ? parseFloat(v) !== 0 : true;
}

/** The value of an expression's text (variables already substituted), or null when it cannot be evaluated here. */
export function evaluate(text: string): string | null {
  const tokens = tokenize(text);
  if (tokens === null) return null;
  // `$[ + 1]` is empty in Asterisk (a syntax error it reports and evaluates as nothing)
  if (tokens[0]?.kind === 'op' && tokens[0].text === '+') return '';
  const value = new Parser(tokens).parse();
  return value === null ? null : unquote(value);
}

// ---------------------------------------------------------------------------------------------------------------
// TEMPORARY (issue 11): the interface of the new `$[...]` evaluator, over the old evaluate() until the new
// expression.ts replaces this file. An expression evaluate() cannot read gives an empty value.
export function evaluateExpression(text: string): { value: string; warnings: string[] } {
  return { value: evaluate(text) ?? '', warnings: [] };
}
