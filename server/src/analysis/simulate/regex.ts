// POSIX extended regular expressions as glibc's regcomp(REG_EXTENDED | REG_NOSUB) reads them in the C locale
// (posix/regcomp.c: the ERE syntax with GNU's \w \W \s \S \b \B \< \> \` \' and back-references, an unmatched `)`
// read as itself, `*` `+` `?` `{` at the start of an expression rejected), with glibc's error texts; and whether
// regexec() finds a match anywhere. Matching runs the expression as a set of NFA states, never backtracking, so
// its time is bounded by the text's length times the expression's size; an expression too big to run that way,
// or one with a back-reference, gives `null` (undecided) instead of an answer.

type Node =
  | { t: 'set'; set: Uint8Array }
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

class RegexError extends Error {}
const fail = (message: string): never => {
  throw new RegexError(message);
};

const DUP_MAX = 0x7fff;
const CLASSES: Record<string, (c: number) => boolean> = {
  alpha: (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122),
  upper: (c) => c >= 65 && c <= 90,
  lower: (c) => c >= 97 && c <= 122,
  digit: (c) => c >= 48 && c <= 57,
  xdigit: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
  space: (c) => c === 32 || (c >= 9 && c <= 13),
  blank: (c) => c === 32 || c === 9,
  cntrl: (c) => c < 32 || c === 127,
  print: (c) => c >= 32 && c < 127,
  graph: (c) => c > 32 && c < 127,
  punct: (c) => c > 32 && c < 127 && !CLASSES.alnum(c),
  alnum: (c) => CLASSES.alpha(c) || CLASSES.digit(c),
};
const isWord = (c: number): boolean => CLASSES.alnum(c) || c === 95;

function setOf(test: (c: number) => boolean): Uint8Array {
  const s = new Uint8Array(256);
  for (let c = 1; c < 256; c++) s[c] = test(c) ? 1 : 0;
  return s;
}

interface Token {
  type: string;
  c: string;
}

/** The parser: glibc's parse_reg_exp / parse_branch / parse_expression / parse_dup_op / parse_bracket_exp. */
class Parser {
  private i = 0;
  private tok: Token = { type: 'END', c: '' };
  private groups = 0;
  private completed = 0;
  hasBackref = false;

  constructor(private readonly p: string) {}

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
        tree = { t: 'set', set: setOf(() => true) };
        break;
      case 'W':
      case 'NW':
        tree = { t: 'set', set: setOf((x) => isWord(x) !== (type === 'NW')) };
        break;
      case 'S':
      case 'NS':
        tree = { t: 'set', set: setOf((x) => CLASSES.space(x) !== (type === 'NS')) };
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
  private bracket(): Uint8Array {
    const p = this.p;
    const set = new Uint8Array(256);
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
        for (let n = 0; ; n++) {
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
    const byteOf = (e: { kind: string; value: string }): number => {
      if (e.kind === ':' || e.kind === '=') return fail(ERR.ERANGE);
      if (e.kind === '.' && e.value.length !== 1) fail(ERR.ECOLLATE);
      return e.value.charCodeAt(0);
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
        const [a, b] = [byteOf(start), byteOf(end)];
        if (a > b) fail(ERR.ERANGE);
        for (let x = a; x <= b; x++) set[x] = 1;
      } else if (start.kind === ':') {
        const test = CLASSES[start.value] ?? fail(ERR.ECTYPE);
        for (let x = 1; x < 256; x++) if (test(x)) set[x] = 1;
      } else if ((start.kind === '.' || start.kind === '=') && start.value.length !== 1) fail(ERR.ECOLLATE);
      else set[start.value.charCodeAt(0)] = 1;
      if (tok.type === 'END') fail(ERR.EBRACK);
      if (tok.type === 'CLOSE') {
        this.i += tok.len;
        break;
      }
    }
    if (negate) for (let x = 1; x < 256; x++) set[x] = set[x] ? 0 : 1;
    set[0] = 0;
    return set;
  }
}

const literals = new Map<string, Uint8Array>();
function literal(c: string): Uint8Array {
  let s = literals.get(c);
  if (!s) {
    s = new Uint8Array(256);
    s[c.charCodeAt(0) & 0xff] = 1;
    literals.set(c, s);
  }
  return s;
}

// The program: CHAR(set) | SPLIT(a, b) | JMP(a) | ASSERT(kind) | MATCH.
const enum Op {
  Char,
  Split,
  Jmp,
  Assert,
  Match,
}
interface Program {
  op: Op[];
  x: number[];
  y: number[];
  sets: (Uint8Array | null)[];
  kinds: (string | null)[];
}

