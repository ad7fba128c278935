// The PBX loop, as main/pbx.c runs a channel (__ast_pbx_run, pbx_extension_helper, collect_digits,
// ast_pbx_h_exten_run): every priority is looked up again from scratch by (context, exten, priority, caller ID),
// its data substituted, its application run; 0 goes on with the next priority, a digit starts collecting an
// extension, anything else ends the run. When no line is found: the `i` extension (or the call ends "sent to
// invalid extension"), or, when the extension exists but its priorities ran out, auto fallthrough (or, with
// autofallthrough=no, the response timeout and `t`). When the run ends, the `h` extension of the channel's context.
import { findApplication } from './apps/index';
import { applicationAbsence } from '../applicationAbsence';
import type { AppContext } from './apps/types';
import { MACRO_EXIT, PBX_INCOMPLETE } from './apps/types';
import type { Call, Run } from './run';
import { MAX_REPEATS, MAX_STEPS } from './run';
import { record } from './lookups';
import { checkCondition, setVariable, substitute } from './values';

/** The walk stopped a loop (a line run too often, or too many steps): not an Asterisk result. */
const LOOP_CUT = -1000;

/** How a channel's run ended, as the conformance traces name it. */
export interface RunEnd {
  end: string;
  /** The run was cut by the simulation's limits. */
  cut: boolean;
}

/** The caller ID a lookup uses: none when the number is not valid (S_COR in pbx.c). */
const cidOf = (call: Call): string | null => call.ch.caller.number;

export function exists(run: Run, call: Call, context: string, exten: string, priority: number): boolean {
  const plan = call.pbx.dialplan;
  if (!plan) return false;
  return run.lookup(plan, context, exten, { callerId: cidOf(call), priority }).result === 'match';
}

/** Whether a character result of an application is a key (strchr in __ast_pbx_run: a NUL byte counts too). */
function isKey(res: number): boolean {
  const c = res & 0xff;
  return c === 0 || '0123456789ABCDEF*#'.includes(String.fromCharCode(c));
}

/**
 * Runs a channel from its place until its run ends, then its `h` extension. The first lookup was made by the
 * caller (an extension that does not exist is refused before any run, as a Local channel or a SIP INVITE is).
 */
