// exposure-no-secret, exposure-weak-secret: a peer anyone can register as (no secret and host=dynamic), or whose
// secret is trivially guessed (short, a common word, the peer's own name). Never prints the secret.
import type { Finding, TrunkCheck } from '../finding';
import { peerValue } from '../../model/sip';

export const code = 'exposure-weak-secret';
export const noSecretCode = 'exposure-no-secret';

const COMMON = new Set(['pass', 'password', 'secret', 'admin', 'asterisk', 'changeme', 'test', 'guest', 'default', '1234', '12345', '123456', '1234567', '12345678', '0000', '1111', 'qwerty']);

/** Why a secret is trivially weak, or null. */
export function weakness(secret: string, names: string[]): string | null {
  if (COMMON.has(secret.toLowerCase())) return 'it is one of the first words a scanner tries';
  if (names.some((n) => n.toLowerCase() === secret.toLowerCase())) return 'it is the same as the peer name';
  if (secret.length < 8) return 'it has fewer than 8 characters';
  if (/^\d+$/.test(secret) && secret.length < 12) return 'it is a short run of digits';
  return null;
}

export const exposureSecret: TrunkCheck = {
  code,
  channelsOnly: true,
  run({ pbxs }) {
    const out: Finding[] = [];
    // a template's secret is shared by every peer built from it: one finding there, naming them all
    const weakAt = new Map<string, { finding: Finding; peers: string[]; why: string }>();
    for (const pbx of pbxs) {
      for (const peer of pbx.sip?.peers.values() ?? []) {
        const secret = peerValue(peer, 'secret');
        const md5 = peerValue(peer, 'md5secret');
        const dynamic = (peerValue(peer, 'host')?.text ?? 'dynamic').toLowerCase() === 'dynamic';
        if (!secret && !md5) {
          if (dynamic && peer.type !== 'user') {
            out.push({ code: noSecretCode, severity: 'warning', message: `'${peer.name}' has host=dynamic and no secret: anyone can register as '${peer.name}' and receive its calls, or call as it.`, ...peer.header, related: [] });
          }
          continue;
        }
        if (!secret) continue;
        const why = weakness(secret.text, [peer.name, peerValue(peer, 'defaultuser', 'username')?.text ?? '']);
        if (!why) continue;
        const key = `${secret.at.file}:${secret.at.start}`;
        const seen = weakAt.get(key);
        if (seen) seen.peers.push(peer.name);
        else {
          const finding: Finding = { code, severity: 'warning', message: '', ...secret.at, related: [] };
          weakAt.set(key, { finding, peers: [peer.name], why });
          out.push(finding);
        }
      }
    }
    for (const { finding, peers, why } of weakAt.values()) {
      const who = peers.length === 1 ? `of '${peers[0]}'` : `shared by ${peers.map((p) => `'${p}'`).join(', ')}`;
      finding.message = `The secret ${who} is trivially weak: ${why}. SIP scanners guess such secrets within minutes.`;
    }
    return out;
  },
};
