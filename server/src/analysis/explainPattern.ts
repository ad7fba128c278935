// Plain-English explanations of dialplan extension names (`_NXXNXXXXXX`, `_**99.`, `s`) and of `${EXTEN:4}`-style
// substrings, for hovers. Pure: the pattern grammar reads the name, and the wording follows what main/pbx.c does
// with it (see grammars/pattern.peggy and model/extensionName.ts), odd corners included:
//   - a `-` in the dialed number is always skipped, so a `-` inside `[...]` never matches anything;
//   - an empty `[]` is skipped while digits remain, but a number that ends right before one never matches;
//   - `x`, `n` and `z` are wildcards in either case, even inside a word.
import type { PatternElement } from '../parser/dialplanParser';
import { parseExtensionName } from '../parser/dialplanParser';
import { substring } from '../model/dialplan';
import { stripName } from '../model/extensionName';

export interface PatternExplanation {
  /** One sentence, e.g. "Ten digits; the 1st and 4th are 2-9, the rest any digit." */
  summary: string;
  /** max null = unbounded. */
  lengths: { min: number; max: number | null };
  /** "10 characters", "5 or more characters". */
  lengthText: string;
  /** Two or three numbers it matches. */
  matches: string[];
  /** A plausible number it does not match, and why; null when everything matches (`_!`). */
  nonMatch: { number: string; why: string } | null;
  /** What a user should know: letters caught by `.`, wildcards inside words, parts Asterisk ignores... */
  notes: string[];
}

const SPECIAL = new Map<string, string>(Object.entries({
  s: 'the start extension, run when a call arrives with no number',
  h: 'the hangup extension, run after the caller hangs up',
  i: 'the invalid extension, run when the caller dials a number this context does not have',
  t: 'the timeout extension, run when the caller dials nothing before the response timeout',
  T: 'the absolute-timeout extension, run when the limit set with TIMEOUT(absolute) is reached',
  a: 'VoiceMail goes there when the caller presses * during the greeting',
  o: 'the operator extension: VoiceMail goes there when the caller presses 0 (with operator=yes)',
  e: 'the exception extension, run instead of a missing i, t or T; EXCEPTION(reason) says why',
}));

/** One character position of a pattern: the characters a dialed number may have there. */
interface Position {
  chars: string[];
}

interface Shape {
  positions: Position[];
  /** `.` (one or more) or `!` (zero or more) after the positions; `!` before an empty `[]` acts as `.`. */
  tail: '.' | '!' | null;
  /** Why the pattern can never match, or null. */
  never: string | null;
  /** `x`, `n`, `z` next to letters (`_stdexten-.`) and their 0-based positions: likely meant as letters. */
  wordWildcards: { element: PatternElement; position: number }[];
  notes: string[];
}

// ------------------------------------------------------------------------------------------------ wording

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

export const count = (n: number): string => NUMBER_WORDS[n] ?? String(n);
export const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const code = (s: string): string => '`' + s + '`';
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isLetter = (c: string): boolean => /^[A-Za-z]$/.test(c);
/** Digits and letters read fine as they are; anything else goes in backticks. */
const show = (s: string): string => (/^[0-9A-Za-z]+$/.test(s) ? s : code(s));
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return n + suffix;
}

export function joinOr(items: string[], word = 'or'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

/** "1st", "1st and 4th", "2nd to 5th and 8th" (1-based positions, ascending). */
function ordinals(indexes: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < indexes.length; ) {
    let j = i;
    while (j + 1 < indexes.length && indexes[j + 1] === indexes[j] + 1) j++;
    if (j - i >= 2) parts.push(`${ordinal(indexes[i])} to ${ordinal(indexes[j])}`);
    else for (let k = i; k <= j; k++) parts.push(ordinal(indexes[k]));
    i = j + 1;
  }
  return joinOr(parts, 'and');
}

/** Digits are listed first, then letters, then the rest. */
const rankOf = (c: string): number => (isDigit(c) ? 0 : isLetter(c) ? 1 : 2);

