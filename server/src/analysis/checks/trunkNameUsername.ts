// trunk-name-username: the seed's rule for Wazo trunks, for a trunk whose other side is not in the workspace:
// the section name and the username should be the same string, because the other side knows the trunk by the
// name it authenticates with.
import type { Finding, TrunkCheck } from '../finding';
import { peerValue } from '../../model/sip';

export const code = 'trunk-name-username';

export const trunkNameUsername: TrunkCheck = {
  code,
  channelsOnly: true,
  run({ pbxs, peers }) {
    const out: Finding[] = [];
    const paired = new Set(peers.map((l) => l.peer));
    for (const pbx of pbxs) {
      for (const peer of pbx.sip?.peers.values() ?? []) {
        // the rule is Wazo's, for its trunks of type friend
        if (paired.has(peer) || peer.type !== 'friend') continue;
        const user = peerValue(peer, 'defaultuser', 'username');
        if (!user || user.text === peer.name) continue;
        out.push({
          code,
          severity: 'warning',
          message: `Trunk '${peer.name}' authenticates as '${user.text}'. The other PBX recognises a trunk by the name it authenticates with, so it must keep a section '${user.text}' for it; Wazo asks that Name and Username be the same string. (The other side is not in this workspace, so this cannot be checked against it.)`,
          ...user.at,
          related: [],
        });
      }
    }
    return out;
  },
};
