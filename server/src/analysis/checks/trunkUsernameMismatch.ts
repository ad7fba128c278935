// trunk-username-mismatch: B recognises A's calls as its peer X (by A's registration or From user), and then
// wants the digest user to be X; A answers the challenge with its username/defaultuser. If they differ, B logs
// "username mismatch" and answers 403. (The registration itself still works: it uses the register line.)
import type { Finding, TrunkCheck } from '../finding';
import { peerValue } from '../../model/sip';
import { authName } from '../trunks/pairing';

export const code = 'trunk-username-mismatch';

export const trunkUsernameMismatch: TrunkCheck = {
  code,
  channelsOnly: true,
  run({ peers }) {
    const out: Finding[] = [];
    for (const l of peers) {
      if (!l.remote || l.recognisedBy === null || l.recognisedBy === 'host') continue;
      const user = authName(l.peer);
      if (user === l.remote.name) continue;
      const set = peerValue(l.peer, 'defaultuser', 'username');
      const at = set?.at ?? l.peer.header;
      out.push({
        code,
        severity: 'error',
        message: `${l.to.name} knows this trunk as '${l.remote.name}', but '${l.peer.name}' answers its challenge as '${user}': ${l.to.name} logs "username mismatch" and refuses every call with 403. Set username=${l.remote.name}.`,
        ...at,
        related: [{ ...l.remote.header, message: `the section ${l.to.name} has for this trunk` }],
        fixes: set ? [{ title: `Set the username to ${l.remote.name}`, edits: [{ file: set.at.file, start: set.at.start, end: set.at.end, text: l.remote.name }] }] : undefined,
      });
    }
    return out;
  },
};
