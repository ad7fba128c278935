// What Asterisk itself logs while loading a dialplan (pbx/pbx_config.c, main/pbx.c), one code each.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findings, summary } from './harness';

describe('dialplan load warnings', () => {
  it('dialplan-catch-all-pattern: _. and _! are discouraged', () => {
    // (and `_!` comes after `_.`, which takes every number it could)
    assert.deepEqual(summary('[c]\nexten => _.,1,NoOp()\nexten => _!,1,NoOp()\nexten => _X.,1,NoOp()\n'), ['dialplan-catch-all-pattern@2', 'dialplan-catch-all-pattern@3', 'dialplan-shadowed-extension@3']);
  });

  it('dialplan-duplicate-priority: the same priority twice, and an aliased extension (_XXX = _[0-9]XX)', () => {
    const text = '[c]\nexten => 600,1,NoOp(first)\nexten => 600,1,NoOp(second)\nexten => _XXX,1,NoOp()\nexten => _[0-9]XX,1,NoOp()\nexten => 1-0-1,1,NoOp()\nexten => 101,1,NoOp()\n';
    assert.deepEqual(summary(text), ['dialplan-duplicate-priority@3', 'dialplan-duplicate-priority@5', 'dialplan-duplicate-priority@7']);
    const [, alias] = findings(text);
    assert.match(alias.message, /already in use by aliased extension '_XXX'/);
    assert.equal(alias.related.length, 1);
  });

  it('dialplan-same-without-exten', () => {
    assert.deepEqual(summary('[c]\nsame => n,NoOp()\nexten => 1,1,NoOp()\n same => n,NoOp()\n'), ['dialplan-same-without-exten@2']);
  });

  it('dialplan-invalid-priority: n or s first in a context, an unknown label, priority 0, a label without )', () => {
    const text = '[c]\nexten => 1,n,NoOp()\nexten => 2,s,NoOp()\nexten => 3,1,NoOp()\nexten => 3,nolabel,NoOp()\nexten => 4,0,NoOp()\nexten => 5,1(start,NoOp()\n';
    assert.deepEqual(summary(text), ['dialplan-invalid-priority@2', 'dialplan-invalid-priority@3', 'dialplan-invalid-priority@5', 'dialplan-invalid-priority@6', 'dialplan-invalid-priority@7']);
  });

  it('dialplan-include-missing, with a hint when only the case differs; dialplan-duplicate-include ignores case', () => {
    // Asterisk compares includes without case: `include => other` after `include => Other` is dropped,
    // and the one that stays names a context that does not exist.
    const text = '[c]\ninclude => nowhere\ninclude => Other\ninclude => other\ninclude => other\n[other]\n';
    assert.deepEqual(summary(text), ['dialplan-include-missing@2', 'dialplan-include-missing@3', 'dialplan-duplicate-include@4', 'dialplan-duplicate-include@5']);
    assert.match(findings(text)[1].message, /did you mean 'other'/);
  });

  it('dialplan-include-missing names the first context of that name in another case, even one defined later', () => {
    const text = '[c]\ninclude => oTher\n[d]\ninclude => nothing\n[Other]\n[OTHER]\n';
    assert.deepEqual(summary(text), ['dialplan-include-missing@2', 'dialplan-include-missing@4']);
    const [first, second] = findings(text);
    assert.match(first.message, /Context 'c' includes 'oTher', which does not exist \(context names are case-sensitive: did you mean 'Other'\?\)/);
    assert.doesNotMatch(second.message, /did you mean/);
  });

  it('dialplan-include-never-open and dialplan-invalid-time', () => {
    assert.deepEqual(summary('[c]\ninclude => o,*,*,30,feb\ninclude => o,25:00-26:00,*,*,*\ninclude => o,09:00-17:00,mon-fri,*,*\n[o]\n'), ['dialplan-include-never-open@2', 'dialplan-include-never-open@3', 'dialplan-invalid-time@3']);
  });

  it('dialplan-unclosed-bracket: an unclosed [ swallows the rest of the line', () => {
    const text = '[c]\nexten => _1[23,1,NoOp()\n';
    assert.deepEqual(summary(text), ['dialplan-unclosed-bracket@2']);
    assert.equal(
      findings(text)[0].message,
      `The '[' in '_1[23,1,NoOp()' is never closed, so the extension swallows the rest of the line and there is no priority: Asterisk drops this line ("Invalid priority/label ''").`,
    );
  });

  it('quotes what Asterisk logs with balanced quotes in every load message', () => {
    const text = '[c]\nexten => _1[23,1,NoOp()\nexten => 2\nexten => 3,1(x,NoOp()\nexten => 4,0,NoOp()\nsame => n,NoOp()\nexten => 5,n(a),NoOp()\nexten => 5,a+1,NoOp()\n';
    const messages = findings(text).map((f) => `${f.code}: ${f.message}`);
    assert.ok(messages.length >= 5, messages.join('\n'));
    for (const m of messages) assert.equal((m.match(/"/g) ?? []).length % 2, 0, `unbalanced quotes in ${m}`);
  });

  it('dialplan-unknown-directive: a key that means nothing in a context', () => {
    assert.deepEqual(summary('[c]\nexten => 1,1,NoOp()\nexetn => 2,1,NoOp()\n'), ['dialplan-unknown-directive@3']);
  });

  it('reports nothing on a healthy Wazo-style dialplan', () => {
    const text = '[general]\nstatic=yes\n[globals]\nTRUNK=SIP/wazo-trunk\n[from-users]\ninclude => outgoing\nexten => 1001,hint,SIP/1001\nexten => 1001,1,Dial(SIP/1001,20)\n same => n,VoiceMail(1001@default)\n[outgoing]\nexten => _**99.,1,Dial(${TRUNK}/${EXTEN:4},30)\n';
    assert.deepEqual(summary(text), []);
  });
});
