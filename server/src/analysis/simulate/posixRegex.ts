// POSIX extended regular expressions as glibc 2.36's regcomp(REG_EXTENDED) reads them in the C.UTF-8 locale that
// Asterisk sets (main/asterisk.c): what `=~` and `:` of main/ast_expr2.y (and REGEX() of funcs/func_strings.c) use.
// Differences from JavaScript's RegExp that this file follows:
//   - `^` and `$` are anchors wherever they stand (`a^b` never matches); no lazy quantifiers, lookarounds or `\d`;
//     `\w \W \s \S \b \B \< \>` and back-references `\1`..`\9` are glibc extensions; any other escaped character
//     is itself (`\n` is `n`, `\.` is `.`); a trailing `\` is an error;
//   - `*`, `+`, `?`, `{` where an expression should start (first, after `(` or `|`, after an anchor) are errors,
//     while `a**` and `a{2}{3}` are allowed; `{,3}` is `{0,3}`; `)` without `(` and `}` are ordinary characters;
//   - in brackets a backslash is literal, `]` first is literal, `-` first or last is literal, `[:class:]`,
//     `[.c.]` and `[=c=]` (one ASCII character: the locale has no collation rules), ranges between ASCII
//     characters only (`[a-é]` is "Invalid collation character");
//   - errors carry glibc's regerror() texts ("Invalid regular expression" for `[` alone, as Asterisk logs it).
// Character classes are exact for ASCII; beyond it they follow Unicode properties close to glibc's C.UTF-8 tables.
// The result is a tree with glibc's numbering of groups; posixRegexMatch.ts runs it.

export type RegexNode =
  | { type: 'empty' }
  | { type: 'char'; test: (cp: number) => boolean }
  | { type: 'assert'; kind: AssertKind }
  | { type: 'group'; index: number; body: RegexNode }
  | { type: 'concat'; items: RegexNode[] }
  | { type: 'alt'; left: RegexNode; right: RegexNode }
  | { type: 'repeat'; min: number; max: number; body: RegexNode }
  | { type: 'backref'; index: number };

export type AssertKind = 'begin' | 'end' | 'wordStart' | 'wordEnd' | 'wordBoundary' | 'notWordBoundary';

export interface CompiledRegex {
  root: RegexNode;
  /** Number of parenthesized groups (regex_t's re_nsub). */
  groups: number;
  hasBackrefs: boolean;
}

/** What glibc's regcomp refuses, with its regerror() text. */
export class RegexError extends Error {}
/** What this simulation does not follow (far beyond what dialplans hold): nesting, size, backtracking work. */
export class RegexLimitError extends Error {}

const MESSAGES = {
  badpat: 'Invalid regular expression',
  ecollate: 'Invalid collation character',
  ectype: 'Invalid character class name',
  eescape: 'Trailing backslash',
  esubreg: 'Invalid back reference',
  ebrack: 'Unmatched [, [^, [:, [., or [=',
  eparen: 'Unmatched ( or \\(',
  ebrace: 'Unmatched \\{',
  badbr: 'Invalid content of \\{\\}',
  erange: 'Invalid range end',
  espace: 'Memory exhausted',
  badrpt: 'Invalid preceding regular expression',
  esize: 'Regular expression too big',
};
const fail = (code: keyof typeof MESSAGES): never => {
  throw new RegexError(MESSAGES[code]);
};

/** glibc's RE_DUP_MAX. */
const DUP_MAX = 0x7fff;
/** Beyond this many nodes (after `{n,m}` copies) or nested groups, the expression is not simulated. */
const MAX_NODES = 100_000;
const MAX_NESTING = 500;

const ascii = (re: RegExp) => (cp: number) => re.test(String.fromCodePoint(cp));
const isAlpha = (cp: number): boolean => (cp < 128 ? /[A-Za-z]/.test(String.fromCharCode(cp)) : /[\p{Alphabetic}\p{Nd}]/u.test(String.fromCodePoint(cp)));
const isDigit = (cp: number): boolean => cp >= 48 && cp <= 57;
const isSpace = (cp: number): boolean =>
  (cp >= 9 && cp <= 13) || cp === 32 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a && cp !== 0x2007) || cp === 0x2028 || cp === 0x2029 || cp === 0x205f || cp === 0x3000;