/** The characters of a set as a short list, digits first: "1-5", "1 or 3", "0, 2-5 or `#`". */
export function describeChars(chars: string[]): string {
  const items: { text: string; rank: number }[] = [];
  for (let i = 0; i < chars.length; ) {
    let j = i;
    while (j + 1 < chars.length && chars[j + 1].charCodeAt(0) === chars[j].charCodeAt(0) + 1 && isDigit(chars[j + 1]) === isDigit(chars[i])) j++;
    if (j - i >= 2) items.push({ text: `${show(chars[i])}-${show(chars[j])}`, rank: rankOf(chars[i]) });
    else for (let k = i; k <= j; k++) items.push({ text: show(chars[k]), rank: rankOf(chars[k]) });
    i = j + 1;
  }
  return joinOr(items.sort((a, b) => a.rank - b.rank).map((item) => item.text));
}

const ALL_DIGITS = '0123456789'.split('');
const allDigits = (chars: string[]): boolean => chars.length > 0 && chars.every(isDigit);
const anyDigit = (chars: string[]): boolean => chars.length === 10 && allDigits(chars);

/** A noun phrase for `n` positions that all take `chars`: "a digit 1-9", "three digits", "one of 1, `*` or `#`". */
export function nounPhrase(chars: string[], n: number): string {
  const list = describeChars(chars);
  const many = (word: string): string => (list.includes(' or ') ? `${count(n)} ${word}s, each ${list}` : `${count(n)} ${word}s ${list}`);
  if (allDigits(chars)) {
    if (anyDigit(chars)) return n === 1 ? 'a digit' : `${count(n)} digits`;
    return n === 1 ? `a digit ${list}` : many('digit');
  }
  const kind = chars.every((c) => c >= 'a' && c <= 'z') ? 'lower-case letter' : chars.every((c) => c >= 'A' && c <= 'Z') ? 'upper-case letter' : chars.every(isLetter) ? 'letter' : null;
  if (kind) return n === 1 ? `${kind.startsWith('u') ? 'an' : 'a'} ${kind} ${list}` : many(kind);
  const one = chars.length === 2 ? list : `one of ${list}`;
  return n === 1 ? one : `${count(n)} characters, each ${one}`;
}

// ------------------------------------------------------------------------------------------------ reading

function digitRange(min: string, max: string): string[] {
  return ALL_DIGITS.filter((d) => d >= min && d <= max);
}

/** Reads the grammar's elements into positions, collecting what Asterisk would do differently from the looks. */
function readPattern(name: string, elements: PatternElement[]): Shape {
  const shape: Shape = { positions: [], tail: null, never: null, wordWildcards: [], notes: [] };
  let emptyAtEnd = false;
  for (let index = 0; index < elements.length && shape.never === null; index++) {
    const e = elements[index];
    const written = name.slice(e.start, e.end);
    if (e.type === 'Digits') {
      const letterNear = [elements[index - 1], elements[index + 1]].some((n) => n?.type === 'Char' && isLetter(n.char!));
      if (letterNear) shape.wordWildcards.push({ element: e, position: shape.positions.length });
      shape.positions.push({ chars: digitRange(e.min!, e.max!) });
    } else if (e.type === 'Char') {
      shape.positions.push({ chars: [e.char!] });
    } else if (e.type === 'Wildcard') {
      shape.tail = e.char as '.' | '!';
      if (e.ignored) shape.notes.push(`Asterisk never looks past ${code(e.char!)}: ${code(e.ignored)} is ignored, so this is ${code(name.slice(0, e.start + 1))}.`);
      break;
    } else if (!e.closed) {
      shape.never = `${code(written)} has no closing ${code(']')}`;
      shape.notes.push(`An unclosed ${code('[')} makes the whole pattern match nothing (Asterisk logs "Wrong usage of [] in the extension").`);
    } else if (e.items!.length === 0) {
      emptyAtEnd = true;
      continue;
    } else {
      const codes = new Set<number>();
      for (const item of e.items!) {
        const from = (item.type === 'Range' ? item.from! : item.char!).charCodeAt(0);
        const to = item.type === 'Range' ? item.to!.charCodeAt(0) : from;
        if (to < from) shape.notes.push(`${code(`${item.from}-${item.to}`)} runs backwards and holds nothing; write ${code(`${item.to}-${item.from}`)}.`);
        for (let c = from; c <= to && c - from < 0x10000; c++) codes.add(c);
      }
      if (codes.delete(45)) shape.notes.push(`Asterisk skips every ${code('-')} in a dialed number, so the ${code('-')} in ${code(written)} never matches anything.`);
      const chars = [...codes].sort((a, b) => a - b).map((c) => String.fromCharCode(c));
      if (chars.length === 0) shape.never = `${code(written)} holds no character a number can have`;
      shape.positions.push({ chars });
    }
    emptyAtEnd = false;
  }
  const empties = elements.filter((e) => e.type === 'Set' && e.closed && e.items!.length === 0).length;
  if (shape.never === null && emptyAtEnd && shape.tail === null) {
    shape.never = `a number that ends at the empty ${code('[]')} never matches`;
    shape.notes.push(`An empty ${code('[]')} at the end stops every number from matching.`);
  } else if (shape.never === null && emptyAtEnd && shape.tail === '!') {
    shape.tail = '.';
    shape.notes.push(`The empty ${code('[]')} before ${code('!')} makes at least one more character necessary, as with ${code('.')}.`);
  } else if (empties > 0) {
    shape.notes.push(`An empty ${code('[]')} is skipped: it stands for no character at all.`);
  }
  return shape;
}

