// sip.conf (chan_sip, channels/chan_sip.c) -> pjsip.conf objects (res_pjsip, res_pjsip_outbound_registration,
// res_pjsip_endpoint_identifier_ip/user) or pjsip_wizard.conf sections (res_pjsip_config_wizard.c). Reads the model
// of model/sip.ts (templates already resolved by the config loader) and writes text; every setting without an
// exact equivalent is kept as a comment with the reason and reported as a MigrationNote. Secrets go into the
// new config (they are config) but never into a note.
import type { LoadedVariable } from '../../model/configLoader';
import type { SipConfig, SipPeer, SipRegistration } from '../../model/sip';
import { SIP_DEFAULT_CODECS } from '../../model/sip';
import type { MigrationNote } from './types';

/** Keys whose value is a secret: a note shows them as `********`. */
const SECRET_KEYS = new Set(['secret', 'md5secret', 'remotesecret']);

export function redacted(key: string, value: string): string {
  return SECRET_KEYS.has(key.toLowerCase()) ? `${key}=********` : `${key}=${value}`;
}

/** A register line with its secret hidden. */
export function redactRegister(r: SipRegistration): string {
  const v = r.line.value.text;
  return `register => ${r.secret ? v.replace(`:${r.secret}`, ':********') : v}`;
}

type Option = [key: string, value: string];

/** One key of a peer: the endpoint options it gives, or why it has none. */
interface Mapping {
  options: Option[];
  /** set when the mapping is not exact: what was done instead */
  approximated?: string;
  /** set when there is nothing to map to */
  dropped?: string;
}

const same = (key: string) => (v: string): Mapping => ({ options: [[key, v]] });
const yesNo = (v: string): string => (/^(yes|true|on|1)$/i.test(v.trim()) ? 'yes' : 'no');