export function runChannel(run: Run, call: Call): RunEnd {
  const { ch } = call;
  const plan = call.pbx.dialplan!;
  let result: RunEnd = { end: 'hangup', cut: false };
  if (ch.exten === '') Object.assign(ch, { exten: 's', priority: 1 });
  for (;;) {
    let found = false;
    let res = 0;
    let dst = '';
    let digit = 0;
    let invalid = false;
    for (;;) {
      const r = spawn(run, call);
      found = r.found;
      res = r.res;
      if (!found || res !== 0) break;
      if (call.hungUp) break;
      ch.priority++;
    }
    if (res === LOOP_CUT) return afterRun(run, call, { end: 'loop-cut', cut: true });
    if (found && res === 0) break; // returned normally though the channel hung up
    if (found && res !== 0) {
      if (isKey(res)) {
        digit = res;
        dst = (res & 0xff) === 0 ? '' : String.fromCharCode(res & 0xff);
      } else if (res === PBX_INCOMPLETE) {
        if (!matchMore(run, call, ch.exten)) invalid = true;
        else {
          dst = ch.exten;
          digit = 1;
        }
      } else {
        result = { end: call.error ?? 'hangup', cut: false };
        break;
      }
    }
    if (invalid || (dst === '' && !exists(run, call, ch.context, ch.exten, 1))) {
      if (exists(run, call, ch.context, 'i', 1)) {
        run.log('VERBOSE', 'pbx.c', `Channel '${ch.name}' sent to invalid extension: context,exten,priority=${ch.context},${ch.exten},${ch.priority}`);
        ch.vars.set('INVALID_EXTEN', ch.exten);
        jumpTo(call, ch.context, 'i', 1);
        continue;
      }
      run.log('WARNING', 'pbx.c', `Channel '${ch.name}' sent to invalid extension but no invalid handler: context,exten,priority=${ch.context},${ch.exten},${ch.priority}`);
      call.invalid = { context: ch.context, exten: ch.exten };
      result = { end: 'invalid-extension', cut: false };
      break;
    }
    const waitMs = digit !== 0 ? call.ch.timeouts.digitMs : !plan.autofallthrough ? call.ch.timeouts.responseMs : 0;
    if (waitMs === 0) {
      const status = ch.variable('DIALSTATUS') ?? 'UNKNOWN';
      run.log('VERBOSE', 'pbx.c', `Auto fallthrough, channel '${ch.name}' status is '${status}'`);
      if (/^(CONGESTION|CHANUNAVAIL)$/i.test(status) && !ch.answered) ch.hangupCause = 34;
      else if (/^BUSY$/i.test(status) && !ch.answered) ch.hangupCause = 17;
      result = { end: 'no-priority', cut: false };
      break;
    }
    // with autofallthrough=no the caller may still type an extension while the response timeout runs
    if (digit === 0) context(run, call, 'WaitExten', '', [], null).prompt(`the end of ${ch.exten}'s priorities`);
    dst = collectDigits(run, call, waitMs, dst);
    const timeout = dst === '';
    if (!timeout && exists(run, call, ch.context, dst, 1)) {
      jumpTo(call, ch.context, dst, 1);
      continue;
    }
    if (!timeout) {
      if (exists(run, call, ch.context, 'i', 1)) {
        run.log('VERBOSE', 'pbx.c', `Invalid extension '${dst}' in context '${ch.context}' on ${ch.name}`);
        ch.vars.set('INVALID_EXTEN', dst);
        jumpTo(call, ch.context, 'i', 1);
        continue;
      }
      run.log('WARNING', 'pbx.c', `Invalid extension '${dst}', but no rule 'i' or 'e' in context '${ch.context}'`);
      result = { end: 'invalid-extension', cut: false };
      break;
    }
    if (exists(run, call, ch.context, 't', 1)) {
      run.log('VERBOSE', 'pbx.c', `Timeout on ${ch.name}`);
      jumpTo(call, ch.context, 't', 1);
      continue;
    }
    run.log('WARNING', 'pbx.c', `Timeout, but no rule 't' or 'e' in context '${ch.context}'`);
    result = { end: 'no-priority', cut: false };
    break;
  }
  return afterRun(run, call, result);
}

/** The run ended: the channel hangs up and Asterisk runs `h` in its current context, when there is one. */
function afterRun(run: Run, call: Call, result: RunEnd): RunEnd {
  call.hungUp = true;
  if (result.cut) return result;
  const { ch } = call;
  if (!exists(run, call, ch.context, 'h', 1)) return result;
  call.hangingUp = true;
  call.error = undefined;
  jumpTo(call, ch.context, 'h', 1);
  call.hStart ??= run.result.hops.length;
  for (;;) {
    const r = spawn(run, call);
    if (r.res === LOOP_CUT) return { end: result.end, cut: true };
    if (!r.found || r.res !== 0) break;
    ch.priority++;
  }
  return result;
}

/** set_ext_pri: the next run of the loop starts there (a fresh lookup). */
export function jumpTo(call: Call, context: string, exten: string, priority: number): void {
  Object.assign(call.ch, { context, exten, priority });
  call.fresh = true;
}

function matches(run: Run, call: Call, context: string, number: string, mode: 'canmatch' | 'matchmore'): boolean {
  const plan = call.pbx.dialplan!;
  return run.lookup(plan, context, number, { callerId: cidOf(call), priority: 1, mode }).result === 'match';
}

const matchMore = (run: Run, call: Call, number: string): boolean => matches(run, call, call.ch.context, number, 'matchmore');

/** The single keys a caller can press at a prompt in a context: each that can start an extension, and one that cannot. */
function keysAccepted(run: Run, call: Call, context: string): string[] {
  const keys = [...'0123456789*#'];
  const good = keys.filter((k) => matches(run, call, context, k, 'canmatch'));
  const bad = keys.find((k) => !good.includes(k));
  return bad === undefined ? good : [...good, bad];
}

