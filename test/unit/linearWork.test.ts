// Work that must stay linear in the size of a config (issue 13, F2), counted rather than timed, at two sizes: the
// steps of every for-of and spread over arrays, maps and sets (their iterators' next(), counted while the check and
// the lookups run), and the reads of the context's extension list. The times of the same shapes are in `npm run
// bench` (section adversarial).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fileFindings } from '../../server/src/analysis/findings';
import { lookup } from '../../server/src/model/matcher';
import type { Extension } from '../../server/src/model/dialplan';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';

const FILE = '/w/extensions.conf';

/** One context of n extensions, each a Goto to the next (the F2 shape). */
const gotos = (n: number): string => '[default]\n' + Array.from({ length: n }, (_, i) => `exten => ${i},1,Goto(default,${i + 1},1)\n`).join('');

/** Counts the calls of next() on the iterators of arrays, maps and sets while `run` runs. */
function iterationSteps(run: () => void): number {
  const prototypes = [[][Symbol.iterator](), new Map()[Symbol.iterator](), new Set()[Symbol.iterator]()].map((i) => Object.getPrototypeOf(i) as { next: () => unknown });
  const originals = prototypes.map((p) => p.next);
  let steps = 0;
  prototypes.forEach((p, i) => {
    const next = originals[i];
    p.next = function (this: unknown) {
      steps++;
      return next.call(this);
    };
  });
  try {
    run();
  } finally {
    prototypes.forEach((p, i) => (p.next = originals[i]));
  }
  return steps;
}

/** Checks the file and looks every number up, counting the reads of the context's extension list and the steps. */
function reads(n: number): { reads: number; steps: number; findings: string[] } {
  const ws = new Workspace(new MemoryHost({ [FILE]: gotos(n) }));
  ws.addKnown(FILE);
  const plan = ws.dialplanFor(FILE)!;
  const context = plan.contexts.get('default')!;
  let count = 0;
  context.extensions = new Proxy(context.extensions, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) count++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  }) as Extension[];
  let findings: string[] = [];
  const steps = iterationSteps(() => {
    findings = fileFindings(ws, FILE).map((f) => `${f.code}: ${f.message}`);
    for (let i = 0; i < n; i++) if (lookup(plan, 'default', String(i)).result !== 'match') throw new Error(`${i} not found`);
  });
  return { reads: count, steps, findings };
}

describe('linear work on the adversarial shapes (counted, not timed)', () => {
  it('one context of N extensions each a Goto to the next: reads of its extension list grow as N, not N²', () => {
    const small = reads(1000);
    const large = reads(4000);
    // the only finding: the last Goto names an extension that does not exist
    assert.deepEqual(large.findings.map((f) => f.split(':')[0]), ['dialplan-goto-target-missing']);
    assert.match(large.findings[0], /4000/);
    assert.ok(small.reads > 0 && small.steps > 0);
    assert.ok(large.reads <= small.reads * 4 * 1.5, `4x the extensions cost ${(large.reads / small.reads).toFixed(1)}x the reads (${small.reads} -> ${large.reads})`);
    assert.ok(large.steps <= small.steps * 4 * 1.5, `4x the extensions cost ${(large.steps / small.steps).toFixed(1)}x the iteration steps (${small.steps} -> ${large.steps})`);
  });

  it('a lookup sees an extension added by an edit (the literal index is rebuilt when the context grows)', () => {
    const ws = new Workspace(new MemoryHost({ [FILE]: gotos(40) }));
    ws.addKnown(FILE);
    assert.equal(lookup(ws.dialplanFor(FILE)!, 'default', '40').result, 'no-extension');
    const text = gotos(40) + 'exten => 40,1,NoOp(new)\n';
    ws.edited(FILE, text, [{ start: gotos(40).length, end: gotos(40).length, text: 'exten => 40,1,NoOp(new)\n' }]);
    const found = lookup(ws.dialplanFor(FILE)!, 'default', '40');
    assert.equal(found.result, 'match');
    assert.deepEqual(fileFindings(ws, FILE), []);
  });

  it('a chain of N sip.conf templates, and one context including N others: iteration steps grow as N', () => {
    const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
    const shapes: [string, (n: number) => string][] = [
      ['/w/sip.conf', (n) => '[general]\n[t0](!)\ntype=friend\nhost=dynamic\n' + range(n).map((i) => `[t${i + 1}](!,t${i})\ncontext=c${i}\n`).join('') + `[peer](t${n})\n`],
      ['/w/extensions.conf', (n) => '[main]\n' + range(n).map((i) => `include => c${i}\n`).join('') + range(n).map((i) => `[c${i}]\nexten => ${i},1,NoOp()\n`).join('')],
    ];
    for (const [file, make] of shapes) {
      const steps = (n: number): number => {
        const ws = new Workspace(new MemoryHost({ [file]: make(n) }));
        ws.addKnown(file);
        return iterationSteps(() => void fileFindings(ws, file));
      };
      const small = steps(1000);
      const large = steps(4000);
      assert.ok(large <= small * 4 * 1.5, `${file}: 4x the size cost ${(large / small).toFixed(1)}x the iteration steps (${small} -> ${large})`);
    }
  });
});
