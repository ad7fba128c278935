// pjsip-duplicate-section: two sections of pjsip.conf with the same name and the same type. res_sorcery_config
// logs an ERROR and loads no object of that type from the file at all: a duplicate endpoint takes every endpoint
// with it (conformance case k). The same name with different types is the normal Wazo layout.
import type { Finding, TrunkCheck } from '../finding';
import { located } from '../../model/sip';

export const code = 'pjsip-duplicate-section';

export const pjsipDuplicateSection: TrunkCheck = {
  code,
  run({ pbxs }) {
    const out: Finding[] = [];
    for (const pbx of pbxs) {
      for (const d of pbx.pjsip?.duplicates ?? []) {
        const others = [...new Set(d.lost.map((o) => o.id))].filter((id) => id !== d.id);
        const lost = others.length > 0 ? `every ${d.type} is gone, '${d.id}' and ${others.map((id) => `'${id}'`).join(', ')} too` : `'${d.id}' is gone`;
        const effect =
          d.type === 'endpoint'
            ? ` Dial(PJSIP/...) to any of them fails at once with "Unable to create PJSIP channel - endpoint '${d.id}' was not found" (cause 3), and requests from them find no endpoint.`
            : d.type === 'auth'
              ? ' Whatever names these auths cannot authenticate.'
              : '';
        out.push({
          code,
          severity: 'error',
          message: `A second [${d.id}] with type=${d.type}: Asterisk logs ERROR "Config file 'pjsip.conf' could not be loaded; configuration contains a duplicate object: '${d.id}' of type '${d.type}'" and loads no ${d.type} from the file: ${lost}.${effect} Merge the two sections or rename one.`,
          ...located(d.second.file, d.second.section.name),
          related: [{ ...located(d.first.file, d.first.section.name), message: `the first [${d.id}] of type ${d.type}` }],
        });
      }
    }
    return out;
  },
};
