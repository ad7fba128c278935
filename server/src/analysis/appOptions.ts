// The options of an application as Asterisk reads them: one reading for the check dialplan-app-option, the hovers,
// the signature help and the completion, so that what the editor explains is what the check reports.
//
// Three readings. Most applications hand their option argument to ast_app_parse_options (main/app.c
// parse_options) with their AST_APP_OPTIONS table (docs/applicationOptions.ts): one character after another, a `(`
// after a character starting its value up to the matching `)`; a letter the table lacks is logged ("Unrecognized
// option") and ignored; a letter written twice counts once (the last value wins); an option that needs a value and
// gets none runs with an empty one; a value given to a letter that takes none is dropped; a `(` never closed ends
// the parsing ("Missing closing parenthesis"). A few look for single letters with strchr (Answer's `i`,
// ChanIsAvail's `a`, `s`, `t`) and say nothing about the others. Playback looks for the words skip, say, mix and
// noanswer anywhere in its options (strcasestr) and ignores the rest; Zapateller compares whole words.
// The letters come from docs/applicationOptions.ts; what each option does and whether its value is required, from
// its documentation (docs/applications.ts: `args` '(x)' is required, '[(x)]' optional).
import { APPLICATIONS } from '../docs/applications';
import type { AppDoc, OptionDoc } from '../docs/applications';
import type { OptionTable } from '../docs/applicationOptions';
import { optionNotYetIn, optionTable } from '../docs/applicationOptions';
import { argumentShape } from '../docs/argumentShape';
import { caseless } from '../docs/caseless';
import { separateArgs } from './simulate/cstring';
import { DEFAULT_VERSION, optionChange, removedBy } from '../docs/asteriskVersions';

export interface ParsedOption {
  letter: string;
  /** offset of the letter inside the option string */
  at: number;
  /** the text between the parentheses, or null when none follows */
  value: string | null;
  /** the end of the option (after its `)`) inside the option string */
  end: number;
}

/** The options as parse_options reads them; `unclosed` is the offset of a `(` that never closes. */
export function parseOptions(text: string): { options: ParsedOption[]; unclosed: number | null } {
  const options: ParsedOption[] = [];
  let i = 0;
  while (i < text.length) {
    const at = i++;
    if (text[i] !== '(') {
      options.push({ letter: text[at], at, value: null, end: i });
      continue;
    }
    let depth = 1;
    let j = i + 1;
    for (; j < text.length && depth > 0; j++) {
      if (text[j] === '\\') j++;
      else if (text[j] === '(') depth++;
      else if (text[j] === ')') depth--;
    }
    if (depth > 0) return { options, unclosed: i };
    options.push({ letter: text[at], at, value: text.slice(i + 1, j - 1), end: j });
    i = j;
  }
  return { options, unclosed: null };
}

export interface AppOptions {
  /** the application as Asterisk registers it */
  app: string;
  doc: AppDoc;
  /** which comma-separated argument holds the options, from 0 (ast_app_separate_args' split) */
  argument: number;
  /** the parameter that documents them, an index into `doc.params` */
  param: number;
  /** `table`: ast_app_parse_options; `letters`: single letters looked for with strchr; `words`: whole words */
  reading: 'table' | 'letters' | 'words';
  /** the AST_APP_OPTIONS table (reading `table`) */
  table: OptionTable | null;
  /** the documented options by letter or word, in the documentation's order */
  docs: ReadonlyMap<string, OptionDoc>;
}

function optionsOf(doc: AppDoc): AppOptions | null {
  const param = doc.params.findIndex((p) => p.options);
  if (param < 0) return null;
  const docs = new Map(doc.params[param].options!.map((o) => [o.name, o]));
  const table = optionTable(doc.name) ?? null;
  const argument = table?.argument ?? argumentShape(doc).parts.findIndex((group) => group?.some((x) => x.param === param));
  if (argument < 0) return null;
  const reading = table ? 'table' : [...docs.keys()].every((name) => name.length === 1) ? 'letters' : 'words';
  return { app: doc.name, doc, argument, param, reading, table, docs };
}

const BY_APP = caseless(
  APPLICATIONS.flatMap((doc) => {
    const o = optionsOf(doc);
    return o ? [[doc.name, o] as const] : [];
  }),
);

