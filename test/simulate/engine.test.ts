// The simulation engine on what administrators write: variables and substrings, conditions known and unknown,
// Gosub/Macro/Local, time conditions, the `i` extension, loops, the applications that end a call, IvozProvider
// routing on the examples, and secrets that never show. The expression facts come from conformance/README.md.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { evaluate } from '../../server/src/analysis/simulate/expression';
import type { SimulateOptions } from '../../server/src/analysis/simulate/simulate';
import { MAX_STEPS, simulate } from '../../server/src/analysis/simulate/simulate';
import { DiskFileHost } from '../../server/src/model/fileHost';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';
import { ROOT } from '../paths';

const DIALPLAN = `[general]
autofallthrough=yes

[globals]
TRUNK=SIP/provider
OFFICE_HOURS=08:00-18:00,mon-fri,*,*

[from-users]
include => internal
exten => _0.,1,Set(NUM=\${EXTEN:1})
 same => n,Dial(\${TRUNK}/\${NUM},60)
exten => 500,1,Gosub(sub-record,s,1(500))
 same => n,Goto(internal,101,1)
exten => 600,1,Macro(greet,600)
 same => n,Queue(support)
exten => 700,1,Dial(Local/101@internal)
exten => 800,1,GotoIfTime(\${OFFICE_HOURS}?open:closed)
 same => n(open),ConfBridge(daily)
 same => n(closed),VoiceMailMain(800)
exten => 900,1,Goto(loop,s,1)
exten => 901,1,Goto(nowhere-ctx,1,1)
exten => 902,1,Goto(internal,999,1)
exten => 903,1,GotoIf($[1 + 1 = 2]?internal,101,1:internal,102,1)
exten => 904,1,Dial(IAX2/bob:Sup3rS3cret@203.0.113.5/100)
exten => 905,1,Set(CALLERID(num)=555)
 same => n,Goto(vip,1,1)
exten => 906,2,NoOp(no priority one)
exten => 907,1,Dial(IAX2/branch/100)
exten => 908,1,Dial(IAX2/softphone)
exten => h,1,NoOp(call ended: \${DIALSTATUS})

[internal]
exten => 101,1,Dial(SIP/101,20)
 same => n,GotoIf($["\${DIALSTATUS}" = "BUSY"]?busy)
 same => n,VoiceMail(101@default,u)
 same => n(busy),VoiceMail(101@default,b)
exten => 102,1,Answer()
 same => n,Playback(hello)
exten => 103,1,NoOp(nothing more)
exten => i,1,Playback(invalid)
 same => n,Hangup()

[sub-record]
exten => s,1,Set(RECORDED=\${ARG1})
 same => n,Return()

[macro-greet]
exten => s,1,Answer()
 same => n,Playback(welcome-\${ARG1})

[loop]
exten => s,1,Goto(loop,s,1)

[vip]
exten => 1/555,1,Answer()
 same => n,Hangup()
exten => 1,1,Hangup()
`;

const SIP = `[general]
udpbindaddr=0.0.0.0:5060
[101]
type=friend
host=dynamic
secret=Phone-101-S3cret
context=from-users
[provider]
type=peer
host=198.51.100.7
secret=Pr0vider-S3cret
context=from-provider
`;

const IAX = `[general]
bindport=4569
[branch]
type=friend
host=198.51.100.30
context=from-branch
[softphone]
type=friend
host=dynamic
`;

function workspace(files: Record<string, string>): Workspace {
  const ws = new Workspace(new MemoryHost(files));
  for (const f of Object.keys(files)) ws.addKnown(f);
  return ws;
}

function run(number: string, context = 'from-users', extra: Partial<SimulateOptions> = {}): ReturnType<typeof simulate> {
  const ws = workspace({ '/pbx/office/extensions.conf': DIALPLAN, '/pbx/office/sip.conf': SIP, '/pbx/office/iax.conf': IAX });
  return simulate(ws, { number, from: { kind: 'context', name: context }, when: new Date(2026, 10, 23, 10, 0), ...extra });
}

