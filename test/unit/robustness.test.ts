// Bad input never crashes or hangs the analysis: random damage to real configs (the two-PBX labs, and the corpus
// when ../shared/corpus is there) goes through parsing, the dialplan model, every check, hovers, lookups, simulated
// calls, completion, definition, references and rename at random places, each file within a time limit.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fileFindings } from '../../server/src/analysis/findings';
import { hoverAt } from '../../server/src/analysis/hover';
import { lookup } from '../../server/src/model/matcher';
import { simulate } from '../../server/src/analysis/simulate/simulate';
import { complete } from '../../server/src/analysis/completion/complete';
import { occurrenceAt } from '../../server/src/analysis/navigation/occurrences';
import { definition, references, rename } from '../../server/src/features/navigation';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';
import { CONFORMANCE, CORPUS, corpusSkip, listFiles } from '../paths';

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const DAMAGE = ['[', ']', '(', ')', '${', '$[', ';--', '--;', '\\', '\n', '=', '=>', ',', '/', '_', '.', '!', '#include x.conf\n', '#exec /bin/false\n', '\u0000', '\uffff', 'exten => _[', 'same => n(', 'include => ', 'Goto(', 'Dial(Local/', 'type=wizard\n', '[x](!)\n', '(+)'];

function damage(text: string, random: () => number, edits: number): string {
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (text.length + 1));
    const cut = Math.floor(random() * 8);
    text = text.slice(0, at) + DAMAGE[Math.floor(random() * DAMAGE.length)] + text.slice(at + cut);
  }
  return text;
}

/** Three rounds of random damage to `sources` (seeded), each file analysed within a time limit. */
function survive(sources: string[], seed: number): void {
  const random = rng(seed);
  for (let round = 0; round < 3; round++) {
    const files: Record<string, string> = {};
    for (const src of sources) {
      const rel = path.relative(path.dirname(path.dirname(src)), src).split(path.sep).join('/');
      files[`/ws/${rel}`] = damage(fs.readFileSync(src, 'utf8'), random, 20);
    }
    const ws = new Workspace(new MemoryHost(files));
    for (const f of Object.keys(files)) ws.addKnown(f);
    for (const f of Object.keys(files)) {
      const started = Date.now();
      const found = fileFindings(ws, f);
      assert.ok(found.every((x) => x.start >= 0 && x.end >= x.start && x.end <= files[f].length + 1), `ranges inside ${f}`);
      for (let i = 0; i < 5; i++) hoverAt(ws, f, Math.floor(random() * files[f].length), (file, at) => `${file}:${at}`);
      const plan = ws.dialplanFor(f);
      if (plan) {
        for (const c of [...plan.contexts.keys()].slice(0, 5)) {
          const number = String(Math.floor(random() * 100000));
          lookup(plan, c, number, { mode: 'canmatch', when: 'open' });
          const r = simulate(ws, { number, from: { kind: 'context', name: c } });
          assert.ok(r.outcome.reason.length > 0, `a simulated call from ${c} says how it ends`);
        }
      }
      const doc = ws.document(f);
      for (let i = 0; i < 5 && doc; i++) {
        const offset = Math.floor(random() * files[f].length);
        const line = doc.sections.length ? files[f].slice(files[f].lastIndexOf('\n', offset - 1) + 1, offset) : '';
        complete(ws, f, line, doc.sections.filter((s) => s.start <= offset).pop() ?? null);
        definition(ws, f, offset, (x) => x);
        references(ws, f, offset, true, (x) => x);
        if (occurrenceAt(ws, f, offset)) rename(ws, f, offset, 'renamed', (x) => x);
      }
      assert.ok(Date.now() - started < 5000, `${f} took ${Date.now() - started} ms`);
    }
  }
}

describe('robustness', () => {
  it('survives random damage to the two-PBX labs, answering within a time limit', () => {
    for (const lab of ['sip-trunks', 'pjsip-trunks']) survive(listFiles(path.join(CONFORMANCE, lab, 'ok')).filter((f) => f.endsWith('.conf')), 11);
  });

  it('survives random damage to the corpus, answering within a time limit', { skip: corpusSkip() }, () => {
    survive(listFiles(CORPUS).filter((f) => /\.conf$/.test(f)), 7);
  });
});

describe('lists that grow with the configuration', () => {
  it('a context of 200,000 identical lines: every duplicate reported, no internal error (no push(...list) past the argument limit)', () => {
    const text = `[c]\n${'exten => 1,1,NoOp()\n'.repeat(200_000)}`;
    const ws = new Workspace(new MemoryHost({ '/pbx/extensions.conf': text }));
    ws.addKnown('/pbx/extensions.conf');
    const found = fileFindings(ws, '/pbx/extensions.conf');
    assert.equal(found.filter((f) => f.code === 'internal-error').length, 0);
    assert.equal(found.filter((f) => f.code === 'dialplan-duplicate-priority').length, 199_999);
  });
});
