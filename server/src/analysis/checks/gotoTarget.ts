// dialplan-goto-target-missing: Goto, GotoIf, GotoIfTime, Gosub, GosubIf, Macro and Local/ channels that name a
// context, extension, priority or label that does not exist. Resolved the way the call would resolve them
// (pbx_parse_location + pbx_find_extension, includes counted); of a target built at run time (`${...}`), only a
// context written as it is gets checked.
import * as path from 'node:path';
import type { Context, Dialplan, Priority } from '../../model/dialplan';
import { registeredLine } from '../../model/dialplan';
import { lookup } from '../../model/matcher';
import type { DialplanCheck, Finding } from '../finding';
import { applicationTargets } from '../targets';
import type { Target } from '../targets';

export const code = 'dialplan-goto-target-missing';


/** Where the lookups of the last check of a context looked (what its answers depend on), when beyond itself. */
const NOWHERE = new Set<string>(); // never added to
const looked = new WeakMap<Context, Set<string>>();

export function checkTarget(plan: Dialplan, from: Priority, t: Target, visited?: Set<string>): string | null {
  if (t.dynamic) {
    // built at run time, but a context written as it is (`Goto(nowhere,${EXTEN},1)`, `Local/${EXTEN}@nowhere`)
    // must still exist, whatever the rest becomes
    const context = t.context;
    if (context === undefined || /\$[{[]/.test(context) || plan.contexts.has(context) || plan.runtimeContexts.has(context)) return null;
    return `${t.kind} names context '${context}', which does not exist (the rest of the target is built at run time).`;
  }
  const context = t.context ?? contextOf(plan, from);
  if (context === null || plan.runtimeContexts.has(context)) return null;
  if (!plan.contexts.has(context)) return `${t.kind} names context '${context}', which does not exist.`;
  const exten = t.extension ?? (from.name.startsWith('_') ? null : from.name);
  if (exten === null) {
    // the current extension is a pattern: the label has to exist in some extension of the context
    if (t.label === undefined) return null;
    const ctx = plan.contexts.get(context)!;
    return ctx.extensions.some((e) => e.labels.has(t.label!)) ? null : `${t.kind}: no extension of '${context}' has a label '${t.label}'.`;
  }
  if (t.label !== undefined && t.extension === undefined && exten === from.name) {
    // a label of the line's own literal extension (GotoIf(...?busy)): the lookup would find this very extension
    // first (literals come before patterns), so its having the label settles it without a search
    const own = registeredLine(plan, from.statement.statement)?.extension;
    if (own && own.cid === null && !own.isPattern && own.context === context && own.labels.has(t.label)) return null;
  }
  const r = lookup(plan, context, exten, { priority: t.priority ?? 1, label: t.label, when: 'open' });
  if (visited) for (const v of r.visited) visited.add(v);
  if (r.result === 'match') return null;
  if (r.result === 'no-extension') return `${t.kind}: no extension of '${context}' matches '${exten}'.`;
  if (t.label !== undefined) return `${t.kind}: extension '${exten}' of '${context}' has no label '${t.label}'.`;
  return `${t.kind}: extension '${exten}' of '${context}' has no priority ${t.priority ?? 1}.`;
}

function contextOf(plan: Dialplan, p: Priority): string | null {
  return registeredLine(plan, p.statement.statement)?.extension.context ?? null;
}

/**
 * `seen` skips lines already checked in another context (a template's lines are in every context that inherits
 * them); null when checking one context, where the findings are made unique by place anyway (findings.ts) and a
 * set of every line would cost more than it saves.
 */
function checkContext(plan: Dialplan, context: Context, seen: Set<unknown> | null, out: Finding[], visited = new Set<string>()): void {
  for (const e of context.extensions) {
    for (const p of e.priorities.values()) {
      if (seen !== null) {
        if (seen.has(p.statement.statement)) continue;
        seen.add(p.statement.statement);
      }
      for (const t of applicationTargets(p)) {
        if (t.context !== undefined) visited.add(t.context);
        const problem = checkTarget(plan, p, t, visited);
        if (problem === null) continue;
        const target = t.context !== undefined ? plan.contexts.get(t.context) : undefined;
        const fragment = path.posix.basename(plan.config.root) !== 'extensions.conf';
        out.push({
          code,
          // a fragment loaded on its own (not from an extensions.conf) may rely on files this workspace lacks
          severity: fragment ? 'warning' : 'error',
          message: `${problem} ${t.consequence}${fragment ? ` (${path.posix.basename(plan.config.root)} is not loaded from an extensions.conf here, so the target may be defined in a file this workspace does not hold.)` : ''}`,
          file: p.file,
          start: t.start,
          end: t.end,
          related: target ? target.categories.map((c) => ({ file: c.file, start: c.section.name.start, end: c.section.name.end, message: `context '${target.name}'` })) : [],
        });
      }
    }
  }
}

export const gotoTarget: DialplanCheck = {
  code,
  run(plan) {
    const out: Finding[] = [];
    const seen = new Set<unknown>();
    for (const context of plan.contexts.values()) checkContext(plan, context, seen, out);
    return out;
  },
  runContext(plan, context) {
    const out: Finding[] = [];
    // no line, no target, nothing looked at (most contexts of a chain of a million includes; a context's lines never
    // change once built, so it never had anything in `looked`)
    if (context.extensions.length === 0) return out;
    const visited = new Set<string>([context.name]);
    checkContext(plan, context, null, out, visited);
    // a context that looked nowhere else depends on itself alone, which a change replaces anyway (a changed context
    // is a new one): nothing to keep (most contexts; a million in a chain of includes)
    if (visited.size > 1) looked.set(context, visited);
    else looked.delete(context);
    return out;
  },
  // the answers depend on the contexts the lookups looked in, up to where they found their extension: a change
  // anywhere else cannot change them
  dependsOn(_plan, context) {
    return looked.get(context) ?? NOWHERE;
  },
};
