// dialplan-missing-underscore: without a leading `_`, an extension name is literal: `exten => **99.,1,...` only
// matches someone dialing the five characters `**99.`.
import type { DialplanCheck, Finding } from '../finding';
import { extensionStarts } from './lineByLine';

export const code = 'dialplan-missing-underscore';

/** Only pattern characters, and at least one that means something in a pattern. */
export function looksLikePattern(name: string): boolean {
  return !name.startsWith('_') && /^[0-9*#+XNZ.![\]-]+$/.test(name) && /[XNZ.![]/.test(name);
}

export const missingUnderscore: DialplanCheck = {
  code,
  scope: 'context',
  run(plan) {
    const out: Finding[] = [];
    extensionStarts(plan, (line, ext) => {
      if (!looksLikePattern(ext.text.replace(/ /g, ''))) return;
      out.push({
        code,
        severity: 'warning',
        message: `'${ext.text}' has no leading '_', so Asterisk takes it literally: it matches only someone dialing exactly '${ext.text}'. Write '_${ext.text}' for a pattern.`,
        file: line.file,
        start: ext.start,
        end: ext.end,
        related: [],
        fixes: [{ title: `Make it a pattern: _${ext.text}`, edits: [{ file: line.file, start: ext.start, end: ext.start, text: '_' }] }],
      });
    });
    return out;
  },
};
