// The LSP part of the property tests and `npm run fuzz --lsp` (issue 13): a real server (dist/server.js over
// stdio) gets a random dialplan, random incremental edits (ranges past the end and backwards included, which VS Code
// never sends and other clients do) and every request at random places. The properties: no request fails, no
// internal error is logged, the server's text is the one the LSP specification gives, and the diagnostics it
// publishes after the edits equal those of the same text opened fresh.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import {
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  LSPErrorCodes,
  PrepareRenameRequest,
  ReferencesRequest,
  SignatureHelpRequest,
} from 'vscode-languageserver-protocol/node';
import type { LspClient } from '../lsp/lspClient';
import { uriOf } from '../lsp/lspClient';
import { dialplanLine } from './configs';

interface Position {
  line: number;
  character: number;
}

export interface Session {
  text: string;
  edits: { start: Position; end: Position; text: string }[];
  probes: Position[];
}

const position = fc.record({ line: fc.nat(30), character: fc.nat(50) });

export const sessions: fc.Arbitrary<Session> = fc.record({
  text: fc.array(dialplanLine, { maxLength: 20 }).map((l) => l.join('\n') + '\n'),
  edits: fc.array(fc.record({ start: position, end: position, text: fc.oneof(dialplanLine.map((l) => l + '\n'), fc.constantFrom('', '\n', '(', ')', '[', ']', ',', '${', ';', '--;', ';--', '=>', '\r\n', 'é')) }), { maxLength: 12 }),
  probes: fc.array(position, { minLength: 1, maxLength: 4 }),
});

/** The offset of a position as the LSP specification reads it: a line past the end is the end of the text, a
 * character past the end of its line the end of that line (before its line break). */
export function offsetOf(text: string, p: Position): number {
  let start = 0;
  for (let line = 0; line < p.line; line++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return text.length;
    start = nl + 1;
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  if (end > start && text[end - 1] === '\r') end--;
  return Math.min(start + p.character, end);
}

/** An edit applied as the specification says (a backwards range read the other way round). */
export function applyEdit(text: string, e: { start: Position; end: Position; text: string }): string {
  const a = offsetOf(text, e.start);
  const b = offsetOf(text, e.end);
  return text.slice(0, Math.min(a, b)) + e.text + text.slice(Math.max(a, b));
}

/** What a user sees of each diagnostic, the file's own folder written the same for both copies. */
const shape = (d: Diagnostic[], folder: string): string[] =>
  d.map((x) => `${x.code} ${x.severity} ${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character} ${String(x.message).split(folder).join("<folder>")}`).sort();

/** One session in its own folder of `dir`; throws with what differs. */
export async function runSession(client: LspClient, dir: string, n: number, s: Session): Promise<void> {
  const edited = path.join(dir, `s${n}`, 'edited', 'extensions.conf');
  const fresh = path.join(dir, `s${n}`, 'fresh', 'extensions.conf');
  let expected = s.text;
  for (const e of s.edits) expected = applyEdit(expected, e);
  fs.mkdirSync(path.dirname(edited), { recursive: true });
  fs.mkdirSync(path.dirname(fresh), { recursive: true });
  fs.writeFileSync(edited, s.text);
  fs.writeFileSync(fresh, expected);
  await client.open(edited, s.text);
  for (const e of s.edits) await client.edit(edited, { start: e.start, end: e.end }, e.text);
  const uri = uriOf(edited);
  const textDocument = { uri };
  const c = client.connection;
  for (const p of s.probes) {
    // every answer must come (a failing request rejects here), whatever the place
    await c.sendRequest(HoverRequest.type, { textDocument, position: p });
    await c.sendRequest(CompletionRequest.type, { textDocument, position: p });
    await c.sendRequest(SignatureHelpRequest.type, { textDocument, position: p });
    await c.sendRequest(DefinitionRequest.type, { textDocument, position: p });
    await c.sendRequest(ReferencesRequest.type, { textDocument, position: p, context: { includeDeclaration: true } });
    // prepareRename may refuse, with the reason for the user (RequestFailed); anything else is a failure of ours
    await c.sendRequest(PrepareRenameRequest.type, { textDocument, position: p }).catch((e: { code?: number }) => {
      if (e.code !== LSPErrorCodes.RequestFailed) throw e;
    });
  }
  await c.sendRequest(FoldingRangeRequest.type, { textDocument });
  await c.sendRequest(CodeLensRequest.type, { textDocument });
  const symbols = (await c.sendRequest(DocumentSymbolRequest.type, { textDocument })) as { name: string; range: { start: Position; end: Position } }[];
  // the server's text is the specification's: its outline covers the same lines as that of the text opened fresh
  await client.open(fresh, expected);
  const freshSymbols = (await c.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf(fresh) } })) as typeof symbols;
  assert.deepEqual(symbols, freshSymbols, 'outline after the edits = outline of the text opened fresh');
  const want = shape(await client.diagnosticsFor(fresh, () => true), path.dirname(fresh));
  const same = (d: Diagnostic[]): boolean => JSON.stringify(shape(d, path.dirname(edited))) === JSON.stringify(want);
  // the newest publication for the edited copy may still be on its way: wait for it, then compare what came last
  const got = await client.diagnosticsFor(edited, same, 3000).catch(() => client.published(edited).at(-1) ?? []);
  assert.deepEqual(shape(got, path.dirname(edited)), want, 'diagnostics after the edits = diagnostics of the text opened fresh');
  assert.deepEqual(client.errors, [], "no internal error logged");
  await client.close(edited);
  await client.close(fresh);
}
