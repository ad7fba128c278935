// trunk-register-user-unknown: A registers to B as a user that is no section of B's sip.conf. chan_sip accepts
// a REGISTER only for a peer of that name; B answers 403 (alwaysauthreject makes it look like a wrong password).
import type { Finding, TrunkCheck } from '../finding';

export const code = 'trunk-register-user-unknown';

export const trunkRegisterUser: TrunkCheck = {
  code,
  channelsOnly: true,
  run({ registrations }) {
    const out: Finding[] = [];
    for (const l of registrations) {
      if (l.remote !== undefined || !l.byAddress) continue;
      const r = l.registration;
      const names = [...l.to.sip!.peers.keys()];
      const near = names.find((n) => n.toLowerCase() === r.user.toLowerCase()) ?? names.find((n) => r.user.startsWith(n) || n.startsWith(r.user));
      out.push({
        code,
        severity: 'error',
        message: `${l.to.name} has no peer '${r.user}' in its sip.conf: the user of a register line must be the name of the section that the other side keeps for this trunk${near ? ` ('${near}'?)` : ''}. ${l.to.name} refuses the registration with 403, and its calls to ${l.from.name} fail.`,
        ...r.at.user,
        related: near ? [{ ...l.to.sip!.peers.get(near)!.header, message: `${l.to.name}'s section '${near}', probably the one meant` }] : [],
        fixes: near ? [{ title: `Register as '${near}'`, edits: [{ file: r.at.user.file, start: r.at.user.start, end: r.at.user.end, text: near }] }] : undefined,
      });
    }
    return out;
  },
};
