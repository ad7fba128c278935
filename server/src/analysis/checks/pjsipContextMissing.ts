// pjsip-context-missing: calls from an endpoint start in its context (default `default`); when the PBX's dialplan
// has no such context, every call from it is refused with 404 Not Found (cause 1), and Asterisk says nothing at
// load (case g).
import type { Finding, TrunkCheck } from '../findings';
import { objectsOf, option } from '../../model/pjsip';

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
        out.push({
          code,
          severity: 'error',
          message: `Calls from endpoint '${e.id}' start in ${where}, which ${pbx.name}'s dialplan does not define: ${pbx.name} refuses every call from it with 404 Not Found (NOTICE "... rejected because extension not found in context '${name}'"), with no warning at load.`,
          ...(ctx?.at ?? e.header),
          related: [],
        });
      }
    }
    return out;
  },
};
