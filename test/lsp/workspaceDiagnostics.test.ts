// The Problems panel for the whole workspace (`pbx.diagnostics.scope`): findings of files nobody opened, above all
// a trunk error on the other PBX's closed sip.conf, over a real LSP connection on a copy of examples/.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { ROOT } from '../paths';
import { LspClient } from './lspClient';

const codes = (d: Diagnostic[]): string[] => d.map((x) => String(x.code)).sort();
/** wazo-a/sip.conf: `register => wazo-trunk:pass@127.0.0.1:5070`, the line whose secret B must accept. */
const REGISTER_LINE = 25;

describe('workspace diagnostics', () => {
  let dir: string;
  let client: LspClient;
  const a = (): string => path.join(dir, 'wazo-a', 'sip.conf');
  const b = (): string => path.join(dir, 'wazo-b', 'sip.conf');
  const traps = (): string => path.join(dir, 'dialplan-traps', 'extensions.conf');

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-wsdiag-'));
    fs.cpSync(path.join(ROOT, 'examples'), dir, { recursive: true });
    client = await LspClient.start(dir);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the findings of files nobody opened', async () => {
    const found = await client.diagnosticsFor(traps(), (d) => d.length > 0);
    assert.ok(codes(found).includes('dialplan-same-without-exten'), codes(found).join(' '));
    // the healthy trunk: only the weak-secret warnings, no error
    const onA = await client.diagnosticsFor(a(), (d) => d.length > 0);
    assert.deepEqual(codes(onA), ['exposure-weak-secret', 'exposure-weak-secret']);
  });

  it("shows the 403 on A's closed sip.conf when B's trunk secret is edited, and takes it back when B is closed unsaved", async () => {
    const text = fs.readFileSync(b(), 'utf8');
    await client.open(b(), text);
    const at = text.split('\n').findIndex((l) => /^secret=pass/.test(l));
    assert.ok(at > 0);
    await client.edit(b(), { start: { line: at, character: 7 }, end: { line: at, character: 11 } }, 'changed');
    const onA = await client.diagnosticsFor(a(), (d) => d.some((x) => x.code === 'trunk-secret-mismatch'));
    const error = onA.find((x) => x.code === 'trunk-secret-mismatch')!;
    assert.equal(error.severity, 1);
    assert.equal(error.range.start.line, REGISTER_LINE, JSON.stringify(error.range));
    assert.match(String(error.message), /403/);
    assert.doesNotMatch(JSON.stringify(onA), /changed/, 'the new secret is never shown');
    // closed without saving: the disk's B is healthy again, and A's error goes; A keeps its other findings
    await client.close(b());
    const back = await client.diagnosticsFor(a(), (d) => !d.some((x) => x.code === 'trunk-secret-mismatch'));
    assert.deepEqual(codes(back), ['exposure-weak-secret', 'exposure-weak-secret']);
    // B's own findings stay after it is closed
    assert.ok((client.published(b()).at(-1) ?? []).length > 0, "B's diagnostics were cleared on close");
  });

  it('with the scope `open`, clears the files that are not open, and publishes an open one', async () => {
    await client.changeSettings({ diagnostics: { scope: 'open' } });
    await client.diagnosticsFor(traps(), (d) => d.length === 0);
    await client.diagnosticsFor(a(), (d) => d.length === 0);
    await client.open(traps(), fs.readFileSync(traps(), 'utf8'));
    await client.diagnosticsFor(traps(), (d) => d.length > 0);
    await client.close(traps());
    await client.diagnosticsFor(traps(), (d) => d.length === 0);
    // and back: every file again
    await client.changeSettings({ diagnostics: { scope: 'workspace' } });
    await client.diagnosticsFor(a(), (d) => d.length > 0);
  });

  it('applies a severity setting to the files that are not open', async () => {
    await client.changeSettings({ diagnostics: { scope: 'workspace', severity: { 'exposure-weak-secret': 'off' } } });
    await client.diagnosticsFor(a(), (d) => d.length === 0);
    await client.changeSettings({ diagnostics: { scope: 'workspace', severity: { 'exposure-weak-secret': 'hint' } } });
    const hints = await client.diagnosticsFor(a(), (d) => d.length === 2);
    assert.deepEqual(hints.map((d) => d.severity), [4, 4]);
  });
});
