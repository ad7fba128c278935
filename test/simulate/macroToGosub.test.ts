// The Macro-to-Gosub quick fix changes nothing a call does (issue 14): for every macro of the examples and of the
// dialplans of test/checks/macroDialplans.ts, the fix is applied (again and again while one is offered, so that nested
// macros are converted too), and every call that runs a macro is simulated before and after, on every path (each
// choice of each decision a live call makes: a Dial's status, a condition nobody can know...), as the CLI's
// `simulate --all-paths` runs it.
//
// What is compared, run by run (the same forced choices on both sides):
// - the steps, one for one, once the Return() steps of the lines the fix added are left out of the converted run:
//   the PBX, channel, context, ${EXTEN}, extension, caller-ID pattern, priority, phase (h or not), file and line (the
//   line moved down by the lines added above it), the lookup that found it, and the application, its substituted data
//   and the simulation's note, except on the lines the fix rewrote: a Macro step must be a Gosub step whose data is
//   `macro-NAME,s,1(ARGS)` of the Macro's substituted `NAME,ARGS`, and a MacroExit step a Return step with no data;
// - the decisions made (what, the options, the choice), the assumptions (what, value, source, the step that made
//   them), the number changes on the way (from, to, step, and how but the step it names: the call, or the step a
//   Macro came back after, a Return() once converted), the notes, the
//   lookups shown (context, number, result, extension, where found, why, each candidate with its line), the trunk
//   crossings, where the h extension started, and how the call ended (its end and outcome, line moved as above);
// - Asterisk's log, but the lines app_macro.c logs (its deprecation warnings, "exited non-zero in macro"), on both
//   sides (a macro the conversion waits for still logs them).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/analysis/findings';
import { fileFindings } from '../../server/src/analysis/findings';
import { explainPattern } from '../../server/src/analysis/explainPattern';
import { explore } from '../../server/src/analysis/simulate/allPaths';
import type { SimulateOptions } from '../../server/src/analysis/simulate/simulate';
import { once } from '../../server/src/analysis/simulate/simulate';
import type { Decision } from '../../server/src/analysis/simulate/run';
import { PRIORITY_HINT } from '../../server/src/model/dialplan';
import { pbxsOf } from '../../server/src/model/pbx';
import { Workspace } from '../../server/src/model/workspace';
import type { Hop, SimulateDialResult } from '../../server/src/protocol';
import { MACRO_DIALPLANS } from '../checks/macroDialplans';
import { MemoryHost } from '../memoryHost';
import { ROOT } from '../paths';

type Files = Record<string, string>;

function workspace(files: Files, version: number | null): Workspace {
  const ws = new Workspace(new MemoryHost(files));
  for (const f of Object.keys(files)) ws.addKnown(f);
  ws.configure({ asteriskVersion: version });
  return ws;
}

/** What the fix did to the files: the rewritten call and MacroExit lines, and the lines it added. */
interface Change {
  /** `file:line` (before) of each rewritten Macro call and MacroExit. */
  calls: Set<string>;
  exits: Set<string>;
  /** Per file, the lines (before) in front of which a line was added (one more than the last line: at the end). */
  added: Map<string, number[]>;
}

const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/** Applies a fix, and says what it changed. */
function apply(files: Files, fix: NonNullable<Finding['fixes']>[number], change: Change): Files {
  const out = { ...files };
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) {
    const text = out[e.file];
    if (e.text.includes('\n')) {
      // a whole line added: before the line starting there, or after the last one
      const list = change.added.get(e.file) ?? [];
      list.push(e.start === text.length && !text.endsWith('\n') ? lineAt(text, e.start) + 1 : lineAt(text, e.start));
      change.added.set(e.file, list);
    } else {
      const where = `${e.file}:${lineAt(text, e.start)}`;
      if (e.text.startsWith('Gosub(')) change.calls.add(where);
      else if (e.text === 'Return()') change.exits.add(where);
    }
    out[e.file] = text.slice(0, e.start) + e.text + text.slice(e.end);
  }
  return out;
}

/**
 * Converts every macro that can be: one fix, then again on what it gave (only the first conversion's line numbers are
 * tracked: later ones are compared stage by stage, each against the stage before).
 */
function stages(files: Files): { files: Files; change: Change }[] {
  const out: { files: Files; change: Change }[] = [];
  let current = files;
  for (;;) {
    const ws = workspace(current, 21);
    const f = Object.keys(current)
      .flatMap((file) => fileFindings(ws, file))
      .find((x) => x.code === 'version-removed' && x.fixes);
    if (!f) return out;
    const change: Change = { calls: new Set(), exits: new Set(), added: new Map() };
    const next = apply(current, f.fixes![0], change);
    out.push({ files: next, change });
    current = next;
  }
}

