// trunk-secret-mismatch: the secret A registers or calls with is not the one B has for that peer: B answers 403
// to the REGISTER and to the INVITE.
import type { Finding, TrunkCheck } from '../finding';
import { peerValue } from '../../model/sip';

export const code = 'trunk-secret-mismatch';

export const trunkSecretMismatch: TrunkCheck = {
  code,
  channelsOnly: true,
  run({ registrations, peers }) {
    const out: Finding[] = [];
    for (const l of registrations) {
      const theirs = l.remote ? peerValue(l.remote, 'secret') : undefined;
      const r = l.registration;
      if (!theirs || r.secret === null || r.at.secret === null || r.secret === theirs.text) continue;
      out.push({ code, severity: 'error', message: `This register line's secret is not the one ${l.to.name} has for '${l.remote!.name}': ${l.to.name} answers 403 (wrong password) and A never registers.`, ...r.at.secret, related: [{ ...theirs.at, message: `${l.to.name}'s secret for '${l.remote!.name}'` }] });
    }
    for (const l of peers) {
      const ours = peerValue(l.peer, 'secret');
      const theirs = l.remote ? peerValue(l.remote, 'secret') : undefined;
      if (!ours || !theirs || ours.text === theirs.text) continue;
      out.push({ code, severity: 'error', message: `'${l.peer.name}' calls ${l.to.name} with a secret that is not the one ${l.to.name} has for '${l.remote!.name}': ${l.to.name} challenges the INVITE and answers 403.`, ...ours.at, related: [{ ...theirs.at, message: `${l.to.name}'s secret for '${l.remote!.name}'` }] });
    }
    return out;
  },
};
