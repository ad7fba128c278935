// When turning a macro into a Gosub subroutine is mechanical and runs the same steps, and what it changes. A macro
// (apps/app_macro.c _macro_exec) runs `s,1` of [macro-NAME] in a loop of its own with ARG1..ARGn and MACRO_EXTEN,
// MACRO_CONTEXT, MACRO_PRIORITY set, and comes back when its priorities run out, at MacroExit, or when it hangs up
// (then with the caller's place, where the PBX looks for `h`); it stops without coming back when a jump leaves its
// context. A Gosub (apps/app_stack.c gosub_exec) pushes a frame with the return address and the arguments, and
// only Return (return_exec) comes back: when the priorities run out the PBX loop (main/pbx.c __ast_pbx_run) hangs up,
// in the subroutine's context. STACK_PEEK(1,e|c|p) (stackpeek_read) reads the frame's exten, context and priority,
// the caller's place as MACRO_EXTEN, MACRO_CONTEXT and MACRO_PRIORITY held it. Whatever the two would do differently
// is refused here, with the reason.
import type { Context, Dialplan, Priority } from '../../model/dialplan';
import { PRIORITY_HINT } from '../../model/dialplan';
import { matchExtension } from '../../model/extensionName';
import { lookup } from '../../model/matcher';
import { substitutions } from '../checks/substitutions';
import { separateArgs } from '../simulate/cstring';
import { applicationTargets, splitTop } from '../targets';
import type { Facts } from './facts';
import { at, couldBe, fixedParts, isBuilt, lineOf, runsIn } from './facts';
import { dataPlaces } from '../checks/lineByLine';

/** What the conversion changes, once every rule holds. */
export interface Conversion {
  name: string;
  context: Context;
  /** The Macro(name,...) lines and the text after the name's comma (null: none). */
  calls: { p: Priority; args: string | null }[];
  /** MacroExit lines of the macro's context: Return(). */
  exits: Priority[];
  /** `MACRO_EXTEN`, `MACRO_CONTEXT`, `MACRO_PRIORITY` inside `${...}`: `STACK_PEEK(1,e|c|p)`. */
  peeks: { file: string; start: number; end: number; text: string }[];
  /** The last line of each extension whose priorities can run out: a Return() after it. */
  ends: Priority[];
}

class Refused extends Error {}

function refuse(why: string): never {
  throw new Refused(why);
}

/** What the PBX loop uses inside a Gosub (hangup, invalid, timeout, absolute timeout, exception) but a Macro never. */
const SPECIAL = new Set(['h', 'i', 't', 'T', 'e']);
/** What the PBX loop looks for in the caller's context when a call ends inside a Macro (and in the subroutine's inside a Gosub). */
const AFTER_HANGUP = ['h', 'T', 'e'];
/** Applications that hand the caller's keys to the PBX loop: read in the caller's context after a Macro. */
const KEYS = new Set(['background', 'waitexten', 'incomplete']);
/** Last lines after which nothing runs on: no Return() needed after them. */
const NO_FALLTHROUGH = new Set(['macroexit', 'return', 'goto', 'hangup', 'busy', 'congestion']);
const EXEC_FAMILY = new Set(['exec', 'execif', 'execiftime', 'tryexec']);
const PEEK: Record<string, string> = {
  MACRO_EXTEN: 'e',
  MACRO_CONTEXT: 'c',
  MACRO_PRIORITY: 'p',
};

/** The data of the line is one slice of its source, so offsets in it are source offsets. */
const exact = (p: Priority): boolean => dataPlaces(p).exact;

/** Is the context run by a macro call (its name is `macro-` and something calls that macro)? */
function isMacroRun(facts: Facts, context: string): boolean {
  if (!context.startsWith('macro-')) return false;
  const name = context.slice('macro-'.length);
  return facts.calls.has(name) || facts.runners.some((r) => couldBe(r.written, name));
}

/** Does the context (its includes too) have the special extension `x` at priority 1, for any caller? */
function hasSpecial(plan: Dialplan, facts: Facts, context: string, x: string): boolean {
  const key = `${context}\u0000${x}`;
  let known = facts.answered.get(key);
  if (known === undefined) {
    known = findSpecial(plan, context, x);
    facts.answered.set(key, known);
  }
  return known;
}

function findSpecial(plan: Dialplan, context: string, x: string): boolean {
  const r = lookup(plan, context, x, { priority: 1, when: 'open' });
  if (r.result === 'match') return true;
  return r.visited.some((c) => plan.contexts.get(c)?.extensions.some((e) => e.cid !== null && matchExtension(e.exten, x, 'match') !== 0 && e.priorities.has(1)));
}

