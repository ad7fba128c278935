// Where a Dial device sends the call: a phone of this PBX, a Local channel, a trunk to another PBX of the
// workspace (and whether the far side takes the call: conformance sip-trunks and pjsip-trunks), an IvozProvider
// company, or the outside world. The far side's verdicts come from the same pairing the trunk checks use
// (analysis/trunks/*): chan_sip refuses a caller it cannot recognise or authenticate with 403, chan_pjsip with 401;
// no codec in common is 488; a context the far side does not have is 404. Nothing is sent anywhere: this only
// reads the configurations.
import type { Pbx } from '../../model/pbx';
import type { PjsipObject } from '../../model/pjsip';
import { describeCodecs, endpointCodecs, hasCommonCodec, objectOf, objectsOf, option, options, items, parseSipUri } from '../../model/pjsip';
import type { Located, SipPeer } from '../../model/sip';
import { peerValue } from '../../model/sip';
import { friendLinks } from '../trunks/ivozPairing';
import { authName, peerAddress, sipLinks } from '../trunks/pairing';
import type { PeerLink } from '../trunks/pairing';
import { authsOf, pjsipLinks, whyMissing } from '../trunks/pjsipPairing';

export type Destination =
  /** A phone (or any device that is not a trunk) of this PBX rings. */
  | { kind: 'phone'; device: string; at: Located | null }
  | { kind: 'local'; context: string; exten: string }
  /** Leaves the workspace: a provider, a host we do not have, a technology we do not model. */
  | { kind: 'external'; device: string; reason: string; at: Located | null }
  /** No request leaves this PBX. */
  | { kind: 'cannot-leave'; reason: string; at: Located | null }
  /** The far side refuses the call it was sent as `number`. */
  | { kind: 'refused'; to: Pbx; number: string; status: number; reason: string; at: Located | null }
  /** The call arrives on another PBX of the workspace, in this context, with this number. */
  | { kind: 'arrives'; to: Pbx; context: string; number: string; reason: string; at: Located | null; channel: string }
  /** An IvozProvider company receives it and routes it (internal extension, friends, external). */
  | { kind: 'company'; to: Pbx; number: string; reason: string; at: Located | null };

/** `TECH/resource` split as Dial's device strings are: SIP/peer/num, SIP/num@peer, PJSIP/num@endpoint, Local/n@ctx. */
export function parseDevice(device: string): { tech: string; name: string; number: string | null; rest: string } | null {
  const slash = device.indexOf('/');
  if (slash <= 0) return null;
  const tech = device.slice(0, slash).toUpperCase();
  const resource = device.slice(slash + 1);
  if (tech === 'LOCAL') {
    const m = /^([^@]*)@([^/]*)/.exec(resource);
    return m ? { tech, name: m[2], number: m[1], rest: '' } : null;
  }
  const next = resource.indexOf('/');
  const head = next >= 0 ? resource.slice(0, next) : resource;
  const rest = next >= 0 ? resource.slice(next + 1) : '';
  const at = head.lastIndexOf('@');
  // IAX2/user:secret@peer/exten: before the @ is who logs in, the number comes after the /
  if (tech === 'IAX2') return { tech, name: head.slice(at + 1).replace(/:\d+$/, ''), number: rest !== '' ? rest : null, rest };
  if (at >= 0) return { tech, name: head.slice(at + 1).replace(/:\d+$/, ''), number: head.slice(0, at), rest };
  if (tech === 'PJSIP' && rest !== '') {
    // PJSIP/endpoint/sip:number@host: the number is the URI's user
    const user = /^sips?:([^@;]+)@/.exec(rest);
    return { tech, name: head, number: user ? user[1] : null, rest };
  }
  return { tech, name: head, number: rest !== '' ? rest : null, rest };
}

