// Findings: what the checks report, for the editor (features/diagnostics.ts) and the CLI alike.
import type { Context, Dialplan } from '../model/dialplan';
import { moveFinding, PRIORITY_HINT } from '../model/dialplan';
import type { Workspace } from '../model/workspace';
import { DIALPLAN_CHECKS, TEXT_CHECKS, TRUNK_CHECKS } from './checks/index';
import type { ConfigDocument } from '../parser/ast';
import { isEnabled } from './severities';
import { pbxsOf } from '../model/pbx';
import type { PeerLink, RegistrationLink } from './trunks/pairing';
import { peerLinks, registrationLinks } from './trunks/pairing';

export type { DialplanCheck, Finding, Fix, TextCheck, TextEdit, TrunkCheck, TrunkContext } from './finding';
import type { Finding, TrunkCheck, TrunkContext } from './finding';
import { append } from '../model/append';
import { isLineKey } from './checks/lineByLine';

interface ChannelResults {
  /** The channel models (and settings) the results were computed from. */
  key: unknown[];
  registrations: RegistrationLink[];
  peers: PeerLink[];
  byCheck: Map<TrunkCheck, Finding[]>;
}

/** Results of the checks that read only channel configurations, kept while those do not change. */
const channelResults = new WeakMap<Workspace, ChannelResults>();

/** Everything the trunk checks find across the workspace's PBXs (kept until anything changes). */
export function trunkFindings(workspace: Workspace): Finding[] {
  return workspace.cached('trunk-findings', () => {
    const pbxs = pbxsOf(workspace);
    const key = [...pbxs.flatMap((p) => [p.dir, p.sip, p.pjsip, p.company]), workspace.settings.addresses];
    const before = channelResults.get(workspace);
    const same = before !== undefined && before.key.length === key.length && before.key.every((k, i) => k === key[i]);
    let results: ChannelResults;
    if (same) results = before;
    else {
      const registrations = registrationLinks(pbxs);
      results = { key, registrations, peers: peerLinks(pbxs, registrations), byCheck: new Map() };
      channelResults.set(workspace, results);
    }
    const context: TrunkContext = { workspace, pbxs, registrations: results.registrations, peers: results.peers };
    const sipProblems = pbxs.flatMap((p) => [...(p.sip?.problems ?? []), ...(p.company?.problems ?? [])].map((x): Finding => ({ code: x.code, severity: x.severity, message: x.message, ...x.at, related: [] })));
    const found = [...sipProblems];
    // a trunk check that fails says so on the first channel configuration of the workspace
    const channelFile = pbxs.map((p) => p.sip?.file ?? p.pjsip?.config?.files[0]).find((f) => f !== undefined);
    for (const check of TRUNK_CHECKS) {
      if (!check.channelsOnly) {
        append(found, safely(() => check.run(context), channelFile, `running the check ${check.code}`));
        continue;
      }
      let list = results.byCheck.get(check);
      if (list === undefined) {
        list = safely(() => check.run(context), channelFile, `running the check ${check.code}`);
        results.byCheck.set(check, list);
      }
      append(found, list);
    }
    return found;
  });
}

const dialplanFindings = new WeakMap<Dialplan, Finding[]>();

interface Kept {
  /** The edit count its positions are valid at. */
  at: number;
  findings: Finding[];
  deps: Set<string> | null;
}

/**
 * Check results per context, kept while the context is (see buildDialplan: unchanged contexts are kept), in its
 * `checked` slot: one entry per check, in DIALPLAN_CHECKS order. Most contexts have no finding: their slots share one empty result, so a
 * dialplan of a million small contexts does not keep millions of empty lists (issue 13, size).
 */

const NONE: Finding[] = Object.freeze([] as Finding[]) as Finding[];
/** The result of a check that found nothing and depends on no other context (its `at` never matters). */
const NOTHING: Kept = { at: 0, findings: NONE, deps: null };

/** The dialplan seen by a check that looks at one context. */
function only(plan: Dialplan, context: Context): Dialplan {
  const view = Object.create(plan) as Dialplan;
  view.contexts = new Map([[context.name, context]]);
  view.dropped = context.dropped;
  return view;
}

/** A kept result still holds: the dialplan was rebuilt from an edit, and none of the contexts it depends on changed. */
function reusable(plan: Dialplan, kept: Kept | undefined): kept is Kept {
  return kept !== undefined && plan.changed !== null && plan.positions !== null && (kept.deps === null || !meetsAny(kept.deps, plan.changed));
}

