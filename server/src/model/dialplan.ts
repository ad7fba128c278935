// The dialplan as pbx/pbx_config.c builds it from a loaded extensions.conf (pbx_load_config + ast_add_extension2):
// [general] settings, [globals] substituted into extension names, one context per category (duplicate headers
// and `(+)` add to the same context, templates are not contexts), priorities computed line by line (`n` continues
// from the previous line of the context, even across extensions), labels, includes, and the load-time warnings
// Asterisk logs while doing it.
import { PriorityList } from './priorities';
import type { Assignment, Severity, Span } from '../parser/ast';
import type { ExtensionStatement, IncludeStatement } from '../parser/dialplanParser';
import { parseExtensionStatement, parseIncludeStatement } from '../parser/dialplanParser';
import type { Category, LoadedConfig, LoadedVariable } from './configLoader';
import type { Modules } from './modules';
import type { SortKey } from './extensionName';
import { compareExtensions, compareKeys, shrinkCallerId, sortKey, stripName } from './extensionName';
import type { Timing } from './timing';
import { canEverBeOpen, isAlwaysOpen, parseTiming } from './timing';
import { append } from './append';

export const PRIORITY_HINT = -1;

/** Contexts Asterisk modules create at run time (res_parking...), never defined in extensions.conf. */
export const DEFAULT_RUNTIME_CONTEXTS = ['parkedcalls'];

export interface Priority {
  priority: number;
  label: string | null;
  app: string;
  data: string;
  /** The registered name of this line's extension (before it joined an aliased one). */
  name: string;
  file: string;
  statement: ExtensionStatement;
  /** Copied from a template. */
  inheritedFrom: string | null;
  /**
   * Where the line's application sends the call, once analysis/targets.ts has worked it out (a slot, not a map: there
   * are as many as lines), with the offset of the application's data it was worked out at (edits move lines).
   */
  targets: { at: number; list: unknown } | null;
  /** The entry this line joined (set when it is registered; null for a line Asterisk drops). */
  extension: Extension | null;
}

/** One entry of a context's extension list: an extension (and caller-ID match) with its priorities. */
export interface Extension {
  context: string;
  /** The context object it belongs to (a rebuilt dialplan makes new ones). */
  owner: Context;
  /** As `dialplan show` prints it: globals substituted, spaces removed, dashes kept. */
  name: string;
  /** What the matcher compares: dashes removed too (outside sets). */
  exten: string;
  /** Caller-ID match (shrunk), or null when the extension matches any caller. */
  cid: string | null;
  cidExten: string | null;
  isPattern: boolean;
  key: SortKey;
  cidKey: SortKey | null;
  minPriority: number;
  /** By priority number (hint = -1); the first line registering a priority wins. */
  priorities: PriorityList;
  labels: ReadonlyMap<string, number>;
  /** Its first line. */
  first: Priority;
}

export interface Include {
  /** The full value (name and times): what Asterisk compares to find duplicates. */
  value: string;
  /** The context name (before the first `|` or `,`). */
  context: string;
  timing: Timing | null;
  /** For a timed include: can it ever be open, and is it always open? */
  everOpen: boolean;
  alwaysOpen: boolean;
  file: string;
  /** The include line. */
  line: Assignment;
  /** The line's parts (context and time fields) where they are now: read from the line when asked. */
  readonly statement: IncludeStatement;
}

/**
 * An include of a context. Its statement is not kept: most are never asked for (a million includes in a chain, issue
 * 13), and read from the line when asked, they are where the line is now (an incremental re-parse moves lines).
 */
class IncludeEntry implements Include {
  constructor(
    readonly value: string,
    readonly context: string,
    readonly timing: Timing | null,
    readonly everOpen: boolean,
    readonly alwaysOpen: boolean,
    readonly file: string,
    readonly line: Assignment,
  ) {}

  get statement(): IncludeStatement {
    return parseIncludeStatement(this.line);
  }
}

export interface Context {
  name: string;
  /** Each category that made it, with the file of its header. */
  categories: Category[];
  /** In Asterisk's order (see extensionName.ts). */
  extensions: Extension[];
  includes: Include[];
  ignorePatterns: string[];
  switches: { kind: string; value: string; file: string; statement: Assignment }[];
  /** What Asterisk logs while loading this context's lines, and the lines it drops without a word. */
  problems: DialplanProblem[];
  dropped: Dropped[];
  /**
   * The check results kept with this context while it is unchanged (analysis/findings.ts): a slot, not a map keyed
   * by context, since a dialplan may have a million contexts (a WeakMap entry each slows every garbage collection).
   */
  checked: unknown[] | null;
}

