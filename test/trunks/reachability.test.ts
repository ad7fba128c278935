// dialplan-unreachable-context: contexts no call can get into, from the entry points the PBX's configuration names.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fileFindings } from '../../server/src/analysis/findings';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';

function unreachable(files: Record<string, string>): string[] {
  const ws = new Workspace(new MemoryHost(files));
  for (const f of Object.keys(files)) ws.addKnown(f);
  const text = files['/pbx/extensions.conf'];
  return fileFindings(ws, '/pbx/extensions.conf')
    .filter((f) => f.code === 'dialplan-unreachable-context')
    .map((f) => `${text.slice(f.start, f.end)}:${f.severity}`);
}

const DIALPLAN = [
  '[from-users]',
  'include => outgoing',
  'exten => 1001,1,Dial(SIP/1001,20,M(screen)U(check^s^1))',
  'exten => 8,1,Goto(menu,s,1)',
  '[outgoing]',
  'exten => _9.,1,Dial(Local/${EXTEN:1}@lines)',
  '[lines]',
  'exten => _X.,1,NoOp()',
  '[menu]',
  'exten => s,1,NoOp()',
  '[macro-screen]',
  'exten => s,1,NoOp()',
  '[check]',
  'exten => s,1,Return()',
  '[queue-exit]',
  'exten => s,1,NoOp()',
  '[forgotten]',
  'exten => s,1,NoOp()',
  '[also-forgotten]',
  'include => forgotten',
  '',
].join('\n');

describe('unreachable contexts', () => {
  it('follows peers, other config files, includes, Goto, Macro and Dial options, and Local channels', () => {
    const files = {
      '/pbx/extensions.conf': DIALPLAN,
      '/pbx/sip.conf': '[general]\nallowguest=no\ncontext=from-users\n[1001]\ntype=friend\nhost=dynamic\nsecret=Xk29!qLm7vB2\ncontext=from-users\n',
      '/pbx/queues.conf': '[support]\ncontext=queue-exit\n',
    };
    assert.deepEqual(unreachable(files), ['forgotten:warning', 'also-forgotten:warning']);
  });

  it('says less when a jump is built at run time, and nothing without a channel configuration', () => {
    const dynamic = DIALPLAN.replace('Goto(menu,s,1)', 'Goto(${TARGET},s,1)');
    const files = { '/pbx/extensions.conf': dynamic, '/pbx/sip.conf': '[general]\ncontext=from-users\n' };
    assert.deepEqual(unreachable(files), ['menu:information', 'queue-exit:information', 'forgotten:information', 'also-forgotten:information']);
    assert.deepEqual(unreachable({ '/pbx/extensions.conf': DIALPLAN }), []);
  });
});

describe('contexts named elsewhere', () => {
  it('config-context-missing: queues.conf or voicemail.conf naming a context the dialplan lacks', () => {
    const files = {
      '/pbx/extensions.conf': '[from-users]\nexten => 1,1,NoOp()\n[queue-exit]\nexten => s,1,NoOp()\n',
      '/pbx/queues.conf': '[support]\ncontext=queue-exit\n[sales]\ncontext=queue-exitt\n',
      '/pbx/voicemail.conf': '[general]\ndialout=${DIALOUT}\n[default]\n1001 => 1234,Alice\n',
      '/pbx/sip.conf': '[general]\nallowguest=no\ncontext=from-users\n',
    };
    const ws = new Workspace(new MemoryHost(files));
    for (const f of Object.keys(files)) ws.addKnown(f);
    assert.deepEqual(
      fileFindings(ws, '/pbx/queues.conf').map((f) => `${f.code}@${files['/pbx/queues.conf'].slice(0, f.start).split('\n').length}`),
      ['config-context-missing@4'],
    );
    assert.deepEqual(fileFindings(ws, '/pbx/voicemail.conf'), []);
  });
});
