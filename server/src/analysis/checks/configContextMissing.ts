// config-context-missing: a context named in another configuration file of the PBX (queues.conf, voicemail.conf,
// features.conf, users.conf, iax.conf, ...) that its dialplan does not define. (Peers and endpoints have their
// own checks: trunk-context-missing, pjsip-context-missing.) Asterisk says nothing until a call needs it.
import * as path from 'node:path';
import { nonDialplanFiles } from '../../model/pbx';
import type { Finding, TrunkCheck } from '../finding';
import { located } from '../../model/sip';
import { CONTEXT_KEYS } from './unreachableContext';

export const code = 'config-context-missing';

const OWN_CHECKS = new Set(['sip.conf', 'pjsip.conf', 'pjsip_wizard.conf', 'ivozprovider.conf']);

export const configContextMissing: TrunkCheck = {
  code,
  run({ pbxs, workspace }) {
    const out: Finding[] = [];
    for (const pbx of pbxs) {
      const plan = pbx.dialplan;
      if (!plan) continue;
      for (const file of nonDialplanFiles(workspace, pbx)) {
        const base = path.posix.basename(file);
        if (OWN_CHECKS.has(base) || !base.endsWith('.conf')) continue;
        for (const s of workspace.document(file)?.sections ?? []) {
          for (const i of s.items) {
            if (i.type !== 'Assignment' || !CONTEXT_KEYS.has(i.key.text.toLowerCase())) continue;
            const name = i.value.text;
            if (name === '' || /\$[{[]/.test(name) || plan.contexts.has(name) || plan.runtimeContexts.has(name)) continue;
            out.push({ code, severity: 'warning', message: `${base} sends calls to context '${name}' (${i.key.text} in [${s.name.text}]), which ${pbx.name}'s dialplan does not define: such calls fail when they get there.`, ...located(file, i.value), related: [] });
          }
        }
      }
    }
    return out;
  },
};
