// style-control-character (off by default): a C0 control character other than tab and the line breaks (LF, and CR
// right before LF), or DEL, as it stands in the text: invisible in most editors, yet part of what Asterisk reads
// inside a name or value (a context name, a secret); at the ends of one, ast_strip drops it with the blanks
// (include/asterisk/strings.h: every byte below 33 is a blank to it). A CR not before an LF is one too: Asterisk, which splits lines at LF only,
// reads it inside the line, where an editor breaks the line. The finding is the character; the quick fix removes it
// (none for a lone CR: it may have meant a line break). One pass with charCodeAt.
import type { Finding, TextCheck } from '../finding';

export const code = 'style-control-character';

/** The C0 names (U+0000 to U+001F), then DEL. */
const NAMES = ['NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI', 'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US'];

/** What Asterisk makes of it. */
const EFFECT: Record<number, string> = {
  0: "Asterisk's C strings end at a NUL: the rest of the line is lost",
  13: 'Asterisk splits lines at LF only, so it reads it inside the line where an editor starts a new line',
};
const USUAL = 'Asterisk drops it at the ends of a name or value, as it drops blanks, but keeps it inside one';

const hex = (c: number): string => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/** One message and one fix title per character, made once. */
const described = new Map<number, { message: string; title: string }>();
function describe(c: number): { message: string; title: string } {
  let d = described.get(c);
  if (d === undefined) {
    const name = `${hex(c)} (${c === 127 ? 'DEL' : NAMES[c]})`;
    const what = c === 13 ? `A carriage return ${name} not before a line feed` : `Control character ${name}`;
    d = { message: `${what}: invisible in most editors; ${EFFECT[c] ?? USUAL}.`, title: `Remove the control character ${name}` };
    described.set(c, d);
  }
  return d;
}

export const styleControlCharacter: TextCheck = {
  code,
  run(file, text) {
    const out: Finding[] = [];
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if ((c >= 32 && c !== 127) || c === 9 || c === 10 || (c === 13 && text.charCodeAt(i + 1) === 10)) continue;
      const { message, title } = describe(c);
      const finding: Finding = { code, severity: 'hint', message, file, start: i, end: i + 1, related: [] };
      if (c !== 13) finding.fixes = [{ title, edits: [{ file, start: i, end: i + 1, text: '' }] }];
      out.push(finding);
    }
    return out;
  },
};
