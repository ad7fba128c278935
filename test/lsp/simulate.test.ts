// "Simulate dial" over a real LSP connection, on the two Wazo PBXs of the examples: the origins for the picker
// (and the one under the cursor), the simulation with clickable places, and the CodeLenses that start it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeLens } from 'vscode-languageserver-protocol/node';
import { CodeLensRequest } from 'vscode-languageserver-protocol/node';
import type { SimulateDialParams, SimulateDialResult, SimulateOriginsParams, SimulateOriginsResult } from '../../server/src/protocol';
import { MIGRATE_COMMAND, SIMULATE_COMMAND, SIMULATE_DIAL, SIMULATE_ORIGINS } from '../../server/src/protocol';
import { ROOT } from '../paths';
import { LspClient, uriOf } from './lspClient';

describe('simulate dial over LSP', () => {
  let dir: string;
  let client: LspClient;
  let extA: string;
  let sipA: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-simulate-'));
    for (const pbx of ['wazo-a', 'wazo-b']) fs.cpSync(path.join(ROOT, 'examples', pbx), path.join(dir, pbx), { recursive: true });
    extA = path.join(dir, 'wazo-a', 'extensions.conf');
    sipA = path.join(dir, 'wazo-a', 'sip.conf');
    client = await LspClient.start(dir);
    await client.open(extA, fs.readFileSync(extA, 'utf8'));
    await client.diagnosticsFor(extA, () => true);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists where a call can start, PBX by PBX, and proposes the context and number under the cursor', async () => {
    const text = fs.readFileSync(extA, 'utf8').split('\n');
    const line = text.findIndex((l) => l.startsWith('exten => _**99.'));
    const r = (await client.connection.sendRequest(SIMULATE_ORIGINS, { uri: uriOf(extA), position: { line, character: 3 } } satisfies SimulateOriginsParams)) as SimulateOriginsResult;
    assert.deepEqual(r.pbxs.map((p) => p.name), ['wazo-a', 'wazo-b']);
    const a = r.pbxs[0].origins;
    assert.ok(a.some((o) => o.kind === 'context' && o.name === 'from-users' && o.uri === uriOf(extA)));
    assert.ok(a.some((o) => o.kind === 'peer' && o.name === 'wazo-trunk' && o.context !== null && o.uri === uriOf(sipA)));
    assert.equal(r.here?.origin.name, 'from-users');
    assert.equal(r.here?.number, null, 'a pattern is not a number to propose');
  });

  it('follows **99101 from A across the trunk to 101 on B, with each hop at its file and line', async () => {
    const params: SimulateDialParams = { number: '**99101', from: { pbx: 'wazo-a', kind: 'context', name: 'from-users' } };
    const r = (await client.connection.sendRequest(SIMULATE_DIAL, params)) as SimulateDialResult;
    assert.deepEqual([r.outcome.kind, r.outcome.pbx, r.outcome.context, r.outcome.extension], ['extension', 'wazo-b', 'Incalls', '101']);
    assert.deepEqual(r.rewrites.map((w) => [w.from, w.to]), [['**99101', '101']]);
    const onB = r.hops.find((h) => h.pbx === 'wazo-b')!;
    assert.equal(onB.file, uriOf(path.join(dir, 'wazo-b', 'extensions.conf')));
    const bLines = fs.readFileSync(path.join(dir, 'wazo-b', 'extensions.conf'), 'utf8').split('\n');
    assert.match(bLines[onB.line! - 1], /^exten => 101,1,/);
    assert.equal(r.matches[0].candidates.find((c) => c.outcome === 'chosen')?.extension, '_**99.');
    assert.ok(r.matches.every((m) => m.candidates.every((c) => c.file.startsWith('file:'))));
  });

  it("takes the inputs and lists every outcome with URIs: B's reception menu, **99200", async () => {
    const params: SimulateDialParams = { number: '**99200', from: { pbx: 'wazo-a', kind: 'context', name: 'from-users' }, inputs: { digits: ['1'], dialStatus: ['NOANSWER'] }, allPaths: true };
    const r = (await client.connection.sendRequest(SIMULATE_DIAL, params)) as SimulateDialResult;
    assert.equal(r.outcome.kind, 'voicemail');
    assert.deepEqual(r.assumptions.map((a) => a.source), ['input', 'input']);
    // given inputs are no branches: only what nobody said forks (here nothing)
    assert.deepEqual(r.paths?.map((p) => [p.outcome.kind, p.paths]), [['voicemail', 1]]);
    assert.ok(r.paths![0].outcome.file?.startsWith('file:'));
    assert.ok(r.paths![0].assumptions.every((a) => a.hop === null || a.hop.file.startsWith('file:')));
    const free = (await client.connection.sendRequest(SIMULATE_DIAL, { ...params, inputs: {} })) as SimulateDialResult;
    assert.ok(free.paths!.length > 3, JSON.stringify(free.paths));
  });

  it('puts a CodeLens above each context and each trunk section, which starts the command with that origin', async () => {
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uriOf(extA) } })) as CodeLens[];
    const contexts = lenses.map((l) => (l.command?.arguments?.[0] as { name: string }).name);
    assert.ok(contexts.includes('from-users'), contexts.join(','));
    assert.ok(lenses.every((l) => l.command?.command === SIMULATE_COMMAND));
    await client.open(sipA, fs.readFileSync(sipA, 'utf8'));
    const onSip = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uriOf(sipA) } })) as CodeLens[];
    // the first line of a sip.conf also has the migration's lens (test/lsp/migrate.test.ts)
    const peers = onSip.filter((l) => l.command?.command === SIMULATE_COMMAND);
    assert.deepEqual(onSip.filter((l) => l.command?.command !== SIMULATE_COMMAND).map((l) => l.command?.command), [MIGRATE_COMMAND]);
    assert.deepEqual(
      peers.map((l) => l.command?.arguments?.[0]),
      [{ pbx: 'wazo-a', kind: 'peer', name: 'wazo-trunk' }],
      'phones (host=dynamic) get none, the trunk does',
    );
  });
});

