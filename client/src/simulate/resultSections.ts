// The result view's sections about what a live call would decide: every distinct outcome (all paths), the
// assumptions of the path shown, and what Asterisk logs on the way (its warnings and errors). Pure, like
// resultHtml.ts, with the same escaping and place links.
import type { Place, SimulateDialResult } from '../../../server/src/protocol';
import { escape, headline } from './resultText';

type PlaceLink = (p: Partial<Place>, short?: boolean) => string;

/** `a`, `a or b`, `a, b or c`. */
const orList = (items: string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`);

/** "All outcomes": where the call can end up, the most common first, each with what leads there. */
export function pathsSection(result: SimulateDialResult, place: PlaceLink): string[] {
  if (!result.paths || result.paths.length === 0) return [];
  const total = result.paths.reduce((n, p) => n + p.paths, 0);
  const out = [`<h2>All outcomes <span class="count">(${total} path${total > 1 ? 's' : ''}${result.pathsCut ? ', cut at 256: there are more' : ''})</span></h2>`, '<ul id="paths">'];
  for (const p of result.paths) {
    const when = p.assumptions.filter((a) => a.value !== '').map((a) => `${escape(a.what)} = ${orList((a.values ?? [a.value]).map((v) => `<code>${escape(v)}</code>`))}${a.hop ? ` ${place(a.hop, true)}` : ''}`);
    out.push(
      `<li class="path" data-kind="${escape(p.outcome.kind)}">${escape(headline(p.outcome))} ${place(p.outcome, true)} <span class="count">(${p.paths} path${p.paths > 1 ? 's' : ''})</span>` +
        (when.length ? `<div class="paths-when">when ${when.join('; ')}</div>` : '<div class="paths-when">with nothing assumed</div>') +
        '</li>',
    );
  }
  out.push('</ul>');
  return out;
}

/** What the path shown took for granted: each assumption, where it was made and whether the user gave it. */
export function assumptionsSection(result: SimulateDialResult, code: (t: string) => string): string[] {
  if (result.assumptions.length === 0) return [];
  return [
    '<h2>Assumed</h2>',
    '<ul id="assumptions">',
    ...result.assumptions.map(
      (a) => `<li class="assumption" data-source="${a.source}">${escape(a.what)} = ${code(a.value)} <span class="how">${a.source === 'input' ? 'your input' : a.source === 'default' ? 'the simulation’s choice' : 'one path'}</span> ${a.hop >= 0 ? `<a href="#hop-${a.hop}">(step ${a.hop + 1})</a>` : '(before the first step)'}</li>`,
    ),
    '</ul>',
  ];
}

/**
 * "Trunks crossed": for each INVITE the call sent to another PBX, who the far side took it for and how, the SIP
 * statuses the caller got, where it landed, and what the far side logs about it (from the recognition model).
 */
export function crossingsSection(result: SimulateDialResult, code: (t: string) => string): string[] {
  const list = result.crossings ?? [];
  if (list.length === 0) return [];
  return [
    '<h2>Trunks crossed</h2>',
    '<ul id="crossings">',
    ...list.map((c) => {
      const taken = c.as !== null ? `taken for ${code(c.as)}` : c.context !== null ? 'let in as a guest' : 'matched to nothing';
      const statuses = c.responses.length > 0 ? c.responses.join(', ') : 'no challenge';
      const landed = c.context !== null ? `, lands in ${code(c.context)}` : ', refused';
      return (
        `<li class="crossing" data-accepted="${c.context !== null}">${escape(c.from)} → ${escape(c.to)} (${escape(c.driver)}) through ${code(c.device)}: ${taken}, ${escape(statuses)}${landed}` +
        `<div class="crossing-reason">${escape(c.reason)}</div>` +
        (c.log.length > 0 ? `<div class="crossing-log">${c.log.map((l) => escape(l)).join('<br>')}</div>` : '') +
        '</li>'
      );
    }),
    '</ul>',
  ];
}

/** The warnings and errors Asterisk logs while running the call. */
export function logSection(result: SimulateDialResult): string[] {
  const lines = result.log.filter((l) => l.level === 'WARNING' || l.level === 'ERROR');
  if (lines.length === 0) return [];
  return [
    '<h2>What Asterisk logs</h2>',
    '<ul id="log">',
    ...lines.map((l) => `<li class="log-line ${l.level}"><span class="level">${l.level}</span> ${escape(l.source)}: ${escape(l.message)} <a href="#hop-${Math.max(0, l.afterHop - 1)}">(after step ${l.afterHop})</a></li>`),
    '</ul>',
  ];
}
