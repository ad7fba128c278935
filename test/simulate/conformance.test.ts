// `pbx-interconnect simulate` against what real Asterisk did: every dialplan-match case (the `match` of the JSON
// is the case's `expect`, plus `file`), and every sip-trunks and pjsip-trunks lab (`**99101` dialed in from-users
// on A reaches B's Incalls 101 where the lab's call was answered, is rejected with the lab's SIP status where B
// refused it, and reaches nothing on B where A sent no INVITE). The CLI runs in this process (runCli, what the bin
// calls); test/unit/cli.test.ts runs the bin itself.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/run';
import { CONFORMANCE } from '../paths';

interface Json {
  number: string;
  from: { pbx: string; context: string };
  match: Record<string, unknown>;
  hops: { pbx: string; context: string; extension: string; callerIdPattern?: string; priority: number; file: string; line: number; app: string; data: string }[];
  outcome: { kind: string; pbx: string; context: string | null; extension: string | null; sipStatus: number | null; reason: string };
}

export function simulateCli(args: string[], cwd: string): { status: number; json: Json; stderr: string } {
  let out = '';
  let err = '';
  const status = runCli(['simulate', ...args, '--json'], { cwd, out: (s) => (out += s), err: (s) => (err += s) });
  assert.notEqual(status, 2, err);
  return { status, json: JSON.parse(out) as Json, stderr: err };
}

function simulateText(args: string[]): string {
  let out = '';
  runCli(['simulate', ...args], { cwd: process.cwd(), out: (s) => (out += s), err: () => undefined });
  return out;
}

describe('simulate: every dialplan-match case', () => {
  const dir = path.join(CONFORMANCE, 'dialplan-match');
  const cases = (JSON.parse(fs.readFileSync(path.join(dir, 'cases.json'), 'utf8')) as { cases: { number: string; context: string; callerId?: string; expect: Record<string, unknown> }[] }).cases;
  it(`matches all ${cases.length} cases as Asterisk did, with the file`, () => {
    for (const c of cases) {
      const args = [c.number, '--from', c.context, '--at', '2026-11-22T12:00:00Z', ...(c.callerId !== undefined ? ['--caller-id', c.callerId] : [])];
      const { status, json } = simulateCli(args, dir);
      const expected = c.expect.result === 'match' ? { ...c.expect, file: 'extensions.conf' } : c.expect;
      assert.deepEqual(json.match, expected, `${c.number} in ${c.context}`);
      if (c.expect.result !== 'match') {
        assert.equal(json.outcome.kind, c.expect.result, `${c.number} in ${c.context}: the outcome is the failure`);
        assert.equal(status, 1);
        continue;
      }
      // the first hop is the matched line itself, its caller-ID part apart as `match` gives it
      assert.equal(json.hops[0].line, c.expect.line, `${c.number} in ${c.context}`);
      assert.equal(json.hops[0].extension, c.expect.extension);
      assert.equal(json.hops[0].callerIdPattern, c.expect.callerIdPattern);
    }
  });
});

interface Lab {
  calls: { context: string; number: string; outcome: string; sipStatus: number | null; hops: { pbx: string; context: string; extension: string; dial?: string; priority?: number }[] }[];
}

for (const kind of ['sip-trunks', 'pjsip-trunks']) {
  describe(`simulate: every ${kind} lab`, () => {
    const base = path.join(CONFORMANCE, kind);
    for (const name of fs.readdirSync(base).filter((n) => fs.existsSync(path.join(base, n, 'outcome.json'))).sort()) {
      const lab = JSON.parse(fs.readFileSync(path.join(base, name, 'outcome.json'), 'utf8')) as Lab;
      const call = lab.calls[0];
      it(`${name}: ${call.outcome}${call.sipStatus ? ` ${call.sipStatus}` : ''}`, () => {
        const { status, json } = simulateCli([call.number, '--from', `A:${call.context}`, '--pbx', path.join(base, name)], process.cwd());
        // A's side: the extension that dials, and the device it dials, as the lab logged them
        const first = call.hops[0];
        assert.equal(json.hops[0].pbx, 'A');
        assert.equal(json.hops[0].extension, first.extension);
        const dial = json.hops.find((h) => h.app === 'Dial');
        assert.ok(dial, 'A dials');
        assert.equal(dial.data.split(',')[0], first.dial);
        const onB = json.hops.filter((h) => h.pbx === 'B');
        if (call.outcome === 'answered' || call.sipStatus !== null) {
          // the INVITE carries 101: `${EXTEN:4}` dropped the **99
          const text = simulateText([call.number, '--from', `A:${call.context}`, '--pbx', path.join(base, name)]);
          assert.match(text, /number: \*\*99101 -> 101 \(Dial\((SIP|PJSIP)\/[^)]*\) through the trunk to B\)/);
        }
        if (call.outcome === 'answered') {
          const reached = call.hops[1];
          assert.deepEqual({ kind: json.outcome.kind, pbx: json.outcome.pbx, context: json.outcome.context, extension: json.outcome.extension }, { kind: 'extension', pbx: 'B', context: reached.context, extension: reached.extension });
          assert.deepEqual([onB[0].context, onB[0].extension, onB[0].priority], [reached.context, reached.extension, reached.priority]);
          assert.equal(status, 0);
        } else if (call.sipStatus !== null) {
          assert.deepEqual({ kind: json.outcome.kind, pbx: json.outcome.pbx, sipStatus: json.outcome.sipStatus }, { kind: 'rejected', pbx: 'B', sipStatus: call.sipStatus });
          assert.deepEqual(onB, [], 'B runs nothing');
          assert.equal(status, 1);
        } else {
          // A sent no INVITE
          assert.deepEqual({ kind: json.outcome.kind, pbx: json.outcome.pbx, sipStatus: json.outcome.sipStatus }, { kind: 'rejected', pbx: 'A', sipStatus: null });
          assert.deepEqual(onB, [], 'nothing reaches B');
          assert.match(json.outcome.reason, /cannot leave A/);
        }
        assert.ok(json.outcome.reason.length > 40, 'the outcome says why');
      });
    }
  });
}
