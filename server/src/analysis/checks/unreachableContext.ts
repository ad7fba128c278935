// dialplan-unreachable-context: a context no call can get into. Entry points: every `context=` (and the other
// keys naming a context) in the PBX's other config files (peers, endpoints, users, queues, voicemail...),
// chan_sip's [general] context (guests) or `default`, and contexts created at run time (parkedcalls); from
// there, includes, Goto/Gosub/GotoIf/Macro, Dial options and Local/ channels. Checked only for a PBX whose
// folder holds a channel configuration (otherwise the entry points are unknown).
import * as path from 'node:path';
import { nonDialplanFiles } from '../../model/pbx';
import type { Finding, TrunkCheck } from '../finding';
import { hasDynamicJumps, reachableContexts } from '../trunks/exposure';
import type { ConfigDocument } from '../../parser/ast';
import { objectsOf, option } from '../../model/pjsip';

export const code = 'dialplan-unreachable-context';

/** Keys whose value names a dialplan context, in any config file. */
export const CONTEXT_KEYS = new Set(['context', 'subscribecontext', 'dialout', 'callback', 'exitcontext', 'parkingcontext', 'outgoing_context', 'incoming_context', 'userscontext']);
const CHANNEL_FILES = ['sip.conf', 'pjsip.conf', 'pjsip_wizard.conf', 'iax.conf', 'users.conf', 'chan_dahdi.conf'];

export const unreachableContext: TrunkCheck = {
  code,
  run({ pbxs, workspace }) {
    const out: Finding[] = [];
    for (const pbx of pbxs) {
      const plan = pbx.dialplan;
      if (!plan) continue;
      const files = nonDialplanFiles(workspace, pbx);
      if (!files.some((f) => CHANNEL_FILES.includes(path.posix.basename(f)))) continue;
      const entries = new Set<string>(plan.runtimeContexts);
      for (const f of files) {
        const doc = workspace.document(f);
        for (const s of doc?.sections ?? []) {
          for (const i of s.items) if (i.type === 'Assignment' && CONTEXT_KEYS.has(i.key.text.toLowerCase())) entries.add(i.value.text);
        }
      }
      if (pbx.sip) entries.add(pbx.sip.general.get('context')?.assignment.value.text ?? 'default');
      // pjsip endpoints, those a pjsip_wizard.conf wizard makes included (`endpoint/context = ...`)
      if (pbx.pjsip) for (const e of objectsOf(pbx.pjsip, 'endpoint')) entries.add(option(e, 'context')?.text ?? 'default');
      const reached = reachableContexts(plan, entries);
      // an #exec can add anything, and so can a jump whose context is built at run time
      const dynamic = files.some((f) => hasExec(workspace.document(f))) || hasDynamicJumps(plan, reached);
      for (const ctx of plan.contexts.values()) {
        if (reached.has(ctx.name)) continue;
        const c = ctx.categories[0];
        out.push({
          code,
          severity: dynamic ? 'information' : 'warning',
          message: `No call can get into '${ctx.name}': no peer, endpoint or other configuration names it, and no include, Goto, Gosub, Macro, Dial option or Local channel leads here from a context that calls enter.${dynamic ? ' (An #exec or a jump built at run time might, so this is only a note.)' : ''}`,
          file: c.file,
          start: c.section.name.start,
          end: c.section.name.end,
          related: [],
        });
      }
    }
    return out;
  },
};

function hasExec(doc: ConfigDocument | undefined): boolean {
  return doc !== undefined && doc.directives.some((d) => d.kind === 'exec');
}
