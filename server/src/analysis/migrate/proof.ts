// The proof of a chan_sip -> chan_pjsip migration (issue 15): the workspace after the migrations (the files overlaid
// with their changes), every call of calls.ts simulated before and after with the same inputs and compared, and
// every trunk of a migrated PBX paired again on both sides (trunkPairs.ts). Nothing is written anywhere.
import * as path from 'node:path';
import type { FileHost } from '../../model/fileHost';
import { hasGlobMagic, segmentRegExp } from '../../model/fileHost';
import type { Pbx } from '../../model/pbx';
import { pbxsOf } from '../../model/pbx';
import { Workspace } from '../../model/workspace';
import type { Origin, SimulateDialResult } from '../../protocol';
import { inviteOver } from '../trunks/recognition/routes';
import { simulate } from '../simulate/simulate';
import type { ProofOrigin } from './calls';
import { planCalls, trunkRoutes, viaOf } from './calls';
import { explainDifference, maskSecrets, notPlaced, sameCall, secretsOf, summarize } from './summary';
import { recognitionText, compareTrunks } from './trunkPairs';
import type { CallSummary, Migration, MigrationNote, Proof, ProofRow } from './types';

/** The files as the migrations leave them, in front of the workspace's own (open buffers included). */
class OverlayHost implements FileHost {
  constructor(
    private readonly base: FileHost,
    private readonly changes: Map<string, string | null>,
  ) {}
  read(file: string): string | undefined {
    if (this.changes.has(file)) return this.changes.get(file) ?? undefined;
    return this.base.read(file);
  }
  glob(pattern: string): string[] {
    const found = new Set(this.base.glob(pattern).filter((f) => this.changes.get(f) !== null));
    const parts = pattern.split('/');
    for (const [f, text] of this.changes) {
      if (text === null || found.has(f)) continue;
      const fp = f.split('/');
      if (fp.length === parts.length && parts.every((p, i) => (hasGlobMagic(p) ? segmentRegExp(p).test(fp[i]) : p === fp[i]))) found.add(f);
    }
    return [...found].sort();
  }
  whyUnreadable(file: string): string | null {
    if (this.changes.has(file)) return null;
    return this.base.whyUnreadable?.(file) ?? null;
  }
}

/** The workspace after the migrations: each change's `after` text replaces the file, `after: null` removes it. */
export function afterWorkspace(workspace: Workspace, migrations: Migration[]): Workspace {
  const changes = new Map<string, string | null>();
  for (const m of migrations) for (const c of m.changes) changes.set(path.posix.normalize(c.file), c.after);
  const after = new Workspace(new OverlayHost(workspace.host, changes));
  after.configure({ ...workspace.settings, runtimeContexts: [...workspace.settings.runtimeContexts], addresses: { ...workspace.settings.addresses }, severity: { ...workspace.settings.severity } });
  for (const folder of workspace.folderList) after.addFolder(folder);
  for (const f of workspace.known) if (changes.get(f) !== null) after.addKnown(f);
  for (const [f, text] of changes) if (text !== null) after.addKnown(f);
  return after;
}

/** Every call of the migrated PBXs simulated before and after, and every trunk of theirs paired again. */
export function proveMigration(workspace: Workspace, migrations: Migration[]): Proof {
  const after = afterWorkspace(workspace, migrations);
  const migrated = new Set(migrations.map((m) => path.posix.normalize(m.pbx).replace(/\/$/, '')));
  const notes = migrations.flatMap((m) => m.notes);
  const secrets = secretsOf([workspace, after]);
  const mask = (s: string): string => maskSecrets(s, secrets);
  const planned = planCalls(workspace, after, migrated);
  // one instant for both sides: timed includes and GotoIfTime read the same time
  const when = new Date();
  const rows: ProofRow[] = [];
  for (const { origin, numbers } of planned.calls) {
    for (const number of numbers) {
      const b = placeCall(workspace, origin, number, when);
      const a = placeCall(after, origin, number, when);
      const before = maskSummary(b.summary, mask);
      const afterSummary = maskSummary(a.summary, mask);
      const same = sameCall(before, afterSummary);
      rows.push({ origin, number, before, after: afterSummary, same, reason: same ? null : mask(reasonFor(notes, b.result, a.result, before, afterSummary)) });
    }
  }
  const proof: Proof = { rows, trunks: compareTrunks(workspace, after, migrated, mask) };
  if (planned.notes.length > 0) proof.notes = planned.notes;
  return proof;
}