const isCntrl = (cp: number): boolean => cp < 32 || (cp >= 127 && cp < 160) || cp === 0x2028 || cp === 0x2029;
const isGraph = (cp: number): boolean => !isCntrl(cp) && !isSpace(cp) && cp !== 0xa0 && (cp < 128 || !/[\p{Cn}\p{Cs}\p{Co}]/u.test(String.fromCodePoint(cp)));
export const isWordChar = (cp: number): boolean => isAlpha(cp) || isDigit(cp) || cp === 95;

const CLASSES: Record<string, (cp: number) => boolean> = {
  alpha: isAlpha,
  digit: isDigit,
  alnum: (cp) => isAlpha(cp) || isDigit(cp),
  upper: (cp) => (cp < 128 ? cp >= 65 && cp <= 90 : /\p{Uppercase}/u.test(String.fromCodePoint(cp))),
  lower: (cp) => (cp < 128 ? cp >= 97 && cp <= 122 : /\p{Lowercase}/u.test(String.fromCodePoint(cp))),
  space: isSpace,
  blank: (cp) => cp === 32 || cp === 9 || (isSpace(cp) && cp >= 128 && cp !== 0x2028 && cp !== 0x2029),
  cntrl: isCntrl,
  graph: isGraph,
  print: (cp) => isGraph(cp) || (cp !== 0x2028 && cp !== 0x2029 && isSpace(cp) && !isCntrl(cp)) || cp === 0xa0,
  punct: (cp) => isGraph(cp) && !isAlpha(cp) && !isDigit(cp),
  xdigit: ascii(/[0-9A-Fa-f]/),
};

type Token =
  | { kind: 'char'; cp: number }
  | { kind: 'end' | 'alt' | 'open' | 'close' | 'star' | 'plus' | 'question' | 'brace' | 'closeBrace' | 'bracket' | 'period' | 'backslash' }
  | { kind: 'anchor'; assert: AssertKind }
  | { kind: 'class'; name: 'alnum' | 'space'; negate: boolean }
  | { kind: 'backref'; index: number };

class Parser {
  private pos = 0;
  private token: Token = { kind: 'end' };
  private groups = 0;
  private completed = 0; // bit i: group i+1 is closed (a back-reference may use it)
  private nodes = 0;
  hasBackrefs = false;

  constructor(private readonly cps: number[]) {}

  run(): CompiledRegex {
    this.next();
    const root = this.regExp(0);
    return { root, groups: this.groups, hasBackrefs: this.hasBackrefs };
  }

  /** The current token's kind (a method: TypeScript must not narrow it across next()). */
  private kind(): Token['kind'] {
    return this.token.kind;
  }

  private charCode(): number {
    return this.token.kind === 'char' ? this.token.cp : -1;
  }

  private count(n = 1): void {
    this.nodes += n;
    if (this.nodes > MAX_NODES) throw new RegexLimitError('regular expression too large to simulate');
  }

  /** The token at pos (glibc peek_token for ERE), consumed. */
  private next(): void {
    const cps = this.cps;
    if (this.pos >= cps.length) {
      this.token = { kind: 'end' };
      return;
    }
    const c = cps[this.pos++];
    if (c === 92 /* \ */) {
      if (this.pos >= cps.length) {
        this.token = { kind: 'backslash' };
        return;
      }
      const c2 = cps[this.pos++];
      const ch = String.fromCodePoint(c2);
      if (c2 >= 49 && c2 <= 57) this.token = { kind: 'backref', index: c2 - 48 };
      else if (ch === '<') this.token = { kind: 'anchor', assert: 'wordStart' };
      else if (ch === '>') this.token = { kind: 'anchor', assert: 'wordEnd' };
      else if (ch === 'b') this.token = { kind: 'anchor', assert: 'wordBoundary' };
      else if (ch === 'B') this.token = { kind: 'anchor', assert: 'notWordBoundary' };
      else if (ch === '`') this.token = { kind: 'anchor', assert: 'begin' };
      else if (ch === "'") this.token = { kind: 'anchor', assert: 'end' };
      else if (ch === 'w' || ch === 'W') this.token = { kind: 'class', name: 'alnum', negate: ch === 'W' };
      else if (ch === 's' || ch === 'S') this.token = { kind: 'class', name: 'space', negate: ch === 'S' };
      else this.token = { kind: 'char', cp: c2 };
      return;
    }
    const simple: Record<string, Token['kind']> = {
      '|': 'alt',
      '*': 'star',
      '+': 'plus',
      '?': 'question',
      '{': 'brace',
      '}': 'closeBrace',
      '(': 'open',
      ')': 'close',
      '[': 'bracket',
      '.': 'period',
    };
    const ch = String.fromCodePoint(c);
    if (ch === '^') this.token = { kind: 'anchor', assert: 'begin' };
    else if (ch === '$') this.token = { kind: 'anchor', assert: 'end' };
    else if (simple[ch]) this.token = { kind: simple[ch] } as Token;
    else this.token = { kind: 'char', cp: c };
  }

