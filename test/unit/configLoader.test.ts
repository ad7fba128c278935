// Loading a configuration across #include as ast_config_load does: the problems that need more than one line.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../server/src/model/configLoader';
import { DiskFileHost, segmentRegExp } from '../../server/src/model/fileHost';
import type { ConfigDocument } from '../../server/src/parser/ast';
import { parseConfig } from '../../server/src/parser/configParser';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';

function workspace(files: Record<string, string>): Workspace {
  const ws = new Workspace(new MemoryHost(files));
  for (const f of Object.keys(files)) ws.addKnown(f);
  return ws;
}
const codes = (ws: Workspace, file: string): string[] => ws.problems(file).map((p) => p.code);

describe('config loader', () => {
  it('resolves #include against the config root, with globs in sorted order', () => {
    const ws = workspace({
      '/etc/asterisk/extensions.conf': '[general]\n#include "dialplan/*.conf"\n',
      '/etc/asterisk/dialplan/b.conf': '[b]\nexten => 1,1,NoOp()\n',
      '/etc/asterisk/dialplan/a.conf': '[a]\n#include nested/n.conf\n',
      '/etc/asterisk/nested/n.conf': '[nested]\n',
    });
    const loaded = ws.load('/etc/asterisk/extensions.conf');
    assert.deepEqual(loaded.files, ['/etc/asterisk/extensions.conf', '/etc/asterisk/dialplan/a.conf', '/etc/asterisk/nested/n.conf', '/etc/asterisk/dialplan/b.conf']);
    assert.deepEqual(loaded.sections.map((s) => s.section.name.text), ['general', 'a', 'nested', 'b']);
    assert.deepEqual(loaded.problems, []);
  });

  it('reads include globs as glob(3) does, never throwing: a reversed range matches nothing (issue 13, F1)', () => {
    const ws = workspace({
      '/pbx/extensions.conf': '[c]\n#tryinclude nosuch.conf[clear-mwi]\n#tryinclude a[z-a].conf\n#include "parts/[!x]*.conf"\n#include "parts/[[:digit:]].conf"\n',
      '/pbx/parts/1.conf': '[one]\n',
      '/pbx/parts/x.conf': '[x]\n',
      '/pbx/az.conf': '[az]\n',
    });
    const loaded = ws.load('/pbx/extensions.conf');
    // [clear-mwi] holds the reversed range r-m: its other letters still match, none of the files here
    assert.deepEqual(loaded.files, ['/pbx/extensions.conf', '/pbx/parts/1.conf', '/pbx/parts/1.conf']);
    assert.deepEqual(ws.problems('/pbx/extensions.conf'), []);
    for (const pattern of ['a[z-a]', 'b[]', '[', 'c[\\', 'd[!]', 'e[a-]', '{x,y', '[[:nope:]]']) assert.doesNotThrow(() => segmentRegExp(pattern), pattern);
    assert.equal(segmentRegExp('a[z-a]').test('az'), false);
    assert.equal(segmentRegExp('a[z-ab]').test('ab'), true, 'the rest of the bracket still matches');
    assert.equal(segmentRegExp('[]x]').test(']'), true, 'a ] first is literal');
    assert.equal(segmentRegExp('[!a]').test('b'), true);
    assert.equal(segmentRegExp('[!a]').test('a'), false);
  });

  it('says that an #include is a symbolic link that loops, not that it does not exist', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-loop-'));
    try {
      fs.writeFileSync(path.join(dir, 'extensions.conf'), '[c]\n#include loop.conf\n');
      fs.symlinkSync('loop2.conf', path.join(dir, 'loop.conf'));
      fs.symlinkSync('loop.conf', path.join(dir, 'loop2.conf'));
      const ws = new Workspace(new DiskFileHost());
      const root = path.join(dir, 'extensions.conf').split(path.sep).join('/');
      ws.addKnown(root);
      const problems = ws.problems(root);
      assert.deepEqual(problems.map((p) => p.code), ['syntax-include-missing']);
      assert.match(problems[0].message, /'loop\.conf' is a symbolic link that loops \(ELOOP\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('copies what a template holds when the header names it, through chains 20,000 deep (issue 13, F4)', () => {
    const lines = ['[t0](!)', 'type=friend'];
    for (let i = 1; i < 20000; i++) lines.push(`[t${i}](!,t${i - 1})`, `context=c${i}`);
    lines.push('[peer](t19999)', 'secret=Xk29!qLm7vB2long', '[base]', 'a=1', '[child](base)', 'b=2', '[base](+)', 'late=3');
    const ws = workspace({ '/pbx/sip.conf': lines.join('\n') + '\n' });
    const loaded = ws.load('/pbx/sip.conf');
    const peer = loaded.categories.find((c) => c.name === 'peer')!;
    assert.equal(peer.variables.length, 20001);
    assert.deepEqual(peer.variables.slice(0, 2).map((v) => [v.assignment.key.text, v.inheritedFrom]), [['type', 't0'], ['context', 't1']]);
    assert.deepEqual(peer.variables.slice(-2).map((v) => [v.assignment.value.text, v.inheritedFrom]), [['c19999', 't19999'], ['Xk29!qLm7vB2long', null]]);
    // what the template gains after the header named it is not inherited, as in Asterisk
    const child = loaded.categories.find((c) => c.name === 'child')!;
    assert.deepEqual(child.variables.map((v) => `${v.assignment.key.text}<${v.inheritedFrom}`), ['a<base', 'b<null']);
  });

  it('never reads an #include outside the workspace folders unless allowed, and says so (issue 13)', () => {
    const files = {
      '/ws/pbx/extensions.conf': '[c]\n#include /etc/passwd\n#include ../../outside/x.conf\n#include inside.conf\n',
      '/ws/pbx/inside.conf': '[inside]\n',
      '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\n',
      '/outside/x.conf': '[x]\n',
    };
    const ws = new Workspace(new MemoryHost(files));
    ws.addFolder('/ws');
    ws.addKnown('/ws/pbx/extensions.conf');
    const loaded = ws.load('/ws/pbx/extensions.conf');
    assert.deepEqual(loaded.files, ['/ws/pbx/extensions.conf', '/ws/pbx/inside.conf']);
    const problems = ws.problems('/ws/pbx/extensions.conf');
    assert.deepEqual(problems.map((p) => `${p.code}:${p.severity}`), ['syntax-include-outside:information', 'syntax-include-outside:information']);
    assert.match(problems[0].message, /'\/etc\/passwd' is outside the workspace folders: PBX Interconnect does not read it/);
    assert.ok(problems.every((p) => !p.message.includes('root:x')), 'nothing of the file is quoted');
    ws.configure({ includeOutsideWorkspace: true });
    assert.deepEqual(ws.load('/ws/pbx/extensions.conf').files, ['/ws/pbx/extensions.conf', '/etc/passwd', '/outside/x.conf', '/ws/pbx/inside.conf']);
  });

  it('reports a missing #include as fatal for the file, and accepts a missing #tryinclude', () => {
    const ws = workspace({ '/pbx/extensions.conf': '[c]\n#tryinclude optional.conf\n#include "missing.conf"\n' });
    const problems = ws.problems('/pbx/extensions.conf');
    assert.deepEqual(problems.map((p) => p.code), ['syntax-include-missing']);
    assert.match(problems[0].message, /'missing\.conf' does not exist.*Asterisk will load none of this file/);
    assert.equal(ws.document('/pbx/extensions.conf')!.lineStarts.length, 4);
    assert.equal(problems[0].start, '[c]\n#tryinclude optional.conf\n#include "'.length);
  });

  it('drops the rest of an included file after a missing #include in it, and goes on in the includer', () => {
    const ws = workspace({
      '/pbx/extensions.conf': '[first]\n#include part.conf\n[after]\nexten => 3,1,NoOp()\n',
      '/pbx/part.conf': '[kept]\nexten => 1,1,NoOp()\n#include gone.conf\nexten => 2,1,NoOp()\n[lost]\nexten => 9,1,NoOp()\n',
    });
    const loaded = ws.load('/pbx/extensions.conf');
    assert.deepEqual(loaded.categories.map((c) => `${c.name}:${c.variables.map((v) => v.assignment.value.text.split(',')[0]).join('|')}`), ['first:', 'kept:1', 'after:3']);
    const problems = ws.problems('/pbx/part.conf');
    assert.deepEqual(problems.map((p) => p.code), ['syntax-include-missing']);
    assert.match(problems[0].message, /drops the rest of this file .*extensions\.conf goes on loading/);
  });

  it('rejects a root file for any line before its first header, with or without =, as Asterisk does', () => {
    const ws = workspace({ '/pbx/extensions.conf': 'just words\n= value\n[c]\nexten => 1,1,NoOp()\nno equals here\n' });
    const problems = ws.problems('/pbx/extensions.conf');
    assert.deepEqual(problems.map((p) => p.code), ['syntax-no-section', 'syntax-no-section', 'syntax-missing-equals']);
    assert.match(problems[0].message, /No category context.*Asterisk will load none of this file/);
    assert.ok(problems[0].fatal);
  });

  it('reports an include loop instead of following it forever', () => {
    const ws = workspace({ '/pbx/extensions.conf': '[c]\n#include a.conf\n', '/pbx/a.conf': '[a]\n#include extensions.conf\n' });
    assert.deepEqual(codes(ws, '/pbx/a.conf'), ['syntax-include-loop']);
    assert.deepEqual(codes(ws, '/pbx/extensions.conf'), ['syntax-include-loop']);
  });

  it('rejects a template or (+) that names no section defined before', () => {
    const ws = workspace({ '/pbx/sip.conf': '[peer](tpl)\n[tpl](!)\n[ok](tpl)\n[nope](+)\n[ok](+)\n[tpl](+)\n' });
    assert.deepEqual(codes(ws, '/pbx/sip.conf'), ['syntax-unknown-template', 'syntax-append-missing', 'syntax-append-missing']);
  });

  it('finds templates defined in an earlier included file, case-insensitively', () => {
    const ws = workspace({ '/pbx/sip.conf': '#include templates.conf\n[peer](Trunk-Tpl)\n', '/pbx/templates.conf': '[trunk-tpl](!)\nhost=dynamic\n' });
    assert.deepEqual(codes(ws, '/pbx/sip.conf'), []);
  });

  it('lets lines before the first header of an included file join the includer, but not of a root file', () => {
    const ws = workspace({ '/pbx/extensions.conf': '[ctx]\n#include part.conf\n', '/pbx/part.conf': 'exten => 1,1,NoOp()\n', '/pbx/lonely.conf': 'x=1\n[s]\n' });
    assert.deepEqual(codes(ws, '/pbx/part.conf'), []);
    assert.deepEqual(codes(ws, '/pbx/lonely.conf'), ['syntax-no-section']);
  });

  it('loads the same categories again after edits, with (+) and an included preamble adding to kept sections', () => {
    const files: Record<string, string> = {
      '/pbx/extensions.conf': '[a]\nexten => 1,1,NoOp()\n[b]\nexten => 2,1,NoOp()\n#include part.conf\n[c]\nexten => 4,1,NoOp()\n[a](+)\nexten => 5,1,NoOp()\n',
      '/pbx/part.conf': 'exten => 3,1,NoOp()\n[d]\nexten => 6,1,NoOp()\n',
    };
    const ws = workspace(files);
    const lines = (): string[][] => ws.load('/pbx/extensions.conf').categories.map((c) => c.variables.map((v) => v.assignment.value.text));
    const expected = [['1,1,NoOp()', '5,1,NoOp()'], ['2,1,NoOp()', '3,1,NoOp()'], ['6,1,NoOp()'], ['4,1,NoOp()']];
    assert.deepEqual(lines(), expected);
    // an edit in [c] re-reads [c] alone; [a], its (+) and the rest are kept nodes, loaded again
    const at = files['/pbx/extensions.conf'].indexOf('4,1');
    for (const [edit, value] of [[{ start: at, end: at, text: '7' }, '74,1,NoOp()'], [{ start: at, end: at + 1, text: '' }, '4,1,NoOp()']] as const) {
      const before = files['/pbx/extensions.conf'];
      files['/pbx/extensions.conf'] = before.slice(0, edit.start) + edit.text + before.slice(edit.end); // the host reads this record
      ws.edited('/pbx/extensions.conf', files['/pbx/extensions.conf'], [edit]);
      assert.deepEqual(lines(), [...expected.slice(0, 3), [value]]);
    }
  });

  it('gives each line the file it was loaded from, even from one document read under two names', () => {
    // a line is its own loaded variable (it carries its file); a document two names share keeps its first name's
    // lines, and the second gets records of its own
    const doc = parseConfig('[a]\nexten => 1,1,NoOp()\n[b]\n#include other.conf\nexten => 2,1,NoOp()\n');
    const other = parseConfig('exten => 3,1,NoOp()\n');
    const host = new MemoryHost({ '/x/extensions.conf': '', '/y/extensions.conf': '', '/x/other.conf': '', '/y/other.conf': '' });
    const source = (f: string): ConfigDocument => (f.endsWith('other.conf') ? other : doc);
    const files = (root: string): string[][] => loadConfig(root, host, source).categories.map((c) => c.variables.map((v) => `${v.file}:${v.assignment.value.text}`));
    const x = files('/x/extensions.conf');
    assert.deepEqual(x, [['/x/extensions.conf:1,1,NoOp()'], ['/x/other.conf:3,1,NoOp()', '/x/extensions.conf:2,1,NoOp()']]);
    assert.deepEqual(files('/y/extensions.conf'), [['/y/extensions.conf:1,1,NoOp()'], ['/y/other.conf:3,1,NoOp()', '/y/extensions.conf:2,1,NoOp()']]);
    // and the first load still says where its lines came from
    assert.deepEqual(files('/x/extensions.conf'), x);
  });
});
