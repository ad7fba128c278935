// Options of applications and Asterisk versions over a real LSP connection (dist/server.js over stdio): the hover
// on an option letter, signature help whose option argument lists the options with the one under the cursor
// first, completion of option letters not written yet, and applications for the version of pbx.asteriskVersion
// (deprecated ones tagged, removed ones left out, the hover saying so). `$0`..`$9` mark the cursor.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, Hover, MarkupContent, SignatureHelp } from 'vscode-languageserver-protocol/node';
import { CompletionItemTag, CompletionRequest, HoverRequest, SignatureHelpRequest } from 'vscode-languageserver-protocol/node';
import { markers } from '../paths';
import { LspClient, uriOf } from './lspClient';

const DIALPLAN = `[from-users]
exten => 100,1,Dial(PJSIP/alice,20,$0tU$1(sub-answer^\${EXTEN})$2)
 same => n,VoiceMail(100@default,$3X)
 same => n,VoiceMailMain(,s$4)
 same => n,MixMonitor(\${UNIQUEID}.wav,b$5)
 same => n,Ma$6cro(record,\${EXTEN})
exten => 101,1,$7

[sub-answer]
exten => s,1,Return()
`;

describe('options and Asterisk versions over LSP', () => {
  const { text, at } = markers(DIALPLAN);
  let dir: string;
  let file: string;
  let client: LspClient;
  const position = (marker: string): { line: number; character: number } => {
    const lines = text.slice(0, at[marker]).split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
  };
  const params = (marker: string): { textDocument: { uri: string }; position: { line: number; character: number } } => ({ textDocument: { uri: uriOf(file) }, position: position(marker) });
  const hover = async (marker: string): Promise<Hover> => {
    const h = (await client.connection.sendRequest(HoverRequest.type, params(marker))) as Hover | null;
    assert.ok(h, `no hover at $${marker}`);
    return h;
  };
  const markdown = (h: Hover): string => (h.contents as MarkupContent).value;
  const completion = async (marker: string): Promise<CompletionItem[]> => (await client.connection.sendRequest(CompletionRequest.type, params(marker))) as CompletionItem[];

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-options-'));
    file = path.join(dir, 'extensions.conf');
    fs.writeFileSync(file, text);
    client = await LspClient.start(dir);
    await client.open(file, text);
    await client.diagnosticsFor(file, (d) => d.some((x) => x.code === 'dialplan-app-option'));
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("explains Dial's option letter under the mouse, and the whole U(...) option with its value", async () => {
    const t = await hover('0');
    assert.match(markdown(t), /^\*\*`t`\*\* — option of Dial\n\nLet the called party transfer/);
    assert.deepEqual(t.range, { start: position('0'), end: { line: 1, character: position('0').character + 1 } });
    const u = await hover('1');
    assert.match(markdown(u), /^\*\*`U\(x\[\^arg\[\^\.\.\.\]\]\)`\*\* — option of Dial/);
    assert.deepEqual(u.range, { start: { line: 1, character: position('1').character - 1 }, end: position('2') });
  });

  it('says on the X of VoiceMail(100,X) what Asterisk does, with the words of the warning on it', async () => {
    const x = markdown(await hover('3'));
    const warning = (await client.diagnosticsFor(file, () => true)).find((d) => d.code === 'dialplan-app-option' && d.range.start.line === 2)!;
    const message = warning.message as string;
    assert.match(x, /^\*\*`X`\*\* — not an option of VoiceMail/);
    assert.ok(x.includes(message), `${x}\n-- does not say --\n${message}`);
  });

  it('gives signature help whose active parameter is the option argument, the option under the cursor first', async () => {
    const dial = (await client.connection.sendRequest(SignatureHelpRequest.type, params('1'))) as SignatureHelp;
    assert.equal(dial.activeParameter, 2);
    const doc = (dial.signatures[0].parameters![2].documentation as MarkupContent).value;
    assert.match(doc, /^\(optional\) Letters that change how the call is placed and bridged\.\n\n\*\*`U\(x\[\^arg\[\^\.\.\.\]\]\)`\*\* — option of Dial[^]*\n---\n[^]*\n- `t` — Let the called party transfer/);
    // the options of VoiceMailMain are its third parameter but its second argument: `[mailbox][@context][,options]`
    const vmm = (await client.connection.sendRequest(SignatureHelpRequest.type, params('4'))) as SignatureHelp;
    const active = vmm.signatures[0].parameters![vmm.activeParameter!];
    assert.equal(vmm.signatures[0].label.slice(...(active.label as [number, number])), 'options');
    assert.match((active.documentation as MarkupContent).value, /\*\*`s`\*\* — option of VoiceMailMain\n\nSkip the password check/);
  });

  it('completes the option letters of MixMonitor not written yet, with their documentation', async () => {
    const items = await completion('5');
    const letters = items.map((i) => i.label);
    assert.ok(!letters.includes('b') && ['a', 'B', 'v', 'W', 'r'].every((l) => letters.includes(l)), letters.join(''));
    const v = items.find((i) => i.label === 'v')!;
    assert.match(v.detail!, /^v\(x\) — /);
    assert.equal((v.documentation as MarkupContent).kind, 'markdown');
  });

  it('tags the applications Asterisk 20 deprecated, and says on Macro that Asterisk 21 removed it', async () => {
    const macro = (await completion('7')).find((i) => i.label === 'Macro');
    assert.deepEqual(macro?.tags, [CompletionItemTag.Deprecated]);
    assert.match(markdown(await hover('6')), /ℹ Deprecated since Asterisk 16, removed in Asterisk 21\. Use Gosub/);
  });

  it('with pbx.asteriskVersion 21: Macro is not offered, and its hover says a call ends there', async () => {
    await client.changeSettings({ asteriskVersion: 21 });
    await client.diagnosticsFor(file, (d) => d.some((x) => x.code === 'version-removed'));
    const apps = (await completion('7')).map((i) => i.label);
    assert.ok(apps.includes('Gosub') && !apps.includes('Macro') && !apps.includes('MacroExit'), apps.join(','));
    assert.match(markdown(await hover('6')), /⛔ \*\*Removed in Asterisk 21\*\* \(deprecated since 16\): in Asterisk 21 a call that gets here ends \("No application"\)\./);
  });
});