  private regExp(nest: number): RegexNode {
    let tree = this.branch(nest);
    while (this.kind() === 'alt') {
      this.next();
      const t = this.kind();
      const right = t !== 'alt' && t !== 'end' && (nest === 0 || t !== 'close') ? this.branch(nest) : { type: 'empty' as const };
      this.count();
      tree = { type: 'alt', left: tree, right };
    }
    return tree;
  }

  private ends(nest: number): boolean {
    const t = this.kind();
    return t === 'alt' || t === 'end' || (nest > 0 && t === 'close');
  }

  private branch(nest: number): RegexNode {
    const items: RegexNode[] = [];
    do {
      const e = this.expression(nest);
      if (e) items.push(e);
    } while (!this.ends(nest));
    return items.length === 0 ? { type: 'empty' } : items.length === 1 ? items[0] : { type: 'concat', items };
  }

  /** One atom and its repetitions; null for an empty branch or `x{0}`. */
  private expression(nest: number): RegexNode | null {
    const t = this.token;
    const before = this.nodes;
    let tree: RegexNode | null;
    switch (t.kind) {
      case 'char':
        tree = { type: 'char', test: ((cp) => (x: number) => x === cp)(t.cp) };
        break;
      case 'open':
        tree = this.subExpression(nest + 1);
        break;
      case 'bracket':
        tree = this.bracket();
        break;
      case 'backref':
        if (!(this.completed & (1 << (t.index - 1)))) fail('esubreg');
        this.hasBackrefs = true;
        tree = { type: 'backref', index: t.index };
        break;
      case 'brace':
      case 'star':
      case 'plus':
      case 'question':
        return fail('badrpt');
      case 'close':
      case 'closeBrace':
        tree = { type: 'char', test: ((cp) => (x: number) => x === cp)(t.kind === 'close' ? 41 : 125) };
        break;
      case 'anchor':
        this.count();
        this.next();
        return { type: 'assert', kind: t.assert };
      case 'period':
        tree = { type: 'char', test: (cp) => cp !== 0 };
        break;
      case 'class': {
        const test = CLASSES[t.name];
        const extra = t.name === 'alnum' ? 95 : -1;
        tree = { type: 'char', test: t.negate ? (cp) => !(test(cp) || cp === extra) : (cp) => test(cp) || cp === extra };
        break;
      }
      case 'alt':
      case 'end':
        return null;
      case 'backslash':
        return fail('eescape');
    }
    this.count();
    this.next();
    for (let n = 0; ['star', 'plus', 'question', 'brace'].includes(this.kind()); n++) {
      if (n >= MAX_NESTING) throw new RegexLimitError('regular expression nested too deeply to simulate');
      tree = this.repetition(tree, this.nodes - before);
    }
    return tree;
  }

  private subExpression(nest: number): RegexNode {
    if (nest > MAX_NESTING) throw new RegexLimitError('regular expression nested too deeply to simulate');
    const index = ++this.groups;
    this.next();
    let body: RegexNode = { type: 'empty' };
    if (this.kind() !== 'close') {
      body = this.regExp(nest);
      if (this.kind() !== 'close') fail('eparen');
    }
    if (index <= 9) this.completed |= 1 << (index - 1);
    return { type: 'group', index, body };
  }

  /** glibc's fetch_number inside `{...}`: -1 none, -2 invalid. */
  private number(): number {
    let n = -1;
    for (;;) {
      this.next();
      const t = this.token;
      if (t.kind === 'end') return -2;
      if (t.kind === 'closeBrace' || (t.kind === 'char' && t.cp === 44)) return n;
      n = t.kind !== 'char' || t.cp < 48 || t.cp > 57 || n === -2 ? -2 : n === -1 ? t.cp - 48 : Math.min(DUP_MAX + 1, n * 10 + t.cp - 48);
    }
  }