export interface Dropped {
  reason: 'next-after-hint';
  file: string;
  statement: ExtensionStatement;
}

/**
 * Where positions move after edits: an incremental re-parse shifts the lines after an edit, and what was derived
 * from unchanged contexts is kept, moved along. `seq` counts the edits; `move` brings a position computed at an
 * earlier `seq` up to date.
 */
export interface Positions {
  seq(): number;
  move(file: string, offset: number, since: number): number;
}

/** Moves a problem or finding (and its related places and fix edits) computed at `since` up to date. */
export function moveFinding(f: DialplanProblem & { fixes?: { edits: { file: string; start: number; end: number }[] }[] }, positions: Positions, since: number): void {
  const end = f.end;
  f.start = positions.move(f.file, f.start, since);
  f.end = Math.max(f.start, positions.move(f.file, end, since));
  for (const r of f.related) {
    const e = r.end;
    r.start = positions.move(r.file, r.start, since);
    r.end = Math.max(r.start, positions.move(r.file, e, since));
  }
  for (const fix of f.fixes ?? []) {
    for (const edit of fix.edits) {
      const e = edit.end;
      edit.start = positions.move(edit.file, edit.start, since);
      edit.end = Math.max(edit.start, positions.move(edit.file, e, since));
    }
  }
}

export interface DialplanProblem {
  code: string;
  severity: Severity;
  message: string;
  file: string;
  start: number;
  end: number;
  related: { file: string; start: number; end: number; message: string }[];
}

export interface Dialplan {
  config: LoadedConfig;
  contexts: Map<string, Context>;
  general: Map<string, string>;
  globals: Map<string, string>;
  /** Lines Asterisk drops without a warning (every context's, in order). */
  dropped: Dropped[];
  /** Contexts built anew (the others were kept from the previous dialplan of this root); null: all of them. */
  changed: Set<string> | null;
  /** When it was built, in the workspace's edit count; and how positions move since. */
  builtAt: number;
  positions: Positions | null;
  /** Contexts created at run time (setting `pbx.runtimeContexts`): they exist though no file defines them. */
  runtimeContexts: Set<string>;
  /** extenpatternmatchnew=yes: Asterisk uses another matcher, whose results may differ from ours. */
  newMatcher: boolean;
  autofallthrough: boolean;
  problems: DialplanProblem[];
  /** modules.conf of the configuration folder, when there is one (which applications exist); null: all of them. */
  modules: Modules | null;
  /** The Asterisk version the PBX runs (setting `pbx.asteriskVersion`, CLI `--asterisk-version`; 20 by default). */
  version: number;
  /** The version was chosen by the user (deprecations are reported only then: unasked, they would be noise). */
  versionChosen: boolean;
}

/** Asterisk's ast_true(): yes, true, y, t, 1, on. */
export function isTrue(value: string | undefined): boolean {
  return value !== undefined && /^(yes|true|y|t|1|on)$/i.test(value.trim());
}

/** pbx_substitute_variables_helper with only [globals] known (no channel): `${NAME}` and `${NAME:off:len}`. */
export function substituteGlobals(text: string, globals: Map<string, string>): string {
  if (!text.includes('${')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('${', i);
    if (start < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, start);
    let depth = 1;
    let j = start + 2;
    while (j < text.length && depth > 0) {
      if (text[j] === '$' && text[j + 1] === '{') {
        depth++;
        j++;
      } else if (text[j] === '}') depth--;
      j++;
    }
    if (depth > 0) {
      out += text.slice(start);
      break;
    }
    const inner = substituteGlobals(text.slice(start + 2, j - 1), globals);
    const m = /^([^:]*)(?::(-?\d+)(?::(-?\d+))?)?$/.exec(inner);
    let value = m ? (globals.get(m[1]) ?? '') : '';
    if (m && m[2] !== undefined) value = substring(value, parseInt(m[2], 10), m[3] === undefined ? undefined : parseInt(m[3], 10));
    out += value;
    i = j;
  }
  return out;
}

