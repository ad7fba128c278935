// Every place a name is defined or used, across the files and PBX folders of the workspace: contexts (headers,
// include, Goto/Gosub/GotoIf/Macro, Local/ channels, Dial options, context= of peers and endpoints), labels, templates,
// chan_sip peers (headers, Dial devices, and on the other PBX the register user and username that name them),
// pjsip endpoints, auths, aors and transports, [globals] variables and #include files. Definition, references and
// rename all read this one index (kept until anything in the workspace changes).
import * as path from 'node:path';
import type { Dialplan, Priority } from '../../model/dialplan';
import type { LoadedConfig } from '../../model/configLoader';
import { headersOf } from '../../model/configLoader';
import type { Pbx } from '../../model/pbx';
import { nonDialplanFiles, pbxsOf } from '../../model/pbx';
import type { PjsipValue } from '../../model/pjsip';
import { items, objectOf, objectsOf, option, parseSipUri } from '../../model/pjsip';
import type { Located } from '../../model/sip';
import type { Workspace } from '../../model/workspace';
import { CONTEXT_KEYS } from '../checks/unreachableContext';
import { applicationTargets, splitTop } from '../targets';
import { crossings } from '../trunks/direction';
import { sipLinks } from '../trunks/pairing';
import { routesOf } from '../trunks/recognition/routes';
import { friendLinks } from '../trunks/ivozPairing';

export type SymbolKind = 'context' | 'label' | 'template' | 'peer' | 'endpoint' | 'auth' | 'aor' | 'transport' | 'global' | 'file' | 'friend';

export interface Occurrence {
  kind: SymbolKind;
  name: string;
  /** What makes two occurrences of one name the same thing: the PBX folder (and the context for a label, the config file for a template). */
  scope: string;
  file: string;
  start: number;
  end: number;
  definition: boolean;
  /** Written as `${...}`: the name is built at run time (nothing to rename, no single target). */
  dynamic?: boolean;
  /** The name is written without this prefix (`Macro(name)` for context `macro-name`). */
  prefix?: string;
}

export interface OccurrenceIndex {
  all: Occurrence[];
  byFile: Map<string, Occurrence[]>;
  byKey: Map<string, Occurrence[]>;
}

export const keyOf = (o: Pick<Occurrence, 'kind' | 'name' | 'scope'>): string => `${o.kind}\u0000${o.scope}\u0000${o.name}`;

export function occurrenceIndex(workspace: Workspace): OccurrenceIndex {
  return workspace.cached('occurrences', () => build(workspace));
}

/** The occurrence under an offset of a file (the narrowest when several hold it). */
export function occurrenceAt(workspace: Workspace, file: string, offset: number): Occurrence | undefined {
  const list = occurrenceIndex(workspace).byFile.get(file) ?? [];
  let best: Occurrence | undefined;
  for (const o of list) if (o.start <= offset && offset <= o.end && (!best || o.end - o.start < best.end - best.start)) best = o;
  return best;
}

export function occurrencesOf(workspace: Workspace, o: Occurrence): Occurrence[] {
  return occurrenceIndex(workspace).byKey.get(keyOf(o)) ?? [];
}

function build(workspace: Workspace): OccurrenceIndex {
  const all: Occurrence[] = [];
  const pbxs = pbxsOf(workspace);
  for (const pbx of pbxs) {
    if (pbx.dialplan) dialplan(all, pbx, pbx.dialplan);
    channelContexts(all, workspace, pbx);
    if (pbx.sip) templates(all, pbx, pbx.sip.config);
    if (pbx.pjsip?.config) templates(all, pbx, pbx.pjsip.config);
    pjsip(all, pbx);
    sip(all, pbx);
  }
  crossPbx(all, pbxs);
  crossDrivers(all, pbxs);
  friends(all, pbxs);
  includes(all, pbxs);
  const byFile = new Map<string, Occurrence[]>();
  const byKey = new Map<string, Occurrence[]>();
  for (const o of all) {
    // a file's definition (its first character) is a target, not something under the cursor
    if (!(o.kind === 'file' && o.definition)) {
      const f = byFile.get(o.file);
      if (f) f.push(o);
      else byFile.set(o.file, [o]);
    }
    const k = keyOf(o);
    const list = byKey.get(k);
    if (list) list.push(o);
    else byKey.set(k, [o]);
  }
  return { all, byFile, byKey };
}