/** The line a line of the files before has after the fix. */
function moved(change: Change, file: string | undefined, line: number | undefined): number | undefined {
  if (file === undefined || line === undefined) return line;
  return line + (change.added.get(file) ?? []).filter((l) => l <= line).length;
}

/** The lines the fix added, as numbered after it. */
function addedLines(change: Change, file: string): Set<number> {
  const list = [...(change.added.get(file) ?? [])].sort((a, b) => a - b);
  return new Set(list.map((l, i) => l + i));
}

interface Origin {
  pbx: string;
  context: string;
  number: string;
}

/** Every extension of every context of every PBX, with a number it takes. */
function origins(ws: Workspace): Origin[] {
  const out: Origin[] = [];
  for (const pbx of pbxsOf(ws)) {
    for (const c of pbx.dialplan?.contexts.values() ?? []) {
      for (const e of c.extensions) {
        if (!e.priorities.has(1) || e.cid !== null || [...e.priorities.keys()].every((p) => p === PRIORITY_HINT)) continue;
        const number = e.isPattern ? explainPattern(e.name).matches[0] : e.name;
        if (number !== undefined) out.push({ pbx: pbx.name, context: c.name, number });
      }
    }
  }
  return out;
}

interface OneRun {
  forced: number[];
  result: SimulateDialResult;
  decisions: Decision[];
}

const WHEN = new Date(Date.UTC(2026, 11, 1, 12));

/** Every path of a call, as `simulate --all-paths` explores them. */
function allRuns(ws: Workspace, o: SimulateOptions): OneRun[] {
  const pbxs = pbxsOf(ws);
  const runs: OneRun[] = [];
  const first = once(ws, pbxs, o, null);
  explore(first.run?.decisions ?? [], (forced) => {
    const r = once(ws, pbxs, o, forced);
    runs.push({ forced, result: r.result, decisions: r.run?.decisions ?? [] });
    return r;
  });
  return runs;
}

const decisionsOf = (d: Decision[]): string[] => d.map((x) => `${x.what} [${x.options.join('|')}] ${x.choice} ${x.source}`);

/** Compares one run before the fix with the same run after it. */
function compare(b: SimulateDialResult, a: SimulateDialResult, change: Change, label: string): void {
  const where = (h: Hop): string => `${h.file}:${h.line}`;
  // the converted run's steps, without the Return() of the lines the fix added
  const kept: number[] = [];
  a.hops.forEach((h, i) => {
    if (!(h.file !== undefined && h.line !== undefined && addedLines(change, h.file).has(h.line))) kept.push(i);
    else assert.equal(h.app, 'Return', `${label}: an added line ran something else`);
  });
  const show = (r: SimulateDialResult): string => r.hops.map((h) => `${h.context},${h.exten},${h.priority} ${h.app}(${h.data})`).join('\n');
  assert.equal(kept.length, b.hops.length, `${label}: steps\n--- before\n${show(b)}\n--- after\n${show(a)}`);
  const index = new Map<number, number>(kept.map((ai, bi) => [ai, bi]));
  const back = (ai: number | undefined): number | undefined => (ai === undefined || ai < 0 ? ai : index.get(ai) ?? -2);
  b.hops.forEach((bh, i) => {
    const ah = a.hops[kept[i]];
    const step = `${label}, step ${i + 1}`;
    for (const k of ['pbx', 'channel', 'context', 'exten', 'extension', 'callerIdPattern', 'priority', 'phase', 'file'] as const) assert.equal(ah[k], bh[k], `${step}: ${k}`);
    assert.equal(ah.line, moved(change, bh.file, bh.line), `${step}: line`);
    if (change.calls.has(where(bh))) {
      assert.equal(bh.app, 'Macro', step);
      assert.equal(ah.app, 'Gosub', step);
      const comma = bh.data.indexOf(',');
      const args = comma < 0 ? '' : bh.data.slice(comma + 1);
      assert.equal(ah.data, `macro-${comma < 0 ? bh.data : bh.data.slice(0, comma)},s,1${args === '' ? '' : `(${args})`}`, step);
    } else if (change.exits.has(where(bh))) {
      assert.deepEqual([bh.app, ah.app, ah.data], ['MacroExit', 'Return', ''], step);
    } else {
      assert.deepEqual([ah.app, ah.data, ah.note], [bh.app, bh.data, bh.note], step);
    }
  });
  // the lookups: one for one, the candidates' lines moved
  const lookups = (r: SimulateDialResult, mv: boolean): unknown[] =>
    r.matches.map((m) => ({ ...m, candidates: m.candidates.map((c) => ({ ...c, line: mv ? c.line : moved(change, c.file, c.line) })) }));
  assert.deepEqual(lookups(a, true), lookups(b, false), `${label}: lookups`);
  assert.deepEqual(
    kept.map((ai) => a.hops[ai].match),
    b.hops.map((h) => h.match),
    `${label}: the lookup of each step`,
  );
  assert.deepEqual(
    a.assumptions.map((x) => ({ ...x, hop: back(x.hop) })),
    b.assumptions,
    `${label}: assumptions`,
  );
  // `how` names the step before the change, the call or the step a Macro returned after (a Return once converted)
  const rewrite = (how: string): string => how.slice(how.lastIndexOf(' to '));
  assert.deepEqual(
    a.rewrites.map((r) => ({ ...r, hop: back(r.hop), how: rewrite(r.how) })),
    b.rewrites.map((r) => ({ ...r, how: rewrite(r.how) })),
    `${label}: number changes`,
  );
  assert.deepEqual(a.notes, b.notes, `${label}: notes`);
  assert.deepEqual(a.crossings, b.crossings, `${label}: crossings`);
  assert.equal(back(a.hStart), b.hStart, `${label}: h`);
  assert.equal(a.end, b.end, `${label}: end`);
  assert.deepEqual({ ...a.outcome, line: a.outcome.line }, { ...b.outcome, line: moved(change, b.outcome.file, b.outcome.line) }, `${label}: outcome`);
  const log = (r: SimulateDialResult): string[] => r.log.filter((l) => l.source !== 'app_macro.c').map((l) => `${l.level} ${l.source} ${l.message}`);
  assert.deepEqual(log(a), log(b), `${label}: log`);
}

