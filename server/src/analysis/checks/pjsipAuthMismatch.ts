// pjsip-auth-mismatch: A answers the other PBX's challenge with a username none of the challenging endpoint's auths
// has. B logs only "Failed to authenticate" (the same as a wrong password) and answers 401 again: the registration
// is Rejected and calls fail (case a2). The username need not be any section's name (case a3), only the same.
import type { Finding, TrunkCheck } from '../finding';
import { option } from '../../model/pjsip';
import { challenges, pjsipLinks, refusedEffect } from '../trunks/pjsipPairing';

export const code = 'pjsip-auth-mismatch';

export const pjsipAuthMismatch: TrunkCheck = {
  code,
  run({ pbxs }) {
    const out: Finding[] = [];
    for (const c of challenges(pjsipLinks(pbxs))) {
      const ours = option(c.ours, 'username');
      const user = ours?.text ?? '';
      if (c.theirs.some((a) => (option(a, 'username')?.text ?? '') === user)) continue;
      const accepted = c.theirs.map((a) => `'${option(a, 'username')?.text ?? ''}'`).join(', ');
      out.push({
        code,
        severity: 'error',
        message: `${c.from.name} answers ${c.to.name}'s challenge as '${user}', but ${c.to.name}'s endpoint '${c.endpoint.id}' accepts only ${accepted}: ${c.to.name} logs NOTICE "... Failed to authenticate" and answers 401 again, so ${refusedEffect(c)}.`,
        ...(ours?.at ?? c.ours.header),
        related: c.theirs.map((a) => ({ ...(option(a, 'username')?.at ?? a.header), message: `the username ${c.to.name} expects (auth '${a.id}')` })),
      });
    }
    return out;
  },
};
