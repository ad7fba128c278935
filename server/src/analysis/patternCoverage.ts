// Which numbers an extension can still be reached by, given the extensions Asterisk tries before it.
//
// The default matcher (main/pbx.c) takes the first extension of a context, in sorted order, that matches the
// dialed number. An extension is unreachable when every number it matches is matched by one tried earlier.
// This module decides that exactly, on the match form of the names (`stripName(name, true)`), following
// `matchExtension(pattern, number, 'match')` in model/extensionName.ts character for character.
//
// The set of numbers one name matches ("its shape"): a fixed run of positions, each a set of characters, then a
// tail: the number ends there ('end'), or one or more ('plus', `.`) or zero or more ('star', `!`) characters
// of any kind follow. A literal (no leading `_`) is a run of single characters with dashes ignored. A pattern
// matches nothing when it reaches an unclosed `[`, a set with no members (`[9-0]`), or the end right after an
// empty set `[]` (Asterisk skips `[]` only while the number goes on: `_1[]` matches nothing, `_1[]!` acts as
// `_1.`). Anything after `.`, `!` or a `/` (the caller-ID part) is never looked at.
//
// What counts as a number, our choices:
// - At least one character: Asterisk never looks up an empty extension, so `_!` is covered by `_.`.
// - Any UTF-16 code unit except `-` (the matcher skips dashes in the number, so `1-2` is the number `12`) and
//   NUL (a C string ends there; a literal name is cut at its first NUL, as Asterisk's comparison does).
// - A number that starts with `_` is also compared with the name as a pattern by Asterisk (so that a pattern
//   can be looked up by its own name). Nobody dials that; we leave the rule out.
//
// The search walks the target's positions left to right. At each position the target's set is cut into
// atoms: characters that every still-possible earlier name either accepts or rejects alike. Each atom goes one
// level deeper with the earlier names that accept it; where the target may end, one of them must end too.
// Past the longest fixed run every set is "anything", so the walk stops there. States (position, earlier names
// still possible) are memoized; a budget on the work makes the answer 'unknown' instead of slow.

export type Coverage = { result: 'yes' } | { result: 'no'; example: string } | { result: 'unknown' };

/** Work units one coverage question may use: a search state costs 1 plus the earlier names still possible in it. */
export const DEFAULT_BUDGET = 100_000;

/**
 * Is every number `target` matches matched by at least one of `earlier` (so `target` can never be reached)?
 * 'unknown' when deciding would take more than `budget` work units. Never 'yes' unless it is so.
 */
export function isCovered(target: string, earlier: string[], budget = DEFAULT_BUDGET): 'yes' | 'no' | 'unknown' {
  return coverage(target, earlier, budget).result;
}

/** A number that `target` matches and none of `earlier` does (digits where possible), or null if covered or unknown. */
export function reachableExample(target: string, earlier: string[], budget = DEFAULT_BUDGET): string | null {
  const c = coverage(target, earlier, budget);
  return c.result === 'no' ? c.example : null;
}

/** A number both `a` and `b` match (digits where possible), or null when there is none. */
export function overlap(a: string, b: string): string | null {
  const sa = shapeOf(a);
  const sb = shapeOf(b);
  if (!sa || !sb) return null;
  const alphabet = new Alphabet([sa, sb]);
  return commonNumber(alphabet.compile(sa), alphabet.compile(sb), alphabet);
}

/** isCovered and reachableExample in one search. */
export function coverage(target: string, earlier: string[], budget = DEFAULT_BUDGET): Coverage {
  const t = shapeOf(target);
  if (!t) return { result: 'yes' }; // it matches no number at all
  const others = earlier.map(shapeOf).filter((s): s is Shape => s !== null);
  const alphabet = new Alphabet([t, ...others]);
  const tc = alphabet.compile(t);
  // Only the names that share a number with the target can cover any of it.
  const ec = others.map((s) => alphabet.compile(s)).filter((e) => commonNumber(tc, e, alphabet) !== null);
  try {
    const example = new Search(tc, ec, alphabet, budget).run(0, ec.map((_, j) => j));
    return example === null ? { result: 'yes' } : { result: 'no', example };
  } catch (e) {
    if (e === OUT_OF_BUDGET) return { result: 'unknown' };
    throw e;
  }
}

// ------------------------------------------------------------------------------------------------ shapes

/** Inclusive range of UTF-16 code units. */
type Range = readonly [number, number];
type Tail = 'end' | 'plus' | 'star';

/** The numbers a name matches: `positions.length` characters from the given sets, then the tail. */
interface Shape {
  positions: Range[][];
  tail: Tail;
}

const NUL = 0;
const DASH = 0x2d;
const LAST = 0xffff;

/** The characters a number can hold: everything but NUL and `-`. */
const ANY: Range[] = [
  [NUL + 1, DASH - 1],
  [DASH + 1, LAST],
];

