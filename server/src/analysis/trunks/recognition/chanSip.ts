// chan_sip receiving a request (channels/chan_sip.c): which section an INVITE belongs to (check_user_full,
// check_peer_ok, sip_find_peer, peer_ipcmp_cb_full), whether it is challenged (check_auth), where it lands; and
// which peer a REGISTER is for (register_verify). Each rule names the conformance/sip-recognition case that shows
// it on a real Asterisk 20.20.1.
import type { Pbx } from '../../../model/pbx';
import type { Located, SipPeer } from '../../../model/sip';
import { peerValue } from '../../../model/sip';
import { isTrue } from '../../../model/dialplan';
import { fromAddress, fromHost, resolveHost, showSource } from './addresses';
import type { Recognition, SipRequest, Source } from './types';

/** The address a dynamic peer registered from (null: it never registered, so it has none). */
export type Registered = (peer: SipPeer) => Source | null;

/** set_insecure_flags: comma-separated words, compared without trimming; `no` and the like set nothing. */
export function insecureOf(peer: SipPeer): { port: boolean; invite: boolean; at: Located | null } {
  const v = peerValue(peer, 'insecure');
  if (!v || /^(no|false|off|0|n)$/i.test(v.text.trim())) return { port: false, invite: false, at: v?.at ?? null };
  const words = v.text.split(',').map((w) => w.toLowerCase());
  return { port: words.includes('port'), invite: words.includes('invite'), at: v.at };
}

/** A [general] flag as chan_sip sets it (ast_set2_flag with ast_true: any other value is off), or its default. */
export function generalFlag(to: Pbx, key: string, fallback: boolean): boolean {
  const v = to.sip?.general.get(key)?.assignment.value.text;
  return v === undefined ? fallback : isTrue(v);
}

/** Where a peer is: its host and port (5060 without port=), or where it registered from; null when it has none. */
export function peerAt(peer: SipPeer, registered: Registered): { source: Source } | { host: string; port: number } | null {
  const host = peerValue(peer, 'host')?.text;
  if (!host) return null;
  if (host.toLowerCase() === 'dynamic') {
    const r = registered(peer);
    return r ? { source: r } : null;
  }
  return { host, port: parseInt(peerValue(peer, 'port')?.text ?? '', 10) || 5060 };
}

/** Does the request come from where this peer is (`ipOnly`: insecure=port's second pass, the IP alone)? */
function comesFrom(peer: SipPeer, req: SipRequest, registered: Registered, ipOnly: boolean): boolean {
  const at = peerAt(peer, registered);
  if (!at || !req.source) return false;
  if ('source' in at) return at.source.pbx === req.source.pbx && at.source.host === req.source.host && (ipOnly || at.source.port === req.source.port);
  // a host name DNS would resolve, or a source the workspace does not tell: taken as matching
  return (ipOnly ? fromHost(req.source, at.host) : fromAddress(req.source, at.host, at.port)) ?? true;
}

/**
 * A PBX's peers and friends by where they are, in sip.conf order, so that the address lookup costs no scan of every
 * peer per request: the first peer at an IP and port (or at the socket a dynamic peer registered from), the first
 * insecure=port peer at an IP, and the first ones whose host is a name only DNS could resolve (taken as matching
 * any IP, on their port).
 */
interface AddressIndex {
  peers: SipPeer[];
  exact: Map<string, number>;
  ipOnly: Map<string, number>;
  unknownByPort: Map<number, number>;
  unknownIpOnly: number;
}

const indexes = new WeakMap<Registered, WeakMap<Pbx, AddressIndex>>();

function addressIndex(to: Pbx, registered: Registered): AddressIndex {
  let byPbx = indexes.get(registered);
  if (!byPbx) indexes.set(registered, (byPbx = new WeakMap()));
  const known = byPbx.get(to);
  if (known) return known;
  const ix: AddressIndex = { peers: [...to.sip!.peers.values()].filter((p) => p.type !== 'user'), exact: new Map(), ipOnly: new Map(), unknownByPort: new Map(), unknownIpOnly: Infinity };
  const first = <K>(m: Map<K, number>, k: K, i: number): void => {
    if (!m.has(k)) m.set(k, i);
  };
  ix.peers.forEach((p, i) => {
    const at = peerAt(p, registered);
    if (!at) return;
    const anyPort = insecureOf(p).port;
    if ('source' in at) {
      first(ix.exact, `@${at.source.pbx.name}|${at.source.host}|${at.source.port}`, i);
      if (anyPort) first(ix.ipOnly, `@${at.source.pbx.name}|${at.source.host}`, i);
      return;
    }
    const ip = resolveHost(at.host);
    if (ip === null) {
      first(ix.unknownByPort, at.port, i);
      if (anyPort) ix.unknownIpOnly = Math.min(ix.unknownIpOnly, i);
      return;
    }
    first(ix.exact, `${ip}|${at.port}`, i);
    if (anyPort) first(ix.ipOnly, ip, i);
  });
  byPbx.set(to, ix);
  return ix;
}

