// Offsets <-> LSP positions. The only place that turns source offsets into Ranges.
import type { Position, Range } from 'vscode-languageserver';
import type { LineStarts } from '../parser/lines';
import { lineAndCharacter } from '../parser/lines';

export function positionAt(lineStarts: LineStarts, offset: number): Position {
  return lineAndCharacter(lineStarts, offset);
}

export function rangeOf(lineStarts: LineStarts, start: number, end: number): Range {
  return { start: positionAt(lineStarts, start), end: positionAt(lineStarts, end) };
}

export function offsetAt(lineStarts: LineStarts, position: Position, length: number): number {
  const start = lineStarts[Math.min(position.line, lineStarts.length - 1)] ?? 0;
  return Math.min(start + position.character, length);
}