/** `${VAR:offset:length}` as Asterisk computes it (negative offsets count from the end, negative lengths drop). */
export function substring(value: string, offset: number, length?: number): string {
  let start = offset < 0 ? Math.max(0, value.length + offset) : Math.min(offset, value.length);
  let end = value.length;
  if (length !== undefined) end = length < 0 ? Math.max(start, value.length + length) : Math.min(value.length, start + length);
  if (start > end) start = end;
  return value.slice(start, end);
}

interface Builder {
  plan: Dialplan;
  /** The context being loaded: its problems go with it. */
  context: Context | null;
  /** "Includes nonexistent context" problems, in context order (Asterisk logs them when the dialplan is merged). */
  missing: DialplanProblem[];
  /** Context names by their lower case, made at the first missing include (for its "did you mean"). */
  caseless: Map<string, string> | null;
}

/** A previous dialplan of the same root whose unchanged contexts can be kept. */
export interface Previous {
  plan: Dialplan;
  positions: Positions;
}

export function buildDialplan(config: LoadedConfig, runtimeContexts: Iterable<string> = DEFAULT_RUNTIME_CONTEXTS, previous?: Previous): Dialplan {
  const plan: Dialplan = {
    config,
    contexts: new Map(),
    general: new Map(),
    globals: new Map(),
    runtimeContexts: new Set(runtimeContexts),
    newMatcher: false,
    autofallthrough: true,
    problems: [],
    dropped: [],
    changed: null,
    builtAt: previous ? previous.positions.seq() : 0,
    positions: previous?.positions ?? null,
    modules: null,
    version: 20,
    versionChosen: false,
  };
  const b: Builder = { plan, context: null, missing: [], caseless: null };
  // a name compared in lower case only when its length could match (a million categories, issue 13)
  const isNamed = (c: Category, name: string): boolean => c.name.length === name.length && c.name.toLowerCase() === name;
  const general = config.categories.find((c) => !c.template && isNamed(c, 'general'));
  if (general) for (const v of general.variables) plan.general.set(v.assignment.key.text.toLowerCase(), v.assignment.value.text);
  plan.newMatcher = isTrue(plan.general.get('extenpatternmatchnew'));
  if (plan.general.has('autofallthrough')) plan.autofallthrough = isTrue(plan.general.get('autofallthrough'));
  // the loops over every category or context go by index: in a build of a million contexts, which runs once and
  // long, a for...of makes an iterator and a result object for each step (a third of a gigabyte, issue 13)
  const categories = config.categories;
  for (let i = 0; i < categories.length; i++) {
    const c = categories[i];
    if (c.template || !isNamed(c, 'globals')) continue;
    for (const v of c.variables) plan.globals.set(v.assignment.key.text, substituteGlobals(v.assignment.value.text, plan.globals));
  }
  // each context from all its categories, in the order Asterisk reads them: grouped straight into the dialplan's
  // map (one map of a million names, not two), each one then built or kept. A name is set without a look-up first,
  // the map's size telling a new one; the first name seen twice finds the context it replaced (once), and from then
  // on each name is looked up (a million contexts, issue 13)
  const order: Context[] = [];
  let seenTwice = false;
  for (let i = 0; i < categories.length; i++) {
    const category = categories[i];
    if (category.template || isNamed(category, 'general') || isNamed(category, 'globals')) continue;
    const name = category.name;
    const known = seenTwice ? plan.contexts.get(name) : undefined;
    if (known !== undefined) {
      known.categories.push(category);
      continue;
    }
    const size = plan.contexts.size;
    // every list starts as the shared empty one (most stay empty; a million contexts, issue 13): see addTo
    const context: Context = { name, categories: [category], extensions: EMPTY, includes: EMPTY, ignorePatterns: EMPTY, switches: EMPTY, problems: EMPTY, dropped: EMPTY, checked: null };
    plan.contexts.set(name, context);
    if (plan.contexts.size > size) {
      order.push(context);
      continue;
    }
    seenTwice = true;
    const first = order.find((c) => c.name === name)!;
    first.categories.push(category);
    plan.contexts.set(name, first);
  }
  const old = previous && sameSettings(previous.plan, plan) ? previous.plan : null;
  plan.changed = old ? new Set([...old.contexts.keys()].filter((n) => !plan.contexts.has(n))) : null;
  const built: Context[] = [];
  for (let i = 0; i < order.length; i++) {
    const context = order[i];
    const name = context.name;
    const kept = old?.contexts.get(name);
    if (kept && sameLines(kept.categories, context.categories)) {
      // nothing in it changed: keep it, with what was found while loading it moved to the lines' new places (its
      // includes read their places from their lines, which the re-parse moved)
      for (const p of kept.problems) moveFinding(p, previous!.positions, old!.builtAt);
      kept.categories = context.categories;
      plan.contexts.set(name, kept);
      order[i] = kept;
      for (const inc of kept.includes) checkInclude(b, kept, inc);
      continue;
    }
    plan.changed?.add(name);
    b.context = context;
    for (let c = 0; c < context.categories.length; c++) loadCategory(b, context, context.categories[c]);
    b.context = null;
    built.push(context);
  }
  for (let i = 0; i < order.length; i++) {
    const c = order[i]; // built or kept
    append(plan.problems, c.problems);
    append(plan.dropped, c.dropped);
  }
  append(plan.problems, b.missing);
  for (let i = 0; i < built.length; i++) settle(built[i]);
  return plan;
}

