// chan_pjsip's configuration as res_pjsip's sorcery builds it. Every section of pjsip.conf whose `type=` names an
// object type is one object of that type, so one name may hold several objects of different types (the usual Wazo
// layout: [wazo-trunk] endpoint, aor, auth, identify and registration). Every `type=wizard` section of
// pjsip_wizard.conf becomes the objects res_pjsip_config_wizard makes from it (endpoint, aor, -oauth/-iauth auths,
// -identify, -reg-N registrations). What Asterisk ignores or loses is kept apart, because most of it is silent:
// sections without `type=`, `type=wizard` sections in pjsip.conf, every object of a type that has a duplicate id
// (res_sorcery_config logs an ERROR and loads none of that type), and registrations when no transport exists.
// Every value keeps where it was written; a value the wizard made points at the wizard line it came from.
import type { Category, LoadedConfig, LoadedVariable } from './configLoader';
import { isTrue } from './dialplan';
import type { Located } from './sip';
import { located } from './sip';

export interface PjsipValue {
  text: string;
  /** Where it is written: the value on its line; for a value the wizard made, the wizard line it comes from. */
  at: Located;
  /** Character i of `text` sits at `at.start + i` (written as is: no escapes, not made by the wizard). */
  exact: boolean;
}

export interface PjsipOption {
  /** Lower case. */
  key: string;
  value: PjsipValue;
}

export interface PjsipObject {
  type: string;
  id: string;
  file: string;
  /** The section name; for an object a wizard made, the wizard's section name. */
  header: Located;
  category: Category;
  /** The pjsip_wizard.conf section that made it, or null for a section of pjsip.conf. */
  wizard: PjsipWizard | null;
  /** Options in the order res_pjsip applies them. */
  options: PjsipOption[];
}

export interface PjsipWizard {
  id: string;
  file: string;
  header: Located;
  category: Category;
  /** The wizard's own lines (templates included), keys in lower case, in order. */
  options: PjsipOption[];
}

export interface PjsipDuplicate {
  type: string;
  id: string;
  first: Category;
  second: Category;
  /** Every object of that type in the file: res_sorcery_config loads none of them. */
  lost: PjsipObject[];
}

export interface PjsipConfig {
  /** pjsip.conf and pjsip_wizard.conf as loaded (null when the file does not exist). */
  config: LoadedConfig | null;
  wizardConfig: LoadedConfig | null;
  /** The objects res_pjsip ends up with: type -> id -> object. */
  objects: Map<string, Map<string, PjsipObject>>;
  wizards: PjsipWizard[];
  /** Sections of pjsip.conf without `type=`: ignored without a word. */
  untyped: Category[];
  /** `type=wizard` sections of pjsip.conf: ignored without a word (only pjsip_wizard.conf holds wizards). */
  misplacedWizards: { category: Category; type: PjsipValue }[];
  /** Same id and same type twice in pjsip.conf: an ERROR at load, and no object of that type at all. */
  duplicates: PjsipDuplicate[];
  /** What res_pjsip_config_wizard refuses with an ERROR at load (the object is not made). */
  wizardErrors: { wizard: PjsipWizard; type: string; message: string; at: Located }[];
  /** Objects Asterisk fails to create at load: registrations when pjsip.conf has no transport. */
  failed: { object: PjsipObject; reason: 'no-transport' }[];
}

function valueOf(v: LoadedVariable): PjsipValue {
  return { text: v.assignment.value.text, at: located(v.file, v.assignment.value), exact: v.assignment.valueMap === null };
}

function optionOf(v: LoadedVariable): PjsipOption {
  return { key: v.assignment.key.text.toLowerCase(), value: valueOf(v) };
}

/** A value the wizard made, shown at the line that made it. */
function derived(text: string, from: PjsipValue | Located): PjsipValue {
  return { text, at: 'at' in from ? from.at : from, exact: false };
}

/** The source range of characters [start, end) of a value (the whole value when it is not written as is). */
export function part(v: PjsipValue, start: number, end: number): Located {
  return v.exact ? { file: v.at.file, start: v.at.start + start, end: v.at.start + end } : v.at;
}

