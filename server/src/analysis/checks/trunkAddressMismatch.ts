// trunk-address-mismatch: a register line or a peer's host:port that is not where the PBX it is meant for
// listens (paired by name). The registration times out, the peer is UNREACHABLE and Dial fails at once.
import type { Finding, TrunkCheck } from '../finding';
import { peerValue } from '../../model/sip';
import { peerAddress } from '../trunks/pairing';

export const code = 'trunk-address-mismatch';

export const trunkAddressMismatch: TrunkCheck = {
  code,
  channelsOnly: true,
  run({ registrations, peers }) {
    const out: Finding[] = [];
    for (const l of registrations) {
      if (l.byAddress) continue;
      const r = l.registration;
      const listen = l.to.sip!.listen;
      out.push({ code, severity: 'error', message: `${l.to.name} listens on ${listen.host}:${listen.port}, not ${r.host}:${r.port}: this registration never gets an answer and times out.`, ...(r.at.port ?? r.at.host), related: listen.at ? [{ ...listen.at, message: `where ${l.to.name} listens` }] : [] });
    }
    for (const l of peers) {
      if (l.byAddress) continue;
      const addr = peerAddress(l.peer)!;
      const listen = l.to.sip!.listen;
      const at = peerValue(l.peer, 'port')?.at ?? peerValue(l.peer, 'host')!.at;
      out.push({ code, severity: 'error', message: `'${l.peer.name}' sends its calls to ${addr.host}:${addr.port}, but ${l.to.name} listens on ${listen.host}:${listen.port}: the peer is UNREACHABLE and Dial fails without sending an INVITE.`, ...at, related: listen.at ? [{ ...listen.at, message: `where ${l.to.name} listens` }] : [] });
    }
    return out;
  },
};
