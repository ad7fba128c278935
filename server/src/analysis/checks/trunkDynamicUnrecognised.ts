// trunk-dynamic-unrecognised: B keeps A as `host=dynamic`, so B learns A's address only from A's REGISTER; A
// neither registers to B nor sends `fromuser=` with B's section name. B cannot tell A's calls from a stranger's
// and refuses them with 403 ("No matching peer").
import type { Finding, TrunkCheck } from '../finding';
import { peerValue } from '../../model/sip';

export const code = 'trunk-dynamic-unrecognised';

export const trunkDynamicUnrecognised: TrunkCheck = {
  code,
  channelsOnly: true,
  run({ peers, registrations }) {
    const out: Finding[] = [];
    for (const l of peers) {
      if (!l.remote || l.recognisedBy !== null) continue;
      // a register line to that PBX that fails for its own reason is reported by the other trunk checks
      if (registrations.some((r) => r.from === l.from && r.to === l.to)) continue;
      const host = peerValue(l.remote, 'host');
      if (!host || host.text.toLowerCase() !== 'dynamic') continue;
      out.push({
        code,
        severity: 'error',
        message: `${l.to.name} has '${l.remote.name}' with host=dynamic: it recognises calls from it only after a registration or by a From user '${l.remote.name}'. ${l.from.name} has no register line to ${l.to.name} and no fromuser=${l.remote.name} here, so ${l.to.name} refuses its calls with 403. Add register => ${l.remote.name}:SECRET@${peerValue(l.peer, 'host')?.text ?? 'host'} in [general], or fromuser=${l.remote.name}.`,
        ...l.peer.header,
        related: [{ ...host.at, message: `${l.to.name} waits for a registration` }],
      });
    }
    return out;
  },
};
