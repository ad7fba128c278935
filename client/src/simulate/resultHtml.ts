// The page of the result view: the outcome, the number rewrites, the hops, the matcher's candidates and the
// notes. Pure (no `vscode`), so that a test can render any result. Every text comes from config files and is
// escaped; a link to a place carries only an index into `places`, which the extension resolves itself.
import type { MatchStep, Place, SimulateDialResult } from '../../../server/src/protocol';
import { assumptionsSection, crossingsSection, logSection, pathsSection } from './resultSections';
import { CANDIDATE_OUTCOMES, escape, headline, tone } from './resultText';

export interface PageOptions {
  /** A fresh nonce for the page's one style and one script element. */
  nonce: string;
  /** How a place's file is shown (the extension gives the workspace-relative path). */
  fileLabel: (file: string) => string;
}

export interface Page {
  html: string;
  /** The places the page links to; a link's `data-place` is an index here. */
  places: Place[];
}

export function renderPage(result: SimulateDialResult, options: PageOptions): Page {
  const places: Place[] = [];
  /** A link to a place (`wazo-a/extensions.conf:24`), or nothing when the place is unknown. `short`: the file
   *  name alone (in a step, which names its PBX), the whole path as its tooltip. A button, not an `<a>`: the
   *  webview host handles every click on an `<a href>` itself (`#` scrolls to the top). */
  const place = (p: Partial<Place>, short = false): string => {
    if (p.file === undefined || p.line === undefined) return '';
    places.push({ file: p.file, line: p.line });
    const label = options.fileLabel(p.file);
    const shown = short ? label.slice(label.lastIndexOf('/') + 1) : label;
    return `<button type="button" class="place" data-place="${places.length - 1}" title="${escape(label)}:${p.line}">${escape(shown)}:${p.line}</button>`;
  };
  const code = (text: string): string => `<code>${escape(text)}</code>`;
  const { outcome } = result;

  const body = [
    `<header id="outcome" class="outcome ${tone(outcome.kind)}" data-kind="${escape(outcome.kind)}"${outcome.sipStatus !== null ? ` data-sip-status="${outcome.sipStatus}"` : ''}>`,
    `<h1 id="headline">${escape(headline(outcome))}</h1>`,
    `<p id="reason">${escape(outcome.reason)} ${place(outcome)}</p>`,
    `<p id="call">${code(result.number)} dialed in context ${escape(result.from.context)} on ${escape(result.from.pbx)}</p>`,
    '</header>',
  ];
  body.push(...pathsSection(result, place));
  if (result.rewrites.length > 0) {
    body.push('<h2>The number on the way</h2>', '<ul id="rewrites">');
    for (const r of result.rewrites) {
      body.push(
        `<li class="rewrite" data-from="${escape(r.from)}" data-to="${escape(r.to)}">${code(r.from)} → ${code(r.to)} ` +
          `<span class="how">${escape(r.how)}</span> <a href="#hop-${r.hop}">(step ${r.hop + 1})</a></li>`,
      );
    }
    body.push('</ul>');
  }
  // One block per hop rather than a table: the panel usually sits beside the editor, too narrow for eight columns.
  body.push('<h2>Steps</h2>', '<ol id="hops">');
  result.hops.forEach((h, i) => {
    const lookup = h.match !== undefined ? `<a class="lookup" href="#match-${h.match}" title="the lookup that found this line">lookup ${h.match + 1}</a>` : '';
    // the number the channel is on, and the entry that matched it when that is a pattern
    const entry = h.extension !== h.exten || h.callerIdPattern !== undefined ? ` <span class="entry" title="the entry that matched">(${escape(h.extension)}${h.callerIdPattern !== undefined ? `/${escape(h.callerIdPattern)}` : ''})</span>` : '';
    const assumed = (h.assumptions ?? []).map((a) => result.assumptions[a]).filter(Boolean).map((a) => `<div class="assumed">Assumed: ${escape(a.what)} = ${code(a.value)}${a.source === 'input' ? ' (your input)' : ''}</div>`).join('');
    const ended = h.phase === 'h' ? '<span class="phase" title="Asterisk runs the h extension once the call has ended">after the call ended</span>' : '';
    body.push(
      `<li class="hop${h.phase === 'h' ? ' h' : ''}" id="hop-${i}" data-pbx="${escape(h.pbx)}" data-context="${escape(h.context)}" data-exten="${escape(h.exten)}" data-extension="${escape(h.extension)}" data-priority="${h.priority}"${h.phase ? ` data-phase="${h.phase}"` : ''}>` +
        `<div class="line"><span class="pbx">${escape(h.pbx)}</span><span class="sep">›</span><span class="context">${escape(h.context)}</span>` +
        `<span class="sep">›</span><code class="extension">${escape(h.exten)}</code>${entry}<span class="priority">priority ${h.priority}</span>${ended}${lookup}${place(h, true)}</div>` +
        `<code class="app">${escape(`${h.app}(${h.data})`)}</code><div class="note">${escape(h.note)}</div>${assumed}</li>`,
    );
  });
  body.push('</ol>');
  if (result.hops.length === 0) body.push('<p class="empty">No dialplan line ran.</p>');

  if (result.matches.length > 0) {
    body.push('<h2>How each lookup chose</h2>');
    result.matches.forEach((m, i) => body.push(...matchStep(m, i, code, place)));
  }
  body.push(...crossingsSection(result, code));
  body.push(...assumptionsSection(result, code));
  body.push(...logSection(result));
  if (result.notes.length > 0) {
    body.push('<h2>Notes</h2>', '<ul id="notes">', ...result.notes.map((n) => `<li class="note">${escape(n)}</li>`), '</ul>');
  }
  return { html: page(`Simulate dial: ${result.number}`, body.join('\n'), options), places };
}