/** chan_sip peer keys with a direct endpoint equivalent (res_pjsip/pjsip_configuration.c names). */
const ENDPOINT_KEYS: Record<string, (v: string) => Mapping> = {
  callerid: same('callerid'),
  fromuser: same('from_user'),
  fromdomain: same('from_domain'),
  mailbox: same('mailboxes'),
  language: same('language'),
  accountcode: same('accountcode'),
  callgroup: same('call_group'),
  pickupgroup: same('pickup_group'),
  namedcallgroup: same('named_call_group'),
  namedpickupgroup: same('named_pickup_group'),
  mohsuggest: same('moh_suggest'),
  rtptimeout: same('rtp_timeout'),
  rtpholdtimeout: same('rtp_timeout_hold'),
  'session-expires': same('timers_sess_expires'),
  'session-minse': same('timers_min_se'),
  subscribecontext: same('subscribe_context'),
  allowsubscribe: (v) => ({ options: [['allow_subscribe', yesNo(v)]] }),
  allowtransfer: (v) => ({ options: [['allow_transfer', yesNo(v)]] }),
  trustrpid: (v) => ({ options: [['trust_id_inbound', yesNo(v)]] }),
  usereqphone: (v) => ({ options: [['user_eq_phone', yesNo(v)]] }),
  g726nonstandard: (v) => ({ options: [['g726_non_standard', yesNo(v)]] }),
  tonezone: same('tone_zone'),
  busylevel: same('device_state_busy_at'),
  permit: same('permit'),
  deny: same('deny'),
  acl: same('acl'),
  contactpermit: same('contact_permit'),
  contactdeny: same('contact_deny'),
  contactacl: same('contact_acl'),
  setvar: same('set_var'),
  parkinglot: (): Mapping => ({ options: [], dropped: 'chan_pjsip endpoints have no parking lot; set CHANNEL(parkinglot) in the dialplan instead' }),
  dtmfmode: (v) => {
    const m = v.trim().toLowerCase();
    if (m === 'rfc2833') return { options: [['dtmf_mode', 'rfc4733']] };
    if (m === 'shortinfo') return { options: [['dtmf_mode', 'info']], approximated: 'dtmf_mode=info: pjsip sends INFO with a duration; chan_sip shortinfo sent none' };
    return { options: [['dtmf_mode', m]] };
  },
  sendrpid: (v) => {
    const m = v.trim().toLowerCase();
    if (m === 'pai') return { options: [['send_pai', 'yes']] };
    if (m === 'rpid' || yesNo(m) === 'yes') return { options: [['send_rpid', 'yes']] };
    return { options: [] };
  },
  nat: (v) => {
    const parts = v.toLowerCase().split(',').map((s) => s.trim());
    if (parts.includes('no') || parts.includes('never')) return { options: [['force_rport', 'no'], ['rewrite_contact', 'no'], ['rtp_symmetric', 'no']] };
    const auto = parts.some((p) => p.startsWith('auto_'));
    const rport = parts.includes('yes') || parts.includes('force_rport') || parts.includes('auto_force_rport');
    const comedia = parts.includes('yes') || parts.includes('comedia') || parts.includes('auto_comedia');
    const options: Option[] = [];
    if (rport) options.push(['force_rport', 'yes'], ['rewrite_contact', 'yes']);
    if (comedia) options.push(['rtp_symmetric', 'yes']);
    return auto ? { options, approximated: 'pjsip has no auto_ NAT detection: the forced settings are written instead' } : { options };
  },
  directmedia: directMedia,
  canreinvite: directMedia,
  'session-timers': (v) => {
    const m = v.trim().toLowerCase();
    return { options: [['timers', m === 'originate' ? 'always' : m === 'refuse' ? 'no' : 'yes']] };
  },
  t38pt_udptl: (v) => {
    const parts = v.toLowerCase().split(',').map((s) => s.trim());
    const options: Option[] = [['t38_udptl', yesNo(parts[0])]];
    if (parts.includes('redundancy')) options.push(['t38_udptl_ec', 'redundancy']);
    if (parts.includes('fec')) options.push(['t38_udptl_ec', 'fec']);
    return { options };
  },
  encryption: (v) => (yesNo(v) === 'yes' ? { options: [['media_encryption', 'sdes']] } : { options: [] }),
  progressinband: (v) => ({ options: [['inband_progress', v.trim().toLowerCase() === 'yes' ? 'yes' : 'no']] }),
  outboundproxy: (v) => ({ options: [['outbound_proxy', `sip:${v.trim().replace(/^sips?:/, '')}\\;lr`]] }),
  callcounter: (): Mapping => ({ options: [], approximated: 'chan_pjsip always counts calls for device state: nothing to set' }),
  description: (): Mapping => ({ options: [], dropped: 'a description only chan_sip showed' }),
  'call-limit': (): Mapping => ({ options: [], dropped: 'chan_pjsip has no call limit: use GROUP()/GROUP_COUNT() in the dialplan' }),
  regexten: (): Mapping => ({ options: [], dropped: 'chan_pjsip does not add extensions for registered peers' }),
};

function directMedia(v: string): Mapping {
  const m = v.trim().toLowerCase();
  if (m === 'update') return { options: [['direct_media', 'yes'], ['direct_media_method', 'update']] };
  if (m === 'nonat' || m === 'outgoing') return { options: [['direct_media', 'yes']], approximated: `direct_media=yes: pjsip has no '${m}' restriction` };
  return { options: [['direct_media', yesNo(m)]] };
}

/** Keys the converter reads itself (structure of the objects), never commented. */
const STRUCTURAL = new Set(['type', 'host', 'port', 'secret', 'md5secret', 'remotesecret', 'defaultuser', 'username', 'insecure', 'qualify', 'qualifyfreq', 'context', 'allow', 'disallow', 'transport']);

