// The calls the proof places: every origin of a migrated PBX (its phones, the calls arriving over its trunks, the
// other contexts calls enter) times every number the dialplan names from there (each literal extension of the
// contexts the origin's context includes, a sample of each pattern, and for a pattern with a literal prefix the
// prefix followed by the numbers the far side of a trunk takes: `_**99.` on wazo-a gives `**99101`). Bounded: at
// most MAX_NUMBERS a origin and MAX_CALLS in all, each cut said in a note; the numbers of a start context are
// worked out once.
import * as path from 'node:path';
import type { Dialplan } from '../../model/dialplan';
import { PRIORITY_HINT } from '../../model/dialplan';
import { matchExtension } from '../../model/extensionName';
import type { Pbx } from '../../model/pbx';
import { nonDialplanFiles, pbxsOf } from '../../model/pbx';
import type { PjsipObject } from '../../model/pjsip';
import { objectOf, objectsOf, option } from '../../model/pjsip';
import type { SipPeer } from '../../model/sip';
import type { Workspace } from '../../model/workspace';
import { CONTEXT_KEYS } from '../checks/unreachableContext';
import { explainPattern } from '../explainPattern';
import type { Route, Routes } from '../trunks/recognition/routes';
import { inviteOver, routesOf } from '../trunks/recognition/routes';
import type { ProofRow } from './types';

export const MAX_NUMBERS = 100;
export const MAX_CALLS = 1000;
/** Numbers a pattern's prefix is completed with from the far side of a trunk, at most. */
const MAX_TRUNK_SAMPLES = 8;

/** Extensions a caller does not dial: what Asterisk runs on its own (hangup, invalid, timeout, start...). */
export const SPECIAL_EXTENSIONS = new Set(['s', 'h', 'i', 't', 'T', 'a', 'o', 'e', 'fax', 'talk']);

export type ProofOrigin = ProofRow['origin'];

export interface PlannedCalls {
  calls: { origin: ProofOrigin; numbers: string[] }[];
  notes: string[];
}

/** A via (chan_sip peer or pjsip endpoint) of a PBX by name. */
export function viaOf(pbx: Pbx, name: string): SipPeer | PjsipObject | undefined {
  return pbx.sip?.peers.get(name) ?? (pbx.pjsip ? objectOf(pbx.pjsip, 'endpoint', name) : undefined);
}

function viaName(via: SipPeer | PjsipObject): string {
  return 'categories' in via ? via.name : via.id;
}

function vias(pbx: Pbx): (SipPeer | PjsipObject)[] {
  return [...(pbx.sip?.peers.values() ?? []), ...(pbx.pjsip ? objectsOf(pbx.pjsip, 'endpoint') : [])];
}

/** The context a call from a peer or endpoint of this name starts in. */
export function contextOfVia(via: SipPeer | PjsipObject): string {
  return 'categories' in via ? via.context.name : (option(via, 'context')?.text ?? 'default');
}

/** A trunk of the workspace: a peer or endpoint of `from` whose INVITEs reach `to`, and the far side's verdict. */
export interface TrunkRoute {
  from: Pbx;
  via: string;
  to: Pbx;
  route: Route;
}

export function trunkRoutes(pbxs: Pbx[]): { routes: Routes; trunks: TrunkRoute[] } {
  const routes = routesOf(pbxs);
  const trunks: TrunkRoute[] = [];
  for (const from of pbxs) {
    for (const via of vias(from)) {
      const route = routes.route(from, via);
      if (route) trunks.push({ from, via: viaName(via), to: route.target.to, route });
    }
  }
  return { routes, trunks };
}

/** The names of a PBX's sections that are trunks: they send to another PBX, or another PBX's requests land in them. */
function trunkNames(pbx: Pbx, pbxs: Pbx[]): Set<string> {
  const { routes, trunks } = trunkRoutes(pbxs);
  const out = new Set<string>();
  for (const t of trunks) {
    if (t.from === pbx) out.add(t.via);
    if (t.to === pbx) {
      const r = inviteOver(routes, t.route, null, { number: null }).recognition;
      if (r.as) out.add(r.as);
    }
  }
  for (const r of routes.registrations) if (r.target.to === pbx && r.recognition.as) out.add(r.recognition.as);
  return out;
}

/** Contexts calls enter other than through a phone or trunk: chan_sip guests, `context=` of other files, run-time contexts. */
function entryContexts(workspace: Workspace, pbx: Pbx): string[] {
  const plan = pbx.dialplan;
  if (!plan) return [];
  const entries = new Set<string>();
  if (pbx.sip) entries.add(pbx.sip.general.get('context')?.assignment.value.text ?? 'default');
  for (const f of nonDialplanFiles(workspace, pbx)) {
    const base = path.posix.basename(f);
    if (base === 'sip.conf' || base === 'pjsip.conf' || base === 'pjsip_wizard.conf') continue;
    for (const s of workspace.document(f)?.sections ?? []) {
      for (const i of s.items) if (i.type === 'Assignment' && CONTEXT_KEYS.has(i.key.text.toLowerCase())) entries.add(i.value.text);
    }
  }
  return [...entries].filter((c) => plan.contexts.has(c));
}

/** The literal extensions and pattern samples a caller starting in `start` can dial (its includes followed). */
export function numbersOf(plan: Dialplan, start: string, farNumbers: string[] = []): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0 && out.size < MAX_NUMBERS) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const ctx = plan.contexts.get(name);
    if (!ctx) continue;
    for (const e of ctx.extensions) {
      if (out.size >= MAX_NUMBERS) break;
      if (![...e.priorities.keys()].some((p) => p !== PRIORITY_HINT)) continue;
      if (!e.isPattern) {
        if (!SPECIAL_EXTENSIONS.has(e.exten)) out.add(e.exten);
        continue;
      }
      for (const n of patternSamples(e.name, farNumbers)) out.add(n);
    }
    for (const inc of ctx.includes) queue.push(inc.context);
  }
  return [...out].slice(0, MAX_NUMBERS);
}