// ------------------------------------------------------------------------------------------------ summary

/** All positions are digits and there is no wildcard: "Ten digits; the 1st and 4th are 2-9, the rest any digit." */
function digitSummary(positions: Position[]): string {
  let prefix = '';
  while (prefix.length < positions.length && positions[prefix.length].chars.length === 1) prefix += positions[prefix.length].chars[0];
  const head = capital(`${count(positions.length)} digits`) + (prefix ? ` starting with ${prefix}` : '');
  const groups = new Map<string, number[]>();
  positions.forEach((p, i) => {
    if (i < prefix.length) return;
    const key = p.chars.join('');
    groups.set(key, [...(groups.get(key) ?? []), i + 1]);
  });
  const keys = [...groups.keys()];
  const rest = keys.includes('0123456789') ? '0123456789' : keys.length > 1 || prefix ? keys.reduce((a, b) => (groups.get(b)!.length > groups.get(a)!.length ? b : a)) : null;
  if (keys.length === 1 && rest === '0123456789') return `${head}.`;
  if (keys.length === 1 && !prefix) return `${head}, each ${describeChars(keys[0].split(''))}.`;
  const parts = keys.filter((k) => k !== rest).map((k) => `the ${ordinals(groups.get(k)!)} ${groups.get(k)!.length === 1 ? 'is' : 'are'} ${describeChars(k.split(''))}`);
  if (rest !== null) parts.push(`the rest ${rest === '0123456789' ? 'any digit' : describeChars(rest.split(''))}`);
  return `${head}; ${parts.join(', ')}.`;
}

/** Runs of positions in words: literal runs in backticks, equal positions counted ("three digits"). */
function segments(positions: Position[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < positions.length; ) {
    let j = i + 1;
    if (positions[i].chars.length === 1) {
      while (j < positions.length && positions[j].chars.length === 1) j++;
      out.push(code(positions.slice(i, j).map((p) => p.chars[0]).join('')));
    } else {
      const key = positions[i].chars.join('');
      while (j < positions.length && positions[j].chars.join('') === key) j++;
      out.push(nounPhrase(positions[i].chars, j - i));
    }
    i = j;
  }
  return out;
}

function summarize(shape: Shape): string {
  const { positions, tail } = shape;
  if (shape.never !== null) return `Matches nothing: ${shape.never}.`;
  if (tail === null && positions.length === 0) return 'Only the empty number (nothing dialed).';
  if (tail === null && positions.every((p) => p.chars.length === 1)) return `Exactly ${show(positions.map((p) => p.chars[0]).join(''))}.`;
  if (tail === null && positions.every((p) => allDigits(p.chars))) return digitSummary(positions);
  const parts = segments(positions);
  if (parts.length === 0) return tail === '!' ? 'Anything, including nothing at all.' : 'Anything of at least one character.';
  const first = capital(parts[0]);
  const body = [first, ...parts.slice(1)].join(', then ');
  if (tail === null) return `${body}.`;
  if (tail === '!') return `${body}, optionally followed by anything.`;
  const literalOnly = positions.every((p) => p.chars.length === 1);
  if (parts.length === 1) return `${body} followed by at least one more character${literalOnly ? ' (anything)' : ''}.`;
  return `${body}, then at least one more character.`;
}

