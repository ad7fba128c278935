// exposure-guest-calls: strangers' calls are let in. chan_sip takes an INVITE that matches no section as a guest
// when allowguest is on (its default), unchallenged, into [general]'s context or `default` (sip-recognition s03,
// s19); res_pjsip gives what no identifier took to an endpoint named `anonymous` (p06, p16b). The warning says
// which context strangers reach and what they can do there: the numbers that answer, the phones they can ring.
// Dialling out through a trunk from there is exposure-guest-dialout's (chan_sip), so this one stays silent then.
import type { Finding, TrunkCheck } from '../finding';
import type { Dialplan } from '../../model/dialplan';
import type { Pbx } from '../../model/pbx';
import { objectOf, option } from '../../model/pjsip';
import { dialsOut, reachableContexts, sipGuests, sipTrunkNames } from '../trunks/exposure';
import { parseDevice } from '../simulate/devices';

export const code = 'exposure-guest-calls';

/** What a caller who lands in `context` can do: numbers that answer there, devices it can ring. */
export function guestPowers(plan: Dialplan, context: string): { numbers: string[]; devices: string[] } | null {
  const contexts = reachableContexts(plan, context);
  if (!contexts.has(context)) return null;
  const numbers: string[] = [];
  const devices = new Set<string>();
  for (const name of contexts) {
    for (const e of plan.contexts.get(name)?.extensions ?? []) {
      if (/^[hit]$|^s$/.test(e.name) === false) numbers.push(e.name);
      for (const p of e.priorities.values()) {
        if (p.app.toLowerCase() !== 'dial') continue;
        for (const dev of p.data.split(',')[0].split('&')) {
          const d = parseDevice(dev.trim());
          if (d && d.tech !== 'LOCAL') devices.add(`${d.tech}/${d.name}`);
        }
      }
    }
  }
  return numbers.length === 0 ? null : { numbers: [...new Set(numbers)], devices: [...devices] };
}

function describe(pbx: Pbx, context: string, powers: { numbers: string[]; devices: string[] }): string {
  const shown = powers.numbers.slice(0, 5).join(', ') + (powers.numbers.length > 5 ? `, ... (${powers.numbers.length} in all)` : '');
  const ring = powers.devices.length > 0 ? ` and ring ${powers.devices.slice(0, 5).join(', ')}${powers.devices.length > 5 ? ', ...' : ''}` : '';
  return `strangers reach '${context}' on ${pbx.name}, where they can call ${shown}${ring}`;
}

function guestCalls(pbx: Pbx): Finding | null {
  const guests = sipGuests(pbx);
  if (!guests || !pbx.dialplan) return null;
  const powers = guestPowers(pbx.dialplan, guests.context);
  if (!powers) return null;
  // dialling out from there is exposure-guest-dialout's
  if (dialsOut(pbx.dialplan, reachableContexts(pbx.dialplan, guests.context), sipTrunkNames(pbx))) return null;
  return {
    code,
    severity: 'warning',
    message: `${guests.explicit ? 'allowguest=yes' : "allowguest is on (chan_sip's default)"}: an INVITE that matches no section is let in unchallenged as a guest, in ${guests.fromGeneral ? "[general]'s context" : "'default' ([general] has no context=)"}: ${describe(pbx, guests.context, powers)}. Set allowguest=no unless anonymous callers are meant to reach these numbers.`,
    ...guests.at,
    related: [],
  };
}

function pjsipAnonymous(pbx: Pbx): Finding | null {
  const anon = pbx.pjsip ? objectOf(pbx.pjsip, 'endpoint', 'anonymous') : undefined;
  if (!anon || !pbx.dialplan) return null;
  const ctx = option(anon, 'context');
  const context = ctx?.text ?? 'default';
  const powers = guestPowers(pbx.dialplan, context);
  if (!powers) return null;
  return {
    code,
    severity: 'warning',
    message: `The endpoint 'anonymous' takes every call no identifier recognises (and every call whose From user is "anonymous"), with no authentication: ${describe(pbx, context, powers)}. It also comes before identify sections that match headers.`,
    ...(ctx?.at ?? anon.header),
    related: [],
  };
}

export const exposureGuestCalls: TrunkCheck = {
  code,
  run({ pbxs }) {
    return pbxs.flatMap((p) => [guestCalls(p), pjsipAnonymous(p)]).filter((f): f is Finding => f !== null);
  },
};
