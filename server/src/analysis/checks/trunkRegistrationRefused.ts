// trunk-registration-refused: the far side refuses a PBX's REGISTER, whatever the two drivers are. The verdict is
// the recognition model's (trunks/recognition): chan_sip takes a REGISTER only for a peer or friend named as its To
// user and `host=dynamic` (s20: a static peer answers 401, then 403, and the registry shows No Authentication);
// res_pjsip identifies an endpoint, then wants the To user to be one of its aors. Registrations are judged on
// their own (an error even when no call needs them). Refusals a more precise check explains are left to it:
// trunk-register-user-unknown, trunk-secret-mismatch (chan_sip to chan_sip), the pjsip-* registration checks.
import type { Finding, TrunkCheck } from '../finding';
import { refusalAt } from '../trunks/refusal';
import { routesOf } from '../trunks/recognition/routes';
import { statusText } from '../trunks/recognition/responses';
import { finalStatus } from '../trunks/recognition/types';

export const code = 'trunk-registration-refused';

export const trunkRegistrationRefused: TrunkCheck = {
  code,
  channelsOnly: true,
  run({ pbxs }) {
    const out: Finding[] = [];
    for (const { request: req, recognition: r } of routesOf(pbxs).registrations) {
      if (r.accepted) continue;
      // same driver: the older checks say it, except chan_sip's static peer (no other check knows it)
      if (req.driver === r.driver && !(r.driver === 'chan_sip' && r.by === 'to-user' && r.responses.join() === '401,403' && r.cause !== req.credentials?.passwordAt && r.cause !== req.credentials?.at)) continue;
      const status = finalStatus(r);
      const { at, hint } = refusalAt(req, r);
      out.push({
        code,
        severity: 'error',
        message: `${r.to.name} refuses ${req.from.name}'s registration as '${req.toUser}' (${req.driver} to ${r.driver}): ${r.reason}. It ends with ${status} ${statusText(r.driver, status ?? 0)}.${hint ? ` ${hint}` : ''}`,
        ...at,
        related: [{ ...req.via.at, message: `${req.from.name} registers here` }, ...(r.asAt ? [{ ...r.asAt, message: `${r.to.name} takes it for '${r.as}'` }] : [])],
      });
    }
    return out;
  },
};
