// IvozProvider friend patterns (regular expressions) in terms PBX Interconnect can reason about: a simple
// anchored expression (`^2[0-9]{2}$`, `^\d{3,4}$`, `^(1|2)XX$`-like alternatives) becomes the equivalent Asterisk
// patterns, so the pattern coverage decision tells when internal extensions and earlier friends take every
// number a friend's expression matches. Anything richer is left undecided.

const MAX_EXPANSION = 64;

interface Atom {
  set: string;
  min: number;
  max: number;
}

/** One regex body (no `|` at top level) to atoms, or null when it uses something outside the subset. */
function atoms(body: string): Atom[] | null {
  const out: Atom[] = [];
  let i = 0;
  while (i < body.length) {
    let set: string;
    const c = body[i];
    if (c === '\\') {
      const n = body[i + 1];
      if (n === 'd') set = 'X';
      else if (n !== undefined && /[+*#.]/.test(n)) set = n === '.' ? '[.]' : n;
      else return null;
      i += 2;
    } else if (c === '[') {
      const close = body.indexOf(']', i);
      if (close < 0 || body[i + 1] === '^') return null;
      const inner = body.slice(i + 1, close);
      if (!/^[0-9a-zA-Z*#+-]+$/.test(inner)) return null;
      set = inner === '0-9' ? 'X' : `[${inner}]`;
      i = close + 1;
    } else if (/[0-9*#+]/.test(c) && c !== '*' && c !== '+') {
      set = c;
      i++;
    } else return null;
    let min = 1;
    let max = 1;
    const q = body[i];
    if (q === '{') {
      const close = body.indexOf('}', i);
      const m = /^\{(\d+)(?:,(\d+))?\}$/.exec(body.slice(i, close + 1));
      if (!m) return null;
      min = parseInt(m[1], 10);
      max = m[2] !== undefined ? parseInt(m[2], 10) : min;
      i = close + 1;
    } else if (q === '?') {
      min = 0;
      i++;
    } else if (q === '+' || q === '*') return null;
    out.push({ set, min, max });
  }
  return out;
}

/**
 * The Asterisk patterns (match form, `_...`) matching exactly the numbers an anchored expression matches, or null
 * when the expression is not anchored at both ends or uses anything outside the subset.
 */
export function regexToPatterns(regex: string): string[] | null {
  if (!regex.startsWith('^') || !regex.endsWith('$') || regex.endsWith('\\$')) return null;
  let body = regex.slice(1, -1);
  if (body.startsWith('(') && body.endsWith(')') && !body.slice(1, -1).includes('(')) body = body.slice(1, -1);
  const out: string[] = [];
  for (const alternative of body.split('|')) {
    const list = atoms(alternative);
    if (list === null) return null;
    let prefixes = [''];
    for (const a of list) {
      const next: string[] = [];
      for (const p of prefixes) for (let n = a.min; n <= a.max; n++) next.push(p + a.set.repeat(n));
      if (next.length > MAX_EXPANSION) return null;
      prefixes = next;
    }
    out.push(...prefixes.filter((p) => p !== '').map((p) => `_${p}`));
  }
  return out.length > 0 ? out : null;
}

/** A short number the expression finds (digits only, up to 7 long), to build examples. */
export function sampleMatch(regex: RegExp): string | null {
  for (let len = 1; len <= 7; len++) {
    const limit = Math.min(10 ** len, 20_000);
    for (let n = 0; n < limit; n++) {
      const s = String(n).padStart(len, '0');
      if (regex.test(s)) return s;
    }
  }
  return null;
}