const fileOf = (plan: Dialplan, context: Context): string | undefined => context.categories[0]?.file ?? plan.config.files[0];

/** What a row of line checks found: per context (in the dialplan's order), per check of the row; null for nothing. */
interface LineResults {
  /** The slot of the row's first check. */
  first: number;
  found: (Finding[][] | null)[];
}

/**
 * Runs the row of line checks that starts at `first` (DIALPLAN_CHECKS[first...] with `eachLine`) on every context
 * whose results are not kept: one visit of each line calls them all, so what a line makes on demand (its compact
 * statement's nodes) is made once for all of them, not once per check. A check that fails on a context gives that
 * context one internal-error finding, as when it runs on its own.
 */
function lineChecks(plan: Dialplan, contexts: readonly Context[], first: number, views: Map<Context, Dialplan>): LineResults {
  let end = first;
  while (end < DIALPLAN_CHECKS.length && DIALPLAN_CHECKS[end].eachLine) end++;
  const checks = DIALPLAN_CHECKS.slice(first, end);
  const lists: Finding[][] = checks.map(() => []);
  const running: boolean[] = checks.map(() => false);
  const found: (Finding[][] | null)[] = [];
  for (let c = 0; c < contexts.length; c++) {
    const context = contexts[c];
    const entries = (context.checked ?? FRESH) as (Kept | undefined)[];
    let any = false;
    for (let k = 0; k < checks.length; k++) {
      running[k] = !reusable(plan, entries[first + k]);
      any ||= running[k];
    }
    if (!any || context.extensions.length === 0) {
      found.push(null);
      continue;
    }
    let view = views.get(context);
    if (view === undefined) {
      view = only(plan, context);
      views.set(context, view);
    }
    for (const e of context.extensions) {
      for (const p of e.priorities.values()) {
        if (p.priority === PRIORITY_HINT) continue;
        for (let k = 0; k < checks.length; k++) {
          if (!running[k]) continue;
          try {
            checks[k].eachLine!(view, p, lists[k]);
          } catch (error) {
            // this check is done with this context: its one finding says so
            lists[k] = failure(fileOf(plan, context), `running the check ${checks[k].code} on [${context.name}]`, error);
            running[k] = false;
          }
        }
      }
    }
    const results = lists.map((list) => (list.length === 0 ? NONE : list));
    found.push(results.every((r) => r === NONE) ? null : results);
    for (let k = 0; k < checks.length; k++) if (lists[k].length > 0) lists[k] = [];
  }
  return { first, found };
}

