// Completion, signature help and documentation hovers over a real LSP connection, on lines as an administrator
// types them (`$0`..`$9` mark the cursor, often in the middle of an unfinished line).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, Hover, MarkupContent, SignatureHelp } from 'vscode-languageserver-protocol/node';
import { CompletionRequest, HoverRequest, SignatureHelpRequest } from 'vscode-languageserver-protocol/node';
import { markers } from '../paths';
import { LspClient, uriOf } from './lspClient';

const DIALPLAN = `[globals]
TRUNK=PJSIP/provider

[from-users]
include => $0
exten => 100,1,Dial(SIP/$1
exten => 101,1,Dial(PJSIP/101@$2
exten => 102,1,Dial(SIP/alice,20,$3
exten => 103,1,Go$4
exten => 104,1,Dial(SIP/alice,$5
exten => 105,1,NoOp(\${$6
exten => 106,1,GotoIf($[1=1]?$7
exten => 107,1,Dial($8SIP/alice)
exten => 108,1,Dial(IAX2/$9
 same => n(busy),VoiceMail(107@default,b)

[internal]
exten => 200,1,Answer()
`;

const SIP = `[general]
context=from-users
[alice]
type=friend
host=dynamic
insecure=$0
in$1
context=$2
`;

const PJSIP = `[provider]
type=endpoint
aors=$0
$1

[provider-aor]
type=aor
contact=sip:203.0.113.9

[other-aor]
type=aor
max_contacts=1
`;

// A second PBX, for lines typed at the end of a file (no marker needed: the cursor is after the given text).
const LAB = `[phones]
exten => 100,1,NoOp()

[outside]
exten => _X.,1,NoOp()

[voicemail]
exten => 200,1,NoOp()

[parking]
exten => 700,1,NoOp()

[from-office]
include => phones
include => Voicemail
include => out
exten => `;

