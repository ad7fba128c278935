// dialplan-app-arguments: arguments written the Asterisk 1.4 way, separated by `|`. Since Asterisk 1.6,
// ast_app_separate_args (main/app.c) splits on `,` only, so `Dial(SIP/100|20|tT)` hands Dial a single argument,
// the device "SIP/100|20|tT". Flagged for applications that take several comma-separated arguments, when the data
// has a `|` and no `,` outside parentheses, brackets, quotes and substitutions; the quick fix writes commas.
// (Argument counts and the grammars of Dial, Gosub and Set are not checked yet: issue 14.)
import { applicationDoc } from '../../docs/applications';
import type { Priority } from '../../model/dialplan';
import type { Finding } from '../finding';
import { perLine } from './lineByLine';

export const code = 'dialplan-app-arguments';

/** Offsets of the `|` and `,` a split would see: outside (), [], quotes, ${...} and $[...], not escaped. */
export function topLevel(data: string): { bars: number[]; commas: number } {
  const bars: number[] = [];
  let commas = 0;
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if (depth === 0 && c === '|') bars.push(i);
    else if (depth === 0 && c === ',') commas++;
  }
  return { bars, commas };
}

/** Applications whose documented call form separates several arguments with commas. */
function takesSeveral(app: string): boolean {
  const doc = applicationDoc(app);
  return doc !== undefined && doc.params.length >= 2 && doc.syntax.includes(',');
}

function check(p: Priority, out: Finding[]): void {
  const data = p.statement.application?.data;
  if (!data || !p.data.includes('|') || !takesSeveral(p.app)) return;
  const { bars, commas } = topLevel(p.data);
  if (bars.length === 0 || commas > 0) return;
  const exact = data.text === p.data && data.end - data.start === p.data.length;
  const fixed = p.data.split('').map((c, i) => (bars.includes(i) ? ',' : c)).join('');
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
