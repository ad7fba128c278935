// Folding: sections (down to the last non-blank line before the next header) and block comments.
import type { FoldingRange } from 'vscode-languageserver';
import { FoldingRangeKind } from 'vscode-languageserver';
import type { ConfigDocument } from '../parser/ast';
import { positionAt } from './positions';

export function foldingRanges(doc: ConfigDocument, text: string): FoldingRange[] {
  const ls = doc.lineStarts;
  const lineText = (line: number): string => text.slice(ls[line], line + 1 < ls.length ? ls[line + 1] : text.length);
  const out: FoldingRange[] = [];
  doc.sections.forEach((s, i) => {
    const startLine = s.headerLine;
    const next = doc.sections[i + 1];
    let endLine = next ? next.headerLine - 1 : ls.length - 1;
    while (endLine > startLine && lineText(endLine).trim() === '') endLine--;
    if (endLine > startLine) out.push({ startLine, endLine });
  });
  for (const c of doc.blockComments) {
    const a = positionAt(ls, c.start).line;
    const b = positionAt(ls, Math.max(c.end - 1, c.start)).line;
    if (b > a) out.push({ startLine: a, endLine: b, kind: FoldingRangeKind.Comment });
  }
  return out;
}