/** The last value of an option. */
export function option(o: PjsipObject | PjsipWizard, key: string): PjsipValue | undefined {
  for (let i = o.options.length - 1; i >= 0; i--) if (o.options[i].key === key) return o.options[i].value;
  return undefined;
}

/** Every value of an option that may be repeated (contact, match, allow). */
export function options(o: PjsipObject | PjsipWizard, key: string): PjsipValue[] {
  return o.options.filter((x) => x.key === key).map((x) => x.value);
}

/** The comma-separated items of a value, trimmed, each with its own range. */
export function items(v: PjsipValue): PjsipValue[] {
  const out: PjsipValue[] = [];
  let from = 0;
  for (const raw of v.text.split(',')) {
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text !== '') out.push({ text, at: part(v, from + lead, from + lead + text.length), exact: v.exact });
    from += raw.length + 1;
  }
  return out;
}

/** The names a list option gives (aors, auth, outbound_auth): the items of its last value. */
export function names(o: PjsipObject, key: string): PjsipValue[] {
  const v = option(o, key);
  return v ? items(v) : [];
}

export function objectsOf(pjsip: PjsipConfig, type: string): PjsipObject[] {
  return [...(pjsip.objects.get(type)?.values() ?? [])];
}

export function objectOf(pjsip: PjsipConfig, type: string, id: string): PjsipObject | undefined {
  return pjsip.objects.get(type)?.get(id);
}

// ---------------------------------------------------------------------------------------------------------------
// Addresses

export interface UriPart {
  text: string;
  at: Located;
}

export interface SipUri {
  scheme: 'sip' | 'sips';
  user: UriPart | null;
  host: UriPart;
  port: (UriPart & { number: number }) | null;
  /** The `;transport=` parameter, lower case. */
  transport: string | null;
}

/** `[display] <sip:[user[:password]@]host[:port][;params]>` as pjsip_parse_uri reads it; null when it is not one. */
export function parseSipUri(v: PjsipValue): SipUri | null {
  const m = /(sips?):/i.exec(v.text);
  if (!m) return null;
  const scheme = m[1].toLowerCase() as 'sip' | 'sips';
  const start = m.index + m[0].length;
  let end = v.text.length;
  const close = v.text.indexOf('>', start);
  if (close >= 0) end = close;
  const body = v.text.slice(start, end);
  const semi = body.search(/[;?]/);
  const main = semi >= 0 ? body.slice(0, semi) : body;
  const params = semi >= 0 ? body.slice(semi) : '';
  const atSign = main.lastIndexOf('@');
  let user: UriPart | null = null;
  if (atSign >= 0) {
    const userText = main.slice(0, atSign).replace(/:.*$/, '');
    user = { text: userText, at: part(v, start, start + userText.length) };
  }
  const hp = main.slice(atSign + 1);
  const hpStart = start + atSign + 1;
  const hm = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hp);
  if (!hm || hm[1] === '') return null;
  const host = { text: hm[1].replace(/^\[|\]$/g, ''), at: part(v, hpStart, hpStart + hm[1].length) };
  const portStart = hpStart + hm[1].length + 1;
  const port = hm[2] ? { text: hm[2], number: parseInt(hm[2], 10), at: part(v, portStart, portStart + hm[2].length) } : null;
  const tm = /;transport=([a-z]+)/i.exec(params);
  return { scheme, user, host, port, transport: tm ? tm[1].toLowerCase() : null };
}

/** The protocol a request to this URI goes over when no transport is forced, and its port. */
export function uriProtocol(uri: SipUri): string {
  return uri.transport ?? (uri.scheme === 'sips' ? 'tls' : 'udp');
}

export function uriPort(uri: SipUri): number {
  return uri.port?.number ?? (uriProtocol(uri) === 'tls' ? 5061 : 5060);
}

export interface TransportAddress {
  transport: PjsipObject;
  protocol: string;
  host: string;
  port: number;
  /** The bind= and protocol= values (null when left at their defaults). */
  bind: PjsipValue | null;
  protocolAt: PjsipValue | null;
}

