// The recognition labs (test/fixtures/conformance/sip-recognition): two or three real Asterisk 20.20.1 PBXs, chan_sip,
// chan_pjsip or both, each case one change from a healthy base. Every recorded call is simulated: each PBX runs
// the steps it really ran (context, ${EXTEN}, priority, application, substituted data: so the caller's DIALSTATUS,
// HANGUPCAUSE and the SIP status in TECHCAUSE too), and each trunk crossed is taken as the section the far side
// really matched (or none).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { caseWorkspace, executedSteps, recognitionCases, simulateCall } from './recognitionCases';
import type { RecognitionCall } from './recognitionCases';

const label = (c: RecognitionCall): string => `${c.from} ${c.number}${c.callerId ? ` (caller ID ${c.callerId})` : ''}`;

describe('sip-recognition conformance (chan_sip, chan_pjsip, mixed, chains; real Asterisk 20.20.1)', () => {
  const cases = recognitionCases();
  it('has the 48 cases and their 125 calls', () => {
    assert.equal(cases.length, 48);
    assert.equal(cases.reduce((n, c) => n + c.outcome.calls.length, 0), 125);
  });
  for (const { name, dir, outcome } of cases) {
    it(`${name}: ${outcome.change}`, () => {
      const ws = caseWorkspace(dir);
      for (const call of outcome.calls) {
        const r = simulateCall(ws, call);
        const sorted = [...call.executed].sort((a, b) => a[0].localeCompare(b[0]));
        assert.deepEqual(executedSteps(r), sorted, `${label(call)}: the steps each PBX ran`);
        assert.deepEqual(
          (r.crossings ?? []).map((c) => ({ pbx: c.to, as: c.as })),
          call.recognisedAs.map((x) => ({ pbx: x.pbx, as: x.as })),
          `${label(call)}: the section each far side took the call as`,
        );
      }
    });
  }
});
