// dialplan-app-arguments: arguments written the Asterisk 1.4 way, separated by `|`. Since Asterisk 1.6,
// ast_app_separate_args (main/app.c) splits on `,` only, so `Dial(SIP/100|20|tT)` hands Dial a single argument,
// the device "SIP/100|20|tT". Flagged for applications that take several comma-separated arguments, when the data
// has a `|` and no `,` where ast_app_separate_args would split (outside parentheses, brackets and quotes); the
// quick fix writes commas.
// (Argument counts and the grammars of Dial, Gosub and Set are not checked yet: issue 14.)
import { applicationDoc } from '../../docs/applications';
import { separateArgs } from '../simulate/cstring';
import type { Priority } from '../../model/dialplan';
import type { Finding } from '../finding';
import { perLine } from './lineByLine';

export const code = 'dialplan-app-arguments';

/** Applications whose documented call form separates several arguments with commas. */
function takesSeveral(app: string): boolean {
  const doc = applicationDoc(app);
  return doc !== undefined && doc.params.length >= 2 && doc.syntax.includes(',');
}

function check(p: Priority, out: Finding[]): void {
  const data = p.statement.application?.data;
  if (!data || !p.data.includes('|') || !takesSeveral(p.app)) return;
  // split as ast_app_separate_args splits (outside parentheses, brackets and quotes), raw: the pieces rejoin exactly
  const pieces = separateArgs(p.data, '|', false);
  if (pieces.length < 2 || separateArgs(p.data, ',', false, 2).length > 1) return;
  const exact = data.text === p.data && data.end - data.start === p.data.length;
  const fixed = pieces.join(',');
  out.push({
    code,
    severity: 'warning',
    message: `'|' separates nothing since Asterisk 1.6 (arguments are separated by ','): ${p.app} gets one argument, '${p.data}'. Write ${p.app}(${fixed}).`,
    file: p.file,
    start: data.start,
    end: data.end,
    related: [],
    ...(exact ? { fixes: [{ title: `Separate with commas: ${p.app}(${fixed})`, edits: [{ file: p.file, start: data.start, end: data.end, text: fixed }] }] } : {}),
  });
}

export const appArguments = perLine(code, (_plan, p, out) => check(p, out));