/** [general] keys and what becomes of them. */
const GENERAL_HANDLED = new Set(['udpbindaddr', 'bindaddr', 'bindport', 'tcpenable', 'tcpbindaddr', 'context', 'allowguest', 'useragent', 'register', 'registertimeout', 'registerattempts', 'defaultexpiry', 'allow', 'disallow', 'externip', 'externaddr', 'localnet']);
const GENERAL_DROPPED: Record<string, string> = {
  srvlookup: 'pjsip always looks up NAPTR/SRV records for a host without a port; there is no switch',
  sipdebug: "no config switch: use 'pjsip set logger on' at the CLI",
  alwaysauthreject: 'pjsip always answers a request it cannot identify with 401 (an artificial endpoint), as alwaysauthreject=yes did',
  tlsenable: 'TLS needs a transport with certificates: write a protocol=tls transport by hand',
};

export interface NoteSink {
  note(file: string, line: number, text: string, reason: string, kind: MigrationNote['kind']): void;
}

/** The text of pjsip.conf (or pjsip_wizard.conf) for a sip.conf, and the notes. */
export interface PjsipOutput {
  pjsip: string;
  wizard: string | null;
}

class Writer {
  readonly lines: string[] = [];
  section(name: string, opts: Option[], header = '', comments: string[] = []): void {
    this.lines.push(`[${name}]${header}`);
    for (const [k, v] of opts) this.lines.push(`${k}=${v}`);
    for (const c of comments) this.lines.push(c);
    this.lines.push('');
  }
  comment(text: string): void {
    this.lines.push(`; ${text}`);
  }
}

const comment = (key: string, value: string, reason: string): string => `; sip.conf ${redacted(key, value)} -- ${reason}`;

/** Codec lines in pjsip form: chan_pjsip starts from no codec, so both lines are always written. */
function codecOptions(codecs: string[]): Option[] {
  return [['disallow', 'all'], ['allow', codecs.length > 0 ? codecs.join(',') : 'ulaw']];
}

function value(vars: Map<string, LoadedVariable>, key: string): string | undefined {
  return vars.get(key)?.assignment.value.text.trim();
}

/** The endpoint options of a list of lines (a template's or a peer's own), with comments for what does not map. */
function endpointLines(vars: LoadedVariable[], sink: NoteSink, comments: string[]): Option[] {
  const out: Option[] = [];
  for (const v of vars) {
    const key = v.assignment.key.text.toLowerCase();
    const text = v.assignment.value.text.trim();
    if (STRUCTURAL.has(key)) continue;
    const rule = ENDPOINT_KEYS[key];
    const source = redacted(v.assignment.key.text, text);
    if (!rule) {
      const reason = 'no chan_pjsip equivalent known to the converter: set it by hand if it matters';
      comments.push(comment(v.assignment.key.text, text, reason));
      sink.note(v.file, v.assignment.line, source, reason, 'dropped');
      continue;
    }
    const m = rule(text);
    out.push(...m.options);
    if (m.dropped) {
      comments.push(comment(v.assignment.key.text, text, m.dropped));
      sink.note(v.file, v.assignment.line, source, m.dropped, 'dropped');
    } else if (m.approximated) {
      comments.push(comment(v.assignment.key.text, text, m.approximated));
      sink.note(v.file, v.assignment.line, source, m.approximated, 'approximated');
    }
  }
  return out;
}

interface PeerShape {
  peer: SipPeer;
  dynamic: boolean;
  host: string | null;
  port: number;
  /** digest user this PBX answers a challenge with (defaultuser/username, else the name) */
  outboundUser: string;
  secret: string | null;
  md5: string | null;
  /** what this PBX answers a challenge with: remotesecret when set, else secret (chan_sip's outgoing auth) */
  outSecret: string | null;
  insecureInvite: boolean;
}

