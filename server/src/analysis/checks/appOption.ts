// dialplan-app-option: option letters an application does not read as written. The options are read as
// ast_app_parse_options reads them (main/app.c parse_options): one character after another, `(` after a character
// starting its value up to the matching `)`. So a letter the application's table lacks is logged ("Unrecognized
// option") and ignored; a letter written twice counts once (the last value wins); an option that needs a value
// and gets none runs with an empty one; a value given to a letter that takes none is dropped; a `(` never closed
// ends the parsing ("Missing closing parenthesis"), which makes most applications refuse the call. Playback looks
// for the words skip, say, mix and noanswer anywhere in its options and ignores the rest.
// The reading is analysis/appOptions.ts, which the hovers, the signature help and the completion share.
import type { Dialplan, Priority } from '../../model/dialplan';
import type { Finding } from '../finding';
import { appOptions, optionArgument, readOptions } from '../appOptions';
import { dataPlaces, perLine } from './lineByLine';

export { parseOptions } from '../appOptions';
export type { ParsedOption } from '../appOptions';

export const code = 'dialplan-app-option';

function check(plan: Dialplan, p: Priority, out: Finding[]): void {
  if (!p.data) return;
  const options = appOptions(p.app);
  if (!options || !p.statement.application?.data) return;
  const arg = optionArgument(options, p.data);
  if (!arg || arg.text === '' || arg.text.includes('$')) return;
  const places = dataPlaces(p);
  for (const use of readOptions(options, arg.text, plan.version)) {
    for (const problem of use.problems) {
      out.push({ code, severity: 'warning', message: problem.message, file: p.file, ...places.at(arg.start + problem.start, arg.start + problem.end), related: [] });
    }
  }
}

export const appOption = perLine(code, check);
