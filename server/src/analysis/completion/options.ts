// Completion of an application's options, read as the application reads them (analysis/appOptions.ts): the
// documented letters not written yet in the option argument (before or after the cursor), none inside an option's
// value; a letter whose value is required comes with its parentheses. Playback's and Zapateller's words.
import type { OptionDoc } from '../../docs/applications';
import { firstSentence, optionSyntax } from '../../docs/markdown';
import type { AppOptions } from '../appOptions';
import { parseOptions, readOptions } from '../appOptions';
import type { Suggestion } from './complete';

/** The options to offer at the end of `typed` (the option argument up to the cursor); `rest` is the argument after it. */
export function optionSuggestions(o: AppOptions, typed: string, rest: string): Suggestion[] {
  if (insideSubstitution(typed)) return [];
  const written = new Set(readOptions(o, typed + rest).filter((u) => u.known && u.doc).map((u) => u.name));
  const suggest = (d: OptionDoc, replace: number): Suggestion => ({
    label: d.name,
    kind: 'option',
    detail: `${optionSyntax(d)} — ${firstSentence(d.doc)}`,
    documentation: `**${optionSyntax(d)}** — option of ${o.app}\n\n${d.doc}`,
    ...(d.args && !d.args.startsWith('[') ? { snippet: `${d.name}(\${1})` } : {}),
    replace,
  });
  if (o.reading === 'words') {
    const word = /[A-Za-z]*$/.exec(typed)![0];
    // Playback finds its words anywhere in the argument; Zapateller compares the whole argument
    if (o.app !== 'Playback' && typed.trim() !== word) return [];
    return [...o.docs.values()].filter((d) => !written.has(d.name)).map((d) => suggest(d, word.length));
  }
  // inside an option's value: no letter goes there
  if (o.reading === 'table' && parseOptions(typed).unclosed !== null) return [];
  return [...o.docs.values()].filter((d) => !written.has(d.name)).map((d) => suggest(d, 0));
}

/** Is the end of the text inside `${...}` or `$[...]`? */
function insideSubstitution(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '$' && (text[i + 1] === '{' || text[i + 1] === '[')) {
      depth++;
      i++;
    } else if ((text[i] === '}' || text[i] === ']') && depth > 0) depth--;
  }
  return depth > 0;
}