describe('simulate: the engine', () => {
  it('substitutes ${EXTEN:n} and globals into a Dial, and says the call leaves to a host outside the workspace', () => {
    const r = run('0612345678');
    assert.deepEqual(
      r.hops.map((h) => `${h.extension},${h.priority} ${h.app}(${h.data})`),
      ['_0.,1 Set(NUM=612345678)', '_0.,2 Dial(SIP/provider/612345678,60)'],
    );
    assert.equal(r.outcome.kind, 'external');
    assert.match(r.outcome.reason, /198\.51\.100\.7, which is none of the workspace's PBXs/);
    assert.equal(r.hops[1].line, 11);
  });

  it('rings a phone, and says that h runs in the channel\'s context when the call ends', () => {
    const r = run('101');
    assert.ok(r.notes.some((n) => /runs h in 'from-users': NoOp\(call ended: \$\{DIALSTATUS\}\) at office\/extensions\.conf:\d+/.test(n)), r.notes.join(' | '));
    assert.ok(!run('102', 'internal').notes.some((n) => /runs h/.test(n)), 'a context without h runs nothing');
    assert.equal(r.outcome.kind, 'extension');
    assert.match(r.outcome.reason, /Rings SIP\/101, a phone of office for 20 s/);
    assert.equal(r.match.foundIn, 'internal');
    assert.match(r.matches[0].why, /'internal' \(included from 'from-users'\)/);
  });

  it('links each candidate to the line that runs, never to its hint', () => {
    const ws = workspace({ '/p/extensions.conf': '[c]\nexten => 1001,hint,SIP/1001\nexten => _100X,hint,SIP/${EXTEN}\nexten => 1001,1,Dial(SIP/1001,20)\n same => n,Hangup()\nexten => _100X,1,NoOp(pattern)\n' });
    const r = simulate(ws, { number: '1001', from: { kind: 'context', name: 'c' } });
    assert.deepEqual(
      r.matches[0].candidates.map((c) => `${c.extension} ${c.outcome} line ${c.line}`),
      ['1001 chosen line 4', '_100X ranked-lower line 6'],
    );
    assert.equal(r.hops[0].line, 4);
  });

  it('takes a known condition, and follows an unknown one as true with the other branch in the notes', () => {
    assert.deepEqual([run('903').outcome.kind, run('903').outcome.extension], ['extension', '101']);
    // after Dial to a phone the call is decided; reach the unknown GotoIf by starting at priority 2 via a Goto
    const ws = workspace({ '/p/extensions.conf': '[c]\nexten => 1,1,GotoIf($["${DIALSTATUS}" = "BUSY"]?busy)\n same => n,VoiceMail(1@default,u)\n same => n(busy),VoiceMail(1@default,b)\n' });
    const r = simulate(ws, { number: '1', from: { kind: 'context', name: 'c' } });
    assert.equal(r.outcome.kind, 'voicemail');
    assert.match(r.hops[0].note, /depends on DIALSTATUS, unknown without a live call: followed as true/);
    assert.match(r.outcome.reason, /busy greeting/);
    assert.equal(r.notes.length, 1);
    assert.match(r.notes[0], /If DIALSTATUS makes the condition false, the call goes on at the next priority: voicemail/);
    assert.match(r.notes[0], /unavailable greeting/);
  });

  it('runs a Gosub and comes back, then follows the Goto', () => {
    const r = run('500');
    assert.deepEqual(
      r.hops.map((h) => `${h.context} ${h.extension},${h.priority} ${h.app}`),
      ['from-users 500,1 Gosub', 'sub-record s,1 Set', 'sub-record s,2 Return', 'from-users 500,2 Goto', 'internal 101,1 Dial'],
    );
    assert.deepEqual(r.rewrites.map((w) => `${w.from}->${w.to}`), ['500->s', 's->500', '500->101']);
  });

  it('runs a Macro to its end, then goes on after it', () => {
    const r = run('600');
    assert.deepEqual(r.hops.map((h) => h.app), ['Macro', 'Answer', 'Playback', 'Queue']);
    assert.equal(r.hops[2].data, 'welcome-600');
    assert.deepEqual([r.outcome.kind, r.outcome.reason], ['queue', "Waits in queue 'support' for an agent."]);
  });

  it('follows a Local channel into its context', () => {
    const r = run('700');
    assert.deepEqual([r.outcome.kind, r.outcome.context, r.outcome.extension], ['extension', 'internal', '101']);
    assert.deepEqual(r.rewrites.map((w) => `${w.from}->${w.to}`), ['700->101']);
  });

  it('evaluates GotoIfTime at the time given', () => {
    assert.equal(run('800').outcome.kind, 'conference');
    assert.equal(run('800', 'from-users', { when: new Date(2026, 10, 22, 10, 0) }).outcome.kind, 'voicemail'); // a Sunday
  });

  it('stops a loop with a note instead of hanging', () => {
    const r = run('900');
    assert.equal(r.outcome.kind, 'hangup');
    assert.match(r.outcome.reason, /ran 25 times, a loop/);
    assert.ok(r.hops.length < MAX_STEPS);
  });

  it('fails as Asterisk does: no context, the i extension after a Goto, no priority 1', () => {
    const noContext = run('901');
    assert.deepEqual([noContext.outcome.kind, noContext.outcome.context], ['no-context', 'nowhere-ctx']);
    const invalid = run('902');
    assert.deepEqual(invalid.hops.map((h) => `${h.extension},${h.priority}`), ['902,1', 'i,1', 'i,2']);
    assert.equal(invalid.outcome.kind, 'hangup');
    assert.deepEqual([run('906').outcome.kind, run('906').match.result], ['no-priority', 'no-priority']);
    assert.equal(run('12345').outcome.kind, 'no-extension');
    assert.equal(run('1', 'no-such-context').outcome.kind, 'no-context');
  });

  it('ends an answered extension as reached, and lets Set(CALLERID(num)) pick a caller-ID variant', () => {
    const r = run('905');
    assert.deepEqual(r.hops.map((h) => `${h.context} ${h.extension}`), ['from-users 905', 'from-users 905', 'vip 1/555', 'vip 1/555']);
    assert.equal(r.outcome.kind, 'extension');
    const plain = run('102', 'internal');
    assert.equal(plain.outcome.kind, 'extension');
    assert.match(plain.outcome.reason, /ran out: with autofallthrough=yes/);
  });

  it('follows Dial(IAX2/...) to the peers of iax.conf: a trunk leaves, a dynamic peer is a phone', () => {
    const trunk = run('907');
    assert.equal(trunk.outcome.kind, 'external');
    assert.match(trunk.outcome.reason, /'branch' is an IAX2 peer at 198\.51\.100\.30 \(iax\.conf\); the call leaves for 100 there/);
    assert.match(trunk.outcome.file ?? '', /iax\.conf$/);
    assert.equal(run('908').outcome.kind, 'extension');
    assert.match(run('904').outcome.reason, /no IAX2 peer '203\.0\.113\.5'/);
  });

  it('never shows a secret written in a device string', () => {
    const r = run('904');
    assert.equal(r.hops[0].data, 'IAX2/bob:********@203.0.113.5/100');
    assert.ok(!JSON.stringify(r).includes('Sup3rS3cret'));
    assert.ok(!JSON.stringify(run('0612345678')).includes('Pr0vider-S3cret'));
  });

  it('starts from a peer in its context, and says when an origin does not exist', () => {
    const r = run('102', 'x', { from: { kind: 'peer', name: '101' } });
    assert.equal(r.from.context, 'from-users');
    assert.equal(r.outcome.kind, 'extension');
    const none = run('1', 'x', { from: { kind: 'endpoint', name: 'ghost' } });
    assert.equal(none.outcome.kind, 'no-context');
    assert.match(none.outcome.reason, /no endpoint 'ghost'/);
  });
});

describe('simulate: IvozProvider on the examples', () => {
  const ws = new Workspace(new DiskFileHost());
  ws.scan(path.join(ROOT, 'examples'), 1000);
  const from = (name: string): SimulateOptions['from'] => ({ kind: 'friend', name });

  it('routes internal extensions first, then friends by priority, then outside', () => {
    assert.deepEqual([simulate(ws, { number: '105', from: from('branch-pbx') }).outcome.kind], ['extension']);
    const friend = simulate(ws, { number: '405', from: from('friend-name') });
    assert.equal(friend.outcome.kind, 'friend');
    assert.match(friend.outcome.reason, /friend 'branch-pbx'/);
    assert.equal(simulate(ws, { number: '0612345678', from: from('friend-name') }).outcome.kind, 'external');
  });

  it('continues into the dialplan of a friend that is an Asterisk of the workspace', () => {
    const r = simulate(ws, { number: '201', from: from('branch-pbx') });
    assert.equal(r.outcome.pbx, 'asterisk-friend');
    assert.ok(r.hops.every((h) => h.pbx === 'asterisk-friend') && r.hops.length > 0);
  });

  it('sends an Asterisk call to IvozProvider, which routes it', () => {
    const r = simulate(ws, { number: '105', from: { pbx: 'asterisk-friend', kind: 'context', name: 'from-users' } });
    assert.deepEqual([r.outcome.kind, r.outcome.pbx], ['extension', 'ivozprovider']);
  });

  it('crosses the Wazo trunk of the examples: **99101 from A rings 101 on B', () => {
    const r = simulate(ws, { number: '**99101', from: { pbx: 'wazo-a', kind: 'peer', name: '1001' } });
    assert.deepEqual([r.outcome.kind, r.outcome.pbx, r.outcome.context, r.outcome.extension], ['extension', 'wazo-b', 'Incalls', '101']);
    assert.deepEqual(r.rewrites.map((w) => `${w.from}->${w.to}`), ['**99101->101']);
  });
});

describe('simulate: $[...] as Asterisk evaluates it', () => {
  it('follows the facts seen on the real thing', () => {
    assert.equal(evaluate(' + 1'), '');
    assert.equal(evaluate('10 / 3'), '3.33333333333333333');
    assert.equal(evaluate('"10" < "9"'), '1');
    assert.equal(evaluate('0123 = 123'), '1');
    assert.equal(evaluate('"BUSY" = "BUSY"'), '1');
    assert.equal(evaluate('2 > 3 | 1'), '1');
    // a `${` left in the text is one operand up to the end for Asterisk's scanner: `${X} =~ "a"` holds an `a`
    assert.equal(evaluate('${X} =~ "a"'), '1');
    assert.equal(evaluate('LEN(x) > 0'), null); // a dialplan function's value is unknown without a live call
  });
});
