// Extension names as main/pbx.c stores, sorts and matches them (the default matcher, extenpatternmatchnew=no).
//
// - Registered name (what `dialplan show` prints): spaces removed outside `[...]`, dashes kept.
// - Match form: dashes removed as well ("eye candy"), except inside `[...]` of a pattern.
// - Sort order inside a context: every literal before every pattern; literals by character code; patterns
//   position by position from the left, the smaller character set first (one character < a set, by size <
//   N < Z < X < `.` < `!`), equal sizes by their characters.
// - Matching: `_` starts a pattern; X, Z, N in either case; `[...]` sets with ranges; `.` one or more of
//   anything; `!` zero or more (an "early match"); anything else literal.

export type MatchMode = 'match' | 'canmatch' | 'matchmore';

/** Removes what add_extension drops from a name: spaces outside sets, and with `noFluff` dashes too. */
export function stripName(name: string, noFluff: boolean): string {
  if (!name.includes(' ') && (!noFluff || !name.includes('-'))) return name;
  const pattern = name.startsWith('_');
  let inSet = false;
  let out = '';
  for (const c of name) {
    if (c === '[') {
      if (pattern) inSet = true;
    } else if (c === ']') inSet = false;
    else if (c === ' ' && !inSet) continue;
    else if (c === '-' && !inSet && noFluff) continue;
    out += c;
  }
  return out;
}

