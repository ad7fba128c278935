// "Simulate dial" over LSP: the origins a call can start from (for the client's picker and the editor context
// menu), the simulation itself with files as URIs, and the CodeLenses above contexts and trunk sections.
import * as path from 'node:path';
import type { CodeLens } from 'vscode-languageserver';
import { simulate } from '../analysis/simulate/simulate';
import { friendLinks } from '../analysis/trunks/ivozPairing';
import { peerAddress, sipLinks } from '../analysis/trunks/pairing';
import { pjsipLinks } from '../analysis/trunks/pjsipPairing';
import { crossings } from '../analysis/trunks/direction';
import { routesOf } from '../analysis/trunks/recognition/routes';
import type { Pbx } from '../model/pbx';
import { pbxOfFile, pbxsOf } from '../model/pbx';
import { objectsOf, option } from '../model/pjsip';
import type { Located } from '../model/sip';
import type { Workspace } from '../model/workspace';
import { isDialplanFileName } from '../model/workspace';
import { lineAndCharacter } from '../parser/lines';
import { parseExtensionStatement } from '../parser/dialplanParser';
import type { OriginChoice, SimulateDialParams, SimulateDialResult, SimulateOriginsResult } from '../protocol';
import { SIMULATE_COMMAND } from '../protocol';
import { rangeOf } from './positions';

type ToUri = (file: string) => string;

const NOT_CONTEXTS = new Set(['general', 'globals']);

/** The PBX a file belongs to: the one whose folder holds it (the deepest). */
function lineOf(workspace: Workspace, at: Located): number {
  const doc = workspace.document(at.file);
  return doc ? lineAndCharacter(doc.lineStarts, at.start).line : 0;
}

function originsOf(workspace: Workspace, pbx: Pbx, toUri: ToUri): OriginChoice[] {
  const out: OriginChoice[] = [];
  const add = (kind: OriginChoice['kind'], name: string, context: string | null, at: Located): void => {
    out.push({ pbx: pbx.name, kind, name, context, uri: toUri(at.file), line: lineOf(workspace, at) });
  };
  for (const c of pbx.dialplan?.contexts.values() ?? []) {
    const first = c.categories[0];
    if (first) add('context', c.name, c.name, { file: first.file, start: first.section.name.start, end: first.section.name.end });
  }
  for (const peer of pbx.sip?.peers.values() ?? []) add(peer.type === 'user' ? 'user' : 'peer', peer.name, peer.context.name, peer.header);
  for (const e of pbx.pjsip ? objectsOf(pbx.pjsip, 'endpoint') : []) add('endpoint', e.id, option(e, 'context')?.text ?? 'default', e.header);
  for (const f of pbx.company?.friends ?? []) add('friend', f.name, null, f.header);
  return out;
}

export function simulateOrigins(workspace: Workspace, toUri: ToUri, here?: { file: string; offset: number }): SimulateOriginsResult {
  const pbxs = pbxsOf(workspace);
  const result: SimulateOriginsResult = { pbxs: pbxs.map((p) => ({ name: p.name, uri: toUri(p.dir), origins: originsOf(workspace, p, toUri) })), here: null };
  if (!here) return result;
  const pbx = pbxOfFile(pbxs, here.file);
  const doc = workspace.document(here.file);
  const section = doc?.sections.find((s) => s.start <= here.offset && here.offset <= Math.max(s.end, s.headerEnd));
  if (!pbx || !doc || !section) return result;
  const line = lineAndCharacter(doc.lineStarts, here.offset).line;
  const origin = result.pbxs.find((p) => p.name === pbx.name)?.origins.find((o) => o.name === section.name.text && o.uri === toUri(here.file) && o.line === lineAndCharacter(doc.lineStarts, section.name.start).line);
  if (!origin) return result;
  // a literal extension on the cursor's line is the number to propose
  let number: string | null = null;
  const item = section.items.find((i) => i.line === line && i.type === 'Assignment');
  if (origin.kind === 'context' && item?.type === 'Assignment' && item.key.text.toLowerCase() === 'exten') {
    const name = parseExtensionStatement(item, 'exten').extension?.text.trim();
    if (name && !name.startsWith('_')) number = name;
  }
  result.here = { origin, number };
  return result;
}

