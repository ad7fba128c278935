// "PBX: Migrate chan_sip to pjsip..." in the real extension host, on a copy of examples/office-sip (the workspace
// folder `migrate`, copied fresh by test/e2e/extensionHost.test.mjs): the command asks the server, opens the proof
// panel and applies the edit. The refactor preview would wait for a click here, so the test passes
// `apply: 'without-preview'`, an argument that exists for the tests alone; the preview path is the UI test's.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MigrateArguments, MigrateOutcome } from '../../../client/src/commands/migrate';
import { renderProofPage } from '../../../client/src/migrate/proofHtml';
import type { Proof } from '../../../server/src/protocol';
import { MIGRATE_COMMAND } from '../../../server/src/protocol';
import { waitFor } from './wait';

function officeSip(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === 'migrate');
  assert.ok(folder, `migrate is not a workspace folder; folders: ${JSON.stringify(vscode.workspace.workspaceFolders?.map((f) => f.name))}`);
  return vscode.Uri.joinPath(folder.uri, 'office-sip');
}

const exists = async (uri: vscode.Uri): Promise<boolean> => vscode.workspace.fs.stat(uri).then(() => true, () => false);
const proofTab = (): vscode.Tab | undefined => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Migration proof: office-sip');

describe('Migrate chan_sip to pjsip', () => {
  it(`registers ${MIGRATE_COMMAND}`, async () => {
    await vscode.extensions.getExtension('pbx-interconnect.pbx-interconnect')?.activate();
    assert.ok((await vscode.commands.getCommands(true)).includes(MIGRATE_COMMAND));
  });

  it('shows the proof without touching a file when told not to apply', async () => {
    const office = officeSip();
    const sipBefore = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(office, 'sip.conf'))).toString('utf8');
    const args: MigrateArguments = { uri: office.toString(), wizard: false, apply: 'no' };
    const r = await vscode.commands.executeCommand<MigrateOutcome | undefined>(MIGRATE_COMMAND, args);
    assert.ok(r, 'the command returned nothing (see the error notification)');
    assert.equal(r.pbx, 'office-sip');
    assert.equal(r.applied, false);
    await waitFor('the proof panel', proofTab, { events: [vscode.window.tabGroups.onDidChangeTabs as vscode.Event<unknown>] });
    assert.equal(Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(office, 'sip.conf'))).toString('utf8'), sipBefore);
    assert.equal(await exists(vscode.Uri.joinPath(office, 'pjsip.conf')), false);
  });

  it('applies the edit: pjsip.conf created, the dialplan rewritten, sip.conf kept as its backup', async () => {
    const office = officeSip();
    const args: MigrateArguments = { uri: office.toString(), wizard: false, apply: 'without-preview' };
    const r = await vscode.commands.executeCommand<MigrateOutcome | undefined>(MIGRATE_COMMAND, args);
    assert.ok(r);
    assert.equal(r.applied, true);
    assert.ok(proofTab(), 'the proof panel is not open');
    const backup = r.edit?.documentChanges?.find((c) => 'kind' in c && c.kind === 'rename');
    assert.ok(backup && 'newUri' in backup, JSON.stringify(r.edit?.documentChanges?.map((c) => ('kind' in c ? c.kind : 'edit'))));
    // sip.conf is out of Asterisk's reach, kept under its backup name
    assert.equal(await exists(vscode.Uri.joinPath(office, 'sip.conf')), false);
    assert.equal(await exists(vscode.Uri.parse(backup.newUri)), true);
    // the pjsip file exists and the dialplan's buffer is rewritten (saved or not: VS Code decides)
    assert.equal(await exists(vscode.Uri.joinPath(office, 'pjsip.conf')), true);
    const ops = JSON.stringify(r.edit?.documentChanges?.map((c) => ('kind' in c ? c.kind : `edit ${c.textDocument.uri}`)));
    const dialplan = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(office, 'extensions.conf'));
    await waitFor(`PJSIP/ in the dialplan (${ops})`, () => /PJSIP\//.test(dialplan.getText()), { events: [vscode.workspace.onDidChangeTextDocument as vscode.Event<unknown>], timeoutMs: 10_000 });
  });

  it('renders the proof page with every config text escaped and no script', () => {
    const hostile = '<img src=x onerror=alert(1)>"\'&';
    const summary = { kind: 'extension', pbx: hostile, context: hostile, exten: '101', text: hostile };
    const proof: Proof = {
      rows: [
        { origin: { kind: 'phone', pbx: 'p', name: hostile }, number: hostile, before: summary, after: summary, same: true, reason: null },
        { origin: { kind: 'trunk', pbx: 'p', name: 'x' }, number: '1', before: summary, after: { ...summary, text: 'other' }, same: false, reason: hostile },
      ],
      trunks: [{ pbx: 'p', peer: hostile, other: hostile, before: hostile, after: hostile, same: false, reason: hostile }],
    };
    const html = renderProofPage(proof, { nonce: 'n0nce', pbx: hostile, wizard: false, notes: [{ uri: 'file:///p/sip.conf', line: 3, text: hostile, reason: hostile, kind: 'dropped' }], fileLabel: (u) => u });
    assert.ok(!html.includes('<img'), 'an unescaped tag');
    assert.ok(!html.includes('<script'), 'a script');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-n0nce';">/);
    assert.equal(html.match(/<tr class="row same"/g)?.length, 1);
    assert.equal(html.match(/<tr class="row different"/g)?.length, 2);
    assert.match(html, /1 of 2 calls end the same, 1 differs; 0 of 1 trunk unchanged/);
  });
});
