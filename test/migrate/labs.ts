// Ground-truth helpers: converts the PBXs of a lab into a temporary folder through `pbx-interconnect migrate --out`,
// then reads its findings and simulates calls, as test/trunks/sipTrunks.test.ts and test/simulate/conformance.test.ts
// do for the labs themselves.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileFindings } from '../../server/src/analysis/findings';
import { runCli } from '../../server/src/cli/run';
import { DiskFileHost } from '../../server/src/model/fileHost';
import { Workspace } from '../../server/src/model/workspace';

export function migrateLab(lab: string, sides: string[], extra: string[] = []): string {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-migrate-'));
  for (const side of sides) {
    let err = '';
    const status = runCli(['migrate', '--pbx', path.join(lab, side), '--out', path.join(tmp, side), ...extra], { cwd: process.cwd(), out: () => undefined, err: (s) => (err += s) });
    if (status !== 0) throw new Error(`migrate ${side}: ${status} ${err}`);
  }
  return tmp;
}

/** Every finding of a folder as `severity file:line code`. */
export function findingsOf(dir: string): string[] {
  const ws = new Workspace(new DiskFileHost());
  ws.scan(dir, 1000);
  const out: string[] = [];
  for (const file of [...ws.known].sort()) {
    const text = fs.readFileSync(file, 'utf8');
    for (const f of fileFindings(ws, file)) out.push(`${f.severity} ${path.relative(dir, file)}:${text.slice(0, f.start).split('\n').length} ${f.code}`);
  }
  return out;
}

export interface Simulated {
  status: number;
  outcome: { kind: string; pbx: string; context: string | null; extension: string | null; sipStatus: number | null; reason: string };
  hops: { pbx: string; app?: string; data?: string }[];
}

export function simulateIn(dirs: string[], number: string, from: string, extra: string[] = []): Simulated {
  let out = '';
  const status = runCli(['simulate', number, '--from', from, ...dirs.flatMap((d) => ['--pbx', d]), ...extra, '--json'], { cwd: process.cwd(), out: (s) => (out += s), err: () => undefined });
  const json = JSON.parse(out) as Omit<Simulated, 'status'>;
  return { status, ...json };
}
