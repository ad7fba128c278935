// The calls the proof places: which numbers a context offers (literal extensions, pattern samples, trunk numbers),
// what is skipped (h, i, t, s..., hints alone), and the bounds (numbers per origin, calls in all).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { MAX_CALLS, MAX_NUMBERS, numbersOf, patternSamples, planCalls } from '../../server/src/analysis/migrate/calls';
import { matchExtension } from '../../server/src/model/extensionName';
import { workspaceOf } from './wazoMigration';

function plan(text: string): NonNullable<ReturnType<typeof planOf>> {
  return planOf(text)!;
}
function planOf(text: string) {
  const ws = workspaceOf({ '/p/x/extensions.conf': text });
  return ws.dialplanFor('/p/x/extensions.conf');
}

describe('numbersOf', () => {
  it('takes literal extensions and one sample per pattern through the includes, skipping what a caller does not dial', () => {
    const p = plan(`[in]
include => more
exten => 100,1,Answer()
exten => 101,hint,SIP/101
exten => s,1,Answer()
exten => h,1,NoOp()
exten => i,1,NoOp()
exten => t,1,NoOp()
exten => _NXXNXXXXXX,1,Dial(SIP/trunk/\${EXTEN})
[more]
exten => 200,1,Answer()
exten => _9XXX,1,Answer()
[elsewhere]
exten => 300,1,Answer()
`);
    const n = numbersOf(p, 'in');
    assert.deepEqual(n.filter((x) => /^[0-9]{3}$/.test(x)), ['100', '200']);
    const samples = n.filter((x) => x.length > 3);
    assert.equal(samples.length, 2);
    assert.ok(matchExtension('_NXXNXXXXXX', samples.find((x) => x.length === 10)!, 'match') !== 0);
    assert.ok(matchExtension('_9XXX', samples.find((x) => x.length === 4)!, 'match') !== 0);
    assert.ok(!n.includes('300'), 'a context not included is not offered');
  });

  it("completes a pattern's literal prefix with the far side's numbers when the pattern takes them", () => {
    assert.deepEqual(patternSamples('_**99.', ['101', '102']).slice(-2), ['**99101', '**99102']);
    assert.ok(patternSamples('_9XXX', ['201', '2001']).includes('9201'));
    assert.ok(!patternSamples('_9XXX', ['201', '2001']).includes('92001'), 'the pattern does not take it');
    assert.equal(patternSamples('_X.', ['101']).length, 1, 'no prefix, no trunk numbers');
  });

  it(`stops at ${MAX_NUMBERS} numbers a context`, () => {
    const lines = Array.from({ length: 150 }, (_, i) => `exten => ${1000 + i},1,Answer()`).join('\n');
    assert.equal(numbersOf(plan(`[in]\n${lines}\n`), 'in').length, MAX_NUMBERS);
  });
});

describe('planCalls', () => {
  it(`stops at ${MAX_CALLS} calls in all and says so`, () => {
    const phones = Array.from({ length: 15 }, (_, i) => `[p${i}]\ntype=friend\nhost=dynamic\ncontext=in\n`).join('\n');
    const exts = Array.from({ length: 90 }, (_, i) => `exten => ${1000 + i},1,Answer()`).join('\n');
    const ws = workspaceOf({ '/p/x/extensions.conf': `[in]\n${exts}\n`, '/p/x/sip.conf': `[general]\ncontext=in\n${phones}` });
    const planned = planCalls(ws, ws, new Set(['/p/x']));
    assert.equal(planned.calls.reduce((n, c) => n + c.numbers.length, 0), MAX_CALLS);
    assert.equal(planned.notes.length, 1);
    assert.match(planned.notes[0], new RegExp(`stops at ${MAX_CALLS} calls`));
    assert.ok(planned.calls.every((c) => c.origin.kind === 'phone'));
  });

  it('plans nothing for a PBX not migrated', () => {
    const ws = workspaceOf({ '/p/x/extensions.conf': '[in]\nexten => 1,1,Answer()\n', '/p/x/sip.conf': '[a]\ntype=friend\nhost=dynamic\ncontext=in\n' });
    assert.deepEqual(planCalls(ws, ws, new Set(['/p/y'])).calls, []);
  });
});