function clip(lo: number, hi: number, into: Range[]): void {
  for (const [a, b] of ANY) {
    const from = Math.max(lo, a);
    const to = Math.min(hi, b);
    if (from <= to) into.push([from, to]);
  }
}

function single(code: number): Range[] {
  const out: Range[] = [];
  clip(code, code, out);
  return out;
}

function skipDashes(s: string, i: number): number {
  while (s[i] === '-') i++;
  return i;
}

/** The shape of a match-form name, or null when it matches no number. */
function shapeOf(name: string): Shape | null {
  const positions: Range[][] = [];
  if (!name.startsWith('_')) {
    for (let i = 0; i < name.length; i++) {
      const code = name.charCodeAt(i);
      if (code === NUL) break;
      if (code !== DASH) positions.push(single(code));
    }
    return positions.length > 0 ? { positions, tail: 'end' } : null;
  }
  let p = 1;
  for (;;) {
    p = skipDashes(name, p);
    const gap = p;
    while (name.startsWith('[]', p)) p = skipDashes(name, p + 2);
    const afterEmptySet = p !== gap;
    const c = name[p];
    if (p >= name.length || c === '/') return afterEmptySet || positions.length === 0 ? null : { positions, tail: 'end' };
    if (c === '.') return { positions, tail: 'plus' };
    if (c === '!') return { positions, tail: afterEmptySet ? 'plus' : 'star' };
    const set: Range[] = [];
    if (c === '[') {
      const end = name.indexOf(']', p + 1);
      if (end < 0) return null; // "Wrong usage of [] in the extension"
      for (let q = p + 1; q < end; q++) {
        if (q + 2 < end && name[q + 1] === '-') {
          clip(name.charCodeAt(q), name.charCodeAt(q + 2), set);
          q += 2;
        } else clip(name.charCodeAt(q), name.charCodeAt(q), set);
      }
      p = end + 1;
    } else {
      if (c === 'x' || c === 'X') clip(0x30, 0x39, set);
      else if (c === 'z' || c === 'Z') clip(0x31, 0x39, set);
      else if (c === 'n' || c === 'N') clip(0x32, 0x39, set);
      else clip(name.charCodeAt(p), name.charCodeAt(p), set);
      p++;
    }
    if (set.length === 0) return null; // no character gets past this position
    positions.push(set);
  }
}

// ------------------------------------------------------------------------------------------------ alphabet

/** Characters a readable example prefers, best first. */
const PREFERRED = (() => {
  let s = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ*#+';
  for (let c = 0x21; c < 0x7f; c++) if (!s.includes(String.fromCharCode(c))) s += String.fromCharCode(c);
  return s;
})();

/** A shape over the atoms of an alphabet: one bit set per position. */
interface Compiled {
  sets: Uint32Array[];
  tail: Tail;
}

/**
 * The code units cut into atoms: maximal ranges that no set of the given shapes splits. Every set of those
 * shapes is then a union of atoms, kept as a bit set.
 */
class Alphabet {
  /** Atom k is the code units starts[k] .. starts[k + 1] - 1. */
  private readonly starts: number[];
  /** The most readable character of each atom, and its rank (lower is better). */
  readonly example: string[];
  readonly rank: number[];
  readonly any: Uint32Array;
  private readonly words: number;

  constructor(shapes: Shape[]) {
    const cuts = new Set<number>([NUL + 1, LAST + 1]);
    for (const r of ANY) cuts.add(r[0]).add(r[1] + 1);
    for (const s of shapes) for (const set of s.positions) for (const [lo, hi] of set) cuts.add(lo).add(hi + 1);
    this.starts = [...cuts].sort((a, b) => a - b);
    const count = this.starts.length - 1;
    this.words = (count + 31) >>> 5;
    this.example = [];
    this.rank = [];
    for (let k = 0; k < count; k++) {
      const lo = this.starts[k];
      const hi = this.starts[k + 1] - 1;
      let rank = PREFERRED.length;
      let code = lo;
      for (let r = 0; r < PREFERRED.length; r++) {
        const c = PREFERRED.charCodeAt(r);
        if (c >= lo && c <= hi) {
          rank = r;
          code = c;
          break;
        }
      }
      this.example.push(String.fromCharCode(code));
      this.rank.push(rank);
    }
    this.any = this.bits(ANY);
  }

  compile(s: Shape): Compiled {
    return { sets: s.positions.map((set) => this.bits(set)), tail: s.tail };
  }

  private bits(set: readonly Range[]): Uint32Array {
    const out = new Uint32Array(this.words);
    for (const [lo, hi] of set) {
      for (let k = this.index(lo); this.starts[k] <= hi; k++) out[k >>> 5] |= 1 << (k & 31);
    }
    return out;
  }

