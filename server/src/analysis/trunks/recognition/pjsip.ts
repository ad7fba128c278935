// chan_pjsip receiving a request (res/res_pjsip/pjsip_distributor.c and the endpoint identifiers): the identifiers
// in the order endpoint_identifier_order gives (res_pjsip.c ast_sip_register_endpoint_identifier_with_name), the
// identify sections (res_pjsip_endpoint_identifier_ip.c), the From user (res_pjsip_endpoint_identifier_user.c), the
// `anonymous` endpoint; then the endpoint's inbound auth (res_pjsip_authenticator_digest.c). Each rule names the
// conformance/sip-recognition case that shows it on a real Asterisk 20.20.1.
import type { Pbx } from '../../../model/pbx';
import type { PjsipConfig, PjsipObject } from '../../../model/pjsip';
import { items, names, objectOf, objectsOf, option, options } from '../../../model/pjsip';
import { matchCovers } from '../pjsipPairing';
import { showSource } from './addresses';
import type { MatchedBy, Recognition, SipRequest } from './types';

/** The identifiers Asterisk 20 registers, in the order their modules load (ip and user first, then anonymous). */
const REGISTERED: MatchedBy[] = ['ip', 'header', 'request_uri' as MatchedBy, 'username', 'auth_username', 'anonymous'];

/**
 * The order identifiers run in: each registration places a named identifier by its position in
 * endpoint_identifier_order (split at commas, compared exactly), those it does not name at the end, and the first
 * one registered at the end whatever its position. Default `ip,username,anonymous` gives ip, username, anonymous,
 * header, request_uri, auth_username: a match_header identify comes after `anonymous` (p16b).
 */
export function identifierOrder(pjsip: PjsipConfig): MatchedBy[] {
  const global = objectsOf(pjsip, 'global').map((g) => option(g, 'endpoint_identifier_order')).find((v) => v !== undefined);
  const order = (global?.text ?? 'ip,username,anonymous').split(',');
  const list: { name: MatchedBy; priority: number }[] = [];
  for (const name of REGISTERED) {
    const at = order.indexOf(name);
    const priority = at < 0 ? Infinity : at + 1;
    if (priority === Infinity || list.length === 0) {
      list.push({ name, priority });
      continue;
    }
    const before = list.findIndex((x) => priority < x.priority);
    list.splice(before < 0 ? list.length : before, 0, { name, priority });
  }
  return list.map((x) => x.name);
}

/** identify_by (default `username,ip`): which identifiers may find this endpoint by its name. */
function identifyBy(e: PjsipObject): string[] {
  return (option(e, 'identify_by')?.text ?? 'username,ip').split(',').map((s) => s.trim().toLowerCase());
}

/**
 * The identify sections sorted by name (as sorcery returns them), and, so that the address lookup costs no scan of
 * every identify per request, the first of them matching each plain IP and each `IP:port`; the others (CIDR, host
 * names) are tried one by one.
 */
interface IdentifyIndex {
  sorted: PjsipObject[];
  byIp: Map<string, number>;
  other: number[];
}

const identifyIndexes = new WeakMap<PjsipConfig, IdentifyIndex>();

function identifyIndex(pjsip: PjsipConfig): IdentifyIndex {
  let ix = identifyIndexes.get(pjsip);
  if (ix) return ix;
  const sorted = [...objectsOf(pjsip, 'identify')].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  ix = { sorted, byIp: new Map(), other: [] };
  sorted.forEach((identify, i) => {
    let general = false;
    for (const m of options(identify, 'match').flatMap(items)) {
      const text = m.text.trim();
      const plain = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d+))?$/.exec(text);
      const canonical = plain && plain[1].split('.').every((n) => String(Number(n)) === n && Number(n) <= 255);
      if (!plain || !canonical) {
        general = true;
        continue;
      }
      const key = plain[2] !== undefined ? `${plain[1]}|${Number(plain[2])}` : plain[1];
      if (!ix!.byIp.has(key)) ix!.byIp.set(key, i);
    }
    if (general) ix!.other.push(i);
  });
  identifyIndexes.set(pjsip, ix);
  return ix;
}

/** The identify of an identify test's result and its endpoint (null: the identify names no endpoint). */
function withEndpoint(pjsip: PjsipConfig, identify: PjsipObject | undefined): { identify: PjsipObject; endpoint: PjsipObject | null } | null {
  if (!identify) return null;
  const name = option(identify, 'endpoint')?.text;
  return { identify, endpoint: (name ? objectOf(pjsip, 'endpoint', name) : undefined) ?? null };
}

