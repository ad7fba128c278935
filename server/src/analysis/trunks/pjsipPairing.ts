// Which chan_pjsip trunk talks to what. A's registrations and A's endpoints with a static contact are paired with
// the PBX their server_uri or contact reaches (at an address it listens on; at its host and port but over another
// protocol; else by a name the other side knows), and with what that PBX does with them (conformance pjsip-trunks):
// - an INVITE is recognised only by identify (A's source address) or by a From user equal to an endpoint name
//   (A's from_user; without it the From user is the caller's number, `anonymous` in the lab). A registration
//   does not help, unlike chan_sip;
// - a REGISTER is recognised the same way, its From user being the client_uri user; it lands in the aor named by
//   that user, which must be one of the endpoint's aors and accept contacts (max_contacts > 0);
// - the endpoint's `auth` challenges both; A answers with its outbound_auth.
// Also here: the references pjsip.conf and the dialplan make to objects that do not exist, and why they do not.
import type { Located } from '../../model/sip';
import type { Pbx } from '../../model/pbx';
import { isLoopback, listensAt } from '../../model/pbx';
import type { PjsipConfig, PjsipObject, PjsipValue, SipUri } from '../../model/pjsip';
import { isWildcardHost, items, names, objectOf, objectsOf, option, options, parseSipUri, part, transportAddress, transportFor, uriProtocol } from '../../model/pjsip';
import { parseArguments } from '../../parser/dialplanParser';

export interface PjsipTarget {
  from: Pbx;
  to: Pbx;
  /** At an address `to` listens on; at its host and port over another protocol; or only by name (wrong address). */
  by: 'address' | 'protocol' | 'name';
  uri: SipUri;
  uriValue: PjsipValue;
  protocol: string;
  port: number;
  /** A's transport the request leaves on (null when A has none) and A's source address (null when unknown). */
  transport: PjsipObject | null;
  source: { host: string; port: number } | null;
}

export interface PjsipRegistrationLink extends PjsipTarget {
  registration: PjsipObject;
  client: SipUri | null;
  /** The endpoint of `to` that takes the REGISTER, and how `to` found it. */
  endpoint: PjsipObject | undefined;
  identifiedBy: 'ip' | 'username' | null;
  /** The aor of `to` the REGISTER lands in: the client_uri user, when it is one of the endpoint's aors. */
  aor: PjsipObject | undefined;
}

export interface PjsipCallLink extends PjsipTarget {
  endpoint: PjsipObject;
  aor: PjsipObject;
  contact: PjsipValue;
  /** The endpoint of `to` that takes A's INVITEs, and how; 'unknown' when A's source address cannot be told. */
  remote: PjsipObject | undefined;
  recognisedBy: 'ip' | 'fromuser' | 'unknown' | null;
  identify: PjsipObject | undefined;
  /** The endpoint of `to` meant for these calls (by A's registration, by name, by auth username), for messages. */
  intended: PjsipObject | undefined;
}

export interface PjsipLinks {
  registrations: PjsipRegistrationLink[];
  calls: PjsipCallLink[];
}

const cache = new WeakMap<Pbx[], PjsipLinks>();

/** The pjsip trunks between the PBXs (kept as long as the list of PBXs is: it is rebuilt at every change). */
export function pjsipLinks(pbxs: Pbx[]): PjsipLinks {
  let links = cache.get(pbxs);
  if (links === undefined) {
    const registrations = pbxs.flatMap((p) => registrationLinks(p, pbxs));
    links = { registrations, calls: pbxs.flatMap((p) => callLinks(p, pbxs, registrations)) };
    cache.set(pbxs, links);
  }
  return links;
}

/** Where A's request comes from: its transport's bind address (for a wildcard bind, only loopback can be told). */
function sourceOf(transport: PjsipObject | null, target: string): { host: string; port: number } | null {
  if (!transport) return null;
  const a = transportAddress(transport);
  if (!isWildcardHost(a.host)) return { host: a.host, port: a.port };
  return isLoopback(target) ? { host: '127.0.0.1', port: a.port } : null;
}

