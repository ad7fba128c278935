// exposure-weak-secret and exposure-default-context for chan_pjsip: an auth whose password is trivially weak
// (never shown), and an endpoint with a fixed peer (an identify or an aor contact: a trunk) whose calls land in
// `default`, set or by default.
import type { Finding, TrunkCheck } from '../finding';
import { objectsOf, option } from '../../model/pjsip';
import { weakness } from './exposureSecret';

export const code = 'exposure-weak-secret';

export const exposurePjsip: TrunkCheck = {
  code,
  channelsOnly: true,
  run({ pbxs }) {
    const out: Finding[] = [];
    for (const pbx of pbxs) {
      if (!pbx.pjsip) continue;
      for (const auth of objectsOf(pbx.pjsip, 'auth')) {
        const password = option(auth, 'password');
        if (!password) continue;
        const why = weakness(password.text, [auth.id, option(auth, 'username')?.text ?? '']);
        if (why) out.push({ code, severity: 'warning', message: `The password of auth '${auth.id}' is trivially weak: ${why}. SIP scanners guess such passwords within minutes.`, ...password.at, related: [] });
      }
      const trunks = new Set([...objectsOf(pbx.pjsip, 'identify').map((i) => option(i, 'endpoint')?.text), ...objectsOf(pbx.pjsip, 'aor').filter((a) => option(a, 'contact')).map((a) => a.id)]);
      for (const e of objectsOf(pbx.pjsip, 'endpoint')) {
        if (!trunks.has(e.id)) continue;
        const ctx = option(e, 'context');
        if (ctx && ctx.text !== 'default') continue;
        out.push({
          code: 'exposure-default-context',
          severity: 'warning',
          message: `Calls from trunk endpoint '${e.id}' start in 'default'${ctx ? '' : ' (it sets no context)'}: the other side can dial every extension there directly. Give it a context such as 'Incalls' holding only the numbers it may reach.`,
          ...(ctx?.at ?? e.header),
          related: [],
        });
      }
    }
    return out;
  },
};
