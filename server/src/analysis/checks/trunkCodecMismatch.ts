// trunk-codec-mismatch: the two ends of a trunk allow no codec in common. Everything registers; every call is
// refused with 488 Not Acceptable Here ("No compatible codecs"). Between chan_sip peers by pairing; between a
// chan_sip peer and a pjsip endpoint (either way) by the recognition model, as Simulate dial decides it
// (and pjsip to pjsip where pjsip-codec-mismatch does not say it: an end without allow=, an anonymous endpoint).
import type { Finding, TrunkCheck } from '../finding';
import { describeCodecs, hasCommonCodec, option } from '../../model/pjsip';
import { peerValue } from '../../model/sip';
import { codecsOf } from '../simulate/trunk';
import { crossings } from '../trunks/direction';
import { pjsipLinks } from '../trunks/pjsipPairing';

export const code = 'trunk-codec-mismatch';

export const trunkCodecMismatch: TrunkCheck = {
  code,
  run({ peers, pbxs }) {
    const out: Finding[] = [];
    for (const l of peers) {
      if (!l.remote) continue;
      const common = l.peer.codecs.filter((c) => l.remote!.codecs.includes(c));
      if (common.length > 0) continue;
      const ours = peerValue(l.peer, 'allow')?.at ?? l.peer.header;
      const theirs = peerValue(l.remote, 'allow')?.at ?? l.remote.header;
      out.push({ code, severity: 'error', message: `'${l.peer.name}' offers ${l.peer.codecs.join(', ') || 'no codec'}; ${l.to.name}'s '${l.remote.name}' accepts ${l.remote.codecs.join(', ') || 'no codec'}: no codec in common, so ${l.to.name} answers every call with 488.`, ...ours, related: [{ ...theirs, message: `the codecs of ${l.to.name}'s '${l.remote.name}'` }] });
    }
    const said = new Map<unknown, Set<unknown>>();
    // the mismatching ones, those a dialplan dials first (whether it does is only asked of these)
    const mismatching = crossings(pbxs).filter((c) => {
      if (!c.recognition.accepted || (c.request.driver === 'chan_sip' && c.recognition.driver === 'chan_sip')) return false;
      const codecs = codecsOf(c.recognition, c.route);
      return codecs.theirs !== null && !hasCommonCodec(codecs.ours, codecs.theirs);
    });
    for (const c of mismatching.sort((a, b) => Number(b.dialed) - Number(a.dialed))) {
      const { route, request: req, recognition: r } = c;
      if (!r.accepted || (req.driver === 'chan_sip' && r.driver === 'chan_sip')) continue;
      const codecs = codecsOf(r, route);
      if (!codecs.theirs || hasCommonCodec(codecs.ours, codecs.theirs)) continue;
      // pjsip to pjsip: pjsip-codec-mismatch says it when both ends set their codecs and it pairs the same endpoint
      // (either way round: the same two ends mismatch both ways, said once)
      const link = req.driver === 'chan_pjsip' && r.driver === 'chan_pjsip' ? pjsipLinks(pbxs).calls.find((l) => (l.endpoint === route.endpoint && l.remote === r.endpoint) || (l.endpoint === r.endpoint && l.remote === route.endpoint)) : undefined;
      if (link && codecs.ours.explicit && codecs.theirs.explicit) continue;
      const [x, y] = [route.peer ?? route.endpoint, r.peer ?? r.endpoint];
      if (said.get(x)?.has(y) || said.get(y)?.has(x)) continue;
      said.set(x, (said.get(x) ?? new Set()).add(y));
      const ours = route.peer ? (peerValue(route.peer, 'allow')?.at ?? route.peer.header) : (option(route.endpoint!, 'allow')?.at ?? route.endpoint!.header);
      const theirs = r.peer ? (peerValue(r.peer, 'allow')?.at ?? r.peer.header) : (option(r.endpoint!, 'allow')?.at ?? r.endpoint!.header);
      const problem = `'${codecs.oursName}' offers ${describeCodecs(codecs.ours)}; ${r.to.name}'s '${r.as}' accepts ${describeCodecs(codecs.theirs)}: no codec in common`;
      out.push({
        code,
        severity: c.dialed ? 'error' : 'information',
        message: c.dialed ? `${problem}, so ${r.to.name} answers every call with 488.` : `If ${req.from.name} ever calls ${r.to.name} over '${codecs.oursName}' (no dialplan of ${req.from.name} dials it today): ${problem}, so ${r.to.name} would answer 488.`,
        ...ours,
        related: [{ ...theirs, message: `the codecs of ${r.to.name}'s '${r.as}'` }],
      });
    }
    return out;
  },
};
