// chan_sip (sip.conf) as channels/chan_sip.c reads it: [general] (bind address, default context, codecs,
// `register =>` lines), then one peer per section whose `type` is peer, user or friend. Templates come from the
// config loader (categories already carry inherited lines). A section without `type` is skipped with a warning;
// a later section of the same name with a `type` overlays the earlier one.
import type { Assignment } from '../parser/ast';
import type { Category, LoadedConfig, LoadedVariable } from './configLoader';

export interface Located {
  file: string;
  start: number;
  end: number;
}

export interface SipRegistration {
  file: string;
  line: Assignment;
  transport: 'udp' | 'tcp' | 'tls';
  user: string;
  domain: string | null;
  secret: string | null;
  authuser: string | null;
  host: string;
  port: number;
  /** The extension B sends calls for this registration to (default `s`). */
  extension: string;
  /** Source ranges of the parts a check points at. */
  at: { user: Located; secret: Located | null; host: Located; port: Located | null };
}

export interface SipPeer {
  name: string;
  type: 'peer' | 'user' | 'friend';
  /** The categories that made it (a later one with a type overlays the first). */
  categories: Category[];
  header: Located;
  /** Last value of each key (lower case), with where it was set. */
  values: Map<string, LoadedVariable>;
  /** Codecs in effect, in order, after [general] and the peer's own allow/disallow lines. */
  codecs: string[];
  /** The context incoming calls from this peer start in: its own, [general]'s, or `default`. */
  context: { name: string; from: 'peer' | 'general' | 'default'; at: Located | null };
}

export interface SipConfig {
  file: string;
  config: LoadedConfig;
  general: Map<string, LoadedVariable>;
  /** Where chan_sip listens for UDP. */
  listen: { host: string; port: number; at: Located | null };
  registrations: SipRegistration[];
  peers: Map<string, SipPeer>;
  problems: { code: string; severity: 'error' | 'warning' | 'information'; message: string; at: Located }[];
}

/** chan_sip's built-in codec list before any allow/disallow. */
export const SIP_DEFAULT_CODECS = ['ulaw', 'alaw', 'gsm', 'h263'];

export function located(file: string, s: { start: number; end: number }): Located {
  return { file, start: s.start, end: s.end };
}

/** ast_format_cap_update_by_allow_disallow: `all` clears or adds everything known; names are case-insensitive. */
export function applyCodecLine(codecs: string[], value: string, allow: boolean): string[] {
  let out = [...codecs];
  for (const raw of value.split(/[,&|]/)) {
    const name = raw.trim().toLowerCase().replace(/:.*$/, '');
    if (name === '') continue;
    if (name === 'all') {
      out = allow ? [...new Set([...out, ...SIP_DEFAULT_CODECS])] : [];
      continue;
    }
    if (allow) {
      if (!out.includes(name)) out.push(name);
    } else out = out.filter((c) => c !== name);
  }
  return out;
}

function codecsOf(start: string[], vars: LoadedVariable[]): string[] {
  let codecs = start;
  for (const v of vars) {
    const k = v.assignment.key.text.toLowerCase();
    if (k === 'allow' || k === 'disallow') codecs = applyCodecLine(codecs, v.assignment.value.text, k === 'allow');
  }
  return codecs;
}

function lastValues(vars: LoadedVariable[], into = new Map<string, LoadedVariable>()): Map<string, LoadedVariable> {
  for (const v of vars) into.set(v.assignment.key.text.toLowerCase(), v);
  return into;
}

/** Splits `host[:port]` (IPv6 in brackets) with the port's range. */
function hostPort(text: string, start: number): { host: string; port: number | null; portAt: { start: number; end: number } | null } {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(text);
  if (!m) return { host: text, port: null, portAt: null };
  const portStart = start + m[1].length + 1;
  return { host: m[1].replace(/^\[|\]$/g, ''), port: m[2] ? parseInt(m[2], 10) : null, portAt: m[2] !== undefined ? { start: portStart, end: portStart + m[2].length } : null };
}

/**
 * `register => [peer?][transport://]user[@domain][:secret[:authuser]]@host[:port][/extension][~expiry]`
 * (sip_parse_register_line). Returns null when chan_sip rejects the line.
 */
