// Walks the exten/same lines of every context in the order pbx_config reads them, with the line before.
import type { Dialplan } from '../../model/dialplan';
import { substituteGlobals } from '../../model/dialplan';
import type { ExtensionStatement } from '../../parser/dialplanParser';
import { parseExtensionStatement } from '../../parser/dialplanParser';

export interface DialplanLine {
  context: string;
  file: string;
  /** The extension this line belongs to (globals substituted; for `same`, the one before). */
  name: string;
  statement: ExtensionStatement;
}

export function lineByLine(plan: Dialplan, visit: (line: DialplanLine, previous: DialplanLine | null) => void): void {
  for (const context of plan.contexts.values()) {
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
        const line: DialplanLine = { context: context.name, file: v.file, name, statement };
        visit(line, previous);
        previous = line;
      }
    }
  }
}