export function destination(pbxs: Pbx[], from: Pbx, device: string): Destination {
  const d = parseDevice(device);
  if (!d) return { kind: 'external', device, reason: `'${device}' is not a TECH/resource device string`, at: null };
  if (d.tech === 'LOCAL') return { kind: 'local', context: d.name, exten: d.number ?? 's' };
  if (d.tech === 'SIP') return sipDestination(pbxs, from, d.name, d.number, device);
  if (d.tech === 'PJSIP') return pjsipDestination(pbxs, from, d.name, d.number, device);
  if (d.tech === 'IAX2') return iaxDestination(from, d.name, d.number, device);
  return { kind: 'external', device, reason: `${d.tech} channels are not modelled: the call leaves through ${device}`, at: null };
}

/** IAX2/[user[:secret]@]peer[/exten[@context]]: a phone, or a trunk whose far side is not followed. */
function iaxDestination(from: Pbx, name: string, number: string | null, device: string): Destination {
  const peer = from.iax?.peers.get(name);
  const exten = number?.replace(/@.*$/, '') ?? 's';
  if (!peer) return { kind: 'external', device, reason: `${from.name} has no IAX2 peer '${name}' in iax.conf: chan_iax2 takes '${name}' as a host name and calls ${exten} there`, at: null };
  if (!peer.host || peer.host.text.toLowerCase() === 'dynamic') return { kind: 'phone', device, at: peer.header };
  return { kind: 'external', device, reason: `'${peer.name}' is an IAX2 peer at ${peer.host.text} (iax.conf); the call leaves for ${exten} there (IAX2 trunks are not followed into another PBX)`, at: peer.header };
}

function peerAt(peer: SipPeer): Located {
  return peer.header;
}

function sipDestination(pbxs: Pbx[], from: Pbx, name: string, number: string | null, device: string): Destination {
  const peer = from.sip?.peers.get(name);
  if (!peer) {
    return { kind: 'external', device, reason: `${from.name} has no SIP peer '${name}': chan_sip takes '${name}' as a host name and sends the call there`, at: null };
  }
  const friend = friendLinks(pbxs).find((l) => l.from === from && l.peer === peer);
  if (friend) {
    return { kind: 'company', to: friend.company, number: number ?? 's', reason: `'${peer.name}' is ${friend.company.name}'s friend '${friend.name}'`, at: peerAt(peer) };
  }
  const { registrations, peers } = sipLinks(pbxs);
  const link = peers.find((l) => l.from === from && l.peer === peer);
  if (!link) {
    // a dynamic peer that another PBX registers as: the call goes to where that PBX registered from
    const back = registrations.find((r) => r.to === from && r.remote === peer);
    if (back) return reverseSip(peers, back.from, from, peer, number);
    if (peerAddress(peer) === null) return { kind: 'phone', device, at: peerAt(peer) };
    return { kind: 'external', device, reason: `'${peer.name}' points at ${peerValue(peer, 'host')?.text}, which is none of the workspace's PBXs`, at: peerValue(peer, 'host')?.at ?? peerAt(peer) };
  }
  return sipVerdict(link, number ?? 's');
}

/** B dials back A's trunk peer, known only by A's registration: it arrives on A in the context of A's peer for B. */
function reverseSip(peers: PeerLink[], to: Pbx, from: Pbx, peer: SipPeer, number: string | null): Destination {
  const theirs = peers.find((l) => l.from === to && l.to === from)?.peer;
  const context = theirs?.context.name ?? to.sip?.general.get('context')?.assignment.value.text ?? 'default';
  return { kind: 'arrives', to, context, number: number ?? 's', reason: `${from.name} reaches ${to.name} at the address ${to.name} registered from ('${peer.name}'); it lands in ${theirs ? `the context of ${to.name}'s peer '${theirs.name}'` : `${to.name}'s default context`}`, at: theirs?.header ?? null, channel: `SIP/${theirs?.name ?? to.name}` };
}

