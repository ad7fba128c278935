// POSIX extended regular expressions as glibc's regcomp(REG_EXTENDED | REG_NOSUB) reads them in the C.UTF-8 locale
// Asterisk 20 sets at start-up (posix/regcomp.c: the ERE syntax with GNU's \w \W \s \S \b \B \< \> \` \' and
// back-references, an unmatched `)` read as itself, `*` `+` `?` `{` at the start of an expression rejected), with
// glibc's error texts; and whether regexec() finds a match anywhere. Characters are UTF-8 code points (chars.ts),
// the parser is parse.ts, the matching nfa.ts: never backtracking, its time bounded by the text's length times the
// expression's size; an expression too big to run that way, or one with a back-reference, gives `null`
// (undecided) instead of an answer.
import { codePoints, RAW } from './chars';
import type { Node } from './parse';
import { Parser, RAW_CHAR, RegexError } from './parse';
import type { Program } from './nfa';
import { compile, emit, Op, run, TooBig } from './nfa';

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