/** The options of an application (any case, as pbx_findapp looks names up); undefined when it documents none. */
export function appOptions(app: string): AppOptions | undefined {
  return BY_APP(app.trim());
}

/** What Asterisk does that the writer may not expect: the message of the check, on a part of the option text. */
export interface OptionProblem {
  message: string;
  start: number;
  end: number;
}

/** One option as the application reads it, with offsets inside the option argument. */
export interface OptionUse {
  /** the letter, or the word */
  name: string;
  start: number;
  /** after its value's `)`, or the end of the argument for a `(` that never closes */
  end: number;
  value: string | null;
  doc: OptionDoc | undefined;
  /** the application reads it (its table holds the letter, or it looks for it) */
  known: boolean;
  problems: OptionProblem[];
}

const PLAYBACK_WORDS = ['noanswer', 'skip', 'say', 'mix'];

/** The character that `letter` is in the other case, when the table holds that one. */
function otherCase(table: OptionTable, letter: string): string | null {
  const other = letter.toLowerCase() === letter ? letter.toUpperCase() : letter.toLowerCase();
  return other !== letter && table.letters.includes(other) ? other : null;
}

/**
 * The options of `text` (the application's option argument) in the order Asterisk reads them, each with what the
 * check says of it; the problems are left out where the text is built at run time (`${...}`), as the check does.
 */
export function readOptions(o: AppOptions, text: string, version = DEFAULT_VERSION): OptionUse[] {
  const dynamic = text.includes('$');
  const uses = o.reading === 'table' ? tableOptions(o, o.table!, text, version) : o.reading === 'letters' ? letterOptions(o, text) : wordOptions(o, text);
  if (!dynamic) return uses;
  // inside ${...} and $[...] nothing is an option
  const masked = substitutionSpans(text);
  return uses.filter((u) => !masked.some(([s, e]) => u.start >= s && u.start < e)).map((u) => ({ ...u, problems: [] }));
}

function tableOptions(o: AppOptions, table: OptionTable, text: string, version: number): OptionUse[] {
  // BackGround takes the whole words skip and noanswer before it reads letters
  if (table.app === 'BackGround' && /^(skip|noanswer)$/i.test(text)) return [];
  const docs = o.docs;
  const { options, unclosed } = parseOptions(text);
  const seen = new Set<string>();
  const uses = options.map((p): OptionUse => {
    const doc = docs.get(p.letter);
    const use: OptionUse = { name: p.letter, start: p.at, end: p.end, value: p.value, doc, known: table.letters.includes(p.letter), problems: [] };
    const problem = (message: string, end = p.at + 1): void => void use.problems.push({ message, start: p.at, end });
    if (!use.known) {
      const other = otherCase(table, p.letter);
      const hint = other ? ` (letters are case-sensitive: '${other}' ${docs.get(other)?.doc.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase()) ?? 'is an option'})` : '';
      problem(`${table.app} has no option '${p.letter}'${hint}: Asterisk logs "Unrecognized option: '${p.letter}'" and ignores it. Its options: ${table.letters.split('').sort().join('')}.`);
      return use;
    }
    if (removedBy(optionChange(table.app, p.letter), version)) return use; // version-removed says it
    if (optionNotYetIn(table.app, p.letter, version)) {
      problem(`Asterisk ${version} does not have the option '${p.letter}' of ${table.app} yet (its last release lacks it; Asterisk 20.20 has it): it logs "Unrecognized option: '${p.letter}'" and ignores it.`);
      return use;
    }
    if (seen.has(p.letter)) problem(`The option '${p.letter}' of ${table.app} is given twice: it counts once${p.value !== null ? ', with the last value' : ''}.`, p.end);
    seen.add(p.letter);
    if (p.value === null && doc?.args && !doc.args.startsWith('[')) {
      problem(`The option '${p.letter}' of ${table.app} needs a value, ${p.letter}${doc.args}: without it the option runs with an empty one.`);
    } else if (p.value !== null && !table.valued.includes(p.letter)) {
      problem(`The option '${p.letter}' of ${table.app} takes no value: '(${p.value})' is dropped.`, p.end);
    }
    return use;
  });
  if (unclosed !== null) {
    const letter = text[unclosed - 1];
    uses.push({
      name: letter,
      start: unclosed - 1,
      end: text.length,
      value: null,
      doc: docs.get(letter),
      known: table.letters.includes(letter),
      problems: [
        {
          message: `The '(' of the option '${letter}' never closes: Asterisk stops reading the options ("Missing closing parenthesis"); Dial and VoiceMail then give up, other applications go on without the options that follow.`,
          start: unclosed - 1,
          end: text.length,
        },
      ],
    });
  }
  return uses;
}