/** Everything the checks find in one dialplan: what Asterisk logs when it loads it, then the silent traps. */
export function findingsOf(plan: Dialplan): Finding[] {
  let found = dialplanFindings.get(plan);
  if (found !== undefined) return found;
  found = plan.problems.map((p) => ({ ...p, related: p.related.map((r) => ({ ...r })) }));
  // one view per context, shared by the checks that look at one context
  const views = new Map<Context, Dialplan>();
  // whether each context (by its place in the dialplan) holds exten/same lines: 0 not asked yet, 1 no, 2 yes
  const withLines = new Uint8Array(plan.contexts.size);
  // walked by index, once per check: an iterator over a million contexts per check made a result object per step
  const contexts = [...plan.contexts.values()];
  const linesIn = (ordinal: number, context: Context): boolean => (withLines[ordinal] ||= hasLines(context) ? 2 : 1) === 2;
  let lines: LineResults | null = null;
  for (let slot = 0; slot < DIALPLAN_CHECKS.length; slot++) {
    const check = DIALPLAN_CHECKS[slot];
    const local = check.scope === 'context';
    if (!local && !(check.runContext && check.dependsOn)) {
      append(found, safely(() => check.run(plan), plan.config.files[0], `running the check ${check.code}`));
      continue;
    }
    // the line checks of a row are worked out together, one visit of each line (their findings still come in slot order)
    if (check.eachLine && (slot === 0 || !DIALPLAN_CHECKS[slot - 1].eachLine)) lines = lineChecks(plan, contexts, slot, views);
    const first = found.length;
    for (let ordinal = 0; ordinal < contexts.length; ordinal++) {
      const context = contexts[ordinal];
      if (context.checked === null) context.checked = FRESH;
      const kept = keptAt(context, slot);
      if (reusable(plan, kept)) {
        if (kept.at !== plan.builtAt && kept.findings.length > 0) {
          for (const f of kept.findings) moveFinding(f, plan.positions!, kept.at);
          kept.at = plan.builtAt;
        }
        append(found, kept.findings);
        continue;
      }
      let findings: Finding[];
      if (check.eachLine) findings = lines!.found[ordinal]?.[slot - lines!.first] ?? NONE;
      else if (local && !linesIn(ordinal, context)) findings = NONE; // what the checks of one context read: its lines
      else {
        let view = views.get(context);
        if (local && view === undefined) {
          view = only(plan, context);
          views.set(context, view);
        }
        // (no closure and no message made for each context: said only when the check fails)
        try {
          findings = local ? check.run(view!) : check.runContext!(plan, context);
        } catch (error) {
          findings = failure(fileOf(plan, context), `running the check ${check.code} on [${context.name}]`, error);
        }
      }
      const deps = local ? null : check.dependsOn!(plan, context);
      keep(context, slot, findings.length === 0 && (deps === null || deps.size === 0) ? NOTHING : { at: plan.builtAt, findings, deps: deps !== null && deps.size === 0 ? null : deps });
      append(found, findings);
    }
    if (check.amend && found.length > first) {
      const own = found.splice(first);
      try {
        for (const f of check.amend(plan, own)) found.push(f);
      } catch (error) {
        // the findings stay as they were, with the failure beside them
        for (const f of own) found.push(f);
        if (plan.config.files[0] !== undefined) found.push(internalError(plan.config.files[0], `completing the check ${check.code}`, error));
      }
    }
  }
  // a template's line checked in every context that inherits it is one finding
  // (keyed by place, a short string; the messages are compared only between findings at the same place)
  const seen = new Map<string, string[]>();
  found = found.filter((f) => {
    const key = `${f.start}:${f.end}:${f.code}:${f.file}`;
    const messages = seen.get(key);
    if (messages === undefined) {
      seen.set(key, [f.message]);
      return true;
    }
    if (messages.includes(f.message)) return false;
    messages.push(f.message);
    return true;
  });
  // a context checked for the first time that found nothing at all shares one record of it
  for (const context of contexts) if (context.checked === FRESH) context.checked = SETTLED;
  dialplanFindings.set(plan, found);
  return found;
}

/**
 * The check results of a context nothing was found in (most, and a million in a chain of includes) are one shared
 * array, not one of their own (issue 13, size): FRESH while it is checked for the first time (every slot still to
 * work out), SETTLED once done (every slot found nothing). A context gets its own array when a check finds something.
 */
const FRESH = Object.freeze(new Array<Kept | undefined>(DIALPLAN_CHECKS.length).fill(undefined)) as (Kept | undefined)[];
const SETTLED = Object.freeze(new Array<Kept | undefined>(DIALPLAN_CHECKS.length).fill(NOTHING)) as (Kept | undefined)[];

function keptAt(context: Context, slot: number): Kept | undefined {
  return (context.checked as (Kept | undefined)[])[slot];
}

function keep(context: Context, slot: number, kept: Kept): void {
  let entries = context.checked as (Kept | undefined)[];
  if (entries === FRESH || entries === SETTLED) {
    // the first check results of its own: FRESH's slots before this one found nothing, those after are still to do
    if (kept === NOTHING) return;
    entries = entries === SETTLED ? [...SETTLED] : FRESH.map((_, i) => (i < slot ? NOTHING : undefined));
    context.checked = entries;
  }
  entries[slot] = kept;
}

/** Does a context hold any exten/same line (registered or dropped)? The checks of one context find nothing without. */
function hasLines(context: Context): boolean {
  if (context.extensions.length > 0 || context.dropped.length > 0) return true;
  // by index: asked once for each of a million contexts (a for...of makes an iterator and results each time)
  const categories = context.categories;
  for (let c = 0; c < categories.length; c++) {
    const variables = categories[c].variables;
    for (let i = 0; i < variables.length; i++) if (isLineKey(variables[i].assignment.key.text)) return true;
  }
  return false;
}

/**
 * A failure of ours as one finding on the file it concerns (issue 13): what was being done and the code path (the
 * functions on the stack), never the error's message, which may quote the configuration and so a secret.
 */
