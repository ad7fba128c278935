// What a hover says, in Markdown, for a position in a config file: patterns (plain language, lengths, examples,
// rank in the context, what earlier candidates take), `${EXTEN:n}` substrings, priorities and labels, include
// lines (the context and the time window), context names (where defined, what leads there), Goto targets.
import type { Assignment, ConfigDocument, Section } from '../parser/ast';
import type { ExtensionStatement } from '../parser/dialplanParser';
import { parseArguments, parseExtensionStatement, parseIncludeStatement } from '../parser/dialplanParser';
import type { Context, Dialplan, Extension, Priority } from '../model/dialplan';
import { PRIORITY_HINT, registeredLine, substituteGlobals } from '../model/dialplan';
import type { Workspace } from '../model/workspace';
import { matchExtension } from '../model/extensionName';
import { pbxsOf } from '../model/pbx';
import { objectsOf, option } from '../model/pjsip';
import { describeTiming } from './describeTiming';
import { explainPattern, explainSubstring } from './explainPattern';
import { overlap, isCovered } from './patternCoverage';
import { applicationTargets } from './targets';
import { checkTarget } from './checks/gotoTarget';

export interface HoverResult {
  markdown: string;
  start: number;
  end: number;
}

const ORDINAL = (n: number): string => {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
};
const code = (s: string): string => '`' + s.replace(/`/g, "'") + '`';
const joinAnd = (items: string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** Where a file offset is shown to people: `extensions.conf:12`. */
type Where = (file: string, offset: number) => string;

export function hoverAt(workspace: Workspace, file: string, offset: number, where: Where): HoverResult | null {
  const doc = workspace.document(file);
  if (!doc) return null;
  const plan = workspace.dialplanFor(file);
  if (!plan) return null;
  const section = sectionAt(doc, offset);
  if (!section) return null;
  if (offset >= section.name.start && offset <= section.name.end && offset < section.header.end) {
    const context = plan.contexts.get(section.name.text);
    return context ? { markdown: contextHover(plan, context, where, entryPoints(workspace, plan, context.name, where)), start: section.name.start, end: section.name.end } : null;
  }
  const item = section.items.find((i) => offset >= i.start && offset <= i.end);
  if (!item || item.type !== 'Assignment') return null;
  const key = item.key.text.toLowerCase();
  if (key === 'include') return includeHover(plan, item, offset, where, section.name.text);
  if (key !== 'exten' && !key.startsWith('same')) return null;
  const st = parseExtensionStatement(item, key === 'exten' ? 'exten' : 'same');
  const registered = registeredLine(plan, item);
  const context = plan.contexts.get(registered?.extension.context ?? section.name.text);
  if (st.extension && offset >= st.extension.start && offset <= st.extension.end) {
    return { markdown: patternHover(plan, context, substituteGlobals(st.extension.text, plan.globals), registered?.extension), start: st.extension.start, end: st.extension.end };
  }
  if (st.priority && offset >= st.priority.start && offset <= st.priority.end) {
    return { markdown: priorityHover(st, registered), start: st.priority.start, end: st.priority.end };
  }
  const data = st.application?.data;
  if (data && offset >= data.start && offset <= data.end) {
    const name = registered?.extension.name ?? extensionNameOf(plan, section, item);
    return substitutionHover(item, data, offset, name) ?? targetHover(plan, registered?.priority, offset, where);
  }
  return null;
}

/** The section an offset is in (binary search over the sections' starts). */
export function sectionAt(doc: ConfigDocument, offset: number): Section | undefined {
  let lo = 0;
  let hi = doc.sections.length - 1;
  let found: Section | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (doc.sections[mid].start <= offset) {
      found = doc.sections[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function extensionNameOf(plan: Dialplan, section: Section, item: Assignment): string | null {
  // a `same` line that made no priority: take the extension of the closest exten line above
  let name: string | null = null;
  for (const i of section.items) {
    if (i === item) break;
    if (i.type === 'Assignment' && i.key.text.toLowerCase() === 'exten') name = substituteGlobals(parseExtensionStatement(i, 'exten').extension?.text ?? '', plan.globals);
  }
  return name;
}

// ------------------------------------------------------------------------------------------ patterns

function patternHover(plan: Dialplan, context: Context | undefined, written: string, extension: Extension | undefined): string {
  const slash = written.indexOf('/');
  const name = slash < 0 ? written : written.slice(0, slash);
  const e = explainPattern(name.replace(/ /g, ''));
  const kind = name.startsWith('_') ? 'pattern' : 'extension';
  const lines = [`**${code(name)}** — ${kind}${slash >= 0 ? `, only for callers matching ${code(written.slice(slash + 1))}` : ''}`, '', e.summary, ''];
  const facts = [`Length: ${e.lengthText}`];
  if (e.matches.length > 0) facts.push(`matches ${e.matches.map(code).join(', ')}`);
  if (e.nonMatch) facts.push(`not ${code(e.nonMatch.number)} (${e.nonMatch.why})`);
  lines.push(facts.join(' · '));
  if (context && extension) lines.push('', ...rankLines(plan, context, extension));
  if (e.notes.length > 0) lines.push('', ...e.notes.map((n) => `⚠ ${n}`));
  if (plan.newMatcher) lines.push('', '⚠ extenpatternmatchnew=yes: Asterisk uses its other matcher, so the order above may differ.');
  return lines.join('\n');
}

/**
 * "Tried 3rd of 7 in from-users: _1XX comes first and matches some of its numbers", and which numbers earlier
 * candidates take. Only earlier candidates that match a number this one matches are named: `h` or `101` come
 * before `_NXXNXXXXXX` but can never take its calls.
 */
function rankLines(plan: Dialplan, context: Context, extension: Extension): string[] {
  const list = context.extensions;
  const index = list.indexOf(extension);
  if (index < 0) return [];
  const before = list.slice(0, index);
  const out: string[] = [];
  const rivals = before.filter((b) => overlap(extension.exten, b.exten) !== null);
  const names = rivals.map((b) => code(b.cid === null ? b.name : `${b.name}/${b.cid}`));
  const shown = names.length <= 4 ? names : [...names.slice(0, 3), `${names.length - 3} more`];
  const others = before.length - rivals.length;
  const tried = `Tried ${ORDINAL(index + 1)} of ${list.length} in ${code(context.name)}`;
  if (before.length === 0) out.push(`${tried}: first.`);
  else if (rivals.length === 0) out.push(`${tried}: ${before.length === 1 ? 'the one before it matches' : `the ${before.length} before it match`} none of its numbers.`);
  else {
    const rest = others === 0 ? '' : `; ${others === 1 ? 'the other one before it matches' : `the other ${others} before it match`} none of them`;
    out.push(`${tried}: ${joinAnd(shown)} come${names.length === 1 ? 's' : ''} first and match${names.length === 1 ? 'es' : ''} some of its numbers${rest}.`);
  }
  if (!extension.priorities.has(1)) {
    out.push('It has no priority 1, so the matcher skips it: no call starts here.');
    return out;
  }
  // only earlier candidates that can take a call (priority 1, any caller) take numbers away
  const takers = rivals.filter((b) => b.priorities.has(1) && b.cid === null);
  if (extension.cid === null && takers.length > 0) {
    const covered = isCovered(extension.exten, takers.map((t) => t.exten));
    if (covered === 'yes') {
      out.push(`**Never reached**: every number it matches goes to an earlier candidate (${takers.map((t) => code(t.name)).slice(0, 4).join(', ')}).`);
      return out;
    }
    const losses = takers.flatMap((t) => {
      const example = overlap(extension.exten, t.exten);
      // the number goes to the first taker that matches it, which may rank before t
      const winner = example === null ? undefined : takers.find((w) => matchExtension(w.exten, example, 'match') !== 0);
      return example === null || winner !== t ? [] : [`${code(example)} goes to ${code(t.name)}`];
    });
    if (losses.length > 0) out.push(`Numbers it loses to earlier candidates: ${losses.slice(0, 3).join('; ')}${losses.length > 3 ? `; and ${losses.length - 3} more` : ''}.`);
  }
  return out;
}

// ------------------------------------------------------------------------------------------ priorities

function priorityHover(st: ExtensionStatement, registered: { priority: Priority; extension: Extension } | undefined): string {
  const pri = st.priority!;
  if (!registered) {
    return `${code(pri.text)}: Asterisk drops this line (see the problem reported here), so it has no priority.`;
  }
  const p = registered.priority.priority;
  const e = registered.extension;
  if (p === PRIORITY_HINT) return `**hint** of ${code(e.name)}: not a step of the call; it tells phones (BLF) the state of ${code(registered.priority.app)}.`;
  const how =
    pri.kind === 'next' ? `${code(pri.value.text)} = the line before + 1` : pri.kind === 'same' ? `${code(pri.value.text)} = the same as the line before` : pri.kind === 'label' ? `the priority of label ${code(pri.value.text)}` : '';
  const offset = pri.offset ? ` + ${pri.offset.text}` : '';
  const label = registered.priority.label ? `, labelled ${code(registered.priority.label)} (a Goto can jump here by name)` : '';
  const all = [...e.priorities.keys()].filter((k) => k !== PRIORITY_HINT).sort((a, b) => a - b);
  return [`**Priority ${p}** of ${code(e.name)}${how ? ` (${how}${offset})` : ''}${label}.`, '', `${code(e.name)} runs priorities ${all.join(', ')}${e.priorities.has(1) ? '' : ' — no priority 1, so no call starts in it'}.`].join('\n');
}

// ------------------------------------------------------------------------------------------ ${EXTEN:n}

function substitutionHover(a: Assignment, data: { text: string; start: number; end: number }, offset: number, extensionName: string | null): HoverResult | null {
  const args = parseArguments(a, data);
  const find = (list: { start: number; end: number; text: string; inner?: unknown[] }[]): { start: number; end: number; text: string } | null => {
    for (const x of list) {
      if (offset >= x.start && offset <= x.end) return find((x.inner ?? []) as typeof list) ?? x;
    }
    return null;
  };
  const arg = args.find((x) => offset >= x.start && offset <= x.end);
  const expr = arg ? find(arg.expressions) : null;
  if (!expr) return null;
  let example: string | null = null;
  if (extensionName) example = extensionName.startsWith('_') ? (explainPattern(extensionName).matches[0] ?? null) : extensionName;
  const text = explainSubstring(expr.text, example);
  return text ? { markdown: text, start: expr.start, end: expr.end } : null;
}

// ------------------------------------------------------------------------------------------ targets

function targetHover(plan: Dialplan, p: Priority | undefined, offset: number, where: Where): HoverResult | null {
  if (!p) return null;
  const t = applicationTargets(p).find((x) => offset >= x.start && offset <= x.end);
  if (!t) return null;
  if (t.dynamic) return { markdown: `${t.kind}: the target is built at run time (${code(registeredLine(plan, p.statement.statement)?.extension.context ?? '')}), so it is not checked.`, start: t.start, end: t.end };
  const problem = checkTarget(plan, p, t);
  const context = t.context ?? registeredLine(plan, p.statement.statement)?.extension.context;
  const ctx = context ? plan.contexts.get(context) : undefined;
  const dest = [t.context ? code(t.context) : 'this context', t.extension ? code(t.extension) : 'this extension', t.label ? `label ${code(t.label)}` : `priority ${t.priority ?? 1}`].join(', ');
  const lines = [`**${t.kind}** → ${dest}`];
  if (problem) lines.push('', `⚠ ${problem} ${t.consequence}`);
  else if (ctx) lines.push('', `${code(ctx.name)} is defined at ${ctx.categories.map((c) => where(c.file, c.section.name.start)).join(', ')}.`);
  return { markdown: lines.join('\n'), start: t.start, end: t.end };
}

// ------------------------------------------------------------------------------------------ includes

function includeHover(plan: Dialplan, a: Assignment, offset: number, where: Where, sectionName: string): HoverResult | null {
  const inc = parseIncludeStatement(a);
  const name = substituteGlobals(inc.context.text, plan.globals);
  const target = plan.contexts.get(name);
  const lines = [`**include** ${code(name)}`, ''];
  if (target) {
    lines.push(`${code(name)} (defined at ${target.categories.map((c) => where(c.file, c.section.name.start)).join(', ')}) has ${target.extensions.length} extension${target.extensions.length === 1 ? '' : 's'}${target.includes.length ? ` and includes ${target.includes.map((i) => code(i.context)).join(', ')}` : ''}.`);
    const here = [plan.contexts.get(sectionName), ...plan.contexts.values()].find((c) => c?.includes.some((i) => i.line === a));
    if (here) lines.push(...searchOrder(here, a, target));
  } else lines.push(`⚠ No context ${code(name)} exists: this include finds nothing.`);
  if (inc.times) lines.push('', `Open ${describeTiming(inc.times.map((t) => t.text))}; at other times Asterisk skips it.`);
  const span = offset <= inc.context.end ? inc.context : { start: a.start, end: a.end };
  return { markdown: lines.join('\n'), start: span.start, end: span.end };
}

/** Past this many (extension here, extension there) pairs, the include hover does not look for numbers taken first. */
const MAX_INCLUDE_PAIRS = 20_000;

/** When Asterisk looks in the included context, and which of its numbers the including context takes first. */
function searchOrder(here: Context, a: Assignment, target: Context): string[] {
  const above = here.includes.slice(0, Math.max(0, here.includes.findIndex((i) => i.line === a)));
  const own = here.extensions.filter((e) => [...e.priorities.keys()].some((k) => k !== PRIORITY_HINT));
  const first = [own.length > 0 ? `${own.length === 1 ? 'the extension' : `the ${own.length} extensions`} of ${code(here.name)}` : '', above.length > 0 ? `the include${above.length === 1 ? '' : 's'} above this line (${above.map((i) => code(i.context)).join(', ')})` : ''].filter(Boolean);
  const out = [first.length === 0 ? `Asterisk searches it first: ${code(here.name)} has no extension of its own and no include above this line.` : `Asterisk searches it only when nothing matches in ${first.join(' or in ')}.`];
  // only extensions that can take a call (priority 1, any caller) take numbers away
  const takers = here.extensions.filter((e) => e.priorities.has(1) && e.cid === null);
  const theirs = target.extensions.filter((e) => e.priorities.has(1));
  if (takers.length === 0 || theirs.length === 0 || takers.length * theirs.length > MAX_INCLUDE_PAIRS) return out;
  const taken: string[] = [];
  for (const t of theirs) {
    const by = takers.filter((k) => overlap(t.exten, k.exten) !== null);
    if (by.length === 0) continue;
    if (isCovered(t.exten, by.map((k) => k.exten)) === 'yes') taken.push(`${code(t.name)} is never reached through this include (${joinAnd(by.slice(0, 3).map((k) => code(k.name)))} here take${by.length === 1 ? 's' : ''} all its numbers)`);
    else taken.push(`${code(overlap(t.exten, by[0].exten)!)} goes to ${code(by[0].name)} here, not to ${code(t.name)} there`);
    if (taken.length > 3) break;
  }
  if (taken.length === 0) out.push(`No extension of ${code(here.name)} matches a number that ${code(target.name)}'s extensions match.`);
  else out.push(`Taken first by ${code(here.name)}: ${taken.slice(0, 3).join('; ')}${taken.length > 3 ? '; and more' : ''}.`);
  return out;
}

// ------------------------------------------------------------------------------------------ contexts

/** Peers and endpoints of the PBX whose calls start in this context. */
function entryPoints(workspace: Workspace, plan: Dialplan, name: string, where: Where): string[] {
  const pbx = pbxsOf(workspace).find((p) => p.dialplan === plan);
  if (!pbx) return [];
  const out: string[] = [];
  for (const peer of pbx.sip?.peers.values() ?? []) {
    if (peer.context.name === name) out.push(`calls from SIP ${peer.type} ${code(peer.name)} (${where(peer.header.file, peer.header.start)})`);
  }
  for (const e of pbx.pjsip ? objectsOf(pbx.pjsip, 'endpoint') : []) {
    const ctx = option(e, 'context');
    if ((ctx?.text ?? 'default') === name) out.push(`calls from PJSIP endpoint ${code(e.id)}${ctx ? ` (${where(ctx.at.file, ctx.at.start)})` : ''}`);
  }
  if (pbx.sip && (pbx.sip.general.get('context')?.assignment.value.text ?? 'default') === name) out.push('calls from guests (chan_sip [general] context)');
  return out;
}

function contextHover(plan: Dialplan, context: Context, where: Where, entries: string[] = []): string {
  const lines = [`**Context** ${code(context.name)}`, ''];
  const defs = context.categories.map((c) => where(c.file, c.section.name.start));
  lines.push(`Defined at ${defs.join(', ')}${defs.length > 1 ? ' (Asterisk merges them into one context)' : ''}.`);
  const exts = context.extensions.filter((e) => [...e.priorities.keys()].some((k) => k !== PRIORITY_HINT));
  lines.push(`${exts.length} extension${exts.length === 1 ? '' : 's'}${context.includes.length ? `; includes ${context.includes.map((i) => code(i.context)).join(', ')}` : ''}.`);
  const leads: string[] = [...entries];
  for (const other of plan.contexts.values()) {
    for (const inc of other.includes) if (inc.context === context.name) leads.push(`included by ${code(other.name)} (${where(inc.file, inc.line.start)})`);
    for (const e of other.extensions) {
      for (const p of e.priorities.values()) {
        for (const t of applicationTargets(p)) {
          if (t.context === context.name && !t.dynamic) leads.push(`${t.kind} in ${code(other.name)}, ${code(e.name)} (${where(p.file, t.start)})`);
        }
      }
    }
  }
  if (leads.length > 0) lines.push('', 'Reached from:', ...leads.slice(0, 8).map((l) => `- ${l}`), ...(leads.length > 8 ? [`- and ${leads.length - 8} more`] : []));
  else lines.push('', 'Nothing leads here: no peer or endpoint, include, Goto, Gosub or Local channel names it.');
  return lines.join('\n');
}
