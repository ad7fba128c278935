// Offsets <-> LSP positions. The only place that turns source offsets into Ranges.
import type { Position, Range } from 'vscode-languageserver';

export function positionAt(lineStarts: number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}

export function rangeOf(lineStarts: number[], start: number, end: number): Range {
  return { start: positionAt(lineStarts, start), end: positionAt(lineStarts, end) };
}

export function offsetAt(lineStarts: number[], position: Position, length: number): number {
  const start = lineStarts[Math.min(position.line, lineStarts.length - 1)] ?? 0;
  return Math.min(start + position.character, length);
}
