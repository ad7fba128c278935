// pjsip-transport-missing: a transport= that names no transport (case h1: ERROR at load and at every request,
// then the request goes out on another transport anyway), or no transport at all in pjsip.conf (case h2: the
// registration object is not created, and Dial to a static contact fails with "Unsupported transport", cause 3).
import type { Finding, TrunkCheck } from '../finding';
import { names, objectOf, objectsOf, options, transportAddress, transportFor } from '../../model/pjsip';
import { danglingReferences } from '../trunks/pjsipPairing';

export const code = 'pjsip-transport-missing';

export const pjsipTransportMissing: TrunkCheck = {
  code,
  run({ pbxs }) {
    const out: Finding[] = [];
    for (const pbx of pbxs) {
      const pjsip = pbx.pjsip;
      if (!pjsip) continue;
      for (const r of danglingReferences(pbx)) {
        if (r.key !== 'transport' || !r.from) continue;
        const fallback = transportFor(pjsip, r.from, null).transport;
        const instead = fallback ? `then sends over '${fallback.id}' (${transportAddress(fallback).protocol}) instead` : 'and has no other transport to send over';
        out.push({
          code,
          severity: 'error',
          message: `There is no transport '${r.name}' in ${pbx.name}'s pjsip.conf: Asterisk logs ERROR "Unable to retrieve PJSIP transport '${r.name}'" at load and at every request of ${r.from.type} '${r.from.id}', ${instead}.`,
          ...r.at,
          related: [],
        });
      }
      if (objectsOf(pjsip, 'transport').length > 0) continue;
      for (const f of pjsip.failed) {
        out.push({
          code,
          severity: 'error',
          message: `${pbx.name}'s pjsip.conf has no type=transport section: Asterisk cannot create registration '${f.object.id}' (ERROR "Could not create an object of type 'registration' with id '${f.object.id}'") and ${pbx.name} never registers. Add a transport (type=transport, protocol=udp, bind=<address:port>).`,
          ...f.object.header,
          related: [],
        });
      }
      for (const e of objectsOf(pjsip, 'endpoint')) {
        const aors = names(e, 'aors').map((n) => objectOf(pjsip, 'aor', n.text));
        if (!aors.some((a) => a && options(a, 'contact').length > 0)) continue;
        out.push({
          code,
          severity: 'error',
          message: `${pbx.name}'s pjsip.conf has no type=transport section: Asterisk cannot send to endpoint '${e.id}' (ERROR "Unsupported transport (PJSIP_EUNSUPTRANSPORT)"), so Dial(PJSIP/...@${e.id}) fails at once without any INVITE (cause 3, CHANUNAVAIL).`,
          ...e.header,
          related: [],
        });
      }
    }
    return out;
  },
};
