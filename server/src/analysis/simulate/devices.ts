// Where a Dial device sends the call: a phone of this PBX, a Local channel, a trunk to another PBX of the
// workspace (its route: recognition/routes.ts, the model the trunk checks use too; the far side's verdict is
// decided in apps/dial.ts once the caller and the pre-dial handler are known), an IvozProvider company, or the
// outside world. Nothing is sent anywhere: this only reads the configurations.
import type { Pbx } from '../../model/pbx';
import type { PjsipObject } from '../../model/pjsip';
import { objectOf, objectsOf, options, items, parseSipUri } from '../../model/pjsip';
import type { Located, SipPeer } from '../../model/sip';
import { peerValue } from '../../model/sip';
import { friendLinks } from '../trunks/ivozPairing';
import { peerAddress, sipLinks } from '../trunks/pairing';
import { pjsipLinks, whyMissing } from '../trunks/pjsipPairing';
import type { Route } from '../trunks/recognition/routes';
import { routesOf, toUri } from '../trunks/recognition/routes';

export type Destination =
  /** A phone (or any device that is not a trunk) of this PBX rings. */
  | { kind: 'phone'; device: string; at: Located | null }
  | { kind: 'local'; context: string; exten: string }
  /** Leaves the workspace: a provider, a host we do not have, a technology we do not model. */
  | { kind: 'external'; device: string; reason: string; at: Located | null }
  /** No request leaves this PBX; the caller's channel gets this cause. */
  | { kind: 'cannot-leave'; cause: number; reason: string; at: Located | null }
  /** An INVITE goes to another PBX of the workspace over this route (recognition/routes.ts). */
  | { kind: 'trunk'; route: Route; number: string | null; device: string; at: Located | null }
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
  if (d.tech === 'PJSIP') return pjsipDestination(pbxs, from, d.name, d.number, device, d.rest);
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
  const route = routesOf(pbxs).route(from, peer);
  if (route) return { kind: 'trunk', route, number, device, at: route.target.at ?? peerAt(peer) };
  const link = sipLinks(pbxs).peers.find((l) => l.from === from && l.peer === peer);
  const host = peerValue(peer, 'host');
  if (link && !link.byAddress) {
    return { kind: 'cannot-leave', cause: 20, reason: `'${peer.name}' points at ${host?.text}:${peerValue(peer, 'port')?.text ?? 5060}, where ${link.to.name} does not listen: nothing answers there (with qualify, ${from.name} marks the peer UNREACHABLE and Dial fails with cause 20), so no INVITE reaches ${link.to.name}`, at: (peerValue(peer, 'port') ?? host)?.at ?? peer.header };
  }
  // a dynamic peer nobody of the workspace registers as: a phone
  if (peerAddress(peer) === null) return { kind: 'phone', device, at: peerAt(peer) };
  return { kind: 'external', device, reason: `'${peer.name}' points at ${host?.text}, which is none of the workspace's PBXs`, at: host?.at ?? peerAt(peer) };
}

function pjsipDestination(pbxs: Pbx[], from: Pbx, name: string, number: string | null, device: string, rest: string): Destination {
  const pjsip = from.pjsip;
  const endpoint = pjsip ? objectOf(pjsip, 'endpoint', name) : undefined;
  if (!pjsip || !endpoint) {
    const why = pjsip ? whyMissing(pjsip, 'endpoint', name) : null;
    const detail = why === 'untyped' ? ` (its section has no type=)` : why === 'duplicate' ? ` (a duplicate endpoint section made ${from.name} drop every endpoint)` : why === 'misplaced-wizard' ? ` (its wizard is in pjsip.conf, where wizards are ignored)` : '';
    return { kind: 'cannot-leave', cause: 3, reason: `${from.name} has no endpoint '${name}'${detail}: "Unable to create PJSIP channel - endpoint '${name}' was not found", cause 3`, at: null };
  }
  if (objectsOf(pjsip, 'transport').length === 0) {
    return { kind: 'cannot-leave', cause: 3, reason: `${from.name} has no pjsip transport: "Could not create dialog" (Unsupported transport), cause 3; no INVITE leaves`, at: endpoint.header };
  }
  // PJSIP/endpoint/sip:user@host: that URI, else the endpoint's contacts
  const uri = /^sips?:/i.test(rest) ? parseSipUri({ text: rest, at: endpoint.header, exact: false }) : null;
  const route = uri ? toUri(pbxs, from, endpoint, uri, null) : routesOf(pbxs).route(from, endpoint);
  if (route) return { kind: 'trunk', route, number, device, at: route.target.at ?? endpoint.header };
  const link = pjsipLinks(pbxs).calls.find((l) => l.from === from && l.endpoint === endpoint);
  if (link && link.by !== 'address') {
    return { kind: 'cannot-leave', cause: 3, reason: `endpoint '${name}' calls ${link.uri.host.text}:${link.port} over ${link.protocol}, where ${link.to.name} does not listen: qualify marks the contact Unavail and Dial fails ("Could not create dialog"), cause 3; no INVITE leaves`, at: link.contact.at };
  }
  const contacts = staticContacts(endpoint, pjsip);
  if (contacts.length === 0) return { kind: 'phone', device, at: endpoint.header };
  const target = parseSipUri(contacts[0]);
  return { kind: 'external', device, reason: `endpoint '${name}' calls ${target?.host.text ?? contacts[0].text}, which is none of the workspace's PBXs`, at: contacts[0].at };
}

/** An endpoint's static contacts (its aors' contact= lines). */
function staticContacts(endpoint: PjsipObject, pjsip: NonNullable<Pbx['pjsip']>): ReturnType<typeof items> {
  return options(endpoint, 'aors')
    .flatMap(items)
    .map((n) => objectOf(pjsip, 'aor', n.text))
    .flatMap((aor) => (aor ? options(aor, 'contact').flatMap(items) : []));
}
