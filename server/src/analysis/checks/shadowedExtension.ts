// dialplan-shadowed-extension: an extension no number can ever reach, because the candidates Asterisk tries
// before it (in the context's sorted order, with priority 1 and for any caller) take every number it matches.
import type { DialplanCheck, Finding } from '../finding';
import { matchExtension } from '../../model/extensionName';
import { isCovered, overlap } from '../patternCoverage';
import { matchesNothing } from './emptyPattern';

/** A small memo for the per-name helpers below: the same names recur in every context. */
function memo<T>(compute: (name: string) => T): (name: string) => T {
  const known = new Map<string, T>();
  return (name) => {
    let v = known.get(name);
    if (v === undefined && !known.has(name)) {
      if (known.size > 50_000) known.clear();
      v = compute(name);
      known.set(name, v);
    }
    return v as T;
  };
}

/** The characters a name's first position accepts, or null for any (cheap filter before the full decision). */
const firstChars = memo((exten: string): string | null => {
  if (!exten.startsWith('_')) return exten.replace(/-/g, '').slice(0, 1);
  const c = exten.replace(/^_-*/, '')[0];
  if (c === undefined || c === '.' || c === '!' || c === '[') return null;
  if (/[xX]/.test(c)) return '0123456789';
  if (/[zZ]/.test(c)) return '123456789';
  if (/[nN]/.test(c)) return '23456789';
  return c;
});

function mayMeet(a: string, b: string): boolean {
  const x = firstChars(a);
  const y = firstChars(b);
  return x === null || y === null || [...x].some((c) => y.includes(c));
}

const decided = new Map<string, boolean>();
const overlapping = new Map<string, boolean>();

/** Do two names share a number? (The same pairs recur across contexts: decided once.) */
function overlaps(a: string, b: string): boolean {
  const key = `${a}\u0000${b}`;
  let answer = overlapping.get(key);
  if (answer === undefined) {
    if (overlapping.size > 50_000) overlapping.clear();
    answer = overlap(a, b) !== null;
    overlapping.set(key, answer);
  }
  return answer;
}

/** A few numbers the pattern matches, built from its lowest and highest choices, to disprove coverage cheaply. */
function samples(exten: string): string[] {
  const choices: string[][] = [];
  for (let i = 1; i < exten.length; i++) {
    const c = exten[i];
    if (c === '-') continue;
    if (c === 'x' || c === 'X') choices.push(['0', '9', '5']);
    else if (c === 'z' || c === 'Z') choices.push(['1', '9', '5']);
    else if (c === 'n' || c === 'N') choices.push(['2', '9', '5']);
    else if (c === '.') {
      choices.push(['0', '9z', '5']);
      break;
    } else if (c === '!') {
      choices.push(['', '9z', '5']);
      break;
    } else if (c === '[') {
      const end = exten.indexOf(']', i);
      if (end < 0) return [];
      const body = exten.slice(i + 1, end);
      if (body.length > 0) choices.push([body[0], body[body.length - 1], body[body.length >> 1]]);
      i = end;
    } else choices.push([c]);
  }
  return [0, 1, 2].map((k) => choices.map((opts) => opts[Math.min(k, opts.length - 1)]).join('')).filter((n) => n.length > 0 && matchExtension(exten, n, 'match') !== 0);
}

/**
 * Do earlier candidates take every number `exten` matches? Exact for a literal, decided for a pattern. Only the
 * earlier literals the pattern itself matches can take numbers from it, so the others are left out; the same
 * question (it recurs across contexts) is decided once.
 */
function shadowed(exten: string, takers: string[]): boolean {
  if (!exten.startsWith('_')) return takers.some((t) => matchExtension(t, exten, 'match') !== 0);
  // a literal can only be one of the pattern's numbers if its length fits and its first character does
  const first = firstChars(exten);
  const [min, max] = lengthRange(exten);
  const fits = (t: string): boolean => t.length >= min && t.length <= max && (first === null || first.includes(t[0]));
  const relevant = takers.filter((t) => (t.startsWith('_') ? mayMeet(exten, t) : fits(t) && matchExtension(exten, t, 'match') !== 0));
  if (relevant.length === 0) return false;
  // an earlier pattern that reads the same up to its `.` or `!` (what follows them is never looked at) takes all
  const same = matchedPart(exten);
  if (relevant.some((t) => t.startsWith('_') && matchedPart(t) === same)) return true;
  // a number of the pattern that no earlier candidate takes settles it at once
  if (samples(exten).some((n) => !relevant.some((t) => matchExtension(t, n, 'match') !== 0))) return false;
  return covered(exten, relevant);
}