/** The first identify (by section name) whose match= takes the source address (p01-p05, p09). */
function firstIpIdentify(pjsip: PjsipConfig, req: SipRequest): { identify: PjsipObject; endpoint: PjsipObject | null } | null {
  const ix = identifyIndex(pjsip);
  const source = req.source;
  if (!source) return null;
  if (source.ips.length === 0) return withEndpoint(pjsip, ix.sorted.find((i) => ipMatches(i, req)));
  let best = Infinity;
  for (const ip of source.ips) best = Math.min(best, ix.byIp.get(ip) ?? Infinity, ix.byIp.get(`${ip}|${source.port}`) ?? Infinity);
  for (const i of ix.other) {
    if (i >= best) break;
    if (ipMatches(ix.sorted[i], req)) best = i;
  }
  return withEndpoint(pjsip, best === Infinity ? undefined : ix.sorted[best]);
}

/** The first identify (by section name) whose match_header the request carries (p16). */
function firstHeaderIdentify(pjsip: PjsipConfig, req: SipRequest): { identify: PjsipObject; endpoint: PjsipObject | null } | null {
  if (req.headers.length === 0) return null;
  return withEndpoint(pjsip, identifyIndex(pjsip).sorted.find((i) => headerMatches(i, req)));
}

/** An identify's match= items against the source address (plain IP, CIDR, IP:port, a host name) (p01-p05, p09). */
function ipMatches(identify: PjsipObject, req: SipRequest): boolean {
  const source = req.source;
  if (!source) return false;
  const ips = source.ips.length > 0 ? source.ips : [null];
  return options(identify, 'match')
    .flatMap(items)
    .some((m) => ips.some((ip) => (ip === null ? true : matchCovers(m.text, ip, source.port) !== false)));
}

/** match_header = Name: value (a /regex/ value too): the request carries that header (p16). */
function headerMatches(identify: PjsipObject, req: SipRequest): boolean {
  const v = option(identify, 'match_header')?.text;
  if (!v) return false;
  const colon = v.indexOf(':');
  if (colon < 0) return false;
  const name = v.slice(0, colon).trim().toLowerCase();
  const value = v.slice(colon + 1).trim();
  return req.headers.some((h) => {
    if (h.name.toLowerCase() !== name) return false;
    if (value.length > 2 && value.startsWith('/') && value.endsWith('/')) {
      try {
        return new RegExp(value.slice(1, -1)).test(h.value.trim());
      } catch {
        return false;
      }
    }
    return h.value.trim() === value;
  });
}

/** res_pjsip_endpoint_identifier_user find_endpoint: `user@domain` first, then the bare name. */
function byName(pjsip: PjsipConfig, user: string, domain: string): PjsipObject | undefined {
  return objectOf(pjsip, 'endpoint', `${user}@${domain}`) ?? objectOf(pjsip, 'endpoint', user);
}

interface Found {
  endpoint: PjsipObject;
  by: MatchedBy;
  identify: PjsipObject | null;
  how: string;
  log: string;
}

/** Runs the identifiers in order: the first that finds an endpoint wins. */
function identify(to: Pbx, req: SipRequest, afterChallenge: boolean): Found | null {
  const pjsip = to.pjsip!;
  const src = showSource(req.source);
  for (const id of identifierOrder(pjsip)) {
    if (id === 'ip' || id === 'header') {
      const hit = id === 'ip' ? firstIpIdentify(pjsip, req) : firstHeaderIdentify(pjsip, req);
      // the first matching identify decides, even when its endpoint does not exist
      if (!hit) continue;
      if (!hit.endpoint) return null;
      const how = id === 'ip' ? `identify '${hit.identify.id}' matches its source address ${src}` : `identify '${hit.identify.id}' matches its header ${option(hit.identify, 'match_header')!.text}`;
      return { endpoint: hit.endpoint, by: id, identify: hit.identify, how, log: `Identify '${hit.identify.id}' SIP message matched to endpoint ${hit.endpoint.id}` };
    }
    if (id === 'username') {
      // p12: identify_by=ip switches it off for that endpoint; p13: identify_by=username does not switch off an identify
      const e = byName(pjsip, req.fromUser, req.fromDomain);
      if (e && identifyBy(e).includes('username')) return { endpoint: e, by: 'username', identify: null, how: `its From user '${req.fromUser}' names the endpoint`, log: `Identified by From username '${req.fromUser}' domain '${req.fromDomain}'` };
      continue;
    }
    if (id === 'auth_username') {
      // only the authenticated retry carries an Authorization header
      const user = req.credentials?.user;
      if (!afterChallenge || !user) continue;
      const e = byName(pjsip, user, req.fromDomain);
      if (e && identifyBy(e).includes('auth_username')) return { endpoint: e, by: 'auth_username', identify: null, how: `the user it authenticates as, '${user}', names the endpoint (identify_by=auth_username)`, log: `Identified by Authorization username '${user}'` };
      continue;
    }
    if (id === 'anonymous') {
      // p06: whatever nothing else took goes to an endpoint named `anonymous`
      const e = objectOf(pjsip, 'endpoint', 'anonymous');
      if (e) return { endpoint: e, by: 'anonymous', identify: null, how: `nothing else identifies it, and ${to.name} has an endpoint named 'anonymous'`, log: `Retrieved anonymous endpoint` };
    }
  }
  return null;
}

