// Which way calls really go over a trunk. Every chan_sip peer and pjsip endpoint that reaches another PBX of the
// workspace carries an INVITE (recognised there by the model of ./recognition), and a PBX's dialplan sends calls
// over it only when one of its Dial applications names it (`SIP/peer/...`, `SIP/num@peer`, `PJSIP/num@endpoint`,
// `PJSIP/endpoint`). A finding about calls that come *from* the far side is an error only when the far side
// really sends them (sip-recognition s21, s22: a trunk built for A -> B, used backwards).
import type { Pbx } from '../../model/pbx';
import type { PjsipObject } from '../../model/pjsip';
import { objectsOf } from '../../model/pjsip';
import type { SipPeer } from '../../model/sip';
import { substituteGlobals } from '../../model/dialplan';
import { parseArguments } from '../../parser/dialplanParser';
import { parseDevice } from '../simulate/devices';
import type { Route } from './recognition/routes';
import { inviteOver, routesOf } from './recognition/routes';
import type { Recognition, SipRequest } from './recognition/types';

/** One trunk as it is used: the route of a peer or endpoint, an anonymous INVITE over it, and the far side's verdict. */
export interface Crossing {
  route: Route;
  request: SipRequest;
  recognition: Recognition;
  /** The sending PBX's dialplan dials this peer or endpoint. */
  dialed: boolean;
}

const dialedCache = new WeakMap<Pbx, Set<string>>();

/** The `SIP/<peer>` and `PJSIP/<endpoint>` names a PBX's Dial applications name (globals substituted). */
export function dialedDevices(pbx: Pbx): Set<string> {
  let found = dialedCache.get(pbx);
  if (found) return found;
  found = new Set();
  const plan = pbx.dialplan;
  for (const context of plan?.contexts.values() ?? []) {
    for (const ext of context.extensions) {
      for (const p of ext.priorities.values()) {
        if (p.app.toLowerCase() !== 'dial' || !p.statement.application?.data) continue;
        const first = parseArguments(p.statement.statement, p.statement.application.data)[0];
        if (!first) continue;
        for (const device of substituteGlobals(first.text, plan!.globals).split('&')) {
          const d = parseDevice(device.trim());
          if (d && (d.tech === 'SIP' || d.tech === 'PJSIP') && !d.name.includes('$')) found.add(`${d.tech}/${d.name}`);
        }
      }
    }
  }
  dialedCache.set(pbx, found);
  return found;
}

/** Does the PBX's dialplan send calls over this peer or endpoint? */
export function isDialed(pbx: Pbx, via: SipPeer | PjsipObject): boolean {
  return dialedDevices(pbx).has('categories' in via ? `SIP/${via.name}` : `PJSIP/${via.id}`);
}

const headerCache = new WeakMap<Pbx, { name: string; value: string }[]>();

/**
 * The SIP headers a PBX's dialplan adds to its outgoing calls (`Set(PJSIP_HEADER(add,X-Name)=value)`, in a pre-dial
 * handler as in p16), with literal values: an identify's match_header may recognise them.
 */
export function addedHeaders(pbx: Pbx): { name: string; value: string }[] {
  let found = headerCache.get(pbx);
  if (found) return found;
  found = [];
  for (const context of pbx.dialplan?.contexts.values() ?? []) {
    for (const ext of context.extensions) {
      for (const p of ext.priorities.values()) {
        if (p.app.toLowerCase() !== 'set') continue;
        const m = /^PJSIP_HEADER\(\s*(?:add|update)\s*,\s*([^,)]+)\)=(.*)$/i.exec(p.data.trim());
        if (m && !m[2].includes('$')) found.push({ name: m[1].trim(), value: m[2] });
      }
    }
  }
  headerCache.set(pbx, found);
  return found;
}

interface Crossings {
  all: Crossing[];
  /** By the peer or endpoint the INVITE leaves through, and by the one the far side takes it for. */
  byVia: Map<SipPeer | PjsipObject, Crossing>;
  arrivals: Map<SipPeer | PjsipObject, Crossing[]>;
}

const crossingCache = new WeakMap<Pbx[], Crossings>();

function crossingsOf(pbxs: Pbx[]): Crossings {
  let found = crossingCache.get(pbxs);
  if (found) return found;
  found = { all: [], byVia: new Map(), arrivals: new Map() };
  const routes = routesOf(pbxs);
  for (const from of pbxs) {
    const vias: (SipPeer | PjsipObject)[] = [...(from.sip?.peers.values() ?? [])].filter((p) => p.type !== 'user');
    if (from.pjsip) vias.push(...objectsOf(from.pjsip, 'endpoint'));
    for (const via of vias) {
      const route = routes.route(from, via);
      if (!route) continue;
      const { request, recognition } = inviteOver(routes, route, null, { number: null }, route.endpoint ? addedHeaders(from) : []);
      const c: Crossing = { route, request, recognition, dialed: isDialed(from, via) };
      found.all.push(c);
      found.byVia.set(via, c);
      const at = recognition.peer ?? recognition.endpoint;
      if (at) {
        const list = found.arrivals.get(at);
        if (list) list.push(c);
        else found.arrivals.set(at, [c]);
      }
    }
  }
  crossingCache.set(pbxs, found);
  return found;
}

/** Every trunk between the PBXs, with an anonymous INVITE over it (kept as long as the list of PBXs is). */
export function crossings(pbxs: Pbx[]): Crossing[] {
  return crossingsOf(pbxs).all;
}

/** The trunk a peer or endpoint sends its INVITEs over, if it reaches another PBX of the workspace. */
export function crossingOf(pbxs: Pbx[], via: SipPeer | PjsipObject): Crossing | undefined {
  return crossingsOf(pbxs).byVia.get(via);
}

/**
 * Who sends calls that land on a PBX's peer or endpoint: `dialed` when another PBX's dialplan really does (an
 * error about them is an error), `never` when the section is a trunk between PBXs of the workspace but no
 * dialplan sends calls that land there (at most an information), `unknown` when the calls come from outside.
 */
export function incomingUse(pbxs: Pbx[], to: Pbx, section: SipPeer | PjsipObject): { use: 'dialed' | 'never' | 'unknown'; senders: Pbx[] } {
  const arrivals = (crossingsOf(pbxs).arrivals.get(section) ?? []).filter((c) => c.recognition.to === to);
  const senders = [...new Set(arrivals.map((c) => c.route.from))];
  if (arrivals.some((c) => c.dialed)) return { use: 'dialed', senders: [...new Set(arrivals.filter((c) => c.dialed).map((c) => c.route.from))] };
  if (arrivals.length > 0) return { use: 'never', senders };
  const out = routesOf(pbxs).route(to, section);
  return out ? { use: 'never', senders: [out.target.to] } : { use: 'unknown', senders: [] };
}
