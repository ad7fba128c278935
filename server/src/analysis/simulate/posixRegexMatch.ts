// regexec() of glibc 2.36 (posix/regexec.c) for the trees of posixRegex.ts, in the C.UTF-8 locale Asterisk runs in:
//   - the match is the leftmost, then the longest from there (POSIX), not JavaScript's first alternative that works:
//     `aaa` against `a|aa` matches `aa`;
//   - a group's text follows glibc's rule: among the ways to make that longest match, the first one in priority
//     order (the left alternative before the right, one more repetition before fewer), walked as glibc walks its
//     NFA (sift the states that reach the end, then take the first that does at each branch; an empty pass through
//     a repeated group keeps the earlier text, as update_regs does);
//   - offsets are in UTF-8 bytes (what `=~` and `:` return as lengths), characters are whole code points.
// Forward simulation and the walk are linear in (pattern size x text length); back-references, which need
// backtracking, have a step budget. Over budget, `RegexLimitError` says the match was not simulated.

import type { AssertKind, CompiledRegex, RegexNode } from './posixRegex';
import { isWordChar, RegexLimitError } from './posixRegex';

type Node =
  | { op: 'char'; test: (cp: number) => boolean; next: number }
  | { op: 'fork'; dests: [number, number] }
  | { op: 'open' | 'close'; group: number; optional: boolean; next: number }
  | { op: 'assert'; kind: AssertKind; next: number }
  | { op: 'backref'; group: number; next: number }
  | { op: 'end' };

const isEpsilon = (n: Node): boolean => n.op === 'fork' || n.op === 'open' || n.op === 'close' || n.op === 'assert';

/** The NFA of a tree, glibc's way: each node knows where it goes next; forks list their way in priority order. */
function build(re: CompiledRegex): { nodes: Node[]; entry: number } {
  const nodes: Node[] = [{ op: 'end' }];
  const add = (n: Node): number => nodes.push(n) - 1;
  const compile = (t: RegexNode, next: number, optional: boolean): number => {
    switch (t.type) {
      case 'empty':
        return next;
      case 'char':
        return add({ op: 'char', test: t.test, next });
      case 'assert':
        return add({ op: 'assert', kind: t.kind, next });
      case 'backref':
        return add({ op: 'backref', group: t.index, next });
      case 'group': {
        const close = add({ op: 'close', group: t.index, optional, next });
        return add({ op: 'open', group: t.index, optional, next: compile(t.body, close, false) });
      }
      case 'concat': {
        let at = next;
        for (let i = t.items.length - 1; i >= 0; i--) at = compile(t.items[i], at, false);
        return at;
      }
      case 'alt': {
        // a|b|c is glibc's ((a|b)|c): walk down the left spine without recursing into it
        const rights: RegexNode[] = [];
        let left: RegexNode = t;
        while (left.type === 'alt') {
          rights.push(left.right);
          left = left.left;
        }
        let at = compile(left, next, false);
        for (let i = rights.length - 1; i >= 0; i--) {
          const fork = add({ op: 'fork', dests: [at, 0] });
          (nodes[fork] as { dests: [number, number] }).dests[1] = compile(rights[i], next, false);
          at = fork;
        }
        return at;
      }
      case 'repeat': {
        // glibc marks a repeated group optional (an empty pass keeps its earlier text) on the first optional copy
        // only: the copies it makes after that start unmarked
        const opt = t.body.type === 'group';
        let at = next;
        if (t.max === -1) {
          const fork = add({ op: 'fork', dests: [0, next] });
          (nodes[fork] as { dests: [number, number] }).dests[0] = compile(t.body, fork, opt);
          at = fork;
        } else if (t.max > t.min) {
          // `x{0,k}` is glibc's ((((x)? x)? x)? ...)?: k forks in a row, each skipping to after its own copy
          const forks: number[] = [];
          let cont = next;
          for (let j = t.max - t.min; j >= 1; j--) {
            const fork = add({ op: 'fork', dests: [0, cont] });
            forks.push(fork);
            cont = compile(t.body, cont, opt && j === 1);
          }
          for (let j = 0; j < forks.length; j++) (nodes[forks[j]] as { dests: [number, number] }).dests[0] = j + 1 < forks.length ? forks[j + 1] : cont;
          at = forks[0];
        }
        for (let i = 0; i < t.min; i++) at = compile(t.body, at, false);
        return at;
      }
    }
  };
  const entry = compile(re.root, 0, false);
  return { nodes, entry };
}

function assertion(kind: AssertKind, cps: number[], p: number): boolean {
  const before = p > 0 && isWordChar(cps[p - 1]);
  const after = p < cps.length && isWordChar(cps[p]);
  switch (kind) {
    case 'begin':
      return p === 0;
    case 'end':
      return p === cps.length;
    case 'wordStart':
      return !before && after;
    case 'wordEnd':
      return before && !after;
    case 'wordBoundary':
      return before !== after;
    case 'notWordBoundary':
      return before === after;
  }
}

