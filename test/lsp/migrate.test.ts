// `pbx/migrate` over a real LSP connection, on examples/office-sip (a chan_sip PBX) beside examples/branch-pjsip: the
// WorkspaceEdit VS Code previews (files created or edited, the dialplan edited, sip.conf renamed to its backup, every
// operation to be confirmed), the proof, and the CodeLens on sip.conf. Nothing is written: the edit is only returned.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ChangeAnnotation, CodeLens } from 'vscode-languageserver-protocol/node';
import { CodeLensRequest } from 'vscode-languageserver-protocol/node';
import type { MigrateParams, MigrateResult } from '../../server/src/protocol';
import { MIGRATE, MIGRATE_COMMAND } from '../../server/src/protocol';
import { ROOT } from '../paths';
import { LspClient, uriOf } from './lspClient';

describe('pbx/migrate over LSP', () => {
  let dir: string;
  let client: LspClient;
  let office: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-migrate-'));
    for (const pbx of ['office-sip', 'branch-pjsip']) fs.cpSync(path.join(ROOT, 'examples', pbx), path.join(dir, pbx), { recursive: true });
    office = path.join(dir, 'office-sip');
    client = await LspClient.start(dir);
    const sip = path.join(office, 'sip.conf');
    await client.open(sip, fs.readFileSync(sip, 'utf8'));
    await client.diagnosticsFor(sip, () => true);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const secrets = (): string[] => [...fs.readFileSync(path.join(office, 'sip.conf'), 'utf8').matchAll(/^\s*(?:secret|remotesecret)\s*=\s*(\S+)/gim)].map((m) => m[1]);

  for (const wizard of [false, true]) {
    it(`returns the edit of office-sip${wizard ? ' (pjsip_wizard.conf)' : ''}: pjsip files, the dialplan, sip.conf to its backup, each to confirm`, async () => {
      const r = (await client.connection.sendRequest(MIGRATE, { uri: uriOf(office), wizard } satisfies MigrateParams)) as MigrateResult;
      assert.equal(r.pbx, 'office-sip');
      assert.equal(r.refused, undefined);
      const changes = r.edit?.documentChanges ?? [];
      const annotations = (r.edit?.changeAnnotations ?? {}) as Record<string, ChangeAnnotation>;
      const target = uriOf(path.join(office, wizard ? 'pjsip_wizard.conf' : 'pjsip.conf'));
      const ops = changes.map((c) => ('kind' in c ? `${c.kind} ${c.kind === 'rename' ? `${c.oldUri} -> ${c.newUri}` : c.uri}` : `edit ${c.textDocument.uri}`));
      const summary = ops.join('\n');
      // the pjsip file: created then filled (or edited when it exists)
      assert.ok(ops.includes(`create ${target}`) || ops.includes(`edit ${target}`), summary);
      assert.ok(ops.includes(`edit ${target}`), summary);
      // the dialplan: SIP/ devices become PJSIP/
      assert.ok(ops.includes(`edit ${uriOf(path.join(office, 'extensions.conf'))}`), summary);
      // sip.conf: renamed to a backup, never deleted, and last (after every edit)
      const renames = changes.filter((c) => 'kind' in c && c.kind === 'rename');
      assert.equal(renames.length, 1, summary);
      assert.equal(ops.at(-1)?.startsWith(`rename ${uriOf(path.join(office, 'sip.conf'))} -> `), true, summary);
      assert.ok(!changes.some((c) => 'kind' in c && c.kind === 'delete'), summary);
      // every operation and every text edit names an annotation that needs confirmation
      for (const c of changes) {
        const ids = 'kind' in c ? [c.annotationId] : c.edits.map((e) => ('annotationId' in e ? e.annotationId : undefined));
        for (const id of ids) assert.equal(id !== undefined && annotations[id]?.needsConfirmation, true, `${JSON.stringify(c).slice(0, 200)} is applied without confirmation`);
      }
      // nothing of it is on disk
      assert.ok(fs.existsSync(path.join(office, 'sip.conf')));
      assert.ok(!fs.existsSync(path.join(office, wizard ? 'pjsip_wizard.conf' : 'pjsip.conf')));
      // the proof, and no secret in what the user reads
      assert.equal(typeof r.markdown, 'string');
      assert.ok(Array.isArray(r.proof.rows) && Array.isArray(r.proof.trunks));
      const shown = JSON.stringify(r.notes) + r.markdown;
      for (const s of secrets()) assert.ok(!shown.includes(s), `a secret is shown: ${s}`);
    });
  }

  it('accepts the URI of sip.conf for its PBX, and refuses a PBX without sip.conf', async () => {
    const r = (await client.connection.sendRequest(MIGRATE, { uri: uriOf(path.join(office, 'sip.conf')) } satisfies MigrateParams)) as MigrateResult;
    assert.equal(r.pbx, 'office-sip');
    assert.ok(r.edit);
    const none = (await client.connection.sendRequest(MIGRATE, { uri: uriOf(path.join(dir, 'branch-pjsip')) } satisfies MigrateParams)) as MigrateResult;
    assert.equal(none.edit, null);
    assert.match(none.refused ?? '', /no sip\.conf/);
  });

  it('puts "Migrate to chan_pjsip…" on the first line of sip.conf, for its PBX', async () => {
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uriOf(path.join(office, 'sip.conf')) } })) as CodeLens[];
    const lens = lenses.find((l) => l.command?.command === MIGRATE_COMMAND);
    assert.ok(lens, JSON.stringify(lenses.map((l) => l.command?.title)));
    assert.equal(lens.range.start.line, 0);
    assert.equal(lens.command?.title, 'Migrate to chan_pjsip…');
    assert.deepEqual(lens.command?.arguments, [{ uri: uriOf(office) }]);
  });
});
