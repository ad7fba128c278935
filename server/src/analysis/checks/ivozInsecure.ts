// ivoz-insecure: a friend must never challenge IvozProvider (IvozProvider's "Friends" page): the peer towards it
// needs insecure=port,invite, or the calls IvozProvider sends to the friend are challenged and fail.
import type { Finding, TrunkCheck } from '../finding';
import { peerValue } from '../../model/sip';
import { friendLinks } from '../trunks/ivozPairing';

export const code = 'ivoz-insecure';

export const ivozInsecure: TrunkCheck = {
  code,
  run({ pbxs, workspace }) {
    const out: Finding[] = [];
    for (const l of friendLinks(pbxs)) {
      if (!l.peer || !l.friend) continue;
      const insecure = peerValue(l.peer, 'insecure');
      const parts = (insecure?.text ?? '').split(',').map((x) => x.trim().toLowerCase());
      if (parts.includes('port') && parts.includes('invite')) continue;
      // the fix: insecure=port,invite right after the section header line
      const doc = workspace.document(l.peer.header.file);
      const text = workspace.host.read(l.peer.header.file) ?? '';
      const eol = text.indexOf('\n', l.peer.header.end);
      const at = eol < 0 ? text.length : eol + 1;
      out.push({
        code,
        severity: 'error',
        message: `'${l.peer.name}' talks to IvozProvider as friend '${l.friend.name}', which must never challenge IvozProvider: set insecure=port,invite${insecure ? ` (it has insecure=${insecure.text})` : ''}, or the calls IvozProvider sends here are challenged and fail.`,
        ...(insecure?.at ?? l.peer.header),
        related: [{ ...l.friend.header, message: `friend '${l.friend.name}'` }],
        fixes: doc
          ? [
              insecure
                ? { title: 'Set insecure=port,invite', edits: [{ file: insecure.at.file, start: insecure.at.start, end: insecure.at.end, text: 'port,invite' }] }
                : { title: 'Add insecure=port,invite', edits: [{ file: l.peer.header.file, start: at, end: at, text: 'insecure=port,invite\n' }] },
            ]
          : undefined,
      });
    }
    return out;
  },
};