/** collect_digits: more keys while the number could still match a longer extension, each within `ms`. */
function collectDigits(run: Run, call: Call, ms: number, typed: string): string {
  let buf = typed;
  let wait = ms;
  while (matchMore(run, call, buf)) {
    const key = waitDigit(call, wait);
    if (key === 0) break;
    buf += String.fromCharCode(key);
    wait = call.ch.timeouts.digitMs;
  }
  return buf;
}

/** ast_waitfordigit: the next key of what the caller is typing; 0 when they type nothing more (a timeout). */
export function waitDigit(call: Call, _ms: number): number {
  if (call.keys === '') return 0;
  const key = call.keys.charCodeAt(0);
  call.keys = call.keys.slice(1);
  return key;
}

/**
 * ast_spawn_extension at the channel's place (pbx_extension_helper, E_SPAWN): look the line up, substitute its
 * data, log it, run its application. `found` is false when no line matches.
 */
export function spawn(run: Run, call: Call): { found: boolean; res: number } {
  const { ch } = call;
  const plan = call.pbx.dialplan;
  if (!plan) return { found: false, res: -1 };
  const r = run.lookup(plan, ch.context, ch.exten, { callerId: cidOf(call), priority: ch.priority });
  const recorded = call.fresh || ch.priority === 1 ? record(run, call, r) : -1;
  call.fresh = false;
  if (r.result !== 'match') return { found: false, res: -1 };
  if (++run.steps > MAX_STEPS) {
    run.note(`The simulation stopped after ${MAX_STEPS} steps: the call goes round a loop or down a very long chain.`);
    return { found: true, res: LOOP_CUT };
  }
  const key = `${call.pbx.name}\u0000${ch.context}\u0000${r.extension.name}\u0000${ch.priority}`;
  const n = (run.repeats.get(key) ?? 0) + 1;
  run.repeats.set(key, n);
  if (n > MAX_REPEATS) {
    run.note(`The simulation stopped: ${r.extension.name},${ch.priority} in '${ch.context}' ran ${MAX_REPEATS} times, a loop that only a live call's values could end.`);
    return { found: true, res: LOOP_CUT };
  }
  const p = r.priority;
  // one the PBX's version removed, or whose module modules.conf does not load, is no application either
  const app = applicationAbsence(plan, p.app) ? undefined : findApplication(p.app);
  if (!app) {
    const message = `No application '${p.app}' for extension (${ch.context}, ${ch.exten}, ${ch.priority})`;
    run.log('WARNING', 'pbx.c', message);
    call.error = message;
    call.errorAt = { file: p.file, line: p.statement.statement.line + 1 };
    return { found: true, res: -1 };
  }
  const data = substitute(p.data, call, run);
  const before = call.lastHop;
  const hop = run.hop(call, r.extension, p, app.name, data.text);
  call.lastHop = hop;
  // ${EXTEN} changed since this channel's last step: a jump to another extension (never the `h` that ends it)
  if (before && before.exten !== ch.exten && !call.hangingUp) run.result.rewrites.push({ from: before.exten, to: ch.exten, how: `${before.app}(${before.data}) to ${ch.exten}@${ch.context}`, hop: run.result.hops.length - 1 });
  if (recorded >= 0) hop.match = recorded;
  call.error = undefined;
  const res = app.run(context(run, call, app.name, data.text, data.unknown, hop));
  // an application that failed ends the run with the warning or error it logged; one that hung up on purpose
  // (Hangup, Busy, a Dial answered and over) ends it as a hangup
  if (res !== 0 && call.error === undefined && res !== MACRO_EXIT && !isKey(res) && !call.hungUp) call.error = run.lastProblem(hop);
  return { found: true, res };
}

/** What an application sees of the walk. */
/** An application the PBX has (pbx_findapp): one its version removed or its modules.conf does not load is none. */
function present(call: Call, name: string): ReturnType<typeof findApplication> {
  const plan = call.pbx.dialplan;
  return plan && applicationAbsence(plan, name) ? undefined : findApplication(name);
}

