// Go to definition, find references and rename over a real LSP connection: on a Wazo-style dialplan (`$0`..`$9`
// mark carets) and across the two PBX folders of the examples, where renaming B's trunk peer must also rename
// A's register user and username, or the trunk stops working.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Location, WorkspaceEdit, TextDocumentEdit, AnnotatedTextEdit } from 'vscode-languageserver-protocol/node';
import type { SymbolInformation } from 'vscode-languageserver-protocol/node';
import { DefinitionRequest, PrepareRenameRequest, ReferencesRequest, RenameRequest, WorkspaceSymbolRequest } from 'vscode-languageserver-protocol/node';
import { markers, ROOT } from '../paths';
import { LspClient, uriOf } from './lspClient';

const MARKED = `[general]
static=yes

[globals]
TRUNK=SIP/provider

[from-users]
include => $0internal
exten => _0.,1,Dial(\${TR$1UNK}/\${EXTEN:1},60)
exten => 500,1,Gosub(sub-$2record,s,1)
 same => n,Goto(\${TARGET$3},s,1)
 same => n,Macro(gr$4eet)

[$5internal]
exten => 101,1,Dial(SIP/1$6001,20)
 same => n,GotoIf($["\${DIALSTATUS}" = "BUSY"]?bu$7sy)
 same => n,VoiceMail(101@default,u)
 same => n(busy),VoiceMail(101@default,b)

[sub-record]
exten => s,1,Return()

[macro-greet]
exten => s,1,Playback(hello)

[iax-out]
exten => 1,1,Dial(IAX2/br$8anch/100)
`;

const IAX = `[general]
bindport=4569
[branch]
type=friend
host=198.51.100.30
`;

const SIP = `[general]
context=from-users
[phone](!)
type=friend
host=dynamic
[1001](phone)
secret=Phone-1001-S3cret
`;