/** Does a PBX keep an endpoint or aor of this name? */
function knows(p: Pbx, name: string): boolean {
  return !!p.pjsip && (objectOf(p.pjsip, 'endpoint', name) !== undefined || objectOf(p.pjsip, 'aor', name) !== undefined);
}

function reach(from: Pbx, o: PjsipObject, uriValue: PjsipValue, pbxs: Pbx[], namesKnown: string[]): PjsipTarget | null {
  const uri = parseSipUri(uriValue);
  if (!uri || !from.pjsip) return null;
  const chosen = transportFor(from.pjsip, o, uri);
  const protocol = chosen.transport ? transportAddress(chosen.transport).protocol : uriProtocol(uri);
  const port = uri.port?.number ?? (protocol === 'tls' ? 5061 : 5060);
  const host = uri.host.text;
  const others = pbxs.filter((p) => p !== from && p.pjsip);
  let to = others.find((p) => listensAt(p, host, port, protocol));
  let by: PjsipTarget['by'] = 'address';
  if (!to) {
    to = others.find((p) => listensAt(p, host, port));
    by = 'protocol';
  }
  if (!to) {
    to = others.find((p) => namesKnown.some((n) => knows(p, n)));
    by = 'name';
  }
  if (!to) return null;
  return { from, to, by, uri, uriValue, protocol, port, transport: chosen.transport, source: sourceOf(chosen.transport, host) };
}

function ipv4(text: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((n) => n > 255)) return null;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

/** Does one identify match= item (`ip[:port][/mask]`, a hostname) take this source? null when it cannot be told. */
export function matchCovers(match: string, host: string, port: number): boolean | null {
  let text = match.trim();
  let bits = 32;
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const mask = text.slice(slash + 1);
    text = text.slice(0, slash);
    const dotted = ipv4(mask);
    bits = dotted !== null ? dotted.toString(2).replace(/0+$/, '').length : parseInt(mask, 10);
    if (!Number.isFinite(bits)) bits = 32;
  }
  let matchPort: number | null = null;
  const withPort = /^(\[[^\]]*\]|[^:]+):(\d+)$/.exec(text);
  if (withPort) {
    text = withPort[1].replace(/^\[|\]$/g, '');
    matchPort = parseInt(withPort[2], 10);
  }
  if (matchPort !== null && matchPort !== port) return false;
  if (text === 'localhost') text = '127.0.0.1';
  const a = ipv4(text);
  const b = ipv4(host);
  if (a !== null && b !== null) {
    const mask = bits <= 0 ? 0 : bits >= 32 ? 0xffffffff : (0xffffffff << (32 - bits)) >>> 0;
    return (a & mask) >>> 0 === (b & mask) >>> 0;
  }
  if (text === host) return true;
  // a hostname: resolved by DNS at load, which a checker cannot do
  return a === null && !/^[0-9a-f:]+$/i.test(text) ? null : false;
}

/** The identify of `to` that takes requests from this source, with its endpoint (res_pjsip_endpoint_identifier_ip). */
export function identifyFor(to: PjsipConfig, source: { host: string; port: number }): { identify: PjsipObject; endpoint: PjsipObject | undefined } | undefined {
  for (const identify of objectsOf(to, 'identify')) {
    const hit = options(identify, 'match')
      .flatMap(items)
      .some((m) => matchCovers(m.text, source.host, source.port) !== false);
    if (!hit) continue;
    const name = option(identify, 'endpoint')?.text;
    return { identify, endpoint: name ? objectOf(to, 'endpoint', name) : undefined };
  }
  return undefined;
}

/** The auth objects a list option names (outbound_auth, auth), those that exist. */
export function authsOf(pjsip: PjsipConfig, o: PjsipObject, key: 'auth' | 'outbound_auth'): PjsipObject[] {
  return names(o, key)
    .map((n) => objectOf(pjsip, 'auth', n.text))
    .filter((a): a is PjsipObject => a !== undefined);
}

