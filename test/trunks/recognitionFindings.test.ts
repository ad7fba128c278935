// The findings of the recognition labs (test/fixtures/conformance/sip-recognition): what `check` says about each
// case, from the same recognition model that simulate uses. Where a call to 101 without a caller ID really failed,
// or a registration was refused, there is an error on the line that causes it; where every such call was answered
// and every registration came up, there is none. Trunks used one way only get at most an information about the
// other direction (s01...: "if B ever calls A over this trunk"). Guest calls get an exposure warning (s03, s19,
// p06, p16b). dialplan-unreachable-context is left out: each lab's caller starts its calls in a context directly.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fileFindings } from '../../server/src/analysis/findings';
import { caseWorkspace, recognitionCases } from './recognitionCases';

const EXPECTED: Record<string, string[]> = {
  c01_chain_sip_pjsip_sip: ['information B/pjsip.conf:11 trunk-call-refused', 'information B/pjsip.conf:40 pjsip-context-missing', 'information C/sip.conf:14 trunk-call-refused'],
  c02_chain_pjsip_sip_pjsip: ['information B/sip.conf:29 trunk-context-missing', 'information C/pjsip.conf:11 trunk-call-refused'],
  m01_sip_registers_to_pjsip: [],
  m02_sip_registers_to_pjsip_no_identify: ['error B/pjsip.conf:11 trunk-call-refused'],
  m03_sip_fromuser_to_pjsip_no_identify: [],
  m04_pjsip_registers_to_sip: [],
  p01_identify_ip: [],
  p02_identify_cidr: [],
  p03_identify_with_port: [],
  p04_identify_port_5060: ['error B/pjsip.conf:35 pjsip-unidentified-calls'],
  p05_identify_hostname: [],
  p06_anonymous_endpoint: ['warning B/pjsip.conf:35 exposure-guest-calls'],
  p07_ip_beats_from_user: [],
  p08_identifier_order_username_first: [],
  p09_three_identifies_same_ip: [],
  p10_inbound_auth_no_outbound_auth: ['error A/pjsip.conf:11 trunk-call-refused'],
  p11_allow_unauthenticated_options: ['error A/pjsip.conf:11 trunk-call-refused'],
  p12_from_user_identify_by_ip: ['error B/pjsip.conf:11 pjsip-unidentified-calls'],
  p13_identify_by_username_with_identify: [],
  p14_endpoint_without_context: ['warning B/pjsip.conf:11 exposure-default-context'],
  p15_registration_contact_user: [],
  p16_identify_match_header: ['information A/pjsip.conf:14 pjsip-context-missing'],
  p16b_match_header_behind_anonymous: ['information A/pjsip.conf:14 pjsip-context-missing', 'warning B/pjsip.conf:40 exposure-guest-calls'],
  p17_endpoint_context_not_in_dialplan: ['error B/pjsip.conf:19 pjsip-context-missing'],
  s01_ip_peer: ['information B/sip.conf:14 trunk-call-refused'],
  s02_ip_peer_no_port: ['error B/sip.conf:16 trunk-call-refused'],
  s03_no_port_allowguest: ['warning B/sip.conf:5 exposure-guest-calls'],
  s04_no_port_insecure_port: [],
  s05_insecure_invite: ['information B/sip.conf:14 trunk-call-refused', 'information B/sip.conf:21 exposure-insecure-invite'],
  s06_no_port_insecure_invite: ['error B/sip.conf:16 trunk-call-refused', 'information B/sip.conf:20 exposure-insecure-invite'],
  s07_provider_insecure_port_invite: ['information B/sip.conf:19 exposure-insecure-invite'],
  s08_no_secret: ['information B/sip.conf:14 trunk-call-refused'],
  s09_wrong_secret: ['error A/sip.conf:19 trunk-secret-mismatch', 'information B/sip.conf:14 trunk-call-refused'],
  s10_a_without_secret: ['error A/sip.conf:18 trunk-call-refused'],
  s11_no_match_alwaysauthreject_no: ['error B/sip.conf:17 trunk-call-refused'],
  s12_fromuser_friend_unregistered: [],
  s13_caller_id_as_from_user: ['error A/sip.conf:14 trunk-dynamic-unrecognised'],
  s14_fromuser_type_peer: ['error B/sip.conf:15 trunk-call-refused'],
  s14b_fromuser_vs_defaultuser: ['error B/sip.conf:17 trunk-call-refused', 'warning B/sip.conf:17 trunk-name-username'],
  s15_caller_id_hits_local_phone: ['information B/sip.conf:14 trunk-call-refused'],
  s16_two_peers_same_address: ['information B/sip.conf:14 trunk-call-refused', 'information B/sip.conf:20 trunk-call-refused'],
  s16b_two_peers_same_address_swapped: ['information B/sip.conf:14 trunk-call-refused', 'information B/sip.conf:20 trunk-call-refused'],
  s17_host_localhost: ['information B/sip.conf:14 trunk-call-refused'],
  s18_peer_without_context: ['information B/sip.conf:14 trunk-call-refused'],
  s19_guest_without_general_context: ['warning B/sip.conf:4 exposure-guest-calls'],
  s20_register_to_static_peer: ['information B/sip.conf:14 trunk-call-refused', 'error B/sip.conf:16 trunk-registration-refused'],
  s21_one_way_trunk_b_calls_a: ['error B/sip.conf:14 trunk-call-refused'],
  s22_one_way_trunk_no_secret_on_a: [],
};