/** The credentials of an endpoint's inbound auths: does the caller's answer pass one of them? */
function passes(pjsip: PjsipConfig, endpoint: PjsipObject, req: SipRequest): { ok: boolean; auths: PjsipObject[] } {
  const auths = names(endpoint, 'auth')
    .map((n) => objectOf(pjsip, 'auth', n.text))
    .filter((a): a is PjsipObject => a !== undefined);
  const creds = req.credentials;
  if (!creds) return { ok: false, auths };
  const ok = auths.some((a) => {
    if ((option(a, 'username')?.text ?? '') !== creds.user) return false;
    const md5 = (option(a, 'auth_type')?.text.toLowerCase() ?? 'userpass') !== 'userpass';
    // a hash on either side cannot be compared with a password: taken as passing
    if (md5 || creds.password === null) return true;
    return (option(a, 'password')?.text ?? '') === creds.password;
  });
  return { ok, auths };
}

function base(to: Pbx): Recognition {
  return { to, driver: 'chan_pjsip', peer: null, endpoint: null, as: null, asAt: null, by: null, identify: null, guest: false, accepted: false, responses: [], context: null, channel: null, log: [], senderLog: [], reason: '', cause: null };
}

const distributor = (req: SipRequest, why: string): string => `NOTICE res_pjsip/pjsip_distributor.c: Request '${req.method}' from '<sip:${req.fromUser}@${req.fromDomain}>' failed for '${showSource(req.source)}' - ${why}`;

export function pjsipReceives(to: Pbx, req: SipRequest): Recognition {
  const pjsip = to.pjsip!;
  const r = base(to);
  const found = identify(to, req, false) ?? (req.credentials ? identify(to, req, true) : null);
  if (!found) {
    // no endpoint: the distributor challenges with an artificial endpoint and refuses every answer: 401, and 401
    // again to the authenticated retry, never 403 (p04, p12, m02)
    r.responses.push(401);
    r.log.push(distributor(req, 'No matching endpoint found'));
    if (req.credentials) {
      r.responses.push(401);
      r.log.push(distributor(req, 'Failed to authenticate'));
    } else r.senderLog.push('There were no auth ids available');
    r.reason = `${to.name} identifies no endpoint for the ${req.method} from ${showSource(req.source)} (From user '${req.fromUser}'; identifiers ${identifierOrder(pjsip).join(', ')}): "No matching endpoint found", 401 Unauthorized${req.credentials ? ', and 401 again to the answer' : ''}`;
    r.cause = req.via.at;
    return r;
  }
  const e = found.endpoint;
  r.endpoint = e;
  r.as = e.id;
  r.asAt = e.header;
  r.by = found.by;
  r.identify = found.identify;
  r.log.push(found.log);
  const ctx = option(e, 'context');
  // p14: an endpoint without context= lands in `default`
  r.context = ctx ? { name: ctx.text, at: ctx.at, from: 'section' } : { name: 'default', at: null, from: 'default' };
  r.channel = `PJSIP/${e.id}`;
  const what = `${to.name} takes the ${req.method} for endpoint '${e.id}': ${found.how}`;
  if (req.method === 'REGISTER') {
    // the To user names the aor the contact goes in: one of the endpoint's aors that accepts contacts
    const aor = names(e, 'aors').some((n) => n.text === req.toUser) ? objectOf(pjsip, 'aor', req.toUser) : undefined;
    if (!aor) {
      r.responses.push(404);
      r.reason = `${what}, but '${req.toUser}' is not one of its aors: 404 Not Found`;
      r.cause = req.via.at;
      return r;
    }
  }
  const { ok, auths } = passes(pjsip, e, req);
  if (auths.length === 0) {
    r.accepted = true;
    r.reason = `${what}; it has no auth=, so no challenge`;
    return r;
  }
  r.responses.push(401);
  if (!req.credentials) {
    // p10: one 401, the caller logs "There were no auth ids available"
    r.senderLog.push('There were no auth ids available');
    r.reason = `${what} and challenges it (401, auth '${auths[0].id}'); ${req.from.name} cannot answer: ${req.noCredentials}`;
    r.cause = req.via.at;
    return r;
  }
  if (!ok) {
    // p08: identified as a phone whose credentials the caller does not have: 401 twice
    r.responses.push(401);
    r.log.push(distributor(req, 'Failed to authenticate'));
    r.reason = `${what} and challenges it (401, auth '${auths[0].id}'); ${req.from.name} answers as '${req.credentials.user}', which is not that auth's username and password: 401 again`;
    r.cause = req.credentials.at;
    return r;
  }
  r.accepted = true;
  r.reason = `${what}, challenges it (401, auth '${auths[0].id}') and ${req.from.name} answers as '${req.credentials.user}' with the right password`;
  return r;
}