function shapeOf(peer: SipPeer): PeerShape {
  const host = value(peer.values, 'host') ?? 'dynamic';
  const dynamic = host.toLowerCase() === 'dynamic';
  const port = parseInt(value(peer.values, 'port') ?? '', 10);
  const insecure = (value(peer.values, 'insecure') ?? '').toLowerCase();
  return {
    peer,
    dynamic,
    host: dynamic ? null : host,
    port: Number.isFinite(port) && port > 0 ? port : 5060,
    outboundUser: value(peer.values, 'defaultuser') || value(peer.values, 'username') || peer.name,
    secret: value(peer.values, 'secret') ?? null,
    md5: value(peer.values, 'md5secret') ?? null,
    outSecret: value(peer.values, 'remotesecret') || (value(peer.values, 'secret') ?? null),
    insecureInvite: insecure.split(',').map((s) => s.trim()).includes('invite') || insecure === 'very',
  };
}

function qualifyOptions(peer: SipPeer): Option[] {
  const q = value(peer.values, 'qualify');
  const freq = value(peer.values, 'qualifyfreq');
  if (q === undefined || /^(no|false|off|0)$/i.test(q)) return [];
  const out: Option[] = [['qualify_frequency', freq ?? '60']];
  const ms = parseInt(q, 10);
  if (Number.isFinite(ms) && ms > 1) out.push(['qualify_timeout', String(ms / 1000)]);
  return out;
}

function authOptions(user: string, s: PeerShape): Option[] {
  if (s.secret !== null) return [['type', 'auth'], ['auth_type', 'userpass'], ['username', user], ['password', s.secret]];
  return [['type', 'auth'], ['auth_type', 'md5'], ['username', user], ['md5_cred', s.md5 ?? '']];
}

function bindOf(sip: SipConfig): string {
  const h = sip.listen.host.includes(':') ? `[${sip.listen.host}]` : sip.listen.host;
  return `${h}:${sip.listen.port}`;
}

/**
 * The pjsip configuration for one sip.conf. `existingPjsip`: the names pjsip.conf already has (the new objects
 * are appended to it).
 */
