// Re-parse after an edit without re-reading the whole file. Asterisk config is line-oriented and a line's meaning
// depends only on the block comment depth at its start, so an edit touches only the sections around it:
// re-parse from the header of the section before the edited one to the header of the first section after it,
// provided the comment depth there is 0 before and after the edit (otherwise widen by a section and retry).
// Sections before the region are kept as they are; sections after it keep their nodes, shifted in place.
import type { ConfigDocument, Item, Section, SyntaxProblem } from './ast';
import { parseConfig, parseRegion } from './configParser';
import { lineAndCharacter } from './lines';
import type { ExtensionStatement } from './dialplanParser';
import { shiftStatement } from './dialplanParser';

export interface TextEdit {
  /** Offsets in the old text. */
  start: number;
  end: number;
  text: string;
}

/**
 * The document for `newText`, which is `old`'s text with `edit` applied. `old` must not be used afterwards:
 * the nodes after the edit are moved into the result.
 */
export function reparseConfig(old: ConfigDocument, newText: string, edit: TextEdit): ConfigDocument {
  const delta = edit.text.length - (edit.end - edit.start);
  if (newText.length !== old.length + delta) return parseConfig(newText);
  const lineA = lineAndCharacter(old.lineStarts, edit.start).line;
  const lineB = lineAndCharacter(old.lineStarts, edit.end).line;
  const sections = old.sections;
  // index of the section holding lineA (-1: the preamble)
  let k = -1;
  while (k + 1 < sections.length && sections[k + 1].headerLine <= lineA) k++;
  let first = k - 1; // re-parse from the section before: the edit may give it new lines
  while (first >= 0 && old.commentAtLine[sections[first].headerLine] !== 0) first--;
  let next = k + 1;
  while (next < sections.length && sections[next].headerLine <= lineB) next++;

  const addedLines = countLines(edit.text) - (lineB - lineA);
  for (;;) {
    while (next < sections.length && old.commentAtLine[sections[next].headerLine] !== 0) next++;
    const fromLine = first < 0 ? 0 : sections[first].headerLine;
    const from = old.lineStarts[fromLine];
    const atEnd = next >= sections.length;
    const oldTo = atEnd ? old.length : old.lineStarts[sections[next].headerLine];
    const region = parseRegion(newText, { from, to: atEnd ? newText.length : oldTo + delta, firstLine: fromLine, comment: 0 });
    if (!atEnd && region.endComment !== 0) {
      next++;
      continue;
    }
    return assemble(old, newText.length, region, first, next, fromLine, from, oldTo, delta, addedLines);
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function assemble(
  old: ConfigDocument,
  length: number,
  region: ReturnType<typeof parseRegion>,
  first: number,
  next: number,
  fromLine: number,
  from: number,
  oldTo: number,
  delta: number,
  addedLines: number,
): ConfigDocument {
  const atEnd = next >= old.sections.length;
  const toLine = atEnd ? old.lineStarts.length : old.sections[next].headerLine;
  const after = old.sections.slice(next);
  // directives before the region stay, those in it are re-read, those after it move with their sections
  const directivesBefore = old.directives.filter((d) => d.start < from);
  const directivesAfter = old.directives.filter((d) => d.start >= oldTo);
  for (const s of after) shiftSection(s, delta, addedLines);
  const inside = (o: { start: number }): boolean => o.start >= from && o.start < oldTo;
  const shift = <T extends { start: number; end: number }>(o: T): T => (o.start >= oldTo ? { ...o, start: o.start + delta, end: o.end + delta } : o);
  const problems: SyntaxProblem[] = [
    ...old.problems.filter((p) => p.start < from),
    ...region.problems,
    // problems at or after the region end; when the region reaches the end of the file, the scanner redid them
    ...(atEnd ? [] : old.problems.filter((p) => p.start >= oldTo).map(shift)),
  ];
  const blockComments = [
    ...old.blockComments.filter((c) => c.start < from),
    ...region.blockComments,
    ...(atEnd ? [] : old.blockComments.filter((c) => !inside(c) && c.start >= oldTo).map(shift)),
  ];
  const later = atEnd ? 0 : old.lineStarts.length - toLine;
  const lineStarts = new Int32Array(fromLine + region.lineStarts.length + later);
  const commentAtLine = new Int16Array(lineStarts.length);
  lineStarts.set(old.lineStarts.subarray(0, fromLine));
  lineStarts.set(region.lineStarts, fromLine);
  commentAtLine.set(old.commentAtLine.subarray(0, fromLine));
  commentAtLine.set(region.commentAtLine, fromLine);
  if (later > 0) {
    const at = fromLine + region.lineStarts.length;
    lineStarts.set(old.lineStarts.subarray(toLine), at);
    if (delta !== 0) for (let i = at; i < lineStarts.length; i++) lineStarts[i] += delta;
    commentAtLine.set(old.commentAtLine.subarray(toLine), at);
  }
  return {
    preamble: first < 0 ? region.preamble : old.preamble,
    directives: atEnd ? [...directivesBefore, ...region.directives] : [...directivesBefore, ...region.directives, ...directivesAfter],
    sections: [...old.sections.slice(0, Math.max(first, 0)), ...region.sections, ...after],
    problems,
    blockComments,
    lineStarts,
    commentAtLine,
    length,
  };
}

function shiftItem(item: Item, delta: number, lines: number): void {
  // a dialplan statement parsed from this line moves with it, and stays valid
  const parsed = item.type === 'Assignment' && item.parsed !== null && item.parsedAt === item.start ? (item.parsed as ExtensionStatement) : null;
  item.start += delta;
  item.end += delta;
  item.line += lines;
  if (item.type === 'Assignment') {
    item.key.start += delta;
    item.key.end += delta;
    item.value.start += delta;
    item.value.end += delta;
    if (item.valueMap !== null) item.valueMap = item.valueMap.map((o) => o + delta);
    if (parsed !== null && delta !== 0) {
      shiftStatement(parsed, delta);
      item.parsedAt = item.start;
    }
  } else {
    item.name.start += delta;
    item.name.end += delta;
    if (item.argument !== null) {
      item.argument.start += delta;
      item.argument.end += delta;
    }
  }
}

function shiftSection(s: Section, delta: number, lines: number): void {
  if (delta === 0 && lines === 0) return;
  s.start += delta;
  s.end += delta;
  s.headerEnd += delta;
  s.headerLine += lines;
  s.name.start += delta;
  s.name.end += delta;
  for (const i of s.inherits) {
    i.start += delta;
    i.end += delta;
  }
  for (const item of s.items) shiftItem(item, delta, lines);
}
