// After edits, the dialplan keeps its unchanged contexts (moved along) and rebuilds the others: what the user sees
// must be exactly what a fresh build of the same text shows.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/analysis/findings';
import { fileFindings } from '../../server/src/analysis/findings';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';
import { CONFORMANCE } from '../paths';

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const EDITS = ['', 'x', '9', '\n', '_', 'exten => 7,1,NoOp()\n', ' same => n,Goto(ord_main,101,1)\n', '[newctx]\n', ';', 'include => inc_a\n', ']', 'n', ','];

const normal = (list: Finding[]): string[] => list.map((f) => JSON.stringify([f.code, f.start, f.end, f.message, f.related, f.fixes ?? null])).sort();

describe('incremental dialplan', () => {
  it('shows after random edits exactly what a fresh build shows', () => {
    const file = '/pbx/extensions.conf';
    let text = fs.readFileSync(path.join(CONFORMANCE, 'dialplan-match', 'extensions.conf'), 'utf8');
    const host = new MemoryHost({ [file]: text });
    const ws = new Workspace(host);
    ws.addKnown(file);
    fileFindings(ws, file);
    const random = rng(3);
    let kept = 0;
    for (let i = 0; i < 60; i++) {
      const start = Math.floor(random() * text.length);
      const end = Math.min(text.length, start + Math.floor(random() * 4));
      const insert = EDITS[Math.floor(random() * EDITS.length)];
      text = text.slice(0, start) + insert + text.slice(end);
      host.files[file] = text;
      ws.edited(file, text, [{ start, end, text: insert }]);
      const plan = ws.dialplanFor(file)!;
      if (plan.changed !== null) kept += plan.contexts.size - plan.changed.size;
      const fresh = new Workspace(new MemoryHost({ [file]: text }));
      fresh.addKnown(file);
      assert.deepEqual(normal(fileFindings(ws, file)), normal(fileFindings(fresh, file)), `edit ${i}: [${start},${end}) -> ${JSON.stringify(insert)}`);
      // an include's parts are where its line is now, in kept contexts too (read from the line, which the re-parse moved)
      for (const context of plan.contexts.values()) {
        for (const inc of context.includes) {
          const at = inc.statement.context;
          assert.equal(text.slice(at.start, at.end), at.text, `edit ${i}: include of '${inc.context}' in [${context.name}]`);
        }
      }
    }
    assert.ok(kept > 1000, `contexts kept: ${kept}`);
  });
});

describe('incremental dialplan: Goto findings in a kept context', () => {
  it('point at the right place after the lines above them moved and their target changed', () => {
    const file = '/pbx/extensions.conf';
    let text = '[a]\nexten => 1,1,NoOp()\n[b]\nexten => 2,1,Goto(c,9,1)\n[y]\nexten => 5,1,NoOp()\n[z]\nexten => 6,1,NoOp()\n[c]\nexten => 9,1,NoOp()\n';
    const host = new MemoryHost({ [file]: text });
    const ws = new Workspace(host);
    ws.addKnown(file);
    assert.deepEqual(fileFindings(ws, file).filter((f) => f.code === 'dialplan-goto-target-missing'), []);
    // lengthen a line of [a] (shifting [b], which is kept), then remove extension 9 from [c] (re-reading [z] and [c]
    // only): [b] is kept again, but its Goto must be checked again, at [b]'s new place
    const edit = (from: string, to: string): void => {
      const at = text.indexOf(from);
      text = text.slice(0, at) + to + text.slice(at + from.length);
      host.files[file] = text;
      ws.edited(file, text, [{ start: at, end: at + from.length, text: to }]);
    };
    edit('exten => 1,1,NoOp()', 'exten => 1,1,NoOp(a longer line)');
    fileFindings(ws, file);
    edit('exten => 9,1,NoOp()', 'exten => 8,1,NoOp()');
    const f = fileFindings(ws, file).filter((x) => x.code === 'dialplan-goto-target-missing');
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0].start, f[0].end), 'c,9,1');
  });
});
