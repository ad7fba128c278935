// Re-parse after an edit must give exactly the document a full parse gives.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import type { Assignment, ConfigDocument } from '../../server/src/parser/ast';
import type { ExtensionStatement } from '../../server/src/parser/dialplanParser';
import { parseExtensionStatement } from '../../server/src/parser/dialplanParser';
import { parseConfig } from '../../server/src/parser/configParser';
import { reparseConfig } from '../../server/src/parser/incremental';
import { CORPUS, corpusSkip, listFiles } from '../paths';

function normal(doc: ConfigDocument): unknown {
  const copy = JSON.parse(JSON.stringify(doc)) as ConfigDocument;
  copy.problems.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
  copy.blockComments.sort((a, b) => a.start - b.start);
  return copy;
}

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const SNIPPETS = ['', 'x', '\n', ']', '[', '[new-ctx]\n', ';', ';-- ', ' --;', '\\;', 'exten => 1,1,NoOp()\n', '=', '#include x.conf\n', '(!)', '\n\n', 'same => n,Hangup()'];

function check(text: string, edits: number, seed: number): void {
  const random = rng(seed);
  let doc = parseConfig(text);
  for (let i = 0; i < edits; i++) {
    const start = Math.floor(random() * (text.length + 1));
    const end = Math.min(text.length, start + Math.floor(random() * 12));
    const insert = SNIPPETS[Math.floor(random() * SNIPPETS.length)];
    const next = text.slice(0, start) + insert + text.slice(end);
    doc = reparseConfig(doc, next, { start, end, text: insert });
    text = next;
    assert.deepEqual(normal(doc), normal(parseConfig(text)), `edit ${i} (seed ${seed}): [${start},${end}) -> ${JSON.stringify(insert)}`);
  }
}

describe('incremental re-parse', () => {
  it('matches a full parse after random edits to every corpus file', { skip: corpusSkip() }, () => {
    let seed = 1;
    for (const file of listFiles(CORPUS).filter((f) => /\.conf(\.sample)?$/.test(f))) check(fs.readFileSync(file, 'utf8'), 25, seed++);
  });

  it('handles an edit that opens a block comment swallowing later sections, and the one that closes it', () => {
    const text = '[a]\nx=1\n[b]\ny=2\n[c]\nz=3\n';
    const opened = text.replace('y=2', ';-- y=2');
    const doc1 = reparseConfig(parseConfig(text), opened, { start: text.indexOf('y=2'), end: text.indexOf('y=2'), text: ';-- ' });
    assert.deepEqual(normal(doc1), normal(parseConfig(opened)));
    assert.deepEqual(doc1.sections.map((s) => s.name.text), ['a', 'b']);
    const closedAt = opened.indexOf('z=3');
    const closed = opened.slice(0, closedAt) + '--; ' + opened.slice(closedAt);
    const doc2 = reparseConfig(doc1, closed, { start: closedAt, end: closedAt, text: '--; ' });
    assert.deepEqual(normal(doc2), normal(parseConfig(closed)));
  });
});

describe('incremental re-parse keeps parsed statements right', () => {
  it('moves the dialplan statements of the lines after an edit with them', { skip: corpusSkip() }, () => {
    const text = fs.readFileSync(listFiles(CORPUS).find((f) => f.endsWith('wazo/expected_generated_extension.conf'))!, 'utf8');
    let doc = parseConfig(text);
    const assignments = (d: ConfigDocument): Assignment[] => d.sections.flatMap((s) => s.items.filter((i): i is Assignment => i.type === 'Assignment' && i.key.text.toLowerCase() === 'exten'));
    for (const a of assignments(doc)) parseExtensionStatement(a, 'exten');
    const at = text.indexOf('exten', Math.floor(text.length / 3));
    const next = text.slice(0, at) + '; a new comment line\n' + text.slice(at);
    doc = reparseConfig(doc, next, { start: at, end: at, text: '; a new comment line\n' });
    const fresh = assignments(parseConfig(next));
    const kept = assignments(doc);
    assert.equal(kept.length, fresh.length);
    kept.forEach((a, i) => {
      // the nodes as the features read them (a compact statement makes them from its line's moved value)
      const nodes = (st: ExtensionStatement): unknown => JSON.parse(JSON.stringify({ kind: st.kind, extension: st.extension, callerId: st.callerId, priority: st.priority, application: st.application }));
      assert.deepEqual(nodes(parseExtensionStatement(a, 'exten')), nodes(parseExtensionStatement(fresh[i], 'exten')), a.value.text);
    });
  });
});
