// What a whole dialplan does with macros and contexts, read once per dialplan for the Macro-to-Gosub quick fix
// (index.ts): the plain Macro(name,...) calls by name; every other line that may run a macro (MacroIf,
// MacroExclusive, a name built at run time, Dial's M(), Queue's macro argument, Originate, Exec and its kin running
// Macro); every other way into a context (Goto, GotoIf, GotoIfTime, Gosub, GosubIf, Local channels, Dial's U() F()
// G() b() B(), Queue's gosub argument, Originate, ChannelRedirect, hangup handlers, the same inside Exec and its kin,
// `include =>`); and where the variables that only Macro or only Gosub set are named.
import * as path from 'node:path';
import type { Context, Dialplan, Priority } from '../../model/dialplan';
import { PRIORITY_HINT } from '../../model/dialplan';
import { separateArgs } from '../simulate/cstring';
import { applicationTargets, splitTop } from '../targets';
import { substitutionEnd } from '../checks/substitutions';

/** A line that runs a macro or leads into a context. */
export interface Entry {
  /** The context the line is in. */
  context: string;
  file: string;
  /** 1-based. */
  line: number;
  /** What it is, for messages: `MacroIf`, `Dial option M()`, `include`... */
  how: string;
  /** The macro name or the context as written (`${...}` and `$[...]` when built at run time). */
  written: string;
}

export interface Facts {
  /** Macro(name,...) with a name written as it is: the call lines by name. */
  calls: Map<string, Priority[]>;
  /** Everything else that may run a macro. */
  runners: Entry[];
  /** The ways into each context written as it is. */
  into: Map<string, Entry[]>;
  /** The ways into a context built at run time. */
  intoBuilt: Entry[];
  /** Lines naming GOSUB_RETVAL, MACRO_DEPTH, MACRO_RECURSION or MACRO_IN_HANGUP, by name. */
  named: Map<string, Entry[]>;
  /** Set or MSet of an ARGn variable. */
  argSets: Entry[];
  /** The contexts that include each context. */
  includedBy: Map<string, string[]>;
  /** Answers the rules asked already (`context` NUL `question`): the same callers come back for every macro. */
  answered: Map<string, boolean>;
}