export function convertSip(sip: SipConfig, wizard: boolean, sink: NoteSink): PjsipOutput {
  const w = new Writer();
  const wiz = wizard ? new Writer() : null;
  const file = sip.file;
  const general = sip.general;
  w.comment(`Converted from ${file.split('/').pop()} (chan_sip) by pbx-interconnect migrate.`);
  w.comment('Each object names the sip.conf section it comes from; settings without an equivalent are kept as comments.');
  w.lines.push('');

  // transports ([general] bindaddr/udpbindaddr/bindport, tcpenable/tcpbindaddr, externip, localnet)
  const transportOpts: Option[] = [['type', 'transport'], ['protocol', 'udp'], ['bind', bindOf(sip)]];
  const ext = value(general, 'externaddr') ?? value(general, 'externip');
  if (ext) transportOpts.push(['external_media_address', ext.replace(/:\d+$/, '')], ['external_signaling_address', ext.replace(/:\d+$/, '')]);
  for (const v of sip.config.categories.filter((c) => !c.template && c.name.toLowerCase() === 'general').flatMap((c) => c.variables)) {
    if (v.assignment.key.text.toLowerCase() === 'localnet') transportOpts.push(['local_net', v.assignment.value.text.trim()]);
  }
  w.section('transport-udp', transportOpts);
  const tcp = value(general, 'tcpenable');
  const hasTcp = tcp !== undefined && yesNo(tcp) === 'yes';
  if (hasTcp) {
    const tb = value(general, 'tcpbindaddr') ?? bindOf(sip);
    w.section('transport-tcp', [['type', 'transport'], ['protocol', 'tcp'], ['bind', /:\d+$/.test(tb) ? tb : `${tb}:5060`]]);
  }
  const useragent = value(general, 'useragent');
  if (useragent) w.section('global', [['type', 'global'], ['user_agent', useragent]]);

  // [general] settings without an equivalent
  const generalComments: string[] = [];
  for (const c of sip.config.categories.filter((x) => !x.template && x.name.toLowerCase() === 'general')) {
    for (const v of c.variables) {
      const key = v.assignment.key.text.toLowerCase();
      if (GENERAL_HANDLED.has(key)) continue;
      const text = v.assignment.value.text.trim();
      if (key === 'language' || key === 'dtmfmode' || key === 'nat' || key === 'qualify' || key === 'directmedia' || key === 'canreinvite') {
        const reason = 'a [general] default of chan_sip: pjsip has no defaults section; it is written into each endpoint from sip.conf';
        sink.note(v.file, v.assignment.line, redacted(v.assignment.key.text, text), reason, 'approximated');
        continue;
      }
      const reason = GENERAL_DROPPED[key] ?? 'a chan_sip [general] setting with no pjsip equivalent known to the converter';
      generalComments.push(comment(v.assignment.key.text, text, reason));
      sink.note(v.file, v.assignment.line, redacted(v.assignment.key.text, text), reason, 'dropped');
    }
  }
  if (generalComments.length > 0) {
    w.comment('sip.conf [general] settings without an equivalent:');
    w.lines.push(...generalComments, '');
  }
  const generalDefaults = ['language', 'dtmfmode', 'nat', 'directmedia', 'canreinvite'].flatMap((k) => {
    const v = general.get(k);
    return v ? [v] : [];
  });

  // allowguest (default yes): calls nobody is identified for land in [general]'s context
  const allowguest = value(general, 'allowguest');
  if (allowguest === undefined || yesNo(allowguest) === 'yes') {
    const ctx = value(general, 'context') ?? 'default';
    const codecs = sip.peers.size > 0 ? undefined : SIP_DEFAULT_CODECS;
    w.comment('allowguest=yes (chan_sip default): calls no peer matches are taken as guests in [general] context');
    w.section('anonymous', [['type', 'endpoint'], ['context', ctx], ['transport', 'transport-udp'], ...codecOptions(codecs ?? guestCodecs(sip))]);
    const at = general.get('allowguest');
    sink.note(at?.file ?? file, at?.assignment.line ?? 0, allowguest === undefined ? '(allowguest not set: chan_sip defaults to yes)' : `allowguest=${allowguest}`, `an endpoint named 'anonymous' with context=${ctx} takes the calls no endpoint is identified for, as chan_sip's guest calls; unlike chan_sip it also takes calls that only failed to match an address, so set allowguest=no first if guests were not meant`, 'approximated');
  }

  else {
    const gc = general.get('context');
    if (gc)
      sink.note(gc.file, gc.assignment.line, `context=${gc.assignment.value.text}`, `pjsip has no [general] context: it is written into each endpoint that had none of its own; with allowguest=no no other call lands in [${gc.assignment.value.text}] any more`, 'approximated');
  }

  // templates: [tpl](!) -> pjsip endpoint templates, for the endpoint options
  const templates = new Set<string>();
  for (const c of sip.config.categories) {
    if (!c.template || c.name.toLowerCase() === 'general') continue;
    templates.add(c.name);
    const comments: string[] = [];
    const own = c.variables.filter((v) => v.inheritedFrom === null);
    const opts = endpointLines(own, sink, comments);
    const vals = new Map(c.variables.map((v) => [v.assignment.key.text.toLowerCase(), v] as const));
    const ctx = value(vals, 'context');
    const parents = c.section.inherits.map((s) => s.text).filter((n) => templates.has(n));
    const base: Option[] = [['type', 'endpoint']];
    if (ctx !== undefined && own.some((v) => v.assignment.key.text.toLowerCase() === 'context')) base.push(['context', ctx]);
    if (own.some((v) => /^(dis)?allow$/i.test(v.assignment.key.text))) base.push(...codecOptions(codecsOf(sip, c.variables)));
    if (!wiz) {
      w.comment(`template [${c.name}] of sip.conf: its endpoint settings (addresses, secrets and qualify are written into each peer)`);
      w.section(c.name, [...base, ...opts], `(!${parents.map((p) => `,${p}`).join('')})`, comments);
    }
  }

  // peers, users, friends
  const shapes = [...sip.peers.values()].map(shapeOf);
  const regPeer = new Map<SipRegistration, PeerShape>();
  for (const r of sip.registrations) {
    const s = shapes.find((x) => !x.dynamic && x.host === r.host && x.port === r.port) ?? shapes.find((x) => !x.dynamic && x.host === r.host);
    if (s) regPeer.set(r, s);
  }
  const used = new Set<string>();
  for (const s of shapes) {
    const p = s.peer;
    const name = p.name;
    used.add(name);
    const comments: string[] = [];
    const parents = p.categories[0].section.inherits.map((x) => x.text).filter((n) => templates.has(n) && !wiz);
    const ownVars = p.categories.flatMap((c) => c.variables).filter((v) => wiz || v.inheritedFrom === null || !templates.has(v.inheritedFrom));
    const inheritedDefaults = generalDefaults.filter((g) => !p.values.get(g.assignment.key.text.toLowerCase()) || p.values.get(g.assignment.key.text.toLowerCase()) === g);
    const opts = endpointLines([...inheritedDefaults, ...ownVars], sink, comments);
    const identifyBy = p.type === 'peer' ? (s.dynamic ? 'auth_username' : 'ip') : p.type === 'user' ? 'username' : s.dynamic ? 'username,auth_username' : 'username,ip';
    const hasSecret = s.secret !== null || s.md5 !== null;
    const inboundAuth = hasSecret && !s.insecureInvite;
    const outbound = (hasSecret || s.outSecret !== null) && p.type !== 'user';
    // one auth serves both ways only when the far side is answered with the same user and secret
    const sameUser = s.outboundUser === name && s.outSecret === s.secret;
    const ep: Option[] = [['type', 'endpoint'], ['transport', transportOf(p, hasTcp)]];
    const ownContext = ownVars.some((v) => v.assignment.key.text.toLowerCase() === 'context');
    if (ownContext || parents.length === 0) ep.push(['context', p.context.name]);
    const ownCodecs = ownVars.some((v) => /^(dis)?allow$/i.test(v.assignment.key.text));
    if (ownCodecs || parents.length === 0) ep.push(...codecOptions(p.codecs));
    if (p.type !== 'user') ep.push(['aors', name]);
    if (inboundAuth) ep.push(['auth', name]);
    if (outbound) ep.push(['outbound_auth', sameUser ? name : `${name}-out`]);
    ep.push(['identify_by', identifyBy]);
    ep.push(...opts);
    const insecure = p.values.get('insecure');
    if (insecure && s.insecureInvite && hasSecret) {
      sink.note(insecure.file, insecure.assignment.line, `insecure=${insecure.assignment.value.text}`, "the endpoint gets no auth=, so its calls are not challenged (as insecure=invite); it still answers the far side's challenges with outbound_auth", 'approximated');
    }
    if (p.type !== 'friend') {
      const t = p.values.get('type');
      if (t)
        sink.note(t.file, t.assignment.line, `type=${p.type}`, p.type === 'user' ? 'identify_by=username and no aor: found by the From user only and never dialed, as a chan_sip user' : s.dynamic ? 'identify_by=auth_username: chan_sip found a dynamic peer by the address it registered from, which pjsip cannot; the endpoint is found by the user it authenticates as instead' : 'identify_by=ip: found by its address only, never by the From user, as a chan_sip peer', 'approximated');
    } else if (s.dynamic) {
      const h = p.values.get('host');
      if (h && hasSecret)
        sink.note(h.file, h.assignment.line, 'host=dynamic', "identify_by=username,auth_username: chan_sip also found a dynamic friend by the address it registered from; pjsip cannot, so the endpoint is found by its From user or, after the 401 challenge, by the user it authenticates as (the endpoint's name)", 'approximated');
    }
    const header = p.categories[0].section.inherits.length > 0 && parents.length > 0 ? `(${parents.join(',')})` : '';
    const aor: Option[] = [['type', 'aor']];
    if (s.dynamic) aor.push(['max_contacts', '1'], ['remove_existing', 'yes']);
    else aor.push(['contact', `sip:${value(p.values, 'defaultuser') ? `${value(p.values, 'defaultuser')}@` : ''}${s.host!.includes(':') ? `[${s.host}]` : s.host}:${s.port}`]);
    aor.push(...qualifyOptions(p));
    if (wiz) {
      wizardPeer(wiz, s, p, ep, aor, inboundAuth, outbound, identifyBy, comments, sip, regPeer);
      continue;
    }
    w.comment(`[${name}] type=${p.type} of sip.conf`);
    w.section(name, ep, header, comments);
    if (p.type !== 'user') w.section(name, aor);
    if (inboundAuth) w.section(name, authOptions(name, s));
    if (outbound && !sameUser) w.section(`${name}-out`, authOptions(s.outboundUser, s.outSecret !== null ? { ...s, secret: s.outSecret } : s));
    if (!s.dynamic && p.type !== 'user') {
      w.section(name, [['type', 'identify'], ['endpoint', name], ['match', s.host!]]);
      if (value(p.values, 'port') !== undefined && !/port/.test(value(p.values, 'insecure') ?? '')) {
        const at = p.values.get('port')!;
        sink.note(at.file, at.assignment.line, `port=${at.assignment.value.text}`, `identify match=${s.host} takes requests from any port of that address; chan_sip matched the port too (unless insecure=port)`, 'approximated');
      }
    }
  }

  // register => lines
  for (const r of sip.registrations) {
    if (wiz && regPeer.has(r) && wizardRegistered(r, regPeer.get(r)!)) continue;
    const peer = regPeer.get(r);
    let name = peer ? peer.peer.name : `reg-${r.user}`;
    if (!peer && used.has(name)) name = `${name}-reg`;
    const authUser = r.authuser ?? r.user;
    const reuse = peer && !wiz && peer.outSecret !== null && peer.outSecret === r.secret && peer.outboundUser === authUser && peer.peer.type !== 'user';
    const authName = reuse ? (peer.outboundUser === peer.peer.name && peer.outSecret === peer.secret ? peer.peer.name : `${peer.peer.name}-out`) : `${name}-reg`;
    const opts: Option[] = [['type', 'registration'], ['transport', r.transport === 'tcp' && hasTcp ? 'transport-tcp' : 'transport-udp']];
    const host = r.host.includes(':') ? `[${r.host}]` : r.host;
    opts.push(['server_uri', `sip:${host}:${r.port}`], ['client_uri', `sip:${r.user}@${r.domain ?? host}:${r.port}`]);
    if (r.extension !== 's') opts.push(['contact_user', r.extension]);
    if (r.secret !== null) opts.push(['outbound_auth', authName]);
    opts.push(['retry_interval', value(general, 'registertimeout') ?? '20']);
    const attempts = value(general, 'registerattempts');
    opts.push(['max_retries', attempts === undefined || attempts === '0' ? '10000' : attempts]);
    opts.push(['expiration', value(general, 'defaultexpiry') ?? '120']);
    opts.push(['auth_rejection_permanent', 'no']);
    const target = w;
    target.comment(redactRegister(r));
    target.section(name, opts);
    if (r.secret !== null && !reuse) target.section(authName, [['type', 'auth'], ['auth_type', 'userpass'], ['username', authUser], ['password', r.secret]]);
    if (attempts === undefined || attempts === '0') {
      sink.note(r.file, r.line.line, redactRegister(r), 'registerattempts=0 (chan_sip: forever) is written as max_retries=10000; pjsip has no "forever"', 'approximated');
    }
  }
  return { pjsip: w.lines.join('\n'), wizard: wiz ? wiz.lines.join('\n') : null };
}