describe('completion, signature help and documentation over LSP', () => {
  const files = { dialplan: markers(DIALPLAN), sip: markers(SIP), pjsip: markers(PJSIP) };
  let dir: string;
  let client: LspClient;
  const file = (name: keyof typeof files): string => path.join(dir, 'office', { dialplan: 'extensions.conf', sip: 'sip.conf', pjsip: 'pjsip.conf' }[name]);
  const position = (name: keyof typeof files, marker: string): { line: number; character: number } => {
    const { text, at } = files[name];
    const before = text.slice(0, at[marker]).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  const labels = async (name: keyof typeof files, marker: string): Promise<string[]> =>
    ((await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uriOf(file(name)) }, position: position(name, marker) })) as CompletionItem[]).map((i) => i.label);
  let lab: string;
  /** The position right after the first occurrence of `text` in `content`. */
  const positionAfter = (content: string, text: string): { line: number; character: number } => {
    const before = content.slice(0, content.indexOf(text) + text.length).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  const hover = async (name: keyof typeof files, pos: { line: number; character: number }): Promise<string> =>
    (((await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(file(name)) }, position: pos })) as Hover | null)?.contents as MarkupContent | undefined)?.value ?? '';

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-complete-'));
    fs.mkdirSync(path.join(dir, 'office'));
    for (const name of Object.keys(files) as (keyof typeof files)[]) fs.writeFileSync(file(name), files[name].text);
    fs.writeFileSync(path.join(dir, 'office', 'iax.conf'), '[branch]\ntype=friend\nhost=198.51.100.30\n');
    lab = path.join(dir, 'lab', 'extensions.conf');
    fs.mkdirSync(path.dirname(lab));
    fs.writeFileSync(lab, LAB);
    client = await LspClient.start(dir);
    for (const name of Object.keys(files) as (keyof typeof files)[]) await client.open(file(name), files[name].text);
    await client.open(lab, LAB);
    await client.diagnosticsFor(file('dialplan'), () => true);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('offers contexts after include, peers after SIP/, endpoints after PJSIP/num@, technologies at a device start', async () => {
    assert.deepEqual((await labels('dialplan', '0')).sort(), ['internal']);
    assert.deepEqual(await labels('dialplan', '1'), ['alice']);
    assert.deepEqual(await labels('dialplan', '2'), ['provider']);
    assert.ok((await labels('dialplan', '8')).includes('PJSIP/'));
    assert.deepEqual(await labels('dialplan', '9'), ['branch'], 'the peers of iax.conf after IAX2/');
  });

  it("offers Dial's option letters, applications with their documentation, variables and functions", async () => {
    const options = await labels('dialplan', '3');
    assert.ok(['t', 'T', 'g', 'U', 'M'].every((o) => options.includes(o)), options.join(','));
    const apps = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uriOf(file('dialplan')) }, position: position('dialplan', '4') })) as CompletionItem[];
    const gotoIf = apps.find((a) => a.label === 'GotoIf');
    assert.ok(gotoIf, 'GotoIf is offered');
    assert.match((gotoIf.documentation as MarkupContent).value, /docs\.asterisk\.org/);
    const vars = await labels('dialplan', '6');
    assert.ok(vars.includes('TRUNK') && vars.includes('EXTEN') && vars.includes('CALLERID'), vars.slice(0, 30).join(','));
    const branch = await labels('dialplan', '7');
    assert.ok(branch.includes('internal') && branch.includes('busy'), 'a GotoIf branch takes a context or a label');
  });

  it('shows the signature of Dial with the parameter being typed', async () => {
    const help = (await client.connection.sendRequest(SignatureHelpRequest.type, { textDocument: { uri: uriOf(file('dialplan')) }, position: position('dialplan', '5') })) as SignatureHelp;
    assert.match(help.signatures[0].label, /^Dial\(/);
    assert.equal(help.activeParameter, 1, 'after the first comma: the timeout');
  });

  it('gives signature help and completion details without raw Markdown: documentation as Markdown, plain labels', async () => {
    const help = (await client.connection.sendRequest(SignatureHelpRequest.type, { textDocument: { uri: uriOf(file('dialplan')) }, position: position('dialplan', '5') })) as SignatureHelp;
    const dial = help.signatures[0];
    assert.doesNotMatch(dial.label, /`/);
    // editors show a plain-string documentation as it is, backticks included: each one is Markdown
    for (const p of dial.parameters ?? []) assert.equal((p.documentation as MarkupContent).kind, 'markdown', JSON.stringify(p));
    assert.match((dial.parameters![0].documentation as MarkupContent).value, /`PJSIP\/alice`/);
    assert.equal((dial.documentation as MarkupContent).kind, 'markdown');
    // a completion's detail is plain text too: `_**99.` is explained as "**99 followed by...", without code marks
    const patterns = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uriOf(lab) }, position: positionAfter(LAB, 'exten => ') })) as CompletionItem[];
    const star = patterns.find((i) => i.label === '_**99.');
    assert.equal(star?.detail, '**99 followed by at least one more character (anything).');
    assert.ok(patterns.every((i) => !i.detail?.includes('`')), patterns.map((i) => i.detail).join(' | '));
  });

  it('offers after include => only the contexts not yet included, nor the context itself', async () => {
    const offered = async (text: string): Promise<string[]> =>
      ((await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uriOf(lab) }, position: positionAfter(LAB, text) })) as CompletionItem[]).map((i) => i.label).sort();
    // phones is included already, and Voicemail too (Asterisk compares includes without case: a second one is
    // ignored); what the cursor's own line names does not count
    assert.deepEqual(await offered('include => out'), ['outside', 'parking']);
    assert.deepEqual(await offered('include => phones'), ['outside', 'parking', 'phones']);
  });

  it('offers the keys of a chan_sip peer and the values of insecure and context', async () => {
    const keys = await labels('sip', '1');
    assert.ok(['insecure', 'host', 'secret', 'context'].every((k) => keys.includes(k)));
    assert.ok(!keys.includes('bindport'), '[general] keys are not offered in a peer');
    const insecure = await labels('sip', '0');
    assert.ok(['port', 'invite', 'port,invite'].every((v) => insecure.includes(v)), insecure.join(','));
    assert.deepEqual((await labels('sip', '2')).sort(), ['from-users', 'internal']);
  });

  it('offers the keys of a pjsip endpoint and the aors that exist for aors=', async () => {
    const keys = await labels('pjsip', '1');
    assert.ok(['context', 'aors', 'outbound_auth', 'allow', 'from_user'].every((k) => keys.includes(k)));
    assert.ok(!keys.includes('max_contacts'), 'an aor key is not offered in an endpoint');
    assert.deepEqual((await labels('pjsip', '0')).sort(), ['other-aor', 'provider-aor']);
  });

  it('documents an application and a key on hover, with a link to the Asterisk documentation', async () => {
    const dial = await hover('dialplan', { line: 5, character: 17 });
    assert.match(dial, /\*\*Dial\*\*/);
    assert.match(dial, /https:\/\/docs\.asterisk\.org\/.*Dial/);
    const insecure = await hover('sip', { line: 5, character: 2 });
    assert.match(insecure, /\*\*insecure\*\*/);
    assert.match(insecure, /invite/);
  });
});
