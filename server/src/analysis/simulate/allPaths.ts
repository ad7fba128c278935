// Every possible outcome of a call: the call is run again for each choice a live call could make at each decision
// (a Dial's status, the caller's keys at a prompt, a condition on a value nobody knows), depth first, at most
// MAX_PATHS runs; identical endings are merged and each distinct one keeps the assumptions of a path that leads
// there. Re-running is cheap (a simulation takes milliseconds) and needs no copy of a channel's state.
import type { PathOutcome, SimulateDialResult } from '../../protocol';
import type { Decision, Run } from './run';

export const MAX_PATHS = 256;

export function explore(main: Decision[], runOnce: (forced: number[]) => { result: SimulateDialResult; run: Run | null }): { paths: PathOutcome[]; cut: boolean } {
  const byEnding = new Map<string, PathOutcome>();
  const pending: number[][] = [];
  const branch = (decisions: Decision[], from: number): void => {
    const taken = decisions.map((d) => d.choice);
    for (let i = decisions.length - 1; i >= from; i--) {
      for (let j = decisions[i].options.length - 1; j >= 0; j--) if (j !== taken[i]) pending.push([...taken.slice(0, i), j]);
    }
  };
  let runs = 0;
  let cut = false;
  const add = (result: SimulateDialResult): void => {
    const o = result.outcome;
    const key = [o.kind, o.pbx, o.context, o.extension, o.sipStatus, result.end, o.file, o.line, o.reason].join('\u0000');
    const assumptions = result.assumptions.map((a) => {
      const h = result.hops[a.hop];
      const hop = h?.file !== undefined && h.line !== undefined ? { pbx: h.pbx, file: h.file, line: h.line } : null;
      return { what: a.what, value: a.value, values: [a.value], hop };
    });
    const seen = byEnding.get(key);
    if (!seen) {
      byEnding.set(key, { outcome: o, end: result.end, assumptions, paths: 1 });
      return;
    }
    seen.paths++;
    // the path shown is one of the shortest; the values of each of its assumptions gather those of the paths that
    // made the same assumptions in the same order (the same shape), so that "BUSY or NOANSWER" reads true
    const shape = (list: { what: string }[]): string => list.map((a) => a.what).join('\u0000');
    if (assumptions.length < seen.assumptions.length) seen.assumptions = assumptions;
    else if (shape(assumptions) === shape(seen.assumptions)) {
      assumptions.forEach((a, i) => {
        if (!seen.assumptions[i].values.includes(a.value)) seen.assumptions[i].values.push(a.value);
      });
    }
  };
  // the main run, then the others
  const first = runOnce(main.map((d) => d.choice));
  runs++;
  add(first.result);
  branch(first.run?.decisions ?? [], 0);
  while (pending.length > 0) {
    if (runs >= MAX_PATHS) {
      cut = true;
      break;
    }
    const forced = pending.pop()!;
    const { result, run } = runOnce(forced);
    runs++;
    add(result);
    branch(run?.decisions ?? [], forced.length);
  }
  const paths = [...byEnding.values()].sort((a, b) => b.paths - a.paths);
  return { paths, cut };
}
