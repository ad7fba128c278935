// The proof as a user reads it: a text table for the CLI (origin, number, before, after, same or the difference
// and its reason; then the trunks) and Markdown for the editor's preview. Pure strings: no LSP type here.
import { originText } from './calls';
import type { CallSummary, Proof, ProofRow } from './types';

const MAX_CELL = 70;

function cell(s: string, max = MAX_CELL): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 3)}...` : t;
}

function ending(s: CallSummary): string {
  const where = s.context ? `${s.exten}@${s.context} on ${s.pbx}` : s.pbx;
  return `${s.kind} ${where}`.trim();
}

function counts(proof: Proof): string {
  const diff = proof.rows.filter((r) => !r.same).length;
  const trunkDiff = proof.trunks.filter((t) => !t.same).length;
  return `${proof.rows.length} call${proof.rows.length === 1 ? '' : 's'}: ${proof.rows.length - diff} the same, ${diff} different; ${proof.trunks.length} trunk${proof.trunks.length === 1 ? '' : 's'}: ${proof.trunks.length - trunkDiff} the same, ${trunkDiff} different.`;
}

/** The text table: the columns padded, a reason line under each different row, then the trunks and the notes. */
export function proofText(proof: Proof): string {
  const lines: string[] = [counts(proof), ''];
  const header = ['ORIGIN', 'NUMBER', 'BEFORE', 'AFTER', ''];
  const body = proof.rows.map((r) => [originText(r.origin), r.number, ending(r.before), ending(r.after), r.same ? 'same' : 'DIFF']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cols: string[]): string => cols.map((c, i) => (i === cols.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  if (proof.rows.length > 0) {
    lines.push(line(header));
    proof.rows.forEach((r, i) => {
      lines.push(line(body[i]));
      if (!r.same) lines.push(`    before: ${cell(r.before.text, 200)}`, `    after:  ${cell(r.after.text, 200)}`, `    why:    ${r.reason ?? ''}`);
    });
  } else lines.push('No call to simulate: the migrated PBXs have no phone, trunk or entry context.');
  lines.push('', 'TRUNKS');
  if (proof.trunks.length === 0) lines.push('No trunk between a migrated PBX and another PBX of the workspace.');
  for (const t of proof.trunks) {
    lines.push(`${t.pbx} '${t.peer}' -> ${t.other}: ${t.same ? 'same' : 'DIFF'}`, `    before: ${t.before}`, `    after:  ${t.after}`);
    if (!t.same) lines.push(`    why:    ${t.reason ?? ''}`);
  }
  for (const n of proof.notes ?? []) lines.push('', `Note: ${n}`);
  return lines.join('\n') + '\n';
}

function md(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/([*_`[\]<>])/g, '\\$1').replace(/\r?\n/g, ' ');
}

function mdRow(r: ProofRow): string {
  const status = r.same ? 'same' : `**different**: ${md(r.reason ?? '')}`;
  return `| ${md(originText(r.origin))} | ${md(r.number)} | ${md(cell(r.before.text, 200))} | ${md(cell(r.after.text, 200))} | ${status} |`;
}

/** Markdown for the editor: a summary, the differences first, every call, then the trunks. */
export function proofMarkdown(proof: Proof): string {
  const lines: string[] = ['## Calls', '', counts(proof), ''];
  const rows = [...proof.rows.filter((r) => !r.same), ...proof.rows.filter((r) => r.same)];
  if (rows.length > 0) {
    lines.push('| origin | number | before | after | |', '|---|---|---|---|---|');
    for (const r of rows) lines.push(mdRow(r));
  } else lines.push('No call to simulate: the migrated PBXs have no phone, trunk or entry context.');
  lines.push('', '## Trunks', '');
  if (proof.trunks.length === 0) lines.push('No trunk between a migrated PBX and another PBX of the workspace.');
  else {
    lines.push('| trunk | before | after | |', '|---|---|---|---|');
    for (const t of proof.trunks) lines.push(`| ${md(`${t.pbx} '${t.peer}' -> ${t.other}`)} | ${md(t.before)} | ${md(t.after)} | ${t.same ? 'same' : `**different**: ${md(t.reason ?? '')}`} |`);
  }
  if (proof.notes && proof.notes.length > 0) lines.push('', ...proof.notes.map((n) => `> ${md(n)}`));
  return lines.join('\n') + '\n';
}
