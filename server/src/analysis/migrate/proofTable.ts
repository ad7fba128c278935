// TEMP placeholder (dropped at merge): the real formatters replace this file.
import type { Proof } from './types';

export function proofMarkdown(proof: Proof): string {
  const lines = ['| origin | number | before | after | same |', '|---|---|---|---|---|'];
  for (const r of proof.rows) lines.push(`| ${r.origin.kind} ${r.origin.name} | ${r.number} | ${r.before.text} | ${r.after.text} | ${r.same ? 'same' : `different: ${r.reason ?? ''}`} |`);
  return lines.join('\n') + '\n';
}