/**
 * Extension names repeat across contexts (`1000` in every site's context, the same routes): one string for each,
 * kept with the lines that registered it (a string per `exten =>` line was about a tenth of a 50 MB dialplan's
 * memory after its statements, issue 13). Bounded: past 65,536 names, new ones are kept as they are.
 */
const names = new Map<string, string>();
function sharedName(name: string): string {
  const known = names.get(name);
  if (known !== undefined) return known;
  if (names.size < 65536) names.set(name, name);
  return name;
}

const EMPTY = Object.freeze([]) as never[];
/** A short list as it is, without the room a growing array keeps (an array given one element has room for 17). */
const fitted = <T>(list: T[]): T[] => (list.length === 0 ? EMPTY : list.length > 1 && list.length < 8 ? list.slice() : list);

/** A context's list with one more item: the shared empty one becomes a list of its own, made to measure. */
function addTo<T>(list: T[], item: T): T[] {
  if (list === EMPTY) return [item];
  list.push(item);
  return list;
}

/**
 * A context's lists once it is built (nothing is added to them after): empty ones share one array, short ones lose
 * their spare room. A million contexts, each including the next, kept six arrays each with room to spare (issue 13).
 */
function settle(context: Context): void {
  for (let i = 0; i < context.extensions.length; i++) context.extensions[i].priorities.fit();
  context.extensions = fitted(context.extensions);
  context.includes = fitted(context.includes);
  context.ignorePatterns = fitted(context.ignorePatterns);
  context.switches = fitted(context.switches);
  context.problems = fitted(context.problems);
  context.dropped = fitted(context.dropped);
}

/** The same [general] and [globals] (which shape every context), and the same run-time contexts. */
function sameSettings(a: Dialplan, b: Dialplan): boolean {
  const same = (x: Map<string, string>, y: Map<string, string>): boolean => x.size === y.size && [...x].every(([k, v]) => y.get(k) === v);
  return same(a.general, b.general) && same(a.globals, b.globals) && a.runtimeContexts.size === b.runtimeContexts.size && [...a.runtimeContexts].every((c) => b.runtimeContexts.has(c));
}

/** The same lines, node for node (an incremental re-parse keeps the nodes of the lines it does not re-read). */
function sameLines(before: Category[], after: Category[]): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) {
    const x = before[i];
    const y = after[i];
    if (x.section !== y.section) return false;
    if (x.variables === y.variables) continue; // the section's kept lines (configLoader.ts)
    if (x.variables.length !== y.variables.length) return false;
    for (let j = 0; j < x.variables.length; j++) if (x.variables[j].assignment !== y.variables[j].assignment) return false;
  }
  return true;
}

function problem(b: Builder, v: { file: string; start: number; end: number }, code: string, severity: Severity, message: string, related: DialplanProblem['related'] = []): void {
  const p: DialplanProblem = { code, severity, message, file: v.file, start: v.start, end: v.end, related };
  if (b.context) b.context.problems = addTo(b.context.problems, p);
  else b.plan.problems.push(p);
}