function sipVerdict(l: PeerLink, number: string): Destination {
  const A = l.from.name;
  const B = l.to.name;
  const host = peerValue(l.peer, 'host');
  if (!l.byAddress) {
    return { kind: 'cannot-leave', reason: `'${l.peer.name}' points at ${host?.text}:${peerValue(l.peer, 'port')?.text ?? 5060}, where ${B} does not listen: nothing answers there (with qualify, ${A} marks the peer UNREACHABLE and Dial fails with cause 20), so no INVITE reaches ${B}`, at: (peerValue(l.peer, 'port') ?? host)?.at ?? l.peer.header };
  }
  const remote = l.remote;
  if (!remote || l.recognisedBy === null) {
    return { kind: 'refused', to: l.to, number, status: 403, reason: `${B} cannot tell which of its peers ${A}'s INVITE comes from (no registration it accepted, no fromuser naming one, no static host for ${A}): "No matching peer", 403 Forbidden`, at: remote?.header ?? l.peer.header };
  }
  const how = l.recognisedBy === 'registration' ? `${A}'s registration` : l.recognisedBy === 'fromuser' ? `${A}'s fromuser` : `its address`;
  const user = authName(l.peer);
  if (l.recognisedBy !== 'host' && user !== remote.name) {
    return { kind: 'refused', to: l.to, number, status: 403, reason: `${B} takes the INVITE as '${remote.name}' (by ${how}) and challenges it; ${A} answers as '${user}' ("username mismatch, have <${remote.name}>, digest has <${user}>"): 403 Forbidden`, at: peerValue(l.peer, 'defaultuser', 'username')?.at ?? l.peer.header };
  }
  const ours = peerValue(l.peer, 'secret');
  const theirs = peerValue(remote, 'secret');
  if (theirs && (ours?.text ?? '') !== theirs.text) {
    return { kind: 'refused', to: l.to, number, status: 403, reason: `${B} challenges the INVITE and ${A}'s secret for '${l.peer.name}' is not the one ${B} has for '${remote.name}' (wrong password): 403 Forbidden`, at: ours?.at ?? l.peer.header };
  }
  if (!l.peer.codecs.some((c) => remote.codecs.includes(c))) {
    return { kind: 'refused', to: l.to, number, status: 488, reason: `No codec in common: '${l.peer.name}' offers ${l.peer.codecs.join(', ') || 'none'}, ${B}'s '${remote.name}' accepts ${remote.codecs.join(', ') || 'none'}: 488 Not Acceptable Here`, at: l.peer.header };
  }
  return { kind: 'arrives', to: l.to, context: remote.context.name, number, reason: `${B} recognises the call as its peer '${remote.name}' (by ${how})`, at: remote.context.at ?? remote.header, channel: `SIP/${remote.name}` };
}