/** ast_shrink_phone_number(): what pbx_config does to the caller-ID part of `exten => 100/(555) 12-34`. */
export function shrinkCallerId(cid: string): string {
  let depth = 0;
  let out = '';
  for (let i = 0; i < cid.length; i++) {
    const c = cid[i];
    if (c === '[') {
      depth++;
      out += c;
    } else if (c === ']') {
      depth--;
      out += c;
    } else if (c === '-') {
      if (depth) out += c;
    } else if (c === '.') {
      if (i === cid.length - 1) out += c;
    } else if (c !== '(' && c !== ')' && c !== ' ') out += c;
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ sorting

const SPECIAL_DOT = 0x18000;
const SPECIAL_BANG = 0x28000;
const SPECIAL_END = 0x30000;
const SPECIAL_ERROR = 0x40000;

interface Position {
  score: number;
  /** 256 bits: the characters the position accepts. */
  bits: Uint8Array;
  next: number | null;
}

function setBit(bits: Uint8Array, code: number): boolean {
  const byte = code >> 3;
  const mask = 1 << (7 - (code & 7));
  if (bits[byte] & mask) return false;
  bits[byte] |= mask;
  return true;
}

/** One position of a pattern for sorting: its score (set size and first character) and its character set. */
function patternPosition(p: string, i: number): Position {
  for (;;) {
    while (p[i] === '-') i++;
    const bits = new Uint8Array(32);
    if (i >= p.length) return { score: SPECIAL_END, bits, next: null };
    const c = p[i];
    switch (c) {
      case 'n':
      case 'N':
        for (let d = 50; d <= 57; d++) setBit(bits, d);
        return { score: 0x0800 | 50, bits, next: i + 1 };
      case 'x':
      case 'X':
        for (let d = 48; d <= 57; d++) setBit(bits, d);
        return { score: 0x0a00 | 48, bits, next: i + 1 };
      case 'z':
      case 'Z':
        for (let d = 49; d <= 57; d++) setBit(bits, d);
        return { score: 0x0900 | 49, bits, next: i + 1 };
      case '.':
        return { score: SPECIAL_DOT, bits, next: i + 1 };
      case '!':
        return { score: SPECIAL_BANG, bits, next: i + 1 };
      case '[': {
        const end = p.indexOf(']', i + 1);
        if (end < 0) return { score: SPECIAL_ERROR, bits, next: i + 1 };
        let count = 0;
        let min = 0xff;
        for (let j = i + 1; j < end; j++) {
          const from = p.charCodeAt(j) & 0xff;
          let to = from;
          if (j + 2 < end && p[j + 1] === '-') {
            to = p.charCodeAt(j + 2) & 0xff;
            j += 2;
          }
          if (from < min) min = from;
          for (let k = from; k <= to; k++) if (setBit(bits, k)) count += 0x100;
        }
        i = end + 1;
        if (count === 0) continue; // an empty set counts for nothing: look at the next position
        return { score: count | min, bits, next: i };
      }
      default: {
        const code = p.charCodeAt(i) & 0xff;
        setBit(bits, code);
        return { score: 0x0100 | code, bits, next: i + 1 };
      }
    }
  }
}

function comparePatterns(left: string, right: string): number {
  let l: number | null = 0;
  let r: number | null = 0;
  for (;;) {
    const a = patternPosition(left, l!);
    const b = patternPosition(right, r!);
    let cmp = a.score - b.score;
    if (cmp === 0) {
      for (let k = 0; k < 32 && cmp === 0; k++) cmp = b.bits[k] - a.bits[k];
    }
    if (cmp !== 0) return cmp;
    if (a.next === null) return 0;
    l = a.next;
    r = b.next;
  }
}

function skipDashes(s: string, i: number): number {
  while (s[i] === '-') i++;
  return i;
}

function compareLiterals(left: string, right: string): number {
  let i = 0;
  let j = 0;
  for (;;) {
    i = skipDashes(left, i);
    j = skipDashes(right, j);
    const a = i < left.length ? left.charCodeAt(i) : 0;
    const b = j < right.length ? right.charCodeAt(j) : 0;
    if (a !== b) return a - b;
    if (a === 0) return 0;
    i++;
    j++;
  }
}

/** A name prepared for sorting: the comparison work done once per extension instead of once per comparison. */
export type SortKey = { literal: true; text: string } | { literal: false; positions: { score: number; bits: Uint8Array }[] };

const keys = new Map<string, SortKey>();

/** Keys are shared: the same pattern in many contexts is prepared once. */
export function sortKey(name: string): SortKey {
  let key = keys.get(name);
  if (key === undefined) {
    if (keys.size > 100_000) keys.clear();
    key = makeSortKey(name);
    keys.set(name, key);
  }
  return key;
}

function makeSortKey(name: string): SortKey {
  if (!name.startsWith('_')) return { literal: true, text: name.replace(/-/g, '') };
  const p = name.slice(1);
  const positions: { score: number; bits: Uint8Array }[] = [];
  let i: number | null = 0;
  while (i !== null) {
    const pos = patternPosition(p, i);
    positions.push({ score: pos.score, bits: pos.bits });
    i = pos.next;
  }
  return { literal: false, positions };
}

/** compareExtensions() on prepared keys. */
export function compareKeys(a: SortKey, b: SortKey): number {
  if (a.literal) {
    if (!b.literal) return -1;
    return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
  }
  if (b.literal) return 1;
  const n = Math.min(a.positions.length, b.positions.length);
  for (let i = 0; i < n; i++) {
    const x = a.positions[i];
    const y = b.positions[i];
    let cmp = x.score - y.score;
    for (let k = 0; k < 32 && cmp === 0; k++) cmp = y.bits[k] - x.bits[k];
    if (cmp !== 0) return cmp;
  }
  return a.positions.length - b.positions.length;
}

/** ext_cmp(): the order of extensions in a context; 0 means Asterisk takes them for the same extension. */
export function compareExtensions(left: string, right: string): number {
  const lp = left.startsWith('_');
  const rp = right.startsWith('_');
  if (!lp) return rp ? -1 : compareLiterals(left, right);
  if (!rp) return 1;
  return comparePatterns(left.slice(1), right.slice(1));
}

// ------------------------------------------------------------------------------------------------ matching

function lengthWithoutDashes(s: string): number {
  let n = 0;
  for (const c of s) if (c !== '-') n++;
  return n;
}

/** Does `right` (dashes ignored) start `left`? (ext_cmp_exten_partial) */
function literalStartsWith(left: string, right: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    i = skipDashes(left, i);
    j = skipDashes(right, j);
    if (j >= right.length) return true;
    if (i >= left.length || left[i] !== right[j]) return false;
    i++;
    j++;
  }
}

/**
 * _extension_match_core(): 0 no match, 1 match, 2 early match (`!`).
 * 'match': the number is complete; 'matchmore': could a longer number match; 'canmatch': either.
 */
export function matchExtension(pattern: string, data: string, mode: MatchMode): 0 | 1 | 2 {
  if (!pattern.startsWith('_')) {
    const lp = lengthWithoutDashes(pattern);
    const ld = lengthWithoutDashes(data);
    if (lp < ld) return 0;
    if (mode === 'match') return compareLiterals(pattern, data) === 0 ? 1 : 0;
    if (ld === 0 || literalStartsWith(pattern, data)) return mode === 'matchmore' ? (lp > ld ? 1 : 0) : 1;
    return 0;
  }
  if (mode === 'match' && data.startsWith('_') && comparePatterns(pattern.slice(1), data.slice(1)) === 0) return 1;
  let p = 1;
  let d = 0;
  for (;;) {
    d = skipDashes(data, d);
    p = skipDashes(pattern, p);
    if (d >= data.length || p >= pattern.length || pattern[p] === '/') break;
    const c = pattern[p];
    const ch = data[d];
    if (c === '[') {
      const end = pattern.indexOf(']', p + 1);
      if (end < 0) return 0; // "Wrong usage of [] in the extension": never matches
      if (end === p + 1) {
        p = end + 1; // an empty set is skipped, the character is not used up
        continue;
      }
      let found = false;
      for (let q = p + 1; q < end; q++) {
        if (q + 2 < end && pattern[q + 1] === '-') {
          if (ch >= pattern[q] && ch <= pattern[q + 2]) {
            found = true;
            break;
          }
          q += 2;
        } else if (ch === pattern[q]) {
          found = true;
          break;
        }
      }
      if (!found) return 0;
      p = end;
    } else if (c === 'n' || c === 'N') {
      if (ch < '2' || ch > '9') return 0;
    } else if (c === 'x' || c === 'X') {
      if (ch < '0' || ch > '9') return 0;
    } else if (c === 'z' || c === 'Z') {
      if (ch < '1' || ch > '9') return 0;
    } else if (c === '.') {
      return 1;
    } else if (c === '!') {
      return 2;
    } else if (ch !== c) {
      return 0;
    }
    d++;
    p++;
  }
  if (d < data.length) return 0;
  if (p >= pattern.length || pattern[p] === '/') return mode === 'matchmore' ? 0 : 1;
  if (pattern[p] === '!') return 2;
  return mode === 'match' ? 0 : 1;
}
