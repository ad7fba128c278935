// dialplan-empty-pattern: a pattern that can match no number at all, because a set in it holds nothing
// (`[5-1]`, a reversed range) or ends it with nothing after (`_1[]`). Asterisk loads it without a word.
import type { DialplanCheck, Finding } from '../finding';
import { isCovered } from '../patternCoverage';

export const code = 'dialplan-empty-pattern';

const empty = new Map<string, boolean>();

/** No number matches it (an unclosed `[` is reported as dialplan-unclosed-bracket instead). Decided once per name. */
export function matchesNothing(exten: string): boolean {
  if (!exten.startsWith('_')) return false;
  let answer = empty.get(exten);
  if (answer === undefined) {
    if (empty.size > 50_000) empty.clear();
    answer = isCovered(exten, []) === 'yes';
    empty.set(exten, answer);
  }
  return answer;
}

export const emptyPattern: DialplanCheck = {
  code,
  scope: 'context',
  run(plan) {
    const out: Finding[] = [];
    for (const context of plan.contexts.values()) {
      for (const e of context.extensions) {
        if (!matchesNothing(e.exten)) continue;
        const p = e.priorities.get(1) ?? e.first;
        const ext = p.statement.extension;
        const reversed = /\[([^\]])-([^\]])\]/.exec(e.exten);
        const why = reversed && reversed[1] > reversed[2] ? `the range '${reversed[1]}-${reversed[2]}' runs backwards, so its set holds nothing` : 'one of its sets holds nothing';
        out.push({ code, severity: 'warning', message: `'${e.name}' in '${context.name}' can match no number: ${why}.`, file: p.file, start: ext?.start ?? p.statement.statement.start, end: ext?.end ?? p.statement.statement.end, related: [] });
      }
    }
    return out;
  },
};
