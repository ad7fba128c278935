// A unified diff (diff -u, 3 lines of context) of two texts, for `migrate`'s preview. The common head and tail are
// cut first; the middle is compared by a longest common subsequence when it is small, and shown as one block
// replaced otherwise (configuration files change in few places, so the middle is small).
const CONTEXT = 3;
const MAX_CELLS = 4_000_000;

type Op = [kind: ' ' | '-' | '+', text: string];

function lines(text: string): string[] {
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

export function unifiedDiff(fromName: string, toName: string, before: string, after: string): string {
  const a = lines(before);
  const b = lines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: Op[] = [...a.slice(0, head).map((t): Op => [' ', t]), ...middleOps(a.slice(head, a.length - tail), b.slice(head, b.length - tail)), ...a.slice(a.length - tail).map((t): Op => [' ', t])];
  let out = `--- ${fromName}\n+++ ${toName}\n`;
  // hunks: runs of changes with CONTEXT lines around, merged when close
  const changed = ops.map((o, k) => (o[0] !== ' ' ? k : -1)).filter((k) => k >= 0);
  if (changed.length === 0) return '';
  let k = 0;
  while (k < changed.length) {
    let end = k;
    while (end + 1 < changed.length && changed[end + 1] - changed[end] <= 2 * CONTEXT) end++;
    const from = Math.max(0, changed[k] - CONTEXT);
    const to = Math.min(ops.length, changed[end] + CONTEXT + 1);
    let aLine = 1;
    let bLine = 1;
    for (let x = 0; x < from; x++) {
      if (ops[x][0] !== '+') aLine++;
      if (ops[x][0] !== '-') bLine++;
    }
    const hunk = ops.slice(from, to);
    const aCount = hunk.filter((o) => o[0] !== '+').length;
    const bCount = hunk.filter((o) => o[0] !== '-').length;
    out += `@@ -${aCount === 0 ? aLine - 1 : aLine},${aCount} +${bCount === 0 ? bLine - 1 : bLine},${bCount} @@\n`;
    for (const [kind, text] of hunk) out += `${kind}${text}\n`;
    k = end + 1;
  }
  return out;
}
