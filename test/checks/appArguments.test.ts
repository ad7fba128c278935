// dialplan-app-arguments: `|` as the argument separator (Asterisk 1.4), on real-looking lines.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { applyFix, findings, summary } from './harness';

describe('dialplan-app-arguments', () => {
  it('Dial(SIP/100|20|tT) gets one argument; the quick fix writes commas', () => {
    const text = '[from-internal]\nexten => 100,1,Dial(SIP/100|20|tT)\n same => n,VoiceMail(100@default|u)\n';
    const f = findings(text);
    assert.deepEqual(f.map((x) => x.code), ['dialplan-app-arguments', 'dialplan-app-arguments']);
    assert.equal(text.slice(f[0].start, f[0].end), 'SIP/100|20|tT');
    assert.match(f[0].message, /Dial gets one argument, 'SIP\/100\|20\|tT'. Write Dial\(SIP\/100,20,tT\)/);
    const fixed = applyFix(applyFix(text, f[1]), f[0]);
    assert.equal(fixed, '[from-internal]\nexten => 100,1,Dial(SIP/100,20,tT)\n same => n,VoiceMail(100@default,u)\n');
    assert.deepEqual(summary(fixed), []);
  });

  it('a | inside an expression, a function, quotes or an argument list with commas is left alone, and so are one-argument applications', () => {
    const text = [
      '[c]',
      'exten => 1,1,Set(RE=${REGEX("a|b" ${X})})',
      ' same => n,NoOp(a|b)',
      ' same => n,ExecIf($[${A} | ${B}]?Hangup())',
      ' same => n,Log(NOTICE,left|right)',
      ' same => n,System(ls | wc -l)',
      ' same => n,Dial(${TRUNK}/${EXTEN:1}@x|y,30)',
      '',
    ].join('\n');
    assert.deepEqual(summary(text), []);
  });
});
