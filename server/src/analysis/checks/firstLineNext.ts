// dialplan-first-line-next: `exten => 300,n,...` right after another extension's lines continues that
// extension's numbering (pbx_config keeps the last priority across extensions of a context), so 300 starts at
// priority 2 or later and has no priority 1.
import type { DialplanCheck, Finding } from '../finding';
import { PRIORITY_HINT, registeredLine } from '../../model/dialplan';
import { lineByLine } from './lineByLine';

export const code = 'dialplan-first-line-next';

export const firstLineNext: DialplanCheck = {
  code,
  scope: 'context',
  run(plan) {
    const out: Finding[] = [];
    lineByLine(plan, (line, previous) => {
      const pri = line.statement.priority;
      if (line.statement.kind !== 'exten' || pri === null || (pri.kind !== 'next' && pri.kind !== 'same')) return;
      if (previous === null || previous.name === line.name) return;
      const registered = registeredLine(plan, line.statement.statement);
      const got = registered?.priority.priority;
      if (got === undefined || got === 1 || got === PRIORITY_HINT) return;
      out.push({
        code,
        severity: 'warning',
        message: `'${pri.value.text}' continues from the line before (extension '${previous.name}'), so '${line.name}' starts at priority ${got}, not 1: no call can start in it. Write 1 for the first line of an extension.`,
        file: line.file,
        start: pri.value.start,
        end: pri.value.end,
        related: [{ file: previous.file, start: previous.statement.statement.start, end: previous.statement.statement.end, message: 'the line it continues from' }],
        fixes: [{ title: 'Start this extension at priority 1', edits: [{ file: line.file, start: pri.value.start, end: pri.value.end, text: '1' }] }],
      });
    });
    return out;
  },
};
