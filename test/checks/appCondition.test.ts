// dialplan-app-condition: GotoIf and GosubIf that cannot choose, on real-looking lines.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findings, summary } from './harness';

const at = (text: string, f: { start: number; end: number }): string => text.slice(f.start, f.end);

describe('dialplan-app-condition', () => {
  it('a constant condition: which branch is taken and which is dead, on the condition itself', () => {
    const text = '[from-internal]\nexten => 100,1,GotoIf(0?closed:open)\n same => n(closed),Playback(closed)\n same => n(open),Dial(PJSIP/100,20)\n';
    const [f] = findings(text);
    assert.equal(f.code, 'dialplan-app-condition');
    assert.equal(f.severity, 'warning');
    assert.equal(at(text, f), '0');
    assert.match(f.message, /'0', a constant: always false .*always goes to 'open'; 'closed' is never taken/);
    // any text that is not a number is true (pbx_checkcondition)
    assert.match(findings('[c]\nexten => 1,1,GotoIf(yes?a:b)\n same => n(a),NoOp()\n same => n(b),NoOp()\n')[0].message, /always true .*always goes to 'a'; 'b' is never taken/);
  });

  it('an empty condition is false; the finding sits on the ?', () => {
    const text = '[c]\nexten => 1,1,GotoIf(?a:b)\n same => n(a),NoOp()\n same => n(b),NoOp()\n';
    const [f] = findings(text);
    assert.equal(at(text, f), '?');
    assert.match(f.message, /empty, so always false .*always goes to 'b'; 'a' is never taken/);
  });

  it('no ? at all: GotoIf never jumps, GosubIf warns and calls nothing; GotoIf() is ignored', () => {
    const text = '[c]\nexten => 1,1,GotoIf($["${CALLERID(num)}" = "100"])\n same => n,GosubIf($[${X} > 1])\n same => n,GotoIf()\n';
    const f = findings(text);
    assert.deepEqual(summary(text), ['dialplan-app-condition@2', 'dialplan-app-condition@3', 'dialplan-app-condition@4']);
    assert.match(f[0].message, /No '\?' in GotoIf.*never jumps/);
    assert.match(f[1].message, /GosubIf requires an argument/);
    assert.match(f[2].message, /Ignoring, since there is no variable to check/);
  });

  it('a condition worked out on the call, and other applications, are left alone', () => {
    assert.deepEqual(summary('[c]\nexten => 1,1,GotoIf($["${DIALSTATUS}" = "BUSY"]?busy)\n same => n,Set(X=0?a:b)\n same => n(busy),NoOp()\n'), []);
  });
});
