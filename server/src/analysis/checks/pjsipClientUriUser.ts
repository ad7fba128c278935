// pjsip-client-uri-user: the user of a registration's client_uri (the To of the REGISTER) is not an aor of the
// endpoint the other PBX identifies the REGISTER as. It answers 404 ("AOR '' not found for endpoint ...") after
// authentication, or 401 when no endpoint is found at all; the registration is Rejected (case a1). Calls do not
// depend on it.
import type { Finding, TrunkCheck } from '../finding';
import { names, objectOf, option } from '../../model/pjsip';
import { pjsipLinks, uriPartAt } from '../trunks/pjsipPairing';

export const code = 'pjsip-client-uri-user';

export const pjsipClientUriUser: TrunkCheck = {
  code,
  run({ pbxs }) {
    const out: Finding[] = [];
    for (const l of pjsipLinks(pbxs).registrations) {
      if (!l.client || l.aor) continue;
      const clientValue = option(l.registration, 'client_uri')!;
      const user = l.client.user?.text ?? '';
      const at = uriPartAt(clientValue, l.client.user);
      const to = l.to.pjsip!;
      if (!l.endpoint) {
        out.push({
          code,
          severity: 'error',
          message: `${l.to.name} has no endpoint '${user}' and no identify matching ${l.from.name}'s address, so it cannot tell whose REGISTER this is: it answers 401 (NOTICE "... No matching endpoint found") and registration '${l.registration.id}' is Rejected. The client_uri user must name ${l.to.name}'s aor for this trunk.`,
          ...at,
          related: [],
        });
        continue;
      }
      const aors = names(l.endpoint, 'aors');
      const listed = aors.some((n) => n.text === user);
      const why = listed
        ? `'${user}' is in the aors of ${l.to.name}'s endpoint '${l.endpoint.id}' but ${l.to.name} has no aor of that name`
        : `${l.to.name} identifies this REGISTER as endpoint '${l.endpoint.id}'${l.identifiedBy === 'ip' ? ' (by its identify)' : ''}, whose aors are ${aors.map((n) => `'${n.text}'`).join(', ') || 'none'}, not '${user}'`;
      const aorsAt = option(l.endpoint, 'aors');
      out.push({
        code,
        severity: 'error',
        message: `${why}: after authentication it answers 404 Not Found (WARNING "AOR '' not found for endpoint '${l.endpoint.id}'") and ${l.from.name} stops registering ("Fatal response '404'"). Calls do not depend on it.${!listed && aors.length > 0 && objectOf(to, 'aor', aors[0].text) ? ` Use client_uri user '${aors[0].text}'.` : ''}`,
        ...at,
        related: aorsAt ? [{ ...aorsAt.at, message: `the aors of ${l.to.name}'s endpoint '${l.endpoint.id}'` }] : [{ ...l.endpoint.header, message: `${l.to.name}'s endpoint '${l.endpoint.id}'` }],
      });
    }
    return out;
  },
};
