// End-to-end tests in the real extension host (mocha, the vscode API). Run by test/e2e/extensionHost.test.mjs.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './wait';

const EXTENSION_ID = 'pbx-interconnect.pbx-interconnect';
// out/test/e2e/suite -> test/e2e/fixtures (the harness also passes it in PBX_E2E_FIXTURES)
const fixtures = process.env.PBX_E2E_FIXTURES ?? path.resolve(__dirname, '../../../../test/e2e/fixtures');
const workspaceFile = (name: string): vscode.Uri => {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(path.join(fixtures, 'workspace'));
  return vscode.Uri.joinPath(folder, name);
};
const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : (d.code ?? ''));
const show = (d: vscode.Diagnostic): string =>
  `${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} ${codeOf(d)} ${d.message}`;

async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

describe('PBX Interconnect in VS Code', () => {
  it('opens extensions.conf and sip.conf in the language mode asterisk', async () => {
    assert.equal((await open(workspaceFile('extensions.conf'))).languageId, 'asterisk');
    assert.equal((await open(workspaceFile('sip.conf'))).languageId, 'asterisk');
  });

  it('activates the extension', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    await waitFor('activation', () => extension.isActive, { events: [vscode.extensions.onDidChange] });
  });

  it('reports the section header without `]` as a syntax error on its line', async () => {
    const uri = workspaceFile('extensions.conf');
    await open(uri);
    const diagnostic = await waitFor(
      'a syntax-* diagnostic',
      () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d).startsWith('syntax-')),
      { events: [vscode.languages.onDidChangeDiagnostics], describe: () => vscode.languages.getDiagnostics(uri).map(show).join(' | ') || 'none' },
    );
    assert.equal(diagnostic.range.start.line, 4, show(diagnostic)); // `[from-trunk` is line 5
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error, show(diagnostic));
    assert.equal(diagnostic.source, 'pbx-interconnect');
  });

  it('outlines the contexts of an extensions.conf', async () => {
    const uri = vscode.Uri.file(path.join(fixtures, 'valid', 'extensions.conf'));
    await open(uri);
    const expected = ['from-trunk', 'from-internal', 'voicemail'];
    let names: string[] = [];
    await waitFor(
      `the document symbols ${expected.join(', ')}`,
      async () => {
        const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>(
          'vscode.executeDocumentSymbolProvider',
          uri,
        );
        names = (symbols ?? []).map((s) => s.name);
        return expected.every((name) => names.includes(name));
      },
      { describe: () => JSON.stringify(names) },
    );
    // in file order
    assert.deepEqual(names.filter((n) => expected.includes(n)), expected);
  });
});