export interface RegexMatch {
  /** Byte offsets of the whole match. */
  start: number;
  end: number;
  /** Byte offsets and text of each group that took part (index 1..), or undefined. */
  groups: Array<{ start: number; end: number; text: string } | undefined>;
}

/** Work limit (nodes x characters) beyond which a match is not simulated. */
const BUDGET = 20_000_000;

class Matcher {
  readonly nodes: Node[];
  readonly entry: number;
  constructor(
    readonly re: CompiledRegex,
    readonly cps: number[],
  ) {
    ({ nodes: this.nodes, entry: this.entry } = build(re));
    if (this.nodes.length * (cps.length + 1) > BUDGET) throw new RegexLimitError('regular expression too large for this text');
  }

  /** The epsilon closure of `seeds` at position p, in priority order (nodes reachable without a character). */
  closure(seeds: number[], p: number, seen: Uint8Array): number[] {
    const out: number[] = [];
    const stack = seeds.slice().reverse();
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (seen[i]) continue;
      seen[i] = 1;
      out.push(i);
      const n = this.nodes[i];
      if (n.op === 'fork') stack.push(n.dests[1], n.dests[0]);
      else if (n.op === 'open' || n.op === 'close') stack.push(n.next);
      else if (n.op === 'assert' && assertion(n.kind, this.cps, p)) stack.push(n.next);
    }
    return out;
  }

  /** Leftmost, then longest: [start, end] in code points, or undefined. `from0`: only a match starting at 0. */
  findLongest(from0: boolean): [number, number] | undefined {
    const cps = this.cps;
    let states = new Map<number, number>(); // node -> earliest start
    let best: [number, number] | undefined;
    for (let p = 0; p <= cps.length; p++) {
      const seeds: Array<[number, number]> = [...states.entries()];
      if (!best && (!from0 || p === 0)) seeds.push([this.entry, p]);
      // closure per start, earliest starts first so that they keep the shared nodes
      seeds.sort((a, b) => a[1] - b[1]);
      const seen = new Uint8Array(this.nodes.length);
      const here: Array<[number, number]> = [];
      for (const [node, start] of seeds) for (const i of this.closure([node], p, seen)) here.push([i, start]);
      for (const [i, start] of here) {
        if (this.nodes[i].op === 'end' && (!best || start < best[0] || (start === best[0] && p > best[1]))) best = [start, p];
      }
      if (p === cps.length) break;
      const next = new Map<number, number>();
      for (const [i, start] of here) {
        const n = this.nodes[i];
        if (best && start > best[0]) continue;
        if (n.op === 'char' && n.test(cps[p]) && !next.has(n.next)) next.set(n.next, start);
      }
      states = next;
      if (states.size === 0 && (best || from0)) break;
    }
    return best;
  }

  /** glibc's set_regs for group `want`: sift the states that reach (end, e), then walk the first way through. */
  groupOf(s: number, e: number, want: number): [number, number] | undefined {
    const n = this.nodes.length;
    const reach: Uint8Array[] = [];
    let seeds = [this.entry];
    for (let p = s; p <= e; p++) {
      const seen = new Uint8Array(n);
      this.closure(seeds, p, seen);
      reach.push(seen);
      if (p === e) break;
      seeds = [];
      for (let i = 0; i < n; i++) {
        const node = this.nodes[i];
        if (seen[i] && node.op === 'char' && node.test(this.cps[p])) seeds.push(node.next);
      }
    }
    // viable[p - s][i]: from node i at p the walk can still end at (end, e); found backwards along epsilon edges
    const back: number[][] = Array.from({ length: n }, () => []);
    this.nodes.forEach((node, i) => {
      if (node.op === 'fork') for (const d of node.dests) back[d].push(i);
      else if (isEpsilon(node)) back[(node as { next: number }).next].push(i);
    });
    const viable: Uint8Array[] = new Array(e - s + 1);
    for (let p = e; p >= s; p--) {
      const ok = new Uint8Array(n);
      const live = reach[p - s];
      const queue: number[] = [];
      for (let i = 0; i < n; i++) {
        const node = this.nodes[i];
        if (!live[i]) continue;
        const v = node.op === 'end' ? p === e : node.op === 'char' && p < e && node.test(this.cps[p]) && viable[p + 1 - s][node.next] === 1;
        if (v) {
          ok[i] = 1;
          queue.push(i);
        }
      }
      while (queue.length > 0) {
        for (const i of back[queue.pop()!]) {
          const node = this.nodes[i];
          if (!live[i] || ok[i] || (node.op === 'assert' && !assertion(node.kind, this.cps, p))) continue;
          ok[i] = 1;
          queue.push(i);
        }
      }
      viable[p - s] = ok;
    }
    // the walk, with update_regs' bookkeeping for the wanted group only
    let reg: [number, number] = [-1, -1];
    let prev: [number, number] = [-1, -1];
    let cur = this.entry;
    let idx = s;
    let via = new Set<number>();
    for (let steps = 0; steps < 4 * n * (e - s + 2); steps++) {
      const node = this.nodes[cur];
      if (node.op === 'open' && node.group === want) reg = [idx, -1];
      else if (node.op === 'close' && node.group === want) {
        if (reg[0] < idx) {
          reg = [reg[0], idx];
          prev = reg;
        } else if (node.optional && prev[0] !== -1) reg = prev;
        else reg = [reg[0], idx];
      }
      if (idx === e && node.op === 'end') return reg[0] >= 0 && reg[1] >= 0 ? reg : undefined;
      const ok = viable[idx - s];
      if (isEpsilon(node)) {
        via.add(cur);
        const dests = node.op === 'fork' ? node.dests : [(node as { next: number }).next];
        const good = dests.filter((d) => ok[d] === 1);
        if (good.length === 0) return undefined;
        cur = good.length > 1 && via.has(good[0]) ? good[1] : good[0];
      } else if (node.op === 'char') {
        idx += 1;
        via = new Set();
        cur = node.next;
      } else return undefined;
    }
    return undefined;
  }
}

