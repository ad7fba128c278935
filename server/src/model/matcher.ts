// Which extension a number reaches in a context: pbx_find_extension (main/pbx.c) with the default matcher.
// The context's own extensions are tried in their sorted order; the first that matches the number and the
// caller ID and has the wanted priority wins; a match without it is skipped (the result remembers it, to say
// "no priority"). Then the includes, in order, depth first, each context once (names compared without case),
// at most 512 deep; a timed include counts only when open.
import type { Context, Dialplan, Extension, Include, Priority } from './dialplan';
import type { MatchMode } from './extensionName';
import { matchExtension } from './extensionName';
import { isOpen } from './timing';

export const MAX_INCLUDE_DEPTH = 512;

/** When timed includes are evaluated: at an instant, or with every one that can open open, or every one that can close closed. */
export type When = Date | 'open' | 'closed';

export interface LookupOptions {
  callerId?: string | null;
  mode?: MatchMode;
  priority?: number;
  /** Find a label instead of a priority (E_FINDLABEL). */
  label?: string;
  /** Record every candidate in `considered` (else, for a complete number, the literals that cannot match it are skipped unseen). */
  explain?: boolean;
  when?: When;
}

/** A candidate the matcher looked at, in order, for explanations. */
export interface Considered {
  context: string;
  extension: Extension;
  outcome: 'no-match' | 'caller-id' | 'no-priority' | 'early-match-final' | 'chosen';
}

export interface SkippedInclude {
  from: string;
  include: Include;
  reason: 'closed' | 'visited' | 'missing' | 'depth';
}

export type LookupResult = (
  | { result: 'match'; extension: Extension; priority: Priority; foundIn: Context }
  | { result: 'no-extension' | 'no-context' | 'no-priority' }
) & {
  considered: Considered[];
  skipped: SkippedInclude[];
  /** Every context name the search looked up, in order (a change elsewhere cannot change the answer). */
  visited: string[];
};

const STATUS = { 'no-context': 1, 'no-extension': 2, 'no-priority': 3 } as const;
type Status = keyof typeof STATUS;

interface Query {
  visited: string[];
  status: Status;
  stack: string[];
  considered: Considered[];
  skipped: SkippedInclude[];
}

function callerIdMatches(pattern: string, callerId: string | null | undefined): boolean {
  if (!callerId) return pattern === '';
  return matchExtension(pattern, callerId, 'match') !== 0;
}

export function includeIsOpen(include: Include, when: When): boolean {
  if (include.timing === null) return true;
  if (when === 'open') return include.everOpen;
  if (when === 'closed') return include.alwaysOpen;
  return isOpen(include.timing, when);
}

export function lookup(plan: Dialplan, context: string, number: string, options: LookupOptions = {}): LookupResult {
  const q: Query = { status: 'no-context', stack: [], considered: [], skipped: [], visited: [] };
  const found = find(plan, q, context, number, options, null);
  if (found) return { result: 'match', ...found, considered: q.considered, skipped: q.skipped, visited: q.visited };
  return { result: q.status, considered: q.considered, skipped: q.skipped, visited: q.visited };
}