  private index(code: number): number {
    let a = 0;
    let b = this.starts.length - 1;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (this.starts[m] < code) a = m + 1;
      else b = m;
    }
    return a;
  }

  /** The most readable atom of a set, or -1 when it is empty. */
  best(set: Uint32Array): number {
    let best = -1;
    forEachAtom(set, (k) => {
      if (best < 0 || this.rank[k] < this.rank[best]) best = k;
    });
    return best;
  }
}

function has(set: Uint32Array, k: number): boolean {
  return (set[k >>> 5] & (1 << (k & 31))) !== 0;
}

function forEachAtom(set: Uint32Array, f: (k: number) => void): void {
  for (let w = 0; w < set.length; w++) {
    let word = set[w];
    while (word !== 0) {
      const bit = 31 - Math.clz32(word & -word);
      f((w << 5) | bit);
      word &= word - 1;
    }
  }
}

/** The set at position i: a fixed position, "anything" in an open tail, or null past the end. */
function setAt(s: Compiled, i: number, alphabet: Alphabet): Uint32Array | null {
  if (i < s.sets.length) return s.sets[i];
  return s.tail === 'end' ? null : alphabet.any;
}

function minLength(s: Compiled): number {
  return Math.max(1, s.tail === 'plus' ? s.sets.length + 1 : s.sets.length);
}

function maxLength(s: Compiled): number {
  return s.tail === 'end' ? s.sets.length : Infinity;
}

/** Does the name match some number of this length (given characters that fit its sets)? */
function endsAt(s: Compiled, length: number): boolean {
  return length >= minLength(s) && length <= maxLength(s);
}

/** The shortest readable number both match, or null. Each shape is one run of sets, so the shortest common length decides. */
function commonNumber(a: Compiled, b: Compiled, alphabet: Alphabet): string | null {
  const length = Math.max(minLength(a), minLength(b));
  if (length > Math.min(maxLength(a), maxLength(b))) return null;
  let out = '';
  for (let i = 0; i < length; i++) {
    const sa = setAt(a, i, alphabet)!;
    const sb = setAt(b, i, alphabet)!;
    const both = sa.map((w, k) => w & sb[k]);
    const k = alphabet.best(both);
    if (k < 0) return null;
    out += alphabet.example[k];
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ search

const OUT_OF_BUDGET = Symbol('out of budget');

interface Piece {
  atom: number;
  active: number[];
}

class Search {
  private readonly memo = new Map<string, string | null>();
  /** Past this position every set of every name is "anything" (or the name is over). */
  private readonly last: number;
  private spent = 0;

  constructor(
    private readonly target: Compiled,
    private readonly earlier: Compiled[],
    private readonly alphabet: Alphabet,
    private readonly budget: number,
  ) {
    this.last = Math.max(target.sets.length, ...earlier.map((e) => e.sets.length));
  }

  /**
   * With i characters read and `active` the earlier names that match them so far: null when every number the
   * target matches from here is matched by an active name, else the rest of a number only the target matches.
   */
  run(i: number, active: number[]): string | null {
    this.spent += 1 + active.length;
    if (this.spent > this.budget) throw OUT_OF_BUDGET;
    if (endsAt(this.target, i) && !active.some((j) => endsAt(this.earlier[j], i))) return '';
    // Every set is "anything" from here on and the target could end here (it is open) or cannot go on: the
    // names still active are open too (the others fell out at their end) and match whatever follows.
    if (i > this.last) return null;
    const set = setAt(this.target, i, this.alphabet);
    if (set === null) return null;
    if (active.length === 0) return this.complete(i);
    const key = `${i}:${active.join(',')}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    let found: string | null = null;
    for (const piece of this.pieces(i, set, active)) {
      const rest = this.run(i + 1, piece.active);
      if (rest !== null) {
        found = this.alphabet.example[piece.atom] + rest;
        break;
      }
    }
    this.memo.set(key, found);
    return found;
  }

  /** The target's set at i cut by the active names' sets there; most readable piece first. */
  private pieces(i: number, set: Uint32Array, active: number[]): Piece[] {
    const sets = active.map((j) => setAt(this.earlier[j], i, this.alphabet));
    const byKey = new Map<string, Piece>();
    const rank = this.alphabet.rank;
    forEachAtom(set, (k) => {
      const inside = active.filter((_, n) => sets[n] !== null && has(sets[n]!, k));
      const key = inside.join(',');
      const piece = byKey.get(key);
      if (!piece) byKey.set(key, { atom: k, active: inside });
      else if (rank[k] < rank[piece.atom]) piece.atom = k;
    });
    return [...byKey.values()].sort((a, b) => rank[a.atom] - rank[b.atom]);
  }

  /** The shortest readable way for the target to go on from i (no earlier name is left to stop it). */
  private complete(i: number): string {
    let out = '';
    for (let k = i; !endsAt(this.target, k); k++) out += this.alphabet.example[this.alphabet.best(setAt(this.target, k, this.alphabet)!)];
    return out;
  }
}
