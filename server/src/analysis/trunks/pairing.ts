// Which trunk talks to what: A's registrations and static peers are paired with the PBX they reach (by address
// and port, else by the name the other side knows them by) and with the section there that recognises A.
import type { Pbx } from '../../model/pbx';
import { listensAt } from '../../model/pbx';
import type { SipPeer, SipRegistration } from '../../model/sip';
import { peerValue } from '../../model/sip';

export interface RegistrationLink {
  from: Pbx;
  registration: SipRegistration;
  /** The PBX it reaches, and whether by address (else only by name: the address is wrong). */
  to: Pbx;
  byAddress: boolean;
  /** The section of `to` named by the register user, if any. */
  remote: SipPeer | undefined;
}

export interface PeerLink {
  from: Pbx;
  peer: SipPeer;
  to: Pbx;
  byAddress: boolean;
  /** The section of `to` that recognises A's calls: by registration (IP), else by From user, else by name. */
  remote: SipPeer | undefined;
  /** How `remote` recognises A's calls, or null when it cannot. */
  recognisedBy: 'registration' | 'fromuser' | 'host' | null;
}

/** The name A's calls authenticate with: username/defaultuser, else the section name. */
export function authName(peer: SipPeer): string {
  return peerValue(peer, 'defaultuser', 'username')?.text ?? peer.name;
}

export function peerAddress(peer: SipPeer): { host: string; port: number } | null {
  const host = peerValue(peer, 'host')?.text;
  if (!host || host.toLowerCase() === 'dynamic') return null;
  return { host, port: parseInt(peerValue(peer, 'port')?.text ?? '', 10) || 5060 };
}

export function registrationLinks(pbxs: Pbx[]): RegistrationLink[] {
  const out: RegistrationLink[] = [];
  for (const from of pbxs) {
    for (const r of from.sip?.registrations ?? []) {
      const others = pbxs.filter((p) => p !== from && p.sip);
      const byAddr = others.find((p) => listensAt(p, r.host, r.port, 'udp'));
      const byName = byAddr ?? others.find((p) => p.sip!.peers.has(r.user));
      if (!byName) continue;
      out.push({ from, registration: r, to: byName, byAddress: byAddr !== undefined, remote: byName.sip!.peers.get(r.user) });
    }
  }
  return out;
}

export function peerLinks(pbxs: Pbx[], registrations: RegistrationLink[]): PeerLink[] {
  const out: PeerLink[] = [];
  for (const from of pbxs) {
    for (const peer of from.sip?.peers.values() ?? []) {
      if (peer.type === 'user') continue;
      const addr = peerAddress(peer);
      if (!addr) continue;
      const others = pbxs.filter((p) => p !== from && p.sip);
      const byAddr = others.find((p) => listensAt(p, addr.host, addr.port, 'udp'));
      const names = [peerValue(peer, 'fromuser')?.text, authName(peer), peer.name].filter((n): n is string => !!n);
      const to = byAddr ?? others.find((p) => names.some((n) => p.sip!.peers.has(n)));
      if (!to) continue;
      const reg = registrations.find((l) => l.from === from && l.to === to && l.remote !== undefined);
      const fromuser = peerValue(peer, 'fromuser')?.text;
      let remote: SipPeer | undefined;
      let recognisedBy: PeerLink['recognisedBy'] = null;
      if (reg) {
        remote = reg.remote;
        recognisedBy = 'registration';
      } else if (fromuser && to.sip!.peers.has(fromuser)) {
        remote = to.sip!.peers.get(fromuser);
        recognisedBy = 'fromuser';
      } else {
        remote = to.sip!.peers.get(authName(peer)) ?? to.sip!.peers.get(peer.name);
        // a static host on B's side recognises A by its address
        const back = remote ? peerAddress(remote) : null;
        if (back && listensAt(from, back.host, back.port, 'udp')) recognisedBy = 'host';
      }
      out.push({ from, peer, to, byAddress: byAddr !== undefined, remote, recognisedBy });
    }
  }
  return out;
}

const links = new WeakMap<Pbx[], { registrations: RegistrationLink[]; peers: PeerLink[] }>();

/** Both pairings of the PBXs, kept as long as the list of PBXs is (it is rebuilt at every change of the workspace). */
export function sipLinks(pbxs: Pbx[]): { registrations: RegistrationLink[]; peers: PeerLink[] } {
  let found = links.get(pbxs);
  if (found === undefined) {
    const registrations = registrationLinks(pbxs);
    links.set(pbxs, (found = { registrations, peers: peerLinks(pbxs, registrations) }));
  }
  return found;
}
