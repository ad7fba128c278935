// exposure-guest-dialout: chan_sip accepts calls from anyone (allowguest, on by default) into [general]'s context
// (or `default`); if that context can dial out through a trunk, strangers can call the world at your expense.
import type { Finding, TrunkCheck } from '../finding';
import { dialsOut, reachableContexts, sipGuests, sipTrunkNames } from '../trunks/exposure';

export const code = 'exposure-guest-dialout';

export const exposureGuestDialout: TrunkCheck = {
  code,
  run({ pbxs }) {
    const out: Finding[] = [];
    for (const pbx of pbxs) {
      const guests = sipGuests(pbx);
      if (!guests || !pbx.dialplan) continue;
      const { context, at } = guests;
      const dial = dialsOut(pbx.dialplan, reachableContexts(pbx.dialplan, context), sipTrunkNames(pbx));
      if (!dial) continue;
      out.push({
        code,
        severity: 'warning',
        message: `${guests.explicit ? 'allowguest=yes' : 'allowguest is on by default'}: calls from anyone land in '${context}', and from there '${dial.extension}' in '${dial.context}' dials out through '${dial.peer}'. Strangers can call through your trunk. Set allowguest=no, or give [general] a context that cannot dial out.`,
        ...at,
        related: [],
      });
    }
    return out;
  },
};
