// The requests a PBX sends, as the far side sees them: the From user (fromuser/from_user, else the caller ID
// number, else `anonymous` at anonymous.invalid: conformance s13, p06), the source socket, what answers a
// challenge (chan_sip: defaultuser with remotesecret or secret, an empty password when it has none (s10), nothing
// without defaultuser (s21); pjsip: the first outbound_auth), and for a REGISTER the name it registers as and the
// Contact user the far side calls back.
import type { Pbx } from '../../../model/pbx';
import type { PjsipObject } from '../../../model/pjsip';
import { names, objectOf, option } from '../../../model/pjsip';
import type { Located, SipPeer, SipRegistration } from '../../../model/sip';
import { peerValue } from '../../../model/sip';
import type { Credentials, SipRequest, Source } from './types';

/** The caller as a request carries it: a number (null: none) and a name. */
export interface CallerId {
  number: string | null;
  name?: string | null;
}

/** The From domain without fromdomain/from_domain: anonymous.invalid for an anonymous call, else the source IP. */
function domainFor(caller: CallerId, source: Source | null): string {
  return caller.number ? (source?.ips[0] ?? source?.host ?? 'localhost') : 'anonymous.invalid';
}

/**
 * chan_sip answers a challenge as its defaultuser (or deprecated username), with remotesecret, else secret. A
 * dynamic peer without one takes the Contact user of the REGISTER it accepted (parse_register_contact), so `learnt`
 * is that user, and the peer's header says where.
 */
export function sipCredentials(peer: SipPeer, learnt: string | null = null): { credentials: Credentials | null; why: string } {
  const user = peerValue(peer, 'defaultuser', 'username') ?? (learnt ? { text: learnt, at: peer.header } : undefined);
  if (!user || user.text === '') return { credentials: null, why: `its '${peer.name}' has no defaultuser= to answer a challenge with ("Failed to authenticate on INVITE")` };
  const md5 = peerValue(peer, 'md5secret');
  const secret = peerValue(peer, 'remotesecret') ?? peerValue(peer, 'secret');
  return { credentials: { user: user.text, password: secret ? secret.text : md5 ? null : '', at: user.at, passwordAt: secret?.at ?? md5?.at ?? null }, why: '' };
}

/** pjsip answers with the first of its outbound_auth objects that exists. */
export function pjsipCredentials(from: Pbx, o: PjsipObject): { credentials: Credentials | null; why: string } {
  const pjsip = from.pjsip!;
  const auth = names(o, 'outbound_auth')
    .map((n) => objectOf(pjsip, 'auth', n.text))
    .find((a) => a !== undefined);
  if (!auth) return { credentials: null, why: `its '${o.id}' has no outbound_auth= ("There were no auth ids available")` };
  const user = option(auth, 'username');
  const md5 = (option(auth, 'auth_type')?.text.toLowerCase() ?? 'userpass') !== 'userpass';
  const password = option(auth, 'password');
  return { credentials: { user: user?.text ?? '', password: md5 ? null : (password?.text ?? ''), at: user?.at ?? auth.header, passwordAt: password?.at ?? null }, why: '' };
}

/**
 * An INVITE to `number` for a caller: the From user is the configured one (fromuser, from_user), else the caller ID
 * number, else `anonymous` (then the domain is anonymous.invalid).
 */
function invite(
  from: Pbx,
  driver: SipRequest['driver'],
  via: SipRequest['via'],
  fromUser: { value: { text: string; at: Located } | undefined; key: 'fromuser' | 'from_user'; domain: string | undefined },
  number: string,
  caller: CallerId,
  source: Source | null,
  answers: { credentials: Credentials | null; why: string },
  headers: { name: string; value: string }[],
): SipRequest {
  const set = fromUser.value;
  return {
    method: 'INVITE',
    from,
    driver,
    via,
    source,
    fromUser: set?.text ?? caller.number ?? 'anonymous',
    fromUserSetBy: set ? fromUser.key : caller.number ? 'caller-id' : 'anonymous',
    fromUserAt: set?.at ?? null,
    fromDomain: fromUser.domain ?? domainFor(caller, source),
    toUser: number,
    requestUser: number,
    headers,
    credentials: answers.credentials,
    noCredentials: answers.why,
    contactUser: '',
  };
}

/** An INVITE through a chan_sip peer. */
export function sipInvite(from: Pbx, peer: SipPeer, number: string, caller: CallerId, source: Source | null, learnt: string | null = null): SipRequest {
  const fromUser = { value: peerValue(peer, 'fromuser'), key: 'fromuser' as const, domain: peerValue(peer, 'fromdomain')?.text };
  return invite(from, 'chan_sip', { kind: 'peer', name: peer.name, at: peer.header }, fromUser, number, caller, source, sipCredentials(peer, learnt), []);
}

/** An INVITE through a pjsip endpoint. */
export function pjsipInvite(from: Pbx, endpoint: PjsipObject, number: string, caller: CallerId, source: Source | null, headers: { name: string; value: string }[] = []): SipRequest {
  const fromUser = { value: option(endpoint, 'from_user'), key: 'from_user' as const, domain: option(endpoint, 'from_domain')?.text };
  return invite(from, 'chan_pjsip', { kind: 'endpoint', name: endpoint.id, at: endpoint.header }, fromUser, number, caller, source, pjsipCredentials(from, endpoint), headers);
}

/** A chan_sip `register =>` line: From and To are the user, the digest user the authuser (else the user). */
export function sipRegister(from: Pbx, r: SipRegistration, source: Source | null): SipRequest {
  const credentials: Credentials = { user: r.authuser ?? r.user, password: r.secret ?? '', at: r.at.user, passwordAt: r.at.secret };
  return {
    method: 'REGISTER',
    from,
    driver: 'chan_sip',
    via: { kind: 'register', name: r.user, at: { file: r.file, start: r.line.start, end: r.line.end } },
    source,
    fromUser: r.user,
    fromUserSetBy: 'register',
    fromUserAt: r.at.user,
    fromDomain: r.domain ?? r.host,
    toUser: r.user,
    requestUser: '',
    headers: [],
    credentials,
    noCredentials: '',
    contactUser: r.extension,
  };
}

/** A pjsip registration: From and To are client_uri, the Contact user contact_user (default `s`). */
export function pjsipRegister(from: Pbx, registration: PjsipObject, user: string, domain: string, source: Source | null): SipRequest {
  const { credentials, why } = pjsipCredentials(from, registration);
  const client = option(registration, 'client_uri');
  return {
    method: 'REGISTER',
    from,
    driver: 'chan_pjsip',
    via: { kind: 'registration', name: registration.id, at: registration.header },
    source,
    fromUser: user,
    fromUserSetBy: 'client_uri',
    fromUserAt: client?.at ?? null,
    fromDomain: domain,
    toUser: user,
    requestUser: '',
    headers: [],
    credentials,
    noCredentials: why,
    contactUser: option(registration, 'contact_user')?.text || 's',
  };
}
