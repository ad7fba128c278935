// pjsip-context-missing: calls from an endpoint start in its context (default `default`); when the PBX's dialplan
// has no such context, every call from it is refused with 404 Not Found (cause 1), and Asterisk says nothing at
// load (case g).
import type { Finding, TrunkCheck } from '../finding';
import { objectsOf, option } from '../../model/pjsip';
import { incomingUse } from '../trunks/direction';

export const code = 'pjsip-context-missing';

export const pjsipContextMissing: TrunkCheck = {
  code,
  run({ pbxs }) {
    const out: Finding[] = [];
    for (const pbx of pbxs) {
      if (!pbx.pjsip || !pbx.dialplan) continue;
      for (const e of objectsOf(pbx.pjsip, 'endpoint')) {
        const ctx = option(e, 'context');
        const name = ctx?.text ?? 'default';
        if (pbx.dialplan.contexts.has(name)) continue;
        const where = ctx ? `its context '${name}'` : `the context 'default' (it sets no context=)`;
        // direction (sip-recognition p16, c01): only calls the far side really sends make it an error
        const { use, senders } = incomingUse(pbxs, pbx, e);
        out.push({
          code,
          severity: use === 'never' ? 'information' : 'error',
          message:
            use === 'never'
              ? `If ${senders.map((p) => p.name).join(' or ')} ever calls ${pbx.name} over this trunk (no dialplan there dials it today): calls from endpoint '${e.id}' start in ${where}, which ${pbx.name}'s dialplan does not define, so such a call is refused with 404 Not Found.`
              : `Calls from endpoint '${e.id}' start in ${where}, which ${pbx.name}'s dialplan does not define: ${pbx.name} refuses every call from it with 404 Not Found (NOTICE "... rejected because extension not found in context '${name}'"), with no warning at load.`,
          ...(ctx?.at ?? e.header),
          related: [],
        });
      }
    }
    return out;
  },
};
