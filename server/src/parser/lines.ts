// Offsets <-> 0-based line and character, from a document's line starts.

export type LineStarts = ArrayLike<number>;

export function lineAndCharacter(lineStarts: LineStarts, offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}
