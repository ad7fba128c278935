// pjsip-address-mismatch: a registration's server_uri or an aor contact reaches no address where the PBX it is
// meant for listens (paired by name). The REGISTER gets no answer and stays Unregistered; a qualified contact is
// Unavailable and Dial fails at once without an INVITE (cause 3), else the INVITE times out (case h3).
import type { Finding, TrunkCheck } from '../finding';
import { option } from '../../model/pjsip';
import type { PjsipTarget } from '../trunks/pjsipPairing';
import { listeners, pjsipLinks, unique } from '../trunks/pjsipPairing';

export const code = 'pjsip-address-mismatch';

function address(l: PjsipTarget): string {
  return `${l.uri.host.text}:${l.port}`;
}

export const pjsipAddressMismatch: TrunkCheck = {
  code,
  run({ pbxs }) {
    const out: Finding[] = [];
    const links = pjsipLinks(pbxs);
    for (const l of links.registrations) {
      if (l.by !== 'name') continue;
      const where = listeners(l.to);
      out.push({
        code,
        severity: 'error',
        message: `${where.text}, not on ${address(l)}: this REGISTER gets no answer ("No response received ... on registration attempt"), registration '${l.registration.id}' stays Unregistered.`,
        ...(l.uri.port?.at ?? l.uri.host.at),
        related: where.related,
      });
    }
    for (const l of links.calls) {
      if (l.by !== 'name') continue;
      const where = listeners(l.to);
      const qualified = parseInt(option(l.aor, 'qualify_frequency')?.text ?? '0', 10) > 0;
      const effect = qualified
        ? `qualify marks the contact Unavailable and Dial(PJSIP/...@${l.endpoint.id}) fails at once without an INVITE ("Could not create dialog to invalid URI", cause 3, CHANUNAVAIL)`
        : `every INVITE to endpoint '${l.endpoint.id}' goes unanswered and the call times out (408)`;
      out.push({ code, severity: 'error', message: `${where.text}, not on ${address(l)}: ${effect}.`, ...(l.uri.port?.at ?? l.uri.host.at), related: where.related });
    }
    return unique(out);
  },
};
