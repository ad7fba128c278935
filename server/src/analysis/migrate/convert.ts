// TEMP placeholder (dropped at merge): the real converter replaces this file. It turns `SIP/x` into `PJSIP/x`
// in the dialplan files and writes one bare pjsip.conf endpoint per sip.conf peer.
import * as path from 'node:path';
import type { Pbx } from '../../model/pbx';
import type { Workspace } from '../../model/workspace';
import { isDialplanFileName } from '../../model/workspace';
import type { FileChange, Migration, MigrationOptions } from './types';

export function migratePbx(workspace: Workspace, pbx: Pbx, options: MigrationOptions): Migration {
  const changes: FileChange[] = [];
  for (const file of [...workspace.known].filter((f) => path.posix.dirname(f) === pbx.dir && isDialplanFileName(f)).sort()) {
    const before = workspace.host.read(file);
    if (before === undefined) continue;
    const after = before.replace(/\bSIP\//g, 'PJSIP/');
    if (after !== before) changes.push({ file, before, after, backup: null });
  }
  const target = path.posix.join(pbx.dir, options.wizard ? 'pjsip_wizard.conf' : 'pjsip.conf');
  const existing = workspace.host.read(target) ?? null;
  const sections = [...(pbx.sip?.peers.values() ?? [])].map((p) => (options.wizard ? `[${p.name}]\ntype = wizard\n` : `[${p.name}]\ntype = endpoint\n`));
  changes.push({ file: target, before: existing, after: `${existing ?? ''}${sections.join('\n')}`, backup: null });
  const sip = path.posix.join(pbx.dir, 'sip.conf');
  const sipText = workspace.host.read(sip);
  if (sipText !== undefined) changes.push({ file: sip, before: sipText, after: null, backup: `${sip}.chan_sip` });
  return { pbx: pbx.dir, changes, notes: [] };
}
