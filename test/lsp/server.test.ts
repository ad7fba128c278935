// The language server over a real LSP connection (stdio), no editor: capabilities, pull of outline and folding,
// pushed diagnostics that follow incremental edits and other files, and bad input.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { DocumentSymbolRequest, FoldingRangeRequest } from 'vscode-languageserver-protocol/node';
import { LspClient, uriOf } from './lspClient';

const EXTENSIONS = `; Site A dialplan
[general]
static=yes

[globals]
TRUNK=SIP/wazo-trunk

[from-users]
include => outgoing
exten => 1001,hint,SIP/1001
exten => 1001,1,Dial(SIP/1001,20)
 same => n,VoiceMail(1001@default)
exten => _1XXX,1,Dial(SIP/\${EXTEN})

[outgoing]
exten => _**99.,1,Dial(\${TRUNK}/\${EXTEN:4},30)
`;

describe('language server over LSP', () => {
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-lsp-'));
    fs.writeFileSync(path.join(dir, 'extensions.conf'), EXTENSIONS);
    fs.writeFileSync(path.join(dir, 'extensions_custom.conf'), 'exten => 2000,1,NoOp(joins the includer)\n');
    fs.writeFileSync(path.join(dir, 'sip.conf'), '[general]\nbindport=5060\n#include "missing-peers.conf"\ncontext=from-users\nallowguest=no\n');
    client = await LspClient.start(dir);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('announces its capabilities', () => {
    const caps = client.initializeResult!.capabilities;
    assert.deepEqual(
      { sync: caps.textDocumentSync, symbols: !!caps.documentSymbolProvider, folding: caps.foldingRangeProvider },
      { sync: 2, symbols: true, folding: true },
    );
    assert.equal(client.initializeResult!.serverInfo?.name, 'pbx-interconnect-language-server');
  });

  it('publishes no diagnostic for a healthy dialplan, then one at the exact range after a breaking edit, then none after the fix', async () => {
    const file = path.join(dir, 'extensions.conf');
    await client.open(file, EXTENSIONS);
    await client.diagnosticsFor(file, (d) => d.length === 0);
    // delete the ']' of [outgoing] (line 14)
    await client.edit(file, { start: { line: 14, character: 9 }, end: { line: 14, character: 10 } }, '');
    const broken = await client.diagnosticsFor(file, (d) => d.length > 0);
    // the header error, and what follows from it: [outgoing] is no context any more, so its include finds nothing
    assert.deepEqual(broken.map((d) => d.code), ['dialplan-include-missing', 'syntax-unclosed-section']);
    const header = broken[1];
    assert.equal(header.source, 'pbx-interconnect');
    assert.equal(header.severity, 1);
    assert.deepEqual(header.range, { start: { line: 14, character: 0 }, end: { line: 14, character: 9 } });
    assert.match(String(header.message), /Asterisk will load none of this file/);
    await client.edit(file, { start: { line: 14, character: 9 }, end: { line: 14, character: 9 } }, ']');
    await client.diagnosticsFor(file, (d) => d.length === 0);
  });

  it('outlines contexts with their extensions and includes', async () => {
    const file = path.join(dir, 'extensions.conf');
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf(file) } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail, (s.children ?? []).map((c) => c.name)]),
      [
        ['general', 'section', []],
        ['globals', 'section', []],
        ['from-users', 'context', ['include outgoing', '1001', '_1XXX']],
        ['outgoing', 'context', ['_**99.']],
      ],
    );
    const ext1001 = symbols[2].children![1];
    assert.deepEqual(ext1001.range, { start: { line: 9, character: 0 }, end: { line: 11, character: 34 } });
    // named plainly; the line count and the hint in the detail
    assert.deepEqual(symbols[2].children!.map((c) => [c.name, c.detail]), [['include outgoing', undefined], ['1001', '2 lines, hint SIP/1001'], ['_1XXX', '1 line']]);
  });

  it('outlines an extension whose hint sits apart from its priorities as one entry covering all its lines', async () => {
    const file = path.join(dir, 'extensions_hints.conf');
    const text = '[ext-local]\nexten => 1001,hint,SIP/1001\nexten => 1002,hint,SIP/1002&SIP/1002b\nexten => 1001,1,Dial(SIP/1001,20)\n same => n,VoiceMail(1001@default)\nexten => 1002,1,Dial(SIP/1002,20)\nexten => 1003,hint,SIP/1003\n';
    await client.open(file, text);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf(file) } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols[0].children!.map((c) => [c.name, c.detail, c.range.start.line, c.range.end.line, c.selectionRange.start.line]),
      [
        ['1001', '2 lines, hint SIP/1001', 1, 4, 1],
        ['1002', '1 line, hint SIP/1002&SIP/1002b', 2, 5, 2],
        ['1003', 'no priority, hint SIP/1003', 6, 6, 6],
      ],
    );
  });

  it('folds sections', async () => {
    const file = path.join(dir, 'extensions.conf');
    const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: uriOf(file) } });
    assert.deepEqual(
      ranges!.map((r) => [r.startLine, r.endLine]),
      [
        [1, 2],
        [4, 5],
        [7, 12],
        [14, 15],
      ],
    );
  });

  it('judges a file by the files that include it, and reports a missing #include of a closed file', async () => {
    const custom = path.join(dir, 'extensions_custom.conf');
    const sip = path.join(dir, 'sip.conf');
    // extensions_custom.conf is included by nobody yet: its first line has no section
    await client.open(custom, fs.readFileSync(custom, 'utf8'));
    const lonely = await client.diagnosticsFor(custom, (d) => d.length > 0);
    assert.deepEqual(lonely.map((d) => d.code), ['syntax-no-section']);
    // now extensions.conf includes it inside [outgoing]: the line joins that context
    const file = path.join(dir, 'extensions.conf');
    await client.edit(file, { start: { line: 16, character: 0 }, end: { line: 16, character: 0 } }, '#include extensions_custom.conf\n');
    await client.diagnosticsFor(custom, (d) => d.length === 0);
    await client.open(sip, fs.readFileSync(sip, 'utf8'));
    const missing = await client.diagnosticsFor(sip, (d) => d.length > 0);
    assert.deepEqual(missing.map((d) => [d.code, d.range.start.line]), [['syntax-include-missing', 2]]);
  });

  it('applies the per-code severity setting, including off', async () => {
    const file = path.join(dir, 'severity.conf');
    await client.open(file, '[s]\n#exec /bin/true\nno equals\n');
    const before = await client.diagnosticsFor(file, (d) => d.length === 2);
    assert.deepEqual(before.map((d) => [d.code, d.severity]), [['exec-directive', 2], ['syntax-missing-equals', 2]]);
    await client.changeSettings({ diagnostics: { severity: { 'exec-directive': 'information', 'syntax-missing-equals': 'off' } } });
    const after = await client.diagnosticsFor(file, (d) => d.length === 1);
    assert.deepEqual(after.map((d) => [d.code, d.severity]), [['exec-directive', 3]]);
    await client.changeSettings({});
    await client.diagnosticsFor(file, (d) => d.length === 2);
  });

  it('survives bad input: binary junk, a huge line, unbalanced everything', async () => {
    const file = path.join(dir, 'junk.conf');
    const junk = '\u0000\u0001[[[(((\n' + '='.repeat(20000) + '\n;--\n--;--;;--\n\\\n#\n[x](\n' + String.fromCharCode(...Array.from({ length: 500 }, (_, i) => (i * 7919) % 65536));
    await client.open(file, junk);
    const d = await client.diagnosticsFor(file, (x) => x.length > 0);
    assert.ok(d.every((x) => typeof x.code === 'string' && x.range.start.line >= 0));
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf(file) } });
    assert.ok(Array.isArray(symbols));
    assert.equal(client.stderr.includes('Error'), false, client.stderr);
  });

  it('reads an edit past the end, or backwards, as the LSP specification says: its text stays the editor\'s (issue 13, F3)', async () => {
    const file = path.join(dir, 'edits.conf');
    const text = '[default]\nexten => 1,1,NoOp(one)\n';
    await client.open(file, text);
    await client.diagnosticsFor(file, () => true);
    // VS Code never sends these; other clients do. A line past the end is the end of the document, a character past
    // the end of its line the end of that line, and a backwards range is read the other way round.
    await client.edit(file, { start: { line: 40, character: 0 }, end: { line: 41, character: 3 } }, 'exten => 2,1,NoOp(two)\n');
    await client.edit(file, { start: { line: 1, character: 200 }, end: { line: 1, character: 8 } }, ' 3,1,NoOp(three)');
    const expected = '[default]\nexten =>  3,1,NoOp(three)\nexten => 2,1,NoOp(two)\n';
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf(file) } })) as { name: string; children?: { name: string }[] }[];
    assert.deepEqual(symbols.map((x) => [x.name, (x.children ?? []).map((c) => c.name.split(' ')[0])]), [['default', ['3', '2']]], expected);
    const d = await client.diagnosticsFor(file, () => true);
    assert.deepEqual(d.map((x) => x.code), [], 'no duplicate [default] nor a priority on a line that does not exist');
  });

  it('names every outline entry, even a line being typed whose extension has no name yet', async () => {
    const file = path.join(dir, 'typing.conf');
    await client.open(file, '[c]\nexten => ,1,NoOp()\nexten => 1,1,NoOp()\n');
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf(file) } })) as { name: string; children?: { name: string }[] }[];
    const names = symbols.flatMap((x) => [x.name, ...(x.children ?? []).map((c) => c.name)]);
    assert.ok(names.every((n) => n !== ''), JSON.stringify(names));
  });
});