  private repetition(elem: RegexNode | null, size: number): RegexNode | null {
    let min: number;
    let max: number;
    if (this.kind() === 'brace') {
      min = this.number();
      max = 0;
      if (min === -1) {
        if (this.charCode() === 44) min = 0;
        else fail('badbr');
      }
      if (min !== -2) max = this.kind() === 'closeBrace' ? min : this.charCode() === 44 ? this.number() : -2;
      if (min === -2 || max === -2) fail(this.kind() === 'end' ? 'ebrace' : 'badbr');
      if ((max !== -1 && min > max) || this.kind() !== 'closeBrace') fail('badbr');
      if ((max === -1 ? min : max) > DUP_MAX) fail('esize');
    } else {
      min = this.kind() === 'plus' ? 1 : 0;
      max = this.kind() === 'question' ? 1 : -1;
    }
    this.next();
    if (elem === null || (min === 0 && max === 0)) return null;
    if (min === 1 && max === 1) return elem;
    this.count(size * (Math.max(min, max, 1) - 1) + 1);
    return { type: 'repeat', min, max, body: elem };
  }

  private bracket(): RegexNode {
    const cps = this.cps;
    const tests: Array<(cp: number) => boolean> = [];
    let negate = false;
    if (this.pos >= cps.length) fail('badpat');
    if (cps[this.pos] === 94 /* ^ */) {
      negate = true;
      this.pos++;
      if (this.pos >= cps.length) fail('badpat');
    }
    let first = true;
    for (;;) {
      const start = this.bracketElement(first);
      first = false;
      if (this.pos >= cps.length) fail('ebrack');
      let isRange = false;
      if (start.type !== 'class' && start.type !== 'equiv' && cps[this.pos] === 45 /* - */) {
        if (this.pos + 1 >= cps.length) fail('ebrack');
        if (cps[this.pos + 1] !== 93 /* ] */) {
          this.pos++;
          isRange = true;
        }
      }
      if (isRange) {
        const end = this.bracketElement(true);
        if (start.type === 'class' || end.type === 'class' || end.type === 'equiv') fail('erange');
        const lo = (start as { cp: number }).cp;
        const hi = (end as { cp: number }).cp;
        // without collation rules only single-byte characters have a place in the order
        if (lo >= 128 || hi >= 128) fail('ecollate');
        if (lo > hi) fail('erange');
        tests.push((cp) => cp >= lo && cp <= hi);
      } else if (start.type === 'class') tests.push(start.test);
      else {
        const cp = start.cp;
        tests.push((x) => x === cp);
      }
      if (this.pos >= cps.length) fail('ebrack');
      if (cps[this.pos] === 93 /* ] */) {
        this.pos++;
        break;
      }
    }
    const any = (cp: number): boolean => tests.some((t) => t(cp));
    return { type: 'char', test: negate ? (cp) => cp !== 0 && !any(cp) : any };
  }

  /** One element of a bracket: a character, `[:class:]`, `[.c.]` or `[=c=]`. */
  private bracketElement(acceptHyphen: boolean): { type: 'char' | 'equiv'; cp: number } | { type: 'class'; test: (cp: number) => boolean } {
    const cps = this.cps;
    const c = cps[this.pos];
    const c2 = cps[this.pos + 1];
    if (c === 91 /* [ */ && this.pos + 1 < cps.length && (c2 === 46 || c2 === 61 || c2 === 58)) {
      this.pos += 2;
      const delim = c2;
      const name: number[] = [];
      if (this.pos >= cps.length) fail('ebrack');
      for (;;) {
        if (name.length >= 32) fail('ebrack');
        const ch = cps[this.pos++];
        if (this.pos >= cps.length) fail('ebrack');
        if (ch === delim && cps[this.pos] === 93) break;
        name.push(ch);
      }
      this.pos++;
      const text = String.fromCodePoint(...name);
      if (delim === 58 /* : */) {
        const test = CLASSES[text];
        if (!test) fail('ectype');
        return { type: 'class', test };
      }
      // no collation rules in C.UTF-8: a collating element or an equivalence class is one single-byte character
      if (name.length !== 1 || name[0] >= 128) fail('ecollate');
      return { type: delim === 61 ? 'equiv' : 'char', cp: name[0] };
    }
    this.pos++;
    if (c === 45 /* - */ && !acceptHyphen && cps[this.pos] !== 93) fail('erange');
    return { type: 'char', cp: c };
  }
}

/** regcomp(pattern, REG_EXTENDED); throws RegexError with glibc's message. */
export function compileRegex(pattern: string): CompiledRegex {
  return new Parser(Array.from(pattern, (c) => c.codePointAt(0)!)).run();
}
