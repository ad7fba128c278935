// TEMP placeholder (dropped at merge): the real proof replaces this file. It dials each literal extension of each
// context of the migrated PBXs, before and after (sip.conf read as empty), and compares where the calls end.
import * as path from 'node:path';
import { OverlayFileHost } from '../../model/fileHost';
import { pbxsOf } from '../../model/pbx';
import { Workspace } from '../../model/workspace';
import { simulate } from '../simulate/simulate';
import type { CallSummary, Migration, Proof } from './types';

export function proveMigration(workspace: Workspace, migrations: Migration[]): Proof {
  const host = new OverlayFileHost(workspace.host);
  const after = new Workspace(host);
  for (const f of workspace.known) after.addKnown(f);
  for (const m of migrations) for (const c of m.changes) {
    host.overlay.set(c.file, c.after ?? '');
    after.addKnown(c.file);
  }
  const rows: Proof['rows'] = [];
  for (const m of migrations) {
    const pbx = pbxsOf(workspace).find((p) => p.dir === m.pbx);
    for (const c of pbx?.dialplan?.contexts.values() ?? []) {
      for (const e of c.extensions) {
        if (e.name.startsWith('_') || rows.length >= 40) continue;
        const run = (w: Workspace): CallSummary => {
          const r = simulate(w, { number: e.name, from: { pbx: pbx!.name, kind: 'context', name: c.name }, callerId: null });
          return { kind: r.outcome.kind, pbx: r.outcome.pbx, context: r.outcome.context ?? '', exten: r.outcome.extension ?? '', text: `${r.outcome.kind} ${r.outcome.extension ?? ''} in ${r.outcome.context ?? '?'} on ${r.outcome.pbx || path.posix.basename(m.pbx)}` };
        };
        const before = run(workspace);
        const later = run(after);
        const same = before.text === later.text;
        rows.push({ origin: { kind: 'context', pbx: pbx!.name, name: c.name }, number: e.name, before, after: later, same, reason: same ? null : 'differs (placeholder proof)' });
      }
    }
  }
  return { rows, trunks: [] };
}
