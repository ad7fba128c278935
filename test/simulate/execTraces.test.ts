// Simulate dial against every call a real Asterisk 20.20.1 ran (conformance/exec-traces): the simulated steps of
// the dialed channel, (context, ${EXTEN}, priority, application, substituted data) in order, `h` steps included,
// equal the recorded `Executing` lines, and the run ends as the recording says (`end`, `hStart`). Cases the
// recorder cut short (an endless loop) are compared up to where the simulation cuts its own loop.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { simulate } from '../../server/src/analysis/simulate/simulate';
import { Workspace } from '../../server/src/model/workspace';
import type { Hop } from '../../server/src/protocol';
import { MemoryHost } from '../memoryHost';
import { CONFORMANCE } from '../paths';

interface Step {
  context: string;
  extension: string;
  priority: number;
  app: string;
  data: string;
}

interface TraceCase {
  number: string;
  context: string;
  callerId?: string;
  steps: Step[];
  end: string;
  hStart?: number;
}

const SETS = path.join(CONFORMANCE, 'exec-traces');

/** Channel names as the recordings normalise them: `Local/N@CTX-<id>;2`. */
const normalise = (text: string): string => text.replace(/-[0-9a-f]{8};2/g, '-<id>;2');

const show = (s: Step): string => `${s.context},${s.extension},${s.priority} ${s.app}(${s.data})`;

export function traceCases(set: string): { file: string; cases: TraceCase[] } {
  const dir = path.join(SETS, set);
  return { file: fs.readFileSync(path.join(dir, 'extensions.conf'), 'utf8'), cases: (JSON.parse(fs.readFileSync(path.join(dir, 'cases.json'), 'utf8')) as { cases: TraceCase[] }).cases };
}

export function runTrace(file: string, c: TraceCase): { steps: Step[]; end: string; hStart: number | undefined; hops: Hop[] } {
  const ws = new Workspace(new MemoryHost({ '/pbx/lab/extensions.conf': file }));
  ws.addKnown('/pbx/lab/extensions.conf');
  const r = simulate(ws, { number: c.number, from: { kind: 'context', name: c.context }, callerId: c.callerId ?? null, when: new Date(Date.UTC(2026, 11, 1, 12)) });
  const first = r.hops[0]?.channel;
  const hops = r.hops.filter((h) => h.channel === first);
  const steps = hops.map((h) => ({ context: h.context, extension: h.exten, priority: h.priority, app: h.app, data: normalise(h.data) }));
  const hStart = r.hStart === undefined ? undefined : hops.indexOf(r.hops[r.hStart]);
  return { steps, end: r.end, hStart, hops };
}

/** What differs between a recorded call and its simulation, or '' when nothing does. */
export function traceDiff(file: string, c: TraceCase): string {
  const got = runTrace(file, c);
  const cut = c.end === 'loop-cut';
  const want = cut ? c.steps.slice(0, got.steps.length) : c.steps;
  for (let i = 0; i < Math.max(want.length, got.steps.length); i++) {
    const w = want[i];
    const g = got.steps[i];
    if (!w || !g || show(w) !== show(g)) return `step ${i}: recorded ${w ? show(w) : '(nothing)'}, simulated ${g ? show(g) : '(nothing)'}`;
  }
  if (got.end !== c.end) return `end: recorded '${c.end}', simulated '${got.end}'`;
  if (!cut && got.hStart !== c.hStart) return `hStart: recorded ${c.hStart}, simulated ${got.hStart}`;
  return '';
}

for (const set of fs.readdirSync(SETS).filter((n) => fs.existsSync(path.join(SETS, n, 'cases.json'))).sort()) {
  describe(`exec-traces/${set}`, () => {
    const { file, cases } = traceCases(set);
    it(`runs every one of the ${cases.length} recorded calls as Asterisk did`, () => {
      const failures = cases.map((c) => ({ c, why: traceDiff(file, c) })).filter((f) => f.why !== '');
      assert.deepEqual(
        failures.map((f) => `${f.c.number}@${f.c.context}${f.c.callerId ? ` cid ${f.c.callerId}` : ''}: ${f.why}`),
        [],
      );
    });
  });
}
