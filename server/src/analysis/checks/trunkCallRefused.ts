// trunk-call-refused: the far side refuses the INVITEs a PBX sends over a trunk, whatever the two drivers are
// (chan_sip and chan_pjsip, mixed pairs, chains). The verdict is the recognition model's (trunks/recognition), the
// one simulate uses: who the far side takes the call for, whether it challenges, the status it answers. An error
// when the sender's dialplan dials that trunk, else an information ("if A ever calls B over this trunk").
// Refusals that a more precise check already explains are left to it: pjsip-unidentified-calls (pjsip to pjsip,
// no endpoint), trunk-secret-mismatch, pjsip-password-mismatch and pjsip-auth-mismatch (same driver, wrong
// credentials), trunk-dynamic-unrecognised (a dynamic peer that the From user does not name).
import type { Finding, TrunkCheck } from '../finding';
import type { Crossing } from '../trunks/direction';
import { crossings } from '../trunks/direction';
import type { Pbx } from '../../model/pbx';
import type { SipPeer } from '../../model/sip';
import { peerValue } from '../../model/sip';
import type { PeerLink } from '../trunks/pairing';
import { sipLinks } from '../trunks/pairing';
import { refusalAt } from '../trunks/refusal';
import { routesOf } from '../trunks/recognition/routes';
import { statusText } from '../trunks/recognition/responses';
import { finalStatus } from '../trunks/recognition/types';

export const code = 'trunk-call-refused';

const linkCache = new WeakMap<Pbx[], Map<SipPeer, PeerLink>>();

function linksByPeer(pbxs: Pbx[]): Map<SipPeer, PeerLink> {
  let found = linkCache.get(pbxs);
  if (!found) linkCache.set(pbxs, (found = new Map(sipLinks(pbxs).peers.map((l) => [l.peer, l]))));
  return found;
}

const pairCache = new WeakMap<Pbx[], { any: Set<string>; refused: Set<string> }>();

/** `from|to` of every registration between the PBXs, and of the refused ones. */
function registrationPairs(pbxs: Pbx[]): { any: Set<string>; refused: Set<string> } {
  let found = pairCache.get(pbxs);
  if (!found) {
    found = { any: new Set(), refused: new Set() };
    for (const g of routesOf(pbxs).registrations) {
      const key = `${g.request.from.name}|${g.target.to.name}`;
      found.any.add(key);
      if (!g.recognition.accepted) found.refused.add(key);
    }
    pairCache.set(pbxs, found);
  }
  return found;
}

/** Is this refusal already another check's finding (the same conditions as those checks)? */
function explainedElsewhere(c: Crossing, pbxs: Pbx[]): boolean {
  const { request: req, recognition: r } = c;
  const regs = registrationPairs(pbxs);
  // the sender's registration to that PBX is refused: the registration's finding explains the calls too
  if (r.as === null && regs.refused.has(`${req.from.name}|${r.to.name}`)) return true;
  if (req.driver !== r.driver) return false;
  if (r.driver === 'chan_pjsip') {
    // pjsip-outbound-auth-missing: outbound_auth names no auth
    if (req.credentials === null && c.route.endpoint?.options.some((o) => o.key === 'outbound_auth')) return true;
    // pjsip-unidentified-calls; pjsip-password-mismatch and pjsip-auth-mismatch (answered, refused again)
    return r.as === null || (req.credentials !== null && r.responses.join() === '401,401' && r.by !== 'username');
  }
  // trunk-secret-mismatch: both sides have a secret and they differ; trunk-username-mismatch: the digest user
  if (r.as !== null && r.cause !== null && r.cause === req.credentials?.passwordAt) return true;
  if (r.as !== null && req.credentials && req.credentials.user !== r.as && r.cause === req.credentials.at) {
    // trunk-username-mismatch pairs by registration or From user only (by address, it has no other name to expect)
    const link = c.route.peer ? linksByPeer(pbxs).get(c.route.peer) : undefined;
    return link !== undefined && link.remote === r.peer && (link.recognisedBy === 'registration' || link.recognisedBy === 'fromuser');
  }
  // trunk-dynamic-unrecognised: no fromuser, no register line, and B keeps a host=dynamic section of that name
  const named = r.to.sip?.peers.get(req.credentials?.user ?? '');
  const registers = regs.any.has(`${req.from.name}|${r.to.name}`);
  const dynamic = named !== undefined && peerValue(named, 'host')?.text.toLowerCase() === 'dynamic';
  return r.as === null && req.fromUserSetBy !== 'fromuser' && !registers && dynamic;
}

export const trunkCallRefused: TrunkCheck = {
  code,
  run({ pbxs }) {
    const out: Finding[] = [];
    for (const c of crossings(pbxs)) {
      const { request: req, recognition: r } = c;
      if (r.accepted || explainedElsewhere(c, pbxs)) continue;
      const status = finalStatus(r);
      const A = req.from.name;
      const B = r.to.name;
      const { at, hint } = refusalAt(req, r);
      const what = `${A}'s calls over '${req.via.name}' (${req.driver} to ${r.driver} on ${B})`;
      const verdict = `${r.reason}. Every such call ends with ${status} ${statusText(r.driver, status ?? 0)}`;
      out.push({
        code,
        severity: c.dialed ? 'error' : 'information',
        message: c.dialed ? `${what} are refused: ${verdict}.${hint ? ` ${hint}` : ''}` : `If ${A} ever calls ${B} over '${req.via.name}' (no dialplan of ${A} dials it today): ${verdict}.${hint ? ` ${hint}` : ''}`,
        ...at,
        related: [{ ...req.via.at, message: `${A} sends its INVITEs here` }, ...(r.asAt ? [{ ...r.asAt, message: `${B} takes them for '${r.as}'` }] : [])],
      });
    }
    return out;
  },
};
