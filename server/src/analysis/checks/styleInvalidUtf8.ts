// style-invalid-utf8 (off by default): bytes that are not UTF-8. Both the editor and `pbx-interconnect check`
// (which, with this code enabled, reads such a file instead of refusing it) decode them as U+FFFD, one per
// invalid sequence: a run of them is one finding. Asterisk itself reads bytes and passes them on as they are (a
// Latin-1 caller ID name becomes invalid UTF-8 in SIP), while saving the file from the editor writes U+FFFD in
// their place. A U+FFFD written in the file (the trace of an earlier bad conversion) is reported alike. No quick
// fix: which character was meant is not known. indexOf jumps from one U+FFFD to the next.
import type { Finding, TextCheck } from '../finding';

export const code = 'style-invalid-utf8';

const REPLACEMENT = 0xfffd;
const MESSAGE =
  'Bytes that are not UTF-8 (shown as U+FFFD): Asterisk passes on the raw bytes, and saving the file from the editor replaces them with U+FFFD. Convert the file to UTF-8 (iconv -f latin1 -t utf-8) or write the characters again.';

export const styleInvalidUtf8: TextCheck = {
  code,
  run(file, text) {
    const out: Finding[] = [];
    for (let start = text.indexOf('\uFFFD'); start >= 0; start = text.indexOf('\uFFFD', start)) {
      let end = start + 1;
      while (text.charCodeAt(end) === REPLACEMENT) end++;
      out.push({ code, severity: 'hint', message: MESSAGE, file, start, end, related: [] });
      start = end;
    }
    return out;
  },
};
