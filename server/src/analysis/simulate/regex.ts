// POSIX extended regular expressions as glibc's regcomp(REG_EXTENDED | REG_NOSUB) reads them in the C.UTF-8 locale
// Asterisk 20 sets at start-up (posix/regcomp.c: the ERE syntax with GNU's \w \W \s \S \b \B \< \> \` \' and
// back-references, an unmatched `)` read as itself, `*` `+` `?` `{` at the start of an expression rejected), with
// glibc's error texts; and whether regexec() finds a match anywhere. Characters are UTF-8 code points: `.` takes
// one, the classes are Unicode's as glibc's C.UTF-8 has them (é is alpha, not in [a-z]), a range with a non-ASCII
// end is an error, and a byte that is not UTF-8 matches nothing. Matching runs the expression as a set of NFA states, never backtracking, so
// its time is bounded by the text's length times the expression's size; an expression too big to run that way,
// or one with a back-reference, gives `null` (undecided) instead of an answer.

type Node =
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

class RegexError extends Error {}
const fail = (message: string): never => {
  throw new RegexError(message);
};

const DUP_MAX = 0x7fff;
/** What a byte that is not UTF-8 becomes: it matches nothing. */
const RAW = 0x110000;

const has = (re: RegExp) => (c: number): boolean => c < RAW && re.test(String.fromCodePoint(c));
const isLetterLike = has(/[\p{L}\p{Nl}\p{Nd}]/u);
const isAssigned = has(/\P{Cn}/u);
const isCategoryCc = has(/\p{Cc}/u);
const isSeparator = has(/[\p{Zs}\p{Zl}\p{Zp}]/u);
const NO_BREAK = new Set([0xa0, 0x2007, 0x202f]);

/** The character classes of glibc's C.UTF-8 (its i18n tables): ASCII digits only, non-ASCII digits are alpha. */
const CLASSES: Record<string, (c: number) => boolean> = {
  alpha: (c) => (c < 128 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : isLetterLike(c)),
  upper: (c) => (c < 128 ? c >= 65 && c <= 90 : c < RAW && String.fromCodePoint(c).toLowerCase() !== String.fromCodePoint(c)),
  lower: (c) => (c < 128 ? c >= 97 && c <= 122 : c < RAW && (String.fromCodePoint(c).toUpperCase() !== String.fromCodePoint(c) || c === 0xdf)),
  digit: (c) => c >= 48 && c <= 57,
  xdigit: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
  space: (c) => c === 32 || (c >= 9 && c <= 13) || (c >= 128 && isSeparator(c) && !NO_BREAK.has(c)),
  blank: (c) => c === 32 || c === 9 || (c >= 128 && has(/\p{Zs}/u)(c) && !NO_BREAK.has(c)),
  cntrl: (c) => c < 32 || c === 127 || (c >= 128 && (isCategoryCc(c) || c === 0x2028 || c === 0x2029)),
  print: (c) => (c < 128 ? c >= 32 && c < 127 : isAssigned(c) && !isCategoryCc(c) && c !== 0x2028 && c !== 0x2029 && !has(/\p{Cs}/u)(c)),
  graph: (c) => CLASSES.print(c) && !CLASSES.space(c),
  punct: (c) => CLASSES.graph(c) && !CLASSES.alpha(c) && !CLASSES.digit(c),
  alnum: (c) => CLASSES.alpha(c) || CLASSES.digit(c),
};
const isWord = (c: number): boolean => CLASSES.alnum(c) || c === 95;

/** A set of code points: ASCII in a table, the others by ranges and classes (remembered once asked). */
class CharSet {
  readonly ascii = new Uint8Array(128);
  readonly ranges: [number, number][] = [];
  readonly classes: ((c: number) => boolean)[] = [];
  negate = false;
  private readonly seen = new Map<number, boolean>();

  static of(test: (c: number) => boolean): CharSet {
    const s = new CharSet();
    s.classes.push(test);
    for (let c = 1; c < 128; c++) s.ascii[c] = test(c) ? 1 : 0;
    return s;
  }

  add(lo: number, hi = lo): void {
    for (let c = lo; c <= Math.min(hi, 127); c++) this.ascii[c] = 1;
    if (hi >= 128) this.ranges.push([Math.max(lo, 128), hi]);
  }

  addClass(test: (c: number) => boolean): void {
    for (let c = 1; c < 128; c++) if (test(c)) this.ascii[c] = 1;
    this.classes.push(test);
  }

  test(c: number): boolean {
    if (c >= RAW || c === 0) return false;
    if (c < 128) return (this.ascii[c] === 1) !== this.negate;
    let r = this.seen.get(c);
    if (r === undefined) {
      r = this.ranges.some(([lo, hi]) => c >= lo && c <= hi) || this.classes.some((t) => t(c));
      this.seen.set(c, r);
    }
    return r !== this.negate;
  }
}

/** The code points of a byte string (UTF-8), RAW for each byte that is not part of a valid sequence. */
export function codePoints(bytes: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes.charCodeAt(i) & 0xff;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    let cp = len === 1 ? b : len === 2 ? b & 0x1f : len === 3 ? b & 0x0f : b & 0x07;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) {
      const c = bytes.charCodeAt(i + k) & 0xff;
      if ((c & 0xc0) !== 0x80) ok = false;
      cp = (cp << 6) | (c & 0x3f);
    }
    ok = ok && !(len === 3 && (cp < 0x800 || (cp >= 0xd800 && cp < 0xe000))) && !(len === 4 && (cp < 0x10000 || cp > 0x10ffff));
    out.push(ok ? cp : RAW);
    i += ok ? len : 1;
  }
  return out;
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

const RAW_CHAR = '\u{10ffff}\u{10ffff}';
const utf8Length = (ch: string | undefined): number => {
  const c = ch?.codePointAt(0) ?? 0;
  return ch === RAW_CHAR ? 1 : c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
};

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
  sets: (CharSet | null)[];
  kinds: (string | null)[];
}

/** Programs past this size are not run (glibc would, slowly): the answer is then undecided. */
const MAX_PROGRAM = 20000;

class TooBig extends Error {}

function emit(prog: Program, op: Op, x = 0, y = 0, set: CharSet | null = null, kind: string | null = null): number {
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

function holds(kind: string, s: number[], pos: number): boolean {
  const before = pos > 0 && isWord(s[pos - 1]);
  const after = pos < s.length && isWord(s[pos]);
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
function run(prog: Program, s: number[]): boolean {
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
    const c = s[pos];
    next = [];
    for (const pc of current) if ((prog.sets[pc] as CharSet).test(c)) add(next, pc + 1, pos + 1);
    if (matched) return true;
    current = next;
  }
}

export type Compiled = { error: string } | { test(s: string): boolean | null };

/** regcomp(pattern, REG_EXTENDED | REG_NOSUB) on a byte string: glibc's regerror text, or a matcher of byte strings. */
export function compileEre(pattern: string): Compiled {
  let tree: Node | null;
  let parser: Parser;
  try {
    parser = new Parser(codePoints(pattern).map((c) => (c === RAW ? RAW_CHAR : String.fromCodePoint(c))));
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
  return { test: (s: string) => (ready ? run(ready, codePoints(s)) : null) };
}