function loadCategory(b: Builder, context: Context, category: Category): void {
  let lastExtension = '';
  let lastPriority = -2; // "no previous line" in this category
  const variables = category.variables;
  for (let i = 0; i < variables.length; i++) {
    const v = variables[i];
    const key = v.assignment.key.text.toLowerCase();
    if (key.startsWith('same')) {
      const st = parseExtensionStatement(v.assignment, 'same');
      if (lastExtension === '') {
        problem(b, { file: v.file, start: v.assignment.start, end: v.assignment.end }, 'dialplan-same-without-exten', 'error', `'${v.assignment.key.text}' has no extension before it in context '${context.name}': Asterisk drops this line ("No previous pattern in the first entry").`);
        continue;
      }
      lastPriority = addLine(b, context, v, st, lastExtension, lastPriority);
    } else if (key === 'exten') {
      const st = parseExtensionStatement(v.assignment, 'exten');
      // the whole first field, caller-ID part included, as pbx_config substitutes it before splitting at '/'
      const raw = (st.extension?.text ?? '') + (st.callerId ? `/${st.callerId.text}` : '');
      lastExtension = substituteGlobals(raw, b.plan.globals);
      lastPriority = addLine(b, context, v, st, lastExtension, lastPriority);
    } else if (key === 'include') {
      addInclude(b, context, v);
    } else if (key === 'ignorepat') {
      context.ignorePatterns = addTo(context.ignorePatterns, substituteGlobals(v.assignment.value.text, b.plan.globals));
    } else if (key === 'autohints') {
      // hints created for devices as they appear (Asterisk 14 and later)
    } else if (key === 'switch' || key === 'lswitch' || key === 'eswitch') {
      context.switches = addTo(context.switches, { kind: key, value: v.assignment.value.text, file: v.file, statement: v.assignment });
    } else {
      problem(b, { file: v.file, start: v.assignment.key.start, end: v.assignment.key.end }, 'dialplan-unknown-directive', 'warning', `'${v.assignment.key.text}' means nothing in a dialplan context: Asterisk ignores this line ("Unknown directive"). Use exten, same, include, ignorepat or switch.`);
    }
  }
}

