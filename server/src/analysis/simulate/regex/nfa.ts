// Running a parsed expression (./parse.ts) as Thompson's NFA, as a set of states stepped over the text: no
// backtracking, so the time is bounded by the text's length times the program's size. A program too big, or one
// with a back-reference (which a set of states cannot run), is refused: the caller reports the answer unknown.
import type { CharSet } from './chars';
import { isWord } from './chars';
import type { Node } from './parse';

// The program: CHAR(set) | SPLIT(a, b) | JMP(a) | ASSERT(kind) | MATCH.
export const Op = { Char: 0, Split: 1, Jmp: 2, Assert: 3, Match: 4 } as const;
type Op = (typeof Op)[keyof typeof Op];
export interface Program {
  op: Op[];
  x: number[];
  y: number[];
  sets: (CharSet | null)[];
  kinds: (string | null)[];
}

/** Programs past this size are not run (glibc would, slowly): the answer is then undecided. */
const MAX_PROGRAM = 20000;

export class TooBig extends Error {}

export function emit(prog: Program, op: Op, x = 0, y = 0, set: CharSet | null = null, kind: string | null = null): number {
  if (prog.op.length >= MAX_PROGRAM) throw new TooBig();
  prog.op.push(op);
  prog.x.push(x);
  prog.y.push(y);
  prog.sets.push(set);
  prog.kinds.push(kind);
  return prog.op.length - 1;
}

export function compile(prog: Program, node: Node | null): void {
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
export function run(prog: Program, s: number[]): boolean {
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