function matchStep(m: MatchStep, index: number, code: (t: string) => string, place: (p: Partial<Place>) => string): string[] {
  const found = m.result === 'match' && m.extension !== null ? `found ${code(m.extension)}${m.foundIn && m.foundIn !== m.context ? ` in ${escape(m.foundIn)}` : ''}` : escape(m.result);
  const callerId = m.callerId !== null ? `, caller ID ${code(m.callerId)}` : '';
  return [
    `<section class="match" id="match-${index}" data-context="${escape(m.context)}" data-result="${escape(m.result)}">`,
    `<h3>Lookup ${index + 1}: ${code(m.number)} in ${escape(m.context)} on ${escape(m.pbx)}${callerId}: ${found}</h3>`,
    `<p class="why">${escape(m.why)}</p>`,
    '<ol class="candidates">',
    ...m.candidates.map(
      (c) =>
        `<li class="candidate${c.outcome === 'chosen' ? ' chosen' : ''}" data-outcome="${escape(c.outcome)}">${code(c.extension)} in ${escape(c.context)}: ` +
        `<span class="verdict">${escape(CANDIDATE_OUTCOMES[c.outcome] ?? c.outcome.replace(/-/g, ' '))}</span> ${place(c)}</li>`,
    ),
    '</ol>',
    '</section>',
  ];
}

function page(title: string, body: string, { nonce }: PageOptions): string {
  // Nothing loads from anywhere: only the page's own style and script run, by their nonce.
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escape(title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
${body}
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}

// The theme's own colours (VS Code sets these variables in every webview), so light, dark and high-contrast
// themes all read well.
const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 20px 20px; line-height: 1.45; }
code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 3px; border-radius: 3px; }
a { color: var(--vscode-textLink-foreground); text-decoration: none; }
a:hover { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
a:focus, .place:focus { outline: 1px solid var(--vscode-focusBorder); }
.place { white-space: nowrap; font: inherit; color: var(--vscode-textLink-foreground); background: none; border: none; padding: 0; cursor: pointer; }
.place:hover { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
h1 { font-size: 1.5em; margin: 0 0 6px; }
h2 { font-size: 1.15em; margin: 22px 0 8px; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); padding-bottom: 4px; }
h3 { font-size: 1em; font-weight: 600; margin: 14px 0 4px; }
.outcome { margin: 16px 0 8px; padding: 10px 14px; border-left: 4px solid; background: var(--vscode-textBlockQuote-background); }
.outcome p { margin: 4px 0; }
.outcome.ok { border-color: var(--vscode-testing-iconPassed, #388a34); }
.outcome.end { border-color: var(--vscode-editorWarning-foreground, #bf8803); }
.outcome.fail { border-color: var(--vscode-errorForeground, #e51400); }
#call { color: var(--vscode-descriptionForeground); }
ul, ol { padding-left: 22px; margin: 4px 0; }
li { margin: 2px 0; }
.how, .why, .verdict, .empty { color: var(--vscode-descriptionForeground); }
#hops { padding-left: 26px; }
.hop { padding: 6px 0; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); }
.hop .line { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 6px; }
.hop .pbx { font-weight: 600; }
.hop .sep, .hop .priority { color: var(--vscode-descriptionForeground); }
.hop .place { margin-left: auto; }
.hop .app { display: inline-block; margin: 4px 0 2px; white-space: pre-wrap; overflow-wrap: anywhere; }
.hop.h { opacity: 0.85; }
.phase { font-size: 0.85em; padding: 0 6px; border-radius: 8px; background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
.entry, .assumed, .paths-when { color: var(--vscode-descriptionForeground); }
.path { margin: 3px 0; }
.path .count { color: var(--vscode-descriptionForeground); }
.log-line.WARNING .level, .log-line.ERROR .level { color: var(--vscode-editorWarning-foreground); font-weight: 600; }
.crossing-reason { opacity: 0.85; margin-top: 2px; }
.crossing-log { font-family: var(--vscode-editor-font-family); font-size: 0.9em; opacity: 0.75; margin-top: 2px; }
.crossing[data-accepted="false"] { color: var(--vscode-errorForeground); }
.candidate.chosen { font-weight: 600; background: var(--vscode-list-inactiveSelectionBackground); border-radius: 3px; }
.candidate.chosen .verdict { color: var(--vscode-testing-iconPassed, inherit); }
`;

// A click on a place asks the extension to open it; nothing else goes out of the page.
const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('[data-place]') : null;
  if (!link) return;
  vscode.postMessage({ type: 'open', place: Number(link.dataset.place) });
});
// the links work from here on (a test clicks only once it sees this)
document.body.dataset.ready = '1';
`;
