// Where to put the finding for a request the far side refuses, and what to change. The recognition model gives the
// deciding line when it has one (a digest user, a password, a peer that is not host=dynamic); when the far side
// finds no section at all, the finding goes on the section there that was meant for these requests: one at the
// sender's address but on another port (s02, s06, s11), one named as the sender's From user but of a type that is
// never matched by name (s14), one whose defaultuser is the From user (s14b), a pjsip endpoint whose identify
// misses the source (p04) or that expects the sender's auth user (m02, p12); else on the sender's own section.
import type { Pbx } from '../../model/pbx';
import { items, objectsOf, option, options } from '../../model/pjsip';
import type { Located } from '../../model/sip';
import { peerValue } from '../../model/sip';
import { fromHost } from './recognition/addresses';
import type { Recognition, SipRequest } from './recognition/types';

export interface Refusal {
  at: Located;
  /** What to change, in words (empty when the model's reason says it all). */
  hint: string;
}

function onReceiver(to: Pbx, req: SipRequest): Refusal | null {
  const src = req.source;
  if (to.sip && req.method === 'INVITE') {
    const peers = [...to.sip.peers.values()];
    const near = src ? peers.find((p) => p.type !== 'user' && peerValue(p, 'host') && fromHost(src, peerValue(p, 'host')!.text)) : undefined;
    if (near && src) {
      const port = peerValue(near, 'port');
      return {
        at: port?.at ?? peerValue(near, 'host')!.at,
        hint: `'${near.name}' is at ${peerValue(near, 'host')!.text}:${port?.text ?? '5060 (no port= means 5060)'}, but ${req.from.name} sends from port ${src.port}: set port=${src.port}, or insecure=port to match the address alone.`,
      };
    }
    const named = to.sip.peers.get(req.fromUser);
    if (named?.type === 'peer') {
      const type = peerValue(named, 'type');
      return { at: type?.at ?? named.header, hint: `'${named.name}' is named as the From user '${req.fromUser}', but a type=peer section is never matched by name: make it type=friend.` };
    }
    const byDefault = peers.find((p) => peerValue(p, 'defaultuser', 'username')?.text === req.fromUser);
    if (byDefault) {
      const v = peerValue(byDefault, 'defaultuser', 'username')!;
      return { at: v.at, hint: `'${byDefault.name}' has defaultuser=${v.text}, which is no matching key: chan_sip matches the From user against section names only (rename the section '${req.fromUser}').` };
    }
    const meant = req.credentials ? to.sip.peers.get(req.credentials.user) : undefined;
    if (meant && meant.type !== 'user') {
      const host = peerValue(meant, 'host');
      const dynamic = host?.text.toLowerCase() === 'dynamic';
      return {
        at: host?.at ?? meant.header,
        hint: dynamic
          ? `'${meant.name}' (the name ${req.from.name} authenticates as) is host=dynamic: chan_sip finds it by the address it registered from, and no registration of ${req.from.name} as '${meant.name}' is accepted; or by a From user '${meant.name}' (fromuser=${meant.name} on ${req.from.name}, with type=friend here).`
          : `'${meant.name}' (the name ${req.from.name} authenticates as) is at ${host?.text ?? '(no host)'}:${peerValue(meant, 'port')?.text ?? '5060'}, not where ${req.from.name} sends from (${src ? `${src.ips[0] ?? src.host}:${src.port}` : 'unknown'}).`,
      };
    }
  }
  if (to.pjsip && src) {
    const ips = src.ips;
    for (const identify of objectsOf(to.pjsip, 'identify')) {
      for (const m of options(identify, 'match').flatMap(items)) {
        const [host, port] = m.text.split('/')[0].split(':');
        if (ips.includes(host) && port !== undefined && Number(port) !== src.port) {
          return { at: m.at, hint: `identify '${identify.id}' matches ${m.text}, but ${req.from.name} sends from port ${src.port}: write match=${host} (any port) or ${host}:${src.port}.` };
        }
      }
    }
    const user = req.credentials?.user;
    const meant = user ? objectsOf(to.pjsip, 'endpoint').find((e) => e.id === user) : undefined;
    if (meant) {
      const by = option(meant, 'identify_by');
      return {
        at: by && !/username/.test(by.text) ? by.at : meant.header,
        hint: `Give ${to.name} an identify for endpoint '${meant.id}' (type=identify, endpoint=${meant.id}, match=${ips[0] ?? src.host}), or make ${req.from.name}'s From user '${meant.id}' (fromuser= in chan_sip, from_user= in pjsip)${by && !/username/.test(by.text) ? ` and let identify_by include username` : ''}.`,
      };
    }
  }
  return null;
}

/** Where a refusal is decided and what to change. */
export function refusalAt(req: SipRequest, r: Recognition): Refusal {
  if (r.cause && r.cause !== req.via.at) return { at: r.cause, hint: '' };
  if (r.as === null && !r.guest) {
    const there = onReceiver(r.to, req);
    if (there) return there;
  }
  return { at: r.cause ?? req.via.at, hint: '' };
}
