// Loading a configuration across #include as ast_config_load does: the problems that need more than one line.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
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

  it('reports a missing #include as fatal for the file, and accepts a missing #tryinclude', () => {
    const ws = workspace({ '/pbx/extensions.conf': '[c]\n#tryinclude optional.conf\n#include "missing.conf"\n' });
    const problems = ws.problems('/pbx/extensions.conf');
    assert.deepEqual(problems.map((p) => p.code), ['syntax-include-missing']);
    assert.match(problems[0].message, /'missing\.conf' does not exist.*Asterisk will load none of this file/);
    assert.equal(ws.document('/pbx/extensions.conf')!.lineStarts.length, 4);
    assert.equal(problems[0].start, '[c]\n#tryinclude optional.conf\n#include "'.length);
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
});
