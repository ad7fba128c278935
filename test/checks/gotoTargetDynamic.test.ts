// dialplan-goto-target-missing on targets built at run time (issue 14): a context written as it is must exist
// whatever the variable parts become.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findings, summary } from './harness';

describe('dialplan-goto-target-missing with run-time parts', () => {
  it('Goto(nowhere,${EXTEN},1) and Local/${EXTEN}@nowhere name a missing context', () => {
    const text = '[from-internal]\nexten => _1XX,1,Goto(nowhere,${EXTEN},1)\n same => n,Dial(Local/${EXTEN}@voicemial/n,20)\n[voicemail]\nexten => _X.,1,VoiceMail(${EXTEN}@default)\n';
    const f = findings(text);
    assert.deepEqual(summary(text), ['dialplan-goto-target-missing@2', 'dialplan-goto-target-missing@3']);
    assert.match(f[0].message, /Goto names context 'nowhere', which does not exist \(the rest of the target is built at run time\)/);
    assert.match(f[1].message, /Local channel names context 'voicemial'/);
  });

  it('a context that exists, or one built at run time, is left alone', () => {
    assert.deepEqual(summary('[c]\nexten => _X.,1,Goto(c,${EXTEN},1)\n same => n,Goto(${CTX},${EXTEN},1)\n same => n,Dial(Local/${EXTEN}@c/n)\n same => n,Macro(${M})\n'), []);
  });
});
