// A unified diff (diff -u, 3 lines of context) of two texts, for `migrate`'s preview; the lines are compared by
// analysis/migrate/lineDiff.ts.
import { lineOps } from '../analysis/migrate/lineDiff';
import type { Op } from '../analysis/migrate/lineDiff';

const CONTEXT = 3;

export function unifiedDiff(fromName: string, toName: string, before: string, after: string): string {
  const ops: Op[] = lineOps(before, after);
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
