// Who talks to whom across the workspace, whatever the drivers: every REGISTER a PBX sends to another (chan_sip
// `register =>` lines, pjsip registrations) with the far side's verdict, and where a chan_sip peer or a pjsip
// endpoint sends its INVITEs: its host or contact, or the address another PBX registered from as that peer or into
// that endpoint's aor. An address is another PBX's when its chan_sip or one of its pjsip transports listens there.
// Nothing is sent anywhere: this only reads the configurations.
import type { Pbx } from '../../../model/pbx';
import { stackAt as listeningStack } from '../../../model/pbx';
import type { PjsipObject, PjsipValue, SipUri } from '../../../model/pjsip';
import { items, names, objectOf, objectsOf, option, options, parseSipUri, transportAddress, transportFor, uriProtocol } from '../../../model/pjsip';
import type { Located, SipPeer } from '../../../model/sip';
import { peerValue } from '../../../model/sip';
import { resolveHost, sipSource, transportSource } from './addresses';
import { chanSipReceives } from './chanSip';
import { pjsipReceives } from './pjsip';
import type { CallerId } from './requests';
import { pjsipInvite, pjsipRegister, sipInvite, sipRegister } from './requests';
import type { Driver, Recognition, SipRequest, Source } from './types';

/** Which of a PBX's stacks listens at host:port over a protocol (udp when not said), or null; `localhost` resolved. */
export function stackAt(pbx: Pbx, host: string, port: number, protocol = 'udp'): Driver | null {
  return listeningStack(pbx, resolveHost(host) ?? host, port, protocol);
}

/** Where requests go: a PBX of the workspace and the stack that takes them there. */
export interface Target {
  to: Pbx;
  driver: Driver;
  host: string;
  port: number;
  protocol: string;
  /** The value that says where (host=, contact=, server_uri=), or null for an address learnt from a registration. */
  at: Located | null;
}

function targetAt(pbxs: Pbx[], from: Pbx, host: string, port: number, protocol: string, at: Located | null): Target | null {
  for (const to of pbxs) {
    if (to === from) continue;
    const driver = stackAt(to, host, port, protocol);
    if (driver) return { to, driver, host, port, protocol, at };
  }
  return null;
}

/** A REGISTER one PBX sends to another, and what the far side makes of it. */
export interface RegisterRoute {
  request: SipRequest;
  target: Target;
  recognition: Recognition;
}

/** Where a peer or endpoint sends its INVITEs. */
export interface Route {
  from: Pbx;
  driver: Driver;
  peer: SipPeer | null;
  endpoint: PjsipObject | null;
  target: Target;
  source: Source | null;
  /** Learnt from this registration of the far side (a dynamic peer, an aor without a static contact). */
  registered: RegisterRoute | null;
  /** The Request-URI user when Dial gives no number: the registration's Contact user, the contact's user, defaultuser. */
  defaultUser: string;
}

export interface Routes {
  registrations: RegisterRoute[];
  /** The route of a chan_sip peer or a pjsip endpoint of `from` (null: it reaches no PBX of the workspace). */
  route(from: Pbx, via: SipPeer | PjsipObject): Route | null;
  /** What the far side makes of a request on a route. */
  recognise(target: Target, request: SipRequest): Recognition;
}

function registerRoutes(pbxs: Pbx[], routes: Routes): RegisterRoute[] {
  const out: RegisterRoute[] = [];
  for (const from of pbxs) {
    for (const r of from.sip?.registrations ?? []) {
      if (r.transport !== 'udp') continue;
      const target = targetAt(pbxs, from, r.host, r.port, 'udp', r.at.host);
      if (!target) continue;
      const request = sipRegister(from, r, sipSource(from, r.host));
      out.push({ request, target, recognition: routes.recognise(target, request) });
    }
    for (const reg of from.pjsip ? objectsOf(from.pjsip, 'registration') : []) {
      const server = option(reg, 'server_uri');
      const uri = server ? parseSipUri(server) : null;
      if (!server || !uri) continue;
      const chosen = transportFor(from.pjsip!, reg, uri);
      const protocol = chosen.transport ? transportAddress(chosen.transport).protocol : uriProtocol(uri);
      const port = uri.port?.number ?? (protocol === 'tls' ? 5061 : 5060);
      const target = targetAt(pbxs, from, uri.host.text, port, protocol, server.at);
      if (!target) continue;
      const clientValue = option(reg, 'client_uri');
      const client = clientValue ? parseSipUri(clientValue) : null;
      const request = pjsipRegister(from, reg, client?.user?.text ?? '', client?.host.text ?? uri.host.text, transportSource(from, chosen.transport, uri.host.text));
      out.push({ request, target, recognition: routes.recognise(target, request) });
    }
  }
  return out;
}

/** A registration's socket, called back by the PBX it registered to. */
function callBack(route: RegisterRoute, pbxs: Pbx[], from: Pbx, at: Located | null): Target | null {
  const s = route.request.source;
  if (!s) return null;
  const host = s.ips[0] ?? s.host;
  const t = targetAt(pbxs, from, host, s.port, 'udp', at);
  return t && t.to === route.request.from ? t : null;
}

