// The page of the migration proof: call by call, where the call ended before and after the migration, trunk by
// trunk whether the pair still works, and the notes of what has no exact pjsip equivalent. Pure (no `vscode`), so
// that a test can render any proof. Every text comes from config files and is escaped; the page runs no script
// and loads nothing (its CSP allows only its one style element).
import type { MigrateNote, Proof } from '../../../server/src/protocol';
import { escape } from '../simulate/resultText';

export interface ProofPageOptions {
  nonce: string;
  /** The PBX migrated. */
  pbx: string;
  /** Whether the edit writes pjsip_wizard.conf sections rather than pjsip.conf objects. */
  wizard: boolean;
  notes: MigrateNote[];
  /** How a note's file is shown (the extension gives the workspace-relative path). */
  fileLabel: (uri: string) => string;
}

/** "12 calls end the same, 1 differs" */
export function proofSummary(proof: Proof): string {
  const same = proof.rows.filter((r) => r.same).length;
  const differ = proof.rows.length - same;
  const trunks = proof.trunks.filter((t) => !t.same).length;
  const calls = proof.rows.length === 0 ? 'no call simulated' : `${same} of ${proof.rows.length} call${proof.rows.length === 1 ? '' : 's'} end the same${differ > 0 ? `, ${differ} differ${differ === 1 ? 's' : ''}` : ''}`;
  return proof.trunks.length === 0 ? calls : `${calls}; ${proof.trunks.length - trunks} of ${proof.trunks.length} trunk${proof.trunks.length === 1 ? '' : 's'} unchanged`;
}

export function renderProofPage(proof: Proof, o: ProofPageOptions): string {
  const body: string[] = [
    `<h1 id="title">Migration proof: ${escape(o.pbx)}</h1>`,
    `<p id="summary" class="${proof.rows.every((r) => r.same) && proof.trunks.every((t) => t.same) ? 'ok' : 'warn'}">chan_sip → chan_pjsip (${o.wizard ? 'pjsip_wizard.conf' : 'pjsip.conf'}): ${escape(proofSummary(proof))}. Nothing is written until you apply the edit and confirm it in the preview.</p>`,
  ];
  body.push('<h2>Calls, before and after</h2>');
  if (proof.rows.length === 0) body.push('<p class="empty">No call was simulated.</p>');
  else {
    body.push('<table id="calls"><thead><tr><th>From</th><th>Number</th><th>Before</th><th>After</th><th>Result</th></tr></thead><tbody>');
    for (const r of proof.rows) {
      body.push(
        `<tr class="row ${r.same ? 'same' : 'different'}" data-same="${r.same}">` +
          `<td><span class="kind">${escape(r.origin.kind)}</span> ${escape(r.origin.name)}${r.origin.pbx !== o.pbx ? ` <span class="kind">on ${escape(r.origin.pbx)}</span>` : ''}</td>` +
          `<td><code>${escape(r.number)}</code></td><td>${escape(r.before.text)}</td><td>${escape(r.after.text)}</td>` +
          `<td class="verdict">${r.same ? '✓ same' : `✗ different${r.reason ? `: ${escape(r.reason)}` : ''}`}</td></tr>`,
      );
    }
    body.push('</tbody></table>');
  }
  if (proof.trunks.length > 0) {
    body.push('<h2>Trunks</h2>', '<table id="trunks"><thead><tr><th>Trunk</th><th>Other side</th><th>Before</th><th>After</th><th>Result</th></tr></thead><tbody>');
    for (const t of proof.trunks) {
      body.push(
        `<tr class="row ${t.same ? 'same' : 'different'}" data-same="${t.same}"><td>${escape(t.peer)} <span class="kind">on ${escape(t.pbx)}</span></td><td>${escape(t.other)}</td>` +
          `<td>${escape(t.before)}</td><td>${escape(t.after)}</td><td class="verdict">${t.same ? '✓ same' : `✗ different${t.reason ? `: ${escape(t.reason)}` : ''}`}</td></tr>`,
      );
    }
    body.push('</tbody></table>');
  }
  body.push('<h2>Kept as comments</h2>');
  if (o.notes.length === 0) body.push('<p class="empty">Everything has an exact chan_pjsip equivalent.</p>');
  else {
    body.push('<ul id="notes">');
    for (const n of o.notes) body.push(`<li class="note ${n.kind}"><span class="where">${escape(o.fileLabel(n.uri))}:${n.line + 1}</span> <code>${escape(n.text)}</code> <span class="kind">${escape(n.kind)}</span>: ${escape(n.reason)}</li>`);
    body.push('</ul>');
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${o.nonce}';">`,
    `<title>Migration proof: ${escape(o.pbx)}</title>`,
    `<style nonce="${o.nonce}">${STYLE}</style>`,
    '</head><body>',
    ...body,
    '</body></html>',
  ].join('\n');
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 20px 20px; line-height: 1.45; }
code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 3px; border-radius: 3px; }
h1 { font-size: 1.4em; margin: 16px 0 8px; }
h2 { font-size: 1.15em; margin: 22px 0 8px; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); padding-bottom: 4px; }
#summary { padding: 8px 12px; border-left: 4px solid; background: var(--vscode-textBlockQuote-background); }
#summary.ok { border-color: var(--vscode-testing-iconPassed, #388a34); }
#summary.warn { border-color: var(--vscode-editorWarning-foreground, #bf8803); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); }
th { color: var(--vscode-descriptionForeground); font-weight: 600; }
.same .verdict { color: var(--vscode-testing-iconPassed, #388a34); white-space: nowrap; }
.different .verdict { color: var(--vscode-editorWarning-foreground, #bf8803); }
.kind, .where, .empty { color: var(--vscode-descriptionForeground); }
.note { margin: 4px 0; }
`;
