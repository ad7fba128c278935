// The parser of ./index.ts: glibc's parse_reg_exp, parse_branch, parse_expression, parse_dup_op and
// parse_bracket_exp (posix/regcomp.c) for REG_EXTENDED, over the pattern's code points, with regerror's texts.
import { CharSet, CLASSES, isWord } from './chars';

export type Node =
  | { t: 'set'; set: CharSet }
  | { t: 'assert'; kind: string }
  | { t: 'cat' | 'alt'; items: (Node | null)[] }
  | { t: 'repeat'; node: Node | null; min: number; max: number }
  | { t: 'backref'; n: number };

const ERR = {
  BADPAT: 'Invalid regular expression',
  ECOLLATE: 'Invalid collation character',
  ECTYPE: 'Invalid character class name',
  EESCAPE: 'Trailing backslash',
  ESUBREG: 'Invalid back reference',
  EBRACK: 'Unmatched [, [^, [:, [., or [=',
  EPAREN: 'Unmatched ( or \\(',
  EBRACE: 'Unmatched \\{',
  BADBR: 'Invalid content of \\{\\}',
  ERANGE: 'Invalid range end',
  BADRPT: 'Invalid preceding regular expression',
  ESIZE: 'Regular expression too big',
};

export class RegexError extends Error {}
const fail = (message: string): never => {
  throw new RegexError(message);
};

const DUP_MAX = 0x7fff;

interface Token {
  type: string;
  c: string;
}

/** The parser: glibc's parse_reg_exp / parse_branch / parse_expression / parse_dup_op / parse_bracket_exp. */
export class Parser {
  private i = 0;
  private tok: Token = { type: 'END', c: '' };
  private groups = 0;
  private completed = 0;
  hasBackref = false;

  /** The pattern's characters: one code point each (RAW_CHAR for a byte that is not UTF-8). */
  constructor(private readonly p: string[]) {}

  parse(): Node | null {
    this.next();
    const tree = this.regExp(0);
    return tree;
  }

  private next(): void {
    const p = this.p;
    if (this.i >= p.length) {
      this.tok = { type: 'END', c: '' };
      return;
    }
    const c = p[this.i];
    if (c === '\\') {
      if (this.i + 1 >= p.length) {
        this.i++;
        this.tok = { type: 'BACKSLASH', c };
        return;
      }
      const c2 = p[this.i + 1];
      this.i += 2;
      const special: Record<string, string> = { '<': 'A<', '>': 'A>', b: 'Ab', B: 'AB', '`': 'A`', "'": "A'", w: 'W', W: 'NW', s: 'S', S: 'NS' };
      this.tok = c2 >= '1' && c2 <= '9' ? { type: 'BACKREF', c: c2 } : { type: special[c2] ?? 'CHAR', c: c2 };
      return;
    }
    this.i++;
    const types: Record<string, string> = { '|': 'ALT', '*': 'DUP', '+': 'DUP', '?': 'DUP', '{': 'OPEN_DUP', '}': 'CLOSE_DUP', '(': 'OPEN', ')': 'CLOSE', '[': 'BRACKET', '.': 'PERIOD', '^': 'A^', $: 'A$' };
    this.tok = { type: types[c] ?? 'CHAR', c };
  }

  private regExp(nest: number): Node | null {
    // a back-reference sees only the groups closed before it in its own alternative
    const initial = this.completed;
    const branches = [this.branch(nest)];
    while (this.tok.type === 'ALT') {
      this.next();
      const t = this.tok.type;
      if (t !== 'ALT' && t !== 'END' && (nest === 0 || t !== 'CLOSE')) {
        const accumulated = this.completed;
        this.completed = initial;
        branches.push(this.branch(nest));
        this.completed |= accumulated;
      } else branches.push(null);
    }
    return branches.length === 1 ? branches[0] : { t: 'alt', items: branches };
  }

  private branch(nest: number): Node | null {
    const items = [this.expression(nest)];
    while (this.tok.type !== 'ALT' && this.tok.type !== 'END' && (nest === 0 || this.tok.type !== 'CLOSE')) items.push(this.expression(nest));
    return items.length === 1 ? items[0] : { t: 'cat', items };
  }

