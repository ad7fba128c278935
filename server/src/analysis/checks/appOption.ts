// dialplan-app-option: option letters an application does not read as written. The options are read as
// ast_app_parse_options reads them (main/app.c parse_options): one character after another, `(` after a character
// starting its value up to the matching `)`. So a letter the application's table lacks is logged ("Unrecognized
// option") and ignored; a letter written twice counts once (the last value wins); an option that needs a value
// and gets none runs with an empty one; a value given to a letter that takes none is dropped; a `(` never closed
// ends the parsing ("Missing closing parenthesis"), which makes most applications refuse the call. Playback looks
// for the words skip, say, mix and noanswer anywhere in its options and ignores the rest.
// The letters come from docs/applicationOptions.ts (each application's AST_APP_OPTIONS table); whether an
// option's value is required, from its documentation (docs/applications.ts).
import { applicationDoc } from '../../docs/applications';
import type { OptionDoc } from '../../docs/applications';
import { optionNotYetIn, optionTable } from '../../docs/applicationOptions';
import { optionChange, removedBy } from '../../docs/asteriskVersions';
import { separateArgs } from '../simulate/cstring';
import type { Dialplan, Priority } from '../../model/dialplan';
import type { Finding } from '../finding';
import { perLine } from './lineByLine';

export const code = 'dialplan-app-option';

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

const PLAYBACK_WORDS = ['noanswer', 'skip', 'say', 'mix'];

/** Where the application's option argument sits in the data, or null when it has none or it holds `${`. */
export function optionArgument(p: Priority, index: number): { text: string; offset: number } | null {
  const args = separateArgs(p.data, ',', false, index + 2);
  if (args.length <= index) return null;
  const text = args[index];
  if (text === '' || text.includes('$')) return null;
  let offset = 0;
  for (let k = 0; k < index; k++) offset += args[k].length + 1;
  return { text, offset };
}

function check(plan: Dialplan, p: Priority, out: Finding[]): void {
  const data = p.statement.application?.data;
  if (!data || !p.data) return;
  const exact = data.text === p.data && data.end - data.start === p.data.length;
  const report = (message: string, start: number, end: number): void => {
    out.push({ code, severity: 'warning', message, file: p.file, start: exact ? data.start + start : data.start, end: exact ? data.start + end : data.end, related: [] });
  };
  if (p.app.toLowerCase() === 'playback') {
    const arg = optionArgument(p, 1);
    if (!arg) return;
    let rest = arg.text.toLowerCase();
    for (const w of PLAYBACK_WORDS) rest = rest.split(w).join(' ');
    if (/[a-z0-9]/i.test(rest)) report(`Playback looks only for the words ${PLAYBACK_WORDS.join(', ')} in '${arg.text}': the rest ('${rest.trim().replace(/\s+/g, ' ')}') is ignored.`, arg.offset, arg.offset + arg.text.length);
    return;
  }
  const table = optionTable(p.app);
  if (!table) return;
  const arg = optionArgument(p, table.argument);
  if (!arg) return;
  // BackGround takes the whole words skip and noanswer before it reads letters
  if (table.app === 'BackGround' && /^(skip|noanswer)$/i.test(arg.text)) return;
  const docs = new Map<string, OptionDoc>((applicationDoc(table.app)?.params.find((x) => x.options)?.options ?? []).map((o) => [o.name, o]));
  const { options, unclosed } = parseOptions(arg.text);
  const seen = new Set<string>();
  for (const o of options) {
    const start = arg.offset + o.at;
    if (!table.letters.includes(o.letter)) {
      const other = o.letter.toLowerCase() === o.letter ? o.letter.toUpperCase() : o.letter.toLowerCase();
      const hint = table.letters.includes(other) ? ` (letters are case-sensitive: '${other}' ${docs.get(other)?.doc.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase()) ?? 'is an option'})` : '';
      report(`${table.app} has no option '${o.letter}'${hint}: Asterisk logs "Unrecognized option: '${o.letter}'" and ignores it. Its options: ${table.letters.split('').sort().join('')}.`, start, start + 1);
      continue;
    }
    if (removedBy(optionChange(table.app, o.letter), plan.version)) continue; // version-removed says it
    if (optionNotYetIn(table.app, o.letter, plan.version)) {
      report(`Asterisk ${plan.version} does not have the option '${o.letter}' of ${table.app} yet (its last release lacks it; Asterisk 20.20 has it): it logs "Unrecognized option: '${o.letter}'" and ignores it.`, start, start + 1);
      continue;
    }
    if (seen.has(o.letter)) report(`The option '${o.letter}' of ${table.app} is given twice: it counts once${o.value !== null ? ', with the last value' : ''}.`, start, arg.offset + o.end);
    seen.add(o.letter);
    const doc = docs.get(o.letter);
    if (o.value === null && doc?.args && !doc.args.startsWith('[')) {
      report(`The option '${o.letter}' of ${table.app} needs a value, ${o.letter}${doc.args}: without it the option runs with an empty one.`, start, start + 1);
    } else if (o.value !== null && !table.valued.includes(o.letter)) {
      report(`The option '${o.letter}' of ${table.app} takes no value: '(${o.value})' is dropped.`, start, arg.offset + o.end);
    }
  }
  if (unclosed !== null) {
    const start = arg.offset + unclosed - 1;
    report(`The '(' of the option '${arg.text[unclosed - 1]}' never closes: Asterisk stops reading the options ("Missing closing parenthesis"); Dial and VoiceMail then give up, other applications go on without the options that follow.`, start, arg.offset + arg.text.length);
  }
}

export const appOption = perLine(code, check);
