// The text of the Macro-to-Gosub conversion (rules.ts says what changes): each call becomes
// Gosub(macro-NAME,s,1(arguments)), each MacroExit Return(), each ${MACRO_EXTEN}, ${MACRO_CONTEXT} and
// ${MACRO_PRIORITY} ${STACK_PEEK(1,e)}, ${STACK_PEEK(1,c)} and ${STACK_PEEK(1,p)}, and a Return() line goes after the
// last line of each extension of the macro's context whose priorities can run out.
import type { Dialplan, Priority } from '../../model/dialplan';
import { parseExtensionStatement } from '../../parser/dialplanParser';
import type { TextEdit } from '../finding';
import { at, lineOf } from './facts';
import type { Conversion } from './rules';

export function conversionEdits(plan: Dialplan, c: Conversion): TextEdit[] | { refused: string } {
  const edits: TextEdit[] = [];
  for (const { p, args } of c.calls) {
    const app = p.statement.application!;
    edits.push({
      file: p.file,
      start: app.start,
      end: app.end,
      text: `Gosub(macro-${c.name},s,1${args === null || args === '' ? '' : `(${args})`})`,
    });
  }
  for (const p of c.exits) {
    const app = p.statement.application!;
    edits.push({
      file: p.file,
      start: app.start,
      end: app.end,
      text: 'Return()',
    });
  }
  edits.push(...c.peeks);
  for (const last of c.ends) {
    const edit = returnAfter(plan, c, last);
    if ('refused' in edit) return edit;
    edits.push(edit);
  }
  return edits;
}

/** A `Return()` line after the line that registered an extension's last priority. */
function returnAfter(plan: Dialplan, c: Conversion, last: Priority): TextEdit | { refused: string } {
  const where = at(lineOf(last));
  const doc = plan.config.documents.get(last.file);
  const a = last.statement.statement;
  if (!doc) return { refused: `the file of ${where} is not read` };
  // pbx_config numbers `n` (and `s`) from the line before in the category: nothing may follow that depends on it
  const category = c.context.categories.find((k) => k.variables.some((v) => v.assignment === a));
  const variables = category?.variables ?? [];
  for (let i = variables.findIndex((v) => v.assignment === a) + 1; i < variables.length; i++) {
    const key = variables[i].assignment.key.text.toLowerCase();
    const kind = key === 'exten' ? 'exten' : key.startsWith('same') ? 'same' : null;
    if (kind === null) continue;
    const pri = parseExtensionStatement(variables[i].assignment, kind).priority;
    if (pri !== null && (pri.kind === 'next' || pri.kind === 'same'))
      return {
        refused: `the line after ${where} numbers its priority from it ('${pri.value.text}'), so no Return() line can go between them`,
      };
    break;
  }
  const line = a.line;
  const own = last.statement.priority;
  const text =
    last.statement.kind === 'exten' && last.statement.extension !== null
      ? `exten => ${last.statement.extension.text},${own?.kind === 'number' ? String(last.priority + 1) : 'n'},Return()`
      : `${a.start > doc.lineStarts[line] ? ' ' : ''}same => n,Return()`;
  if (line + 1 < doc.lineStarts.length) {
    if (doc.commentAtLine[line + 1] !== 0) return { refused: `a block comment follows ${where}` };
    return {
      file: last.file,
      start: doc.lineStarts[line + 1],
      end: doc.lineStarts[line + 1],
      text: `${text}\n`,
    };
  }
  return {
    file: last.file,
    start: doc.length,
    end: doc.length,
    text: `\n${text}`,
  };
}
