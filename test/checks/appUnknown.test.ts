// dialplan-app-unknown: the applications Asterisk does not have, on real-looking lines, and modules.conf.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fileFindings } from '../../server/src/analysis/findings';
import { simulate } from '../../server/src/analysis/simulate/simulate';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';
import { applyFix, findings, pbx, summary } from './harness';

const WHEN = new Date(Date.UTC(2026, 11, 1, 12));

describe('dialplan-app-unknown', () => {
  it('a typo gets the application it most likely meant, and a quick fix to it', () => {
    const text = '[from-internal]\nexten => 8500,1,Answer()\n same => n,Playbak(welcome)\n same => n,VoiceMailMian(@default)\n same => n,Hangup()\n';
    assert.deepEqual(summary(text), ['dialplan-app-unknown@3', 'dialplan-app-unknown@4']);
    const [typo, main] = findings(text);
    assert.match(typo.message, /no application 'Playbak' \(did you mean 'Playback'\?\).*ends the call/);
    assert.match(main.message, /did you mean 'VoiceMailMain'/);
    assert.equal(text.slice(typo.start, typo.end), 'Playbak');
    assert.deepEqual(summary(applyFix(applyFix(text, typo), findings(applyFix(text, typo))[0])), []);
  });

  it('a blank before the ( joins the name ("Verbose "): the fix removes it', () => {
    const text = '[default]\nexten => 100,1,Verbose (1,Incoming call)\n same => n,Dial(PJSIP/100,20)\n';
    const [f] = findings(text);
    assert.equal(f.code, 'dialplan-app-unknown');
    assert.match(f.message, /looks for 'Verbose ', which it does not have/);
    assert.equal(applyFix(text, f), '[default]\nexten => 100,1,Verbose(1,Incoming call)\n same => n,Dial(PJSIP/100,20)\n');
    assert.deepEqual(summary(applyFix(text, f)), []);
  });

  it('a line with no application at all, and none for a name nothing is close to', () => {
    const text = '[default]\nexten => 100,1\n same => n,Frobnicate(x)\n same => n,Hangup()\n';
    const f = findings(text);
    assert.deepEqual(f.map((x) => x.code), ['dialplan-app-unknown', 'dialplan-app-unknown']);
    assert.match(f[0].message, /names no application/);
    assert.match(f[1].message, /no application 'Frobnicate': /);
    assert.equal(f[1].fixes, undefined);
  });

  it('names in any case are found (pbx_findapp compares without case), and a hint is no application', () => {
    assert.deepEqual(summary('[default]\nexten => 100,hint,PJSIP/100\nexten => 100,1,noop()\n same => n,dial(PJSIP/100)\n same => n,HANGUP()\n'), []);
  });

  it('modules.conf: noload, and autoload=no without a load line, take the application away; the call ends there', () => {
    const dialplan = '[default]\nexten => 100,1,Dial(PJSIP/100,20)\n same => n,VoiceMail(100@default,u)\n same => n,Hangup()\n';
    const noload = findings(dialplan, 'extensions.conf', { 'modules.conf': '[modules]\nautoload=yes\nnoload => app_voicemail.so\n' });
    assert.deepEqual(noload.map((x) => x.message.split(':')[0]), ["'VoiceMail' comes with app_voicemail.so, which this PBX does not load (modules.conf says 'noload => app_voicemail.so')"]);
    const explicit = findings(dialplan, 'extensions.conf', { 'modules.conf': '[modules]\nautoload=no\nload => app_dial.so\n' });
    assert.deepEqual(explicit.map((x) => x.message.split(' (')[0]), ["'VoiceMail' comes with app_voicemail.so, which this PBX does not load"]);
    assert.match(explicit[0].message, /has 'autoload=no' and no 'load => app_voicemail.so'/);
    // app_voicemail is also built as app_voicemail_odbc.so and app_voicemail_imap.so: loading one of them is enough
    assert.deepEqual(summary(dialplan, 'extensions.conf', { 'modules.conf': '[modules]\nautoload = no\nload => app_dial.so\nload => app_voicemail_odbc.so\n' }), []);
    // core applications (Answer, Hangup, Set...) are always there
    assert.deepEqual(summary(dialplan.replace('VoiceMail(100@default,u)', 'Set(X=1)'), 'extensions.conf', { 'modules.conf': '[modules]\nautoload=no\nload => app_dial\n' }), []);
    // Simulate dial ends the call at that line, as Asterisk does
    const ws = pbx({ 'extensions.conf': dialplan, 'modules.conf': '[modules]\nautoload=yes\nnoload => app_voicemail.so\n' });
    const result = simulate(ws, { number: '100', from: { kind: 'context', name: 'default' }, when: WHEN, inputs: { dialStatus: ['NOANSWER'] } });
    assert.match(JSON.stringify(result), /No application 'VoiceMail' for extension \(default, 100, 2\)/);
  });

  it('the finding goes when modules.conf is changed to load the module', () => {
    const host = new MemoryHost({ '/pbx/extensions.conf': '[default]\nexten => 1,1,VoiceMail(1@default)\n', '/pbx/modules.conf': '[modules]\nautoload=yes\nnoload => app_voicemail.so\n' });
    const ws = new Workspace(host);
    for (const f of Object.keys(host.files)) ws.addKnown(f);
    assert.deepEqual(fileFindings(ws, '/pbx/extensions.conf').map((f) => f.code), ['dialplan-app-unknown']);
    host.files['/pbx/modules.conf'] = '[modules]\nautoload=yes\n';
    ws.changed('/pbx/modules.conf');
    assert.deepEqual(fileFindings(ws, '/pbx/extensions.conf'), []);
  });

  it('the application Exec, TryExec, ExecIf and ExecIfTime run: a typo, a module not loaded; the simulation agrees', () => {
    const text = [
      '[default]',
      'exten => 100,1,ExecIf($[${X}=1]?Playbak(hello):Verbose(1,no))',
      ' same => n,Exec(VoiceMail(100@default))',
      ' same => n,TryExec(Voicemail(100@default))',
      ' same => n,ExecIfTime(*,mon-fri,*,*?NoOp(open))',
      ' same => n,Exec(${APP}(x))',
      ' same => n,Hangup()',
      '',
    ].join('\n');
    const modules = { 'modules.conf': '[modules]\nautoload=yes\nnoload => app_voicemail.so\n' };
    const f = findings(text, 'extensions.conf', modules);
    assert.deepEqual(f.map((x) => `${x.code}@${text.slice(x.start, x.end)}/${x.severity}`), ['dialplan-app-unknown@Playbak/error', 'dialplan-app-unknown@VoiceMail/error', 'dialplan-app-unknown@Voicemail/warning']);
    assert.match(f[0].message, /'Playbak' is no application of Asterisk 20 \(did you mean 'Playback'\?\): Asterisk logs "Could not find application" and ExecIf fails and the call ends/);
    assert.match(f[1].message, /'VoiceMail' comes with app_voicemail.so, which this PBX does not load/);
    assert.match(f[2].message, /TryExec sets TRYSTATUS to NOAPP and the call goes on/);
    assert.deepEqual(findings(text.replace('Playbak', 'Playback')), []);
    const ws = pbx({ 'extensions.conf': '[default]\nexten => 100,1,Exec(VoiceMail(100@default))\n same => n,Hangup()\n', ...modules });
    const result = simulate(ws, { number: '100', from: { kind: 'context', name: 'default' }, when: WHEN });
    assert.match(JSON.stringify(result), /Could not find application \(VoiceMail\)/);
  });
});

