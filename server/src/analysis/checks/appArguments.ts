// dialplan-app-arguments: an application's data that the application will not read as the writer meant.
// - Arguments separated the Asterisk 1.4 way, by `|`: since 1.6 ast_app_separate_args (main/app.c) splits on `,`
//   only, so `Dial(SIP/100|20|tT)` hands Dial one argument, the device "SIP/100|20|tT". Quick fix: commas.
// - Too many arguments: ast_app_separate_args gives the last one the rest of the data, commas included, so
//   `Playback(hello,noanswer,x)` has the options "noanswer,x". The bounds come from the documented call form
//   (docs/argumentShape.ts); applications whose last argument is free text (Verbose, NoOp, Set...) have none.
// - Too few: a required argument missing (`Dial()`, `Wait()`); only when the data has nothing to substitute.
// - The grammar of Dial's device list, Gosub's place and arguments, Set's `name=value` and GotoIf's branches
//   (appGrammar.ts).
import { applicationDoc } from '../../docs/applications';
import type { AppDoc } from '../../docs/applications';
import { argumentShape } from '../../docs/argumentShape';
import { countArgs, separateArgs } from '../simulate/cstring';
import type { Priority } from '../../model/dialplan';
import type { Finding } from '../finding';
import { dataPlaces, perLine } from './lineByLine';
import type { Malformed } from './appGrammar';
import { dialDevices, gosubTarget, gotoIfBranches, setAssignment } from './appGrammar';

export const code = 'dialplan-app-arguments';

/** By the name the documentation gives. */
const GRAMMARS = new Map<string, (data: string) => Malformed[]>([
  ['Dial', dialDevices],
  ['Gosub', gosubTarget],
  ['Set', setAssignment],
  ['GotoIf', gotoIfBranches],
]);

/** Their empty data is dialplan-app-condition's. */
const CONDITIONS_SAID = new Set(['GotoIf', 'GosubIf']);

const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

function check(p: Priority, out: Finding[]): void {
  const doc = applicationDoc(p.app);
  if (!doc) return; // dialplan-app-unknown
  // where a finding stands, worked out only for a line that has one (most have none)
  const span = (start: number, end: number): { start: number; end: number } => {
    const name = p.statement.application?.name;
    // empty data (`Dial()`): the finding stands on the application's name
    return p.data === '' && name ? { start: name.start, end: name.end } : dataPlaces(p).at(start, end);
  };
  const finding = (message: string, start: number, end: number, fixes?: Finding['fixes']): void => {
    out.push({ code, severity: 'warning', message, file: p.file, ...span(start, end), related: [], ...(fixes ? { fixes } : {}) });
  };
  if (pipes(p, doc, finding)) return;
  counts(p, doc, finding);
  const grammar = GRAMMARS.get(doc.name);
  if (grammar) for (const m of grammar(p.data)) finding(m.message, m.start, m.end);
}

type Report = (message: string, start: number, end: number, fixes?: Finding['fixes']) => void;

/** `Dial(SIP/100|20|tT)`: arguments separated by `|` where the application takes several. */
function pipes(p: Priority, doc: AppDoc, report: Report): boolean {
  if (!p.data.includes('|') || doc.params.length < 2 || !doc.syntax.includes(',')) return false;
  // split as ast_app_separate_args would (outside parentheses, brackets and quotes), raw: the pieces rejoin exactly
  const pieces = separateArgs(p.data, '|', false);
  if (pieces.length < 2 || separateArgs(p.data, ',', false, 2).length > 1) return false;
  const fixed = pieces.join(',');
  const data = p.statement.application!.data!;
  const exact = dataPlaces(p).exact;
  report(
    `'|' separates nothing since Asterisk 1.6 (arguments are separated by ','): ${p.app} gets one argument, '${p.data}'. Write ${p.app}(${fixed}).`,
    0,
    p.data.length,
    exact ? [{ title: `Separate with commas: ${p.app}(${fixed})`, edits: [{ file: p.file, start: data.start, end: data.end, text: fixed }] }] : undefined,
  );
  return true;
}

function counts(p: Priority, doc: AppDoc, report: Report): void {
  const shape = argumentShape(doc);
  const given = countArgs(p.data, ',');
  if (given > shape.max) {
    // what the last argument gets, and where the extra ones start (after the max-th comma)
    const kept = separateArgs(p.data, ',', false, shape.max);
    const last = kept[kept.length - 1] ?? '';
    const extra = separateArgs(p.data, ',', false, shape.max + 1);
    const start = p.data.length - (extra[extra.length - 1] ?? '').length;
    const name = shape.names[shape.max - 1] ?? 'its last argument';
    report(
      shape.max === 0
        ? `${doc.name} takes no argument: '${p.data}' is ignored.`
        : `${doc.name} takes at most ${plural(shape.max, 'argument')} (${shape.names.join(', ')}); here ${given}. Asterisk hands the rest, '${last}', to ${name} as one text.`,
      shape.max === 0 ? 0 : start,
      p.data.length,
    );
  } else if (given < shape.min && !p.data.includes('$') && !CONDITIONS_SAID.has(doc.name)) {
    const missing = shape.names.slice(given, shape.min).join(', ');
    report(`${doc.name} needs at least ${plural(shape.min, 'argument')} (${shape.names.slice(0, shape.min).join(', ')}); ${given === 0 ? 'it has none' : `here ${given}`}, so ${missing} is missing: Asterisk logs a warning and ${doc.name} does not do its job.`, 0, p.data.length);
  }
}

export const appArguments = perLine(code, (_plan, p, out) => check(p, out));
