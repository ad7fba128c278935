// What one PBX sends to another (an INVITE or a REGISTER, as the far side sees it) and what the far side makes of
// it: which peer, user or endpoint it takes the request for, whether it challenges, what it answers, where a call
// lands. chanSip.ts and pjsip.ts decide; requests.ts builds the requests; routes.ts finds who talks to whom.
import type { Pbx } from '../../../model/pbx';
import type { PjsipObject } from '../../../model/pjsip';
import type { Located, SipPeer } from '../../../model/sip';

export type Driver = 'chan_sip' | 'chan_pjsip';

/** Where a request leaves from: the socket the sender binds (chan_sip's bind address, a pjsip transport). */
export interface Source {
  pbx: Pbx;
  host: string;
  port: number;
  /**
   * The addresses the far side may see it come from: the bound one; bound to every address (0.0.0.0), loopback
   * towards loopback, else the PBX's `pbx.addresses` (empty: unknown).
   */
  ips: string[];
}

/** What answers a challenge: the digest user and password, with where they are set. */
export interface Credentials {
  user: string;
  /** null: a hash (md5secret, auth_type=md5) that cannot be compared with a password. */
  password: string | null;
  at: Located;
  /** The line holding the password (for a finding about it). */
  passwordAt: Located | null;
}

export interface SipRequest {
  method: 'INVITE' | 'REGISTER';
  /** The sending PBX, its driver, and the peer, endpoint or registration the request goes out through. */
  from: Pbx;
  driver: Driver;
  via: { kind: 'peer' | 'endpoint' | 'register' | 'registration'; name: string; at: Located };
  source: Source | null;
  /** The From header's user and domain, and why it is that. */
  fromUser: string;
  fromUserSetBy: 'fromuser' | 'from_user' | 'caller-id' | 'anonymous' | 'register' | 'client_uri';
  fromUserAt: Located | null;
  fromDomain: string;
  /** The To user of a REGISTER: the name it registers as. */
  toUser: string;
  /** The Request-URI user of an INVITE: the number it calls. */
  requestUser: string;
  /** Headers a pre-dial handler added (PJSIP_HEADER(add,...)). */
  headers: { name: string; value: string }[];
  /** What it answers a 401 with; null when it cannot answer one (why: `noCredentials`). */
  credentials: Credentials | null;
  noCredentials: string;
  /** The Contact user of a REGISTER: what the far side calls back (chan_sip `/extension`, pjsip `contact_user`). */
  contactUser: string;
}

export type MatchedBy =
  /** chan_sip: a user or friend named as the From user. */
  | 'from-user'
  /** chan_sip: a peer or friend at the source address and port; `address-ip` with insecure=port, the IP alone. */
  | 'address'
  | 'address-ip'
  /** chan_sip: the To user of a REGISTER names the peer. */
  | 'to-user'
  /** res_pjsip identifiers. */
  | 'ip'
  | 'header'
  | 'username'
  | 'auth_username'
  | 'anonymous';

export interface Recognition {
  to: Pbx;
  /** The receiving side's driver. */
  driver: Driver;
  /** The section it takes the request for (null: none). */
  peer: SipPeer | null;
  endpoint: PjsipObject | null;
  /** Its name, and where it is defined. */
  as: string | null;
  asAt: Located | null;
  by: MatchedBy | null;
  /** The identify that matched (pjsip ip and header identifiers). */
  identify: PjsipObject | null;
  /** chan_sip let it in as a guest (no peer, allowguest=yes). */
  guest: boolean;
  /** The request goes on: the INVITE runs the dialplan (then 404 or more), the REGISTER gets 200. */
  accepted: boolean;
  /** The statuses the sender receives before that (401 then 200; 401, 403; 403). */
  responses: number[];
  /** Where an accepted INVITE lands, and why there. */
  context: { name: string; at: Located | null; from: 'section' | 'general' | 'default' } | null;
  /** The channel an accepted INVITE gets (SIP/pbx-a, SIP/anonymous.invalid for a guest, PJSIP/pbx-a). */
  channel: string | null;
  /** What the receiving PBX logs, as Asterisk writes it (identification, authentication, refusal). */
  log: string[];
  /** What the sender logs (a challenge it cannot answer). */
  senderLog: string[];
  /** In words: who it is taken for and why, then what happens. */
  reason: string;
  /** The line that decides a refusal (for a finding), and on which side. */
  cause: Located | null;
}

/** The final status of a refused request (the last response). */
export function finalStatus(r: Recognition): number | null {
  return r.accepted ? null : (r.responses.at(-1) ?? null);
}
