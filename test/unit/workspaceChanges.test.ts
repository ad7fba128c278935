// What a change of one file makes the workspace rebuild (issue 13): only the configurations loaded from it, or whose
// #include could name it. Before, a PBX with a missing #include was rebuilt at every keystroke in any file, and the
// checks scanned every file of the workspace for every PBX: with a thousand PBX folders the server fell behind the
// editor (found by `npm run fuzz -- --lsp`).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { lookup } from '../../server/src/model/matcher';
import { nonDialplanFiles, pbxsOf } from '../../server/src/model/pbx';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';

describe('what a change rebuilds', () => {
  const files = {
    '/w/a/extensions.conf': '[default]\nexten => 1,1,NoOp()\n#include part.conf\n#include "more-*.conf"\n',
    '/w/b/extensions.conf': '[default]\nexten => 2,1,NoOp()\n',
  };

  it('keeps a dialplan with a missing #include when another PBX\'s file changes', () => {
    const ws = new Workspace(new MemoryHost({ ...files }));
    for (const f of Object.keys(files)) ws.addKnown(f);
    const before = ws.dialplanFor('/w/a/extensions.conf');
    ws.changed('/w/b/extensions.conf');
    assert.equal(ws.dialplanFor('/w/a/extensions.conf'), before);
  });

  it('rebuilds it when the file the #include names, or one its glob matches, changes', () => {
    const host = new MemoryHost({ ...files });
    const ws = new Workspace(host);
    for (const f of Object.keys(files)) ws.addKnown(f);
    assert.equal(lookup(ws.dialplanFor('/w/a/extensions.conf')!, 'default', '3').result, 'no-extension');
    host.files['/w/a/part.conf'] = 'exten => 3,1,NoOp()\n';
    ws.changed('/w/a/part.conf');
    assert.equal(lookup(ws.dialplanFor('/w/a/extensions.conf')!, 'default', '3').result, 'match');
    host.files['/w/a/more-x.conf'] = 'exten => 4,1,NoOp()\n';
    ws.changed('/w/a/more-x.conf');
    assert.equal(lookup(ws.dialplanFor('/w/a/extensions.conf')!, 'default', '4').result, 'match');
  });

  it('a file that comes into the workspace rebuilds what could include it, not every PBX; a new root file still does', () => {
    const host = new MemoryHost({ ...files });
    const ws = new Workspace(host);
    for (const f of Object.keys(files)) ws.addKnown(f);
    const a = ws.dialplanFor('/w/a/extensions.conf');
    const b = ws.dialplanFor('/w/b/extensions.conf');
    // a file nobody includes, opened in b's folder: neither PBX is rebuilt
    host.files['/w/b/notes.conf'] = '[x]\nexten => 9,1,NoOp()\n';
    ws.addKnown('/w/b/notes.conf');
    assert.equal(ws.dialplanFor('/w/a/extensions.conf'), a);
    assert.equal(ws.dialplanFor('/w/b/extensions.conf'), b);
    // the file a's #include names, created: a is rebuilt and finds it, b is kept
    host.files['/w/a/part.conf'] = 'exten => 3,1,NoOp()\n';
    ws.addKnown('/w/a/part.conf');
    assert.equal(lookup(ws.dialplanFor('/w/a/extensions.conf')!, 'default', '3').result, 'match');
    assert.equal(ws.dialplanFor('/w/b/extensions.conf'), b);
    // a root file moves config roots: everything is loaded again
    host.files['/w/b/sip.conf'] = '[general]\n';
    ws.addKnown('/w/b/sip.conf');
    assert.notEqual(ws.dialplanFor('/w/b/extensions.conf'), b);
  });

  it('gives each PBX the files of its own folder', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 50; i++) {
      many[`/w/p${i}/extensions.conf`] = '[default]\nexten => 1,1,NoOp()\n';
      many[`/w/p${i}/sip.conf`] = '[general]\n';
      many[`/w/p${i}/iax.conf`] = '[general]\n';
    }
    const ws = new Workspace(new MemoryHost(many));
    for (const f of Object.keys(many)) ws.addKnown(f);
    for (const pbx of pbxsOf(ws)) assert.deepEqual(nonDialplanFiles(ws, pbx).sort(), [`${pbx.dir}/iax.conf`, `${pbx.dir}/sip.conf`]);
  });
});
