// "Simulate dial": a call from an origin (a context, or what a peer, endpoint, user or friend enters) to its end,
// run by the interpreter of walk.ts and apps/*.ts as Asterisk runs it, across Local channels, trunks to the other
// PBXs of the workspace and IvozProvider companies. What a live call alone would know (a Dial's status, the
// caller's keys, a database value) is an input or an assumption; with `allPaths`, every branch of those decisions
// is run too (all-paths.ts) and the distinct outcomes listed.
import { pbxsOf } from '../../model/pbx';
import type { Pbx } from '../../model/pbx';
import { objectOf, option } from '../../model/pjsip';
import type { Workspace } from '../../model/workspace';
import type { Origin, Outcome, SimulateDialResult, SimulateInputs } from '../../protocol';
import { companyRoute, finalOutcome, newCall, start } from './across';
import { hideSecrets } from './apps/dial';
import { explore } from './allPaths';
import { Run } from './run';
import { setPlain } from './values';

export { MAX_STEPS } from './run';

export interface SimulateOptions {
  number: string;
  from: Origin;
  callerId?: string | null;
  /** When timed includes and GotoIfTime are evaluated (default: now, said as an assumption where it matters). */
  when?: Date;
  inputs?: SimulateInputs;
  /** Every distinct outcome too, forking at each decision a live call would make. */
  allPaths?: boolean;
}

export function simulate(workspace: Workspace, o: SimulateOptions): SimulateDialResult {
  const pbxs = pbxsOf(workspace);
  const { result, run } = once(workspace, pbxs, o, null);
  if (o.allPaths && run !== null) {
    const all = explore(run.decisions, (forced) => once(workspace, pbxs, o, forced));
    result.paths = all.paths;
    result.pathsCut = all.cut;
  }
  return result;
}

function emptyResult(o: SimulateOptions): SimulateDialResult {
  return {
    number: o.number,
    from: { pbx: '', context: '' },
    match: { result: 'no-context' },
    matches: [],
    hops: [],
    rewrites: [],
    notes: [],
    outcome: { kind: 'no-context', pbx: '', context: null, extension: null, sipStatus: null, reason: '' },
    end: 'no-extension',
    assumptions: [],
    log: [],
  };
}

/** One run of the call, taking at each decision the forced choice (all paths) or the main one. */
export function once(workspace: Workspace, pbxs: Pbx[], o: SimulateOptions, forced: number[] | null): { result: SimulateDialResult; run: Run | null } {
  const result = emptyResult(o);
  const origin = resolveOrigin(pbxs, o.from);
  if ('error' in origin) {
    result.outcome = { kind: 'no-context', pbx: o.from.pbx ?? '', context: o.from.kind === 'context' ? o.from.name : null, extension: null, sipStatus: null, reason: origin.error };
    return { result, run: null };
  }
  const run = new Run(workspace, pbxs, o.when, o.inputs ?? {}, result, forced);
  result.from = { pbx: origin.pbx.name, context: origin.context ?? '' };
  if (origin.note) result.notes.push(origin.note);
  const caller = parseCallerId(o.callerId ?? null);
  if (origin.context === null) {
    result.outcome = companyRoute(run, origin.pbx, o.number, caller);
    result.match = { result: result.outcome.kind === 'extension' || result.outcome.kind === 'friend' ? 'match' : 'no-extension' };
    result.end = result.outcome.kind;
    return { result, run };
  }
  const call = newCall(run, origin.pbx, origin.context, o.number, caller, origin.tech);
  for (const [name, value] of Object.entries(o.inputs?.set ?? {})) {
    setPlain(call.ch, name, value);
    run.assume(name, value, 'input');
  }
  const s = start(run, call);
  // a channel that never ran ends as a Local channel that cannot be created: "No such extension/context"
  result.end = s.end?.end ?? (s.refused ? 'no-extension' : 'hangup');
  if (call.hStart !== undefined) result.hStart = call.hStart;
  result.outcome = finalOutcome(run, s);
  hideAll(result);
  return { result, run };
}

/**
 * The caller ID given: a number, or `"Name" <number>` as ast_callerid_parse reads it (a call file's CallerID, the
 * recognition labs' calls); a name alone has no number.
 */
export function parseCallerId(text: string | null): { number: string | null; name: string | null } {
  if (text === null || text.trim() === '') return { number: null, name: null };
  const m = /^\s*(?:"([^"]*)"|([^<"]*?))\s*<([^>]*)>\s*$/.exec(text);
  if (m) return { number: m[3].trim() === '' ? null : m[3].trim(), name: (m[1] ?? m[2] ?? '').trim() || null };
  return { number: text.trim(), name: null };
}

