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
import { SIMULATE_COMMAND, SIMULATE_DIAL, SIMULATE_ORIGINS } from '../../server/src/protocol';
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
    const peers = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uriOf(sipA) } })) as CodeLens[];
    assert.deepEqual(
      peers.map((l) => l.command?.arguments?.[0]),
      [{ pbx: 'wazo-a', kind: 'peer', name: 'wazo-trunk' }],
      'phones (host=dynamic) get none, the trunk does',
    );
  });
});