// ------------------------------------------------------------------------------------------------ examples

// Seeds for the three examples: short ones (right-aligned) for extensions, long ones for phone numbers, and what
// follows a `.` once the fixed part is long enough to be a prefix (`**99` + `101`).
const SHORT_SEEDS = ['4101', '1234', '7150'];
const LONG_SEEDS = ['2125551234', '2015550100', '3125550147'];
const DOT_TAILS = ['101', '2125551234', '1'];
const WORD_TAILS = ['NOANSWER', 'BUSY', 'NOANSWER'];

/** A character of `chars`, the seed's when allowed, else a near digit, else one spread through the set. */
function pick(chars: string[], seed: string, k: number): string {
  if (chars.includes(seed)) return seed;
  const digits = chars.filter(isDigit);
  if (isDigit(seed) && digits.length > 0) return digits.find((d) => d > seed) ?? digits[0];
  return chars[(k * Math.max(1, Math.floor(chars.length / 3))) % chars.length];
}

/** The fixed part of the k-th example: a literal prefix as written, the rest from a realistic seed. */
function fixedPart(positions: Position[], k: number, aligned: boolean): string {
  let prefix = 0;
  while (prefix < positions.length && positions[prefix].chars.length === 1) prefix++;
  const rest = positions.length - prefix;
  const seed = aligned ? LONG_SEEDS[k] : rest === 0 ? '' : rest <= 4 ? SHORT_SEEDS[k].slice(-rest) : (LONG_SEEDS[k] + LONG_SEEDS[(k + 1) % 3]).slice(0, rest);
  return positions.map((p, i) => pick(p.chars, (aligned ? seed[i] : seed[i - prefix]) ?? '5', k)).join('');
}

/** Does the part before the wildcard end like a word (`stdexten-.`)? Then the examples continue with a word. */
function wordTail(name: string, shape: Shape): string | null {
  const last = shape.positions[shape.positions.length - 1];
  if (!last || last.chars.length !== 1 || !isLetter(last.chars[0])) return null;
  return /-\s*[.!]/.test(name) ? '-' : '';
}

/** Up to three numbers the pattern matches (fewer when it has fewer, none when it matches nothing). */
function examples(name: string, shape: Shape): string[] {
  const { positions, tail } = shape;
  if (shape.never !== null) return [];
  const word = wordTail(name, shape);
  const example = (k: number): string => {
    if (tail === null) return fixedPart(positions, k, false);
    if (positions.length === 0) return DOT_TAILS[k];
    if (tail === '!') return fixedPart(positions, k, false) + (k === 1 ? '101' : '');
    if (word !== null) return fixedPart(positions, k, false) + word + WORD_TAILS[k];
    // A short prefix (`0`, `*X`) starts a phone number: continue the seed instead of gluing a tail to it.
    if (positions.length < 4) return fixedPart(positions, k, true) + (LONG_SEEDS[k].slice(positions.length) || '1');
    return fixedPart(positions, k, false) + DOT_TAILS[k];
  };
  return [...new Set([0, 1, 2].map(example))];
}

// ------------------------------------------------------------------------------------------------ non-match

/** A character near `c` that differs from it: the next digit, `#` for `*`, the other case of a letter. */
function otherThan(c: string): string {
  if (isDigit(c)) return String((Number(c) + 1) % 10);
  if (isLetter(c)) return c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
  return c === '*' ? '#' : c === '#' ? '*' : '0';
}

function replaceAt(s: string, i: number, c: string): string {
  return s.slice(0, i) + c + s.slice(i + 1);
}