export function analyze(plan: Dialplan, facts: Facts, name: string): Conversion | { refused: string } {
  try {
    return convert(plan, facts, name);
  } catch (error) {
    if (error instanceof Refused) return { refused: error.message };
    throw error;
  }
}

interface State {
  plan: Dialplan;
  ctx: Context;
  exits: Priority[];
  peeks: Conversion['peeks'];
  /** The highest ARGn the macro's lines name. */
  maxArg: number;
  /** Contexts its subroutines run in, with the fewest arguments a Gosub from here gives them (0 when reached by a jump). */
  subs: Map<string, number>;
  /** The highest ARGn each of those names. */
  subArgs: Map<string, number>;
}

function convert(plan: Dialplan, facts: Facts, name: string): Conversion {
  const ctxName = `macro-${name}`;
  if (/\s/.test(name)) refuse(`the name '${name}' has a blank, which Macro keeps in the context's name`);
  // app_macro.c: fullmacro[80]
  if (ctxName.length > 79) refuse(`Macro cuts '${ctxName}' to 79 characters`);
  const ctx = plan.contexts.get(ctxName);
  if (!ctx) refuse(`there is no context [${ctxName}], so the Macro fails`);
  // what only Macro keeps, or what the subroutine's Return() would change, read anywhere
  for (const n of ['MACRO_DEPTH', 'MACRO_RECURSION', 'MACRO_IN_HANGUP']) {
    const e = facts.named.get(n)?.[0];
    if (e) refuse(`${at(e)} names ${n}, which only Macro keeps`);
  }
  const retval = facts.named.get('GOSUB_RETVAL')?.find((e) => e.context !== ctxName);
  if (retval) refuse(`${at(retval)} reads GOSUB_RETVAL, which the subroutine's Return() would set`);
  // every way to run the macro is a call converted here; every way into its context is one of them
  for (const r of facts.runners)
    if (couldBe(r.written, name)) refuse(`${r.how} at ${at(r)} ${isBuilt(r.written) ? 'may run it too (its name is built at run time)' : 'runs it too'}, and has no mechanical Gosub form`);
  for (const e of facts.into.get(ctxName) ?? []) if (e.context !== ctxName) refuse(`${e.how} at ${at(e)} leads into [${ctxName}] too, which would then end in Return()`);
  for (const e of facts.intoBuilt) if (e.context !== ctxName && couldBe(e.written, ctxName)) refuse(`${e.how} at ${at(e)} may lead into [${ctxName}] (its context is built at run time)`);

  const calls: Conversion['calls'] = [];
  let fewest = Infinity;
  let fewestAt = '';
  let mayBeEmpty = false;
  let insideMacro = false;
  for (const p of facts.calls.get(name) ?? []) {
    const where = at(lineOf(p));
    const callers = endsIn(facts, p.extension?.context ?? '', where);
    if (callers.some((c) => isMacroRun(facts, c))) insideMacro = true;
    const app = p.statement.application!;
    if (!exact(p) || app.data === null || !app.closed || app.data.start !== app.name.end + 1 || app.end !== app.data.end + 1)
      refuse(`the call at ${where} is not written plainly as Macro(name,arguments)`);
    const comma = p.data.indexOf(',');
    const args = comma < 0 ? null : p.data.slice(comma + 1);
    // ast_app_separate_args (Gosub) keeps quoted, bracketed and parenthesised commas together; strsep (Macro) does not
    if (args !== null && /["()[\]\\]/.test(fixedParts(args)))
      refuse(`the arguments at ${where} hold a quote, a parenthesis, a bracket or a backslash, around which Gosub splits its arguments differently`);
    // Macro() sets ARG1 to an empty argument; Gosub(...,1()) sets no argument at all
    const count = args === null || args === '' ? 0 : splitTop(args, ',').length;
    if (count > 79) refuse(`the call at ${where} passes more than the 79 arguments Macro sets`);
    if (count === 1 && fixedParts(args!) === '') mayBeEmpty = true;
    if (count < fewest) [fewest, fewestAt] = [count, where];
    for (const caller of callers) {
      for (const x of AFTER_HANGUP) {
        if (hasSpecial(plan, facts, caller, x)) {
          refuse(`[${caller}] has a '${x}' extension: when a call from ${where} ends inside the macro Asterisk runs it there, when it ends inside a Gosub Asterisk looks for '${x}' in [${ctxName}]`);
        }
      }
    }
    calls.push({ p, args });
  }
  if (calls.length === 0) refuse(`nothing calls it with Macro(${name},...)`);

  if (ctx.includes.length > 0) refuse(`[${ctxName}] includes [${ctx.includes[0].context}]`);
  if (ctx.switches.length > 0) refuse(`[${ctxName}] has a switch`);
  if (!ctx.extensions.some((e) => e.name === 's' && e.cid === null && e.priorities.has(1))) refuse(`[${ctxName}] has no s,1 for the Gosub to start at`);
  const ends: Priority[] = [];
  for (const e of ctx.extensions) {
    const shown = e.cid === null ? e.name : `${e.name}/${e.cid}`;
    if (e.isPattern || e.cid !== null) refuse(`the extension '${shown}' of [${ctxName}] is a pattern or matches a caller ID (only plain extensions are converted)`);
    if (SPECIAL.has(e.name)) refuse(`[${ctxName}] has an '${e.name}' extension, which the PBX would use inside a Gosub and never inside a Macro`);
    if (e.priorities.has(PRIORITY_HINT)) refuse(`[${ctxName}] has a hint`);
    const numbers = [...e.priorities.keys()];
    const [low, high] = [Math.min(...numbers), Math.max(...numbers)];
    for (let n = low; n <= high; n++) if (!e.priorities.has(n)) refuse(`the extension '${e.name}' of [${ctxName}] has no priority ${n}: a Macro comes back there, a Gosub would hang up`);
    for (const p of e.priorities.values()) if (p.inheritedFrom !== null) refuse(`[${ctxName}] inherits lines from [${p.inheritedFrom}]`);
    const last = e.priorities.get(high)!;
    if (!NO_FALLTHROUGH.has(last.app.toLowerCase())) ends.push(last);
  }

  const st: State = {
    plan,
    ctx,
    exits: [],
    peeks: [],
    maxArg: 0,
    subs: new Map(),
    subArgs: new Map(),
  };
  for (const e of ctx.extensions) for (const p of e.priorities.values()) line(st, p, ctxName, true);
  // the subroutines it calls, and where they go (each context once)
  const seen = new Set<string>();
  for (let more = true; more;) {
    more = false;
    for (const sub of [...st.subs.keys()]) {
      if (seen.has(sub)) continue;
      seen.add(sub);
      more = true;
      const c = plan.contexts.get(sub);
      if (!c) continue; // the Gosub fails the same way in both
      for (const x of SPECIAL)
        if (c.extensions.some((e) => e.name === x)) refuse(`[${sub}], which it calls, has an '${x}' extension, which would run with other variables after a Macro than inside a Gosub`);
      for (const inc of c.includes) reach(st, inc.context, 0);
      for (const e of c.extensions) for (const p of e.priorities.values()) if (p.priority !== PRIORITY_HINT) line(st, p, sub, false);
    }
  }
  for (const [sub, given] of st.subs) {
    const read = st.subArgs.get(sub) ?? 0;
    if (read > given)
      refuse(`[${sub}], which it calls with ${given} argument${given === 1 ? '' : 's'}, reads ARG${read}: inside a Macro that is the macro's own argument, inside a Gosub an empty one`);
  }
  if (st.maxArg > fewest)
    refuse(`[${ctxName}] reads ARG${st.maxArg} and the call at ${fewestAt} passes ${fewest} argument${fewest === 1 ? '' : 's'}: Macro leaves the missing ones as they were, Gosub empties them`);
  // an ARG1 the Gosub would not hide: one set by hand, or the argument of the macro the call runs inside
  if (mayBeEmpty && st.maxArg >= 1 && (insideMacro || facts.argSets.length > 0)) {
    refuse(`a call passes one argument that may be empty, and ${insideMacro ? 'runs inside a macro whose ARG1 would show' : `${at(facts.argSets[0])} sets an ARGn variable`}: Macro sets ARG1 to the empty argument, Gosub sets none`);
  }
  return { name, context: ctx, calls, exits: st.exits, peeks: st.peeks, ends };
}

/**
 * The contexts where the PBX looks for `h` when a call ends inside the macro called from a line of `context`: the
 * context the line runs in (its own, or one that includes it), and when that is itself a macro's, the contexts its
 * calls run in, since each Macro puts the caller's place back before the call ends.
 */
function endsIn(facts: Facts, context: string, where: string): string[] {
  const out = new Set<string>();
  const add = (c: string): void => {
    for (const r of runsIn(facts, c)) {
      if (out.has(r)) continue;
      out.add(r);
      if (!isMacroRun(facts, r)) continue;
      const outer = r.slice('macro-'.length);
      const other = facts.runners.find((x) => couldBe(x.written, outer));
      if (other) refuse(`the call at ${where} runs inside [${r}], which ${other.how} at ${at(other)} runs too: where that call ends is not known`);
      for (const call of facts.calls.get(outer) ?? []) add(call.extension?.context ?? '');
    }
  };
  add(context);
  return [...out];
}

function reach(st: State, context: string, args: number): void {
  const before = st.subs.get(context);
  st.subs.set(context, before === undefined ? args : Math.min(before, args));
}

/** The rules for one line of the macro's context (`body`) or of a subroutine it calls. */
function line(st: State, p: Priority, context: string, body: boolean): void {
  const ctxName = st.ctx.name;
  const app = p.app.toLowerCase();
  const where = `${p.app} at ${at(lineOf(p))}`;
  const data = p.data;
  if (app === 'macro' || app === 'macroexclusive' || app === 'macroif') {
    // app_macro.c stops a macro calling itself at MACRO_RECURSION (7) levels; nested Gosubs have no such limit
    if (app !== 'macroif' && `macro-${data.split(',')[0]}` === ctxName) refuse(`${where} calls the macro itself, which Macro stops after 7 levels and Gosub does not`);
    refuse(`${where} runs a macro from inside it: convert that one first`);
  }
  if (app === 'macroexit') {
    if (!body) refuse(`${where}, in [${context}] which it calls, would end the macro but not a Gosub`);
    st.exits.push(p);
  }
  if (app === 'return' && body) refuse(`${where} would end the converted subroutine itself`);
  if (app === 'stackpop') refuse(`${where} would change the Gosub stack under it`);
  if (KEYS.has(app)) {
    if (body) refuse(`${where} hands the caller's keys to the PBX, which reads them in the caller's context after a Macro and in [${context}] inside a Gosub`);
    refuse(`${where}, in [${context}] which it calls, hands the caller's keys to the PBX, which reads them once a Macro has put its arguments back, and inside a Gosub with them`);
  }
  if (EXEC_FAMILY.has(app)) {
    const rest = app === 'execif' || app === 'execiftime' ? (splitTop(data, '?', 2)[1]?.text ?? '') : data;
    if (/goto|gosub|macro|return|stackpop|background|waitexten|incomplete/i.test(data) || /(^|:)\s*\$[{[]/.test(rest)) refuse(`${where} may run an application that moves the call`);
  }
  if (app === 'dial' || app === 'queue') options(app, data, where);
  if (app === 'gosubif' && (/\?.*\?/s.test(fixedParts(data)) || /:.*:/s.test(fixedParts(data.slice(data.indexOf('?') + 1))))) {
    refuse(`${where} has more than one '?' or ':', which app_macro counts differently than app_stack runs`);
  }
  for (const t of applicationTargets(p)) {
    const to = t.context ?? context;
    if (t.kind === 'Goto' || t.kind === 'GotoIf' || t.kind === 'GotoIfTime') {
      if (t.dynamic) refuse(`${where} jumps to a place built at run time`);
      if (!body) {
        if (to === ctxName) refuse(`${where}, in [${context}] which it calls, jumps into [${ctxName}]`);
        // a jump carries the subroutine's frame along: what it reads there, nobody gave it
        if (to !== context) reach(st, to, 0);
        continue;
      }
      if (to !== ctxName) refuse(`${where} jumps out of [${ctxName}] (to [${to}]): a Macro ends there, a Gosub would not`);
      if (!exact(p)) refuse(`${where} is not one plain line`);
      const base = p.statement.application!.data!.start;
      const place = splitTop(data.slice(t.start - base, t.end - base), ',');
      if (/^\s*[+-]/.test(place[place.length - 1].text)) refuse(`${where} jumps relative to its own priority`);
      const exten = t.extension ?? p.extension!.name;
      const found = lookup(st.plan, ctxName, exten, t.priority !== undefined ? { priority: t.priority } : { label: t.label });
      if (found.result !== 'match' || found.foundIn !== st.ctx)
        refuse(`${where} jumps to ${exten},${t.priority ?? t.label}, which [${ctxName}] does not have: a Macro comes back there, a Gosub would not`);
    } else if (t.kind === 'Gosub' || t.kind === 'GosubIf') {
      if (!exact(p)) refuse(`${where} is not one plain line`);
      const base = p.statement.application!.data!.start;
      // the place is what comes before the arguments (which may well be built at run time)
      const [place, inner] = splitTop(data.slice(t.start - base, t.end - base), '(', 2);
      if (isBuilt(place.text)) refuse(`${where} calls a subroutine built at run time`);
      if (to === ctxName) refuse(`${where} calls a subroutine inside [${ctxName}] itself`);
      const text = inner === undefined ? '' : inner.text.replace(/\)[^)]*$/, '');
      reach(st, to, separateArgs(text, ',', false).length);
    } else if (t.kind === 'Local channel' && to === ctxName) refuse(`${where} starts a Local channel in [${ctxName}]`);
  }
  if (body) bodyText(st, p, where);
  else {
    const named = /MACRO_\w*/.exec(data);
    if (named) refuse(`${where}, in [${context}] which it calls, names ${named[0]}: set inside a Macro, not inside a Gosub`);
    if (/\bLOCAL_PEEK\(|\bSTACK_PEEK\(\s*(?!1\s*,)/.test(data)) refuse(`${where} looks at older Gosub frames, and a Gosub has one frame more than a Macro`);
    for (const m of data.matchAll(/\bARG(\d+)\b/g)) st.subArgs.set(context, Math.max(st.subArgs.get(context) ?? 0, Number(m[1])));
  }
}

/** `${MACRO_EXTEN}` and its kin become STACK_PEEK(1,...); what only a Macro or only a Gosub frame has is refused. */
function bodyText(st: State, p: Priority, where: string): void {
  const data = p.data;
  const found: { body: string; at: number }[] = [];
  substitutions(data, 0, found);
  let rewritten = 0;
  for (const s of found) {
    const m = /^MACRO_(EXTEN|CONTEXT|PRIORITY)(?=:|$)/.exec(s.body);
    if (!m) continue;
    if (!exact(p)) refuse(`${where} is not one plain line, so its ${m[0]} cannot be rewritten`);
    const base = p.statement.application!.data!.start + s.at;
    st.peeks.push({
      file: p.file,
      start: base,
      end: base + m[0].length,
      text: `STACK_PEEK(1,${PEEK[m[0]]})`,
    });
    rewritten++;
  }
  const named = data.match(/MACRO_\w*/g) ?? [];
  if (named.length > rewritten) {
    const other = named.find((n) => PEEK[n] === undefined) ?? named[0]!;
    refuse(`${where} names ${other}${PEEK[other] === undefined ? ', which Gosub has no equivalent of' : ' otherwise than as ${' + other + '}'}`);
  }
  if (/\bARGC\b/.test(data)) refuse(`${where} reads ARGC, which Gosub sets and Macro does not`);
  const frame = /\b(LOCAL|LOCAL_PEEK|STACK_PEEK)\(/.exec(data);
  if (frame) refuse(`${where} uses ${frame[1]}(), which would see the subroutine's own frame`);
  for (const m of data.matchAll(/\bARG(\d+)\b/g)) st.maxArg = Math.max(st.maxArg, Number(m[1]));
}

/**
 * Dial and Queue options whose effect depends on where the macro was called from (app_dial.c and app_queue.c read the
 * channel's macro context and extension), or that send the caller elsewhere. `withArgs`: only with (true) or without
 * (false) an argument.
 */
const RISKY_OPTIONS: Record<string, Record<string, { why: string; withArgs?: boolean }>> = {
  dial: {
    d: { why: "looks for the caller's key in the caller's context after a Macro" },
    T: { why: "lets the caller transfer into the caller's context after a Macro" },
    f: { why: "sends the caller's extension as caller ID after a Macro, 's' inside a Gosub", withArgs: false },
    F: { why: 'sends the caller elsewhere after the call', withArgs: true },
    G: { why: 'sends the caller elsewhere after the call' },
    B: { why: 'runs a handler on the caller that sees the macro variables' },
  },
  queue: {
    T: { why: "lets the caller transfer into the caller's context after a Macro" },
    F: { why: 'sends the caller elsewhere after the call', withArgs: true },
  },
};

function options(app: 'dial' | 'queue', data: string, where: string): void {
  // Dial(devices,timeout,options), Queue(queue,options)
  const text = separateArgs(data, ',', false, 4)[app === 'dial' ? 2 : 1] ?? '';
  for (let i = 0; i < text.length; i++) {
    const letter = text[i];
    const withArgs = text[i + 1] === '(';
    if (withArgs) {
      let depth = 0;
      for (i++; i < text.length; i++) {
        if (text[i] === '(') depth++;
        else if (text[i] === ')' && --depth === 0) break;
      }
    }
    const risky = RISKY_OPTIONS[app][letter];
    if (risky !== undefined && (risky.withArgs === undefined || risky.withArgs === withArgs)) refuse(`${where}: its option ${letter} ${risky.why}`);
  }
}
