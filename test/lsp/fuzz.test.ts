// Property test over a real LSP connection (issue 13): random dialplans, random incremental edits (ranges past the
// end and backwards included) and every request at random places. Seeded, so a failure is reproducible; `npm run
// fuzz -- --lsp` runs a long campaign of the same property.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { LspClient } from './lspClient';
import { applyEdit, runSession, sessions } from '../fuzz/lsp';
import { strict as assert } from 'node:assert';

describe('the language server under random edits and requests', () => {
  let dir: string;
  let client: LspClient;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-lsp-fuzz-'));
    client = await LspClient.start(dir);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads positions as the specification says (the reference the property compares with)', () => {
    const text = 'ab\r\ncd\nef';
    assert.equal(applyEdit(text, { start: { line: 0, character: 9 }, end: { line: 0, character: 9 }, text: 'X' }), 'abX\r\ncd\nef');
    assert.equal(applyEdit(text, { start: { line: 9, character: 0 }, end: { line: 1, character: 1 }, text: '' }), 'ab\r\nc');
    assert.equal(applyEdit(text, { start: { line: 1, character: 1 }, end: { line: 0, character: 1 }, text: '-' }), 'a-d\nef');
  });

  it('answers every request, logs no internal error, and ends with the text and findings of a fresh open', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(sessions, (s) => runSession(client, dir, n++, s)),
      { numRuns: 60, seed: 1306 },
    );
  });
});