function guestCodecs(sip: SipConfig): string[] {
  const vars = sip.config.categories.filter((c) => !c.template && c.name.toLowerCase() === 'general').flatMap((c) => c.variables);
  return codecsOf(sip, vars);
}

function codecsOf(sip: SipConfig, vars: LoadedVariable[]): string[] {
  let codecs = [...SIP_DEFAULT_CODECS];
  const general = sip.config.categories.filter((c) => !c.template && c.name.toLowerCase() === 'general').flatMap((c) => c.variables);
  for (const v of [...general, ...vars]) {
    const k = v.assignment.key.text.toLowerCase();
    if (k !== 'allow' && k !== 'disallow') continue;
    for (const raw of v.assignment.value.text.split(/[,&|]/)) {
      const n = raw.trim().toLowerCase().replace(/:.*$/, '');
      if (n === '') continue;
      if (n === 'all') codecs = k === 'allow' ? [...new Set([...codecs, ...SIP_DEFAULT_CODECS])] : [];
      else if (k === 'allow') {
        if (!codecs.includes(n)) codecs.push(n);
      } else codecs = codecs.filter((c) => c !== n);
    }
  }
  return codecs;
}

function transportOf(p: SipPeer, hasTcp: boolean): string {
  const t = value(p.values, 'transport')?.split(',')[0].trim().toLowerCase();
  return t === 'tcp' && hasTcp ? 'transport-tcp' : 'transport-udp';
}