/** One exten/same line: its priority as pbx_config computes it, then ast_add_extension2. Returns the new lastpri. */
function addLine(b: Builder, context: Context, v: LoadedVariable, st: ExtensionStatement, realExt: string, lastPriority: number): number {
  const at = { file: v.file, start: v.assignment.start, end: v.assignment.end };
  const slash = realExt.indexOf('/');
  const name = slash < 0 ? realExt : realExt.slice(0, slash);
  const cid = slash < 0 ? null : shrinkCallerId(realExt.slice(slash + 1));
  const pri = st.priority;
  if (pri === null) {
    const where = st.extension?.unclosedBracket ? { file: v.file, start: st.extension.start, end: st.extension.end } : at;
    problem(b, where, st.extension?.unclosedBracket ? 'dialplan-unclosed-bracket' : 'dialplan-invalid-priority', 'error', st.extension?.unclosedBracket ? `The '[' in '${st.extension.text}' is never closed, so the extension swallows the rest of the line and there is no priority: Asterisk drops this line ("Invalid priority/label ''").` : `This line has no priority: Asterisk drops it ("Invalid priority/label ''").`);
    return lastPriority;
  }
  const priAt = { file: v.file, start: pri.start, end: pri.end };
  if (!pri.labelClosed) {
    problem(b, priAt, 'dialplan-invalid-priority', 'error', `The label in '${pri.text}' has no closing ')': Asterisk drops this line ("Label missing trailing ')'").`);
    return lastPriority;
  }
  let ipri: number;
  switch (pri.kind) {
    case 'hint':
      ipri = PRIORITY_HINT;
      break;
    case 'next':
      if (lastPriority <= -2) {
        problem(b, priAt, 'dialplan-invalid-priority', 'error', `'${pri.value.text}' needs a line before it in context '${context.name}': Asterisk drops this line ("Can't use 'next' priority on the first entry").`);
        return lastPriority;
      }
      ipri = lastPriority + 1;
      break;
    case 'same':
      if (lastPriority <= -2) {
        problem(b, priAt, 'dialplan-invalid-priority', 'error', `'${pri.value.text}' needs a line before it in context '${context.name}': Asterisk drops this line ("Can't use 'same' priority on the first entry").`);
        return lastPriority;
      }
      ipri = lastPriority;
      break;
    case 'number':
      ipri = pri.number ?? 0;
      if (ipri < 1) {
        problem(b, priAt, 'dialplan-invalid-priority', 'error', `Priority '${pri.value.text}' is below 1: Asterisk drops this line ("Invalid priority").`);
        return lastPriority;
      }
      break;
    default: {
      const found = findLabel(context, name, cid, pri.value.text);
      if (found === undefined || found < 1) {
        problem(b, priAt, 'dialplan-invalid-priority', 'error', `No label '${pri.value.text}' is defined before this line for extension '${name}' in context '${context.name}': Asterisk drops this line ("Invalid priority/label").`);
        return lastPriority;
      }
      ipri = found;
    }
  }
  if (ipri === 0) {
    // `n` after a hint: -1 + 1 = 0, which pbx_config skips without a word
    context.dropped = addTo(context.dropped, { reason: 'next-after-hint', file: v.file, statement: st });
    return lastPriority;
  }
  if (pri.offset !== null) ipri += parseInt(pri.offset.text, 10) || 0;
  const app = st.application;
  const appName = app === null ? '' : app.name.text.length > 0 && app.name.text.charCodeAt(0) <= 32 ? app.name.text.replace(/^[\x00-\x20]+/, '') : app.name.text;
  const entry: Priority = {
    priority: ipri,
    label: pri.label && pri.label.text !== '' ? pri.label.text : null,
    app: appName,
    data: app?.data?.text ?? '',
    name: sharedName(stripName(name, false)),
    file: v.file,
    statement: st,
    inheritedFrom: v.inheritedFrom,
    targets: null,
    extension: null,
  };
  if (name === '_.' || name === '_!') {
    problem(b, { file: v.file, start: st.extension?.start ?? at.start, end: st.extension?.end ?? at.end }, 'dialplan-catch-all-pattern', 'warning', `'${name}' matches everything, including the special extensions h, i, t and s: Asterisk warns that it "is strongly discouraged and can have unexpected behavior". Use '_X${name[1]}' instead.`);
  }
  addExtension(b, context, entry, name, cid);
  return ipri;
}

/** ast_findlabel_extension2 as used at load: the label among what is already registered. */
function findLabel(context: Context, name: string, cid: string | null, label: string): number | undefined {
  const exten = stripName(name, true);
  for (const e of context.extensions) {
    if (compareExtensions(e.exten, exten) !== 0) continue;
    if ((e.cid === null) !== (cid === null)) continue;
    const p = e.labels.get(label);
    if (p !== undefined) return p;
  }
  return undefined;
}