export function context(run: Run, call: Call, app: string, data: string, unknown: string[], hop: AppContext['hop']): AppContext {
  const { ch } = call;
  const x: AppContext = {
    run,
    call,
    ch,
    plan: call.pbx.dialplan!,
    app,
    data,
    unknown,
    hop,
    note: (text) => {
      if (hop) hop.note = hop.note ? `${hop.note} ${text}` : text;
    },
    exists: (c, e, pr) => exists(run, call, c, e, pr),
    canMatch: (c, e) => matches(run, call, c, e, 'canmatch'),
    matchMore: (c, e) => matches(run, call, c, e, 'matchmore'),
    goto: (text) => parseableGoto(run, call, text),
    exec: (name, args) => {
      const inner = present(call, name);
      if (!inner) return -1;
      return inner.run({ ...x, app: inner.name, data: args });
    },
    hasApp: (name) => present(call, name) !== undefined,
    spawn: () => spawn(run, call),
    condition: (text, label) => {
      if (unknown.length === 0) return checkCondition(text);
      return run.decide(`${label}: ${unknown.join(', ')}`, ['true', 'false'], 0) === 'true';
    },
    setVar: (name, value, from = []) => (value === undefined ? ch.vars.set(name, undefined) : setVariable(call, run, name, value, from)),
    substitute: (text) => substitute(text, call, run).text,
    waitDigit: (ms) => waitDigit(call, ms),
    prompt: (what, context = ch.context) => {
      if (call.keys !== '') return;
      const given = run.nextDigits();
      const options = keysAccepted(run, call, context);
      const none = 'none (a timeout)';
      const choice = run.decide(`the caller's keys at ${what}`, given === undefined ? [none, ...options] : [given === '' ? none : given], 0, given === undefined ? undefined : 0);
      call.keys = choice === none ? '' : choice;
    },
  };
  return x;
}

/**
 * pbx_parseable_goto with pbx_parse_location: `[[context,]exten,]priority`, a label (looked up from this
 * channel), `+n`/`-n` relative to the current priority. The channel lands one priority before the target, which
 * the PBX loop adds back (AST_FLAG_IN_AUTOLOOP).
 */
export function parseableGoto(run: Run, call: Call, text: string): number {
  const { ch } = call;
  if (text === '') {
    run.log('WARNING', 'pbx.c', 'Goto requires an argument ([[context,]extension,]priority)');
    return -1;
  }
  // strsep: context, exten, priority; with fewer parts the last one is the priority
  const parts = text.split(',');
  const [context, exten, pri] = parts.length >= 3 ? [parts[0], parts[1], parts[2]] : parts.length === 2 ? [undefined, parts[0], parts[1]] : [undefined, undefined, parts[0]];
  let mode = 0;
  let p = pri;
  if (p.startsWith('+')) [mode, p] = [1, p.slice(1)];
  else if (p.startsWith('-')) [mode, p] = [-1, p.slice(1)];
  let priority = /^\s*[+-]?\d+$/.test(p) ? parseInt(p, 10) : NaN;
  if (Number.isNaN(priority)) {
    const c = context || ch.context;
    const e = exten || ch.exten;
    priority = findLabel(run, call, c, e, p);
    if (priority < 1) {
      run.log('WARNING', 'pbx.c', `Priority '${p}' must be a number > 0, or valid label`);
      return -1;
    }
    mode = 0;
  }
  if (mode !== 0) priority = ch.priority + priority * mode;
  if (context) ch.context = context;
  if (exten) ch.exten = exten;
  if (priority > -1) ch.priority = priority - 1;
  call.fresh = true;
  return 0;
}

/** ast_findlabel_extension: the priority of a label in the first extension matching `exten` that has it. */
export function findLabel(run: Run, call: Call, context: string, exten: string, label: string): number {
  const plan = call.pbx.dialplan!;
  const r = run.lookup(plan, context, exten, { callerId: cidOf(call), label });
  if (r.result === 'match') return r.priority.priority;
  if (r.result === 'no-context') run.log('NOTICE', 'pbx.c', `Cannot find extension context '${context}'`);
  else if (r.result === 'no-extension') run.log('NOTICE', 'pbx.c', `Cannot find extension '${exten}' in context '${context}'`);
  else run.log('NOTICE', 'pbx.c', `No such label '${label}' in extension '${exten}' in context '${context}'`);
  return -1;
}
