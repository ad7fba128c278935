// pjsip-unidentified-calls: the other PBX cannot tell which endpoint A's INVITEs come from. chan_pjsip recognises
// a call only by identify (the source address) or by a From user equal to an endpoint name (A's from_user);
// A's registration does not help (cases d1, d2, e, i2, i3). It answers 401 ("No matching endpoint found") and
// every call fails. The finding sits where B should recognise A: its identify match, the wizard line that stops
// the identify from being made, or B's endpoint when it has no identify at all.
import type { Finding, TrunkCheck } from '../finding';
import { isTrue } from '../../model/dialplan';
import type { Located } from '../../model/sip';
import { items, objectsOf, option, options } from '../../model/pjsip';
import { crossingOf } from '../trunks/direction';
import { pjsipLinks, unique } from '../trunks/pjsipPairing';

export const code = 'pjsip-unidentified-calls';

export const pjsipUnidentifiedCalls: TrunkCheck = {
  code,
  run({ pbxs }) {
    const out: Finding[] = [];
    for (const l of pjsipLinks(pbxs).calls) {
      // the recognition model decides (an anonymous endpoint or a header identify may take the call: p06, p16)
      const found = crossingOf(pbxs, l.endpoint);
      const crossing = found?.recognition.to === l.to ? found : undefined;
      if (crossing ? crossing.recognition.as !== null : l.recognisedBy !== null) continue;
      if (!l.source) continue;
      const A = l.from.name;
      const B = l.to.name;
      const to = l.to.pjsip!;
      const source = `${l.source.host}:${l.source.port}`;
      const target = l.intended;
      let at: Located;
      let why: string;
      let fix = target ? `Give ${B} an identify for endpoint '${target.id}' (type=identify, endpoint=${target.id}, match=${l.source.host})` : '';
      if (l.identify) {
        const name = option(l.identify, 'endpoint');
        at = name?.at ?? l.identify.header;
        why = `its identify '${l.identify.id}' matches ${A}'s address ${source} but names endpoint '${name?.text ?? ''}', which ${B} does not have`;
        if (target) fix = `Set endpoint=${target.id} in identify '${l.identify.id}'`;
      } else if (target?.wizard && isTrue(option(target.wizard, 'accepts_registrations')?.text)) {
        const w = target.wizard;
        const match = w.options.find((o) => o.key === 'identify/match');
        at = match ? match.value.at : option(w, 'accepts_registrations')!.at;
        why = match
          ? `wizard [${w.id}] has accepts_registrations=yes, so it makes no identify and ignores identify/match without any warning`
          : `wizard [${w.id}] has accepts_registrations=yes, so it makes no identify for endpoint '${target.id}'`;
        fix = `Add an identify to ${B}'s pjsip.conf (type=identify, endpoint=${target.id}, match=${l.source.host})`;
      } else if (target) {
        const identifies = objectsOf(to, 'identify').filter((i) => option(i, 'endpoint')?.text === target.id);
        const matches = identifies.flatMap((i) => options(i, 'match').flatMap(items));
        if (matches.length > 0) {
          at = matches[0].at;
          why = `its identify for endpoint '${target.id}' matches ${matches.map((m) => m.text).join(', ')}, not ${A}'s address ${source}`;
          fix = `Set match=${l.source.host} in that identify`;
        } else {
          at = identifies[0]?.header ?? target.header;
          why = `it has no identify for endpoint '${target.id}'`;
        }
      } else {
        at = l.endpoint.header;
        why = `it has no identify matching ${A}'s address ${source} and no endpoint for this trunk`;
      }
      const fromUser = option(l.endpoint, 'from_user');
      const sends = fromUser ? `from_user=${fromUser.text} names no endpoint of ${B}` : `${A}'s endpoint '${l.endpoint.id}' sets no from_user (its From user is the caller's number, "anonymous" without one)`;
      const hint = target ? ` ${fix}, or set from_user=${target.id} on ${A}'s endpoint '${l.endpoint.id}'.` : '';
      const used = !crossing || crossing.dialed;
      out.push({
        code,
        severity: used ? 'error' : 'information',
        message: `${used ? '' : `If ${A} ever calls ${B} over '${l.endpoint.id}' (no dialplan of ${A} dials it today): `}${B} cannot tell ${A}'s calls from a stranger's: ${why}, and ${sends}. ${B} answers every INVITE with 401 (NOTICE "... No matching endpoint found") and the call fails (CHANUNAVAIL); ${A}'s registration does not make ${B} recognise its calls.${hint}`,
        ...at,
        related: [{ ...(fromUser?.at ?? l.endpoint.header), message: `${A}'s endpoint '${l.endpoint.id}' calls ${B} from ${source}` }],
      });
    }
    return unique(out);
  },
};