function letterOptions(o: AppOptions, text: string): OptionUse[] {
  return [...text].map((letter, at) => {
    const doc = o.docs.get(letter);
    return { name: letter, start: at, end: at + 1, value: null, doc, known: doc !== undefined, problems: [] };
  });
}

function wordOptions(o: AppOptions, text: string): OptionUse[] {
  const uses: OptionUse[] = [];
  const lower = text.toLowerCase();
  const playback = o.app === 'Playback';
  // Playback finds each word anywhere (strcasestr); the others compare the whole argument
  for (const d of o.docs.values()) {
    const word = d.name.toLowerCase();
    if (!playback) {
      if (lower.trim() === word) uses.push({ name: d.name, start: lower.indexOf(word), end: lower.indexOf(word) + word.length, value: null, doc: d, known: true, problems: [] });
      continue;
    }
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) {
      uses.push({ name: d.name, start: at, end: at + word.length, value: null, doc: d, known: true, problems: [] });
    }
  }
  uses.sort((a, b) => a.start - b.start);
  if (!playback) return uses;
  let rest = lower;
  for (const w of PLAYBACK_WORDS) rest = rest.split(w).join(' ');
  if (/[a-z0-9]/i.test(rest)) {
    const message = `Playback looks only for the words ${PLAYBACK_WORDS.join(', ')} in '${text}': the rest ('${rest.trim().replace(/\s+/g, ' ')}') is ignored.`;
    uses.push({ name: text, start: 0, end: text.length, value: null, doc: undefined, known: false, problems: [{ message, start: 0, end: text.length }] });
  }
  return uses;
}

/** The `${...}` and `$[...]` spans of a text, outermost only. */
function substitutionSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '$' && (text[i + 1] === '{' || text[i + 1] === '[')) {
      if (depth++ === 0) start = i;
      i++;
    } else if ((text[i] === '}' || text[i] === ']') && depth > 0 && --depth === 0) spans.push([start, i + 1]);
  }
  if (depth > 0) spans.push([start, text.length]);
  return spans;
}

/** The comma-separated arguments of an application's data, as ast_app_separate_args splits them, with offsets. */
export function argumentSpans(data: string): { text: string; start: number }[] {
  let start = 0;
  return separateArgs(data, ',', false).map((text) => {
    const span = { text, start };
    start += text.length + 1;
    return span;
  });
}

/** The option argument of an application's data (null when the data stops before it). */
export function optionArgument(o: AppOptions, data: string): { text: string; start: number } | null {
  const args = separateArgs(data, ',', false, o.argument + 2);
  if (args.length <= o.argument) return null;
  let start = 0;
  for (let k = 0; k < o.argument; k++) start += args[k].length + 1;
  return { text: args[o.argument], start };
}

/**
 * The option at an offset of an application's data (offsets in the result are in the data), if any: the one whose
 * characters hold it, or for a cursor (`cursor`), also the one it stands right after.
 */
export function optionAt(app: string, data: string, offset: number, cursor = false): { options: AppOptions; use: OptionUse; start: number; end: number } | null {
  const o = appOptions(app);
  if (!o) return null;
  const arg = optionArgument(o, data);
  if (!arg || offset < arg.start || offset > arg.start + arg.text.length) return null;
  const at = offset - arg.start;
  const uses = readOptions(o, arg.text);
  const use = uses.find((u) => at >= u.start && at < u.end) ?? (cursor ? uses.find((u) => at === u.end) : undefined);
  return use ? { options: o, use, start: arg.start + use.start, end: arg.start + use.end } : null;
}