function addExtension(b: Builder, context: Context, entry: Priority, rawName: string, rawCid: string | null): void {
  const name = stripName(rawName, false);
  const exten = stripName(rawName, true);
  const cid = rawCid === null ? null : stripName(rawCid, false);
  const cidExten = rawCid === null ? null : stripName(rawCid, true);
  const list = context.extensions;
  // most lines continue an extension already there (`same => n,...`): found by name without sorting
  const nameKey = cidExten === null ? exten : `${exten}/${cidExten}\u0000`;
  const known = findByName(context, exten, cidExten, nameKey);
  const key = known?.key ?? sortKey(exten);
  const cidKey = cidExten === null ? null : sortKey(cidExten);
  // the sorted position (ast_add_extension2 walks the list to the first entry not below the new one; the list is
  // sorted, so a binary search finds the same place): by extension, then caller-ID variants before the plain
  // one, then by caller ID
  const order = (e: Extension): number => {
    const c = compareKeys(e.key, key);
    if (c !== 0) return c;
    if (e.cidKey === null && cidKey === null) return 0;
    if (cidKey !== null && e.cidKey === null) return 1;
    if (e.cidKey !== null && cidKey === null) return -1;
    return compareKeys(e.cidKey!, cidKey!);
  };
  let i: number;
  let cmp: number;
  if (known !== undefined) {
    i = -1;
    cmp = 0;
  } else {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(list[mid]) < 0) lo = mid + 1;
      else hi = mid;
    }
    i = lo;
    cmp = i < list.length ? order(list[i]) : 1;
  }
  const at = { file: entry.file, start: entry.statement.statement.start, end: entry.statement.statement.end };
  if (known !== undefined || (i < list.length && cmp === 0)) {
    const e = known ?? list[i];
    const existing = e.priorities.get(entry.priority);
    if (existing !== undefined) {
      const alias = existing.name !== name;
      const shown = entry.priority === PRIORITY_HINT ? 'hint' : `priority ${entry.priority}`;
      problem(
        b,
        at,
        'dialplan-duplicate-priority',
        'warning',
        alias
          ? `Extension '${name}' ${shown} in '${context.name}' is already in use by aliased extension '${existing.name}' (they match the same numbers): Asterisk keeps the first and drops this line.`
          : `Extension '${name}' ${shown} in '${context.name}' is already defined: Asterisk keeps the first and drops this line.`,
        [{ file: existing.file, start: existing.statement.statement.start, end: existing.statement.statement.end, message: `the ${shown} Asterisk keeps` }],
      );
      return;
    }
    if (entry.label !== null) {
      const other = e.labels.get(entry.label);
      if (other !== undefined && other !== entry.priority) {
        problem(b, at, 'dialplan-duplicate-label', 'warning', `Label '${entry.label}' of extension '${name}' is already used at priority ${other} in '${context.name}': Asterisk ignores this label.`);
        entry.label = null;
      }
    }
    e.priorities.set(entry);
    register(entry, e);
    if (entry.label !== null) {
      const labels = e.labels === NO_LABELS ? new Map<string, number>() : (e.labels as Map<string, number>);
      labels.set(entry.label, entry.priority);
      e.labels = labels;
    }
    // the lowest priority heads the chain and gives the entry its name (a hint is -1)
    if (entry.priority < e.minPriority) {
      e.minPriority = entry.priority;
      e.name = name;
      e.cid = cid;
    }
    return;
  }
  const created: Extension = {
    context: context.name,
    owner: context,
    name,
    exten,
    cid,
    cidExten,
    isPattern: exten.startsWith('_'),
    key,
    cidKey,
    minPriority: entry.priority,
    priorities: new PriorityList(entry),
    labels: entry.label !== null ? new Map([[entry.label, entry.priority]]) : NO_LABELS,
    first: entry,
  };
  if (list === EMPTY) context.extensions = [created];
  else list.splice(i, 0, created);
  namesOf.get(context)?.set(nameKey, created);
  register(entry, created);
}

/** The labels of every extension without any (most of them): shared, never written (a Map each is ~170 bytes). */
const NO_LABELS: ReadonlyMap<string, number> = new Map();

function register(priority: Priority, extension: Extension): void {
  // the line points at its priority, which points at its entry: no object per line for the link (issue 13, size)
  priority.extension = extension;
  priority.statement.registered = priority;
}

/** The priority an exten/same line registered in this dialplan (undefined when Asterisk dropped the line). */
export function registeredLine(plan: Dialplan, line: Assignment): { priority: Priority; extension: Extension } | undefined {
  const st = line.parsedAt === line.start ? (line.parsed as ExtensionStatement) : undefined;
  const priority = st?.registered as Priority | undefined;
  const extension = priority?.extension;
  return extension != null && plan.contexts.get(extension.owner.name) === extension.owner ? { priority: priority!, extension } : undefined;
}

const namesOf = new WeakMap<Context, Map<string, Extension>>();

/** Below this many entries a context is searched entry by entry: a map each would weigh on a million small contexts. */
const INDEXED_FROM = 8;

/** The context's entry of this exact match form and caller ID, by an index once the context is large enough. */
function findByName(context: Context, exten: string, cidExten: string | null, nameKey: string): Extension | undefined {
  const list = context.extensions;
  let m = namesOf.get(context);
  if (m === undefined) {
    if (list.length < INDEXED_FROM) {
      for (const e of list) if (e.exten === exten && e.cidExten === cidExten) return e;
      return undefined;
    }
    m = new Map();
    for (const e of list) m.set(e.cidExten === null ? e.exten : `${e.exten}/${e.cidExten}\u0000`, e);
    namesOf.set(context, m);
  }
  return m.get(nameKey);
}

