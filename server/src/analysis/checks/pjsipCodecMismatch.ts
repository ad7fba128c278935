// pjsip-codec-mismatch: the endpoint A calls through and the endpoint B takes the calls on allow no codec in
// common. Everything registers; every call is refused with 488 Not Acceptable Here (cause 58), and B logs no
// warning about it (case f).
import type { Finding, TrunkCheck } from '../finding';
import { describeCodecs, endpointCodecs, hasCommonCodec, options } from '../../model/pjsip';
import { pjsipLinks, unique } from '../trunks/pjsipPairing';

export const code = 'pjsip-codec-mismatch';

export const pjsipCodecMismatch: TrunkCheck = {
  code,
  run({ pbxs }) {
    const out: Finding[] = [];
    for (const l of pjsipLinks(pbxs).calls) {
      if (!l.remote) continue;
      const ours = endpointCodecs(l.endpoint);
      const theirs = endpointCodecs(l.remote);
      if (!ours.explicit || !theirs.explicit || hasCommonCodec(ours, theirs)) continue;
      const ourAt = options(l.endpoint, 'allow').at(-1)?.at ?? l.endpoint.header;
      const theirAt = options(l.remote, 'allow').at(-1)?.at ?? l.remote.header;
      out.push({
        code,
        severity: 'error',
        message: `Endpoint '${l.endpoint.id}' offers ${describeCodecs(ours)}; ${l.to.name}'s endpoint '${l.remote.id}' accepts ${describeCodecs(theirs)}: no codec in common, so ${l.to.name} answers every call with 488 Not Acceptable Here (cause 58) and logs nothing about it.`,
        ...ourAt,
        related: [{ ...theirAt, message: `the codecs of ${l.to.name}'s endpoint '${l.remote.id}'` }],
      });
    }
    return unique(out);
  },
};