function nonMatch(name: string, shape: Shape, sample: string | undefined): PatternExplanation['nonMatch'] {
  const { positions, tail } = shape;
  if (shape.never !== null) return { number: positions.map((p, i) => (p.chars.length ? pick(p.chars, LONG_SEEDS[0][i] ?? '5', 0) : '1')).join('') || '1', why: `the pattern can never match: ${shape.never}` };
  if (sample === undefined) return null;
  if (shape.wordWildcards.length > 0) {
    const letters = shape.wordWildcards.map((w) => code(w.element.char!));
    const first = shape.wordWildcards[0];
    const must = nounPhrase(positions[first.position].chars, 1);
    return { number: literalReading(name, shape), why: `${joinOr(letters, 'and')} ${letters.length === 1 ? 'is a wildcard, not a letter' : 'are wildcards, not letters'}: the ${ordinal(first.position + 1)} character must be ${must}` };
  }
  const fixed = sample.slice(0, positions.length);
  const restricted = positions.findIndex((p) => p.chars.length > 1 && !anyDigit(p.chars));
  if (restricted >= 0) {
    const chars = positions[restricted].chars;
    const candidates = allDigits(chars) ? [...ALL_DIGITS.filter((d) => d < chars[0]).reverse(), ...ALL_DIGITS] : ['2', '*', '#', '0', 'a', 'A', '+'];
    const outside = candidates.find((c) => !chars.includes(c));
    if (outside !== undefined) {
      const why = allDigits(chars) ? `the ${ordinal(restricted + 1)} digit must be ${describeChars(chars)}` : `the ${ordinal(restricted + 1)} character must be ${nounPhrase(chars, 1)}`;
      return { number: replaceAt(sample, restricted, outside), why };
    }
  }
  if (tail === '.') {
    if (positions.length === 0) return { number: '', why: `an empty number: ${code('.')} needs at least one character` };
    return { number: fixed, why: `nothing follows ${code(fixed)}: ${code('.')} needs at least one more character` };
  }
  const literal = positions.findIndex((p) => p.chars.length === 1);
  if (tail === null && literal >= 0 && positions.every((p) => p.chars.length === 1)) {
    return { number: sample.slice(0, -1) + otherThan(sample.slice(-1)), why: `only ${show(sample)} itself matches` };
  }
  if (literal >= 0) {
    const c = positions[literal].chars[0];
    let prefix = 0;
    while (prefix < positions.length && positions[prefix].chars.length === 1) prefix++;
    const why = literal === 0 ? `it must start with ${code(fixed.slice(0, prefix))}` : `the ${ordinal(literal + 1)} character must be ${code(c)}`;
    return { number: replaceAt(sample, literal, otherThan(c)), why };
  }
  if (tail === null && positions.length === 0) return { number: '1', why: 'only the empty number matches' };
  if (tail === null) {
    const digits = positions.every((p) => allDigits(p.chars));
    return { number: sample + (digits ? '2' : sample.slice(-1) || '1'), why: `one ${digits ? 'digit' : 'character'} too many: it must be exactly ${positions.length}` };
  }
  if (positions.length === 0) return null;
  return { number: replaceAt(sample, 0, '*'), why: `the 1st character must be ${nounPhrase(positions[0].chars, 1)}` };
}

/** The pattern read as if its `x`, `n`, `z` were letters: what its author probably meant to match. */
function literalReading(name: string, shape: Shape): string {
  const wildcard = name.search(/[.!]/);
  const written = (wildcard < 0 ? name.slice(1) : name.slice(1, wildcard)).replace(/\s/g, '').replace(/\[([^\]])\]/g, '$1');
  return written + (shape.tail === null ? '' : written.endsWith('-') ? 'NOANSWER' : '1');
}

// ------------------------------------------------------------------------------------------------ notes

