// IvozProvider friend patterns (regular expressions) in plain words, for hovers: what a pattern takes, its lengths,
// numbers it matches and one it misses, as the dialplan pattern hover does for `_2XX`. Pure.
//
// It reads the subset friend patterns use: `^` and `$` around the whole, literals, the escapes `\d` `\D` and
// escaped punctuation (`\+`, `\*`, `\.`), classes (`[2-9]`, `[^0]`), the dot, groups with alternatives (`(00|\+)`,
// `(?:...)`) and the quantifiers `?` `*` `+` `{n}` `{n,}` `{n,m}`. Anything else (look-arounds, back-references,
// `\w`, anchors inside) is not put into words: numbers found by trying stand in for the explanation.
//
// Every example is checked with the JavaScript RegExp the friend model compiles (`new RegExp(text)`), which reads
// this subset as PCRE does. MySQL's REGEXP before 8.0 reads `\d` as the letter d (see ivoz-pattern-portability).
import { capital, count, describeChars, explainPattern, joinOr, nounPhrase } from './explainPattern';
import { regexToPatterns } from './trunks/friendPatterns';

export interface RegexExplanation {
  /** One sentence: "Three digits starting with 2.", "Any number that contains, anywhere: ..." */
  summary: string;
  /** null when the expression is not put into words. max null = unbounded. */
  lengths: { min: number; max: number | null } | null;
  lengthText: string | null;
  /** Up to three numbers it matches, each checked with the RegExp. */
  matches: string[];
  /** A number it does not match (checked), and why when that can be said; null when none was found. */
  nonMatch: { number: string; why: string | null } | null;
  notes: string[];
  /** Is the expression anchored at the start (`^`) and at the end (`$`)? */
  anchored: { start: boolean; end: boolean };
}

/** The characters a position may hold: listed ones, or any character but the listed ones. */
interface CharSet {
  negated: boolean;
  chars: string[];
}

type RegexNode = { type: 'chars'; set: CharSet; min: number; max: number | null } | { type: 'group'; alternatives: RegexNode[][]; min: number; max: number | null };

