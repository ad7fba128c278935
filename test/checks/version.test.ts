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
});