/**
 * Numbers to dial for a pattern: the first example of its explanation (checked against the matcher there), and
 * for a pattern with a literal prefix, that prefix followed by each number the far side of a trunk takes, when the
 * pattern matches it (`_**99.` with B's 101 gives `**99101`, `_9XXX` with 201 gives `9201`).
 */
export function patternSamples(pattern: string, farNumbers: string[] = []): string[] {
  const name = pattern.startsWith('_') ? pattern : `_${pattern}`;
  const out: string[] = [];
  const first = explainPattern(name).matches[0];
  if (first !== undefined) out.push(first);
  const prefix = /^_([0-9*#+]*)/.exec(name)?.[1] ?? '';
  if (prefix !== '') {
    for (const n of farNumbers) {
      if (out.length > MAX_TRUNK_SAMPLES) break;
      const candidate = prefix + n;
      if (!out.includes(candidate) && matchExtension(name, candidate, 'match') !== 0) out.push(candidate);
    }
  }
  return out;
}

/** The numbers the far sides of a PBX's trunks take: literal extensions where its INVITEs land. */
function farNumbersOf(pbx: Pbx, pbxs: Pbx[]): string[] {
  const { routes, trunks } = trunkRoutes(pbxs);
  const out = new Set<string>();
  for (const t of trunks) {
    if (t.from !== pbx || !t.to.dialplan) continue;
    const r = inviteOver(routes, t.route, null, { number: null }).recognition;
    if (r.accepted && r.context) for (const n of numbersOf(t.to.dialplan, r.context.name)) if (/^[0-9*#+]+$/.test(n)) out.add(n);
  }
  return [...out];
}

/** The calls to place for the migrated PBXs, from the workspaces before and after (origins and numbers of both). */
export function planCalls(before: Workspace, after: Workspace, migrated: Set<string>): PlannedCalls {
  const calls = new Map<string, { origin: ProofOrigin; numbers: Set<string> }>();
  const notes: string[] = [];
  const add = (origin: ProofOrigin, numbers: string[]): void => {
    const key = `${origin.kind}\0${origin.pbx}\0${origin.name}`;
    let c = calls.get(key);
    if (!c) calls.set(key, (c = { origin, numbers: new Set() }));
    for (const n of numbers) c.numbers.add(n);
  };
  for (const ws of [before, after]) {
    const pbxs = pbxsOf(ws);
    const memo = new Map<string, string[]>();
    const far = new Map<Pbx, string[]>();
    const numbers = (pbx: Pbx, context: string): string[] => {
      const key = `${pbx.name}\0${context}`;
      let n = memo.get(key);
      if (n === undefined) {
        if (!far.has(pbx)) far.set(pbx, farNumbersOf(pbx, pbxs));
        memo.set(key, (n = pbx.dialplan ? numbersOf(pbx.dialplan, context, far.get(pbx)) : []));
      }
      return n;
    };
    const { routes, trunks } = trunkRoutes(pbxs);
    for (const pbx of pbxs) {
      if (!migrated.has(pbx.dir)) continue;
      const trunkSet = trunkNames(pbx, pbxs);
      const started = new Set<string>();
      for (const via of vias(pbx)) {
        const name = viaName(via);
        started.add(contextOfVia(via));
        // pjsip's endpoint 'anonymous' is no phone: it takes the calls nobody is identified for, chan_sip's guests
        if (name === 'anonymous' && pbx.pjsip !== null) add({ kind: 'context', pbx: pbx.name, name: contextOfVia(via) }, numbers(pbx, contextOfVia(via)));
        else if (!trunkSet.has(name)) add({ kind: 'phone', pbx: pbx.name, name }, numbers(pbx, contextOfVia(via)));
      }
      for (const c of entryContexts(ws, pbx)) if (!started.has(c)) add({ kind: 'context', pbx: pbx.name, name: c }, numbers(pbx, c));
    }
    // calls arriving over a trunk that a migrated PBX sends or receives
    for (const t of trunks) {
      if (!migrated.has(t.from.dir) && !migrated.has(t.to.dir)) continue;
      const r = inviteOver(routes, t.route, null, { number: null }).recognition;
      add({ kind: 'trunk', pbx: t.to.name, name: `${t.from.name}/${t.via}` }, r.context ? numbers(t.to, r.context.name) : []);
    }
  }
  let total = 0;
  const out: PlannedCalls['calls'] = [];
  for (const c of calls.values()) {
    let numbers = [...c.numbers];
    if (numbers.length > MAX_NUMBERS) {
      notes.push(`${originText(c.origin)}: only the first ${MAX_NUMBERS} of ${numbers.length} numbers are simulated.`);
      numbers = numbers.slice(0, MAX_NUMBERS);
    }
    if (total + numbers.length > MAX_CALLS) {
      notes.push(`The proof stops at ${MAX_CALLS} calls: ${originText(c.origin)} and the origins after it are simulated in part or not at all.`);
      numbers = numbers.slice(0, MAX_CALLS - total);
    }
    total += numbers.length;
    if (numbers.length > 0) out.push({ origin: c.origin, numbers });
    if (total >= MAX_CALLS) break;
  }
  return { calls: out, notes };
}

export function originText(o: ProofOrigin): string {
  return o.kind === 'trunk' ? `trunk ${o.name} -> ${o.pbx}` : `${o.kind} ${o.pbx}:${o.name}`;
}
