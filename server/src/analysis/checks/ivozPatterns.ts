// ivoz-pattern-portability, ivoz-pattern-unanchored: IvozProvider matches friend patterns as regular expressions.
// `\d` is a digit for PCRE but the letter d for MySQL's REGEXP before 8.0; and an expression without `^...$`
// matches any number that merely contains what it describes.
import type { Finding, TrunkCheck } from '../finding';
import { sampleMatch } from '../trunks/friendPatterns';

export const code = 'ivoz-pattern-unanchored';
export const portabilityCode = 'ivoz-pattern-portability';

export const ivozPatterns: TrunkCheck = {
  code,
  channelsOnly: true,
  run({ pbxs }) {
    const out: Finding[] = [];
    for (const pbx of pbxs) {
      for (const f of pbx.company?.friends ?? []) {
        for (const p of f.patterns) {
          if (typeof p.regex === 'string') continue;
          if (/\\[dDwWsSb]/.test(p.text)) {
            out.push({ code: portabilityCode, severity: 'warning', message: `'${p.text}' uses a backslash class (\\d...): PCRE reads \\d as a digit, MySQL's REGEXP (before 8.0) as the letter d, so this pattern matches differently depending on where IvozProvider evaluates it. Write [0-9].`, ...p.at, related: [] });
          }
          const start = p.text.startsWith('^');
          const end = p.text.endsWith('$') && !p.text.endsWith('\\$');
          if (start && end) continue;
          const sample = sampleMatch(p.regex);
          const wider = sample === null ? null : `${start ? '' : '9'}${sample}${end ? '' : '9'}`;
          const example = wider !== null && p.regex.test(wider) ? ` For example it matches ${wider}, because ${sample} is inside it.` : '';
          out.push({
            code,
            severity: 'warning',
            message: `'${p.text}' is not anchored (${!start && !end ? 'no ^ and no $' : !start ? 'no ^' : 'no $'}): it matches every number that merely contains what it describes, so calls meant for other destinations go to friend '${f.name}'.${example} Write '${start ? '' : '^'}${p.text}${end ? '' : '$'}'.`,
            ...p.at,
            related: [],
            fixes: [{ title: 'Anchor the pattern', edits: [{ file: p.at.file, start: p.at.start, end: p.at.end, text: `${start ? '' : '^'}${p.text}${end ? '' : '$'}` }] }],
          });
        }
      }
    }
    return out;
  },
};
