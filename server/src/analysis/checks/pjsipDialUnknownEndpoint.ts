// pjsip-dial-unknown-endpoint: the dialplan dials PJSIP/...@<endpoint> but the PBX has no endpoint of that name.
// Dial fails at once without any SIP ("Unable to create PJSIP channel - endpoint '...' was not found", cause 3),
// and Asterisk says nothing at load (case j: the sections were renamed, the dialplan was not).
import type { Finding, TrunkCheck } from '../finding';
import { objectsOf } from '../../model/pjsip';
import { danglingReferences, whyMissing } from '../trunks/pjsipPairing';

export const code = 'pjsip-dial-unknown-endpoint';

export const pjsipDialUnknownEndpoint: TrunkCheck = {
  code,
  run({ pbxs }) {
    const out: Finding[] = [];
    for (const pbx of pbxs) {
      if (!pbx.pjsip) continue;
      const endpoints = objectsOf(pbx.pjsip, 'endpoint');
      for (const r of danglingReferences(pbx)) {
        if (r.from !== null) continue;
        // a duplicate, a section without type= or a misplaced wizard explains it: their own checks say so
        if (whyMissing(pbx.pjsip, 'endpoint', r.name) !== null) continue;
        const known = endpoints.length > 0 ? ` ${pbx.name}'s endpoints: ${endpoints.slice(0, 5).map((e) => `'${e.id}'`).join(', ')}${endpoints.length > 5 ? ', ...' : ''}.` : '';
        out.push({
          code,
          severity: 'error',
          message: `${pbx.name} has no endpoint '${r.name}': this Dial fails at once without any SIP (ERROR "Unable to create PJSIP channel - endpoint '${r.name}' was not found", cause 3, DIALSTATUS CHANUNAVAIL), and Asterisk says nothing at load.${known}`,
          ...r.at,
          related: endpoints.slice(0, 3).map((e) => ({ ...e.header, message: `an endpoint of ${pbx.name}` })),
        });
      }
    }
    return out;
  },
};
