// Navigation and editing in the real extension host, through VS Code's own providers (what F12, F2 and Ctrl+Space
// call): on the twopbx folder (wazo-a dials wazo-b through the trunk peer 'wazo-trunk').
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './wait';

function twoPbx(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === 'twopbx');
  assert.ok(folder, 'twopbx is not a workspace folder');
  return folder.uri;
}

/** The position just after `needle` on the first line that holds it. */
function after(document: vscode.TextDocument, needle: string): vscode.Position {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `'${needle}' is not in ${document.uri.fsPath}`);
  return document.positionAt(at + needle.length);
}

describe('Definition, rename and completion in VS Code', () => {
  let dialplan: vscode.TextDocument;

  before(async () => {
    dialplan = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(twoPbx(), 'wazo-a', 'extensions.conf'));
    await vscode.window.showTextDocument(dialplan);
  });

  it("goes from Dial(SIP/wazo-trunk/...) to the peer's section in sip.conf", async () => {
    const at = after(dialplan, 'Dial(SIP/wazo');
    const locations = await waitFor('a definition', async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', dialplan.uri, at);
      return found && found.length > 0 ? found : undefined;
    });
    const target = locations[0] as vscode.Location;
    const sip = await vscode.workspace.openTextDocument(target.uri);
    assert.match(target.uri.fsPath, /wazo-a[\\/]sip\.conf$/);
    assert.equal(sip.lineAt(target.range.start.line).text, '[wazo-trunk]');
  });

  it('renames the peer in its section, the Dial that uses it, and on the other PBX', async () => {
    const at = after(dialplan, 'Dial(SIP/wazo');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', dialplan.uri, at, 'trunk-to-b');
    const files = edit.entries().map(([uri, edits]) => `${uri.path.split('/').slice(-2).join('/')} ${edits.map((e) => e.newText).join(',')}`);
    assert.ok(files.includes('wazo-a/extensions.conf trunk-to-b'), files.join(' | '));
    assert.ok(files.includes('wazo-a/sip.conf trunk-to-b'), files.join(' | '));
  });

  it('completes the peers of this PBX inside a Dial string', async () => {
    const at = after(dialplan, 'Dial(SIP/');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', dialplan.uri, at);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('wazo-trunk'), labels.join(','));
  });
});
