// exposure-guest-dialout: chan_sip accepts calls from anyone (allowguest, on by default) into [general]'s context
// (or `default`); if that context can dial out through a trunk, strangers can call the world at your expense.
import type { Finding, TrunkCheck } from '../finding';
import { isTrue } from '../../model/dialplan';
import { located } from '../../model/sip';
import { dialsOut, reachableContexts } from '../trunks/exposure';

export const code = 'exposure-guest-dialout';

export const exposureGuestDialout: TrunkCheck = {
  code,
  run({ pbxs }) {
    const out: Finding[] = [];
    for (const pbx of pbxs) {
      if (!pbx.sip || !pbx.dialplan) continue;
      const guest = pbx.sip.general.get('allowguest');
      if (guest && !isTrue(guest.assignment.value.text)) continue;
      const ctxVar = pbx.sip.general.get('context');
      const context = ctxVar?.assignment.value.text ?? 'default';
      const trunks = new Set([...pbx.sip.peers.values()].filter((p) => (p.values.get('host')?.assignment.value.text ?? 'dynamic').toLowerCase() !== 'dynamic').map((p) => p.name));
      const dial = dialsOut(pbx.dialplan, reachableContexts(pbx.dialplan, context), trunks);
      if (!dial) continue;
      const at = guest ? located(guest.file, guest.assignment) : ctxVar ? located(ctxVar.file, ctxVar.assignment) : pbx.sip.general.size > 0 ? located(pbx.sip.file, [...pbx.sip.general.values()][0].assignment) : null;
      if (!at) continue;
      out.push({
        code,
        severity: 'warning',
        message: `${guest ? 'allowguest=yes' : 'allowguest is on by default'}: calls from anyone land in '${context}', and from there '${dial.extension}' in '${dial.context}' dials out through '${dial.peer}'. Strangers can call through your trunk. Set allowguest=no, or give [general] a context that cannot dial out.`,
        ...at,
        related: [],
      });
    }
    return out;
  },
};