/** The simulation with every file as a URI (the CLI keeps paths). */
export function simulateDial(workspace: Workspace, params: SimulateDialParams, toUri: ToUri): SimulateDialResult {
  const when = params.at ? new Date(params.at) : undefined;
  const r = simulate(workspace, {
    number: params.number,
    from: params.from,
    callerId: params.callerId || null,
    when: when && !Number.isNaN(when.getTime()) ? when : undefined,
    inputs: params.inputs,
    allPaths: params.allPaths === true,
  });
  const uri = <T extends { file?: string }>(x: T): T => (x.file === undefined ? x : { ...x, file: toUri(x.file) });
  return {
    ...r,
    match: uri(r.match),
    matches: r.matches.map((m) => ({ ...m, candidates: m.candidates.map(uri) })),
    hops: r.hops.map(uri),
    outcome: uri(r.outcome),
    ...(r.paths ? { paths: r.paths.map((p) => ({ ...p, outcome: uri(p.outcome), assumptions: p.assumptions.map((a) => ({ ...a, hop: a.hop && uri(a.hop) })) })) } : {}),
  };
}

/** "Simulate dial" above each context of a dialplan file and above each trunk section of a channel file. */
export function simulateLenses(workspace: Workspace, file: string): CodeLens[] {
  const doc = workspace.document(file);
  const pbxs = pbxsOf(workspace);
  const pbx = pbxOfFile(pbxs, file);
  if (!doc || !pbx) return [];
  const lens = (at: { start: number; end: number }, title: string, kind: OriginChoice['kind'], name: string): CodeLens => ({
    range: rangeOf(doc.lineStarts, at.start, at.end),
    command: { title, command: SIMULATE_COMMAND, arguments: [{ pbx: pbx.name, kind, name }] },
  });
  const base = path.posix.basename(file);
  const out: CodeLens[] = [];
  if (isDialplanFileName(file) && pbx.dialplan) {
    for (const s of doc.sections) {
      if (s.template || NOT_CONTEXTS.has(s.name.text.toLowerCase()) || !pbx.dialplan.contexts.has(s.name.text)) continue;
      out.push(lens(s.name, 'Simulate dial from here', 'context', s.name.text));
    }
  } else if (base === 'sip.conf') {
    const trunks = trunkPeers(pbxs, pbx);
    for (const peer of pbx.sip?.peers.values() ?? []) {
      if (peer.header.file === file && trunks.has(peer.name)) out.push(lens(peer.header, `Simulate a call from '${peer.name}'`, peer.type === 'user' ? 'user' : 'peer', peer.name));
    }
  } else if (pbx.pjsip && (base === 'pjsip.conf' || base === 'pjsip_wizard.conf')) {
    const trunks = new Set([...pjsipLinks(pbxs).calls.flatMap((l) => [l.from === pbx ? l.endpoint.id : '', l.to === pbx ? (l.remote?.id ?? '') : '']), ...pairedSections(pbxs, pbx)]);
    for (const e of objectsOf(pbx.pjsip, 'endpoint')) {
      if (e.header.file === file && trunks.has(e.id)) out.push(lens(e.header, `Simulate a call from '${e.id}'`, 'endpoint', e.id));
    }
  }
  return out;
}

/** chan_sip sections that are trunks: a static host, a PBX of the workspace registering as it, a friend. */
function trunkPeers(pbxs: Pbx[], pbx: Pbx): Set<string> {
  const names = new Set<string>();
  for (const peer of pbx.sip?.peers.values() ?? []) if (peerAddress(peer) !== null) names.add(peer.name);
  for (const l of sipLinks(pbxs).registrations) if (l.to === pbx && l.remote) names.add(l.remote.name);
  for (const l of friendLinks(pbxs)) if (l.from === pbx && l.peer) names.add(l.peer.name);
  for (const n of pairedSections(pbxs, pbx)) names.add(n);
  return names;
}

/**
 * The peers and endpoints of a PBX that the recognition model pairs with another PBX, whatever the drivers: the
 * ones its INVITEs leave through, and the ones the far side's INVITEs and REGISTERs are taken for.
 */
function pairedSections(pbxs: Pbx[], pbx: Pbx): string[] {
  const out: string[] = [];
  for (const c of crossings(pbxs)) {
    if (c.route.from === pbx) out.push(c.request.via.name);
    if (c.recognition.to === pbx && c.recognition.as !== null) out.push(c.recognition.as);
  }
  for (const g of routesOf(pbxs).registrations) if (g.recognition.to === pbx && g.recognition.as !== null) out.push(g.recognition.as);
  return out;
}
