// The chan_sip lab (test/fixtures/conformance/sip-trunks): two real Asterisk 20 PBXs, one change per case. A checker
// given both PBXs reports at least one error on the line that explains every failure, and no error for a
// healthy case. Here every finding is listed, so an unexpected one fails too.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fileFindings } from '../../server/src/analysis/findings';
import { DiskFileHost } from '../../server/src/model/fileHost';
import { Workspace } from '../../server/src/model/workspace';
import { CONFORMANCE } from '../paths';

const BASE = path.join(CONFORMANCE, 'sip-trunks');

/** Every finding of a case as `severity file:line code`. */
export function caseFindings(dir: string): string[] {
  const ws = new Workspace(new DiskFileHost());
  ws.scan(dir, 100);
  const out: string[] = [];
  for (const file of [...ws.known].sort()) {
    const text = fs.readFileSync(file, 'utf8');
    for (const f of fileFindings(ws, file)) out.push(`${f.severity} ${path.relative(dir, file)}:${text.slice(0, f.start).split('\n').length} ${f.code}`);
  }
  return out;
}

/** `A/sip.conf:19` for every `secret=pass` line of the case's sip.conf files. */
function secretLines(dir: string): string[] {
  return ['A', 'B'].flatMap((side) => {
    const file = path.join(dir, side, 'sip.conf');
    return fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (/^\s*secret\s*=\s*pass\s*$/.test(line) ? [`${side}/sip.conf:${i + 1}`] : []));
  });
}

interface Outcome {
  change: string;
  registrations: { registered: boolean | null }[];
  calls: { outcome: string; sipStatus: number | null }[];
}

/** Faulty as conformance/README.md says: a registration refused or never up, a failed call, or a load ERROR. */
function faulty(o: Outcome): boolean {
  return o.registrations.some((r) => r.registered === false) || o.calls.some((c) => c.outcome !== 'answered');
}

// Every lab's A starts its test calls in [from-users] directly, so nothing in A's configuration leads there.
// Where A registers, B could call A back over its friend, but no dialplan of B does; if it did, A would take the
// INVITE for its own 'wazo-trunk' by address and challenge it, and B would answer as the Contact user it learnt
// from A's REGISTER ('s', '101'), not 'wazo-trunk': 403 (chan_sip parse_register_contact and check_auth; the
// same shape as sip-recognition s21), hence the information on B's friend.
const EXPECTED: Record<string, string[]> = {
  a_reguser: ['warning A/extensions.conf:1 dialplan-unreachable-context', 'error A/sip.conf:12 trunk-register-user-unknown'],
  b_password: ['warning A/extensions.conf:1 dialplan-unreachable-context', 'error A/sip.conf:12 trunk-secret-mismatch', 'error A/sip.conf:19 trunk-secret-mismatch'],
  c1_peername: ['warning A/extensions.conf:1 dialplan-unreachable-context', 'information B/sip.conf:10 trunk-call-refused'],
  c2_username: ['warning A/extensions.conf:1 dialplan-unreachable-context', 'error A/sip.conf:18 trunk-username-mismatch', 'information B/sip.conf:10 trunk-call-refused'],
  d_codec: ['warning A/extensions.conf:1 dialplan-unreachable-context', 'error A/sip.conf:23 trunk-codec-mismatch', 'information B/sip.conf:10 trunk-call-refused'],
  e_wrongport: ['warning A/extensions.conf:1 dialplan-unreachable-context', 'error A/sip.conf:12 trunk-address-mismatch', 'error A/sip.conf:17 trunk-address-mismatch'],
  f_nocontext: ['warning A/extensions.conf:1 dialplan-unreachable-context', 'warning B/extensions.conf:1 dialplan-unreachable-context', 'information B/sip.conf:10 trunk-call-refused', 'error B/sip.conf:14 trunk-context-missing'],
  g_regdomain: ['warning A/extensions.conf:1 dialplan-unreachable-context', 'information B/sip.conf:10 trunk-call-refused'],
  h_noregister: ['warning A/extensions.conf:1 dialplan-unreachable-context', 'error A/sip.conf:14 trunk-dynamic-unrecognised'],
  i_fromuser_noreg: ['warning A/extensions.conf:1 dialplan-unreachable-context'],
  ok: ['warning A/extensions.conf:1 dialplan-unreachable-context', 'information B/sip.conf:10 trunk-call-refused'],
};

describe('sip-trunks conformance (chan_sip, real Asterisk 20.20.1)', () => {
  const cases = fs.readdirSync(BASE).filter((c) => fs.statSync(path.join(BASE, c)).isDirectory());
  it('has the eleven cases', () => assert.deepEqual(cases.sort(), Object.keys(EXPECTED).sort()));
  for (const c of cases) {
    const outcome = JSON.parse(fs.readFileSync(path.join(BASE, c, 'outcome.json'), 'utf8')) as Outcome;
    it(`${c}: ${outcome.change}`, () => {
      const all = caseFindings(path.join(BASE, c));
      // the labs use the seed's secret `pass`: a weak-secret warning on each `secret=pass` line, and nothing else
      const weak = all.filter((f) => f.endsWith(' exposure-weak-secret'));
      assert.deepEqual(weak, secretLines(path.join(BASE, c)).map((l) => `warning ${l} exposure-weak-secret`));
      const found = all.filter((f) => !weak.includes(f));
      assert.deepEqual(found, EXPECTED[c]);
      const errors = found.filter((f) => f.startsWith('error'));
      if (faulty(outcome)) assert.ok(errors.length > 0, 'a faulty case needs an error');
      else assert.deepEqual(errors, [], 'a healthy case has no error');
    });
  }
});
