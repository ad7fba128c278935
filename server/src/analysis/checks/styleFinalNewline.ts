// style-final-newline (off by default): a file whose last line has no line break. Asterisk reads that line all the
// same (main/config.c), but a line appended by a script (`echo ... >> extensions.conf`) joins it. The finding is
// the end of the file; the quick fix adds the line break the file's last one is (CRLF or LF). Reads only the end.
import type { TextCheck } from '../finding';

export const code = 'style-final-newline';

export const styleFinalNewline: TextCheck = {
  code,
  run(file, text) {
    const end = text.length;
    if (end === 0 || text.charCodeAt(end - 1) === 10) return [];
    // a file ending in a CR only needs its LF; else the last line break of the file says which one (none: LF)
    const last = text.lastIndexOf('\n');
    const lineBreak = text.charCodeAt(end - 1) === 13 || !(last > 0 && text.charCodeAt(last - 1) === 13) ? '\n' : '\r\n';
    return [
      {
        code,
        severity: 'hint',
        message: 'No line break at the end of the file: Asterisk reads the last line all the same, but a line a script appends would join it.',
        file,
        start: end,
        end,
        related: [],
        fixes: [{ title: 'Add a line break at the end of the file', edits: [{ file, start: end, end, text: lineBreak }] }],
      },
    ];
  },
};
