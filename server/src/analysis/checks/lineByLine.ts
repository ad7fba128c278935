// Walks the exten/same lines of every context in the order pbx_config reads them, with the line before.
import type { Context, Dialplan, Priority } from '../../model/dialplan';
import { PRIORITY_HINT, substituteGlobals } from '../../model/dialplan';
import type { DialplanCheck, Finding } from '../finding';
import type { Span } from '../../parser/ast';
import type { ExtensionStatement } from '../../parser/dialplanParser';
import { parseExtensionStatement } from '../../parser/dialplanParser';

export interface DialplanLine {
  context: string;
  file: string;
  /** The extension this line belongs to (globals substituted; for `same`, the one before). */
  name: string;
  statement: ExtensionStatement;
  /** The line before in its category (null at the start of a category). */
  previous: DialplanLine | null;
}

/** An `exten =>` or `same =>` line's key (any case; `same` as pbx_config.c compares it, by its start). */
export function isLineKey(key: string): boolean {
  const k = key.toLowerCase();
  return k === 'exten' || k.startsWith('same');
}

/**
 * A context's lines, worked out each time they are walked and never kept (one object per line would stay for the
 * dialplan's lifetime; the per-context findings are what is kept, analysis/findings.ts).
 */

function contextLines(plan: Dialplan, context: Context): DialplanLine[] {
  const lines: DialplanLine[] = [];
  for (const category of context.categories) {
    let previous: DialplanLine | null = null;
    for (const v of category.variables) {
      const key = v.assignment.key.text.toLowerCase();
      const kind = key === 'exten' ? 'exten' : key.startsWith('same') ? 'same' : null;
      if (kind === null) continue;
      const statement = parseExtensionStatement(v.assignment, kind);
      let name: string;
      if (kind === 'exten') name = substituteGlobals(statement.extension?.text ?? '', plan.globals);
      else if (previous !== null) name = previous.name;
      else continue;
      const line: DialplanLine = { context: context.name, file: v.file, name, statement, previous };
      lines.push(line);
      previous = line;
    }
  }
  return lines;
}

export function lineByLine(plan: Dialplan, visit: (line: DialplanLine, previous: DialplanLine | null) => void): void {
  for (const context of plan.contexts.values()) for (const line of contextLines(plan, context)) visit(line, line.previous);
}

/** The `exten` line that starts each extension (the lines after it with the same name are skipped). */
export function extensionStarts(plan: Dialplan, visit: (line: DialplanLine, extension: Span) => void): void {
  lineByLine(plan, (line, previous) => {
    const ext = line.statement.extension;
    if (line.statement.kind !== 'exten' || ext === null || (previous !== null && previous.name === line.name)) return;
    visit(line, ext);
  });
}

/**
 * A check that looks at each registered line of a context on its own (hints aside): `find` pushes what it finds in
 * one line. A template's line is seen in each context that inherits it; findings.ts keeps one finding per place.
 */
export function perLine(code: string, find: (plan: Dialplan, p: Priority, out: Finding[]) => void): DialplanCheck {
  return {
    code,
    scope: 'context',
    eachLine: find,
    run(plan) {
      const out: Finding[] = [];
      for (const context of plan.contexts.values()) {
        for (const e of context.extensions) for (const p of e.priorities.values()) if (p.priority !== PRIORITY_HINT) find(plan, p, out);
      }
      return out;
    },
  };
}

/** Where a piece of a line's application data is in the file. */
export interface DataPlaces {
  /** the data is written as the application reads it (no escape or comment in between): offsets inside it hold */
  exact: boolean;
  /** offsets inside the data to offsets in the file; when not `exact`, the whole data (the application's name when it has none) */
  at(start: number, end: number): { start: number; end: number };
}

export function dataPlaces(p: Priority): DataPlaces {
  const app = p.statement.application;
  const data = app?.data;
  if (!data) {
    const whole = app ? app.name : p.statement.statement;
    return { exact: false, at: () => ({ start: whole.start, end: whole.end }) };
  }
  const exact = data.text === p.data && data.end - data.start === p.data.length;
  return { exact, at: (start, end) => (exact ? { start: data.start + start, end: data.start + end } : { start: data.start, end: data.end }) };
}
