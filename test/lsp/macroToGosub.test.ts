// The Macro-to-Gosub quick fix over a real LSP connection: with pbx.asteriskVersion at 21, the code action on the
// version-removed diagnostic of a Macro call is one workspace edit across the two files of the dialplan (the calls in
// extensions.conf, the macro in macros.conf, which is not open); a macro it refuses gets no action.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol/node';
import { CodeActionRequest } from 'vscode-languageserver-protocol/node';
import { LspClient, uriOf } from './lspClient';

const EXTENSIONS = [
  '[from-internal]',
  'exten => _1XX,1,Macro(stdexten,${EXTEN},PJSIP/${EXTEN})',
  ' same => n,Hangup()',
  'exten => 200,1,Macro(other)',
  '',
  '#include "macros.conf"',
  '',
].join('\n');

const MACROS = [
  '[macro-stdexten]',
  'exten => s,1,NoOp(Call for ${MACRO_EXTEN})',
  ' same => n,Dial(${ARG2},20)',
  ' same => n,MacroExit()',
  '',
  '[macro-other]',
  'exten => s,1,Goto(from-internal,100,2)',
  '',
].join('\n');

/** Applies LSP text edits to a text. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }): number => (p.line < starts.length ? starts[p.line] + p.character : text.length);
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

describe('the Macro-to-Gosub quick fix over LSP', () => {
  let dir: string;
  let client: LspClient;
  let extensions: string;
  let macros: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-macro-'));
    extensions = path.join(dir, 'extensions.conf');
    macros = path.join(dir, 'macros.conf');
    fs.writeFileSync(extensions, EXTENSIONS);
    fs.writeFileSync(macros, MACROS);
    client = await LspClient.start(dir, { asteriskVersion: 21 });
    await client.open(extensions, EXTENSIONS);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const actionsOn = async (line: number): Promise<CodeAction[]> => {
    const diagnostics = await client.diagnosticsFor(extensions, (d) => d.filter((x) => x.code === 'version-removed').length === 2);
    const d = diagnostics.find((x) => x.code === 'version-removed' && x.range.start.line === line)!;
    assert.ok(d, `no version-removed on line ${line + 1}`);
    return (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uriOf(extensions) }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
  };

  it('edits both files in one workspace edit', async () => {
    const actions = await actionsOn(1);
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred]),
      [["Turn the macro 'stdexten' into a Gosub subroutine: its call and [macro-stdexten]", 'quickfix', true]],
    );
    const changes = actions[0].edit!.changes!;
    assert.deepEqual(Object.keys(changes).sort(), [uriOf(extensions), uriOf(macros)].sort());
    assert.equal(applyEdits(EXTENSIONS, changes[uriOf(extensions)]), EXTENSIONS.replace('Macro(stdexten,${EXTEN},PJSIP/${EXTEN})', 'Gosub(macro-stdexten,s,1(${EXTEN},PJSIP/${EXTEN}))'));
    assert.equal(applyEdits(MACROS, changes[uriOf(macros)]), MACROS.replace('${MACRO_EXTEN}', '${STACK_PEEK(1,e)}').replace('MacroExit()', 'Return()'));
  });

  it('offers nothing for a macro that jumps out of its context, and says why', async () => {
    assert.deepEqual(await actionsOn(3), []);
    const d = (await client.diagnosticsFor(extensions, () => true)).find((x) => x.range.start.line === 3)!;
    assert.match(String(d.message), /No quick fix to Gosub: Goto at macros\.conf:7 jumps out of \[macro-other\] \(to \[from-internal\]\): a Macro ends there, a Gosub would not\.$/);
  });
});