/** The wizard handles the registration itself when the register line is this peer's own (same user and secret). */
function wizardRegistered(r: SipRegistration, s: PeerShape): boolean {
  return s.outSecret !== null && s.outSecret === r.secret && (r.authuser ?? r.user) === s.outboundUser && r.user === s.outboundUser && r.domain === null && r.extension === 's';
}

function wizardPeer(wiz: Writer, s: PeerShape, p: SipPeer, ep: Option[], aor: Option[], inboundAuth: boolean, outbound: boolean, identifyBy: string, comments: string[], sip: SipConfig, regPeer: Map<SipRegistration, PeerShape>): void {
  const opts: Option[] = [['type', 'wizard'], ['transport', ep.find(([k]) => k === 'transport')![1]]];
  if (!s.dynamic && p.type !== 'user') opts.push(['remote_hosts', `${s.host!.includes(':') ? `[${s.host}]` : s.host}:${s.port}`]);
  if (s.dynamic && p.type !== 'user') opts.push(['accepts_registrations', 'yes']);
  if (inboundAuth) opts.push(['accepts_auth', 'yes'], ['inbound_auth/username', p.name], ['inbound_auth/password', s.secret ?? '']);
  if (outbound) opts.push(['sends_auth', 'yes'], ['outbound_auth/username', s.outboundUser], ['outbound_auth/password', s.outSecret ?? '']);
  const reg = sip.registrations.find((r) => regPeer.get(r) === s && wizardRegistered(r, s));
  if (reg) {
    opts.push(['sends_registrations', 'yes'], ['registration/retry_interval', value(sip.general, 'registertimeout') ?? '20'], ['registration/expiration', value(sip.general, 'defaultexpiry') ?? '120'], ['registration/max_retries', '10000'], ['registration/auth_rejection_permanent', 'no']);
  }
  for (const [k, v] of ep) if (!['type', 'transport', 'aors', 'auth', 'outbound_auth'].includes(k)) opts.push([`endpoint/${k}`, v]);
  if (!['ip', 'username,ip'].includes(identifyBy)) opts.push(['endpoint/identify_by', identifyBy]);
  for (const [k, v] of aor) if (k !== 'type' && !(k === 'contact' && !s.dynamic)) opts.push([`aor/${k}`, v]);
  wiz.lines.push(`; [${p.name}] type=${p.type} of sip.conf`);
  wiz.section(p.name, opts, '', comments);
}
