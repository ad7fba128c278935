// dialplan-substring: ${VAR:offset:length} parts that are no numbers, on real-looking lines.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findings, summary } from './harness';

describe('dialplan-substring', () => {
  it('an offset that is no number: the whole value, on the offset', () => {
    const text = '[outgoing]\nexten => _0X.,1,Dial(PJSIP/${EXTEN:a}@provider,60)\n';
    const [f] = findings(text);
    assert.equal(f.code, 'dialplan-substring');
    assert.equal(text.slice(f.start, f.end), 'a');
    assert.match(f.message, /'a' is no offset: Asterisk reads it as 0, so this is the whole of EXTEN/);
  });

  it('a length that is no number, and text after a number', () => {
    const text = '[c]\nexten => _X.,1,Set(CALLERID(num)=${EXTEN:1:x})\n same => n,Set(X=${EXTEN:2a})\n';
    const f = findings(text);
    assert.deepEqual(f.map((x) => text.slice(x.start, x.end)), ['x', 'a']);
    assert.match(f[0].message, /'x' is no length: Asterisk takes EXTEN to its end from offset 1/);
    assert.match(f[1].message, /after the offset 2, Asterisk ignores 'a'/);
  });

  it('numbers (signed, with blanks), functions with colons in their arguments, and run-time parts are left alone', () => {
    assert.deepEqual(summary('[c]\nexten => _X.,1,Set(A=${EXTEN:-2:2})\n same => n,Set(B=${EXTEN: 1})\n same => n,Set(C=${CUT(X,:,1):1})\n same => n,Set(D=${EXTEN:${X}})\n same => n,Set(E=$[${X} : 2])\n'), []);
  });
});