  private expression(nest: number): Node | null {
    const { type, c } = this.tok;
    let tree: Node | null;
    switch (type) {
      case 'CHAR':
      case 'CLOSE':
      case 'CLOSE_DUP':
        tree = { t: 'set', set: literal(c) };
        break;
      case 'OPEN':
        tree = this.subExp(nest + 1);
        break;
      case 'BRACKET':
        tree = { t: 'set', set: this.bracket() };
        break;
      case 'BACKREF': {
        const n = Number(c);
        if (!(this.completed & (1 << (n - 1)))) fail(ERR.ESUBREG);
        this.hasBackref = true;
        tree = { t: 'backref', n };
        break;
      }
      case 'OPEN_DUP':
      case 'DUP':
        return fail(ERR.BADRPT);
      case 'PERIOD':
        tree = { t: 'set', set: CharSet.of(() => true) };
        break;
      case 'W':
      case 'NW':
        tree = { t: 'set', set: CharSet.of((x) => isWord(x) !== (type === 'NW')) };
        break;
      case 'S':
      case 'NS':
        tree = { t: 'set', set: CharSet.of((x) => CLASSES.space(x) !== (type === 'NS')) };
        break;
      case 'ALT':
      case 'END':
        return null;
      case 'BACKSLASH':
        return fail(ERR.EESCAPE);
      default:
        // an anchor: never followed by a repetition (`^*` is an error)
        this.next();
        return { t: 'assert', kind: type.slice(1) };
    }
    this.next();
    while (this.tok.type === 'DUP' || this.tok.type === 'OPEN_DUP') tree = this.dup(tree);
    return tree;
  }

  private subExp(nest: number): Node | null {
    const index = this.groups++;
    this.next();
    let tree: Node | null = null;
    if (this.tok.type !== 'CLOSE') {
      tree = this.regExp(nest);
      if (this.tok.type !== 'CLOSE') fail(ERR.EPAREN);
    }
    if (index < 9) this.completed |= 1 << index;
    return tree;
  }

  /** fetch_number: digits up to `}` or `,`; -1 for none, -2 for anything else or the end. */
  private number(): number {
    let n = -1;
    for (;;) {
      this.next();
      const { type, c } = this.tok;
      if (type === 'END') return -2;
      if (type === 'CLOSE_DUP' || c === ',') return n;
      n = type !== 'CHAR' || c < '0' || c > '9' || n === -2 ? -2 : n === -1 ? Number(c) : Math.min(DUP_MAX + 1, n * 10 + Number(c));
    }
  }

  private dup(elem: Node | null): Node | null {
    let min: number;
    let max: number;
    if (this.tok.type === 'DUP') {
      [min, max] = this.tok.c === '*' ? [0, Infinity] : this.tok.c === '+' ? [1, Infinity] : [0, 1];
    } else {
      let start = this.number();
      let end = 0;
      if (start === -1) {
        if (this.tok.c === ',') start = 0;
        else fail(ERR.BADBR);
      }
      if (start !== -2) end = this.tok.type === 'CLOSE_DUP' ? start : this.tok.c === ',' ? this.number() : -2;
      if (start === -2 || end === -2) fail(this.tok.type === 'END' ? ERR.EBRACE : ERR.BADBR);
      if ((end !== -1 && start > end) || this.tok.type !== 'CLOSE_DUP') fail(ERR.BADBR);
      if (DUP_MAX < (end === -1 ? start : end)) fail(ERR.ESIZE);
      [min, max] = [start, end === -1 ? Infinity : end];
    }
    this.next();
    if (elem === null || (min === 0 && max === 0)) return null;
    return { t: 'repeat', node: elem, min, max };
  }