/** Where a transport listens: bind=host[:port] (default 0.0.0.0, port 5060, 5061 for TLS), protocol (default udp). */
export function transportAddress(t: PjsipObject): TransportAddress {
  const protocolAt = option(t, 'protocol') ?? null;
  const protocol = (protocolAt?.text ?? 'udp').toLowerCase();
  const bind = option(t, 'bind') ?? null;
  const m = bind ? /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(bind.text) : null;
  const host = m && m[1] !== '' ? m[1].replace(/^\[|\]$/g, '') : '0.0.0.0';
  const port = m?.[2] ? parseInt(m[2], 10) : protocol === 'tls' ? 5061 : 5060;
  return { transport: t, protocol, host, port, bind, protocolAt };
}

export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

/**
 * The transport a request of this object (endpoint or registration) goes out on: the one its transport= names; when
 * that names nothing, or is not set, the first transport of the URI's protocol (res_pjsip logs "Unable to retrieve
 * PJSIP transport" and goes on). Null when there is none.
 */
export function transportFor(pjsip: PjsipConfig, o: PjsipObject, uri: SipUri | null): { transport: PjsipObject | null; named: PjsipValue | null; missing: boolean } {
  const named = option(o, 'transport') ?? null;
  const byName = named ? objectOf(pjsip, 'transport', named.text) : undefined;
  if (byName) return { transport: byName, named, missing: false };
  const wanted = uri ? uriProtocol(uri) : 'udp';
  const fallback = objectsOf(pjsip, 'transport').find((t) => transportAddress(t).protocol === wanted) ?? null;
  return { transport: fallback, named, missing: named !== null };
}

// ---------------------------------------------------------------------------------------------------------------
// Codecs

export interface PjsipCodecs {
  /** allow=all was in effect: every codec Asterisk knows, minus `removed`. */
  all: boolean;
  names: string[];
  removed: string[];
  /** Whether the endpoint has any allow= line. */
  explicit: boolean;
}

/** The codecs of an endpoint after its allow/disallow lines, in order (res_pjsip starts from none). */
export function endpointCodecs(e: PjsipObject): PjsipCodecs {
  const c: PjsipCodecs = { all: false, names: [], removed: [], explicit: false };
  for (const o of e.options) {
    if (o.key !== 'allow' && o.key !== 'disallow') continue;
    const allow = o.key === 'allow';
    if (allow) c.explicit = true;
    for (const raw of o.value.text.split(/[,&|]/)) {
      const name = raw.trim().toLowerCase().replace(/:.*$/, '');
      if (name === '') continue;
      if (name === 'all') {
        c.all = allow;
        c.names = [];
        c.removed = [];
      } else if (allow) {
        if (!c.names.includes(name)) c.names.push(name);
        c.removed = c.removed.filter((n) => n !== name);
      } else {
        c.names = c.names.filter((n) => n !== name);
        if (c.all && !c.removed.includes(name)) c.removed.push(name);
      }
    }
  }
  return c;
}

export function hasCommonCodec(a: PjsipCodecs, b: PjsipCodecs): boolean {
  if (a.all && b.all) return true;
  if (a.all) return b.names.some((n) => !a.removed.includes(n));
  if (b.all) return a.names.some((n) => !b.removed.includes(n));
  return a.names.some((n) => b.names.includes(n));
}

export function describeCodecs(c: PjsipCodecs): string {
  if (c.all) return c.removed.length > 0 ? `all but ${c.removed.join(', ')}` : 'all';
  return c.names.join(', ') || 'no codec';
}

// ---------------------------------------------------------------------------------------------------------------
// Loading

function typeOf(c: Category): LoadedVariable | undefined {
  // res_sorcery_config's criteria type=<name>: the first type line, its value compared exactly
  return c.variables.find((v) => v.assignment.key.text.toLowerCase() === 'type');
}

function objectFromCategory(c: Category, type: string): PjsipObject {
  return { type, id: c.name, file: c.file, header: located(c.file, c.section.name), category: c, wizard: null, options: c.variables.map(optionOf) };
}