function registrationLinks(from: Pbx, pbxs: Pbx[]): PjsipRegistrationLink[] {
  if (!from.pjsip) return [];
  const out: PjsipRegistrationLink[] = [];
  for (const r of objectsOf(from.pjsip, 'registration')) {
    const server = option(r, 'server_uri');
    if (!server) continue;
    const clientValue = option(r, 'client_uri');
    const client = clientValue ? parseSipUri(clientValue) : null;
    const user = client?.user?.text;
    const authUsers = authsOf(from.pjsip, r, 'outbound_auth').map((a) => option(a, 'username')?.text ?? '');
    const target = reach(from, r, server, pbxs, [user ?? '', ...authUsers].filter((n) => n !== ''));
    if (!target) continue;
    const to = target.to.pjsip!;
    const byIp = target.source ? identifyFor(to, target.source) : undefined;
    const byUser = user ? objectOf(to, 'endpoint', user) : undefined;
    const endpoint = byIp?.endpoint ?? byUser;
    const identifiedBy = byIp?.endpoint ? 'ip' : byUser ? 'username' : null;
    const aor = endpoint && user && names(endpoint, 'aors').some((n) => n.text === user) ? objectOf(to, 'aor', user) : undefined;
    out.push({ ...target, registration: r, client, endpoint, identifiedBy, aor });
  }
  return out;
}