export function internalError(file: string, doing: string, error: unknown): Finding {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const path = stack
    .split('\n')
    .slice(1)
    .map((l) => /^\s*at (?:new |async )?([\w$.<>]+) \(/.exec(l)?.[1])
    .filter((f): f is string => f !== undefined)
    .slice(0, 4)
    .join(' < ');
  const name = error instanceof Error ? error.name : typeof error;
  return {
    code: 'internal-error',
    severity: 'error',
    message: `PBX Interconnect failed while ${doing} (${name}${path ? ` in ${path}` : ''}). The other findings are still here, but some of this file's may be missing. Please report it, with the configuration that causes it if you can share it.`,
    file,
    start: 0,
    end: 0,
    related: [],
  };
}

/** Runs a piece of the checks: a failure never takes the others down, it becomes one internal-error finding. */
function safely(run: () => Finding[], file: string | undefined, doing: string): Finding[] {
  try {
    return run();
  } catch (error) {
    return failure(file, doing, error);
  }
}

/** A failure of ours as the findings of the file it concerns: one internal error, or nothing without a file. */
function failure(file: string | undefined, doing: string, error: unknown): Finding[] {
  return file === undefined ? [] : [internalError(file, doing, error)];
}

const textResults = new WeakMap<ConfigDocument, { checks: string; findings: Finding[] }>();

/**
 * What the enabled text checks (style, off by default) find in a file: nothing is read while none is enabled.
 * Kept with the file's parse, so until its text changes (or another set of checks is enabled).
 */
export function textFindings(workspace: Workspace, file: string): Finding[] {
  const checks = TEXT_CHECKS.filter((c) => isEnabled(c.code, workspace.settings.severity));
  if (checks.length === 0) return NONE;
  const doc = workspace.document(file);
  const text = doc && workspace.host.read(file);
  if (doc === undefined || text === undefined) return NONE;
  const key = checks.map((c) => c.code).join(' ');
  const kept = textResults.get(doc);
  if (kept?.checks === key) return kept.findings;
  const findings: Finding[] = [];
  // pushed one by one: a 50 MB file may have a finding on each of its million lines, too many to spread
  for (const check of checks) for (const f of safely(() => check.run(file, text), file, `running the check ${check.code}`)) findings.push(f);
  textResults.set(doc, { checks: key, findings });
  return findings;
}

/** Everything the checks find in one file: syntax as Asterisk's config loader sees it, then the dialplan. */
export function fileFindings(workspace: Workspace, file: string): Finding[] {
  return filesFindings(workspace, [file]).get(file)!;
}

/**
 * Everything the checks find in each of these files (the editor's Problems for the whole workspace): one pass over
 * each dialplan's findings and the trunk findings, whatever the number of files. A file's dialplan findings come
 * from the dialplan that loads it (`dialplanFor`), as for a file on its own.
 */
export function filesFindings(workspace: Workspace, files: Iterable<string>): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const planOf = new Map<string, Dialplan | undefined>();
  for (const file of files) {
    const list = safely(() => workspace.problems(file).map((p) => ({ code: p.code, severity: p.severity, message: p.message, file, start: p.start, end: p.end, related: [] })), file, 'loading this file');
    out.set(file, list);
    // a file that failed to load has said so once: its text and dialplan checks would fail the same way
    if (list.some((f) => f.code === 'internal-error')) continue;
    for (const f of textFindings(workspace, file)) list.push(f);
    try {
      planOf.set(file, workspace.dialplanFor(file));
    } catch (error) {
      list.push(internalError(file, 'building the dialplan this file belongs to', error));
    }
  }
  for (const plan of new Set(planOf.values())) {
    if (plan === undefined) continue;
    const found = safely(() => findingsOf(plan), plan.config.files[0], 'checking the dialplan');
    for (const f of found) if (planOf.get(f.file) === plan || f.code === 'internal-error') out.get(f.file)?.push(f);
  }
  try {
    for (const f of trunkFindings(workspace)) out.get(f.file)?.push(f);
  } catch (error) {
    // the trunks of the whole workspace: said on each channel configuration asked for
    for (const [file, list] of out) if (/(^|\/)(sip|pjsip|iax|pjsip_wizard)\.conf$/.test(file)) list.push(internalError(file, 'pairing the trunks between the PBXs', error));
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
  return out;
}

/** Does any of `a` belong to `b` (a loop, not a spread: this runs for every context and check on every edit)? */
function meetsAny(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}