/** How long a pattern's numbers can be: each character or set is one; `.` adds one or more, `!` zero or more. */
function lengthRange(exten: string): [number, number] {
  let n = 0;
  for (let i = 1; i < exten.length; i++) {
    const c = exten[i];
    if (c === '-') continue;
    if (c === '.') return [n + 1, Infinity];
    if (c === '!') return [n, Infinity];
    if (c === '[') {
      const end = exten.indexOf(']', i);
      if (end < 0) return [0, Infinity];
      i = end;
    }
    n++;
  }
  return [n, n];
}

/** A pattern as the matcher reads it: upper-case wildcards, no dashes, nothing after `.` or `!` outside a set. */
const matchedPart = memo((exten: string): string => {
  let out = '';
  let inSet = false;
  for (const c of exten) {
    if (c === '[') inSet = true;
    else if (c === ']') inSet = false;
    else if (c === '-' && !inSet) continue;
    out += inSet ? c : c.replace(/[xnz]/, (l) => l.toUpperCase());
    if (!inSet && (c === '.' || c === '!')) break;
  }
  return out;
});

/** isCovered, decided once per question (the same questions recur across contexts). */
function covered(target: string, earlier: string[]): boolean {
  const key = `${target}\u0000${earlier.join('\u0000')}`;
  let answer = decided.get(key);
  if (answer === undefined) {
    if (decided.size > 50_000) decided.clear();
    answer = isCovered(target, earlier, 20_000) === 'yes';
    decided.set(key, answer);
  }
  return answer;
}

export const code = 'dialplan-shadowed-extension';

/** Drops candidates the others can do without, so the message names the ones that matter. */
function minimalCover<T extends { exten: string }>(target: string, list: T[]): T[] {
  // each removal is a full decision: beyond a handful of candidates, name them as they are
  if (list.length > 4) return list;
  const kept = [...list];
  for (let i = kept.length - 1; i >= 0 && kept.length > 1; i--) {
    const without = kept.filter((_, j) => j !== i);
    if (covered(target, without.map((t) => t.exten))) kept.splice(i, 1);
  }
  return kept;
}

export const shadowedExtension: DialplanCheck = {
  code,
  scope: 'context',
  run(plan) {
    const out: Finding[] = [];
    for (const context of plan.contexts.values()) {
      const takers: { exten: string; name: string; file: string; start: number; end: number }[] = [];
      // the takers' names, kept alongside; literals also in a set (literals sort before every pattern, so while
      // no pattern has been seen a literal is taken only by the same literal: one lookup, not a scan)
      const extens: string[] = [];
      const literals = new Set<string>();
      let patternSeen = false;
      for (const e of context.extensions) {
        const literal = !e.exten.startsWith('_');
        if (e.priorities.has(1) && e.cid === null && takers.length > 0 && !matchesNothing(e.exten) && (literal && !patternSeen ? literals.has(e.exten) : shadowed(e.exten, extens))) {
          const p = e.priorities.get(1)!;
          const ext = p.statement.extension;
          // an earlier pattern that reads the same takes it all; else name the patterns that do it when they
          // suffice, else every candidate that shares numbers with it
          const twin = takers.find((t) => t.exten.startsWith('_') && matchedPart(t.exten) === matchedPart(e.exten));
          let culprits = twin ? [twin] : [];
          if (!twin) {
            const sharing = takers.filter((t) => (t.exten.startsWith('_') ? mayMeet(e.exten, t.exten) : matchExtension(e.exten, t.exten, 'match') !== 0) && overlaps(e.exten, t.exten));
            const patterns = sharing.filter((t) => t.exten.startsWith('_'));
            culprits = minimalCover(e.exten, patterns.length > 0 && covered(e.exten, patterns.map((t) => t.exten)) ? patterns : sharing);
          }
          const names = culprits.slice(0, 3).map((t) => `'${t.name}'`);
          const who = culprits.length === 1 ? `${names[0]} first, and it takes` : `${names.join(', ')}${culprits.length > 3 ? ` and ${culprits.length - 3} more` : ''} first, and they take`;
          out.push({
            code,
            severity: 'warning',
            message: `No number can reach '${e.name}' in '${context.name}': Asterisk tries ${who} every number this one matches.`,
            file: p.file,
            start: ext?.start ?? p.statement.statement.start,
            end: ext?.end ?? p.statement.statement.end,
            related: culprits.slice(0, 5).map((t) => ({ file: t.file, start: t.start, end: t.end, message: `'${t.name}' is tried first` })),
          });
        }
        if (e.priorities.has(1) && e.cid === null) {
          const p = e.priorities.get(1)!;
          takers.push({ exten: e.exten, name: e.name, file: p.file, start: p.statement.statement.start, end: p.statement.statement.end });
          extens.push(e.exten);
          if (e.exten.startsWith('_')) patternSeen = true;
          else literals.add(e.exten);
        }
      }
    }
    return out;
  },
};
