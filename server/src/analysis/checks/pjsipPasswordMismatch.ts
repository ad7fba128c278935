// pjsip-password-mismatch: A's auth has the username the other PBX expects but not the same password. B logs
// "Failed to authenticate" and answers 401 again: the registration is Rejected and calls fail (case b). The
// message never shows either password.
import type { Finding, TrunkCheck } from '../finding';
import { option } from '../../model/pjsip';
import { challenges, pjsipLinks, refusedEffect } from '../trunks/pjsipPairing';

export const code = 'pjsip-password-mismatch';

export const pjsipPasswordMismatch: TrunkCheck = {
  code,
  run({ pbxs }) {
    const out: Finding[] = [];
    for (const c of challenges(pjsipLinks(pbxs))) {
      const user = option(c.ours, 'username')?.text ?? '';
      const theirs = c.theirs.find((a) => (option(a, 'username')?.text ?? '') === user);
      if (!theirs) continue;
      // digest hashes (md5_cred) cannot be compared with a password
      if ([c.ours, theirs].some((a) => (option(a, 'auth_type')?.text.toLowerCase() ?? 'userpass') !== 'userpass')) continue;
      const ours = option(c.ours, 'password');
      const expected = option(theirs, 'password');
      if ((ours?.text ?? '') === (expected?.text ?? '')) continue;
      out.push({
        code,
        severity: 'error',
        message: `The password of auth '${c.ours.id}' differs from the one ${c.to.name} has for '${user}' (auth '${theirs.id}'): ${c.to.name} logs NOTICE "... Failed to authenticate" and answers 401 again, so ${refusedEffect(c)}.`,
        ...(ours?.at ?? c.ours.header),
        related: [{ ...(expected?.at ?? theirs.header), message: `the password ${c.to.name} expects for '${user}'` }],
      });
    }
    return out;
  },
};
