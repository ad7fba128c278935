// The settings that tell the model what the files cannot: run-time contexts and the addresses of PBXs that bind
// to every address.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fileFindings } from '../../server/src/analysis/findings';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';

function codes(ws: Workspace, file: string): string[] {
  return fileFindings(ws, file).map((f) => f.code);
}

describe('workspace settings', () => {
  it('pbx.runtimeContexts: an include of a context made at run time is not reported', () => {
    const files = { '/pbx/extensions.conf': '[c]\ninclude => parkedcalls\ninclude => conferences-live\nexten => 1,1,Goto(conferences-live,s,1)\n' };
    const ws = new Workspace(new MemoryHost(files));
    ws.addKnown('/pbx/extensions.conf');
    assert.deepEqual(codes(ws, '/pbx/extensions.conf'), ['dialplan-include-missing', 'dialplan-goto-target-missing']);
    ws.configure({ runtimeContexts: ['parkedcalls', 'conferences-live'] });
    assert.deepEqual(codes(ws, '/pbx/extensions.conf'), []);
  });

  it('pbx.addresses: a trunk sent to a host name pairs with the PBX reached at it', () => {
    const files = {
      '/a/sip.conf': '[general]\nallowguest=no\nregister => wazo-trunk:Xk29!qLm7vB2@pbx-b.example.com:5070\n',
      '/b/sip.conf': '[general]\nallowguest=no\nbindaddr=0.0.0.0\nbindport=5070\n[trunk-a]\ntype=friend\nhost=dynamic\nsecret=Xk29!qLm7vB2\ncontext=Incalls\n',
    };
    const ws = new Workspace(new MemoryHost(files));
    for (const f of Object.keys(files)) ws.addKnown(f);
    assert.deepEqual(codes(ws, '/a/sip.conf'), []);
    ws.configure({ addresses: { b: ['pbx-b.example.com'] } });
    assert.deepEqual(codes(ws, '/a/sip.conf'), ['trunk-register-user-unknown']);
  });
});
