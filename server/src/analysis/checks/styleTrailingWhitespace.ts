// style-trailing-whitespace (off by default): blanks (spaces and tabs) at the end of a line, before its LF, its CRLF
// or the end of the file. Asterisk strips them from every line it reads (main/config.c, ast_strip), so they change
// nothing but diffs; the quick fix removes them. One pass: indexOf jumps from line end to line end, and only the
// characters before each are read.
import type { Finding, TextCheck } from '../finding';

export const code = 'style-trailing-whitespace';

const MESSAGE = 'Trailing whitespace: Asterisk strips it from the line, so it only shows in diffs.';
const TITLE = 'Remove trailing whitespace';

export const styleTrailingWhitespace: TextCheck = {
  code,
  run(file, text) {
    const out: Finding[] = [];
    for (let from = 0; from <= text.length; ) {
      const lf = text.indexOf('\n', from);
      const lineEnd = lf < 0 ? text.length : lf;
      // before a CRLF, the blanks before its CR
      const end = lineEnd > from && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
      let start = end;
      while (start > from) {
        const c = text.charCodeAt(start - 1);
        if (c !== 32 && c !== 9) break;
        start--;
      }
      if (start < end) out.push({ code, severity: 'hint', message: MESSAGE, file, start, end, related: [], fixes: [{ title: TITLE, edits: [{ file, start, end, text: '' }] }] });
      if (lf < 0) break;
      from = lf + 1;
    }
    return out;
  },
};
