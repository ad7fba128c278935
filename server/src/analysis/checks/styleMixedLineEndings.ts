// style-mixed-line-endings (off by default): a file whose lines end both in LF and in CRLF (a line pasted from
// Windows, a file edited on both sides). The fewer are reported (on a tie, the CRLF ones: Asterisk's own files are
// LF), each at its line break: the CR of a CRLF, the LF of a lone LF. A file all CRLF is fine: Asterisk splits
// lines at LF and strips the CR as a trailing blank (main/config.c). Two indexOf passes over the line breaks.
// VS Code itself makes an open file's line endings one kind as it opens it: this shows on closed files and in the CLI.
import type { Finding, Fix, TextCheck } from '../finding';

export const code = 'style-mixed-line-endings';

export const styleMixedLineEndings: TextCheck = {
  code,
  run(file, text) {
    let lf = 0;
    let crlf = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
      else lf++;
    }
    if (lf === 0 || crlf === 0) return [];
    const toLf = crlf <= lf;
    const [few, many] = toLf ? ['CRLF', 'LF'] : ['LF', 'CRLF'];
    const message = `This line ends in ${few}, as ${toLf ? crlf : lf} of the file's ${lf + crlf} line breaks; the others are ${many}: Asterisk reads both, but editors and diffs show the difference.`;
    const title = toLf ? 'Convert this line break to LF' : 'Convert this line break to CRLF';
    // the same fix for every finding: every minority line break of the file, converted
    const all: Fix = { title: `Convert all ${toLf ? crlf : lf} ${few} line breaks of the file to ${many}`, edits: [] };
    const out: Finding[] = [];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      const isCrlf = i > 0 && text.charCodeAt(i - 1) === 13;
      if (isCrlf !== toLf) continue;
      // CRLF -> LF: the CR goes; LF -> CRLF: a CR comes before the LF
      const edit = toLf ? { file, start: i - 1, end: i, text: '' } : { file, start: i, end: i, text: '\r' };
      all.edits.push(edit);
      out.push({ code, severity: 'hint', message, file, start: toLf ? i - 1 : i, end: i + (toLf ? 0 : 1), related: [], fixes: [{ title, edits: [edit] }, all] });
    }
    return out;
  },
};
