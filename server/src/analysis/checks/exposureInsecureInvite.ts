// exposure-insecure-invite: `insecure=invite` stops chan_sip from challenging INVITEs from this peer: anyone who
// sends from its address (or, with `port`, from any port of it) is let in without a password. Needed towards a
// provider or IvozProvider that will not answer challenges; a risk anywhere else.
import type { Finding, TrunkCheck } from '../finding';
import { peerValue } from '../../model/sip';
import { friendLinks } from '../trunks/ivozPairing';

export const code = 'exposure-insecure-invite';

export const exposureInsecureInvite: TrunkCheck = {
  code,
  channelsOnly: true,
  run({ pbxs }) {
    const out: Finding[] = [];
    // towards IvozProvider it is required (ivoz-insecure checks it)
    const friends = new Set(friendLinks(pbxs).flatMap((l) => (l.peer ? [l.peer] : [])));
    for (const pbx of pbxs) {
      for (const peer of pbx.sip?.peers.values() ?? []) {
        if (friends.has(peer)) continue;
        const insecure = peerValue(peer, 'insecure');
        if (!insecure || !insecure.text.split(',').some((x) => x.trim().toLowerCase() === 'invite')) continue;
        const dynamic = (peerValue(peer, 'host')?.text ?? 'dynamic').toLowerCase() === 'dynamic';
        out.push({
          code,
          severity: dynamic ? 'warning' : 'information',
          message: `insecure=${insecure.text}: INVITEs from '${peer.name}' are not challenged, so anyone sending from ${dynamic ? 'the address it last registered from' : 'its address'} calls in without a password. Keep it only towards a side that cannot answer a challenge (a provider, IvozProvider).`,
          ...insecure.at,
          related: [],
        });
      }
    }
    return out;
  },
};
