// trunk-context-missing: calls from a peer start in its context (or [general]'s, or `default`); if the PBX's
// dialplan has no such context, every call from that peer is refused with 404, and Asterisk says nothing at load.
import * as path from 'node:path';
import type { Finding, TrunkCheck } from '../findings';

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
        out.push({
          code,
          severity: 'error',
          message: `Calls from '${peer.name}' start in ${where} '${ctx.name}', which ${pbx.name}'s dialplan does not define: every call from it is refused with 404, with no warning when Asterisk loads.`,
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
