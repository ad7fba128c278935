// pjsip-wizard-incomplete: a pjsip_wizard.conf section that res_pjsip_config_wizard refuses to turn into one of its
// objects (sends_auth without outbound_auth/username, remote_hosts missing when it must make an identify or
// registrations). Asterisk logs an ERROR at load and that object does not exist.
import type { Finding, TrunkCheck } from '../finding';

export const code = 'pjsip-wizard-incomplete';

export const pjsipWizardIncomplete: TrunkCheck = {
  code,
  run({ pbxs }) {
    const out: Finding[] = [];
    for (const pbx of pbxs) {
      for (const e of pbx.pjsip?.wizardErrors ?? []) {
        out.push({
          code,
          severity: 'error',
          message: `Asterisk logs ERROR "${e.message}" and "Unable to create objects for wizard '${e.wizard.id}'" at load: this wizard makes no ${e.type}.`,
          ...e.at,
          related: [],
        });
      }
    }
    return out;
  },
};
