// dialplan-next-after-hint: after `exten => 100,hint,...`, a line with `n` gets priority -1 + 1 = 0, which
// pbx_config drops without a warning.
import type { DialplanCheck, Finding } from '../finding';

export const code = 'dialplan-next-after-hint';

export const nextAfterHint: DialplanCheck = {
  code,
  scope: 'context',
  run(plan) {
    return plan.dropped
      .filter((d) => d.reason === 'next-after-hint')
      .map((d): Finding => {
        const pri = d.statement.priority!;
        return {
          code,
          severity: 'warning',
          message: `'${pri.value.text}' right after a hint gives priority 0, and Asterisk drops this line without a warning. Write 1 (a hint is not a priority).`,
          file: d.file,
          start: pri.value.start,
          end: pri.value.end,
          related: [],
          fixes: [{ title: 'Use priority 1', edits: [{ file: d.file, start: pri.value.start, end: pri.value.end, text: '1' }] }],
        };
      });
  },
};
