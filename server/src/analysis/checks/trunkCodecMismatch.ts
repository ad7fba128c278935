// trunk-codec-mismatch: the two ends of a trunk allow no codec in common. Everything registers; every call is
// refused with 488 Not Acceptable Here ("No compatible codecs").
import type { Finding, TrunkCheck } from '../findings';
import { peerValue } from '../../model/sip';

export const code = 'trunk-codec-mismatch';

export const trunkCodecMismatch: TrunkCheck = {
  code,
  channelsOnly: true,
  run({ peers }) {
    const out: Finding[] = [];
    for (const l of peers) {
      if (!l.remote) continue;
      const common = l.peer.codecs.filter((c) => l.remote!.codecs.includes(c));
      if (common.length > 0) continue;
      const ours = peerValue(l.peer, 'allow')?.at ?? l.peer.header;
      const theirs = peerValue(l.remote, 'allow')?.at ?? l.remote.header;
      out.push({ code, severity: 'error', message: `'${l.peer.name}' offers ${l.peer.codecs.join(', ') || 'no codec'}; ${l.to.name}'s '${l.remote.name}' accepts ${l.remote.codecs.join(', ') || 'no codec'}: no codec in common, so ${l.to.name} answers every call with 488.`, ...ours, related: [{ ...theirs, message: `the codecs of ${l.to.name}'s '${l.remote.name}'` }] });
    }
    return out;
  },
};