describe('a chan_sip office and a chan_pjsip branch over LSP (examples/office-sip, examples/branch-pjsip)', () => {
  let dir: string;
  let client: LspClient;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-mixed-'));
    for (const pbx of ['office-sip', 'branch-pjsip']) fs.cpSync(path.join(ROOT, 'examples', pbx), path.join(dir, pbx), { recursive: true });
    client = await LspClient.start(dir);
    const sip = path.join(dir, 'office-sip', 'sip.conf');
    await client.open(sip, fs.readFileSync(sip, 'utf8'));
    await client.diagnosticsFor(sip, () => true);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('crosses the trunk both ways, each far side taking the call for its trunk section and challenging it', async () => {
    const toBranch = (await client.connection.sendRequest(SIMULATE_DIAL, { number: '9201', from: { pbx: 'office-sip', kind: 'context', name: 'phones' } } satisfies SimulateDialParams)) as SimulateDialResult;
    assert.deepEqual([toBranch.outcome.pbx, toBranch.outcome.context, toBranch.outcome.extension], ['branch-pjsip', 'from-office', '201']);
    assert.deepEqual(
      toBranch.crossings?.map((c) => [c.from, c.to, c.driver, c.as, c.responses, c.context]),
      [['office-sip', 'branch-pjsip', 'chan_pjsip', 'office', [401, 200], 'from-office']],
    );
    const toOffice = (await client.connection.sendRequest(SIMULATE_DIAL, { number: '81001', from: { pbx: 'branch-pjsip', kind: 'context', name: 'branch-phones' } } satisfies SimulateDialParams)) as SimulateDialResult;
    assert.deepEqual(
      toOffice.crossings?.map((c) => [c.from, c.to, c.driver, c.as, c.responses, c.context]),
      [['branch-pjsip', 'office-sip', 'chan_sip', 'branch', [401, 200], 'from-branch']],
    );
  });

  it("puts a CodeLens on each side's trunk section, whatever the driver", async () => {
    const pj = path.join(dir, 'branch-pjsip', 'pjsip.conf');
    await client.open(pj, fs.readFileSync(pj, 'utf8'));
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uriOf(pj) } })) as CodeLens[];
    assert.deepEqual(lenses.map((l) => l.command?.arguments?.[0]), [{ pbx: 'branch-pjsip', kind: 'endpoint', name: 'office' }], 'the phone 201 gets none');
    const sip = path.join(dir, 'office-sip', 'sip.conf');
    const onSip = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uriOf(sip) } })) as CodeLens[];
    assert.deepEqual(onSip.filter((l) => l.command?.command === SIMULATE_COMMAND).map((l) => l.command?.arguments?.[0]), [{ pbx: 'office-sip', kind: 'peer', name: 'branch' }]);
  });

  it("warns that the office lets strangers in, naming the context and what answers there", async () => {
    const sip = path.join(dir, 'office-sip', 'sip.conf');
    const diags = await client.diagnosticsFor(sip, (d) => d.some((x) => x.code === 'exposure-guest-calls'));
    const guest = diags.find((d) => d.code === 'exposure-guest-calls')!;
    assert.match(String(guest.message), /strangers reach 'public' on office-sip, where they can call 100 and ring SIP\/1001/);
  });
});