function add(pjsip: PjsipConfig, o: PjsipObject): void {
  let byId = pjsip.objects.get(o.type);
  if (!byId) pjsip.objects.set(o.type, (byId = new Map()));
  // sorcery asks the pjsip.conf wizard before the config wizard's memory: the first object of an id wins
  if (!byId.has(o.id)) byId.set(o.id, o);
}

export function buildPjsip(config: LoadedConfig | null, wizardConfig: LoadedConfig | null): PjsipConfig {
  const pjsip: PjsipConfig = { config, wizardConfig, objects: new Map(), wizards: [], untyped: [], misplacedWizards: [], duplicates: [], wizardErrors: [], failed: [] };
  if (config) loadObjects(pjsip, config);
  if (wizardConfig) {
    for (const c of wizardConfig.categories) {
      if (c.template || typeOf(c)?.assignment.value.text !== 'wizard') continue;
      const wizard: PjsipWizard = { id: c.name, file: c.file, header: located(c.file, c.section.name), category: c, options: c.variables.map(optionOf) };
      pjsip.wizards.push(wizard);
      expandWizard(pjsip, wizard);
    }
  }
  // Without any transport, res_pjsip_outbound_registration cannot build a registration's client: ERROR
  // "Could not create an object of type 'registration'", and the object does not exist.
  if (objectsOf(pjsip, 'transport').length === 0) {
    for (const r of objectsOf(pjsip, 'registration')) pjsip.failed.push({ object: r, reason: 'no-transport' });
    pjsip.objects.delete('registration');
  }
  return pjsip;
}

function loadObjects(pjsip: PjsipConfig, config: LoadedConfig): void {
  const byType = new Map<string, Category[]>();
  for (const c of config.categories) {
    if (c.template) continue;
    const t = typeOf(c);
    if (t === undefined) {
      pjsip.untyped.push(c);
      continue;
    }
    const type = t.assignment.value.text;
    if (type === 'wizard') {
      pjsip.misplacedWizards.push({ category: c, type: valueOf(t) });
      continue;
    }
    const list = byType.get(type);
    if (list) list.push(c);
    else byType.set(type, [c]);
  }
  for (const [type, categories] of byType) {
    // res_sorcery_config loads one type at a time and gives up on the whole type at the first duplicate id
    const seen = new Map<string, Category>();
    const duplicates: { first: Category; second: Category }[] = [];
    for (const c of categories) {
      const first = seen.get(c.name);
      if (first) duplicates.push({ first, second: c });
      else seen.set(c.name, c);
    }
    const made = categories.map((c) => objectFromCategory(c, type));
    if (duplicates.length > 0) {
      for (const d of duplicates) pjsip.duplicates.push({ type, id: d.second.name, first: d.first, second: d.second, lost: made });
      continue;
    }
    for (const o of made) add(pjsip, o);
  }
}

/** `${REMOTE_HOST}` and `${USERNAME}` in a wizard pattern. */
function substitute(pattern: string, vars: Record<string, string>): string {
  return pattern.replace(/\$\{([A-Z_]+)\}/g, (whole, name: string) => vars[name] ?? '');
}

