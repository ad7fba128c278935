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

  it('explains a dialplan pattern and an option of Dial in plain words on hover', async () => {
    const uri = workspaceFile('extensions_office.conf');
    const document = await open(uri);
    const pattern = '_NXXNXXXXXX';
    const line = document.getText().split('\n').findIndex((l) => l.startsWith(`exten => ${pattern},`));
    assert.ok(line >= 0, `no exten line for ${pattern} in ${uri.fsPath}`);
    const start = document.lineAt(line).text.indexOf(pattern);
    let seen = '';
    const hover = await waitFor(
      `a hover on ${pattern}`,
      async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[] | undefined>('vscode.executeHoverProvider', uri, new vscode.Position(line, start + 3));
        const found = (hovers ?? []).find((h) => markdownOf(h).includes(pattern));
        seen = (hovers ?? []).map(markdownOf).join(' | ') || 'no hover';
        return found;
      },
      { describe: () => seen },
    );
    const text = markdownOf(hover);
    assert.match(text, /^\*\*`_NXXNXXXXXX`\*\* — pattern/, text);
    assert.match(text, /Ten digits; the 1st and 4th are 2-9, the rest any digit\./, text);
    assert.match(text, /Length: 10 characters · matches `2125551234`/, text);
    // a literal character sorts before N, so `_**99.` and `_1NXXNXXXXXX` are tried before it, but neither can take
    // a number it matches: the hover does not name them
    assert.match(text, /Tried 3rd of 3 in `outgoing`: the 2 before it match none of its numbers\./, text);
    // the hover covers the whole pattern
    assert.deepEqual([hover.range?.start.line, hover.range?.start.character, hover.range?.end.character], [line, start, start + pattern.length]);

    // the T of Dial(...,30,tT): the option as Dial reads it (analysis/appOptions.ts)
    const dialLine = document.getText().split('\n').findIndex((l) => l.endsWith(',30,tT)'));
    assert.ok(dialLine >= 0, `no Dial line with the options tT in ${uri.fsPath}`);
    const letter = document.lineAt(dialLine).text.indexOf('tT)') + 1;
    const option = await waitFor(
      'a hover on the option T of Dial',
      async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[] | undefined>('vscode.executeHoverProvider', uri, new vscode.Position(dialLine, letter));
        seen = (hovers ?? []).map(markdownOf).join(' | ') || 'no hover';
        return (hovers ?? []).find((h) => markdownOf(h).includes('option of Dial'));
      },
      { describe: () => seen },
    );
    assert.match(markdownOf(option), /^\*\*`T`\*\* — option of Dial\n\nLet the caller transfer with the transfer codes of features\.conf\./, markdownOf(option));
    assert.deepEqual([option.range?.start.line, option.range?.start.character, option.range?.end.character], [dialLine, letter, letter + 1]);
  });

  it('flags an application Asterisk does not have (a blank before the parenthesis) and removes the blank with its quick fix', async () => {
    // a PBX folder of its own, written for this test and removed after it
    const folder = workspaceFile('announcements');
    const uri = vscode.Uri.joinPath(folder, 'extensions.conf');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('[announcements]\nexten => s,1,Verbose (2,Announcement started)\n same => n,Hangup()\n'));
    try {
      const document = await open(uri);
      const error = await waitFor(
        'the dialplan-app-unknown diagnostic',
        () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'dialplan-app-unknown'),
        { events: [vscode.languages.onDidChangeDiagnostics], describe: () => vscode.languages.getDiagnostics(uri).map(show).join(' | ') || 'none' },
      );
      assert.equal(document.getText(error.range), 'Verbose ', show(error));
      assert.equal(error.severity, vscode.DiagnosticSeverity.Error, show(error));
      assert.match(error.message, /looks for 'Verbose ', which it does not have/, show(error));
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>('vscode.executeCodeActionProvider', uri, error.range, vscode.CodeActionKind.QuickFix.value);
      const fix = (actions ?? []).find((a): a is vscode.CodeAction => a.title === 'Remove the blank: Verbose(' && 'edit' in a);
      assert.ok(fix, `no quick fix among ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the quick fix edit was not applied');
      assert.equal(document.lineAt(1).text, 'exten => s,1,Verbose(2,Announcement started)');
      await waitFor('the dialplan-app-unknown diagnostic to go', () => !vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'dialplan-app-unknown'), {
        events: [vscode.languages.onDidChangeDiagnostics],
        describe: () => vscode.languages.getDiagnostics(uri).map(show).join(' | ') || 'none',
      });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });

  it('reports what the Asterisk version of the setting pbx.asteriskVersion removed, turns the Macro into a Gosub with the quick fix, and stops when the setting goes', async () => {
    const folder = workspaceFile('upgrade');
    const uri = vscode.Uri.joinPath(folder, 'extensions.conf');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('[from-internal]\nexten => _1XX,1,Macro(stdexten,${EXTEN})\n[macro-stdexten]\nexten => s,1,Dial(SIP/${ARG1},20)\n'));
    const config = vscode.workspace.getConfiguration('pbx');
    const removed = (): string[] => vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'version-removed').map((d) => d.message.split(':')[0]);
    try {
      const document = await open(uri);
      await config.update('asteriskVersion', 21, vscode.ConfigurationTarget.Global);
      await waitFor('version-removed on the Macro and the SIP/ device', () => removed().length === 2 || undefined, {
        events: [vscode.languages.onDidChangeDiagnostics],
        describe: () => vscode.languages.getDiagnostics(uri).map(show).join(' | ') || 'none',
      });
      const [macro, sip] = vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'version-removed');
      assert.equal(document.getText(macro.range), 'Macro', show(macro));
      assert.equal(document.getText(sip.range), 'SIP', show(sip));
      assert.deepEqual(removed(), ['Asterisk 21 removed the application Macro (app_macro), deprecated since 16', 'Asterisk 21 removed the channel driver chan_sip (SIP/ devices), deprecated since 17']);
      // the quick fix on the Macro: one edit, the call and the macro's context (a Return() where its priorities end)
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>('vscode.executeCodeActionProvider', uri, macro.range, vscode.CodeActionKind.QuickFix.value);
      const fix = (actions ?? []).find((a): a is vscode.CodeAction => a.title === "Turn the macro 'stdexten' into a Gosub subroutine: its call and [macro-stdexten]" && 'edit' in a);
      assert.ok(fix, `no quick fix among ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the quick fix edit was not applied');
      assert.equal(document.getText(), '[from-internal]\nexten => _1XX,1,Gosub(macro-stdexten,s,1(${EXTEN}))\n[macro-stdexten]\nexten => s,1,Dial(SIP/${ARG1},20)\nexten => s,2,Return()\n');
      await waitFor('version-removed on the SIP/ device alone', () => removed().length === 1 || undefined, {
        events: [vscode.languages.onDidChangeDiagnostics],
        describe: () => vscode.languages.getDiagnostics(uri).map(show).join(' | ') || 'none',
      });
      assert.deepEqual(removed(), ['Asterisk 21 removed the channel driver chan_sip (SIP/ devices), deprecated since 17']);
      // not set again: Asterisk 20, where chan_sip is still there
      await config.update('asteriskVersion', undefined, vscode.ConfigurationTarget.Global);
      await waitFor('version-removed to go', () => removed().length === 0 || undefined, {
        events: [vscode.languages.onDidChangeDiagnostics],
        describe: () => vscode.languages.getDiagnostics(uri).map(show).join(' | ') || 'none',
      });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await config.update('asteriskVersion', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });

  it('reports trailing whitespace as a hint once pbx.diagnostics.severity turns the style checks on, and removes it with the quick fix', async () => {
    const folder = workspaceFile('tidy');
    const uri = vscode.Uri.joinPath(folder, 'extensions.conf');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('[tidy]\nexten => s,1,Answer()   \n same => n,Hangup()\n'));
    const config = vscode.workspace.getConfiguration('pbx');
    const trailing = (): vscode.Diagnostic | undefined => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'style-trailing-whitespace');
    const seen = (): string => vscode.languages.getDiagnostics(uri).map(show).join(' | ') || 'none';
    try {
      const document = await open(uri);
      await config.update('diagnostics.severity', { style: 'hint' }, vscode.ConfigurationTarget.Global);
      const hint = await waitFor('the style-trailing-whitespace hint', trailing, { events: [vscode.languages.onDidChangeDiagnostics], describe: seen });
      assert.equal(hint.severity, vscode.DiagnosticSeverity.Hint, show(hint));
      assert.equal(hint.range.start.line, 1, show(hint));
      assert.equal(document.getText(hint.range), '   ', show(hint));
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>('vscode.executeCodeActionProvider', uri, hint.range, vscode.CodeActionKind.QuickFix.value);
      const fix = (actions ?? []).find((a): a is vscode.CodeAction => a.title === 'Remove trailing whitespace' && 'edit' in a);
      assert.ok(fix, `no quick fix among ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the quick fix edit was not applied');
      assert.equal(document.lineAt(1).text, 'exten => s,1,Answer()');
      await waitFor('the hint to go', () => trailing() === undefined, { events: [vscode.languages.onDidChangeDiagnostics], describe: seen });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await config.update('diagnostics.severity', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });

  it('opens a file of mixed line endings with one kind (so style-mixed-line-endings shows on closed files only)', async () => {
    const uri = workspaceFile('mixed.conf');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('[general]\r\nstatic=yes\r\nwriteprotect=no\nautofallthrough=yes\r\n'));
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      assert.equal(document.eol, vscode.EndOfLine.CRLF);
      assert.equal(document.getText(), '[general]\r\nstatic=yes\r\nwriteprotect=no\r\nautofallthrough=yes\r\n');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('offers the quick fix that brackets the letters of _stdexten-., and the warning goes once it is applied', async () => {
    const uri = workspaceFile('extensions_office.conf');
    const document = await open(uri);
    const warning = await waitFor(
      'the dialplan-lowercase-wildcard diagnostic',
      () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'dialplan-lowercase-wildcard'),
      { events: [vscode.languages.onDidChangeDiagnostics], describe: () => vscode.languages.getDiagnostics(uri).map(show).join(' | ') || 'none' },
    );
    assert.equal(document.getText(warning.range), '_stdexten-.', show(warning));
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning, show(warning));
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
      'vscode.executeCodeActionProvider',
      uri,
      warning.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = (actions ?? []).map((a) => a.title);
    const fix = (actions ?? []).find((a): a is vscode.CodeAction => a.title === 'Bracket the letters: _stde[x]te[n]-.' && 'edit' in a);
    assert.ok(fix, `no bracket quick fix among ${JSON.stringify(titles)}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(
      fix.edit?.get(uri).map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText]),
      [[warning.range.start.line, warning.range.start.character, warning.range.end.character, '_stde[x]te[n]-.']],
    );
    // apply it in the editor (never saved), see the warning go, then put the text back
    try {
      assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the quick fix edit was not applied');
      assert.equal(document.lineAt(warning.range.start.line).text, 'exten => _stde[x]te[n]-.,1,Playback(vm-nobodyavail)');
      await waitFor(
        'the dialplan-lowercase-wildcard diagnostic to go',
        () => !vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'dialplan-lowercase-wildcard'),
        { events: [vscode.languages.onDidChangeDiagnostics], describe: () => vscode.languages.getDiagnostics(uri).map(show).join(' | ') || 'none' },
      );
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.equal(document.isDirty, false);
  });
});

/** The Markdown of a hover, all its parts joined. */
function markdownOf(hover: vscode.Hover): string {
  return hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}
