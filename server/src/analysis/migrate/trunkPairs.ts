// Does each trunk between two PBXs still register and call after the migration? The same recognition model as the
// trunk checks and the simulation (trunks/recognition/: chan_sip and chan_pjsip on either side, each rule naming its
// sip-recognition case) reads the workspace before and after; a trunk is named by its sender, its section (a peer
// and the endpoint of the same name are one trunk) and the PBX it reaches.
import type { Pbx } from '../../model/pbx';
import { pbxsOf } from '../../model/pbx';
import type { Workspace } from '../../model/workspace';
import type { Recognition } from '../trunks/recognition/types';
import { inviteOver } from '../trunks/recognition/routes';
import { trunkRoutes } from './calls';
import type { Proof } from './types';

export type TrunkRow = Proof['trunks'][number];

interface Verdict {
  register: string | null;
  invite: string | null;
  /** The far side's verdicts themselves, to say what changed. */
  registered: Recognition | null;
  called: Recognition | null;
}

function key(pbx: string, peer: string, other: string): string {
  return `${pbx}\0${peer}\0${other}`;
}

/** What the far side makes of a request, in words: accepted as whom, into which context, or refused with what. */
export function recognitionText(r: Recognition, method: 'REGISTER' | 'INVITE'): string {
  const statuses = r.responses.length > 0 ? ` (${r.responses.join(', ')})` : '';
  const who = r.as ? `${r.driver === 'chan_pjsip' ? 'endpoint' : 'peer'} '${r.as}'${r.by ? ` by ${r.by}` : ''}` : r.guest ? 'a guest' : 'nobody';
  if (!r.accepted) return `${method} refused by ${r.to.name} (${r.driver})${statuses}: taken for ${who}`;
  if (method === 'REGISTER') return `registers to ${r.to.name} (${r.driver}) as ${who}${statuses}`;
  return `calls reach ${r.to.name} (${r.driver}) as ${who}${statuses}, into [${r.context?.name ?? '?'}]`;
}

/** Every trunk's verdict in one workspace: REGISTER and INVITE, keyed by sender, section and far PBX. */
function verdicts(workspace: Workspace, concerned: (p: Pbx) => boolean): Map<string, { pbx: string; peer: string; other: string; v: Verdict; reasons: string[] }> {
  const pbxs = pbxsOf(workspace);
  const { routes, trunks } = trunkRoutes(pbxs);
  const out = new Map<string, { pbx: string; peer: string; other: string; v: Verdict; reasons: string[] }>();
  const entry = (pbx: string, peer: string, other: string): { pbx: string; peer: string; other: string; v: Verdict; reasons: string[] } => {
    const k = key(pbx, peer, other);
    let e = out.get(k);
    if (!e) out.set(k, (e = { pbx, peer, other, v: { register: null, invite: null, registered: null, called: null }, reasons: [] }));
    return e;
  };
  for (const r of routes.registrations) {
    if (!concerned(r.request.from) && !concerned(r.target.to)) continue;
    // a chan_sip `register =>` line and a pjsip registration are both named by the user they register as
    const e = entry(r.request.from.name, r.request.toUser || r.request.via.name, r.target.to.name);
    e.v.register = recognitionText(r.recognition, 'REGISTER');
    e.v.registered = r.recognition;
    e.reasons.push(r.recognition.reason);
  }
  for (const t of trunks) {
    if (!concerned(t.from) && !concerned(t.to)) continue;
    const { recognition } = inviteOver(routes, t.route, null, { number: null });
    const e = entry(t.from.name, t.via, t.to.name);
    e.v.invite = recognitionText(recognition, 'INVITE');
    e.v.called = recognition;
    e.reasons.push(recognition.reason);
  }
  return out;
}

function verdictText(v: Verdict | undefined): string {
  if (!v) return 'no trunk: it reaches no PBX of the workspace';
  return [v.register, v.invite ?? 'sends no INVITE to a PBX of the workspace'].filter((s): s is string => s !== null).join('; ');
}

/**
 * The trunks a migrated PBX sends or receives, before and after: the same when the far side takes the REGISTER and
 * the INVITEs for the same section name into the same context (the driver and the way it recognises them may
 * change: that is what a migration does); otherwise the reason is the far side's, after.
 */
export function compareTrunks(before: Workspace, after: Workspace, migrated: Set<string>, secrets: (s: string) => string): TrunkRow[] {
  const concerned = (p: Pbx): boolean => migrated.has(p.dir);
  const b = verdicts(before, concerned);
  const a = verdicts(after, concerned);
  const rows: TrunkRow[] = [];
  for (const k of new Set([...b.keys(), ...a.keys()])) {
    const x = b.get(k);
    const y = a.get(k);
    const id = (x ?? y)!;
    const beforeText = verdictText(x?.v);
    const afterText = verdictText(y?.v);
    const same = essence(x?.v) === essence(y?.v);
    const reason = same ? null : y ? whatChanged(x?.v, y.v) : `after the migration, ${id.pbx}'s '${id.peer}' no longer reaches ${id.other}`;
    rows.push({ pbx: id.pbx, peer: id.peer, other: id.other, before: secrets(beforeText), after: secrets(afterText), same, reason: reason === null ? null : secrets(reason) });
  }
  return rows.sort((p, q) => p.pbx.localeCompare(q.pbx) || p.peer.localeCompare(q.peer) || p.other.localeCompare(q.other));
}

/** What must not change: registered or not, called or refused, as which name, into which context. */
function essence(v: Verdict | undefined): string {
  if (!v) return 'none';
  const strip = (s: string | null): string => (s === null ? '-' : s.replace(/ \((?:chan_sip|chan_pjsip)\)/g, '').replace(/\b(?:peer|endpoint) '/g, "'").replace(/ by [a-z_-]+/g, '').replace(/ \([0-9, ]+\)/g, ''));
  return `${strip(v.register)}|${strip(v.invite)}`;
}

/** Why a trunk's verdict changed: a request refused now (the far side's reason), or taken for another name or context. */
function whatChanged(before: Verdict | undefined, after: Verdict): string {
  const out: string[] = [];
  const one = (what: string, b: Recognition | null | undefined, a: Recognition | null): void => {
    if (!a) {
      if (b) out.push(`${what} no longer reaches ${b.to.name}.`);
      return;
    }
    if (!a.accepted) {
      if (!b || b.accepted) out.push(`${what} is refused now: ${a.reason}`);
      return;
    }
    if (!b || !b.accepted) {
      out.push(`${what} is accepted now: ${a.reason}`);
      return;
    }
    if (b.as !== a.as) out.push(`${what} is taken for '${a.as ?? 'nobody'}' instead of '${b.as ?? 'nobody'}'.`);
    if (what === 'the INVITE' && b.context?.name !== a.context?.name) {
      const at = a.context?.from === 'section' ? ` (the context of '${a.as ?? '?'}')` : a.context?.from === 'general' ? ' ([general] context)' : a.context?.from === 'default' ? ' (no context set: default)' : '';
      out.push(`calls now land in [${a.context?.name ?? '?'}]${at} instead of [${b.context?.name ?? '?'}].`);
    }
  };
  one('the REGISTER', before?.registered, after.registered);
  one('the INVITE', before?.called, after.called);
  return out.join(' ') || `before: ${verdictText(before)}; after: ${verdictText(after)}`;
}