describe('definition, references and rename over LSP', () => {
  const { text, at } = markers(MARKED);
  let dir: string;
  let client: LspClient;
  let ext: string;
  let sip: string;

  const position = (offset: number): { line: number; character: number } => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  const lineOf = (file: string, l: Location): string => `${path.relative(dir, file)}:${l.range.start.line + 1}`;
  const place = (l: Location): string => `${path.relative(dir, new URL(l.uri).pathname)}:${l.range.start.line + 1}:${l.range.start.character}`;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-nav-'));
    fs.mkdirSync(path.join(dir, 'office'));
    ext = path.join(dir, 'office', 'extensions.conf');
    sip = path.join(dir, 'office', 'sip.conf');
    fs.writeFileSync(ext, text);
    fs.writeFileSync(sip, SIP);
    fs.writeFileSync(path.join(dir, 'office', 'iax.conf'), IAX);
    for (const pbx of ['wazo-a', 'wazo-b', 'ivozprovider', 'asterisk-friend', 'office-sip', 'branch-pjsip']) fs.cpSync(path.join(ROOT, 'examples', pbx), path.join(dir, pbx), { recursive: true });
    client = await LspClient.start(dir);
    await client.open(ext, text);
    await client.diagnosticsFor(ext, () => true);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('goes from an include, a Gosub, a Macro, a Dial device and a global to their definitions', async () => {
    const def = async (marker: string): Promise<string[]> =>
      ((await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uriOf(ext) }, position: position(at[marker]) })) as Location[]).map((l) => lineOf(new URL(l.uri).pathname, l));
    assert.deepEqual(await def('0'), ['office/extensions.conf:14']);
    assert.deepEqual(await def('2'), ['office/extensions.conf:20']);
    assert.deepEqual(await def('4'), ['office/extensions.conf:23']);
    assert.deepEqual(await def('6'), ['office/sip.conf:6']);
    assert.deepEqual(await def('1'), ['office/extensions.conf:5']);
    assert.deepEqual(await def('7'), ['office/extensions.conf:18'], 'a label goes to its n(label) line');
    assert.deepEqual(await def('3'), [], 'a context built at run time has no single definition');
    assert.deepEqual(await def('8'), ['office/iax.conf:3'], 'an IAX2 device goes to its peer in iax.conf');
  });

  it('finds every reference of a context: its header, include and context= in sip.conf', async () => {
    const refs = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uriOf(ext) }, position: position(at['5']), context: { includeDeclaration: true } })) as Location[];
    assert.deepEqual(refs.map(place).sort(), ['office/extensions.conf:14:1', 'office/extensions.conf:8:11']);
    const users = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uriOf(sip) }, position: { line: 1, character: 10 }, context: { includeDeclaration: false } })) as Location[];
    assert.deepEqual(users.map(place), ['office/sip.conf:2:8'], 'context=from-users, no definition asked');
  });

  it('renames a label within its context, and refuses a name built at run time with the reason', async () => {
    const edit = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uriOf(ext) }, position: position(at['7']), newName: 'engaged' })) as WorkspaceEdit;
    const edits = (edit.documentChanges as TextDocumentEdit[]).flatMap((d) => (d.edits as AnnotatedTextEdit[]).map((e) => `${e.range.start.line + 1}:${e.range.start.character} ${e.newText}`));
    assert.deepEqual(edits.sort(), ['16:46 engaged', '18:11 engaged']);
    await assert.rejects(
      client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: uriOf(ext) }, position: position(at['3']) }),
      /built at run time \(\$\{TARGET\}\)/,
    );
    await assert.rejects(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uriOf(ext) }, position: position(at['5']), newName: 'from users' }), /cannot be a context name/);
  });

  it('renames a macro context from Macro(name), keeping the macro- prefix in the header', async () => {
    const edit = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uriOf(ext) }, position: position(at['4']), newName: 'welcome' })) as WorkspaceEdit;
    const texts = (edit.documentChanges as TextDocumentEdit[]).flatMap((d) => (d.edits as AnnotatedTextEdit[]).map((e) => e.newText)).sort();
    assert.deepEqual(texts, ['macro-welcome', 'welcome']);
  });

  it('lists workspace symbols of every PBX folder: contexts, peers, templates, globals', async () => {
    const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'trunk' })) as SymbolInformation[];
    const shown = symbols.map((s) => `${s.name} (${s.containerName})`).sort();
    assert.deepEqual(shown, ['TRUNK (global · office)', 'wazo-trunk (peer · wazo-a)', 'wazo-trunk (peer · wazo-b)']);
    const incalls = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'incls' })) as SymbolInformation[];
    assert.ok(incalls.some((s) => s.name === 'Incalls' && s.containerName === 'context · wazo-b'), 'characters in order match');
  });

  it("goes from an Asterisk's register user to the IvozProvider friend it logs in as, and renames both", async () => {
    const sip = path.join(dir, 'asterisk-friend', 'sip.conf');
    const lines = fs.readFileSync(sip, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.startsWith('register => friend-name'));
    await client.open(sip, lines.join('\n'));
    const defs = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uriOf(sip) }, position: { line, character: 14 } })) as Location[];
    assert.deepEqual(defs.map(place), ['ivozprovider/ivozprovider.conf:16:1']);
    const edit = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uriOf(sip) }, position: { line, character: 14 }, newName: 'office' })) as WorkspaceEdit;
    const byFile = (edit.documentChanges as TextDocumentEdit[]).map((d) => `${path.relative(dir, new URL(d.textDocument.uri).pathname)}: ${d.edits.length}`).sort();
    assert.deepEqual(byFile, ['asterisk-friend/sip.conf: 2', 'ivozprovider/ivozprovider.conf: 1'], 'the register user, defaultuser and the friend section');
  });

  it("renames B's trunk peer everywhere that names it, A's register user and username included, with a preview", async () => {
    const bSip = path.join(dir, 'wazo-b', 'sip.conf');
    const lines = fs.readFileSync(bSip, 'utf8').split('\n');
    const line = lines.findIndex((l) => l === '[wazo-trunk]');
    await client.open(bSip, lines.join('\n'));
    const edit = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uriOf(bSip) }, position: { line, character: 3 }, newName: 'trunk-from-a' })) as WorkspaceEdit;
    const byFile = (edit.documentChanges as TextDocumentEdit[]).map((d) => `${path.relative(dir, new URL(d.textDocument.uri).pathname)}: ${d.edits.length}`).sort();
    assert.deepEqual(byFile, ['wazo-a/sip.conf: 2', 'wazo-b/extensions.conf: 1', 'wazo-b/sip.conf: 1']);
    const onA = (edit.documentChanges as TextDocumentEdit[]).find((d) => d.textDocument.uri.includes('wazo-a'))!.edits as AnnotatedTextEdit[];
    const aLines = fs.readFileSync(path.join(dir, 'wazo-a', 'sip.conf'), 'utf8').split('\n');
    assert.deepEqual(onA.map((e) => aLines[e.range.start.line].trim().split(/[=:]/)[0].trim()).sort(), ['register', 'username']);
    assert.ok(onA.every((e) => edit.changeAnnotations![e.annotationId].needsConfirmation), 'the other PBX is changed only after the preview');
  });

  it('pairs a chan_sip office with a chan_pjsip branch: the register user goes to the aor, the branch\'s auth username to the peer', async () => {
    const officeSip = path.join(dir, 'office-sip', 'sip.conf');
    const lines = fs.readFileSync(officeSip, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.startsWith('register => office:'));
    await client.open(officeSip, lines.join('\n'));
    const defs = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uriOf(officeSip) }, position: { line, character: 13 } })) as Location[];
    const branchLines = fs.readFileSync(path.join(dir, 'branch-pjsip', 'pjsip.conf'), 'utf8').split('\n');
    assert.deepEqual(defs.map((d) => `${path.relative(dir, new URL(d.uri).pathname)} ${branchLines[d.range.start.line + 1]}`), ['branch-pjsip/pjsip.conf type=aor']);
    const peerLine = lines.findIndex((l) => l === '[branch]');
    const refs = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uriOf(officeSip) }, position: { line: peerLine, character: 3 }, context: { includeDeclaration: false } })) as Location[];
    const onBranch = refs.filter((r) => r.uri.includes('branch-pjsip')).map((r) => branchLines[r.range.start.line].trim());
    assert.deepEqual(onBranch, ['username=branch'], "the branch answers the office's challenge as the peer's name");
  });
});
