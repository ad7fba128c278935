// trunk-context-missing: calls from a peer start in its context (or [general]'s, or `default`); if the PBX's
// dialplan has no such context, every call from that peer is refused with 404, and Asterisk says nothing at load.
import * as path from 'node:path';
import type { Finding, TrunkCheck } from '../finding';
import { incomingUse } from '../trunks/direction';

export const code = 'trunk-context-missing';

export const trunkContextMissing: TrunkCheck = {
  code,
  run({ pbxs, workspace }) {
    const out: Finding[] = [];
    for (const pbx of pbxs) {
      if (!pbx.sip || !pbx.dialplan) continue;
      for (const peer of pbx.sip.peers.values()) {
        const ctx = peer.context;
        if (pbx.dialplan.contexts.has(ctx.name)) continue;
        const where = ctx.from === 'peer' ? 'its context' : ctx.from === 'general' ? "[general]'s context (it sets none)" : 'the context `default` (no context= here nor in [general])';
        // direction (sip-recognition s21, s22, c02): only calls the far side really sends make it an error
        const { use, senders } = incomingUse(pbxs, pbx, peer);
        const problem = `Calls from '${peer.name}' start in ${where} '${ctx.name}', which ${pbx.name}'s dialplan does not define`;
        out.push({
          code,
          severity: use === 'never' ? 'information' : 'error',
          message:
            use === 'never'
              ? `If ${senders.map((p) => p.name).join(' or ')} ever calls ${pbx.name} over this trunk (no dialplan there dials it today): ${problem[0].toLowerCase()}${problem.slice(1)}, so such a call is refused with 404.`
              : `${problem}: every call from it is refused with 404, with no warning when Asterisk loads.`,
          ...(ctx.from === 'peer' && ctx.at ? ctx.at : peer.header),
          related: [],
          fixes: createContext(workspace.document(path.posix.join(pbx.dir, 'extensions.conf'))?.length, path.posix.join(pbx.dir, 'extensions.conf'), ctx.name),
        });
      }
    }
    return out;
  },
};

/** Appends an empty context (with a comment saying what to put there) to the PBX's extensions.conf. */
function createContext(length: number | undefined, file: string, name: string): Finding['fixes'] {
  if (length === undefined) return undefined;
  return [{ title: `Create context [${name}] in extensions.conf`, edits: [{ file, start: length, end: length, text: `\n[${name}]\n; calls from the trunk arrive here: add the numbers it may reach, e.g. exten => 101,1,Dial(SIP/someone)\n` }] }];
}