export function parseRegister(file: string, line: Assignment): SipRegistration | null {
  const value = line.value.text;
  const base = line.value.start;
  const contiguous = line.valueMap === null;
  const at = (s: number, e: number): Located => (contiguous ? { file, start: base + s, end: base + e } : located(file, line.value));
  const lastAt = value.lastIndexOf('@');
  if (lastAt <= 0 || lastAt === value.length - 1) return null;
  let userpart = value.slice(0, lastAt);
  let offset = 0;
  const q = userpart.indexOf('?');
  if (q >= 0) {
    offset = q + 1;
    userpart = userpart.slice(q + 1);
  }
  let transport: SipRegistration['transport'] = 'udp';
  const slash = userpart.indexOf('/');
  if (slash >= 0) {
    const t = userpart.slice(0, 3).toLowerCase();
    transport = t === 'tcp' ? 'tcp' : t === 'tls' ? 'tls' : 'udp';
    if (userpart[slash + 1] !== '/') return null;
    offset += slash + 2;
    userpart = userpart.slice(slash + 2);
  }
  // user[@domain][:secret[:authuser]]  (also user@domain:domainport:secret:authuser)
  const parts = userpart.split(':');
  const userAndDomain = parts[0];
  let secret: string | null = parts.length > 1 ? parts[1] : null;
  let authuser: string | null = parts.length > 2 ? parts.slice(2).join(':') : null;
  let secretOffset = parts.length > 1 ? userAndDomain.length + 1 : -1;
  if (authuser !== null && authuser.includes(':')) {
    // :domainport:secret:authuser
    const [s2, a2] = [authuser.slice(0, authuser.indexOf(':')), authuser.slice(authuser.indexOf(':') + 1)];
    secretOffset = userAndDomain.length + 1 + (secret?.length ?? 0) + 1;
    secret = s2;
    authuser = a2;
  }
  const atInUser = userAndDomain.indexOf('@');
  const user = atInUser >= 0 ? userAndDomain.slice(0, atInUser) : userAndDomain;
  const domain = atInUser >= 0 ? userAndDomain.slice(atInUser + 1) : null;
  let hostpart = value.slice(lastAt + 1);
  hostpart = hostpart.replace(/~.*$/, '');
  const extSlash = hostpart.indexOf('/');
  const extension = extSlash >= 0 ? hostpart.slice(extSlash + 1) || 's' : 's';
  if (extSlash >= 0) hostpart = hostpart.slice(0, extSlash);
  const hp = hostPort(hostpart, lastAt + 1);
  const port = hp.port && hp.port > 0 ? hp.port : transport === 'tls' ? 5061 : 5060;
  if (user === '') return null;
  return {
    file,
    line,
    transport,
    user,
    domain,
    secret,
    authuser,
    host: hp.host,
    port,
    extension,
    at: {
      user: at(offset, offset + user.length),
      secret: secret !== null ? at(offset + secretOffset, offset + secretOffset + secret.length) : null,
      host: at(lastAt + 1, lastAt + 1 + hp.host.length),
      port: hp.portAt ? at(hp.portAt.start, hp.portAt.end) : null,
    },
  };
}

export function buildSip(file: string, config: LoadedConfig): SipConfig {
  const sip: SipConfig = { file, config, general: new Map(), listen: { host: '0.0.0.0', port: 5060, at: null }, registrations: [], peers: new Map(), problems: [] };
  const general = config.categories.filter((c) => !c.template && c.name.toLowerCase() === 'general');
  const generalVars = general.flatMap((c) => c.variables);
  lastValues(generalVars, sip.general);
  for (const v of generalVars) {
    if (v.assignment.key.text.toLowerCase() !== 'register') continue;
    const r = parseRegister(v.file, v.assignment);
    if (r) sip.registrations.push(r);
    else
      sip.problems.push({
        code: 'sip-register-syntax',
        severity: 'error',
        message: "chan_sip cannot read this register line and ignores it: the form is [transport://]user[@domain][:secret[:authuser]]@host[:port][/extension][~expiry].",
        at: located(v.file, v.assignment.value),
      });
  }
  const bind = sip.general.get('udpbindaddr') ?? sip.general.get('bindaddr');
  if (bind) {
    const hp = hostPort(bind.assignment.value.text, bind.assignment.value.start);
    sip.listen = { host: hp.host, port: hp.port ?? 5060, at: located(bind.file, bind.assignment) };
  }
  const bindport = sip.general.get('bindport');
  if (bindport && !(bind && /:\d+$/.test(bind.assignment.value.text))) {
    sip.listen = { ...sip.listen, port: parseInt(bindport.assignment.value.text, 10) || 5060, at: located(bindport.file, bindport.assignment) };
  }
  const globalCodecs = codecsOf(SIP_DEFAULT_CODECS, generalVars);
  const generalContext = sip.general.get('context');
  for (const c of config.categories) {
    const lower = c.name.toLowerCase();
    if (c.template || lower === 'general' || lower === 'authentication') continue;
    const own = lastValues(c.variables);
    const type = own.get('type')?.assignment.value.text.toLowerCase();
    const header = located(c.file, c.section.name);
    if (type === undefined) {
      sip.problems.push({ code: 'sip-section-without-type', severity: 'warning', message: `Section '${c.name}' has no type=: chan_sip skips it ("lacks type"). Add type=peer, user or friend.`, at: header });
      continue;
    }
    if (type !== 'peer' && type !== 'user' && type !== 'friend') {
      const t = own.get('type')!;
      sip.problems.push({ code: 'sip-unknown-type', severity: 'warning', message: `type=${t.assignment.value.text} is not peer, user or friend: chan_sip skips '${c.name}'.`, at: located(t.file, t.assignment.value) });
      continue;
    }
    const existing = sip.peers.get(c.name);
    const values = existing ? lastValues(c.variables, new Map(existing.values)) : own;
    const categories = existing ? [...existing.categories, c] : [c];
    // flatMap is slow in V8 and this runs for every peer: a section seen once keeps its own list
    const allVars = existing ? categories.flatMap((x) => x.variables) : c.variables;
    const ctx = values.get('context');
    const peer: SipPeer = {
      name: c.name,
      type,
      categories,
      header: existing?.header ?? header,
      values,
      codecs: codecsOf(globalCodecs, allVars),
      context: ctx
        ? { name: ctx.assignment.value.text, from: 'peer', at: located(ctx.file, ctx.assignment.value) }
        : generalContext
          ? { name: generalContext.assignment.value.text, from: 'general', at: located(generalContext.file, generalContext.assignment.value) }
          : { name: 'default', from: 'default', at: null },
    };
    sip.peers.set(c.name, peer);
  }
  return sip;
}

/** A peer's value for a key, with where it was set. */
export function peerValue(peer: SipPeer, ...keys: string[]): { text: string; at: Located } | undefined {
  for (const k of keys) {
    const v = peer.values.get(k);
    if (v) return { text: v.assignment.value.text, at: located(v.file, v.assignment.value) };
  }
  return undefined;
}

