// pjsip-section-without-type: a section of pjsip.conf without `type=`. res_pjsip skips it without a word; when
// something names it (outbound_auth=, aors=, a Dial), that reference finds nothing, and only then does Asterisk
// complain, at run time (conformance case l: the auth section lost its type, the registration and the calls fail).
import type { Finding, TrunkCheck } from '../finding';
import { located } from '../../model/sip';
import { danglingReferences } from '../trunks/pjsipPairing';

export const code = 'pjsip-section-without-type';

const EFFECT: Record<string, string> = {
  auth: `requests go out without credentials and the other side's 401 is final (NOTICE "Couldn't find auth ... Cannot authenticate"): the registration is Rejected and calls fail with 401`,
  aor: 'the endpoint has no contact: Dial fails at once with cause 3 and registrations to it find no AOR',
  transport: 'Asterisk logs ERROR "Unable to retrieve PJSIP transport" and picks another transport',
  endpoint: 'Dial fails at once ("endpoint was not found", cause 3)',
};

export const pjsipSectionWithoutType: TrunkCheck = {
  code,
  run({ pbxs }) {
    const out: Finding[] = [];
    for (const pbx of pbxs) {
      if (!pbx.pjsip || pbx.pjsip.untyped.length === 0) continue;
      const dangling = danglingReferences(pbx);
      for (const c of pbx.pjsip.untyped) {
        const refs = dangling.filter((r) => r.name === c.name);
        const header = located(c.file, c.section.name);
        if (refs.length === 0) {
          out.push({ code, severity: 'warning', message: `[${c.name}] has no type=: res_pjsip ignores this section without any warning. Add type=endpoint, aor, auth, identify, registration or transport.`, ...header, related: [] });
          continue;
        }
        const types = [...new Set(refs.map((r) => r.type))];
        const uses = refs.map((r) => (r.from ? `${r.key}=${c.name} of ${r.from.type} '${r.from.id}'` : `Dial(PJSIP/...${c.name})`));
        out.push({
          code,
          severity: 'error',
          message: `[${c.name}] has no type=, so res_pjsip ignores it without any warning, and ${uses.join(', ')} find${uses.length === 1 ? 's' : ''} no ${types.join(' or ')} '${c.name}': ${types.map((t) => EFFECT[t]).join('; ')}. Add type=${types[0]}.`,
          ...header,
          related: refs.map((r) => ({ ...r.at, message: r.from ? `${r.from.type} '${r.from.id}' names it` : 'dialed here' })),
        });
      }
    }
    return out;
  },
};