function dialplan(out: Occurrence[], pbx: Pbx, plan: Dialplan): void {
  const scope = pbx.dir;
  const ctx = (name: string, file: string, r: { start: number; end: number }, extra: Partial<Occurrence> = {}): void => {
    out.push({ kind: 'context', name, scope, file, start: r.start, end: r.end, definition: false, ...extra });
  };
  for (const c of plan.config.categories) {
    const lower = c.name.toLowerCase();
    if (c.template || lower === 'general') continue;
    if (lower === 'globals') {
      for (const v of c.variables) out.push({ kind: 'global', name: v.assignment.key.text, scope, file: v.file, start: v.assignment.key.start, end: v.assignment.key.end, definition: true });
      continue;
    }
    for (const h of headersOf(c)) ctx(c.name, h.file, h.section.name, { definition: true });
  }
  for (const context of plan.contexts.values()) {
    for (const inc of context.includes) ctx(inc.context, inc.file, inc.statement.context, { dynamic: /\$[{[]/.test(inc.context) });
    const seen = new Set<Priority>();
    for (const e of context.extensions) {
      for (const p of e.priorities.values()) {
        if (seen.has(p)) continue;
        seen.add(p);
        priority(out, scope, context.name, p, plan.globals);
      }
    }
  }
}

function priority(out: Occurrence[], scope: string, context: string, p: Priority, globals: Map<string, string>): void {
  const label = p.statement.priority?.label;
  if (label && label.text !== '') out.push({ kind: 'label', name: label.text, scope: `${scope}\u0000${context}`, file: p.file, start: label.start, end: label.end, definition: true });
  for (const t of applicationTargets(p)) {
    const target = t.context ?? context;
    if (t.contextAt) out.push({ kind: 'context', name: target, scope, file: p.file, ...t.contextAt, definition: false, ...(t.dynamic ? { dynamic: true } : {}), ...(t.contextPrefix ? { prefix: t.contextPrefix } : {}) });
    if (t.labelAt && t.label && !t.dynamic) out.push({ kind: 'label', name: t.label, scope: `${scope}\u0000${target}`, file: p.file, ...t.labelAt, definition: false });
  }
  const data = p.statement.application?.data;
  if (!data || data.end - data.start !== data.text.length) return;
  // ${NAME} of a [globals] variable
  for (const m of data.text.matchAll(/\$\{([A-Za-z0-9_]+)[:}]/g)) {
    if (!globals.has(m[1])) continue;
    const start = data.start + m.index + 2;
    out.push({ kind: 'global', name: m[1], scope, file: p.file, start, end: start + m[1].length, definition: false });
  }
  if (p.app.toLowerCase() !== 'dial' && p.app.toLowerCase() !== 'queue') return;
  // Dial devices: SIP/peer[/num], SIP/num@peer, PJSIP/[num@]endpoint, IAX2/[user[:secret]@]peer[/num]
  const first = splitTop(data.text, ',')[0];
  let offset = 0;
  for (const device of first.text.split('&')) {
    const m = /^(SIP|PJSIP|IAX2)\/(?:([^@/]*)@)?([^/@&:]+)/i.exec(device);
    if (m) {
      const start = data.start + first.offset + offset + m[1].length + 1 + (m[2] !== undefined ? m[2].length + 1 : 0);
      const dynamic = m[3].includes('$');
      const tech = m[1].toUpperCase();
      const kind = tech === 'PJSIP' ? 'endpoint' : 'peer';
      out.push({ kind, name: m[3], scope: tech === 'IAX2' ? `${scope}\u0000iax` : scope, file: p.file, start, end: start + m[3].length, definition: false, ...(dynamic ? { dynamic } : {}) });
    }
    offset += device.length + 1;
  }
}

/** context= and the other keys naming a context, in the PBX's other config files. */
function channelContexts(out: Occurrence[], workspace: Workspace, pbx: Pbx): void {
  for (const f of nonDialplanFiles(workspace, pbx)) {
    for (const s of workspace.document(f)?.sections ?? []) {
      for (const i of s.items) {
        if (i.type !== 'Assignment' || !CONTEXT_KEYS.has(i.key.text.toLowerCase()) || i.value.text === '') continue;
        out.push({ kind: 'context', name: i.value.text, scope: pbx.dir, file: f, start: i.value.start, end: i.value.end, definition: false });
      }
    }
  }
}

/** `[name](!)` templates and the headers that inherit from them, per config file. */
function templates(out: Occurrence[], pbx: Pbx, config: LoadedConfig): void {
  const scope = `${pbx.dir}\u0000${path.posix.basename(config.root)}`;
  const names = new Set(config.categories.filter((c) => c.template).map((c) => c.name));
  for (const s of config.sections) {
    if (s.section.template) out.push({ kind: 'template', name: s.section.name.text, scope, file: s.file, start: s.section.name.start, end: s.section.name.end, definition: true });
    for (const i of s.section.inherits) if (names.has(i.text)) out.push({ kind: 'template', name: i.text, scope, file: s.file, start: i.start, end: i.end, definition: false });
  }
}

function sip(out: Occurrence[], pbx: Pbx): void {
  for (const peer of pbx.sip?.peers.values() ?? []) {
    for (const c of peer.categories) out.push({ kind: 'peer', name: peer.name, scope: pbx.dir, file: c.file, start: c.section.name.start, end: c.section.name.end, definition: true });
  }
  // IAX2 peers are another namespace than chan_sip's
  for (const peer of pbx.iax?.peers.values() ?? []) out.push({ kind: 'peer', name: peer.name, scope: `${pbx.dir}\u0000iax`, ...peer.header, definition: true });
}

function pjsip(out: Occurrence[], pbx: Pbx): void {
  const pj = pbx.pjsip;
  if (!pj) return;
  const scope = pbx.dir;
  const ref = (kind: SymbolKind, v: PjsipValue): void => {
    if (v.exact && v.text !== '') out.push({ kind, name: v.text, scope, file: v.at.file, start: v.at.start, end: v.at.end, definition: false });
  };
  for (const type of ['endpoint', 'auth', 'aor', 'transport'] as const) {
    for (const o of objectsOf(pj, type)) if (o.wizard === null) out.push({ kind: type, name: o.id, scope, file: o.header.file, start: o.header.start, end: o.header.end, definition: true });
  }
  const lists: [string, string, SymbolKind][] = [
    ['endpoint', 'aors', 'aor'],
    ['endpoint', 'auth', 'auth'],
    ['endpoint', 'outbound_auth', 'auth'],
    ['registration', 'outbound_auth', 'auth'],
  ];
  for (const [type, key, kind] of lists) for (const o of objectsOf(pj, type)) for (const v of items(option(o, key) ?? { text: '', at: o.header, exact: false })) ref(kind, v);
  for (const type of ['endpoint', 'registration']) for (const o of objectsOf(pj, type)) if (option(o, 'transport')) ref('transport', option(o, 'transport')!);
  for (const o of objectsOf(pj, 'identify')) if (option(o, 'endpoint')) ref('endpoint', option(o, 'endpoint')!);
}

/** The register user and username on A that name B's peer: references to B's section, across PBX folders. */
function crossPbx(out: Occurrence[], pbxs: Pbx[]): void {
  const { registrations, peers } = sipLinks(pbxs);
  for (const l of registrations) {
    if (!l.remote || l.registration.user !== l.remote.name) continue;
    out.push({ kind: 'peer', name: l.remote.name, scope: l.to.dir, ...l.registration.at.user, definition: false });
  }
  for (const l of peers) {
    if (!l.remote) continue;
    for (const key of ['username', 'defaultuser', 'fromuser']) {
      const v = l.peer.values.get(key);
      if (!v || v.assignment.value.text !== l.remote.name) continue;
      out.push({ kind: 'peer', name: l.remote.name, scope: l.to.dir, file: v.file, start: v.assignment.value.start, end: v.assignment.value.end, definition: false });
    }
  }
}

/**
 * Across drivers (a chan_sip register line or peer towards chan_pjsip, a pjsip registration or endpoint towards
 * chan_sip), from the recognition model: the name the sender presents (register user, client_uri user, digest
 * user, From user) is a reference to the section the far side takes it for, when it is that section's name.
 */
function crossDrivers(out: Occurrence[], pbxs: Pbx[]): void {
  const seen = new Set(out.filter((o) => !o.definition).map((o) => `${o.file}:${o.start}`));
  const add = (kind: SymbolKind, name: string, scope: string, at: Located | null): void => {
    if (!at || seen.has(`${at.file}:${at.start}`)) return;
    seen.add(`${at.file}:${at.start}`);
    out.push({ kind, name, scope, ...at, definition: false });
  };
  const requests = [...routesOf(pbxs).registrations, ...crossings(pbxs)];
  for (const { request: req, recognition: r } of requests) {
    if (req.driver === r.driver) continue;
    const kind: SymbolKind = r.peer ? 'peer' : 'endpoint';
    const name = r.as;
    if (name === null) continue;
    if (req.method === 'REGISTER' && r.driver === 'chan_pjsip' && req.toUser === name) add('aor', name, r.to.dir, req.fromUserAt);
    else if (req.method === 'REGISTER' && req.driver === 'chan_pjsip' && req.toUser === name) {
      const client = req.via.kind === 'registration' && req.fromUserAt ? clientUser(req.from, req.via.name) : null;
      add(kind, name, r.to.dir, client);
    } else if (req.method === 'REGISTER' && req.toUser === name) add(kind, name, r.to.dir, req.fromUserAt);
    if (req.credentials?.user === name) add(kind, name, r.to.dir, req.credentials.at);
    if (req.fromUser === name && req.fromUserSetBy !== 'register' && req.fromUserSetBy !== 'client_uri') add(kind, name, r.to.dir, req.fromUserAt);
  }
}

/** The user part of a pjsip registration's client_uri. */
function clientUser(pbx: Pbx, registration: string): Located | null {
  const reg = pbx.pjsip ? objectOf(pbx.pjsip, 'registration', registration) : undefined;
  const value = reg ? option(reg, 'client_uri') : undefined;
  return (value && parseSipUri(value)?.user?.at) ?? null;
}

/** IvozProvider friends: their sections, and the register user and username an Asterisk logs in with. */
function friends(out: Occurrence[], pbxs: Pbx[]): void {
  for (const pbx of pbxs) for (const f of pbx.company?.friends ?? []) out.push({ kind: 'friend', name: f.name, scope: pbx.dir, ...f.header, definition: true });
  for (const l of friendLinks(pbxs)) {
    if (!l.friend) continue;
    const ref = { kind: 'friend' as const, name: l.friend.name, scope: l.company.dir, definition: false };
    if (l.registration && l.registration.user === l.friend.name) out.push({ ...ref, ...l.registration.at.user });
    for (const key of ['defaultuser', 'username']) {
      const v = l.peer?.values.get(key);
      if (v && v.assignment.value.text === l.friend.name) out.push({ ...ref, file: v.file, start: v.assignment.value.start, end: v.assignment.value.end });
    }
  }
}

/** Each #include names a file: the file is the definition (its first character), the directive a reference. */
function includes(out: Occurrence[], pbxs: Pbx[]): void {
  const seen = new Set<string>();
  for (const pbx of pbxs) {
    for (const config of [pbx.dialplan?.config, pbx.sip?.config, pbx.pjsip?.config].filter((c): c is LoadedConfig => !!c)) {
      for (const edge of config.includes) {
        const arg = edge.directive.argument;
        if (!arg) continue;
        const k = `${edge.from}:${arg.start}`;
        if (seen.has(k)) continue;
        seen.add(k);
        for (const target of edge.targets) {
          out.push({ kind: 'file', name: target, scope: '', file: edge.from, start: arg.start, end: arg.end, definition: false });
          if (!seen.has(target)) {
            seen.add(target);
            out.push({ kind: 'file', name: target, scope: '', file: target, start: 0, end: 0, definition: true });
          }
        }
      }
    }
  }
}
