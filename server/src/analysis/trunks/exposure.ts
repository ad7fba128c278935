// What a context lets a caller reach: every context it includes (the include closure), the contexts its Goto,
// Gosub and Local targets lead to, and whether any of them dials out through a SIP peer.
import type { Dialplan } from '../../model/dialplan';
import { applicationTargets } from '../targets';

/** The contexts a call that starts in one of `starts` can get to (includes and static jump targets). */
export function reachableContexts(plan: Dialplan, starts: string | Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const queue = typeof starts === 'string' ? [starts] : [...starts];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    const ctx = plan.contexts.get(name);
    if (!ctx) continue;
    seen.add(name);
    for (const inc of ctx.includes) queue.push(inc.context);
    for (const e of ctx.extensions) {
      for (const p of e.priorities.values()) for (const t of applicationTargets(p)) if (t.context && !/\$[{[]/.test(t.context)) queue.push(t.context);
    }
  }
  return seen;
}

/** A Dial in these contexts that goes out through one of these peers: `SIP/peer/num`, `SIP/num@peer`, `SIP/peer`. */
export function dialsOut(plan: Dialplan, contexts: Set<string>, trunks: Set<string>): { context: string; extension: string; peer: string } | null {
  for (const name of contexts) {
    const ctx = plan.contexts.get(name);
    for (const e of ctx?.extensions ?? []) {
      for (const p of e.priorities.values()) {
        if (p.app.toLowerCase() !== 'dial') continue;
        const value = p.data.split(',')[0].replace(/\$\{[^}]*\}/g, (v) => (/TRUNK/i.test(v) ? plan.globals.get(v.slice(2, -1)) ?? v : v));
        for (const channel of value.split('&')) {
          const m = /^(?:SIP|PJSIP|IAX2)\/(?:([^/@]+)@)?([^/@]+)/i.exec(channel.trim());
          if (!m) continue;
          const peer = trunks.has(m[2]) ? m[2] : m[1] !== undefined && trunks.has(m[1]) ? m[1] : null;
          if (peer) return { context: name, extension: e.name, peer };
        }
      }
    }
  }
  return null;
}