/** Simulates, before and after each conversion, every call that runs a macro; returns how many runs were compared. */
function equivalent(files: Files, label: string, mustReach: string[] = [], extra: Origin[] = []): number {
  const all = stages(files);
  assert.ok(all.length > 0, `${label}: no fix to apply`);
  let compared = 0;
  let current = files;
  for (const [n, stage] of all.entries()) {
    const before = workspace(current, null);
    const after = workspace(stage.files, null);
    const reached: string[] = [];
    for (const o of [...origins(before), ...extra]) {
      const options: SimulateOptions = { number: o.number, from: { kind: 'context', name: o.context, pbx: o.pbx }, when: WHEN };
      const runs = allRuns(before, options);
      // only the calls that run a macro converted at this stage
      if (!runs.some((r) => r.result.hops.some((h) => stage.change.calls.has(`${h.file}:${h.line}`)))) continue;
      reached.push(`${o.pbx}:${o.context}:${o.number}`);
      for (const r of runs) {
        const other = once(after, pbxsOf(after), options, r.forced);
        const at = `${label}, stage ${n + 1}, ${o.number} from ${o.pbx}:${o.context}, choices [${r.forced.join(',')}]`;
        assert.deepEqual(decisionsOf(other.run?.decisions ?? []), decisionsOf(r.decisions), `${at}: decisions`);
        compare(r.result, other.result, stage.change, at);
        compared++;
      }
    }
    assert.ok(reached.length > 0, `${label}, stage ${n + 1}: no call reaches the macro`);
    for (const m of mustReach) if (n === 0) assert.ok(reached.includes(m), `${label}: ${m} not among ${reached.join(', ')}`);
    current = stage.files;
  }
  return compared;
}

describe('the Macro-to-Gosub quick fix runs the same steps', () => {
  it('on the examples: every call that reaches macro-stdexten of office-sip, across the trunk from the branch too', () => {
    const files: Files = {};
    for (const dir of fs.readdirSync(path.join(ROOT, 'examples'), { withFileTypes: true })) {
      if (!dir.isDirectory()) continue;
      for (const f of fs.readdirSync(path.join(ROOT, 'examples', dir.name))) files[`/examples/${dir.name}/${f}`] = fs.readFileSync(path.join(ROOT, 'examples', dir.name, f), 'utf8');
    }
    // every example macro is converted (no example's Macro is left without a fix)
    const macros = Object.entries(files).filter(([, t]) => /^\s*(exten|same)\s*=>.*,Macro\(/m.test(t));
    assert.ok(macros.length > 0, 'the examples have a Macro');
    // the branch's phone dials the office's reception: 8 + 1001
    const toOffice: Origin = { pbx: 'branch-pjsip', context: 'branch-phones', number: '81001' };
    const compared = equivalent(files, 'examples', ['office-sip:phones:1001', 'office-sip:from-branch:1001', 'office-sip:from-branch:1002', 'branch-pjsip:branch-phones:81001'], [toOffice]);
    assert.ok(compared >= 10, `${compared} runs compared`);
    const last = stages(files).at(-1)!.files;
    assert.doesNotMatch(Object.values(last).join('\n'), /^\s*(exten|same)\s*=>.*,Macro(Exit)?\(/m, 'a Macro is left');
  });

  for (const d of MACRO_DIALPLANS) {
    it(`on the test dialplan '${d.name}'`, () => {
      const files = Object.fromEntries(Object.entries(d.files).map(([k, v]) => [`/pbx/${k}`, v]));
      assert.ok(equivalent(files, d.name) > 0);
    });
  }
});