export const NAMED = /GOSUB_RETVAL|MACRO_DEPTH|MACRO_RECURSION|MACRO_IN_HANGUP/g;
const EXEC_FAMILY = new Set(['exec', 'execif', 'execiftime', 'tryexec']);
/** The applications Exec and its kin could run that move the call or run a macro, with what follows their `(`. */
const INNER = /\b(gotoiftime|gotoif|goto|gosubif|gosub|macroexclusive|macroif|macro)\s*\(/gi;

/** Is a name built at run time? */
export const isBuilt = (written: string): boolean => /\$[{[]/.test(written);

/** A text cut into its fixed parts and its `${...}` and `$[...]` (nested ones inside), in order. */
function pieces(text: string): { text: string; built: boolean }[] {
  const out: { text: string; built: boolean }[] = [];
  let fixed = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '$' && (text[i + 1] === '{' || text[i + 1] === '[')) {
      const end = substitutionEnd(text, i);
      const j = end < 0 ? text.length : end;
      if (fixed !== '') out.push({ text: fixed, built: false });
      fixed = '';
      out.push({ text: text.slice(i, j), built: true });
      i = j;
    } else fixed += text[i++];
  }
  if (fixed !== '') out.push({ text: fixed, built: false });
  return out;
}

/** The fixed parts of a text: what no substitution can change. */
export function fixedParts(text: string): string {
  return pieces(text)
    .filter((p) => !p.built)
    .map((p) => p.text)
    .join('');
}

/**
 * Could a name as written be `name` once substituted? A name written as it is must be it; one built at run time could
 * be anything its fixed parts allow (each `${...}` or `$[...]` any text).
 */
export function couldBe(written: string, name: string): boolean {
  if (!isBuilt(written)) return written === name;
  const re = pieces(written)
    .map((p) => (p.built ? '.*' : p.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${re}$`, 's').test(name);
}

/** The contexts a line of `context` runs in: that one, and every context that includes it (directly or not). */
export function runsIn(facts: Facts, context: string): string[] {
  const seen = new Set([context]);
  for (const c of seen) for (const by of facts.includedBy.get(c) ?? []) seen.add(by);
  return [...seen];
}

/** `file:line` of an entry, for messages. */
export function at(e: { file: string; line: number }): string {
  return `${path.posix.basename(e.file)}:${e.line}`;
}

export function lineOf(p: Priority): { file: string; line: number } {
  return { file: p.file, line: p.statement.statement.line + 1 };
}

/** The context of a `[[context,]exten,]priority` place (or `^`-separated), when written: three parts. */
function placeContext(text: string, sep = ','): string | undefined {
  // the arguments start at the first '(' outside `${...}` and `$[...]`
  const parts = splitTop(splitTop(text, '(', 2)[0].text, sep);
  return parts.length >= 3 ? parts[0].text.trim() : undefined;
}

/** The text inside the parentheses that open at `open` (which is just after the `(`), up to the matching `)`. */
function inside(text: string, open: number): string {
  let depth = 1;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open, i);
  }
  return text.slice(open);
}

export function dialplanFacts(plan: Dialplan): Facts {
  const facts: Facts = {
    calls: new Map(),
    runners: [],
    into: new Map(),
    intoBuilt: [],
    named: new Map(),
    argSets: [],
    includedBy: new Map(),
    answered: new Map(),
  };
  for (const context of plan.contexts.values()) {
    for (const inc of context.includes) {
      const { line } = inc.line;
      into(facts, {
        context: context.name,
        file: inc.file,
        line: line + 1,
        how: 'include',
        written: inc.context,
      });
      const by = facts.includedBy.get(inc.context);
      if (by) by.push(context.name);
      else facts.includedBy.set(inc.context, [context.name]);
    }
    for (const e of context.extensions) for (const p of e.priorities.values()) if (p.priority !== PRIORITY_HINT) readLine(facts, context, p);
  }
  return facts;
}

function into(facts: Facts, e: Entry): void {
  if (isBuilt(e.written)) facts.intoBuilt.push(e);
  else {
    const list = facts.into.get(e.written);
    if (list) list.push(e);
    else facts.into.set(e.written, [e]);
  }
}

function readLine(facts: Facts, context: Context, p: Priority): void {
  const entry = (how: string, written: string): Entry => ({ context: context.name, ...lineOf(p), how, written });
  const runner = (how: string, written: string): void => {
    facts.runners.push(entry(how, written));
  };
  const app = p.app.toLowerCase();
  const data = p.data;
  for (const m of data.matchAll(NAMED)) {
    const list = facts.named.get(m[0]);
    if (list) list.push(entry(m[0], m[0]));
    else facts.named.set(m[0], [entry(m[0], m[0])]);
  }
  if ((app === 'set' || app === 'mset') && /(?:^|,)\s*_{0,2}ARG\d+\s*=/.test(data)) facts.argSets.push(entry(p.app, data));
  if (app === 'macro') {
    const name = data.split(',')[0];
    if (isBuilt(name)) runner('Macro', name);
    else {
      const list = facts.calls.get(name);
      if (list) list.push(p);
      else facts.calls.set(name, [p]);
    }
  } else if (app === 'macroexclusive') runner('MacroExclusive', data.split(',')[0]);
  else if (app === 'macroif') {
    // app_macro.c macroif_exec: strchr at '?', then at ':'
    const q = data.indexOf('?');
    const branches = q < 0 ? [] : data.slice(q + 1).split(':').slice(0, 2);
    for (const branch of branches) runner('MacroIf', branch.split(',')[0]);
  }
  for (const t of applicationTargets(p)) {
    if (t.kind === 'Macro') continue;
    if (t.kind === 'Dial option M()') runner(t.kind, t.context!.slice('macro-'.length));
    else if (t.context !== undefined) into(facts, entry(t.kind, t.context));
  }
  if (app === 'dial') {
    // pre-dial handlers: b() on the new channel, B() on this one, `context^exten^priority(args)`
    const options = separateArgs(data, ',', false, 3)[2] ?? '';
    for (const m of options.matchAll(/([bB])\(/g)) {
      const ctx = placeContext(inside(options, m.index + 2), '^');
      if (ctx !== undefined) into(facts, entry(`Dial option ${m[1]}()`, ctx));
    }
  } else if (app === 'queue') {
    const args = separateArgs(data, ',', false, 10);
    if ((args[6] ?? '').trim() !== '') runner("Queue's macro argument", args[6].trim().split(/[,^]/)[0]);
    if ((args[7] ?? '').trim() !== '') into(facts, entry("Queue's gosub argument", args[7].trim().split(/[,^(]/)[0]));
  } else if (app === 'originate') {
    const [, type, arg1 = '', arg2 = ''] = separateArgs(data, ',', false, 6);
    if (type?.trim().toLowerCase() === 'exten') into(facts, entry('Originate', arg1.trim()));
    else if (/^\s*macro/i.test(arg1)) runner('Originate', arg2.split(/[,^]/)[0]);
    else if (/^\s*(goto|gosub)/i.test(arg1)) {
      const ctx = placeContext(arg2.replace(/\^/g, ','));
      if (ctx !== undefined) into(facts, entry('Originate', ctx));
    }
  } else if (app === 'channelredirect') {
    const place = separateArgs(data, ',', false, 2)[1] ?? '';
    const ctx = placeContext(place);
    if (ctx !== undefined) into(facts, entry('ChannelRedirect', ctx));
  } else if (app === 'set' && /hangup_handler_push\s*\)\s*=/.test(data)) {
    const ctx = placeContext(data.slice(data.indexOf('=') + 1));
    if (ctx !== undefined) into(facts, entry('a hangup handler', ctx));
  } else if (EXEC_FAMILY.has(app)) execFamily(data, entry, runner, (e) => into(facts, e));
}

/** What Exec, ExecIf, ExecIfTime and TryExec run that moves the call or runs a macro. */
function execFamily(data: string, entry: (how: string, written: string) => Entry, runner: (how: string, written: string) => void, add: (e: Entry) => void): void {
  for (const m of data.matchAll(INNER)) {
    const name = m[1].toLowerCase();
    const args = inside(data, m.index + m[0].length);
    const how = `${m[1]} inside an Exec`;
    if (name === 'macro' || name === 'macroexclusive') runner(how, args.split(',')[0]);
    else if (name === 'macroif') runner(how, '${?}');
    else {
      // GotoIf, GosubIf, GotoIfTime: the branches after the '?'
      const q = name.endsWith('if') || name.endsWith('time') ? splitTop(args, '?', 2)[1]?.text : args;
      for (const branch of q === undefined ? [] : name === 'goto' || name === 'gosub' ? [q] : splitTop(q, ':', 2).map((b) => b.text)) {
        const ctx = placeContext(branch);
        if (ctx !== undefined) add(entry(how, ctx));
      }
    }
  }
}
