// dialplan-no-priority-one: an extension without priority 1 can never start a call; Asterisk skips it when
// matching (pbx_find_extension wants priority 1) and says nothing at load.
import type { DialplanCheck, Finding } from '../finding';
import { PRIORITY_HINT } from '../../model/dialplan';

export const code = 'dialplan-no-priority-one';

export const noPriorityOne: DialplanCheck = {
  code,
  scope: 'context',
  run(plan) {
    const out: Finding[] = [];
    for (const context of plan.contexts.values()) {
      for (const e of context.extensions) {
        // an extension with labels is entered by label (Gosub(stdexten,s,stdexten(...)) on `50000(stdexten)`)
        if (e.priorities.has(1) || e.labels.size > 0) continue;
        const numbers = [...e.priorities.keys()].filter((p) => p !== PRIORITY_HINT).sort((a, b) => a - b);
        if (numbers.length === 0) continue;
        const first = e.priorities.get(numbers[0])!;
        const st = first.statement.statement;
        out.push({
          code,
          severity: 'warning',
          message: `Extension '${e.name}' in '${context.name}' has no priority 1 (its lines start at priority ${numbers[0]}), so no call can ever start in it: Asterisk skips it and looks further.`,
          file: first.file,
          start: first.statement.priority?.start ?? st.start,
          end: first.statement.priority?.end ?? st.end,
          related: [],
        });
      }
    }
    return out;
  },
};