/** The first peer (in sip.conf order) the request comes from: comesFrom over every peer, by the index. */
function peerFrom(to: Pbx, req: SipRequest, registered: Registered, ipOnly: boolean): SipPeer | undefined {
  const ix = addressIndex(to, registered);
  const src = req.source;
  if (!src) return undefined;
  // a source the workspace cannot tell matches every peer with an address: the first one
  if (src.ips.length === 0) return ix.peers.find((p) => (!ipOnly || insecureOf(p).port) && comesFrom(p, req, registered, ipOnly));
  let best = ipOnly ? ix.unknownIpOnly : (ix.unknownByPort.get(src.port) ?? Infinity);
  const keys = ipOnly ? [`@${src.pbx.name}|${src.host}`, ...src.ips] : [`@${src.pbx.name}|${src.host}|${src.port}`, ...src.ips.map((ip) => `${ip}|${src.port}`)];
  const map = ipOnly ? ix.ipOnly : ix.exact;
  for (const k of keys) best = Math.min(best, map.get(k) ?? Infinity);
  return best === Infinity ? undefined : ix.peers[best];
}

function base(to: Pbx): Recognition {
  return { to, driver: 'chan_sip', peer: null, endpoint: null, as: null, asAt: null, by: null, identify: null, guest: false, accepted: false, responses: [], context: null, channel: null, log: [], senderLog: [], reason: '', cause: null };
}

/** The From header as chan_sip logs it in "Failed to authenticate device ...". */
function fromHeader(req: SipRequest): string {
  return `<sip:${req.fromUser}@${req.fromDomain}>`;
}

/**
 * The challenge of a matched section (check_auth): 401, then the digest user must be the section's name and the
 * password its secret. No secret= (s08) or insecure=invite (s05) means no challenge.
 */
function challenge(r: Recognition, req: SipRequest, peer: SipPeer, what: string): Recognition {
  const secret = peerValue(peer, 'secret');
  const md5 = peerValue(peer, 'md5secret');
  const insecure = insecureOf(peer);
  if ((!secret && !md5) || (req.method === 'INVITE' && insecure.invite)) {
    r.accepted = true;
    r.reason = `${what}; ${insecure.invite && req.method === 'INVITE' ? 'insecure=invite: no challenge' : 'it has no secret=, so no challenge'}`;
    return r;
  }
  r.responses.push(401);
  const creds = req.credentials;
  if (!creds) {
    // s21: the caller has no user to answer with; its INVITE ends on the 401
    r.senderLog.push(`Failed to authenticate on ${req.method} to '${fromHeader(req)}'`);
    r.reason = `${what} and challenges it (401); ${req.from.name} cannot answer: ${req.noCredentials}`;
    r.cause = req.via.at;
    return r;
  }
  if (creds.user !== peer.name) {
    // s15: "username mismatch, have <1001>, digest has <pbx-a>"
    r.responses.push(403);
    r.log.push(`WARNING chan_sip.c: username mismatch, have <${peer.name}>, digest has <${creds.user}>`);
    r.log.push(`NOTICE chan_sip.c: Failed to authenticate device ${fromHeader(req)} for ${req.method}, code = -2`);
    r.reason = `${what} and challenges it (401); ${req.from.name} answers as '${creds.user}', but the digest user must be the section's name '${peer.name}' ("username mismatch"): 403 Forbidden`;
    r.cause = creds.at;
    return r;
  }
  const theirs = secret?.text ?? null;
  if (md5 === undefined && creds.password !== null && theirs !== null && creds.password !== theirs) {
    // s09, s10 (no secret on the caller: an empty password)
    r.responses.push(403);
    r.log.push(`NOTICE chan_sip.c: Failed to authenticate device ${fromHeader(req)} for ${req.method}, code = -1`);
    r.reason = `${what} and challenges it (401); ${req.from.name}'s password is not the secret ${r.to.name} has for '${peer.name}': 403 Forbidden`;
    r.cause = creds.passwordAt ?? creds.at;
    return r;
  }
  r.accepted = true;
  r.reason = `${what}, challenges it (401) and ${req.from.name} answers as '${creds.user}' with the right secret`;
  return r;
}

