// Exposure: what strangers or the other side of a trunk can reach.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fileFindings } from '../../server/src/analysis/findings';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';

function findings(files: Record<string, string>, file: string): string[] {
  const ws = new Workspace(new MemoryHost(files));
  for (const f of Object.keys(files)) ws.addKnown(f);
  const text = files[file];
  return fileFindings(ws, file).map((f) => `${f.code}@${text.slice(0, f.start).split('\n').length}`);
}

const PHONES = '[1001]\ntype=friend\nhost=dynamic\nsecret=Xk29!qLm7vB2\ncontext=from-users\n';

describe('exposure checks', () => {
  it('exposure-default-context: a trunk landing in default, or in a context that reaches the phones', () => {
    const files = {
      '/a/sip.conf': `[general]\nallowguest=no\n[provider]\ntype=peer\nhost=203.0.113.5\nsecret=Xk29!qLm7vB2\n[other]\ntype=peer\nhost=203.0.113.6\nsecret=Xk29!qLm7vB2\ncontext=from-trunk\n${PHONES}`,
      '/a/extensions.conf': '[default]\nexten => 1,1,NoOp()\n[from-trunk]\ninclude => from-users\n[from-users]\nexten => 1001,1,Dial(SIP/1001)\n',
    };
    assert.deepEqual(findings(files, '/a/sip.conf'), ['exposure-default-context@3', 'exposure-default-context@11']);
  });

  it('exposure-guest-dialout: allowguest (on by default) into a context that dials out through a trunk', () => {
    const files = {
      '/a/sip.conf': `[general]\ncontext=public\n[provider]\ntype=peer\nhost=203.0.113.5\nsecret=Xk29!qLm7vB2\ncontext=Incalls\n${PHONES}`,
      '/a/extensions.conf': '[public]\ninclude => outgoing\n[outgoing]\nexten => _00.,1,Dial(SIP/${EXTEN}@provider)\n[Incalls]\nexten => 101,1,Dial(SIP/1001)\n[from-users]\nexten => 1001,1,Dial(SIP/1001)\n',
    };
    assert.deepEqual(findings(files, '/a/sip.conf'), ['exposure-guest-dialout@2']);
    const closed = { ...files, '/a/sip.conf': files['/a/sip.conf'].replace('[general]\n', '[general]\nallowguest=no\n') };
    assert.deepEqual(findings(closed, '/a/sip.conf'), []);
  });

  it('exposure-insecure-invite, exposure-no-secret and exposure-weak-secret (never printing the secret)', () => {
    const files = {
      '/a/sip.conf': '[general]\nallowguest=no\ncontext=from-users\n[phone1]\ntype=friend\nhost=dynamic\n[phone2]\ntype=friend\nhost=dynamic\nsecret=1234\n[phone3]\ntype=friend\nhost=dynamic\nsecret=phone3\n[itsp]\ntype=peer\nhost=198.51.100.7\ninsecure=port,invite\nsecret=Xk29!qLm7vB2\n',
      '/a/extensions.conf': '[from-users]\nexten => 1,1,NoOp()\n',
    };
    const ws = new Workspace(new MemoryHost(files));
    for (const f of Object.keys(files)) ws.addKnown(f);
    const all = fileFindings(ws, '/a/sip.conf');
    assert.deepEqual(
      all.map((f) => `${f.code}@${files['/a/sip.conf'].slice(0, f.start).split('\n').length}:${f.severity}`),
      // (the provider trunk sets no context, so it lands in [general]'s from-users: where the phones are)
      ['exposure-default-context@3:warning', 'exposure-no-secret@4:warning', 'exposure-weak-secret@10:warning', 'exposure-weak-secret@14:warning', 'exposure-insecure-invite@18:information'],
    );
    assert.ok(all.every((f) => !f.message.includes('1234') && !f.message.includes('Xk29')));
  });
});

describe('trunk quick fixes', () => {
  it('creates the missing context in the PBX extensions.conf', () => {
    const files = {
      '/b/sip.conf': '[general]\nallowguest=no\ncontext=Incalls\n[wazo-trunk]\ntype=friend\nhost=127.0.0.1\nsecret=Xk29!qLm7vB2\ncontext=Incals\n',
      '/b/extensions.conf': '[Incalls]\nexten => 101,1,NoOp()\n',
    };
    const ws = new Workspace(new MemoryHost(files));
    for (const f of Object.keys(files)) ws.addKnown(f);
    const f = fileFindings(ws, '/b/sip.conf').find((x) => x.code === 'trunk-context-missing')!;
    assert.equal(f.fixes?.[0].title, 'Create context [Incals] in extensions.conf');
    const edit = f.fixes![0].edits[0];
    assert.equal(edit.file, '/b/extensions.conf');
    const fixed = files['/b/extensions.conf'] + edit.text;
    assert.match(fixed, /\n\[Incals\]\n/);
  });
});

describe('exposure checks for pjsip', () => {
  it('a trunk endpoint landing in default, and a weak auth password (never shown)', () => {
    const files = {
      '/p/pjsip.conf': '[t]\ntype = transport\nprotocol = udp\nbind = 127.0.0.1:5160\n[itsp]\ntype = endpoint\naors = itsp\nauth = itsp\n[itsp]\ntype = aor\ncontact = sip:203.0.113.5\n[itsp]\ntype = auth\nusername = itsp\npassword = 123456\n',
      '/p/extensions.conf': '[default]\nexten => 1,1,NoOp()\n',
    };
    const ws = new Workspace(new MemoryHost(files));
    for (const f of Object.keys(files)) ws.addKnown(f);
    const text = files['/p/pjsip.conf'];
    const found = fileFindings(ws, '/p/pjsip.conf').filter((f) => f.code.startsWith('exposure-'));
    assert.deepEqual(found.map((f) => `${f.code}@${text.slice(0, f.start).split('\n').length}`), ['exposure-default-context@5', 'exposure-weak-secret@15']);
    assert.ok(found.every((f) => !f.message.includes('123456')));
  });
});
