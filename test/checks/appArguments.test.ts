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

/** The text each finding of the code covers, with its message. */
function covered(text: string, code = 'dialplan-app-arguments'): { text: string; message: string }[] {
  return findings(text)
    .filter((f) => f.code === code)
    .map((f) => ({ text: text.slice(f.start, f.end), message: f.message }));
}

describe('dialplan-app-arguments: how many arguments', () => {
  it('one argument too many goes to the last one, commas included (ast_app_separate_args)', () => {
    const text = '[from-internal]\nexten => 100,1,Dial(PJSIP/100,20,tT,,extra)\n same => n,Playback(hello-world,noanswer,again)\n same => n,Wait(2,3)\n';
    const got = covered(text);
    assert.deepEqual(got.map((g) => g.text), ['extra', 'again', '3']);
    assert.match(got[0].message, /Dial takes at most 4 arguments \(Technology\/Resource, timeout, options, URL\); here 5\. Asterisk hands the rest, ',extra', to URL as one text/);
    assert.match(got[1].message, /Playback takes at most 2 arguments .* the rest, 'noanswer,again', to options/);
    assert.match(got[2].message, /Wait takes at most 1 argument \(seconds\); here 2/);
  });

  it('an application that takes none, and one missing its required arguments', () => {
    const text = '[c]\nexten => 1,1,Answer()\n same => n,Progress(now)\n same => n,Dial()\n same => n,Log(NOTICE)\n same => n,SayAlphaCase(u)\n same => n,QueueLog(support,${UNIQUEID})\n';
    const got = covered(text);
    assert.deepEqual(got.map((g) => g.text), ['now', 'Dial', 'NOTICE', 'u']);
    assert.match(got[0].message, /Progress takes no argument: 'now' is ignored/);
    assert.match(got[1].message, /Dial needs at least 1 argument \(Technology\/Resource\); it has none/);
    assert.match(got[2].message, /Log needs at least 2 arguments \(level, message\); here 1, so message is missing/);
  });

  it('free text keeps its commas; variadic applications and substituted data are not counted', () => {
    const text = [
      '[c]',
      'exten => 1,1,Verbose(1,Calling ${EXTEN}, then voicemail)',
      ' same => n,NoOp(a,b,c)',
      ' same => n,Log(NOTICE,one,two)',
      ' same => n,AGI(agi://127.0.0.1/route,${EXTEN},${CALLERID(num)},x)',
      ' same => n,Macro(dial,a,b,c,d)',
      ' same => n,MSet(A=1,B=2,C=3)',
      ' same => n,Goto(${DEST})',
      ' same => n,GotoIf($[${X}=1]?ctx,s,1:other,s,1)',
      ' same => n,Dial(${DEVICES})',
      ' same => n,Set(LIST=a,b,c)',
      ' same => n,Queue(support,tT,,,120,,,,,)',
      '',
    ].join('\n');
    assert.deepEqual(covered(text), []);
  });
});

describe('dialplan-app-arguments: grammars', () => {
  it("Dial's device list: a device without technology stops Dial; empty places are skipped as Asterisk skips them", () => {
    const text = '[c]\nexten => 1,1,Dial(PJSIP/alice&bob&&PJSIP/carol,20)\n same => n,Dial(PJSIP/,20)\n same => n,Dial(PJSIP/alice& ,20)\n same => n,Dial(${PHONE}&PJSIP/x)\n';
    const got = covered(text);
    assert.deepEqual(got.map((g) => g.text), ['bob', 'PJSIP/']);
    assert.match(got[0].message, /The device 'bob' has no technology .*Dial argument takes format \(technology\/resource\).* the call ends/);
    assert.match(got[1].message, /names nothing after its \//);
  });

  it("Gosub's arguments: last, closed, nothing after them", () => {
    const text = '[c]\nexten => 1,1,Gosub(sub-record(1),s,1)\n same => n,Gosub(sub-record,s,1(a,b)\n same => n,Gosub(sub-record,s,1(a,b)x)\n same => n,Gosub(sub-record,s,1(a,(b),c))\n same => n,Gosub(sub,s,1,2)\n';
    const got = covered(text);
    assert.deepEqual(got.map((g) => g.text), ['(1),s,1', '(a,b', 'x', '2']);
    assert.match(got[0].message, /must come last, after the priority: Gosub takes 'sub-record' as its whole place/);
    assert.match(got[1].message, /no closing '\)'.*No closing paren/);
    assert.match(got[3].message, /Gosub takes at most 3 arguments \(context, extension, priority\)/);
  });

  it("Set's name=value: no '=', a blank in the name, two assignments in one Set", () => {
    const text = '[c]\nexten => 1,1,Set(COUNT)\n same => n,Set(COUNT =1)\n same => n,Set(A=1,B=2)\n same => n,Set(CDR(userfield) =x)\n same => n,Set(=1)\n same => n,Set(URL=http://x/?a=1,b=2)\n';
    const got = covered(text);
    assert.deepEqual(got.map((g) => g.text), ['COUNT', 'COUNT ', '1,B=2', 'CDR(userfield) ', '=']);
    assert.match(got[0].message, /No '=' in Set\(COUNT\): Asterisk sets nothing/);
    assert.match(got[1].message, /\$\{COUNT\} will not find it/);
    assert.match(got[2].message, /Set sets one variable: 'A' gets '1,B=2'.*Use MSet\(A=1,B=2\)/);
    assert.match(got[3].message, /the function is written all the same/);
  });

  it("GotoIf: a second ':' makes the false branch a place that cannot exist; a '?' inside ${IF()} is left alone", () => {
    const text = '[c]\nexten => 1,1,GotoIf($[${X}=1]?yes:no:maybe)\n same => n,GotoIf(${IF($[${X}]?1:0)}?a:b)\n same => n(yes),NoOp()\n same => n(no),NoOp()\n';
    const got = covered(text);
    assert.deepEqual(got.map((g) => g.text), ['no:maybe']);
  });
});
