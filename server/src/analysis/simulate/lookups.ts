// The lookups a simulated call makes, as the result shows them: the candidates the matcher weighed in the context
// the search started in and in the one it was found in, what became of each, and why the winner won.
import { matchExtension } from '../../model/extensionName';
import type { LookupResult } from '../../model/matcher';
import { summarize } from '../../model/matcher';
import type { Candidate, MatchStep } from '../../protocol';
import type { Call, Run } from './run';

/** Records a lookup with its candidates; its index in `matches`. */
export function record(run: Run, call: Call, r: LookupResult): number {
  const { ch } = call;
  const candidates = candidatesOf(call, r);
  const searched = r.visited.length > 1 ? ` (${r.visited.length} contexts searched through includes)` : '';
  let why: string;
  if (r.result === 'match') {
    const lost = candidates.filter((c) => c.outcome === 'ranked-lower').map((c) => c.extension);
    const e = r.extension;
    const where = r.foundIn.name === ch.context ? `'${ch.context}'` : `'${r.foundIn.name}' (included from '${ch.context}')`;
    why = `${e.isPattern ? `the pattern ${e.name}` : `the literal ${e.name}`} in ${where} is the first entry that matches ${ch.exten}`;
    if (r.foundIn.name !== ch.context) why += `: nothing in '${ch.context}' itself did, and includes are searched in order`;
    if (lost.length > 0) why += `; it ranks before ${lost.join(', ')} (literals first, then patterns compared character by character from the left, the smaller set first)`;
    why += '.';
  } else why = r.result === 'no-context' ? `There is no context '${ch.context}'.` : r.result === 'no-priority' ? `Extensions match ${ch.exten} but none has priority ${ch.priority}${searched}.` : `Nothing in '${ch.context}' or its includes matches ${ch.exten}${searched}.`;
  if (run.result.matches.length === 0) run.result.match = { ...summarize(r), ...(r.result === 'match' ? { file: r.priority.file } : {}) };
  const step: MatchStep = { pbx: call.pbx.name, context: ch.context, number: ch.exten, callerId: ch.caller.number, result: r.result, extension: r.result === 'match' ? r.extension.name : null, foundIn: r.result === 'match' ? r.foundIn.name : null, candidates, why };
  run.result.matches.push(step);
  return run.result.matches.length - 1;
}

/**
 * The candidates shown for a lookup: in the context the search started in and in the one it was found in, every
 * entry that matches the number, in the matcher's order, with what became of it. Each links to the line that runs
 * (or the one looked up), never to a hint.
 */
function candidatesOf(call: Call, r: LookupResult): Candidate[] {
  const { ch } = call;
  const plan = call.pbx.dialplan!;
  const out: Candidate[] = [];
  const names = r.result === 'match' && r.foundIn.name !== ch.context ? [ch.context, r.foundIn.name] : [ch.context];
  for (const name of names) {
    const context = plan.contexts.get(name);
    let after = false;
    for (const e of context?.extensions ?? []) {
      if (matchExtension(e.exten, ch.exten, 'match') === 0) continue;
      let outcome: string;
      if (r.result === 'match' && e === r.extension) {
        outcome = 'chosen';
        after = true;
      } else if (after) outcome = 'ranked-lower';
      else if (e.cidExten !== null && e.cidExten !== (ch.caller.number ?? '') && matchExtension(e.cidExten, ch.caller.number ?? '', 'match') === 0) outcome = 'caller-id';
      else if (!e.priorities.has(ch.priority)) outcome = 'no-priority';
      else outcome = 'ranked-lower';
      const line = e.priorities.get(ch.priority) ?? [...e.priorities.values()].filter((p) => p.priority > 0).sort((a, b) => a.priority - b.priority)[0] ?? e.first;
      out.push({ context: name, extension: e.cid === null ? e.name : `${e.name}/${e.cid}`, outcome, file: line.file, line: line.statement.statement.line + 1 });
    }
  }
  return out;
}
