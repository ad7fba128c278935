// The line scanner: what Asterisk's config_text_file_load (main/config.c) does to each physical line before
// process_text_line sees it. It removes `;` comments and block comments `;-- ... --;` (which nest up to 128 deep
// and may open or close mid-line), turns `\;` into `;`, drops a UTF-8 BOM and strips blanks at both ends.
// Each resulting logical line keeps a map from its characters back to source offsets.
import type { SyntaxProblem } from './ast';

export interface LogicalLine {
  /** 0-based physical line. */
  line: number;
  /** What process_text_line receives: comments removed, escapes resolved, stripped. Never empty. */
  text: string;
  /** Source offset of text[0] when the text is one contiguous slice of the source. */
  start: number;
  /** Source offset of every character of text when it is not contiguous (escapes, block comments). */
  map: number[] | null;
}

export interface BlockComment {
  start: number;
  /** Offset just after the closing `--;`, or the end of the file when unterminated. */
  end: number;
}

/** Where the logical lines go as they are found (an array, or a parser reading each at once). */
export interface LineSink {
  push(line: LogicalLine): void;
}

export interface ScanResult {
  /** The logical lines, unless they were handed to a sink as they were found. */
  lines: LogicalLine[];
  blockComments: BlockComment[];
  /** Source offset where each physical line starts. */
  lineStarts: Int32Array;
  /** Block comment depth at the start of each physical line (negative after a stray `--;`). */
  commentAtLine: Int16Array;
  /** Depth after the last line scanned. */
  endComment: number;
  problems: SyntaxProblem[];
}

/** Where to scan: a run of whole lines, and the comment depth at its first line (for incremental re-parse). */
export interface ScanRange {
  from: number;
  /** Offset of a line start, or the text length. */
  to: number;
  firstLine: number;
  comment: number;
}

/** Asterisk reads lines into an 8192-byte buffer: a longer line is skipped with a warning. */
const MAX_LINE_BYTES = 8190;
const MAX_NESTED_COMMENTS = 128;

export function sourceOffset(line: LogicalLine, index: number): number {
  if (line.map === null) return line.start + index;
  if (index < line.map.length) return line.map[index];
  return line.map.length === 0 ? line.start : line.map[line.map.length - 1] + 1;
}

function isBlank(code: number): boolean {
  // isspace(): space, \t, \n, \v, \f, \r
  return code === 32 || (code >= 9 && code <= 13);
}

/**
 * Where each line starts and the comment depth there, in typed arrays that double when full: a file of a million
 * lines kept two arrays of a million numbers growing on the collected heap before (issue 13).
 */
class LineTable {
  starts = new Int32Array(256);
  comments = new Int16Array(256);
  size = 0;

  add(start: number, comment: number): void {
    if (this.size === this.starts.length) {
      const starts = new Int32Array(this.size * 2);
      starts.set(this.starts);
      this.starts = starts;
      const comments = new Int16Array(this.size * 2);
      comments.set(this.comments);
      this.comments = comments;
    }
    this.starts[this.size] = start;
    this.comments[this.size++] = comment;
  }
}