/** What res_pjsip_config_wizard makes from one wizard section (wizard_apply_handler, each object type in turn). */
function expandWizard(pjsip: PjsipConfig, w: PjsipWizard): void {
  const id = w.id;
  const last = (key: string): PjsipValue | undefined => option(w, key);
  const yes = (key: string): boolean => isTrue(last(key)?.text);
  const prefixed = (prefix: string): PjsipOption[] => w.options.filter((o) => o.key.startsWith(prefix) && o.key.length > prefix.length).map((o) => ({ key: o.key.slice(prefix.length), value: o.value }));
  const hosts = last('remote_hosts') ? items(last('remote_hosts')!) : [];
  const transport = last('transport');
  const make = (type: string, objectId: string, opts: PjsipOption[]): void =>
    add(pjsip, { type, id: objectId, file: w.file, header: w.header, category: w.category, wizard: w, options: opts });
  const refuse = (type: string, message: string, at: Located): void => {
    pjsip.wizardErrors.push({ wizard: w, type, message, at });
  };

  // auths: <id>-oauth (sends_auth) and <id>-iauth (accepts_auth)
  for (const [direction, flag, suffix] of [
    ['outbound', 'sends_auth', 'oauth'],
    ['inbound', 'accepts_auth', 'iauth'],
  ] as const) {
    if (!yes(flag)) continue;
    const opts = prefixed(`${direction}_auth/`);
    if (!opts.some((o) => o.key === 'username')) {
      refuse('auth', `Wizard '${id}' must have '${direction}_auth/username' if it ${flag}.`, last(flag)!.at);
      continue;
    }
    if (!opts.some((o) => o.key === 'auth_type')) opts.push({ key: 'auth_type', value: derived('userpass', last(flag)!) });
    make('auth', `${id}-${suffix}`, opts);
  }

  // aor <id>: aor/* and, unless aor/contact is given, a static contact per remote host
  const aor = prefixed('aor/');
  if (!aor.some((o) => o.key === 'contact')) {
    const pattern = last('contact_pattern')?.text ?? 'sip:${REMOTE_HOST}';
    if (pattern !== '') for (const h of hosts) aor.push({ key: 'contact', value: derived(substitute(pattern, { REMOTE_HOST: h.text }), h) });
  }
  make('aor', id, aor);

  // endpoint <id>: endpoint/*, aors=<id>, transport, outbound_auth=<id>-oauth, auth=<id>-iauth
  const endpoint = prefixed('endpoint/');
  endpoint.push({ key: 'aors', value: derived(id, w.header) });
  if (transport && transport.text !== '') endpoint.push({ key: 'transport', value: transport });
  if (yes('sends_auth')) endpoint.push({ key: 'outbound_auth', value: derived(`${id}-oauth`, last('sends_auth')!) });
  if (yes('accepts_auth')) endpoint.push({ key: 'auth', value: derived(`${id}-iauth`, last('accepts_auth')!) });
  make('endpoint', id, endpoint);

  // identify <id>-identify: none when it accepts registrations; else identify/* and a match per remote host
  if (!yes('accepts_registrations')) {
    if (hosts.length === 0) {
      refuse('identify', `Wizard '${id}' must have 'remote_hosts' if it doesn't accept registrations.`, w.header);
    } else {
      const identify = prefixed('identify/');
      identify.push({ key: 'endpoint', value: derived(id, w.header) });
      // Asterisk 20 keeps the port: remote_hosts=127.0.0.1:5160 matches 127.0.0.1:5160/32 (conformance case i4)
      if (!identify.some((o) => o.key === 'match')) for (const h of hosts) identify.push({ key: 'match', value: h });
      make('identify', `${id}-identify`, identify);
    }
  }

  // registrations <id>-reg-N, one per remote host
  if (yes('sends_registrations')) {
    if (hosts.length === 0) {
      refuse('registration', `Wizard '${id}' must have 'remote_hosts' if it sends registrations.`, last('sends_registrations')!.at);
    } else {
      const serverPattern = last('server_uri_pattern')?.text ?? 'sip:${REMOTE_HOST}';
      const clientPattern = last('client_uri_pattern')?.text ?? 'sip:${USERNAME}@${REMOTE_HOST}';
      const username = yes('sends_auth') ? last('outbound_auth/username') : undefined;
      const user = username?.text ?? id;
      hosts.forEach((h, n) => {
        const opts = prefixed('registration/');
        const vars = { REMOTE_HOST: h.text, USERNAME: user };
        if (serverPattern !== '') opts.push({ key: 'server_uri', value: derived(substitute(serverPattern, vars), h) });
        // the client URI's user is the username: show it there
        if (clientPattern !== '') opts.push({ key: 'client_uri', value: derived(substitute(clientPattern, vars), username ?? w.header) });
        if (yes('sends_auth')) opts.push({ key: 'outbound_auth', value: derived(`${id}-oauth`, last('sends_auth')!) });
        if (transport && transport.text !== '') opts.push({ key: 'transport', value: transport });
        make('registration', `${id}-reg-${n}`, opts);
      });
    }
  }
}