function maskSummary(s: CallSummary, mask: (s: string) => string): CallSummary {
  return { ...s, text: mask(s.text) };
}

/** One call from an origin in one workspace, or why it cannot be placed there. */
function placeCall(workspace: Workspace, origin: ProofOrigin, number: string, when: Date): { summary: CallSummary; result: SimulateDialResult | null } {
  const pbxs = pbxsOf(workspace);
  const pbx = pbxs.find((p) => p.name === origin.pbx);
  if (!pbx) return { summary: notPlaced('no-pbx', origin.pbx, `There is no PBX ${origin.pbx}.`), result: null };
  let from: Origin | null;
  if (origin.kind === 'context') from = { pbx: pbx.name, kind: 'context', name: origin.name };
  else if (origin.kind === 'phone') from = originOfVia(pbx, origin.name);
  else {
    const arriving = arrivingOver(pbxs, pbx, origin.name, number);
    if ('summary' in arriving) return { summary: arriving.summary, result: null };
    from = arriving.from;
  }
  if (!from) return { summary: notPlaced('no-origin', pbx.name, `${pbx.name} has no peer or endpoint named '${origin.name}'.`), result: null };
  const result = simulate(workspace, { number, from, when });
  return { summary: summarize(result), result };
}

function originOfVia(pbx: Pbx, name: string): Origin | null {
  const via = viaOf(pbx, name);
  if (!via) return null;
  if ('categories' in via) return { pbx: pbx.name, kind: via.type === 'user' ? 'user' : 'peer', name };
  return { pbx: pbx.name, kind: 'endpoint', name };
}

/** A call arriving at `to` over the trunk `sender/section`: where the far side's INVITE lands, or why it is refused. */
function arrivingOver(pbxs: Pbx[], to: Pbx, name: string, number: string): { from: Origin } | { summary: CallSummary } {
  const slash = name.indexOf('/');
  const sender = pbxs.find((p) => p.name === name.slice(0, slash));
  const section = name.slice(slash + 1);
  const via = sender ? viaOf(sender, section) : undefined;
  if (!sender || !via) return { summary: notPlaced('no-trunk', to.name, `${name.slice(0, slash)} has no peer or endpoint named '${section}'.`) };
  const { routes, trunks } = trunkRoutes(pbxs);
  const t = trunks.find((x) => x.from === sender && x.via === section);
  if (!t || t.to !== to) return { summary: notPlaced('no-trunk', to.name, `${sender.name}'s '${section}' sends no INVITE to ${to.name}.`) };
  const r = inviteOver(routes, t.route, number, { number: null }).recognition;
  if (!r.accepted) return { summary: { kind: 'rejected', pbx: to.name, context: '', exten: number, text: `${recognitionText(r, 'INVITE')}.` } };
  if (r.peer) return { from: { pbx: to.name, kind: r.peer.type === 'user' ? 'user' : 'peer', name: r.peer.name } };
  if (r.endpoint) return { from: { pbx: to.name, kind: 'endpoint', name: r.endpoint.id } };
  return { from: { pbx: to.name, kind: 'context', name: r.context?.name ?? 'default' } };
}

/**
 * Why a call changed: the converter's note on a line the call ran (before or after) or on the origin's section, else
 * the two endings explained.
 */
function reasonFor(notes: MigrationNote[], before: SimulateDialResult | null, after: SimulateDialResult | null, b: CallSummary, a: CallSummary): string {
  const lines = new Set<string>();
  for (const r of [before, after]) {
    if (!r) continue;
    for (const h of [...r.hops, r.outcome]) if (h.file && h.line) lines.add(`${h.file}:${h.line}`);
  }
  const noted = notes.filter((n) => lines.has(`${n.file}:${n.line + 1}`));
  const why = explainDifference(b, a);
  if (noted.length === 0) return why;
  return `${noted.map((n) => `${n.text}: ${n.reason}`).join(' ')} (${why})`;
}