function patternNotes(name: string, shape: Shape, sample: string | undefined): string[] {
  const notes: string[] = [];
  if (shape.wordWildcards.length > 0) {
    const letters = shape.wordWildcards.map((w) => code(w.element.char!));
    let fixed = name;
    for (const { element: e } of [...shape.wordWildcards].reverse()) fixed = fixed.slice(0, e.start) + `[${e.char}]` + fixed.slice(e.end);
    notes.push(
      `${joinOr(letters, 'and')} ${letters.length === 1 ? 'is a wildcard' : 'are wildcards'} here (X, Z and N in either case stand for digits), so ${code(name)} does not match ${code(literalReading(name, shape))}. To match the letters, write ${code(fixed)}.`,
    );
  }
  notes.push(...shape.notes);
  if (shape.never !== null) return notes;
  if (shape.tail !== null && shape.positions.length === 0) {
    const warns = stripName(name, true) === '_.' ? 'Asterisk warns about it at load: ' : '';
    notes.push(`${code(name)} matches every name, the special ones (${code('h')}, ${code('i')}, ${code('t')}...) included, so hang-ups and timeouts land here too. ${warns}${warns ? 'use' : 'Use'} ${code('_X.')} for dialed numbers.`);
  } else if (shape.tail === '.' && sample !== undefined) {
    const fixed = sample.slice(0, shape.positions.length);
    if (shape.positions.some((p) => !p.chars.every(isLetter))) notes.push(`${code('.')} stands for characters of any kind, not only digits: ${code(fixed + 'abc')} and ${code(fixed + '#')} match too.`);
  }
  if (shape.tail === '!' && shape.positions.length > 0) notes.push(`${code('!')} also tells Asterisk not to wait for more digits: on overlap dialing the call goes ahead as soon as the part before it is dialed.`);
  const bare = name.slice(0, shape.tail === null ? name.length : name.search(/[.!]/));
  if (/[- ]/.test(bare.replace(/\[[^\]]*\]/g, ''))) notes.push(`Dashes and spaces outside ${code('[...]')} are only for readability: this is ${code(stripName(name, true))}.`);
  if (shape.tail === null && shape.positions.length > 0 && shape.positions.every((p) => p.chars.length === 1)) {
    const text = shape.positions.map((p) => p.chars[0]).join('');
    notes.push(`No wildcards: this pattern matches only ${code(text)}, just like the plain name ${code(text)}.`);
  }
  return notes;
}

