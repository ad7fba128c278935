// exposure-default-context: a trunk whose calls land in `default` (set, or by default) or in a context from
// which every phone of the PBX can be reached. The other side can then call every user, group, conference and
// queue directly; Wazo's guide says to use a context such as `Incalls` with only the numbers it may reach.
import type { Finding, TrunkCheck } from '../finding';
import { reachableContexts } from '../trunks/exposure';
import { peerAddress } from '../trunks/pairing';

export const code = 'exposure-default-context';

export const exposureDefaultContext: TrunkCheck = {
  code,
  run({ pbxs, peers, registrations }) {
    const out: Finding[] = [];
    // trunks: peers with a fixed address, and both ends of every trunk paired across the workspace
    const trunkPeers = new Set([
      ...pbxs.flatMap((p) => [...(p.sip?.peers.values() ?? [])].filter((x) => peerAddress(x) !== null)),
      ...peers.map((l) => l.peer),
      ...peers.flatMap((l) => (l.remote ? [l.remote] : [])),
      ...registrations.flatMap((l) => (l.remote ? [l.remote] : [])),
    ]);
    for (const pbx of pbxs) {
      if (!pbx.sip) continue;
      const phones = [...pbx.sip.peers.values()].filter((p) => !trunkPeers.has(p));
      const phoneContexts = new Set(phones.map((p) => p.context.name));
      for (const peer of pbx.sip.peers.values()) {
        if (!trunkPeers.has(peer)) continue;
        const ctx = peer.context;
        const reach = pbx.dialplan ? reachableContexts(pbx.dialplan, ctx.name) : new Set([ctx.name]);
        const phoneReach = [...phoneContexts].filter((c) => reach.has(c));
        if (ctx.name !== 'default' && phoneReach.length === 0) continue;
        const why =
          ctx.name === 'default'
            ? `calls from '${peer.name}' start in 'default'${ctx.from === 'default' ? ' (no context= here nor in [general])' : ''}`
            : `calls from '${peer.name}' start in '${ctx.name}', which leads to ${phoneReach.map((c) => `'${c}'`).join(', ')}, the context of the phones`;
        out.push({
          code,
          severity: 'warning',
          message: `${why}: the other side of this trunk can dial every extension there directly. Give the trunk a context such as 'Incalls' holding only the numbers it may reach.`,
          ...(ctx.at ?? peer.header),
          related: [],
        });
      }
    }
    return out;
  },
};