function callLinks(from: Pbx, pbxs: Pbx[], registrations: PjsipRegistrationLink[]): PjsipCallLink[] {
  if (!from.pjsip) return [];
  const pjsip = from.pjsip;
  const out: PjsipCallLink[] = [];
  for (const e of objectsOf(pjsip, 'endpoint')) {
    const fromUser = option(e, 'from_user')?.text;
    const authUsers = authsOf(pjsip, e, 'outbound_auth').map((a) => option(a, 'username')?.text ?? '');
    const known = [e.id, fromUser ?? '', ...authUsers].filter((n) => n !== '');
    let found: { target: PjsipTarget; aor: PjsipObject; contact: PjsipValue } | undefined;
    for (const name of names(e, 'aors')) {
      const aor = objectOf(pjsip, 'aor', name.text);
      if (!aor) continue;
      for (const contact of options(aor, 'contact').flatMap(items)) {
        const target = reach(from, e, contact, pbxs, known);
        if (target) {
          found = { target, aor, contact };
          break;
        }
      }
      if (found) break;
    }
    if (!found) continue;
    const { target, aor, contact } = found;
    const to = target.to.pjsip!;
    const reg = registrations.find((l) => l.from === from && l.to === target.to && l.endpoint !== undefined);
    const intended =
      reg?.endpoint ??
      objectOf(to, 'endpoint', e.id) ??
      objectsOf(to, 'endpoint').find((b) => authsOf(to, b, 'auth').some((a) => authUsers.includes(option(a, 'username')?.text ?? ''))) ??
      (fromUser ? objectOf(to, 'endpoint', fromUser) : undefined);
    let remote: PjsipObject | undefined;
    let recognisedBy: PjsipCallLink['recognisedBy'] = null;
    let identify: PjsipObject | undefined;
    const byIp = target.source ? identifyFor(to, target.source) : undefined;
    if (!target.source) {
      remote = intended;
      recognisedBy = 'unknown';
    } else if (byIp?.endpoint) {
      remote = byIp.endpoint;
      recognisedBy = 'ip';
      identify = byIp.identify;
    } else if (fromUser && objectOf(to, 'endpoint', fromUser)) {
      remote = objectOf(to, 'endpoint', fromUser);
      recognisedBy = 'fromuser';
    } else identify = byIp?.identify;
    out.push({ ...target, endpoint: e, aor, contact, remote, recognisedBy, identify, intended });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// References to objects that do not exist

export interface PjsipReference {
  pbx: Pbx;
  /** The object whose option names it; null for a Dial in the dialplan. */
  from: PjsipObject | null;
  /** The option (outbound_auth, auth, aors, transport, endpoint) or `Dial`. */
  key: string;
  type: 'auth' | 'aor' | 'transport' | 'endpoint';
  name: string;
  at: Located;
}

const REFERENCES: Record<string, { key: string; type: PjsipReference['type']; list: boolean }[]> = {
  endpoint: [
    { key: 'outbound_auth', type: 'auth', list: true },
    { key: 'auth', type: 'auth', list: true },
    { key: 'aors', type: 'aor', list: true },
    { key: 'transport', type: 'transport', list: false },
  ],
  registration: [
    { key: 'outbound_auth', type: 'auth', list: true },
    { key: 'transport', type: 'transport', list: false },
  ],
  identify: [{ key: 'endpoint', type: 'endpoint', list: false }],
};

const dangling = new WeakMap<Pbx, PjsipReference[]>();

/** Every option of a PBX's pjsip objects, and every Dial(PJSIP/...) of its dialplan, that names nothing. */
export function danglingReferences(pbx: Pbx): PjsipReference[] {
  let refs = dangling.get(pbx);
  if (refs === undefined) dangling.set(pbx, (refs = findDangling(pbx)));
  return refs;
}

function findDangling(pbx: Pbx): PjsipReference[] {
  const pjsip = pbx.pjsip;
  if (!pjsip) return [];
  const out: PjsipReference[] = [];
  for (const [type, refs] of Object.entries(REFERENCES)) {
    for (const o of objectsOf(pjsip, type)) {
      for (const ref of refs) {
        const v = option(o, ref.key);
        if (!v) continue;
        for (const n of ref.list ? items(v) : [v]) {
          if (n.text === '' || objectOf(pjsip, ref.type, n.text)) continue;
          out.push({ pbx, from: o, key: ref.key, type: ref.type, name: n.text, at: n.at });
        }
      }
    }
  }
  for (const d of dialedEndpoints(pbx)) {
    if (!objectOf(pjsip, 'endpoint', d.name)) out.push({ pbx, from: null, key: 'Dial', type: 'endpoint', name: d.name, at: d.at });
  }
  return out;
}

/** The endpoints a dialplan's Dial applications name: `PJSIP/<endpoint>`, `PJSIP/<user>@<endpoint>[/<uri>]`. */
export function dialedEndpoints(pbx: Pbx): { name: string; at: Located }[] {
  const out: { name: string; at: Located }[] = [];
  for (const context of pbx.dialplan?.contexts.values() ?? []) {
    for (const ext of context.extensions) {
      for (const p of ext.priorities.values()) {
        if (p.app.toLowerCase() !== 'dial') continue;
        const app = p.statement.application;
        if (!app?.data) continue;
        const line = p.statement.statement;
        const first = parseArguments(line, app.data)[0];
        if (!first) continue;
        let offset = 0;
        for (const device of first.text.split('&')) {
          const slash = device.indexOf('/');
          if (slash > 0 && device.slice(0, slash).toLowerCase() === 'pjsip') {
            const resource = device.slice(slash + 1);
            const end = resource.indexOf('/') >= 0 ? resource.indexOf('/') : resource.length;
            const at = resource.lastIndexOf('@', end - 1);
            const name = resource.slice(at + 1, end);
            const start = offset + slash + 1 + at + 1;
            if (name !== '' && !name.includes('$')) {
              const exact = line.valueMap === null;
              out.push({ name, at: exact ? { file: p.file, start: first.start + start, end: first.start + start + name.length } : { file: p.file, start: first.start, end: first.end } });
            }
          }
          offset += device.length + 1;
        }
      }
    }
  }
  return out;
}

/** Why a name gives no object of this type, when pjsip.conf shows it: a section without type=, lost to a duplicate, a wizard in pjsip.conf, a wizard error. */
export function whyMissing(pjsip: PjsipConfig, type: string, name: string): 'untyped' | 'duplicate' | 'misplaced-wizard' | 'wizard-error' | null {
  if (pjsip.untyped.some((c) => c.name === name)) return 'untyped';
  if (pjsip.duplicates.some((d) => d.type === type && d.lost.some((o) => o.id === name))) return 'duplicate';
  const madeBy = (id: string): string[] =>
    type === 'auth' ? [`${id}-oauth`, `${id}-iauth`] : type === 'identify' ? [`${id}-identify`] : type === 'endpoint' || type === 'aor' ? [id] : [];
  if (pjsip.misplacedWizards.some((m) => madeBy(m.category.name).includes(name))) return 'misplaced-wizard';
  if (pjsip.wizardErrors.some((w) => w.type === type && madeBy(w.wizard.id).includes(name))) return 'wizard-error';
  return null;
}

/** Where a PBX's pjsip listens, for messages and related places. */
export function listeners(pbx: Pbx): { text: string; related: { file: string; start: number; end: number; message: string }[] } {
  const ts = pbx.pjsip ? objectsOf(pbx.pjsip, 'transport').map(transportAddress) : [];
  if (ts.length === 0) return { text: `${pbx.name} has no pjsip transport, so it listens nowhere`, related: [] };
  return {
    text: `${pbx.name} listens on ${ts.map((t) => `${t.protocol} ${t.host}:${t.port}`).join(', ')}`,
    related: ts.map((t) => ({ ...(t.bind?.at ?? t.transport.header), message: `where ${pbx.name} listens (${t.transport.id})` })),
  };
}

/** Findings with the same code and place once. */
export function unique<T extends { code: string; file: string; start: number; end: number }>(found: T[]): T[] {
  const seen = new Set<string>();
  return found.filter((f) => {
    const key = `${f.code}\u0000${f.file}\u0000${f.start}\u0000${f.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The range to show for a part of a SIP URI value. */
export function uriPartAt(v: PjsipValue, p: { at: Located } | null): Located {
  return p ? p.at : part(v, 0, v.text.length);
}

/** A's outbound auth answering the challenge of an endpoint of the other PBX, with what depends on it. */
export interface PjsipChallenge {
  from: Pbx;
  to: Pbx;
  ours: PjsipObject;
  /** The endpoint of `to` that challenges, and its inbound auths. */
  endpoint: PjsipObject;
  theirs: PjsipObject[];
  /** What A sends through it: its registration, its calls. */
  uses: ('registration' | 'calls')[];
}

/** Every (A's auth, B's challenging endpoint) pair the trunks use, once. */
export function challenges(links: PjsipLinks): PjsipChallenge[] {
  const out: PjsipChallenge[] = [];
  const add = (from: Pbx, to: Pbx, user: PjsipObject, endpoint: PjsipObject | undefined, use: 'registration' | 'calls'): void => {
    if (!endpoint || !from.pjsip || !to.pjsip) return;
    const theirs = authsOf(to.pjsip, endpoint, 'auth');
    const ours = authsOf(from.pjsip, user, 'outbound_auth')[0];
    if (theirs.length === 0 || !ours) return;
    const known = out.find((c) => c.ours === ours && c.endpoint === endpoint);
    if (!known) out.push({ from, to, ours, endpoint, theirs, uses: [use] });
    else if (!known.uses.includes(use)) known.uses.push(use);
  };
  for (const l of links.registrations) add(l.from, l.to, l.registration, l.endpoint, 'registration');
  for (const l of links.calls) if (l.recognisedBy !== null) add(l.from, l.to, l.endpoint, l.remote, 'calls');
  return out;
}

/** What fails when B refuses A's credentials, in words. */
export function refusedEffect(c: PjsipChallenge): string {
  const parts: string[] = [];
  if (c.uses.includes('registration')) parts.push(`the registration is Rejected and ${c.from.name} stops ("Fatal response '401' ... stopping outbound registration")`);
  if (c.uses.includes('calls')) parts.push('every call fails with 401 (CHANUNAVAIL)');
  return parts.join(', and ');
}