/** A name without `_` that reads like a pattern: `**99.`, `NXXXXXX`, `9[1-5]`. */
function looksLikePattern(text: string): boolean {
  return /[.!]|\[.*\]/.test(text) || /^[0-9*#+]*[XNZ][0-9XNZ*#+]*$/.test(text);
}

function explainLiteral(text: string): PatternExplanation {
  const plain = text.replace(/[- ]/g, '');
  const notes: string[] = [];
  const special = SPECIAL.get(plain);
  const summary = special ? `Exactly ${plain}: ${special}.` : plain === '' ? 'Only the empty name.' : `Exactly ${show(plain)}.`;
  if (looksLikePattern(plain)) notes.push(`No leading ${code('_')}, so this is not a pattern: it matches only the text ${code(plain)} itself. For a pattern write ${code('_' + text)}.`);
  if (plain !== text) notes.push(`Dashes and spaces are ignored: dialing ${code(plain)} reaches this extension.`);
  const last = plain.slice(-1);
  let other = plain + '1';
  if (looksLikePattern(plain)) {
    const intended = explainPattern('_' + text).matches.find((m) => m.replace(/-/g, '') !== plain);
    if (intended) other = intended;
  } else if (isDigit(last) || isLetter(last)) other = plain.slice(0, -1) + otherThan(last);
  const why = plain === '' ? 'only the empty name matches' : looksLikePattern(plain) ? `without a leading ${code('_')}, only the exact text ${code(plain)} matches` : isLetter(last) ? `only ${show(plain)} matches: names are case-sensitive` : `only ${show(plain)} itself matches`;
  const matches = plain !== text && /-/.test(text) ? [plain, text.replace(/ /g, '')] : [plain];
  return { summary, lengths: { min: plain.length, max: plain.length }, lengthText: lengthText(plain.length, plain.length), matches, nonMatch: { number: other, why }, notes };
}

function lengthText(min: number, max: number | null): string {
  if (max === null) return min === 0 ? 'any length, even none' : `${min} or more characters`;
  return min === max ? plural(min, 'character') : `${min} to ${max} characters`;
}

/** Explains an extension name as written in `exten =>` (`_NXXNXXXXXX`, `_**99.`, `101`, `s`). */
export function explainPattern(name: string): PatternExplanation {
  const parsed = parseExtensionName(name);
  if (parsed.type === 'Literal') return explainLiteral(parsed.text);
  const shape = readPattern(name, parsed.elements);
  const matches = examples(name, shape);
  const n = shape.positions.length;
  const lengths = shape.never !== null ? { min: 0, max: 0 } : { min: n + (shape.tail === '.' ? 1 : 0), max: shape.tail === null ? n : null };
  return {
    summary: summarize(shape),
    lengths,
    lengthText: shape.never !== null ? 'none: it matches nothing' : lengthText(lengths.min, lengths.max),
    matches,
    nonMatch: nonMatch(name, shape, matches[0]),
    notes: patternNotes(name, shape, matches[0]),
  };
}

// ------------------------------------------------------------------------------------------------ substrings

const SUBJECTS = new Map<string, string>(Object.entries({
  EXTEN: 'the dialed number',
  'CALLERID(NUM)': "the caller's number",
  'CALLERID(NUMBER)': "the caller's number",
  'CALLERID(NAME)': "the caller's name",
  'CALLERID(ANI)': "the caller's ANI",
  'CALLERID(DNID)': 'the number the caller dialed (DNID)',
  'CALLERID(RDNIS)': 'the redirecting number',
  CALLERIDNUM: "the caller's number",
}));

/** What `offset` and `length` keep of `subject`, in words. */
function describeCut(subject: string, offset: number, length: number | undefined): string {
  const chars = (n: number): string => plural(n, 'character');
  /** "first 2 characters", "last character". */
  const edge = (which: string, n: number): string => (n === 1 ? `${which} character` : `${which} ${chars(n)}`);
  if (length === 0) return 'nothing: a length of 0 keeps no character';
  if (length === undefined) {
    if (offset > 0) return `${subject} without its ${edge('first', offset)}`;
    if (offset < 0) return `the ${edge('last', -offset)} of ${subject}`;
    return `${subject}, whole`;
  }
  if (length > 0) {
    if (offset === 0) return `the ${edge('first', length)} of ${subject}`;
    if (offset > 0) return `${chars(length)} of ${subject}, starting at the ${ordinal(offset + 1)}`;
    return `${chars(length)} of ${subject}, starting ${ordinal(-offset)} from the end`;
  }
  if (offset === 0) return `${subject} without its ${edge('last', -length)}`;
  if (offset > 0) return `${subject} without its ${edge('first', offset)} and its ${edge('last', -length)}`;
  return `the ${edge('last', -offset)} of ${subject}, without the final ${length === -1 ? 'one' : -length}`;
}

/**
 * Explains `${EXTEN:4}`, `${EXTEN:-4}`, `${EXTEN:1:3}`, `${CALLERID(num):2}`... with an example when given one;
 * null when the text is not a substring expression. Reads offset and length as Asterisk's parse_variable_name.
 */
export function explainSubstring(expression: string, exampleNumber: string | null): string | null {
  const m = /^\$\{(.*)\}$/s.exec(expression.trim());
  if (!m) return null;
  const body = m[1];
  let depth = 0;
  let colon = -1;
  for (let i = 0; i < body.length && colon < 0; i++) {
    if (body[i] === '(') depth++;
    else if (body[i] === ')') depth--;
    else if (body[i] === ':' && depth === 0) colon = i;
  }
  if (colon <= 0 || body.includes('$')) return null;
  const variable = body.slice(0, colon).trim();
  const numbers = /^\s*([+-]?\d+)(?::\s*([+-]?\d+))?/.exec(body.slice(colon + 1));
  if (!numbers) return `${code(expression.trim())}: the offset is missing or not a number, so Asterisk reads it as 0 and keeps the whole value.`;
  const offset = parseInt(numbers[1], 10);
  const length = numbers[2] === undefined ? undefined : parseInt(numbers[2], 10);
  const subject = SUBJECTS.get(variable.toUpperCase().replace(/\s/g, '')) ?? `the value of ${code(variable)}`;
  let text = `${code(expression.trim())}: ${describeCut(subject, offset, length)}`;
  if (exampleNumber !== null) {
    const result = substring(exampleNumber, offset, length);
    text += ` — ${code(exampleNumber)} gives ${result === '' ? 'nothing (an empty string)' : code(result)}`;
  }
  return text + '.';
}
