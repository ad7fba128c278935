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
import type { Context } from '../../model/dialplan';
import { splitTop } from '../targets';
import { parseDevice } from '../simulate/devices';
import type { Route } from './recognition/routes';
import { inviteOver, routesOf } from './recognition/routes';
import type { Recognition, SipRequest } from './recognition/types';

/** One trunk as it is used: the route of a peer or endpoint, an anonymous INVITE over it, and the far side's verdict. */
export interface Crossing {
  route: Route;
  request: SipRequest;
  recognition: Recognition;
  /** The sending PBX's dialplan dials this peer or endpoint (worked out when first asked). */
  readonly dialed: boolean;
}

const dialedCache = new WeakMap<Pbx, (key: string) => boolean>();
/** `SIP/<peer>` or `PJSIP/<endpoint>` of a Dial device string, or null. */
function deviceKey(device: string): string | null {
  const d = parseDevice(device);
  return d && (d.tech === 'SIP' || d.tech === 'PJSIP') && !d.name.includes('$') ? `${d.tech}/${d.name}` : null;
}

/** [globals] as one string: the device keys of a context hold while it does not change. */
function globalsKey(globals: Map<string, string>): string {
  let out = '';
  for (const [k, v] of globals) out += `${k}=${v}\n`;
  return out;
}

const contextDevices = new WeakMap<Context, { globals: string; keys: string[] }>();

/** The devices the Dials of a context name, [globals] substituted (kept as long as the context and [globals] are). */
function devicesOf(context: Context, globals: Map<string, string>, signature: string): string[] {
  const known = contextDevices.get(context);
  if (known && known.globals === signature) return known.keys;
  const keys: string[] = [];
  for (const ext of context.extensions) {
    for (const p of ext.priorities.values()) {
      if (p.app.toLowerCase() !== 'dial' || p.data === '') continue;
      for (const raw of splitTop(p.data, ',', 2)[0].text.split('&')) {
        const device = raw.trim();
        const key = deviceKey(device.includes('${') ? substituteGlobals(device, globals) : device);
        if (key) keys.push(key);
      }
    }
  }
  contextDevices.set(context, { globals: signature, keys });
  return keys;
}

/** How many Dials of the latest version of each PBX (by folder) name each device: updated by the contexts that changed. */
interface DialedState {
  contexts: Set<Context>;
  globals: string;
  counts: Map<string, number>;
  /** Bumped at each update: a lookup of an older version then scans its own contexts instead. */
  version: number;
}

const states = new Map<string, DialedState>();

/**
 * Does a PBX's dialplan dial `SIP/<peer>` or `PJSIP/<endpoint>` ([globals] substituted)? The count of each device
 * follows the contexts an edit rebuilt (the others are the same objects), so an edit costs the contexts it touched,
 * not every Dial of the dialplan.
 */
function dialedLookup(pbx: Pbx): (key: string) => boolean {
  const known = dialedCache.get(pbx);
  if (known) return known;
  const globals = pbx.dialplan?.globals ?? new Map<string, string>();
  const signature = globalsKey(globals);
  const now = new Set(pbx.dialplan?.contexts.values() ?? []);
  let state = states.get(pbx.dir);
  if (!state || state.globals !== signature) state = { contexts: new Set(), globals: signature, counts: new Map(), version: 0 };
  const counts = state.counts;
  const bump = (c: Context, by: number): void => {
    for (const n of devicesOf(c, globals, signature)) counts.set(n, (counts.get(n) ?? 0) + by);
  };
  for (const c of state.contexts) if (!now.has(c)) bump(c, -1);
  for (const c of now) if (!state.contexts.has(c)) bump(c, 1);
  state.contexts = now;
  const version = ++state.version;
  states.set(pbx.dir, state);
  const current = state;
  const lookup = (key: string): boolean => {
    if (current.version === version) return (counts.get(key) ?? 0) > 0;
    // a later version of this PBX moved the counts on: this one's own contexts answer
    for (const c of now) if (devicesOf(c, globals, signature).includes(key)) return true;
    return false;
  };
  dialedCache.set(pbx, lookup);
  return lookup;
}

/** Does the PBX's dialplan send calls over this peer or endpoint? */
export function isDialed(pbx: Pbx, via: SipPeer | PjsipObject): boolean {
  return dialedLookup(pbx)('categories' in via ? `SIP/${via.name}` : `PJSIP/${via.id}`);
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
      // whether the dialplan dials it is asked only of the crossings a finding is about
      let dialed: boolean | undefined;
      const c: Crossing = {
        route,
        request,
        recognition,
        get dialed(): boolean {
          return (dialed ??= isDialed(from, via));
        },
      };
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
