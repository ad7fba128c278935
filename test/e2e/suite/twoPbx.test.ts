// End-to-end test of a check across two PBXs, in the real extension host. The harness opens a multi-root
// workspace (test/e2e/fixtures/extension-host.code-workspace) whose second folder, twopbx/, holds the PBXs
// wazo-a and wazo-b: the chan_sip case a_reguser of test/fixtures/conformance/sip-trunks, where A registers to B
// under a user that B has no peer for.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './wait';

const CODE = 'trunk-register-user-unknown';
const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : (d.code ?? ''));
const show = (d: vscode.Diagnostic): string =>
  `${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} ${codeOf(d)} ${d.message}`;

/** The twopbx folder of the workspace: the server finds the PBXs by scanning the workspace folders. */
function twoPbx(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === 'twopbx');
  const names = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString());
  assert.ok(folder, `twopbx is not a workspace folder (open extension-host.code-workspace); folders: ${JSON.stringify(names)}`);
  return folder.uri;
}

describe('A trunk between two PBXs (wazo-a registers to wazo-b)', () => {
  it(`reports ${CODE} on wazo-a's register line, points into wazo-b/sip.conf and offers "Register as 'wazo-trunk'"`, async () => {
    const a = vscode.Uri.joinPath(twoPbx(), 'wazo-a', 'sip.conf');
    const b = vscode.Uri.joinPath(twoPbx(), 'wazo-b', 'sip.conf');
    const document = await vscode.workspace.openTextDocument(a);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'asterisk');

    const error = await waitFor(
      `the ${CODE} diagnostic`,
      () => vscode.languages.getDiagnostics(a).find((d) => codeOf(d) === CODE),
      { events: [vscode.languages.onDidChangeDiagnostics], describe: () => vscode.languages.getDiagnostics(a).map(show).join(' | ') || 'none' },
    );
    // on the user of `register => wazo-trunk-typo:pass@127.0.0.1:5070`
    assert.match(document.lineAt(error.range.start.line).text, /^register => wazo-trunk-typo:pass@127\.0\.0\.1:5070$/, show(error));
    assert.equal(document.getText(error.range), 'wazo-trunk-typo', show(error));
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error, show(error));
    assert.equal(error.source, 'pbx-interconnect');
    assert.match(error.message, /^wazo-b has no peer 'wazo-trunk-typo' in its sip\.conf: .*\('wazo-trunk'\?\)/, error.message);
    assert.match(error.message, /refuses the registration with 403/, error.message);

    // the related location: the section B keeps for this trunk, in the other PBX's sip.conf
    const related = error.relatedInformation ?? [];
    assert.equal(related.length, 1, JSON.stringify(related.map((r) => [r.location.uri.toString(), r.message])));
    const there = related[0].location;
    assert.equal(path.normalize(there.uri.fsPath), path.normalize(b.fsPath), there.uri.toString());
    const other = await vscode.workspace.openTextDocument(there.uri);
    assert.equal(other.lineAt(there.range.start.line).text, '[wazo-trunk]', `related ${there.uri.fsPath}:${there.range.start.line + 1}`);

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
      'vscode.executeCodeActionProvider',
      a,
      error.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = (actions ?? []).map((x) => x.title);
    const fix = (actions ?? []).find((x): x is vscode.CodeAction => x.title === "Register as 'wazo-trunk'" && 'edit' in x);
    assert.ok(fix, `no "Register as 'wazo-trunk'" quick fix among ${JSON.stringify(titles)}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    // it renames the register user only, in wazo-a/sip.conf (not applied: the fixture stays as it is)
    assert.deepEqual(
      fix.edit?.entries().map(([uri, edits]) => [uri.toString(), edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText])]),
      [[a.toString(), [[error.range.start.line, error.range.start.character, error.range.end.character, 'wazo-trunk']]]],
    );
  });
});