const DIGITS = '0123456789'.split('');
const code = (s: string): string => '`' + s.replace(/`/g, "'") + '`';

class Unsupported extends Error {}

// ------------------------------------------------------------------------------------------------ reading

/** The expression between its anchors as alternatives of node sequences, or null outside the subset. */
function parse(body: string): RegexNode[][] | null {
  let i = 0;
  const fail = (): never => {
    throw new Unsupported();
  };
  const alternatives = (): RegexNode[][] => {
    const out = [sequence()];
    while (body[i] === '|') {
      i++;
      out.push(sequence());
    }
    return out;
  };
  const sequence = (): RegexNode[] => {
    const out: RegexNode[] = [];
    while (i < body.length && body[i] !== '|' && body[i] !== ')') out.push(quantified(atom()));
    return out;
  };
  const atom = (): RegexNode => {
    const c = body[i++];
    if (c === '(') {
      if (body[i] === '?') {
        if (body[i + 1] !== ':') fail();
        i += 2;
      }
      const inner = alternatives();
      if (body[i++] !== ')') fail();
      return { type: 'group', alternatives: inner, min: 1, max: 1 };
    }
    if (c === '[') return { type: 'chars', set: charClass(), min: 1, max: 1 };
    if (c === '.') return { type: 'chars', set: { negated: true, chars: ['\n', '\r'] }, min: 1, max: 1 };
    if (c === '\\') return { type: 'chars', set: escape(body[i++]), min: 1, max: 1 };
    if (c === undefined || '^$*+?{}])'.includes(c)) fail();
    return { type: 'chars', set: { negated: false, chars: [c] }, min: 1, max: 1 };
  };
  const escape = (c: string | undefined): CharSet => {
    if (c === 'd') return { negated: false, chars: DIGITS };
    if (c === 'D') return { negated: true, chars: DIGITS };
    if (c === undefined || /[A-Za-z0-9]/.test(c)) return fail();
    return { negated: false, chars: [c] };
  };
  const charClass = (): CharSet => {
    const negated = body[i] === '^';
    if (negated) i++;
    if (body[i] === ']') fail();
    const chars = new Set<string>();
    while (body[i] !== ']') {
      if (i >= body.length) fail();
      let c = body[i++];
      if (c === '\\') {
        const set = escape(body[i++]);
        if (set.negated) fail();
        set.chars.forEach((x) => chars.add(x));
        continue;
      }
      if (body[i] === '-' && body[i + 1] !== ']' && i + 1 < body.length) {
        let to = body[i + 1];
        i += 2;
        if (to === '\\') to = escape(body[i++]).chars[0] ?? fail();
        if (to.charCodeAt(0) < c.charCodeAt(0) || to.charCodeAt(0) - c.charCodeAt(0) > 255) fail();
        for (let k = c.charCodeAt(0); k <= to.charCodeAt(0); k++) chars.add(String.fromCharCode(k));
        continue;
      }
      if (c === '[') c = fail();
      chars.add(c);
    }
    i++;
    return { negated, chars: [...chars].sort((a, b) => a.charCodeAt(0) - b.charCodeAt(0)) };
  };
  const quantified = (node: RegexNode): RegexNode => {
    const c = body[i];
    let range: [number, number | null] | null = null;
    if (c === '?') range = [0, 1];
    else if (c === '*') range = [0, null];
    else if (c === '+') range = [1, null];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(body.slice(i));
      if (!m) fail();
      const min = parseInt(m![1], 10);
      const max = m![2] === undefined ? min : m![3] === '' ? null : parseInt(m![3], 10);
      if (max !== null && max < min) fail();
      range = [min, max];
      i += m![0].length - 1;
    }
    if (range === null) return node;
    i++;
    if (body[i] === '?') i++; // lazy: the same numbers match
    if (i < body.length && '*+?{'.includes(body[i])) fail();
    return { ...node, min: range[0], max: range[1] };
  };
  try {
    const out = alternatives();
    return i === body.length ? out : null;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

// ------------------------------------------------------------------------------------------------ lengths

function lengthOf(seq: RegexNode[]): { min: number; max: number | null } {
  let min = 0;
  let max: number | null = 0;
  for (const n of seq) {
    const one = n.type === 'chars' ? { min: 1, max: 1 } : union(n.alternatives.map(lengthOf));
    min += one.min * n.min;
    max = max === null || one.max === null || n.max === null ? (one.max === 0 ? max : null) : max + one.max * n.max;
  }
  return { min, max };
}

function union(list: { min: number; max: number | null }[]): { min: number; max: number | null } {
  return { min: Math.min(...list.map((l) => l.min)), max: list.some((l) => l.max === null) ? null : Math.max(...list.map((l) => l.max!)) };
}

function lengthText({ min, max }: { min: number; max: number | null }): string {
  const chars = (n: number): string => `${n} character${n === 1 ? '' : 's'}`;
  if (max === null) return min === 0 ? 'any length, even none' : `${min} or more characters`;
  if (min === max) return chars(min);
  return max === min + 1 ? `${min} or ${chars(max)}` : `${min} to ${chars(max)}`;
}

// ------------------------------------------------------------------------------------------------ wording

const isAny = (s: CharSet): boolean => s.negated && s.chars.every((c) => c === '\n' || c === '\r');
const isLiteral = (n: RegexNode): n is Extract<RegexNode, { type: 'chars' }> => n.type === 'chars' && !n.set.negated && n.set.chars.length === 1;

function setPhrase(s: CharSet, n: number): string {
  if (isAny(s)) return n === 1 ? 'any character' : `${count(n)} characters of any kind`;
  if (s.negated) return `${n === 1 ? 'a character' : `${count(n)} characters`} other than ${describeChars(s.chars)}`;
  return nounPhrase(s.chars, n);
}

/** "three digits", "one or more digits", "2 to 12 digits", "optionally `+`". */
function repeated(one: (n: number) => string, literal: string | null, min: number, max: number | null): string {
  if (min === 1 && max === 1) return one(1);
  if (min === 0 && max === 1) return `optionally ${one(1)}`;
  if (literal !== null) {
    if (max === null) return min === 0 ? `any number of ${code(literal)} (or none)` : min === 1 ? `one or more ${code(literal)}` : `at least ${min} ${code(literal)}`;
    return `${code(literal)} ${min === max ? `${count(min)} times` : `${min} to ${max} times`}`;
  }
  // nounPhrase(chars, 2) reads "two digits ...": put the counts in its place
  const many = (words: string): string => one(2).replace(/^two /, `${words} `);
  if (max === null) return min === 0 ? `${many('any number of')} (or none)` : min === 1 ? many('one or more') : many(`at least ${count(min)}`);
  if (min === max) return one(min);
  return many(max === min + 1 ? `${count(min)} or ${count(max)}` : `${min} to ${max}`);
}

function sequencePhrase(seq: RegexNode[]): string {
  const parts: string[] = [];
  let run = '';
  for (const n of seq) {
    if (isLiteral(n) && n.max !== null && n.min === n.max) {
      run += n.set.chars[0].repeat(n.min);
      continue;
    }
    if (run) parts.push(code(run));
    run = '';
    if (n.type === 'chars') parts.push(repeated((k) => setPhrase(n.set, k), isLiteral(n) ? n.set.chars[0] : null, n.min, n.max));
    else {
      const literals = n.alternatives.every((a) => a.every((x) => isLiteral(x) && x.min === 1 && x.max === 1));
      const inner = literals ? joinOr(n.alternatives.map((a) => code(a.map((x) => (x.type === 'chars' ? x.set.chars[0] : '')).join('')))) : n.alternatives.length > 1 ? `either ${n.alternatives.map(sequencePhrase).join(' or ')}` : sequencePhrase(n.alternatives[0]);
      parts.push(n.min === 1 && n.max === 1 ? inner : n.min === 0 && n.max === 1 ? `optionally ${inner}` : `${inner}, ${n.max === null ? (n.min === 0 ? 'any number of times' : n.min === 1 ? 'one or more times' : `at least ${n.min} times`) : n.min === n.max ? `${n.min} times` : `${n.min} to ${n.max} times`}`);
    }
  }
  if (run) parts.push(code(run));
  return parts.length === 0 ? 'nothing' : parts.join(', then ');
}

/** The body in words: the dialplan wording when it is one Asterisk pattern (`_2XX`), else a sequence of parts. */
function bodyWords(body: string, alternatives: RegexNode[][]): string {
  const patterns = regexToPatterns(`^${body}$`);
  if (patterns?.length === 1) return explainPattern(patterns[0]).summary.replace(/\.$/, '');
  if (alternatives.length === 1) return capital(sequencePhrase(alternatives[0]));
  return `One of: ${alternatives.map(sequencePhrase).join('; ')}`;
}

// ------------------------------------------------------------------------------------------------ examples

const SEEDS = ['2125551234012', '4015550100987', '3475550147654'];

/** A character of the set, the seed's when allowed, else a near digit, else the first one allowed. */
function pick(s: CharSet, seed: string): string {
  const allowed = (c: string): boolean => s.chars.includes(c) !== s.negated;
  if (allowed(seed)) return seed;
  return DIGITS.find((d) => d > seed && allowed(d)) ?? DIGITS.find(allowed) ?? (s.negated ? 'a' : s.chars[0]);
}

/** The k-th example a sequence of nodes builds (0: shortest, 1: longest, 2: in between). */
function build(seq: RegexNode[], k: number, at: { i: number }): string {
  let out = '';
  for (const n of seq) {
    const top = n.max ?? n.min + 2;
    const times = k === 0 ? n.min : k === 1 ? top : Math.ceil((n.min + top) / 2);
    for (let t = 0; t < times; t++) {
      if (n.type === 'chars') out += pick(n.set, SEEDS[k][at.i++ % SEEDS[k].length]);
      else out += build(n.alternatives[k % n.alternatives.length], k, at);
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ non-match

function nonMatch(regex: RegExp, alternatives: RegexNode[][] | null, start: boolean, end: boolean, lengths: { min: number; max: number | null } | null, sample: string | undefined): RegexExplanation['nonMatch'] {
  const misses = (n: string): boolean => !regex.test(n);
  if (sample !== undefined && alternatives?.length === 1 && start) {
    const seq = alternatives[0];
    const unit = onlyDigits(seq) ? 'digit' : 'character';
    const units = (n: number): string => `${n} ${unit}${n === 1 ? '' : 's'}`;
    // the first position, when it is fixed or restricted: every match starts there
    const first = seq[0];
    if (first?.type === 'chars' && first.min >= 1 && !isAny(first.set) && !(!first.set.negated && DIGITS.every((d) => first.set.chars.includes(d)))) {
      const near = isLiteral(first) && /[0-9]/.test(first.set.chars[0]) ? [String((Number(first.set.chars[0]) + 1) % 10)] : [];
      const outside = [...near, ...DIGITS, '#', '*', '+'].find((c) => first.set.chars.includes(c) === first.set.negated);
      const number = outside === undefined ? null : outside + sample.slice(1);
      if (number !== null && misses(number)) {
        let prefix = '';
        for (const n of seq) {
          if (!isLiteral(n) || n.min !== 1 || n.max !== 1) break;
          prefix += n.set.chars[0];
        }
        const digits = !first.set.negated && first.set.chars.every((c) => c >= '0' && c <= '9');
        return { number, why: prefix ? `it must start with ${code(prefix)}` : digits ? `the 1st digit must be ${describeChars(first.set.chars)}` : first.set.negated ? `the 1st character must not be ${describeChars(first.set.chars)}` : `the 1st character must be ${setPhrase(first.set, 1)}` };
      }
    }
    if (end && lengths !== null && lengths.max !== null) {
      const longer = sample + (sample.slice(-1) >= '0' && sample.slice(-1) <= '8' ? String(Number(sample.slice(-1)) + 1) : '0');
      if (longer.length > lengths.max && misses(longer)) return { number: longer, why: `one ${unit} too many: it takes ${lengths.min === lengths.max ? 'exactly' : 'at most'} ${units(lengths.max)}` };
    }
  }
  // no match is shorter than the shortest one, whatever the anchors
  if (sample !== undefined && lengths !== null && lengths.min > 1) {
    const shorter = sample.slice(0, lengths.min - 1);
    const unit = alternatives?.every(onlyDigits) ? 'digit' : 'character';
    if (misses(shorter)) return { number: shorter, why: `too short: it takes ${lengths.min === lengths.max ? 'exactly' : 'at least'} ${lengths.min} ${unit}s` };
  }
  const pool = ['1', '11111', '0000', '5555555', '999999999', '#', 'abc'];
  if (sample !== undefined) for (let i = 0; i < sample.length; i++) pool.push(sample.slice(0, i) + (sample[i] === '9' ? '0' : sample[i] >= '0' && sample[i] <= '8' ? String(Number(sample[i]) + 1) : '5') + sample.slice(i + 1));
  const found = pool.find(misses);
  if (found === undefined) return null;
  return { number: found, why: !start && !end ? `no part of it matches` : null };
}

// ------------------------------------------------------------------------------------------------ explanation

/** Numbers to try when the expression is not put into words: extensions, national and international numbers. */
const TRIES = ['100', '101', '200', '201', '300', '1000', '2000', '4000', '944000000', '600000000', '2125551234', '+34944000000', '0034944000000', '+12125551234', '0', '1', '9'];

/** Explains a friend pattern; `regex` is the compiled expression (the friend model's). */
export function explainRegex(text: string, regex: RegExp): RegexExplanation {
  const start = text.startsWith('^');
  const end = text.endsWith('$') && !text.endsWith('\\$');
  const body = text.slice(start ? 1 : 0, end ? -1 : undefined);
  const alternatives = parse(body);
  const usable = alternatives !== null && !(alternatives.length > 1 && (start || end));
  const notes: string[] = [];
  const anchored = { start, end };
  if (!usable) {
    const matches = TRIES.filter((n) => regex.test(n)).slice(0, 3);
    return { summary: 'A regular expression beyond what PBX Interconnect puts into words: the numbers below were found by trying.', lengths: null, lengthText: null, matches, nonMatch: nonMatch(regex, null, start, end, null, matches[0]), notes: portability(text), anchored };
  }
  const core = union(alternatives.map(lengthOf));
  const lengths = start && end ? core : { min: core.min, max: null };
  const words = bodyWords(body, alternatives);
  const lower = words.charAt(0).toLowerCase() + words.slice(1);
  const summary = start && end ? `${words}.` : !start && !end ? `Anything that contains ${lower}.` : start ? `${words}, then anything.` : `Anything that ends with ${lower}.`;
  const matches = [...new Set([0, 1, 2].map((k) => build(alternatives[k % alternatives.length], k, { i: 0 })))].filter((n) => n !== '' && regex.test(n));
  if (!start || !end) {
    const sample = matches[0];
    const wider = sample === undefined ? null : `${start ? '' : '9'}${sample}${end ? '' : '9'}`;
    const example = wider !== null && regex.test(wider) ? ` (${code(wider)} too)` : '';
    notes.push(`Not anchored (${!start && !end ? 'no ^ and no $' : !start ? 'no ^' : 'no $'}): it matches every number that merely contains what it describes${example}, so calls meant for other destinations go this way. Write ${code(`${start ? '' : '^'}${text}${end ? '' : '$'}`)}.`);
  }
  if (alternatives.some((a) => hasAny(a))) notes.push(`${code('.')} stands for any character, not only a digit.`);
  notes.push(...portability(text));
  return { summary, lengths, lengthText: lengthText(lengths), matches, nonMatch: nonMatch(regex, alternatives, start, end, lengths, matches[0]), notes, anchored };
}

function onlyDigits(seq: RegexNode[]): boolean {
  return seq.every((n) => (n.type === 'chars' ? !n.set.negated && n.set.chars.every((c) => c >= '0' && c <= '9') : n.alternatives.every(onlyDigits)));
}

function hasAny(seq: RegexNode[]): boolean {
  return seq.some((n) => (n.type === 'chars' ? isAny(n.set) : n.alternatives.some(hasAny)));
}

function portability(text: string): string[] {
  const classes = [...new Set(text.match(/\\[dDwWsSb]/g) ?? [])];
  if (classes.length === 0) return [];
  return [`${joinOr(classes.map(code), 'and')}: PCRE and JavaScript (these examples) read ${code('\\d')} as a digit, MySQL's REGEXP before 8.0 as the letter d, so IvozProvider may match differently depending on where it evaluates the pattern. Write ${code('[0-9]')}.`];
}