  /** parse_bracket_exp, in the C locale (collating elements and equivalence classes are single bytes). */
  private bracket(): CharSet {
    const p = this.p;
    const set = new CharSet();
    const peek = (): { type: string; c: string; len: number } => {
      if (this.i >= p.length) return { type: 'END', c: '', len: 0 };
      const c = p[this.i];
      if (c === '[') {
        const c2 = p[this.i + 1];
        if (c2 === '.' || c2 === '=' || c2 === ':') return { type: `OPEN${c2}`, c: c2, len: 2 };
        return { type: 'CHAR', c, len: 1 };
      }
      return { type: c === '-' ? 'RANGE' : c === ']' ? 'CLOSE' : c === '^' ? 'NOT' : 'CHAR', c, len: 1 };
    };
    const element = (tok: { type: string; c: string; len: number }, acceptHyphen: boolean): { kind: string; value: string } => {
      this.i += tok.len;
      if (tok.type.startsWith('OPEN')) {
        if (this.i >= p.length) fail(ERR.EBRACK);
        let name = '';
        // the name buffer holds 32 bytes
        for (let n = 0; ; n += utf8Length(p[this.i - 1])) {
          if (n >= 32) fail(ERR.EBRACK);
          const ch = p[this.i++];
          if (this.i >= p.length) fail(ERR.EBRACK);
          if (ch === tok.c && p[this.i] === ']') break;
          name += ch;
        }
        this.i++;
        return { kind: tok.c, value: name };
      }
      if (tok.type === 'RANGE' && !acceptHyphen && peek().type !== 'CLOSE') fail(ERR.ERANGE);
      return { kind: 'char', value: tok.c };
    };
    // a collating element is one ASCII character; a range end beyond ASCII has no collation order in C.UTF-8
    const single = (v: string): number => (v.length === 1 && v.charCodeAt(0) < 128 ? v.charCodeAt(0) : fail(ERR.ECOLLATE));
    const codeOf = (e: { kind: string; value: string }): number => {
      if (e.kind === ':' || e.kind === '=') return fail(ERR.ERANGE);
      return single(e.value);
    };
    let tok = peek();
    if (tok.type === 'END') fail(ERR.BADPAT);
    let negate = false;
    if (tok.type === 'NOT') {
      negate = true;
      this.i += 1;
      tok = peek();
      if (tok.type === 'END') fail(ERR.BADPAT);
    }
    if (tok.type === 'CLOSE') tok = { ...tok, type: 'CHAR' };
    let first = true;
    for (;;) {
      const start = element(tok, first);
      first = false;
      tok = peek();
      let end: { kind: string; value: string } | null = null;
      if (start.kind !== ':' && start.kind !== '=') {
        if (tok.type === 'END') fail(ERR.EBRACK);
        if (tok.type === 'RANGE') {
          this.i += tok.len;
          const tok2 = peek();
          if (tok2.type === 'END') fail(ERR.EBRACK);
          if (tok2.type === 'CLOSE') {
            this.i -= tok.len;
            tok = { ...tok, type: 'CHAR' };
          } else {
            end = element(tok2, true);
            tok = peek();
          }
        }
      }
      if (end) {
        const [a, b] = [codeOf(start), codeOf(end)];
        if (a > b) fail(ERR.ERANGE);
        set.add(a, b);
      } else if (start.kind === ':') set.addClass(CLASSES[start.value] ?? fail(ERR.ECTYPE));
      else if (start.kind === '.' || start.kind === '=') set.add(single(start.value));
      else if (start.value !== RAW_CHAR) set.add(start.value.codePointAt(0) as number);
      if (tok.type === 'END') fail(ERR.EBRACK);
      if (tok.type === 'CLOSE') {
        this.i += tok.len;
        break;
      }
    }
    set.negate = negate;
    return set;
  }
}

const literals = new Map<string, CharSet>();
function literal(c: string): CharSet {
  let s = literals.get(c);
  if (!s) {
    s = new CharSet();
    if (c !== RAW_CHAR) s.add(c.codePointAt(0) as number);
    literals.set(c, s);
  }
  return s;
}

export const RAW_CHAR = '\u{10ffff}\u{10ffff}';
const utf8Length = (ch: string | undefined): number => {
  const c = ch?.codePointAt(0) ?? 0;
  return ch === RAW_CHAR ? 1 : c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
};
