// pjsip-outbound-auth-missing: an endpoint's or a registration's outbound_auth names no auth object. Asterisk says
// nothing at load; when the other side challenges, there are no credentials to answer with: an endpoint's INVITE
// fails with 401 and is not retried (case c1), a registration is Rejected for good (case c2).
import type { Finding, TrunkCheck } from '../finding';
import { danglingReferences, pjsipLinks, whyMissing } from '../trunks/pjsipPairing';

export const code = 'pjsip-outbound-auth-missing';

export const pjsipOutboundAuthMissing: TrunkCheck = {
  code,
  run({ pbxs }) {
    const out: Finding[] = [];
    const links = pjsipLinks(pbxs);
    for (const pbx of pbxs) {
      if (!pbx.pjsip) continue;
      for (const r of danglingReferences(pbx)) {
        if (r.key !== 'outbound_auth' || !r.from) continue;
        // a section without type=, a duplicate or a misplaced wizard is what explains it: their own checks say so
        if (whyMissing(pbx.pjsip, 'auth', r.name) !== null) continue;
        const o = r.from;
        const far =
          o.type === 'registration' ? links.registrations.find((l) => l.registration === o)?.to.name : links.calls.find((l) => l.endpoint === o)?.to.name;
        const other = far ?? 'the other side';
        const effect =
          o.type === 'registration'
            ? `the REGISTER goes out without credentials, and when ${other} answers 401 ${pbx.name} logs NOTICE "Couldn't find auth '${r.name}'. Cannot authenticate" and "Fatal response '401' ... stopping outbound registration": registration '${o.id}' is Rejected for good`
            : `when ${other} challenges a call with 401, ${pbx.name} logs WARNING "Auth object '${r.name}' could not be found" and does not retry: every call through '${o.id}' fails with 401 (CHANUNAVAIL)`;
        out.push({
          code,
          severity: 'error',
          message: `No auth '${r.name}' in ${pbx.name}'s pjsip configuration, and Asterisk says nothing at load: ${effect}.`,
          ...r.at,
          related: [],
        });
      }
    }
    return out;
  },
};
