// Which Asterisk talks to which IvozProvider friend: a register line or a peer whose host is the company's SIP
// domain (or that names a friend), paired with the friend by the name it registers and authenticates with.
import type { Friend } from '../../model/ivozprovider';
import type { Pbx } from '../../model/pbx';
import type { SipPeer, SipRegistration } from '../../model/sip';
import { peerValue } from '../../model/sip';

export interface FriendLink {
  company: Pbx;
  friend: Friend | undefined;
  /** The name the Asterisk side uses towards IvozProvider. */
  name: string;
  from: Pbx;
  registration?: SipRegistration;
  peer?: SipPeer;
}

export function friendLinks(pbxs: Pbx[]): FriendLink[] {
  const out: FriendLink[] = [];
  for (const company of pbxs) {
    const c = company.company;
    if (!c?.domain) continue;
    const domain = c.domain.text.toLowerCase();
    const byName = (n: string): Friend | undefined => c.friends.find((f) => f.name === n);
    for (const from of pbxs) {
      if (from === company || !from.sip) continue;
      const regs = from.sip.registrations.filter((r) => r.host.toLowerCase() === domain || byName(r.user) !== undefined);
      for (const r of regs) out.push({ company, friend: byName(r.user), name: r.user, from, registration: r });
      for (const peer of from.sip.peers.values()) {
        const host = peerValue(peer, 'host')?.text.toLowerCase();
        const user = peerValue(peer, 'defaultuser', 'username')?.text;
        const viaReg = regs.find((r) => byName(r.user))?.user;
        if (host !== domain && !(user && byName(user))) continue;
        const name = user ?? viaReg ?? peer.name;
        out.push({ company, friend: byName(name) ?? (viaReg ? byName(viaReg) : undefined), name, from, peer });
      }
    }
  }
  return out;
}