function sipRoute(pbxs: Pbx[], routes: Routes, from: Pbx, peer: SipPeer): Route | null {
  const host = peerValue(peer, 'host');
  if (!host) return null;
  const defaultUser = peerValue(peer, 'defaultuser', 'username')?.text ?? '';
  if (host.text.toLowerCase() === 'dynamic') {
    const reg = routes.registrations.find((r) => r.target.to === from && r.recognition.accepted && r.recognition.peer === peer);
    const target = reg ? callBack(reg, pbxs, from, null) : null;
    if (!reg || !target) return null;
    return { from, driver: 'chan_sip', peer, endpoint: null, target, source: sipSource(from, target.host), registered: reg, defaultUser: reg.request.contactUser };
  }
  const port = parseInt(peerValue(peer, 'port')?.text ?? '', 10) || 5060;
  const target = targetAt(pbxs, from, host.text, port, 'udp', host.at);
  if (!target) return null;
  return { from, driver: 'chan_sip', peer, endpoint: null, target, source: sipSource(from, host.text), registered: null, defaultUser };
}

function pjsipRoute(pbxs: Pbx[], routes: Routes, from: Pbx, endpoint: PjsipObject): Route | null {
  const pjsip = from.pjsip!;
  const aors = names(endpoint, 'aors').map((n) => n.text);
  for (const name of aors) {
    const aor = objectOf(pjsip, 'aor', name);
    for (const contact of aor ? options(aor, 'contact').flatMap(items) : []) {
      const uri = parseSipUri(contact);
      if (!uri) continue;
      const route = toUri(pbxs, from, endpoint, uri, contact);
      if (route) return route;
    }
  }
  // no static contact: where another PBX registered into one of its aors
  const reg = routes.registrations.find((r) => r.target.to === from && r.recognition.accepted && aors.includes(r.request.toUser));
  const target = reg ? callBack(reg, pbxs, from, null) : null;
  if (!reg || !target) return null;
  const chosen = transportFor(pjsip, endpoint, null);
  return { from, driver: 'chan_pjsip', peer: null, endpoint, target, source: transportSource(from, chosen.transport, target.host), registered: reg, defaultUser: reg.request.contactUser };
}

/** An endpoint's request to a URI (a contact, or the URI a Dial names). */
export function toUri(pbxs: Pbx[], from: Pbx, endpoint: PjsipObject, uri: SipUri, value: PjsipValue | null): Route | null {
  const chosen = transportFor(from.pjsip!, endpoint, uri);
  const protocol = chosen.transport ? transportAddress(chosen.transport).protocol : uriProtocol(uri);
  const port = uri.port?.number ?? (protocol === 'tls' ? 5061 : 5060);
  const target = targetAt(pbxs, from, uri.host.text, port, protocol, value?.at ?? null);
  if (!target) return null;
  return { from, driver: 'chan_pjsip', peer: null, endpoint, target, source: transportSource(from, chosen.transport, uri.host.text), registered: null, defaultUser: uri.user?.text ?? '' };
}

const cache = new WeakMap<Pbx[], Routes>();

/** The routes of the workspace's PBXs (kept as long as the list of PBXs is: it is rebuilt at every change). */
export function routesOf(pbxs: Pbx[]): Routes {
  let routes = cache.get(pbxs);
  if (routes) return routes;
  const byVia = new Map<SipPeer | PjsipObject, Route | null>();
  // where each dynamic peer registered from (the accepted REGISTERs; read only once they are all known)
  let sources: Map<SipPeer, Source | null> | null = null;
  const registered = (peer: SipPeer): Source | null => {
    if (!sources) {
      sources = new Map();
      for (const r of made.registrations) if (r.recognition.accepted && r.recognition.peer && !sources.has(r.recognition.peer)) sources.set(r.recognition.peer, r.request.source);
    }
    return sources.get(peer) ?? null;
  };
  const made: Routes = {
    registrations: [],
    route(from, via) {
      if (!byVia.has(via)) byVia.set(via, 'categories' in via ? sipRoute(pbxs, made, from, via) : pjsipRoute(pbxs, made, from, via));
      return byVia.get(via) ?? null;
    },
    recognise(target, request) {
      if (target.driver === 'chan_sip') return chanSipReceives(target.to, request, registered);
      return pjsipReceives(target.to, request);
    },
  };
  routes = made;
  cache.set(pbxs, routes);
  made.registrations = registerRoutes(pbxs, made);
  return routes;
}

/** An INVITE over a route for a number (null: Dial gave none) and a caller, and the far side's verdict. */
export function inviteOver(routes: Routes, route: Route, number: string | null, caller: CallerId, headers: { name: string; value: string }[] = []): { request: SipRequest; recognition: Recognition } {
  const user = number ?? route.defaultUser;
  const request = route.peer ? sipInvite(route.from, route.peer, user, caller, route.source, route.registered?.request.contactUser || null) : pjsipInvite(route.from, route.endpoint!, user, caller, route.source, headers);
  return { request, recognition: routes.recognise(route.target, request) };
}
