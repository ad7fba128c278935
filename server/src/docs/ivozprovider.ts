// Hover data for the keys of the friends file, `ivozprovider.conf` (README: "The friends file"): the fields an
// IvozProvider company and its remote friends have in the administration portal, written in our own words, with
// what PBX Interconnect does with each (model/ivozprovider.ts). Pure data: no editor or LSP imports.
import type { ValueDoc } from './keys';

export type IvozSection = 'company' | 'friend';

export interface IvozKeyDoc {
  key: string;
  sections: IvozSection[];
  summary: string;
  description?: string;
  values?: ValueDoc[];
  default?: string;
  url: string;
}

const DOCS = 'https://irontec.github.io/ivozprovider/en/administration_portal/client/vpbx/routing_endpoints/friends/';
const FRIENDS = `${DOCS}index.html`;
const REMOTE = `${DOCS}remote_friends.html`;

const company = (key: string, summary: string, description?: string): IvozKeyDoc => ({ key, sections: ['company'], summary, ...(description ? { description } : {}), url: FRIENDS });
const friend = (key: string, summary: string, more: Partial<IvozKeyDoc> = {}): IvozKeyDoc => ({ key, sections: ['friend'], summary, url: REMOTE, ...more });

export const IVOZ_KEYS: IvozKeyDoc[] = [
  {
    key: 'type',
    sections: ['company', 'friend'],
    summary: 'What this section describes: the company (one per file) or one of its remote friends.',
    values: [
      { value: 'company', doc: 'the IvozProvider company (vPBX client): its name, SIP domain and internal extensions' },
      { value: 'friend', doc: 'a remote friend: another PBX joined to the company by a SIP trunk; the section name is its name' },
    ],
    url: FRIENDS,
  },
  company('name', "The company's name in IvozProvider.", 'Shown in hovers and in Simulate dial; the section name is used when it is missing.'),
  company('domain', "The company's SIP domain.", 'Friends register to this domain and must send it as their From domain; a call that reaches the company through a trunk is routed by it.'),
  company('extensions', 'Internal extension numbers, as ranges and single numbers (`100-199, 300`); several lines add up.', 'A dialed number that is an internal extension never reaches a friend: extensions come before every friend pattern.'),
  friend('description', 'Free text about the friend (optional).'),
  friend('priority', 'Orders the friends whose patterns match the same number: the lowest value is tried first.', {
    description: 'A whole number. Two friends with one value leave the order to chance (`ivoz-priority-duplicate`).',
  }),
  friend('password', 'The password IvozProvider checks on every request the friend sends (register and calls).', {
    description: 'The Asterisk side must use it as its register and peer secret. PBX Interconnect never shows it.',
  }),
  friend('direct_connection', 'How IvozProvider reaches the friend: `no`, the friend registers like a terminal (behind NAT); `yes`, IvozProvider sends calls to `address`:`port` itself.', {
    values: [
      { value: 'no', doc: 'the friend registers to the company domain, like a terminal' },
      { value: 'yes', doc: 'IvozProvider talks to `transport`, `address` and `port` directly; no registration' },
    ],
    default: 'no',
  }),
  friend('transport', 'The transport IvozProvider uses towards a directly connected friend.', {
    values: [
      { value: 'udp', doc: 'SIP over UDP' },
      { value: 'tcp', doc: 'SIP over TCP' },
      { value: 'tls', doc: 'SIP over TLS' },
    ],
    default: 'udp',
  }),
  friend('address', 'The public address of a directly connected friend (direct_connection = yes).'),
  friend('port', 'The SIP port of a directly connected friend.', { default: '5060' }),
  friend('call_acl', 'The call permissions (call ACL) that decide which external numbers calls from the friend may dial.'),
  friend('fallback_outgoing_ddi', 'The number presented on external calls from the friend when its own caller number is not one of the company.'),
  friend('country_code', "The friend's country calling code (`+34`): how numbers from it are read in E.164."),
  friend('area_code', "The friend's area code, for numbers dialed without it."),
  friend('allow', 'The codecs allowed on calls with the friend (`alaw, gsm`); several lines add up.', {
    description: 'The Asterisk side must offer at least one of them (`ivoz-codec`).',
  }),
  friend('disallow', 'Removes codecs from the allowed ones (`all` clears them), as in sip.conf.'),
  friend('from_domain', 'The domain IvozProvider expects in the From header of requests from the friend: the company domain.'),
  friend('pattern', 'A regular expression of the numbers reached through the friend; several lines add patterns.', {
    description:
      'After the internal extensions, a dialed number goes to the first friend, by priority, that has a matching pattern. Anchor it (`^2[0-9]{2}$`): without `^` and `$` it matches every number that merely contains it. Write `[0-9]`, not `\\d` (MySQL and PCRE read it differently). Hover a pattern for what it takes.',
  }),
];

/** The documentation of a key of the friends file in a company or friend section. */
export function ivozKeyDoc(key: string, section: IvozSection): IvozKeyDoc | undefined {
  const k = key.toLowerCase();
  return IVOZ_KEYS.find((d) => d.key === k && d.sections.includes(section));
}
