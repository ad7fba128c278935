// The silent traps: what Asterisk loads without a word but never does what the author meant.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { applyFix, findings, summary } from './harness';

describe('dialplan traps', () => {
  it('dialplan-no-priority-one: an extension that starts at priority 2 can never be dialed', () => {
    assert.deepEqual(summary('[c]\nexten => 100,2,NoOp()\nexten => 200,hint,SIP/200\n'), ['dialplan-no-priority-one@2']);
  });

  it('dialplan-first-line-next: n on the first line of an extension continues the previous one; the fix writes 1', () => {
    const text = '[c]\nexten => 200,1,NoOp()\nexten => 300,n,NoOp()\n';
    assert.deepEqual(summary(text), ['dialplan-first-line-next@3', 'dialplan-no-priority-one@3']);
    const fixed = applyFix(text, findings(text)[0]);
    assert.equal(fixed, '[c]\nexten => 200,1,NoOp()\nexten => 300,1,NoOp()\n');
    assert.deepEqual(summary(fixed), []);
  });

  it('dialplan-next-after-hint: n after a hint is dropped', () => {
    const text = '[c]\nexten => 400,hint,SIP/400\nexten => 400,n,NoOp()\n';
    assert.deepEqual(summary(text), ['dialplan-next-after-hint@3']);
    assert.deepEqual(summary(applyFix(text, findings(text)[0])), []);
  });

  it('dialplan-lowercase-wildcard: _stdexten-. does not match stdexten-NOANSWER; the fix brackets the letters', () => {
    const text = '[c]\nexten => _stdexten-.,1,NoOp()\nexten => _nxxnxxxxxx,1,NoOp()\n';
    assert.deepEqual(summary(text), ['dialplan-lowercase-wildcard@2']);
    assert.equal(applyFix(text, findings(text)[0]), '[c]\nexten => _stde[x]te[n]-.,1,NoOp()\nexten => _nxxnxxxxxx,1,NoOp()\n');
  });

  it('dialplan-missing-underscore: **99. without _ is a literal; the fix adds the _', () => {
    const text = '[c]\nexten => **99.,1,NoOp()\nexten => XXX,1,NoOp()\nexten => 101,1,NoOp()\nexten => s,1,NoOp()\n';
    assert.deepEqual(summary(text), ['dialplan-missing-underscore@2', 'dialplan-missing-underscore@3']);
    assert.equal(applyFix(text, findings(text)[0]).split('\n')[1], 'exten => _**99.,1,NoOp()');
  });

  it('dialplan-goto-target-missing: contexts, extensions, priorities and labels that do not exist', () => {
    const text = [
      '[c]',
      'exten => 1,1,Goto(nowhere,s,1)',
      'exten => 2,1,Goto(other,999,1)',
      'exten => 3,1,Goto(other,s,7)',
      'exten => 4,1,GotoIf($["${X}" = "1"]?yes:nolabel)',
      ' same => n(yes),NoOp()',
      'exten => 5,1,Gosub(sub,s,1(arg))',
      'exten => 6,1,Macro(missing)',
      'exten => 7,1,Dial(Local/123@other&Local/s@other,20)',
      'exten => 8,1,Goto(${DEST},s,1)',
      'exten => 9,1,Goto(other,s,1)',
      'exten => 10,1,Goto(parkedcalls,701,1)',
      '[other]',
      'exten => s,1,NoOp()',
      '[sub]',
      'exten => s,1,Return()',
      '',
    ].join('\n');
    assert.deepEqual(summary(text), ['dialplan-goto-target-missing@2', 'dialplan-goto-target-missing@3', 'dialplan-goto-target-missing@4', 'dialplan-goto-target-missing@5', 'dialplan-goto-target-missing@8', 'dialplan-goto-target-missing@9']);
    const f = findings(text);
    assert.match(f[0].message, /context 'nowhere', which does not exist/);
    assert.match(f[3].message, /no label 'nolabel'/);
    assert.equal(text.slice(f[3].start, f[3].end), 'nolabel');
    assert.equal(text.slice(f[5].start, f[5].end), 'Local/123@other');
  });

  it('dialplan-new-matcher: says that real results may differ', () => {
    assert.deepEqual(summary('[general]\nextenpatternmatchnew=yes\n[c]\nexten => 1,1,NoOp()\n'), ['dialplan-new-matcher@2']);
  });
});

describe('dialplan reachability', () => {
  it('dialplan-shadowed-extension: earlier candidates take every number; a partial overlap is not reported', () => {
    const text = '[c]\nexten => _1XX,1,NoOp()\nexten => _2XX,1,NoOp()\nexten => _[12]XX,1,NoOp()\nexten => _[123]XX,1,NoOp()\nexten => 101,1,NoOp()\nexten => _101,1,NoOp()\n';
    assert.deepEqual(summary(text), ['dialplan-shadowed-extension@4', 'dialplan-shadowed-extension@7']);
    assert.match(findings(text)[0].message, /tries '_1XX', '_2XX' first, and they take every number/);
  });

  it('ignores candidates without priority 1 and caller-ID variants', () => {
    // _1XX has no priority 1 and _1XX/555 serves one caller: neither takes numbers from _[12]XX
    assert.deepEqual(summary('[c]\nexten => _1XX,2,NoOp()\nexten => _1XX/555,1,NoOp()\nexten => _2XX,1,NoOp()\nexten => _[12]XX,1,NoOp()\n'), ['dialplan-no-priority-one@2']);
  });

  it('dialplan-empty-pattern: a reversed range matches nothing', () => {
    const text = '[c]\nexten => _[5-1]X,1,NoOp()\n';
    assert.deepEqual(summary(text), ['dialplan-empty-pattern@2']);
    assert.match(findings(text)[0].message, /'5-1' runs backwards/);
  });
});

describe('what Asterisk accepts is not reported', () => {
  it('include => parkedcalls (res_parking creates it), autohints, and subroutines entered by label', () => {
    const text = [
      '[c]',
      'autohints = yes',
      'include => parkedcalls',
      'exten => 1,1,Gosub(stdexten,${EXTEN},stdexten(SIP/1))',
      '[stdexten]',
      'exten => _X.,50000(stdexten),NoOp()',
      ' same => n,Return()',
      '',
    ].join('\n');
    assert.deepEqual(summary(text), []);
  });
});