const textOf = (cps: number[], from: number, to: number): string =>
  cps
    .slice(from, to)
    .map((c) => String.fromCodePoint(c))
    .join('');

/** UTF-8 byte offset of each code point position. */
function byteOffsets(cps: number[]): number[] {
  const out = [0];
  for (const c of cps) out.push(out[out.length - 1] + (c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4));
  return out;
}

/**
 * regexec(re, text, 2, ...) as ast_expr2 calls it: the leftmost-longest match and group 1. `anchored` keeps only
 * a match at the start (what `:` accepts).
 */
export function execRegex(re: CompiledRegex, text: string, anchored = false): RegexMatch | undefined {
  const cps = Array.from(text, (c) => c.codePointAt(0)!);
  if (re.hasBackrefs) return execWithBackrefs(re, cps, anchored);
  const m = new Matcher(re, cps);
  const found = m.findLongest(anchored);
  if (!found) return undefined;
  const bytes = byteOffsets(cps);
  const groups: RegexMatch['groups'] = [];
  if (re.groups > 0) {
    const g = m.groupOf(found[0], found[1], 1);
    groups[1] = g ? { start: bytes[g[0]], end: bytes[g[1]], text: textOf(cps, g[0], g[1]) } : undefined;
  }
  return { start: bytes[found[0]], end: bytes[found[1]], groups };
}

/** Back-references: a bounded backtracking search, leftmost start, then the longest end, first way to it. */
function execWithBackrefs(re: CompiledRegex, cps: number[], anchored: boolean): RegexMatch | undefined {
  const { nodes, entry } = build(re);
  let budget = 200_000;
  const bytes = byteOffsets(cps);
  type Regs = Array<[number, number] | undefined>;
  for (let s = 0; s <= (anchored ? 0 : cps.length); s++) {
    let best: { end: number; group?: [number, number] } | undefined;
    // depth first in priority order, on an explicit stack: the first way to each end is the highest in priority
    const stack: Array<{ i: number; p: number; via: Set<number>; regs: Regs }> = [{ i: entry, p: s, via: new Set(), regs: [] }];
    while (stack.length > 0) {
      if (--budget < 0) throw new RegexLimitError('regular expression with back-references too costly to simulate');
      const { i, p, via, regs } = stack.pop()!;
      const node = nodes[i];
      if (node.op === 'end') {
        const g = regs[1];
        if (!best || p > best.end) best = { end: p, group: g && g[1] >= 0 ? g : undefined };
      } else if (node.op === 'char') {
        if (p < cps.length && node.test(cps[p])) stack.push({ i: node.next, p: p + 1, via: new Set(), regs });
      } else if (node.op === 'assert') {
        if (assertion(node.kind, cps, p)) stack.push({ i: node.next, p, via, regs });
      } else if (node.op === 'backref') {
        const g = regs[node.group];
        if (!g || g[1] < 0) continue;
        const len = g[1] - g[0];
        let same = p + len <= cps.length;
        for (let k = 0; same && k < len; k++) same = cps[p + k] === cps[g[0] + k];
        if (same) stack.push({ i: node.next, p: p + len, via: len > 0 ? new Set() : via, regs });
      } else if (!via.has(i)) {
        const nextVia = new Set(via).add(i);
        if (node.op === 'fork') {
          stack.push({ i: node.dests[1], p, via: nextVia, regs }, { i: node.dests[0], p, via: nextVia, regs });
        } else {
          const copy = regs.slice();
          copy[node.group] = node.op === 'open' ? [p, -1] : [regs[node.group]?.[0] ?? p, p];
          stack.push({ i: node.next, p, via: nextVia, regs: copy });
        }
      }
    }
    if (best) {
      const g = best.group;
      const group = g ? { start: bytes[g[0]], end: bytes[g[1]], text: textOf(cps, g[0], g[1]) } : undefined;
      return { start: bytes[s], end: bytes[best.end], groups: [undefined, group] };
    }
  }
  return undefined;
}