function find(plan: Dialplan, q: Query, name: string, number: string, o: LookupOptions, via: { from: string; include: Include } | null): { extension: Extension; priority: Priority; foundIn: Context } | null {
  if (q.stack.length >= MAX_INCLUDE_DEPTH) {
    if (via) q.skipped.push({ ...via, reason: 'depth' });
    return null;
  }
  const lower = name.toLowerCase();
  if (q.stack.some((s) => s.toLowerCase() === lower)) {
    if (via) q.skipped.push({ ...via, reason: 'visited' });
    return null;
  }
  q.visited.push(name);
  const context = plan.contexts.get(name);
  if (!context) {
    if (via) q.skipped.push({ ...via, reason: 'missing' });
    return null;
  }
  if (STATUS[q.status] < STATUS['no-extension']) q.status = 'no-extension';
  const mode = o.mode ?? 'match';
  const wanted = o.priority ?? 1;
  for (const e of candidates(context, number, mode, o.explain === true)) {
    const m = matchExtension(e.exten, number, mode);
    if (!m) {
      q.considered.push({ context: name, extension: e, outcome: 'no-match' });
      continue;
    }
    if (e.cidExten !== null && !callerIdMatches(e.cidExten, o.callerId)) {
      q.considered.push({ context: name, extension: e, outcome: 'caller-id' });
      continue;
    }
    if (m === 2 && mode === 'matchmore') {
      // "We match an extension ending in '!'. The decision in this case is final and is NULL (no match)."
      q.considered.push({ context: name, extension: e, outcome: 'early-match-final' });
      return null;
    }
    if (STATUS[q.status] < STATUS['no-priority']) q.status = 'no-priority';
    const p = o.label !== undefined ? labelled(e, o.label) : e.priorities.get(wanted);
    if (p) {
      q.considered.push({ context: name, extension: e, outcome: 'chosen' });
      return { extension: e, priority: p, foundIn: context };
    }
    q.considered.push({ context: name, extension: e, outcome: 'no-priority' });
  }
  q.stack.push(context.name);
  const when = o.when ?? new Date();
  for (const include of context.includes) {
    if (!includeIsOpen(include, when)) {
      q.skipped.push({ from: name, include, reason: 'closed' });
      continue;
    }
    const r = find(plan, q, include.context, number, o, { from: name, include });
    if (r) return r;
  }
  return null;
}

interface ContextIndex {
  /** Literal entries by their match form (dashes removed), in list order. */
  literals: Map<string, Extension[]>;
  /** Every pattern entry, in list order (they all come after the literals). */
  patterns: Extension[];
  /** The number of entries it was built from: a context that gained or lost one is indexed again. */
  size: number;
}

const indexes = new WeakMap<Context, ContextIndex>();

/**
 * The entries that can match a complete number, in the context's order. Literals sort before every pattern and
 * a literal matches a complete number only when it equals it, so those few and then the patterns are all the
 * matcher would ever take; partial matches (overlap dialing) and explanations walk the whole list.
 */
function candidates(context: Context, number: string, mode: MatchMode, explain: boolean): Extension[] {
  if (mode !== 'match' || explain || context.extensions.length < 16) return context.extensions;
  let index = indexes.get(context);
  // (the size is kept, not summed again: a lookup per extension would make this quadratic, issue 13 F2)
  if (index === undefined || index.size !== context.extensions.length) {
    index = { literals: new Map(), patterns: [], size: context.extensions.length };
    for (const e of context.extensions) {
      if (e.isPattern) index.patterns.push(e);
      else {
        const list = index.literals.get(e.exten.replace(/-/g, ''));
        if (list) list.push(e);
        else index.literals.set(e.exten.replace(/-/g, ''), [e]);
      }
    }
    indexes.set(context, index);
  }
  const literal = index.literals.get(number.replace(/-/g, ''));
  return literal ? [...literal, ...index.patterns] : index.patterns;
}

function labelled(e: Extension, label: string): Priority | undefined {
  const p = e.labels.get(label);
  return p === undefined ? undefined : e.priorities.get(p);
}

/** A lookup result in the shape of ../shared/conformance/dialplan-match/cases.json (plus `file` when asked). */
export interface MatchSummary {
  result: LookupResult['result'];
  extension?: string;
  foundIn?: string;
  /** 1-based line of the matching priority in its file. */
  line?: number;
  callerIdPattern?: string;
  file?: string;
}

export function summarize(r: LookupResult, fileName?: (file: string) => string): MatchSummary {
  if (r.result !== 'match') return { result: r.result };
  const out: MatchSummary = { result: 'match', extension: r.extension.name, foundIn: r.foundIn.name, line: r.priority.statement.statement.line + 1 };
  if (r.extension.cid !== null) out.callerIdPattern = r.extension.cid;
  if (fileName) out.file = fileName(r.priority.file);
  return out;
}
