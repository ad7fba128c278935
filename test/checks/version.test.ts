// version-removed and version-deprecated: the Asterisk version of the setting pbx.asteriskVersion (CLI
// --asterisk-version), on real-looking lines.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fileFindings } from '../../server/src/analysis/findings';
import { simulate } from '../../server/src/analysis/simulate/simulate';
import type { Finding } from '../../server/src/analysis/findings';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';

const DIALPLAN = [
  '[from-internal]',
  'exten => _1XX,1,Macro(stdexten,${EXTEN})',
  ' same => n,Dial(SIP/${EXTEN}&PJSIP/${EXTEN},20)',
  ' same => n,Set(IP=${SIPPEER(${EXTEN},ip)})',
  ' same => n,MeetMe(1000)',
  ' same => n,Monitor(wav,${UNIQUEID})',
  'exten => 200,1,DeadAGI(agi://127.0.0.1/ivr)',
  '[macro-stdexten]',
  'exten => s,1,Dial(PJSIP/${ARG1},20)',
  ' same => n,MacroExit()',
  '',
].join('\n');

function check(version: number | null, text = DIALPLAN): Finding[] {
  const ws = new Workspace(new MemoryHost({ '/pbx/extensions.conf': text }));
  ws.addKnown('/pbx/extensions.conf');
  ws.configure({ asteriskVersion: version });
  return fileFindings(ws, '/pbx/extensions.conf');
}

const summary = (f: Finding[]): string[] => f.map((x) => `${x.code}@${DIALPLAN.slice(x.start, x.end)}`);