function pjsipDestination(pbxs: Pbx[], from: Pbx, name: string, number: string | null, device: string): Destination {
  const pjsip = from.pjsip;
  const endpoint = pjsip ? objectOf(pjsip, 'endpoint', name) : undefined;
  if (!pjsip || !endpoint) {
    const why = pjsip ? whyMissing(pjsip, 'endpoint', name) : null;
    const detail = why === 'untyped' ? ` (its section has no type=)` : why === 'duplicate' ? ` (a duplicate endpoint section made ${from.name} drop every endpoint)` : why === 'misplaced-wizard' ? ` (its wizard is in pjsip.conf, where wizards are ignored)` : '';
    return { kind: 'cannot-leave', reason: `${from.name} has no endpoint '${name}'${detail}: "Unable to create PJSIP channel - endpoint '${name}' was not found", cause 3`, at: null };
  }
  if (objectsOf(pjsip, 'transport').length === 0) {
    return { kind: 'cannot-leave', reason: `${from.name} has no pjsip transport: "Could not create dialog" (Unsupported transport), cause 3; no INVITE leaves`, at: endpoint.header };
  }
  const link = pjsipLinks(pbxs).calls.find((l) => l.from === from && l.endpoint === endpoint);
  if (!link) {
    const contacts = staticContacts(endpoint, pjsip);
    if (contacts.length === 0) return { kind: 'phone', device, at: endpoint.header };
    const uri = parseSipUri(contacts[0]);
    return { kind: 'external', device, reason: `endpoint '${name}' calls ${uri?.host.text ?? contacts[0].text}, which is none of the workspace's PBXs`, at: contacts[0].at };
  }
  const A = from.name;
  const B = link.to.name;
  if (link.by !== 'address') {
    return { kind: 'cannot-leave', reason: `endpoint '${name}' calls ${link.uri.host.text}:${link.port} over ${link.protocol}, where ${B} does not listen: qualify marks the contact Unavail and Dial fails ("Could not create dialog"), cause 3; no INVITE leaves`, at: link.contact.at };
  }
  const remote = link.remote;
  if (!remote || link.recognisedBy === null) {
    return { kind: 'refused', to: link.to, number: number ?? 's', status: 401, reason: `${B} cannot tell which endpoint ${A}'s INVITE comes from (no identify matching ${A}'s address, no From user naming an endpoint; a registration does not help): "No matching endpoint found", 401 Unauthorized`, at: link.identify?.header ?? link.intended?.header ?? endpoint.header };
  }
  const theirs = authsOf(link.to.pjsip!, remote, 'auth');
  if (theirs.length > 0) {
    const ours = authsOf(pjsip, endpoint, 'outbound_auth');
    if (ours.length === 0) {
      return { kind: 'refused', to: link.to, number: number ?? 's', status: 401, reason: `${B}'s endpoint '${remote.id}' challenges the INVITE and ${A}'s endpoint '${name}' has no outbound auth to answer with ("Auth object ... could not be found"): 401 Unauthorized`, at: option(endpoint, 'outbound_auth')?.at ?? endpoint.header };
    }
    const accepted = ours.some((a) => theirs.some((t) => sameCredentials(a, t)));
    if (!accepted) {
      return { kind: 'refused', to: link.to, number: number ?? 's', status: 401, reason: `${B}'s endpoint '${remote.id}' challenges the INVITE and ${A}'s auth '${ours[0].id}' does not have its username and password ("Failed to authenticate"): 401 Unauthorized`, at: ours[0].header };
    }
  }
  const a = endpointCodecs(endpoint);
  const b = endpointCodecs(remote);
  if (!hasCommonCodec(a, b)) {
    return { kind: 'refused', to: link.to, number: number ?? 's', status: 488, reason: `No codec in common: '${name}' offers ${describeCodecs(a)}, ${B}'s '${remote.id}' accepts ${describeCodecs(b)}: 488 Not Acceptable Here`, at: endpoint.header };
  }
  const how = link.recognisedBy === 'ip' ? `identify '${link.identify?.id}'` : link.recognisedBy === 'fromuser' ? `${A}'s from_user` : 'its address';
  const ctx = option(remote, 'context');
  return { kind: 'arrives', to: link.to, context: ctx?.text ?? 'default', number: number ?? 's', reason: `${B} recognises the call as endpoint '${remote.id}' (by ${how})`, at: ctx?.at ?? remote.header, channel: `PJSIP/${remote.id}` };
}

/** An endpoint's static contacts (its aors' contact= lines). */
function staticContacts(endpoint: PjsipObject, pjsip: NonNullable<Pbx['pjsip']>): ReturnType<typeof items> {
  return options(endpoint, 'aors')
    .flatMap(items)
    .map((n) => objectOf(pjsip, 'aor', n.text))
    .flatMap((aor) => (aor ? options(aor, 'contact').flatMap(items) : []));
}

function sameCredentials(ours: PjsipObject, theirs: PjsipObject): boolean {
  const user = (o: PjsipObject): string => option(o, 'username')?.text ?? '';
  const md5 = (o: PjsipObject): boolean => (option(o, 'auth_type')?.text.toLowerCase() ?? 'userpass') !== 'userpass';
  if (user(ours) !== user(theirs)) return false;
  // digest hashes cannot be compared with a password: taken as accepted
  if (md5(ours) || md5(theirs)) return true;
  return (option(ours, 'password')?.text ?? '') === (option(theirs, 'password')?.text ?? '');
}