export function scan(text: string, range: ScanRange = { from: 0, to: text.length, firstLine: 0, comment: 0 }, sink?: LineSink): ScanResult {
  const found: LogicalLine[] = [];
  const lines: LineSink = sink ?? found;
  const blockComments: BlockComment[] = [];
  const table = new LineTable();
  const problems: SyntaxProblem[] = [];
  const openComments: number[] = [];
  let comment = range.comment;
  let strayEnd: number | null = null;
  let lineNo = range.firstLine;
  let pos = range.from;
  const length = text.length;
  const toEnd = range.to >= length;

  while (pos <= length) {
    if (!toEnd && pos >= range.to) break;
    let lineEnd = text.indexOf('\n', pos);
    const last = lineEnd < 0;
    if (last) lineEnd = length;
    table.add(pos, comment);
    let from = pos;
    if (lineNo === 0 && text.charCodeAt(0) === 0xfeff) from = 1;

    if (lineEnd - from > MAX_LINE_BYTES / 3 && Buffer.byteLength(text.slice(from, lineEnd), 'utf8') > MAX_LINE_BYTES) {
      problems.push({
        code: 'syntax-line-too-long',
        severity: 'warning',
        message: `This line is longer than ${MAX_LINE_BYTES} bytes: Asterisk skips it ("Line too long, skipping").`,
        start: from,
        end: lineEnd,
      });
    } else if (comment === 0 && fastLine(text, from, lineEnd, lineNo, lines)) {
      // handled
    } else {
      // General path: emulate the comment loop of config_text_file_load character by character.
      const chars: string[] = [];
      const map: number[] = [];
      let appending = comment === 0;
      let scanStart = from;
      for (let i = from; i < lineEnd; i++) {
        const c = text.charCodeAt(i);
        if (c !== 59 /* ; */) {
          if (appending) {
            chars.push(text[i]);
            map.push(i);
          }
          continue;
        }
        if (i > scanStart && text.charCodeAt(i - 1) === 92 /* \ */) {
          // Escaped semicolon: the backslash goes, the `;` stays.
          if (appending) {
            chars.pop();
            map.pop();
            chars.push(';');
            map.push(i);
          }
          scanStart = i + 1;
          continue;
        }
        if (at(text, i + 1, lineEnd) === 45 && at(text, i + 2, lineEnd) === 45 && at(text, i + 3, lineEnd) !== 45) {
          if (comment < MAX_NESTED_COMMENTS) {
            if (comment === 0) openComments.length = 0;
            if (comment >= 0) openComments.push(i);
            comment++;
            appending = false;
            scanStart = i + 3;
            i += 2;
            continue;
          }
          problems.push({
            code: 'syntax-comment-nesting',
            severity: 'error',
            message: `Block comments nest more than ${MAX_NESTED_COMMENTS} deep here: Asterisk stops with "Maximum nest limit".`,
            start: i,
            end: i + 3,
          });
          continue;
        }
        if (i >= scanStart + 2 && text.charCodeAt(i - 1) === 45 && text.charCodeAt(i - 2) === 45) {
          comment--;
          scanStart = i + 1;
          if (comment === 0) {
            blockComments.push({ start: openComments[0] ?? i - 2, end: i + 1 });
            openComments.length = 0;
            appending = true;
          } else if (comment < 0) {
            if (strayEnd === null) strayEnd = i - 2;
            if (appending) {
              chars.push(';');
              map.push(i);
            }
          } else if (openComments.length > 0) {
            openComments.pop();
          }
          continue;
        }
        // A plain `;`: outside comments it ends all processing of the line.
        if (comment === 0) break;
        scanStart = i + 1;
        if (appending) {
          chars.push(';');
          map.push(i);
        }
      }
      pushStripped(chars, map, lineNo, lines);
      if (strayEnd !== null && comment < 0 && !problems.some((p) => p.code === 'syntax-stray-comment-end' && p.start === strayEnd)) {
        problems.push({
          code: 'syntax-stray-comment-end',
          severity: 'warning',
          message:
            "'--;' closes a block comment that was never opened: Asterisk then ignores every following line until a ';--' appears.",
          start: strayEnd,
          end: strayEnd + 3,
        });
      }
      if (comment >= 0) strayEnd = null;
    }
    lineNo++;
    if (last) break;
    pos = lineEnd + 1;
  }
  if (toEnd && comment > 0 && openComments.length > 0) {
    const start = openComments[0];
    blockComments.push({ start, end: length });
    problems.push({
      code: 'syntax-unterminated-comment',
      severity: 'warning',
      message: "This block comment ';--' is never closed with '--;': Asterisk ignores everything to the end of the file.",
      start,
      end: start + 3,
    });
  }
  return { lines: found, blockComments, lineStarts: table.starts.slice(0, table.size), commentAtLine: table.comments.slice(0, table.size), endComment: comment, problems };
}

function at(text: string, i: number, end: number): number {
  return i < end ? text.charCodeAt(i) : 0;
}

/** The common case: no comment open, and the line's first `;` (if any) is a plain comment. */
function fastLine(text: string, from: number, end: number, lineNo: number, out: LineSink): boolean {
  let stop = from;
  while (stop < end && text.charCodeAt(stop) !== 59) stop++;
  if (stop < end) {
    if (stop > from && text.charCodeAt(stop - 1) === 92) return false;
    if (at(text, stop + 1, end) === 45 && at(text, stop + 2, end) === 45) return false;
    if (stop >= from + 2 && text.charCodeAt(stop - 1) === 45 && text.charCodeAt(stop - 2) === 45) return false;
  }
  let a = from;
  let b = stop;
  while (a < b && isBlank(text.charCodeAt(a))) a++;
  while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
  if (a < b) out.push({ line: lineNo, text: text.slice(a, b), start: a, map: null });
  return true;
}

function pushStripped(chars: string[], map: number[], lineNo: number, out: LineSink): void {
  let a = 0;
  let b = chars.length;
  while (a < b && isBlank(chars[a].charCodeAt(0))) a++;
  while (b > a && isBlank(chars[b - 1].charCodeAt(0))) b--;
  if (a >= b) return;
  const slice = map.slice(a, b);
  const contiguous = slice[slice.length - 1] - slice[0] === slice.length - 1;
  out.push({ line: lineNo, text: chars.slice(a, b).join(''), start: slice[0], map: contiguous ? null : slice });
}