describe('the Asterisk version', () => {
  it('not chosen: Asterisk 20 without deprecation warnings', () => {
    assert.deepEqual(check(null), []);
  });

  it('20: what 20 deprecates, with the version that removes it', () => {
    const f = check(20);
    assert.deepEqual(summary(f), [
      'version-deprecated@Macro',
      'version-deprecated@SIP',
      'version-deprecated@SIPPEER',
      'version-deprecated@MeetMe',
      'version-deprecated@Monitor',
      'version-deprecated@DeadAGI',
      'version-deprecated@MacroExit',
    ]);
    assert.match(f[0].message, /Macro \(app_macro\) is deprecated since Asterisk 16; Asterisk 21 removes it\. Use Gosub/);
  });

  it('21: Macro, chan_sip, SIPPEER and Monitor are gone (errors); MeetMe and DeadAGI only deprecated', () => {
    const f = check(21);
    assert.deepEqual(summary(f), [
      'version-removed@Macro',
      'version-removed@SIP',
      'version-removed@SIPPEER',
      'version-deprecated@MeetMe',
      'version-removed@Monitor',
      'version-deprecated@DeadAGI',
      'version-removed@MacroExit',
    ]);
    assert.match(f[1].message, /Asterisk 21 removed the channel driver chan_sip \(SIP\/ devices\).*"No such channel type"\)\. Use PJSIP/);
    assert.ok(f.every((x) => x.code !== 'dialplan-app-unknown'), 'a removed application is said once, by version-removed');
  });

  it('23: DeadAGI is gone too', () => {
    assert.ok(summary(check(23)).includes('version-removed@DeadAGI'));
  });

  it('Simulate dial in Asterisk 21 ends the call at a Macro, as "No application"', () => {
    const ws = new Workspace(new MemoryHost({ '/pbx/extensions.conf': DIALPLAN }));
    ws.addKnown('/pbx/extensions.conf');
    const when = new Date(Date.UTC(2026, 11, 1, 12));
    const before = JSON.stringify(simulate(ws, { number: '100', from: { kind: 'context', name: 'from-internal' }, when }));
    assert.doesNotMatch(before, /No application 'Macro'/);
    ws.configure({ asteriskVersion: 21 });
    const after = JSON.stringify(simulate(ws, { number: '100', from: { kind: 'context', name: 'from-internal' }, when }));
    assert.match(after, /No application 'Macro' for extension \(from-internal, 100, 1\)/);
  });

  it('what a version does not have yet: If and PJSIPHangup in 19, StasisBroadcast in 18 and 21, DIGIT_SUM in 18 and 21; DAHDIRAS still in 18 (deprecated)', () => {
    const text = [
      '[c]',
      'exten => 1,1,If($[${X}=1])',
      ' same => n,EndIf()',
      ' same => n,StasisBroadcast(app)',
      ' same => n,NoOp(${DIGIT_SUM(123)})',
      ' same => n,DAHDIRAS(x)',
      ' same => n,PJSIPHangup(486)',
      '',
    ].join('\n');
    const at = (v: number | null): string[] => check(v, text).map((x) => `${x.code}@${text.slice(x.start, x.end)}`);
    assert.deepEqual(at(null), ['version-removed@DAHDIRAS']);
    assert.deepEqual(at(18), ['dialplan-app-unknown@StasisBroadcast', 'dialplan-function-unknown@DIGIT_SUM', 'version-deprecated@DAHDIRAS']);
    assert.deepEqual(at(19), ['dialplan-app-unknown@If', 'dialplan-app-unknown@EndIf', 'dialplan-app-unknown@StasisBroadcast', 'dialplan-function-unknown@DIGIT_SUM', 'version-removed@DAHDIRAS', 'dialplan-app-unknown@PJSIPHangup']);
    assert.deepEqual(at(21), ['dialplan-app-unknown@StasisBroadcast', 'dialplan-function-unknown@DIGIT_SUM', 'version-removed@DAHDIRAS']);
    assert.deepEqual(at(22), ['version-removed@DAHDIRAS']);
    const f = check(19, text).find((x) => x.code === 'dialplan-app-unknown');
    assert.match(f!.message, /Asterisk 19 does not have If yet \(its last release lacks it; Asterisk 20.20 has it\)/);
  });

  it("21 and later: sip.conf is not read at all, and the finding names the peers and registrations lost", () => {
    const sip = '[general]\nregister => a:secret@192.0.2.1/100\n\n[trunk]\ntype=peer\nhost=192.0.2.1\n\n[100]\ntype=friend\nhost=dynamic\n';
    const at = (v: number | null): Finding[] => {
      const ws = new Workspace(new MemoryHost({ '/pbx/extensions.conf': '[c]\nexten => 1,1,NoOp()\n', '/pbx/sip.conf': sip }));
      ws.addKnown('/pbx/extensions.conf');
      ws.addKnown('/pbx/sip.conf');
      ws.configure({ asteriskVersion: v });
      return fileFindings(ws, '/pbx/sip.conf').filter((x) => x.code.startsWith('version-'));
    };
    assert.deepEqual(at(null), []);
    assert.deepEqual(at(20), []);
    const f = at(21);
    assert.equal(f.length, 1);
    assert.equal(sip.slice(f[0].start, f[0].end), 'general');
    assert.match(f[0].message, /Asterisk 21 removed chan_sip, deprecated since 17: Asterisk 21 does not read this sip.conf, so its 2 peers \(trunk, 100\) and its 1 registration are gone/);
    assert.equal(f[0].severity, 'error');
    assert.equal(at(23).length, 1);
  });

  it("option letters: Dial's M and ResetCDR's e removed in 21, deprecated before; letters a version does not have yet", () => {
    const text = ['[c]', 'exten => 1,1,Dial(PJSIP/100,20,tM(screen^x))', ' same => n,ResetCDR(e)', ' same => n,Dial(PJSIP/100,20,j)', ' same => n,MixMonitor(x.wav,s(5))', '[macro-screen]', 'exten => s,1,NoOp()', ''].join('\n');
    const at = (v: number | null): string[] => check(v, text).map((x) => `${x.code}@${text.slice(x.start, x.end)}`);
    assert.deepEqual(at(null), []);
    assert.deepEqual(at(20), ['version-deprecated@M(screen^x)', 'version-deprecated@e']);
    assert.deepEqual(at(21), ['version-removed@M(screen^x)', 'version-removed@e', 'dialplan-app-option@s']);
    assert.deepEqual(at(19), ['version-deprecated@M(screen^x)', 'version-deprecated@e', 'dialplan-app-option@j', 'dialplan-app-option@s']);
    const removed = check(21, text).find((x) => x.code === 'version-removed');
    assert.match(removed!.message, /Asterisk 21 removed the option M of Dial \(app_dial\), deprecated since 16: in Asterisk 21 the letter is unknown \("Unrecognized option"\) and ignored\. Use U\(subroutine\^args\)/);
    assert.match(check(19, text).find((x) => x.code === 'dialplan-app-option')!.message, /Asterisk 19 does not have the option 'j' of Dial yet/);
  });

  it('modules.conf: a load or require line of a module the version removed', () => {
    const modules = '[modules]\nautoload=yes\nload => chan_sip.so\nrequire = app_macro.so\nload => chan_pjsip.so\nnoload => res_monitor.so\n';
    const at = (v: number | null): Finding[] => {
      const ws = new Workspace(new MemoryHost({ '/pbx/extensions.conf': '[c]\nexten => 1,1,NoOp()\n', '/pbx/modules.conf': modules }));
      ws.addKnown('/pbx/extensions.conf');
      ws.addKnown('/pbx/modules.conf');
      ws.configure({ asteriskVersion: v });
      return fileFindings(ws, '/pbx/modules.conf').filter((x) => x.code.startsWith('version-'));
    };
    assert.deepEqual(at(20), []);
    const f = at(21);
    assert.deepEqual(f.map((x) => modules.slice(x.start, x.end)), ['chan_sip.so', 'app_macro.so']);
    assert.match(f[0].message, /Asterisk 21 removed chan_sip.so, deprecated since 17: in Asterisk 21 this load line names a module that does not exist, so Asterisk logs that it cannot find it and starts without it/);
    assert.match(f[1].message, /this require line .* Asterisk refuses to start/);
  });
});

