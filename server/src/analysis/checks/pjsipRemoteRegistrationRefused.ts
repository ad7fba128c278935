// pjsip-remote-registration-refused: the aor a registration lands in accepts no contact: max_contacts is 0, the
// default (a wizard without aor/max_contacts, case i4). The other PBX answers 403 after authentication ("AOR ...
// has no configured max_contacts") and the registration stops for good. Calls do not depend on it.
import type { Finding, TrunkCheck } from '../finding';
import { option } from '../../model/pjsip';
import { pjsipLinks, unique } from '../trunks/pjsipPairing';

export const code = 'pjsip-remote-registration-refused';

export const pjsipRemoteRegistrationRefused: TrunkCheck = {
  code,
  run({ pbxs }) {
    const out: Finding[] = [];
    for (const l of pjsipLinks(pbxs).registrations) {
      if (!l.aor || !l.endpoint) continue;
      const max = option(l.aor, 'max_contacts');
      if (max && parseInt(max.text, 10) > 0) continue;
      const wizard = l.aor.wizard;
      const set = max ? `max_contacts=${max.text}` : wizard ? `no aor/max_contacts in wizard [${wizard.id}] (the wizard sets none, even with accepts_registrations)` : 'no max_contacts (the default is 0)';
      const instead = wizard && option(wizard, 'remote_hosts') ? ` (${l.to.name} already reaches ${l.from.name} through remote_hosts, so ${l.from.name} could also stop registering)` : '';
      out.push({
        code,
        severity: 'error',
        message: `${l.to.name}'s aor '${l.aor.id}' accepts no registration: ${set}. ${l.to.name} answers ${l.from.name}'s REGISTER with 403 Forbidden (WARNING "AOR '${l.aor.id}' has no configured max_contacts. Endpoint '${l.endpoint.id}' ... unable to register") and ${l.from.name} stops registering ("Fatal response '403'"). Set ${wizard ? 'aor/' : ''}max_contacts=1${instead}.`,
        ...(max?.at ?? l.aor.header),
        related: [{ ...option(l.registration, 'client_uri')!.at, message: `${l.from.name}'s registration '${l.registration.id}'` }],
      });
    }
    return unique(out);
  },
};
