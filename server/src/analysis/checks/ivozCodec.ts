// ivoz-codec: the friend's allowed codecs in IvozProvider and the Asterisk peer's share none: every call fails
// with 488.
import type { Finding, TrunkCheck } from '../finding';
import { peerValue } from '../../model/sip';
import { friendLinks } from '../trunks/ivozPairing';

export const code = 'ivoz-codec';

export const ivozCodec: TrunkCheck = {
  code,
  channelsOnly: true,
  run({ pbxs }) {
    const out: Finding[] = [];
    for (const l of friendLinks(pbxs)) {
      if (!l.peer || !l.friend || l.friend.codecs.length === 0) continue;
      if (l.peer.codecs.some((c) => l.friend!.codecs.includes(c))) continue;
      out.push({
        code,
        severity: 'error',
        message: `'${l.peer.name}' offers ${l.peer.codecs.join(', ') || 'no codec'}, friend '${l.friend.name}' allows ${l.friend.codecs.join(', ')} in ${l.company.name}: no codec in common, so every call fails with 488.`,
        ...(peerValue(l.peer, 'allow')?.at ?? l.peer.header),
        related: [{ ...(l.friend.values.get('allow') ? { file: l.friend.values.get('allow')!.file, start: l.friend.values.get('allow')!.assignment.value.start, end: l.friend.values.get('allow')!.assignment.value.end } : l.friend.header), message: `the codecs friend '${l.friend.name}' allows` }],
      });
    }
    return out;
  },
};
