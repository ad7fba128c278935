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

/** The steps before the call ended (the `h` steps apart). */
const main = (r: ReturnType<typeof simulate>): ReturnType<typeof simulate>['hops'] => r.hops.filter((h) => h.phase !== 'h');

function run(number: string, context = 'from-users', extra: Partial<SimulateOptions> = {}): ReturnType<typeof simulate> {
  const ws = workspace({ '/pbx/office/extensions.conf': DIALPLAN, '/pbx/office/sip.conf': SIP, '/pbx/office/iax.conf': IAX });
  return simulate(ws, { number, from: { kind: 'context', name: context }, when: new Date(2026, 10, 23, 10, 0), ...extra });
}

describe('simulate: the engine', () => {
  it('substitutes ${EXTEN:n} and globals into a Dial, and says the call leaves to a host outside the workspace', () => {
    const r = run('0612345678');
    assert.deepEqual(
      main(r).map((h) => `${h.extension},${h.priority} ${h.app}(${h.data})`),
      ['_0.,1 Set(NUM=612345678)', '_0.,2 Dial(SIP/provider/612345678,60)'],
    );
    assert.equal(r.outcome.kind, 'external');
    assert.match(r.outcome.reason, /198\.51\.100\.7, which is none of the workspace's PBXs/);
    assert.equal(r.hops[1].line, 11);
  });

  it("rings a phone (answered, as nobody said otherwise), then runs h in the channel's context when the call ends", () => {
    const r = run('101');
    const h = r.hops.filter((x) => x.phase === 'h');
    assert.deepEqual(h.map((x) => `${x.context} ${x.exten},${x.priority} ${x.app}(${x.data})`), ['from-users h,1 NoOp(call ended: ANSWER)']);
    assert.equal(r.hStart, r.hops.indexOf(h[0]));
    assert.ok(!run('102', 'internal').hops.some((x) => x.phase === 'h'), 'a context without h runs nothing');
    assert.deepEqual(r.assumptions.map((a) => `${a.what}=${a.value} (${a.source})`), ['DIALSTATUS of SIP/101=ANSWER (default)']);
    assert.deepEqual(r.hops[r.assumptions[0].hop].app, 'Dial');
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

  it('reads an unset variable as empty, as Asterisk does, and takes a Dial status from the inputs', () => {
    assert.deepEqual([run('903').outcome.kind, run('903').outcome.extension], ['extension', '101']);
    const ws = workspace({ '/p/extensions.conf': '[c]\nexten => 1,1,GotoIf($["${DIALSTATUS}" = "BUSY"]?busy)\n same => n,VoiceMail(1@default,u)\n same => n(busy),VoiceMail(1@default,b)\n' });
    const r = simulate(ws, { number: '1', from: { kind: 'context', name: 'c' } });
    assert.equal(r.hops[0].data, '0?busy');
    assert.equal(r.outcome.kind, 'voicemail');
    assert.match(r.outcome.reason, /unavailable greeting/);
    assert.deepEqual(r.assumptions, []);
    // DIALSTATUS=BUSY from the inputs: the second Dial's busy branch
    const busy = run('101', 'internal', { inputs: { dialStatus: ['BUSY'] } });
    assert.deepEqual(main(busy).map((h) => `${h.priority} ${h.app}(${h.data})`), ['1 Dial(SIP/101,20)', '2 GotoIf(1?busy)', '4 VoiceMail(101@default,b)']);
    assert.match(busy.outcome.reason, /busy greeting/);
    assert.deepEqual(busy.assumptions.map((a) => `${a.what}=${a.value} (${a.source})`), ['DIALSTATUS of SIP/101=BUSY (input)']);
  });

  it('runs a Gosub and comes back, then follows the Goto', () => {
    const r = run('500');
    assert.deepEqual(
      main(r).map((h) => `${h.context} ${h.extension},${h.priority} ${h.app}`),
      ['from-users 500,1 Gosub', 'sub-record s,1 Set', 'sub-record s,2 Return', 'from-users 500,2 Goto', 'internal 101,1 Dial'],
    );
    assert.deepEqual(r.rewrites.map((w) => `${w.from}->${w.to}`), ['500->s', 's->500', '500->101']);
  });

  it('runs a Macro to its end, then goes on after it', () => {
    const r = run('600');
    assert.deepEqual(main(r).map((h) => h.app), ['Macro', 'Answer', 'Playback', 'Queue']);
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
    assert.deepEqual(main(invalid).map((h) => `${h.extension},${h.priority}`), ['902,1', 'i,1', 'i,2']);
    assert.equal(invalid.outcome.kind, 'hangup');
    assert.deepEqual([run('906').outcome.kind, run('906').match.result], ['no-priority', 'no-priority']);
    assert.equal(run('12345').outcome.kind, 'no-extension');
    assert.equal(run('1', 'no-such-context').outcome.kind, 'no-context');
  });

  it('ends an answered extension as reached, and lets Set(CALLERID(num)) pick a caller-ID variant', () => {
    const r = run('905');
    assert.deepEqual(main(r).map((h) => `${h.context} ${h.extension}${h.callerIdPattern ? `/${h.callerIdPattern}` : ''}`), ['from-users 905', 'from-users 905', 'vip 1/555', 'vip 1/555']);
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

describe('simulate: inputs and every possible outcome', () => {
  const ws = new Workspace(new DiskFileHost());
  ws.scan(path.join(ROOT, 'examples'), 1000);
  const ivr = (extra: Partial<SimulateOptions> = {}): ReturnType<typeof simulate> => simulate(ws, { number: '**99200', from: { pbx: 'wazo-a', kind: 'context', name: 'from-users' }, ...extra });

  it("follows the caller's keys and each Dial's status from the inputs, and says which step used them", () => {
    const r = ivr({ inputs: { digits: ['2'], dialStatus: ['BUSY'] } });
    assert.equal(r.outcome.kind, 'voicemail');
    assert.deepEqual(r.assumptions.map((a) => `${a.what}=${a.value} (${a.source})`), ["the caller's keys at BackGround(custom/reception-menu)=2 (input)", 'DIALSTATUS of SIP/carol=BUSY (input)']);
    assert.equal(r.hops[r.assumptions[0].hop].app, 'BackGround');
    assert.deepEqual(r.hops[r.assumptions[1].hop].assumptions, [1]);
    // the menu's key leads to extension 2, whose Gosub calls the user library
    assert.ok(r.hops.some((h) => h.context === 'ivr-reception' && h.exten === '2' && h.app === 'Gosub'));
  });

  it('without inputs, nobody presses a key: the menu times out twice, then says goodbye', () => {
    const r = ivr();
    assert.deepEqual([r.outcome.kind, r.outcome.context, r.outcome.extension], ['hangup', 'ivr-reception', 't']);
    assert.deepEqual(r.hops.filter((h) => h.app === 'WaitExten').length, 2);
    assert.ok(r.assumptions.every((a) => a.source === 'default'), JSON.stringify(r.assumptions));
  });

  it('lists every distinct outcome with what leads there, forking at each key and each Dial status', () => {
    const r = ivr({ allPaths: true });
    assert.equal(r.pathsCut, false);
    const kinds = new Set(r.paths!.map((p) => `${p.outcome.kind} ${p.outcome.extension}@${p.outcome.context}`));
    for (const expected of ['voicemail s@voicemail', 'extension s@user', 'extension 101@users', 'hangup t@ivr-reception', 'hangup i@ivr-reception']) assert.ok(kinds.has(expected), `${expected} in ${[...kinds].join(' | ')}`);
    const busy = r.paths!.find((p) => p.outcome.kind === 'voicemail' && p.assumptions.some((a) => a.value === '2'))!;
    assert.ok(busy.assumptions.some((a) => a.what === 'DIALSTATUS of SIP/carol' && a.value !== 'ANSWER'), JSON.stringify(busy.assumptions));
    assert.ok(busy.assumptions.every((a) => a.hop !== null && /wazo-b\/extensions\.conf$/.test(a.hop.file)));
    assert.equal(r.paths!.reduce((n, p) => n + p.paths, 0), 49);
    // the main path is one of them, unchanged
    assert.deepEqual(r.outcome, ivr().outcome);
  });

  it('cuts the exploration at 256 paths and says so', () => {
    const menus = Array.from({ length: 6 }, (_, i) => `[m${i}]\nexten => s,1,Background(menu)\n same => n,WaitExten(1)\n${[1, 2, 3].map((k) => `exten => ${k},1,Goto(m${i + 1},s,1)`).join('\n')}\n`).join('\n');
    const w = workspace({ '/p/extensions.conf': `${menus}\n[m6]\nexten => s,1,Hangup()\n` });
    const r = simulate(w, { number: 's', from: { kind: 'context', name: 'm0' }, allPaths: true });
    assert.equal(r.pathsCut, true);
    assert.equal(r.paths!.reduce((n, p) => n + p.paths, 0), 256);
  });

  it('sets variables before the first priority (--set)', () => {
    const w = workspace({ '/p/extensions.conf': '[c]\nexten => 1,1,GotoIf($["${VIP}" = "1"]?vip)\n same => n,Hangup(17)\n same => n(vip),Answer()\n same => n,Hangup()\n' });
    const plain = simulate(w, { number: '1', from: { kind: 'context', name: 'c' } });
    const vip = simulate(w, { number: '1', from: { kind: 'context', name: 'c' }, inputs: { set: { VIP: '1' } } });
    assert.deepEqual([plain.outcome.kind, vip.outcome.kind], ['hangup', 'extension']);
    assert.deepEqual(vip.assumptions.map((a) => `${a.what}=${a.value} (${a.source})`), ['VIP=1 (input)']);
  });
});