function addInclude(b: Builder, context: Context, v: LoadedVariable): void {
  const value = substituteGlobals(v.assignment.value.text, b.plan.globals);
  const bar = value.indexOf('|');
  const comma = value.indexOf(',');
  const cut = bar >= 0 ? bar : comma;
  const name = cut < 0 ? value : value.slice(0, cut);
  const when = cut < 0 ? null : timingOf(value.slice(cut + 1));
  const timing = when?.timing ?? null;
  // by an index of the context's includes: a context of N includes costs N lookups, not N scans (issue 13)
  let byValue = includeIndex.get(context);
  if (context.includes.length >= INDEXED_FROM && (byValue === undefined || byValue.size !== context.includes.length)) {
    byValue = new Map();
    for (const i of context.includes) if (!byValue.has(i.value.toLowerCase())) byValue.set(i.value.toLowerCase(), i);
    includeIndex.set(context, byValue);
  }
  const lower = value.toLowerCase();
  const duplicate = byValue !== undefined ? byValue.get(lower) : context.includes.find((i) => i.value.toLowerCase() === lower);
  if (duplicate) {
    problem(b, { file: v.file, start: v.assignment.start, end: v.assignment.end }, 'dialplan-duplicate-include', 'warning', `'${name}' is already included in '${context.name}': Asterisk ignores this line ("already included").`, [
      { file: duplicate.file, start: duplicate.line.start, end: duplicate.line.end, message: 'the first include' },
    ]);
    return;
  }
  const everOpen = when === null || when.everOpen;
  if (timing !== null && (timing.invalid.length > 0 || !everOpen)) {
    // the line's parts are read only for a time condition with something to say (most includes have none)
    const st = parseIncludeStatement(v.assignment);
    const at = spanAt(v.file, st.times?.[0] ?? st.context);
    if (timing.invalid.length > 0) problem(b, at, 'dialplan-invalid-time', 'warning', `Asterisk skips the invalid ${timing.invalid.join(', ')} of this include's time condition.`);
    if (!everOpen) problem(b, at, 'dialplan-include-never-open', 'warning', `No date and time satisfies this include's time condition '${value.slice(cut + 1)}', so '${name}' is never searched.`);
  }
  const include = new IncludeEntry(value, name, timing, everOpen, when === null || when.alwaysOpen, v.file, v.assignment);
  context.includes = addTo(context.includes, include);
  byValue?.set(lower, include);
  checkInclude(b, context, include);
}

const includeIndex = new WeakMap<Context, Map<string, Include>>();

/** Parsed time conditions by their text: dialplans repeat the same few (`08:00-18:00,mon-fri,*,*`) in every context. */
const timings = new Map<string, { timing: Timing; everOpen: boolean; alwaysOpen: boolean }>();

function timingOf(text: string): { timing: Timing; everOpen: boolean; alwaysOpen: boolean } {
  let t = timings.get(text);
  if (t === undefined) {
    if (timings.size > 10_000) timings.clear();
    const timing = parseTiming(text);
    t = { timing, everOpen: canEverBeOpen(timing), alwaysOpen: isAlwaysOpen(timing) };
    timings.set(text, t);
  }
  return t;
}

function spanAt(file: string, s: Span): { file: string; start: number; end: number } {
  return { file, start: s.start, end: s.end };
}

/**
 * "Context 'a' tries to include nonexistent context 'b'" (logged when the dialplan is merged): checked as each include
 * is added, every context being known by then (its name fresh in the cache, a million includes in a chain).
 */
function checkInclude(b: Builder, context: Context, inc: Include): void {
  if (b.plan.contexts.has(inc.context) || b.plan.runtimeContexts.has(inc.context)) return;
  if (b.caseless === null) {
    b.caseless = new Map();
    for (const k of b.plan.contexts.keys()) if (!b.caseless.has(k.toLowerCase())) b.caseless.set(k.toLowerCase(), k);
  }
  const near = b.caseless.get(inc.context.toLowerCase());
  b.missing.push({
    code: 'dialplan-include-missing',
    severity: 'warning',
    message: `Context '${context.name}' includes '${inc.context}', which does not exist${near ? ` (context names are case-sensitive: did you mean '${near}'?)` : ''}: Asterisk warns and the include finds nothing.`,
    ...spanAt(inc.file, inc.statement.context),
    related: [],
  });
}