/** Programs past this size are not run (glibc would, slowly): the answer is then undecided. */
const MAX_PROGRAM = 20000;

class TooBig extends Error {}

function emit(prog: Program, op: Op, x = 0, y = 0, set: Uint8Array | null = null, kind: string | null = null): number {
  if (prog.op.length >= MAX_PROGRAM) throw new TooBig();
  prog.op.push(op);
  prog.x.push(x);
  prog.y.push(y);
  prog.sets.push(set);
  prog.kinds.push(kind);
  return prog.op.length - 1;
}

function compile(prog: Program, node: Node | null): void {
  if (node === null) return;
  switch (node.t) {
    case 'set':
      emit(prog, Op.Char, 0, 0, node.set);
      return;
    case 'assert':
      emit(prog, Op.Assert, 0, 0, null, node.kind);
      return;
    case 'cat':
      for (const item of node.items) compile(prog, item);
      return;
    case 'alt': {
      const jumps: number[] = [];
      node.items.forEach((item, k) => {
        if (k < node.items.length - 1) {
          const split = emit(prog, Op.Split);
          prog.x[split] = split + 1;
          compile(prog, item);
          jumps.push(emit(prog, Op.Jmp));
          prog.y[split] = prog.op.length;
        } else compile(prog, item);
      });
      for (const j of jumps) prog.x[j] = prog.op.length;
      return;
    }
    case 'repeat': {
      for (let k = 0; k < node.min; k++) compile(prog, node.node);
      if (node.max === Infinity) {
        const split = emit(prog, Op.Split);
        prog.x[split] = split + 1;
        compile(prog, node.node);
        emit(prog, Op.Jmp, split);
        prog.y[split] = prog.op.length;
      } else {
        const splits: number[] = [];
        for (let k = node.min; k < node.max; k++) {
          const split = emit(prog, Op.Split);
          prog.x[split] = split + 1;
          splits.push(split);
          compile(prog, node.node);
        }
        for (const s of splits) prog.y[s] = prog.op.length;
      }
      return;
    }
    case 'backref':
      throw new TooBig();
  }
}

function holds(kind: string, s: string, pos: number): boolean {
  const before = pos > 0 && isWord(s.charCodeAt(pos - 1));
  const after = pos < s.length && isWord(s.charCodeAt(pos));
  switch (kind) {
    case '^':
    case '`':
      return pos === 0;
    case '$':
    case "'":
      return pos === s.length;
    case 'b':
      return before !== after;
    case 'B':
      return before === after;
    case '<':
      return !before && after;
    default:
      return before && !after;
  }
}

/** Is there a match anywhere in `s`? */
function run(prog: Program, s: string): boolean {
  const n = prog.op.length;
  const mark = new Int32Array(n).fill(-1);
  let current: number[] = [];
  let next: number[] = [];
  const stack: number[] = [];
  let matched = false;
  const add = (list: number[], pc: number, pos: number): void => {
    stack.push(pc);
    while (stack.length > 0) {
      const at = stack.pop() as number;
      if (mark[at] === pos) continue;
      mark[at] = pos;
      switch (prog.op[at]) {
        case Op.Match:
          matched = true;
          break;
        case Op.Jmp:
          stack.push(prog.x[at]);
          break;
        case Op.Split:
          stack.push(prog.y[at], prog.x[at]);
          break;
        case Op.Assert:
          if (holds(prog.kinds[at] as string, s, pos)) stack.push(at + 1);
          break;
        default:
          list.push(at);
      }
    }
  };
  for (let pos = 0; ; pos++) {
    add(current, 0, pos);
    if (matched) return true;
    if (pos >= s.length) return false;
    const c = s.charCodeAt(pos) & 0xff;
    next = [];
    for (const pc of current) if ((prog.sets[pc] as Uint8Array)[c]) add(next, pc + 1, pos + 1);
    if (matched) return true;
    current = next;
  }
}

export type Compiled = { error: string } | { test(s: string): boolean | null };

/** regcomp(pattern, REG_EXTENDED | REG_NOSUB): the error text glibc's regerror gives, or a matcher. */
export function compileEre(pattern: string): Compiled {
  let tree: Node | null;
  let parser: Parser;
  try {
    parser = new Parser(pattern);
    tree = parser.parse();
  } catch (e) {
    if (e instanceof RegexError) return { error: e.message };
    throw e;
  }
  let prog: Program | null = { op: [], x: [], y: [], sets: [], kinds: [] };
  try {
    compile(prog, tree);
    emit(prog, Op.Match);
  } catch (e) {
    if (!(e instanceof TooBig)) throw e;
    prog = null;
  }
  const ready = prog;
  return { test: (s: string) => (ready ? run(ready, s) : null) };
}