/** A device string may carry a secret (IAX2/user:secret@host): it never reaches a view, a log or a test snapshot. */
function hideAll(result: SimulateDialResult): void {
  result.outcome.reason = hideSecrets(result.outcome.reason);
  result.notes = result.notes.map(hideSecrets);
  for (const h of result.hops) {
    h.note = hideSecrets(h.note);
    h.data = hideSecrets(h.data);
  }
  for (const l of result.log) l.message = hideSecrets(l.message);
}

export function describe(o: Outcome): string {
  const where = o.context ? ` (${o.extension ?? ''}@${o.context} on ${o.pbx})` : ` (${o.pbx})`;
  return `${o.kind}${o.sipStatus ? ` ${o.sipStatus}` : ''}${where}. ${o.reason}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Where the call starts

type Start = { pbx: Pbx; context: string | null; note?: string; tech: string };

/** Where a call from this origin starts on one PBX, or null when that PBX has no such origin. */
function startOn(pbx: Pbx, from: Origin): Start | null {
  switch (from.kind) {
    case 'context':
      return pbx.dialplan?.contexts.has(from.name) ? { pbx, context: from.name, tech: 'Local' } : null;
    case 'peer':
    case 'user': {
      const peer = pbx.sip?.peers.get(from.name);
      if (!peer) return null;
      return { pbx, context: peer.context.name, tech: `SIP/${peer.name}`, note: `A call from ${peer.type} '${peer.name}' starts in its context '${peer.context.name}'${peer.context.from === 'peer' ? '' : ` (from ${peer.context.from === 'general' ? '[general]' : "chan_sip's default"})`}.` };
    }
    case 'endpoint': {
      const e = pbx.pjsip ? objectOf(pbx.pjsip, 'endpoint', from.name) : undefined;
      if (!e) return null;
      const ctx = option(e, 'context')?.text ?? 'default';
      return { pbx, context: ctx, tech: `PJSIP/${e.id}`, note: `A call from endpoint '${e.id}' starts in its context '${ctx}'.` };
    }
    case 'friend': {
      const friend = pbx.company?.friends.find((f) => f.name === from.name);
      if (!friend) return null;
      return { pbx, context: null, tech: 'SIP', note: `A call from friend '${friend.name}' is routed by ${pbx.name}: an internal extension first, then the friends in priority order, then outside.` };
    }
  }
}

/** The PBXs (folder names) that have this origin: more than one means `from` must name its PBX. */
export function originPbxs(workspace: Workspace, from: Origin): string[] {
  const pbxs = pbxsOf(workspace);
  const named = from.pbx !== undefined && from.pbx !== '' ? pbxs.filter((p) => p.name === from.pbx) : pbxs;
  return named.filter((p) => startOn(p, from) !== null).map((p) => p.name);
}

/**
 * The PBX and context a call from this origin starts in. An origin that no PBX has, or that several have when
 * `from` names none, is an error: the call is never routed through a PBX that merely happens to come first.
 */
function resolveOrigin(pbxs: Pbx[], from: Origin): Start | { error: string } {
  if (pbxs.length === 0) return { error: 'There is no PBX in the workspace: no folder holds extensions.conf, sip.conf, pjsip.conf or ivozprovider.conf.' };
  const named = from.pbx !== undefined && from.pbx !== '' ? pbxs.filter((p) => p.name === from.pbx) : pbxs;
  if (named.length === 0) return { error: `No PBX named '${from.pbx}' in the workspace (PBXs: ${pbxs.map((p) => p.name).join(', ') || 'none'}).` };
  const what = from.kind === 'context' ? `context '${from.name}'` : `${from.kind} '${from.name}'`;
  const starts = named.map((p) => startOn(p, from)).filter((s): s is Start => s !== null);
  if (starts.length === 1) return starts[0];
  if (starts.length > 1) {
    const choices = starts.map((s) => `${s.pbx.name}:${from.kind === 'context' ? '' : from.kind + ':'}${from.name}`);
    return { error: `Several PBXs have ${what}: ${starts.map((s) => s.pbx.name).join(', ')}. Name the one the call starts on: ${choices.join(' or ')}.` };
  }
  const searched = named.map((p) => p.name).join(', ');
  return { error: `There is no ${what} on ${named.length === 1 ? searched : `any of ${searched}`}: Asterisk would answer "${from.kind === 'context' ? 'no such context' : 'no such ' + from.kind}".` };
}

