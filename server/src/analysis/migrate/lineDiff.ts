// Two texts compared line by line (the migration's preview, analysis/migrate, and the CLI's unified diff): the
// common head and tail are cut first; the middle is compared by a longest common subsequence when it is small, and
// taken as one block replaced otherwise (configuration files change in few places, so the middle is small).
const MAX_CELLS = 4_000_000;

export type Op = [kind: ' ' | '-' | '+', text: string];

export function lines(text: string): string[] {
  if (text === '') return [];
  const l = text.split(/\r?\n/);
  if (l[l.length - 1] === '') l.pop();
  return l;
}

function middleOps(a: string[], b: string[]): Op[] {
  if (a.length * b.length > MAX_CELLS) return [...a.map((t): Op => ['-', t]), ...b.map((t): Op => ['+', t])];
  const n = a.length;
  const m = b.length;
  const dp: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push([' ', a[i++]]);
      j++;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) ops.push(['-', a[i++]]);
    else ops.push(['+', b[j++]]);
  }
  while (i < n) ops.push(['-', a[i++]]);
  while (j < m) ops.push(['+', b[j++]]);
  return ops;
}

/** Every line of both texts: kept (' '), removed ('-') or added ('+'), in order. */
export function lineOps(before: string, after: string): Op[] {
  return opsOf(lines(before), lines(after));
}

function opsOf(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return [...a.slice(0, head).map((t): Op => [' ', t]), ...middleOps(a.slice(head, a.length - tail), b.slice(head, b.length - tail)), ...a.slice(a.length - tail).map((t): Op => [' ', t])];
}

/** The lines of a text with their line breaks (so `a` and `a\n` differ): they rejoin into the text. */
function rawLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * The changes that turn `before` into `after`, block by block: the offsets in `before` of the lines replaced and the
 * exact text of `after` that replaces them (line breaks and a missing final one kept as they are).
 */
export function changedBlocks(before: string, after: string): { start: number; end: number; text: string }[] {
  const a = rawLines(before);
  const b = rawLines(after);
  const ops = opsOf(a, b);
  const out: { start: number; end: number; text: string }[] = [];
  let offset = 0; // in before
  for (let k = 0; k < ops.length; ) {
    if (ops[k][0] === ' ') {
      offset += ops[k][1].length;
      k++;
      continue;
    }
    const start = offset;
    let text = '';
    for (; k < ops.length && ops[k][0] !== ' '; k++) {
      if (ops[k][0] === '-') offset += ops[k][1].length;
      else text += ops[k][1];
    }
    out.push({ start, end: offset, text });
  }
  return out;
}