function findingsOf(dir: string): { line: string; file: string; lineNo: number; severity: string; code: string }[] {
  const ws = caseWorkspace(dir);
  const out: { line: string; file: string; lineNo: number; severity: string; code: string }[] = [];
  for (const file of [...ws.known].sort()) {
    const text = fs.readFileSync(file, 'utf8');
    for (const f of fileFindings(ws, file)) {
      if (f.code === 'dialplan-unreachable-context') continue;
      const rel = path.relative(dir, file);
      const lineNo = text.slice(0, f.start).split('\n').length;
      out.push({ line: `${f.severity} ${rel}:${lineNo} ${f.code}`, file: rel, lineNo, severity: f.severity, code: f.code });
    }
  }
  return out;
}

describe('sip-recognition findings (chan_sip, chan_pjsip, mixed; real Asterisk 20.20.1)', () => {
  const cases = recognitionCases();
  it('has every case', () => assert.deepEqual(cases.map((c) => c.name), Object.keys(EXPECTED).sort()));
  for (const { name, dir, outcome } of cases) {
    it(`${name}: ${outcome.change}`, () => {
      const found = findingsOf(dir);
      assert.deepEqual(found.map((f) => f.line), EXPECTED[name]);
      const errors = found.filter((f) => f.severity === 'error');
      const plainCallsTo101 = outcome.calls.filter((c) => c.number.endsWith('101') && !c.callerId);
      const refused = outcome.registrations.filter((r) => !r.registered);
      if (refused.length === 0 && plainCallsTo101.every((c) => c.outcome === 'answered')) assert.deepEqual(errors, [], 'no error where everything worked');
      if (plainCallsTo101.some((c) => c.outcome !== 'answered')) assert.ok(errors.length > 0, 'a failed call has an error');
      for (const r of refused) {
        // the refused registration's error is on the line the far side decides it by (s20: B's host=, not dynamic)
        const text = fs.readFileSync(path.join(dir, r.to, 'sip.conf'), 'utf8').split('\n');
        const at = errors.find((e) => e.code === 'trunk-registration-refused');
        assert.ok(at, 'a refused registration has an error');
        assert.match(text[at.lineNo - 1], /^host=/);
        assert.equal(at.file, `${r.to}/sip.conf`);
      }
    });
  }
});
