// The style checks over a real LSP connection: off until the setting pbx.diagnostics.severity names them (a
// family, a code, `on`), on open documents and on closed files alike, with their quick fixes; `off` turns them off.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { CodeActionRequest } from 'vscode-languageserver-protocol/node';
import { LspClient, uriOf } from './lspClient';

const DIALPLAN = '[from-internal]\nexten => 100,1,Dial(PJSIP/100,20)  \n same => n,Hangup()';

const style = (d: Diagnostic[]): string[] => d.filter((x) => String(x.code).startsWith('style-')).map((x) => `${String(x.code)}@${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character}/${x.severity}`);

describe('style checks over LSP', () => {
  let dir: string;
  let client: LspClient;
  const dialplan = (): string => path.join(dir, 'extensions.conf');
  const sip = (): string => path.join(dir, 'sip.conf');

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-lsp-style-'));
    fs.writeFileSync(dialplan(), DIALPLAN);
    // never opened: CRLF lines but one, a Latin-1 byte ("Léa")
    fs.writeFileSync(sip(), Buffer.concat([Buffer.from('[general]\r\ncontext=from-internal\r\nallowguest=no\n\r\n[100]\r\ntype=friend\r\ncallerid="L'), Buffer.from([0xe9]), Buffer.from('a" <100>\r\nhost=dynamic\r\nsecret=Zq7-Unguessable-A1\r\n')]));
    client = await LspClient.start(dir);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports none while the setting leaves them off', async () => {
    await client.open(dialplan(), DIALPLAN);
    const d = await client.diagnosticsFor(dialplan(), () => true);
    assert.deepEqual(style(d), []);
    // (a file without findings may never be published)
    assert.deepEqual(style(client.published(sip()).at(-1) ?? []), []);
  });

  it('reports them as hints once the family is on, in the open document and in the closed sip.conf', async () => {
    await client.changeSettings({ diagnostics: { severity: { style: 'hint' } } });
    const d = await client.diagnosticsFor(dialplan(), (x) => style(x).length > 0);
    assert.deepEqual(style(d), ['style-trailing-whitespace@1:33-1:35/4', 'style-final-newline@2:19-2:19/4']);
    const closed = await client.diagnosticsFor(sip(), (x) => style(x).length > 0);
    assert.deepEqual(style(closed), ['style-mixed-line-endings@2:13-3:0/4', 'style-invalid-utf8@6:11-6:12/4']);
  });

  it('offers the quick fixes, which leave the expected text', async () => {
    const d = await client.diagnosticsFor(dialplan(), (x) => style(x).length === 2);
    const fixes: string[] = [];
    for (const diagnostic of d.filter((x) => String(x.code).startsWith('style-'))) {
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uriOf(dialplan()) }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as {
        title: string;
        isPreferred?: boolean;
        edit: { changes: Record<string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]> };
      }[];
      assert.equal(actions.length, 1, JSON.stringify(actions));
      const [edit] = actions[0].edit.changes[uriOf(dialplan())];
      fixes.push(`${actions[0].title}: ${edit.range.start.line}:${edit.range.start.character}-${edit.range.end.line}:${edit.range.end.character} ${JSON.stringify(edit.newText)}`);
      assert.equal(actions[0].isPreferred, true);
    }
    assert.deepEqual(fixes, ['Remove trailing whitespace: 1:33-1:35 ""', 'Add a line break at the end of the file: 2:19-2:19 "\\n"']);
    // the fixes applied: nothing left to report
    await client.edit(dialplan(), { start: { line: 2, character: 19 }, end: { line: 2, character: 19 } }, '\n');
    await client.edit(dialplan(), { start: { line: 1, character: 33 }, end: { line: 1, character: 35 } }, '');
    await client.diagnosticsFor(dialplan(), (x) => style(x).length === 0);
  });

  it('takes a severity per code, the most specific key winning, and off', async () => {
    await client.changeSettings({ diagnostics: { severity: { 'style-*': 'on', 'style-invalid-utf8': 'warning', 'style-mixed-line-endings': 'off' } } });
    const closed = await client.diagnosticsFor(sip(), (x) => style(x).length === 1);
    assert.deepEqual(style(closed), ['style-invalid-utf8@6:11-6:12/2']);
    await client.changeSettings({ diagnostics: { severity: { style: 'off' } } });
    await client.diagnosticsFor(sip(), (x) => style(x).length === 0);
  });
});
