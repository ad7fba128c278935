// dialplan-lowercase-wildcard: in a pattern, x, n and z are wildcards in either case, so `_stdexten-.` does not
// match `stdexten-NOANSWER` (its x is any digit, its n a digit 2-9). Flags a lower-case x, n or z next to a
// letter; the fix puts each in a set: `_stde[x]te[n]-.`.
import type { DialplanCheck, Finding } from '../finding';
import { extensionStarts } from './lineByLine';

export const code = 'dialplan-lowercase-wildcard';

/** Offsets (in the name) of lower-case x/n/z that stand inside a word. */
export function wildcardsInWords(name: string): number[] {
  if (!name.startsWith('_')) return [];
  const out: number[] = [];
  let inSet = false;
  const isLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c) && !/[xnzXNZ]/.test(c);
  for (let i = 1; i < name.length; i++) {
    const c = name[i];
    if (c === '[') inSet = true;
    else if (c === ']') inSet = false;
    else if (c === '.' || c === '!') break;
    else if (!inSet && (c === 'x' || c === 'n' || c === 'z') && (isLetter(name[i - 1]) || isLetter(name[i + 1]))) out.push(i);
  }
  return out;
}

export const lowercaseWildcard: DialplanCheck = {
  code,
  scope: 'context',
  run(plan) {
    const out: Finding[] = [];
    extensionStarts(plan, (line, ext) => {
      const at = wildcardsInWords(ext.text);
      if (at.length === 0 || ext.end - ext.start !== ext.text.length) return;
      const letters = at.map((i) => ext.text[i]);
      let fixed = '';
      for (let i = 0; i < ext.text.length; i++) fixed += at.includes(i) ? `[${ext.text[i]}]` : ext.text[i];
      out.push({
        code,
        severity: 'warning',
        message: `In a pattern, ${[...new Set(letters)].map((l) => `'${l}'`).join(' and ')} ${letters.length > 1 ? 'are wildcards' : 'is a wildcard'} whatever the case (x: any digit, n: 2-9, z: 1-9), so '${ext.text}' does not match the word it spells. Write '${fixed}' to mean the letter${letters.length > 1 ? 's' : ''}.`,
        file: line.file,
        start: ext.start,
        end: ext.end,
        related: [],
        fixes: [{ title: `Bracket the letter${letters.length > 1 ? 's' : ''}: ${fixed}`, edits: [{ file: line.file, start: ext.start, end: ext.end, text: fixed }] }],
      });
    });
    return out;
  },
};
