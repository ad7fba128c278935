// Property (fast-check, issue 13): whatever edits an LSP client sends (ranges past the end of the document, past
// the end of a line, backwards; several in a row), the text the server checks is the editor's text, and the
// findings of the incremental re-check equal those of a fresh check of that text.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileFindings } from '../../server/src/analysis/findings';
import { Workspace } from '../../server/src/model/workspace';
import { toEdits } from '../../server/src/openDocuments';
import { MemoryHost } from '../memoryHost';

const PIECES = ['[default]\n', '[other]\n', 'exten => 1,1,NoOp()\n', ' same => n,Hangup()\n', 'exten => _X.,1,Goto(default,1,1)\n', 'include => other\n', '\n', ';c\n', ';--\n', '--;\n', 'x', '[', ']', '(', ')', ',', '=>', '#include nosuch.conf\n', '#tryinclude a[z-a].conf\n'];
const FILE = '/p/extensions.conf';

const piece = fc.constantFrom(...PIECES);
const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
const position = fc.record({ line: fc.nat(20), character: fc.nat(40) });
const edit = fc.record({ start: position, end: position, text });

const summary = (ws: Workspace): string[] => fileFindings(ws, FILE).map((f) => `${f.code}@${f.start}-${f.end}`);

describe('edits as an LSP client sends them', () => {
  it('keep the server on the editor\'s text, with the findings of a fresh check', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 6 }), (initial, edits) => {
        const files: Record<string, string> = { [FILE]: initial };
        const ws = new Workspace(new MemoryHost(files));
        ws.addKnown(FILE);
        summary(ws);
        let doc = TextDocument.create('file:///p/extensions.conf', 'asterisk', 1, initial);
        for (const e of edits) {
          const change = { range: { start: e.start, end: e.end }, text: e.text };
          const next = TextDocument.update(doc, [change], doc.version + 1);
          const offsets = toEdits(doc, [change], next.getText().length);
          doc = next;
          files[FILE] = doc.getText();
          ws.edited(FILE, doc.getText(), offsets);
          assert.equal(ws.document(FILE)!.length, doc.getText().length);
          const fresh = new Workspace(new MemoryHost({ [FILE]: doc.getText() }));
          fresh.addKnown(FILE);
          assert.deepEqual(summary(ws), summary(fresh), JSON.stringify({ initial, edits }));
        }
      }),
      { numRuns: 300, seed: 1306 },
    );
  });
});
