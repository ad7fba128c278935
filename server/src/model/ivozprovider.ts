// IvozProvider keeps a company's friends in its database; PBX Interconnect reads them from a small file in the
// Asterisk config syntax, `ivozprovider.conf`, one per company folder (README: "The friends file"):
//
//   [company]                     type=company; name, domain (the company's SIP domain), extensions (ranges)
//   [office-pbx]                  type=friend; description, priority, password, direct_connection (yes/no),
//                                 transport, address, port, call_acl, fallback_outgoing_ddi, country_code,
//                                 area_code, allow (codecs), from_domain, pattern (a regular expression; several)
//
// Routing follows IvozProvider's "Friends" page: an internal extension first, then the friends' patterns by
// ascending priority value, then external.
import type { LoadedConfig, LoadedVariable } from './configLoader';
import type { Located } from './sip';
import { applyCodecLine, located } from './sip';
import { isTrue } from './dialplan';

export interface FriendPattern {
  text: string;
  at: Located;
  /** The expression, or the reason it does not compile. */
  regex: RegExp | string;
}

export interface Friend {
  name: string;
  header: Located;
  values: Map<string, LoadedVariable>;
  description: string | null;
  priority: { value: number; at: Located } | null;
  password: { text: string; at: Located } | null;
  direct: boolean;
  transport: string;
  address: string | null;
  port: number;
  codecs: string[];
  fromDomain: string | null;
  patterns: FriendPattern[];
}

export interface Company {
  file: string;
  name: string;
  domain: { text: string; at: Located } | null;
  /** Internal extension numbers, expanded from the ranges (at most 100,000). */
  extensions: string[];
  friends: Friend[];
  problems: { code: string; severity: 'error' | 'warning'; message: string; at: Located }[];
}

export const FRIENDS_FILE = 'ivozprovider.conf';
const MAX_EXTENSIONS = 100_000;

function value(values: Map<string, LoadedVariable>, key: string): { text: string; at: Located } | null {
  const v = values.get(key);
  return v ? { text: v.assignment.value.text, at: located(v.file, v.assignment.value) } : null;
}

/** `100-199, 200, 300-310` -> every number (keeping leading zeros and the width of the range's start). */
function expandRanges(text: string, into: string[]): void {
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    if (!m) {
      into.push(part);
      continue;
    }
    const from = parseInt(m[1], 10);
    const to = parseInt(m[2], 10);
    for (let n = from; n <= to && into.length < MAX_EXTENSIONS; n++) into.push(String(n).padStart(m[1].length, '0'));
  }
}

export function buildCompany(file: string, config: LoadedConfig): Company {
  const company: Company = { file, name: '', domain: null, extensions: [], friends: [], problems: [] };
  for (const c of config.categories) {
    if (c.template) continue;
    const values = new Map<string, LoadedVariable>();
    for (const v of c.variables) values.set(v.assignment.key.text.toLowerCase(), v);
    const type = values.get('type')?.assignment.value.text.toLowerCase();
    const header = located(c.file, c.section.name);
    if (type === 'company') {
      company.name = value(values, 'name')?.text ?? c.name;
      company.domain = value(values, 'domain');
      for (const v of c.variables) if (v.assignment.key.text.toLowerCase() === 'extensions') expandRanges(v.assignment.value.text, company.extensions);
      if (!company.domain) company.problems.push({ code: 'ivoz-company-domain', severity: 'error', message: 'The company needs its SIP domain (domain=): friends register to it and send it as their From domain.', at: header });
      continue;
    }
    if (type !== 'friend') {
      company.problems.push({ code: 'ivoz-section-type', severity: 'warning', message: `Section '${c.name}' needs type=company or type=friend in ${FRIENDS_FILE}.`, at: header });
      continue;
    }
    const priority = value(values, 'priority');
    const pri = priority && /^\d+$/.test(priority.text) ? { value: parseInt(priority.text, 10), at: priority.at } : null;
    let codecs: string[] = [];
    for (const v of c.variables) {
      const k = v.assignment.key.text.toLowerCase();
      if (k === 'allow' || k === 'disallow') codecs = applyCodecLine(codecs, v.assignment.value.text, k === 'allow');
    }
    const patterns: FriendPattern[] = c.variables
      .filter((v) => v.assignment.key.text.toLowerCase() === 'pattern')
      .map((v) => {
        let regex: RegExp | string;
        try {
          regex = new RegExp(v.assignment.value.text);
        } catch (e) {
          regex = e instanceof Error ? e.message : String(e);
        }
        return { text: v.assignment.value.text, at: located(v.file, v.assignment.value), regex };
      });
    const friend: Friend = {
      name: c.name,
      header,
      values,
      description: value(values, 'description')?.text ?? null,
      priority: pri,
      password: value(values, 'password'),
      direct: isTrue(value(values, 'direct_connection')?.text),
      transport: (value(values, 'transport')?.text ?? 'udp').toLowerCase(),
      address: value(values, 'address')?.text ?? null,
      port: parseInt(value(values, 'port')?.text ?? '', 10) || 5060,
      codecs,
      fromDomain: value(values, 'from_domain')?.text ?? null,
      patterns,
    };
    if (!pri) company.problems.push({ code: 'ivoz-friend-field', severity: 'error', message: `Friend '${c.name}' needs a priority (a whole number): it orders the friends whose patterns match the same number.`, at: priority?.at ?? header });
    if (!friend.password) company.problems.push({ code: 'ivoz-friend-field', severity: 'error', message: `Friend '${c.name}' needs a password: IvozProvider authenticates every request from a friend.`, at: header });
    if (friend.direct && !friend.address) company.problems.push({ code: 'ivoz-friend-field', severity: 'error', message: `Friend '${c.name}' has direct_connection=yes but no address: IvozProvider cannot reach it.`, at: header });
    for (const p of patterns) {
      if (typeof p.regex === 'string') company.problems.push({ code: 'ivoz-pattern-invalid', severity: 'error', message: `This regular expression does not compile (${p.regex}): no number reaches friend '${c.name}' through it.`, at: p.at });
    }
    company.friends.push(friend);
  }
  return company;
}
