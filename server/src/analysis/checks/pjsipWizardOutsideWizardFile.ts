// pjsip-wizard-outside-wizard-file: a `type=wizard` section in pjsip.conf. Only res_pjsip_config_wizard reads
// wizards, and only from pjsip_wizard.conf; res_pjsip skips the section without a word, so none of the objects it
// was meant to make exist (conformance case i1b).
import type { Finding, TrunkCheck } from '../finding';

export const code = 'pjsip-wizard-outside-wizard-file';

export const pjsipWizardOutsideWizardFile: TrunkCheck = {
  code,
  run({ pbxs }) {
    const out: Finding[] = [];
    for (const pbx of pbxs) {
      for (const m of pbx.pjsip?.misplacedWizards ?? []) {
        const id = m.category.name;
        out.push({
          code,
          severity: 'error',
          message: `type=wizard is read only from pjsip_wizard.conf: in pjsip.conf Asterisk ignores [${id}] without any warning, so there is no endpoint, aor, auth, identify or registration '${id}' at all. Dial(PJSIP/...@${id}) fails at once ("endpoint '${id}' was not found", cause 3) and nothing registers. Move this section to pjsip_wizard.conf.`,
          ...m.type.at,
          related: [],
        });
      }
    }
    return out;
  },
};
