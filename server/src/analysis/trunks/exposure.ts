// What a context lets a caller reach: every context it includes (the include closure), the contexts its Goto,
// Gosub and Local targets lead to, and whether any of them dials out through a SIP peer.
import type { Context, Dialplan } from '../../model/dialplan';
import type { Pbx } from '../../model/pbx';
import type { Located } from '../../model/sip';
import { located } from '../../model/sip';
import { applicationTargets } from '../targets';
import { generalFlag } from './recognition/chanSip';

interface Node {
  /** Contexts this one includes or jumps to by name. */
  next: Set<string>;
  /** A jump whose context is built at run time. */
  dynamic: boolean;
}

const graphs = new WeakMap<Dialplan, Map<string, Node>>();
const nodes = new WeakMap<Context, Node>();

/** The contexts of a dialplan and where each leads, computed once per context (kept contexts keep theirs). */
export function contextGraph(plan: Dialplan): Map<string, Node> {
  let graph = graphs.get(plan);
  if (graph !== undefined) return graph;
  graph = new Map();
  for (const ctx of plan.contexts.values()) {
    const known = nodes.get(ctx);
    if (known) {
      graph.set(ctx.name, known);
      continue;
    }
    const node: Node = { next: new Set(ctx.includes.map((i) => i.context)), dynamic: false };
    for (const e of ctx.extensions) {
      for (const p of e.priorities.values()) {
        for (const t of applicationTargets(p)) {
          if (t.context && !/\$[{[]/.test(t.context)) node.next.add(t.context);
          else if (t.dynamic && (t.context === undefined || /\$[{[]/.test(t.context))) node.dynamic = true;
        }
      }
    }
    graph.set(ctx.name, node);
    nodes.set(ctx, node);
  }
  graphs.set(plan, graph);
  return graph;
}

/** The contexts a call that starts in one of `starts` can get to (includes and static jump targets). */
export function reachableContexts(plan: Dialplan, starts: string | Iterable<string>): Set<string> {
  const graph = contextGraph(plan);
  const seen = new Set<string>();
  const queue = typeof starts === 'string' ? [starts] : [...starts];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    const node = graph.get(name);
    if (!node) continue;
    seen.add(name);
    for (const n of node.next) queue.push(n);
  }
  return seen;
}

/** Does any of these contexts jump to a context built at run time? */
export function hasDynamicJumps(plan: Dialplan, contexts: Iterable<string>): boolean {
  const graph = contextGraph(plan);
  for (const c of contexts) if (graph.get(c)?.dynamic) return true;
  return false;
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

/**
 * Where chan_sip lets strangers in: with allowguest on (its default), an INVITE that matches no section lands
 * unchallenged in [general]'s context or `default`. Null when guests are off. `at` is the line to point at.
 */
export function sipGuests(pbx: Pbx): { context: string; fromGeneral: boolean; explicit: boolean; at: Located } | null {
  const sip = pbx.sip;
  if (!sip || !generalFlag(pbx, 'allowguest', true)) return null;
  const guest = sip.general.get('allowguest');
  const ctxVar = sip.general.get('context');
  const first = [...sip.general.values()][0];
  const at = guest ? located(guest.file, guest.assignment) : ctxVar ? located(ctxVar.file, ctxVar.assignment) : first ? located(first.file, first.assignment) : { file: sip.file, start: 0, end: 0 };
  return { context: ctxVar?.assignment.value.text ?? 'default', fromGeneral: ctxVar !== undefined, explicit: guest !== undefined, at };
}

/** The chan_sip peers with a fixed address: the trunks a dialplan can dial out through. */
export function sipTrunkNames(pbx: Pbx): Set<string> {
  return new Set([...(pbx.sip?.peers.values() ?? [])].filter((p) => (p.values.get('host')?.assignment.value.text ?? 'dynamic').toLowerCase() !== 'dynamic').map((p) => p.name));
}