/** chan_sip's peer lookup for an INVITE, then the challenge or the guest policy. */
function invite(to: Pbx, req: SipRequest, registered: Registered): Recognition {
  const r = base(to);
  const src = showSource(req.source);
  // 1. the From user against the names of users and friends, exact and case-sensitive (s12, s13, s14, s14b, s15)
  const named = to.sip!.peers.get(req.fromUser);
  let peer = named && named.type !== 'peer' ? named : undefined;
  let how = `its From user '${req.fromUser}' names the ${peer?.type} '${peer?.name}'`;
  if (peer) r.by = 'from-user';
  else {
    // 2. the source address and port against peers and friends with an address, first in sip.conf first (s16,
    //    s16b); 3. the IP alone for insecure=port (s04, s07)
    peer = peerFrom(to, req, registered, false);
    if (peer) {
      r.by = 'address';
      how = `it comes from ${src}, the address of its ${peer.type} '${peer.name}'${peerValue(peer, 'host')?.text.toLowerCase() === 'dynamic' ? ` (registered from there)` : ''}`;
    } else {
      peer = peerFrom(to, req, registered, true);
      if (peer) {
        r.by = 'address-ip';
        how = `it comes from ${src}: the IP of its ${peer.type} '${peer.name}', whose insecure=port lets any port match`;
      }
    }
  }
  if (peer) {
    r.peer = peer;
    r.as = peer.name;
    r.asAt = peer.header;
    r.log.push(`Found peer '${peer.name}' for '${req.fromUser}' from ${src}`);
    r.context = { name: peer.context.name, at: peer.context.at, from: peer.context.from === 'peer' ? 'section' : peer.context.from };
    r.channel = `SIP/${peer.name}`;
    return challenge(r, req, peer, `${to.name} takes the INVITE for '${peer.name}': ${how}`);
  }
  r.log.push(`No matching peer for '${req.fromUser}' from '${src}'`);
  const none = `${to.name} finds no section for the INVITE (no user or friend named '${req.fromUser}', no peer at ${src})`;
  // guests: allowguest=yes, chan_sip's default, lets it in without a challenge, in [general]'s context or
  // `default` (s03, s19)
  if (generalFlag(to, 'allowguest', true)) {
    const ctx = to.sip!.general.get('context');
    r.guest = true;
    r.by = null;
    r.accepted = true;
    r.context = ctx ? { name: ctx.assignment.value.text, at: { file: ctx.file, start: ctx.assignment.value.start, end: ctx.assignment.value.end }, from: 'general' } : { name: 'default', at: null, from: 'default' };
    r.channel = `SIP/${req.fromDomain}`;
    r.reason = `${none}; allowguest=yes${to.sip!.general.has('allowguest') ? '' : ' (the default)'} lets it in as a guest, unchallenged, in ${ctx ? `[general]'s context '${r.context.name}'` : "'default' ([general] has no context=)"}`;
    return r;
  }
  // allowguest=no: alwaysauthreject=yes (the default) challenges with a section that never authenticates: 401,
  // then 403 (s02, s06, s13, s14, s14b); alwaysauthreject=no answers 403 at once (s11)
  if (generalFlag(to, 'alwaysauthreject', true)) {
    r.responses.push(401);
    if (req.credentials) {
      r.responses.push(403);
      r.log.push(`NOTICE chan_sip.c: Failed to authenticate device ${fromHeader(req)} for ${req.method}, code = -1`);
      r.reason = `${none}; allowguest=no: it challenges anyway (alwaysauthreject) and refuses the answer: 403 Forbidden`;
    } else {
      r.senderLog.push(`Failed to authenticate on ${req.method} to '${fromHeader(req)}'`);
      r.reason = `${none}; allowguest=no: it challenges anyway (alwaysauthreject) and ${req.from.name} cannot answer (401)`;
    }
  } else {
    r.responses.push(403);
    r.log.push(`NOTICE chan_sip.c: Failed to authenticate device ${fromHeader(req)} for ${req.method}, code = -1`);
    r.reason = `${none}; allowguest=no and alwaysauthreject=no: 403 Forbidden at once`;
  }
  return r;
}

/** register_verify: the To user names a peer or friend, which must be host=dynamic (s20), then the challenge. */
function register(to: Pbx, req: SipRequest): Recognition {
  const r = base(to);
  const peer = to.sip!.peers.get(req.toUser);
  if (!peer || peer.type === 'user') {
    r.responses.push(...(req.credentials ? [401, 403] : [401]));
    r.log.push(`NOTICE chan_sip.c: Registration from '<sip:${req.toUser}@...>' failed for '${showSource(req.source)}' - No matching peer found`);
    r.reason = `${to.name} has no peer or friend named '${req.toUser}' to register: it challenges (alwaysauthreject) and refuses: 403 Forbidden`;
    r.cause = req.via.at;
    return r;
  }
  r.peer = peer;
  r.as = peer.name;
  r.asAt = peer.header;
  r.by = 'to-user';
  const host = peerValue(peer, 'host');
  if (host?.text.toLowerCase() !== 'dynamic') {
    r.responses.push(401, 403);
    r.log.push(`ERROR chan_sip.c: Peer '${peer.name}' is trying to register, but not configured as host=dynamic`);
    r.reason = `${to.name}'s '${peer.name}' is not host=dynamic, so it may not register: 401, then 403 ("Peer is not supposed to register"); the registry shows No Authentication`;
    r.cause = host?.at ?? peer.header;
    return r;
  }
  return challenge(r, req, peer, `${to.name} takes the REGISTER for its dynamic ${peer.type} '${peer.name}'`);
}

export function chanSipReceives(to: Pbx, req: SipRequest, registered: Registered): Recognition {
  return req.method === 'REGISTER' ? register(to, req) : invite(to, req, registered);
}
