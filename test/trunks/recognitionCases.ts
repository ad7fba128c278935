// The recognition labs' cases, and a simulation of their calls shown as the recorder writes them.
// The recognition labs (test/fixtures/conformance/sip-recognition): two or three real Asterisk 20.20.1 PBXs, chan_sip,
// chan_pjsip or both, each case one change from a healthy base. Every recorded call is simulated: each PBX runs
// the steps it really ran (context, ${EXTEN}, priority, application, substituted data: so the caller's DIALSTATUS,
// HANGUPCAUSE and the SIP status in TECHCAUSE too), and each trunk crossed is taken as the section the far side
// really matched (or none).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { simulate } from '../../server/src/analysis/simulate/simulate';
import { DiskFileHost } from '../../server/src/model/fileHost';
import { Workspace } from '../../server/src/model/workspace';
import type { SimulateDialResult } from '../../server/src/protocol';
import { CONFORMANCE } from '../paths';

export const RECOGNITION = path.join(CONFORMANCE, 'sip-recognition');

export interface RecognitionCall {
  from: string;
  context: string;
  number: string;
  callerId?: string;
  outcome: string;
  sipStatus: number | null;
  executed: string[];
  hops: { pbx: string; channel?: string; peer?: string | null; endpoint?: string; guest?: boolean }[];
  recognisedAs: { pbx: string; as: string | null; by: string }[];
}

export interface RecognitionCase {
  case: string;
  change: string;
  registrations: { from: string; to: string; registered: boolean; responses: number[] }[];
  calls: RecognitionCall[];
}

export function recognitionCases(): { name: string; dir: string; outcome: RecognitionCase }[] {
  return fs
    .readdirSync(RECOGNITION)
    .filter((n) => fs.existsSync(path.join(RECOGNITION, n, 'outcome.json')))
    .sort()
    .map((name) => ({ name, dir: path.join(RECOGNITION, name), outcome: JSON.parse(fs.readFileSync(path.join(RECOGNITION, name, 'outcome.json'), 'utf8')) as RecognitionCase }));
}

export function caseWorkspace(dir: string): Workspace {
  const ws = new Workspace(new DiskFileHost());
  ws.scan(dir, 100);
  return ws;
}

/** The steps of a simulation as the recorder writes them: `B [101@from-a:1] NoOp("B from-a 101")`. */
export function executedSteps(r: SimulateDialResult): string[] {
  const first = r.hops[0]?.channel;
  // the caller's own channel on its PBX, and the channels the trunks started on the others (not a pre-dial
  // handler's outgoing channel, which the recording leaves out)
  const shown = r.hops.filter((h) => (h.pbx === r.from.pbx ? h.channel === first : /^(SIP|PJSIP)\//.test(h.channel)));
  const byPbx = new Map<string, string[]>();
  for (const h of shown) {
    const list = byPbx.get(h.pbx) ?? [];
    list.push(`${h.pbx} [${h.exten}@${h.context}:${h.priority}] ${h.app}("${h.data}")`);
    byPbx.set(h.pbx, list);
  }
  return [...byPbx.keys()].sort().flatMap((p) => byPbx.get(p)!);
}

export function simulateCall(ws: Workspace, call: RecognitionCall): SimulateDialResult {
  return simulate(ws, { number: call.number, from: { kind: 'context', name: call.context, pbx: call.from }, callerId: call.callerId ?? null, when: new Date(Date.UTC(2026, 11, 1, 12)) });
}

