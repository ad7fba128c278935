// "Simulate dial": follows a dialed number the way Asterisk runs a call (conformance/README.md, "How a call walks
// the dialplan"). Every priority is looked up again from scratch by (context, number, caller ID, priority), so the
// next step may come from another pattern or an included context; applications are walked symbolically: Set of
// known values, Goto/GotoIf/GotoIfTime, Gosub/Return, Macro, Dial (to phones, Local channels, trunks to the other
// PBXs of the workspace, IvozProvider companies), and the applications that end a call. A condition whose value
// a live call would know (DIALSTATUS, a database) is followed both ways: the main path takes the true branch and a
// note says where the other goes. Steps are bounded, so a loop ends with a note instead of hanging.
import type { Extension, Priority } from '../../model/dialplan';
import { PRIORITY_HINT } from '../../model/dialplan';
import { matchExtension } from '../../model/extensionName';
import type { LookupResult } from '../../model/matcher';
import { lookup, summarize } from '../../model/matcher';
import type { Pbx } from '../../model/pbx';
import { pbxsOf } from '../../model/pbx';
import { objectOf, option } from '../../model/pjsip';
import type { Located } from '../../model/sip';
import { isOpen, parseTiming } from '../../model/timing';
import type { Workspace } from '../../model/workspace';
import { lineAndCharacter } from '../../parser/lines';
import type { Candidate, Hop, MatchStep, Origin, Outcome, OutcomeKind, Place, SimulateDialResult } from '../../protocol';
import { splitTop } from '../targets';
import { friendLinks } from '../trunks/ivozPairing';
import type { Destination } from './devices';
import { destination } from './devices';
import { truthy } from './expression';
import type { Channel } from './variables';
import { assign, substitute } from './variables';

export interface SimulateOptions {
  number: string;
  from: Origin;
  callerId?: string | null;
  /** When timed includes and GotoIfTime are evaluated (default: now). */
  when?: Date;
}

/** Steps in all (every priority run, on every PBX) before the simulation stops: a loop or a very long chain. */
export const MAX_STEPS = 2000;
/** Times one line may run before the simulation calls it a loop. */
const MAX_REPEATS = 25;
/** Unknown conditions whose other branch is followed too (deeper ones are only named). */
const MAX_BRANCH_DEPTH = 2;

interface Frame {
  kind: 'gosub' | 'macro';
  context: string;
  exten: string;
  priority: number;
  vars: Map<string, string>;
}

interface Walk {
  workspace: Workspace;
  pbxs: Pbx[];
  when: Date;
  result: SimulateDialResult;
  steps: number;
  repeats: Map<string, number>;
  /** Side paths (the other branch of an unknown condition) record no hops of their own. */
  depth: number;
  /** The call the walk is on (the first PBX's until a trunk or Local channel takes it elsewhere). */
  last: Call | null;
}

/** A call on one PBX: its channel, the Gosub/Macro frames, and whether it was answered. */
interface Call {
  pbx: Pbx;
  ch: Channel;
  frames: Frame[];
  answered: boolean;
  /** The next lookup is a fresh one (after a jump): it is recorded with its candidates. */
  fresh: boolean;
  /** Reached by a Goto/Gosub (an `i` extension then catches a missing extension). */
  jumped: boolean;
}

type Step = { next: 'continue' } | { next: 'jump'; context?: string; exten?: string; priority?: number; label?: string; why: string } | { next: 'end'; outcome: Outcome };

export function simulate(workspace: Workspace, o: SimulateOptions): SimulateDialResult {
  const pbxs = pbxsOf(workspace);
  const result: SimulateDialResult = {
    number: o.number,
    from: { pbx: '', context: '' },
    match: { result: 'no-context' },
    matches: [],
    hops: [],
    rewrites: [],
    notes: [],
    outcome: { kind: 'no-context', pbx: '', context: null, extension: null, sipStatus: null, reason: '' },
  };
  const w: Walk = { workspace, pbxs, when: o.when ?? new Date(), result, steps: 0, repeats: new Map(), depth: 0, last: null };
  const start = resolveOrigin(pbxs, o.from);
  if ('error' in start) {
    result.outcome = { kind: 'no-context', pbx: o.from.pbx ?? '', context: o.from.kind === 'context' ? o.from.name : null, extension: null, sipStatus: null, reason: start.error };
    return result;
  }
  result.from = { pbx: start.pbx.name, context: start.context ?? '' };
  if (start.note) result.notes.push(start.note);
  if (start.context === null) {
    result.outcome = companyRoute(w, start.pbx, o.number, o.callerId ?? null);
    result.match = { result: result.outcome.kind === 'extension' || result.outcome.kind === 'friend' ? 'match' : 'no-extension' };
    return result;
  }
  const first = newCall(start.pbx, start.context, o.number, o.callerId ?? null);
  result.outcome = run(w, first);
  hangupNotes(w, first);
  // a device string may carry a secret (IAX2/user:secret@host): it never reaches a view, a log or a test snapshot
  result.outcome.reason = hideSecrets(result.outcome.reason);
  result.notes = result.notes.map(hideSecrets);
  for (const h of result.hops) h.note = hideSecrets(h.note);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Where the call starts

type Start = { pbx: Pbx; context: string | null; note?: string };

/** Where a call from this origin starts on one PBX, or null when that PBX has no such origin. */
function startOn(pbx: Pbx, from: Origin): Start | null {
  switch (from.kind) {
    case 'context':
      return pbx.dialplan?.contexts.has(from.name) ? { pbx, context: from.name } : null;
    case 'peer':
    case 'user': {
      const peer = pbx.sip?.peers.get(from.name);
      if (!peer) return null;
      return { pbx, context: peer.context.name, note: `A call from ${peer.type} '${peer.name}' starts in its context '${peer.context.name}'${peer.context.from === 'peer' ? '' : ` (from ${peer.context.from === 'general' ? '[general]' : "chan_sip's default"})`}.` };
    }
    case 'endpoint': {
      const e = pbx.pjsip ? objectOf(pbx.pjsip, 'endpoint', from.name) : undefined;
      if (!e) return null;
      const ctx = option(e, 'context')?.text ?? 'default';
      return { pbx, context: ctx, note: `A call from endpoint '${e.id}' starts in its context '${ctx}'.` };
    }
    case 'friend': {
      const friend = pbx.company?.friends.find((f) => f.name === from.name);
      if (!friend) return null;
      return { pbx, context: null, note: `A call from friend '${friend.name}' is routed by ${pbx.name}: an internal extension first, then the friends in priority order, then outside.` };
    }
  }
}

/** The PBXs (folder names) that have this origin: more than one means `from` must name its PBX. */
export function originPbxs(workspace: Workspace, from: Origin): string[] {
  const pbxs = pbxsOf(workspace);
  const named = from.pbx !== undefined && from.pbx !== '' ? pbxs.filter((p) => p.name === from.pbx) : pbxs;
  return named.filter((p) => startOn(p, from) !== null).map((p) => p.name);
}

/**
 * The PBX and context a call from this origin starts in. An origin that no PBX has, or that several have when
 * `from` names none, is an error: the call is never routed through a PBX that merely happens to come first.
 */
function resolveOrigin(pbxs: Pbx[], from: Origin): Start | { error: string } {
  if (pbxs.length === 0) return { error: 'There is no PBX in the workspace: no folder holds extensions.conf, sip.conf, pjsip.conf or ivozprovider.conf.' };
  const named = from.pbx !== undefined && from.pbx !== '' ? pbxs.filter((p) => p.name === from.pbx) : pbxs;
  if (named.length === 0) return { error: `No PBX named '${from.pbx}' in the workspace (PBXs: ${pbxs.map((p) => p.name).join(', ') || 'none'}).` };
  const what = from.kind === 'context' ? `context '${from.name}'` : `${from.kind} '${from.name}'`;
  const starts = named.map((p) => startOn(p, from)).filter((s): s is Start => s !== null);
  if (starts.length === 1) return starts[0];
  if (starts.length > 1) {
    const choices = starts.map((s) => `${s.pbx.name}:${from.kind === 'context' ? '' : from.kind + ':'}${from.name}`);
    return { error: `Several PBXs have ${what}: ${starts.map((s) => s.pbx.name).join(', ')}. Name the one the call starts on: ${choices.join(' or ')}.` };
  }
  const searched = named.map((p) => p.name).join(', ');
  return { error: `There is no ${what} on ${named.length === 1 ? searched : `any of ${searched}`}: Asterisk would answer "${from.kind === 'context' ? 'no such context' : 'no such ' + from.kind}".` };
}

function newCall(pbx: Pbx, context: string, exten: string, callerId: string | null): Call {
  return {
    pbx,
    ch: { exten, context, priority: 1, callerId, callerName: null, vars: new Map(), globals: pbx.dialplan?.globals ?? new Map() },
    frames: [],
    answered: false,
    fresh: true,
    jumped: false,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Places

function placeOf(w: Walk, at: Located | null): Partial<Place> {
  if (!at) return {};
  const doc = w.workspace.document(at.file);
  if (!doc) return { file: at.file };
  return { file: at.file, line: lineAndCharacter(doc.lineStarts, at.start).line + 1 };
}

function priorityPlace(p: Priority): Place {
  return { file: p.file, line: p.statement.statement.line + 1 };
}

function outcome(kind: OutcomeKind, pbx: Pbx, context: string | null, extension: string | null, reason: string, place: Partial<Place> = {}, sipStatus: number | null = null): Outcome {
  return { kind, pbx: pbx.name, context, extension, sipStatus, reason, ...place };
}

// ---------------------------------------------------------------------------------------------------------------
// The walk

function run(w: Walk, call: Call): Outcome {
  const { ch } = call;
  if (w.depth === 0) w.last = call;
  for (;;) {
    const plan = call.pbx.dialplan;
    if (!plan) return outcome('no-context', call.pbx, ch.context, ch.exten, `${call.pbx.name} has no dialplan (extensions.conf).`);
    if (++w.steps > MAX_STEPS) return stop(w, call, `The simulation stopped after ${MAX_STEPS} steps: the call goes round a loop or down a very long chain.`);
    const r = lookup(plan, ch.context, ch.exten, { callerId: ch.callerId, priority: ch.priority, when: w.when });
    if (call.fresh) record(w, call, r);
    if (r.result !== 'match') {
      const missing = notFound(w, call, r);
      if ('priority' in missing) {
        Object.assign(ch, missing);
        continue;
      }
      return missing;
    }
    call.fresh = false;
    const key = `${call.pbx.name}\u0000${ch.context}\u0000${r.extension.name}\u0000${ch.priority}`;
    const n = (w.repeats.get(key) ?? 0) + 1;
    w.repeats.set(key, n);
    if (n > MAX_REPEATS) return stop(w, call, `The simulation stopped: ${r.extension.name},${ch.priority} in '${ch.context}' ran ${MAX_REPEATS} times, a loop that only a live call's values could end.`);
    const hop = addHop(w, call, r.extension, r.priority);
    const step = execute(w, call, r.priority, hop);
    if (step.next === 'end') return step.outcome;
    if (step.next === 'continue') {
      ch.priority++;
      continue;
    }
    const target = jump(w, call, step);
    if (target !== null) return target;
  }
}

/**
 * When a call ends (hung up, priorities run out, Dial failed and the dialplan ended), Asterisk runs the `h`
 * extension of the context the channel is in, includes and patterns counted; a context without one runs nothing.
 */
function hangupNotes(w: Walk, first: Call): void {
  const calls = w.last && w.last !== first ? [first, w.last] : [first];
  for (const call of calls) {
    // a call that ran no line (no such extension, a far side that refused it) has no h to run
    if (!w.result.hops.some((h) => h.pbx === call.pbx.name)) continue;
    const plan = call.pbx.dialplan;
    if (!plan?.contexts.has(call.ch.context)) continue;
    const h = lookup(plan, call.ch.context, 'h', { callerId: call.ch.callerId, when: w.when });
    if (h.result !== 'match') continue;
    const at = priorityPlace(h.priority);
    w.result.notes.push(`When the call ends on ${call.pbx.name}, Asterisk runs h in '${call.ch.context}'${h.foundIn.name !== call.ch.context ? ` (found in '${h.foundIn.name}')` : ''}: ${h.priority.app}(${h.priority.data}) at ${at.file.split('/').slice(-2).join('/')}:${at.line}.`);
  }
}

function stop(w: Walk, call: Call, why: string): Outcome {
  w.result.notes.push(why);
  return outcome('hangup', call.pbx, call.ch.context, call.ch.exten, why);
}

/**
 * The candidates shown for a lookup: in the context the search started in and in the one it was found in, every
 * entry that matches the number, in the matcher's order, with what became of it. (The matcher itself may weigh
 * thousands of entries down a long include chain; those that cannot match say nothing.)
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
      else if (e.cidExten !== null && e.cidExten !== (ch.callerId ?? '') && matchExtension(e.cidExten, ch.callerId ?? '', 'match') === 0) outcome = 'caller-id';
      else if (!e.priorities.has(ch.priority)) outcome = 'no-priority';
      else outcome = 'ranked-lower';
      out.push({ context: name, extension: e.cid === null ? e.name : `${e.name}/${e.cid}`, outcome, ...priorityPlace(candidateLine(e, ch.priority, r)) });
    }
  }
  return out;
}

/**
 * The line a candidate links to: the priority that runs for the chosen one; for the others the priority looked up,
 * else their lowest. Never a `hint` line, which is no step of a call (their first line often is the hint).
 */
function candidateLine(e: Extension, priority: number, r: LookupResult): Priority {
  if (r.result === 'match' && e === r.extension) return r.priority;
  const steps = [...e.priorities.keys()].filter((k) => k !== PRIORITY_HINT);
  return e.priorities.get(priority) ?? (steps.length > 0 ? e.priorities.get(Math.min(...steps))! : e.first);
}

function record(w: Walk, call: Call, r: LookupResult): void {
  if (w.depth > 0) return;
  const { ch } = call;
  const candidates = candidatesOf(call, r);
  const searched = r.visited.length > 1 ? ` (${r.visited.length} contexts searched through includes)` : '';
  let why: string;
  if (r.result === 'match') {
    const lost = candidates.filter((c) => c.outcome === 'ranked-lower').map((c) => c.extension);
    why = winnerWhy(r.extension, r.foundIn.name, ch.context, lost, ch.exten);
  } else why = r.result === 'no-context' ? `There is no context '${ch.context}'.` : r.result === 'no-priority' ? `Extensions match ${ch.exten} but none has priority ${ch.priority}${searched}.` : `Nothing in '${ch.context}' or its includes matches ${ch.exten}${searched}.`;
  if (w.result.matches.length === 0) w.result.match = { ...summarize(r), ...(r.result === 'match' ? { file: r.priority.file } : {}) };
  const step: MatchStep = {
    pbx: call.pbx.name,
    context: ch.context,
    number: ch.exten,
    callerId: ch.callerId,
    result: r.result,
    extension: r.result === 'match' ? r.extension.name : null,
    foundIn: r.result === 'match' ? r.foundIn.name : null,
    candidates,
    why,
  };
  w.result.matches.push(step);
}

function winnerWhy(e: Extension, foundIn: string, context: string, lost: string[], number: string): string {
  const where = foundIn === context ? `'${context}'` : `'${foundIn}' (included from '${context}')`;
  const kind = e.isPattern ? `the pattern ${e.name}` : `the literal ${e.name}`;
  let why = `${kind} in ${where} is the first entry that matches ${number}`;
  if (foundIn !== context) why += `: nothing in '${context}' itself did, and includes are searched in order`;
  if (lost.length > 0) why += `; it ranks before ${lost.join(', ')} (literals first, then patterns compared character by character from the left, the smaller set first)`;
  return `${why}.`;
}

/** No line for the current (context, number, priority): a missing extension, the end of the priorities. */
function notFound(w: Walk, call: Call, r: LookupResult): Outcome | { context: string; exten: string; priority: number } {
  const { ch, pbx } = call;
  const plan = pbx.dialplan!;
  if (ch.priority > 1 && !call.fresh) {
    // the priorities ran out
    const frame = call.frames[call.frames.length - 1];
    if (frame?.kind === 'macro') {
      call.frames.pop();
      w.result.notes.push(`The macro's priorities ran out: back in '${frame.context}' at ${frame.exten},${frame.priority}.`);
      ch.vars = frame.vars;
      return { context: frame.context, exten: frame.exten, priority: frame.priority };
    }
    if (!plan.autofallthrough) {
      return outcome('hangup', pbx, ch.context, ch.exten, `The priorities of ${ch.exten} ran out and autofallthrough=no: the call waits for the response timeout, then goes to the 't' extension.`);
    }
    return ended(call, `The priorities of ${ch.exten} in '${ch.context}' ran out: with autofallthrough=yes (the default) Asterisk ends the call.`);
  }
  if (call.jumped && r.result === 'no-extension') {
    const invalid = lookup(plan, ch.context, 'i', { callerId: ch.callerId, when: w.when });
    if (invalid.result === 'match') {
      w.result.notes.push(`No extension ${ch.exten} in '${ch.context}': the jump goes to its 'i' (invalid) extension.`);
      call.jumped = false;
      return { context: ch.context, exten: 'i', priority: 1 };
    }
  }
  const kind = r.result === 'no-context' ? 'no-context' : r.result === 'no-priority' ? 'no-priority' : 'no-extension';
  const reason =
    kind === 'no-context'
      ? `There is no context '${ch.context}' on ${pbx.name}: the call fails.`
      : kind === 'no-priority'
        ? `An extension matches ${ch.exten} in '${ch.context}' but has no priority ${ch.priority}: Asterisk skips it and finds nothing else, so the call fails.`
        : `Nothing in '${ch.context}' or its includes matches ${ch.exten} (priority ${ch.priority}): the call fails${call.jumped ? ' (no i extension catches it)' : ''}.`;
  return outcome(kind, pbx, ch.context, ch.exten, reason);
}

/** The call ends normally in its current extension: answered there, or hung up without an answer. */
function ended(call: Call, why: string): Outcome {
  const { ch, pbx } = call;
  return call.answered
    ? outcome('extension', pbx, ch.context, ch.exten, `Answered by extension ${ch.exten} in '${ch.context}' on ${pbx.name}. ${why}`)
    : outcome('hangup', pbx, ch.context, ch.exten, why);
}

function addHop(w: Walk, call: Call, e: Extension, p: Priority): Hop {
  const { ch } = call;
  const data = substitute(p.data, ch).text;
  const hop: Hop = { pbx: call.pbx.name, context: ch.context, extension: e.cid === null ? e.name : `${e.name}/${e.cid}`, priority: ch.priority, ...priorityPlace(p), app: p.app, data: hideSecrets(data), note: '' };
  if (w.depth === 0) {
    if (w.result.matches.length > 0 && ch.priority === 1) hop.match = w.result.matches.length - 1;
    w.result.hops.push(hop);
  }
  return hop;
}

/** IAX2/user:secret@host and the like: a secret in a device string is never shown. */
function hideSecrets(text: string): string {
  return text.replace(/(\b(?:IAX2|SIP|PJSIP)\/[^/:@&,]+):[^@&,/]+@/gi, '$1:********@');
}

// ---------------------------------------------------------------------------------------------------------------
// Applications

function execute(w: Walk, call: Call, p: Priority, hop: Hop): Step {
  const { ch } = call;
  const app = p.app.toLowerCase();
  const sub = (text: string): { text: string; unknown: string[] } => substitute(text, ch);
  const args = splitTop(p.data, ',').map((a) => a.text);
  switch (app) {
    case 'answer':
      call.answered = true;
      hop.note = 'Answers the call.';
      return { next: 'continue' };
    case 'set':
    case 'mset': {
      for (const a of app === 'set' ? [p.data] : args) {
        const eq = a.indexOf('=');
        if (eq < 0) continue;
        const value = sub(a.slice(eq + 1));
        assign(ch, sub(a.slice(0, eq)).text, value.text);
        hop.note = value.unknown.length > 0 ? `Sets ${a.slice(0, eq)} from ${value.unknown.join(', ')}, unknown without a live call.` : `Sets ${a.slice(0, eq)} to '${value.text}'.`;
      }
      return { next: 'continue' };
    }
    case 'goto':
      return gotoStep(call, sub(p.data).text, 'Goto', hop);
    case 'gotoif':
    case 'gosubif':
      return conditional(w, call, p.data, app === 'gosubif', hop);
    case 'gotoiftime':
      return timeConditional(w, call, p.data, hop);
    case 'gosub':
      return gosub(call, sub(p.data).text, hop);
    case 'return': {
      const frame = popFrame(call, 'gosub');
      if (!frame) return { next: 'end', outcome: outcome('hangup', call.pbx, ch.context, ch.exten, 'Return() without a Gosub: the call hangs up.', priorityPlace(p)) };
      hop.note = `Returns to '${frame.context}' ${frame.exten},${frame.priority}.`;
      ch.vars = frame.vars;
      return { next: 'jump', context: frame.context, exten: frame.exten, priority: frame.priority, why: 'Return' };
    }
    case 'stackpop':
      popFrame(call, 'gosub');
      return { next: 'continue' };
    case 'macro':
    case 'macroexclusive': {
      const name = sub(args[0] ?? '').text;
      call.frames.push({ kind: 'macro', context: ch.context, exten: ch.exten, priority: ch.priority + 1, vars: new Map(ch.vars) });
      ch.vars.set('MACRO_EXTEN', ch.exten);
      ch.vars.set('MACRO_CONTEXT', ch.context);
      args.slice(1).forEach((a, i) => ch.vars.set(`ARG${i + 1}`, sub(a).text));
      hop.note = `Runs macro-${name} (s,1), then comes back here.`;
      return { next: 'jump', context: `macro-${name}`, exten: 's', priority: 1, why: 'Macro' };
    }
    case 'macroexit': {
      const frame = popFrame(call, 'macro');
      if (!frame) return { next: 'continue' };
      ch.vars = frame.vars;
      return { next: 'jump', context: frame.context, exten: frame.exten, priority: frame.priority, why: 'MacroExit' };
    }
    case 'dial':
      return dial(w, call, p, hop);
    case 'queue':
      return end(call, 'queue', `Waits in queue '${sub(args[0] ?? '').text}' for an agent.`, p, hop);
    case 'voicemail':
      return end(call, 'voicemail', `Goes to voicemail box ${sub(args[0] ?? '').text}${/\bu\b|^u|,u/.test(args[1] ?? '') ? ' (unavailable greeting)' : /b/.test(args[1] ?? '') ? ' (busy greeting)' : ''}.`, p, hop);
    case 'voicemailmain':
      return end(call, 'voicemail', `Enters the voicemail menu${args[0] ? ` of box ${sub(args[0]).text}` : ''}.`, p, hop);
    case 'confbridge':
    case 'meetme':
      return end(call, 'conference', `Joins conference '${sub(args[0] ?? '').text}'.`, p, hop);
    case 'hangup':
    case 'busy':
    case 'congestion': {
      const why = app === 'hangup' ? `Hangup(${sub(p.data).text}) at priority ${ch.priority}` : `${p.app}() signals ${app} and the call ends`;
      hop.note = 'Ends the call.';
      const o = ended(call, `${why}.`);
      return { next: 'end', outcome: { ...o, ...(o.kind === 'hangup' ? priorityPlace(p) : {}) } };
    }
    case 'echo':
    case 'milliwatt':
    case 'musiconhold':
    case 'waitexten':
    case 'park':
      call.answered = true;
      return end(call, 'extension', app === 'waitexten' ? 'Waits for the caller to dial more digits (an IVR menu).' : `Stays in ${p.app}().`, p, hop);
    case 'agi':
    case 'eagi':
    case 'fastagi':
    case 'system':
    case 'trysystem':
      hop.note = `${p.app}() runs a program: never run here; assumed to return.`;
      return { next: 'continue' };
    case 'playback':
    case 'background':
    case 'progress':
    case 'ringing':
    case 'wait':
    case 'noop':
    case 'verbose':
    case 'log':
    case 'read':
    case 'saydigits':
    case 'saynumber':
      if (app === 'background' || app === 'read') call.answered = true;
      return { next: 'continue' };
    default:
      hop.note = `${p.app}() is not simulated: assumed to succeed.`;
      return { next: 'continue' };
  }
}

function end(call: Call, kind: OutcomeKind, reason: string, p: Priority, hop: Hop): Step {
  hop.note = reason;
  return { next: 'end', outcome: outcome(kind, call.pbx, call.ch.context, call.ch.exten, reason, priorityPlace(p)) };
}

function popFrame(call: Call, kind: Frame['kind']): Frame | undefined {
  for (let i = call.frames.length - 1; i >= 0; i--) if (call.frames[i].kind === kind) return call.frames.splice(i)[0];
  return undefined;
}

/** `[[context,]extension,]priority|label` (pbx_parseable_goto), already substituted. */
function parseGoto(text: string): { context?: string; exten?: string; priority?: number; label?: string } | null {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length > 3 || parts.every((s) => s === '')) return null;
  const pri = parts[parts.length - 1].replace(/\(.*$/, '');
  const exten = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  const context = parts.length === 3 ? parts[0] : undefined;
  const number = /^\d+$/.test(pri) ? parseInt(pri, 10) : undefined;
  return { context: context || undefined, exten: exten === '' ? undefined : exten, priority: number, label: number === undefined ? pri : undefined };
}

function gotoStep(call: Call, text: string, app: string, hop: Hop): Step {
  const g = parseGoto(text);
  if (!g) {
    hop.note = `${app}(${text}) names no place: Asterisk logs "Goto requires an argument" and the call ends.`;
    return { next: 'end', outcome: outcome('hangup', call.pbx, call.ch.context, call.ch.exten, hop.note, { file: hop.file, line: hop.line }) };
  }
  hop.note = `Jumps to ${[g.context ?? call.ch.context, g.exten ?? call.ch.exten, g.label ?? g.priority].join(',')}.`;
  return { next: 'jump', ...g, why: app };
}

function gosub(call: Call, text: string, hop: Hop): Step {
  const args = /\(([^)]*)\)\s*$/.exec(text)?.[1];
  const g = parseGoto(text);
  if (!g) return gotoStep(call, text, 'Gosub', hop);
  const { ch } = call;
  call.frames.push({ kind: 'gosub', context: ch.context, exten: ch.exten, priority: ch.priority + 1, vars: new Map(ch.vars) });
  (args?.split(',') ?? []).forEach((a, i) => ch.vars.set(`ARG${i + 1}`, a));
  hop.note = `Calls the subroutine at ${[g.context ?? ch.context, g.exten ?? ch.exten, g.label ?? g.priority].join(',')}, then comes back here.`;
  return { next: 'jump', ...g, why: 'Gosub' };
}

/** GotoIf(cond?then:else) / GosubIf: a known condition picks a branch; an unknown one follows both. */
function conditional(w: Walk, call: Call, data: string, isGosub: boolean, hop: Hop): Step {
  const [cond, branches] = splitTop(data, '?', 2);
  const [yes, no] = splitTop(branches?.text ?? '', ':', 2).map((b) => substitute(b.text, call.ch).text);
  const value = substitute(cond.text, call.ch);
  const take = (branch: string | undefined, why: string): Step => {
    hop.note = why;
    if (branch === undefined || branch.trim() === '') return { next: 'continue' };
    const step = isGosub ? gosub(call, branch, hop) : gotoStep(call, branch, 'GotoIf', hop);
    hop.note = `${why} ${hop.note}`;
    return step;
  };
  if (value.unknown.length === 0) {
    const t = truthy(value.text);
    return take(t ? yes : no, `The condition is ${t ? 'true' : 'false'} ('${value.text}').`);
  }
  const unknown = value.unknown.join(', ');
  side(w, call, no, isGosub, `If ${unknown} makes the condition false`);
  return take(yes, `The condition depends on ${unknown}, unknown without a live call: followed as true (the other branch is in the notes).`);
}

function timeConditional(w: Walk, call: Call, data: string, hop: Hop): Step {
  const [times, branches] = splitTop(data, '?', 2);
  const [yes, no] = splitTop(branches?.text ?? '', ':', 2).map((b) => substitute(b.text, call.ch).text);
  const open = isOpen(parseTiming(substitute(times.text, call.ch).text), w.when);
  const branch = open ? yes : no;
  hop.note = `At ${w.when.toISOString()} the time condition is ${open ? 'met' : 'not met'}.`;
  if (branch === undefined || branch.trim() === '') return { next: 'continue' };
  const step = gotoStep(call, branch, 'GotoIfTime', hop);
  hop.note = `At ${w.when.toISOString()} the time condition is ${open ? 'met' : 'not met'}. ${hop.note}`;
  return step;
}

/** Follows the other branch of an unknown condition on a copy of the call, and says where it leads. */
function side(w: Walk, call: Call, branch: string | undefined, isGosub: boolean, label: string): void {
  if (w.depth >= MAX_BRANCH_DEPTH) {
    w.result.notes.push(`${label}: not followed (too many unknown conditions on this path).`);
    return;
  }
  const copy: Call = { ...call, ch: { ...call.ch, vars: new Map(call.ch.vars) }, frames: call.frames.map((f) => ({ ...f })) };
  const inner: Walk = { ...w, depth: w.depth + 1, result: { ...w.result, notes: [] } };
  let o: Outcome;
  if (branch === undefined || branch.trim() === '') {
    copy.ch.priority++;
    o = run(inner, copy);
  } else {
    const dummy: Hop = { pbx: '', context: '', extension: '', priority: 0, app: '', data: '', note: '' };
    const step = isGosub ? gosub(copy, branch, dummy) : gotoStep(copy, branch, 'GotoIf', dummy);
    o = step.next === 'end' ? step.outcome : (jump(inner, copy, step as Extract<Step, { next: 'jump' }>) ?? run(inner, copy));
  }
  w.steps = inner.steps;
  w.result.notes.push(`${label}, the call goes on at ${branch?.trim() || 'the next priority'}: ${describe(o)}`);
}

export function describe(o: Outcome): string {
  const where = o.context ? ` (${o.extension ?? ''}@${o.context} on ${o.pbx})` : ` (${o.pbx})`;
  return `${o.kind}${o.sipStatus ? ` ${o.sipStatus}` : ''}${where}. ${o.reason}`;
}

/** Moves the call to a jump's target: the next lookup is fresh. Returns an outcome when the jump itself fails. */
function jump(w: Walk, call: Call, step: Extract<Step, { next: 'jump' }>): Outcome | null {
  const { ch } = call;
  const context = step.context ?? ch.context;
  const exten = step.exten ?? ch.exten;
  if (exten !== ch.exten) rewrite(w, ch.exten, exten, `${step.why} to ${exten}@${context}`);
  if (step.label !== undefined) {
    const r = lookup(call.pbx.dialplan!, context, exten, { callerId: ch.callerId, label: step.label, when: w.when });
    if (r.result !== 'match') {
      return outcome('hangup', call.pbx, context, exten, `${step.why} to the label '${step.label}' of ${exten}@${context}, which does not exist: the call ends.`);
    }
    Object.assign(ch, { context, exten, priority: r.priority.priority });
  } else Object.assign(ch, { context, exten, priority: step.priority ?? 1 });
  call.fresh = true;
  call.jumped = true;
  return null;
}

function rewrite(w: Walk, from: string, to: string, how: string): void {
  if (w.depth > 0 || from === to) return;
  w.result.rewrites.push({ from, to, how, hop: w.result.hops.length - 1 });
}

// ---------------------------------------------------------------------------------------------------------------
// Dial: phones, Local channels, trunks, companies

function dial(w: Walk, call: Call, p: Priority, hop: Hop): Step {
  const { ch } = call;
  const args = splitTop(p.data, ',');
  const devices = substitute(args[0]?.text ?? '', ch);
  if (devices.text.trim() === '') {
    hop.note = `Dial has no device${devices.unknown.length ? ` (${devices.unknown.join(', ')} is unknown without a live call)` : ''}: it fails and the dialplan goes on.`;
    return { next: 'continue' };
  }
  const list = devices.text.split('&').map((d) => d.trim()).filter(Boolean);
  if (list.length > 1) w.result.notes.push(`Dial rings ${list.length} devices at once (${list.map(hideSecrets).join(', ')}); the simulation follows the first, ${hideSecrets(list[0])}.`);
  const d = destination(w.pbxs, call.pbx, list[0]);
  const place = (at: Located | null): Partial<Place> => placeOf(w, at);
  const shown = hideSecrets(list[0]);
  const here = (kind: OutcomeKind, reason: string, at: Partial<Place> = priorityPlace(p), status: number | null = null): Step => {
    hop.note = reason;
    return { next: 'end', outcome: outcome(kind, call.pbx, ch.context, ch.exten, reason, at, status) };
  };
  switch (d.kind) {
    case 'phone':
      return here('extension', `Rings ${shown}, a phone of ${call.pbx.name}${args[1] ? ` for ${substitute(args[1].text, ch).text} s` : ''}; if nobody answers, the dialplan goes on at priority ${ch.priority + 1}.`, { ...priorityPlace(p) });
    case 'external':
      return here('external', `Leaves ${call.pbx.name} through ${shown}: ${d.reason}.`, d.at ? place(d.at) : priorityPlace(p));
    case 'cannot-leave':
      w.result.notes.push(`On ${call.pbx.name}, Dial fails (DIALSTATUS=CHANUNAVAIL) and the dialplan goes on at priority ${ch.priority + 1}.`);
      return here('rejected', `The call cannot leave ${call.pbx.name}: ${d.reason}.`, d.at ? place(d.at) : priorityPlace(p));
    case 'refused':
      hop.note = `Sends the call to ${d.to.name} as ${d.number}, which refuses it with ${d.status}.`;
      rewrite(w, ch.exten, d.number, `Dial(${shown}) through the trunk to ${d.to.name}`);
      w.result.notes.push(`On ${call.pbx.name}, Dial fails (DIALSTATUS=CHANUNAVAIL) and the dialplan goes on at priority ${ch.priority + 1}.`);
      return { next: 'end', outcome: { kind: 'rejected', pbx: d.to.name, context: null, extension: null, sipStatus: d.status, reason: `${d.to.name} refuses the call: ${d.reason}.`, ...place(d.at) } };
    case 'local': {
      hop.note = `Dials Local/${d.exten}@${d.context}: a new channel runs that extension.`;
      rewrite(w, ch.exten, d.exten, `Dial(Local/${d.exten}@${d.context})`);
      const local = newCall(call.pbx, d.context, d.exten, ch.callerId);
      return { next: 'end', outcome: run(w, local) };
    }
    case 'company': {
      hop.note = `Sends the call to ${d.to.name} (${d.reason}).`;
      rewrite(w, ch.exten, d.number, `Dial(${shown}) to ${d.to.name}`);
      return { next: 'end', outcome: companyRoute(w, d.to, d.number, ch.callerId) };
    }
    case 'arrives':
      return { next: 'end', outcome: arrive(w, call, d, hop, shown) };
  }
}

/** The call reached another PBX: it refuses what it cannot route (404, 484) or runs its dialplan. */
function arrive(w: Walk, call: Call, d: Extract<Destination, { kind: 'arrives' }>, hop: Hop, shown: string): Outcome {
  const B = d.to;
  hop.note = `Sends the call to ${B.name} as ${d.number}: ${d.reason}.`;
  rewrite(w, call.ch.exten, d.number, `Dial(${shown}) through the trunk to ${B.name}`);
  const plan = B.dialplan;
  const at = placeOf(w, d.at);
  // an INVITE without a caller ID arrives as `anonymous` (conformance README)
  const callerId = call.ch.callerId ?? 'anonymous';
  if (!plan || !plan.contexts.has(d.context)) {
    return { kind: 'rejected', pbx: B.name, context: d.context, extension: d.number, sipStatus: 404, reason: `${B.name} refuses the call: its peer's context '${d.context}' does not exist ("rejected because extension not found in context '${d.context}'"), 404 Not Found.`, ...at };
  }
  const r = lookup(plan, d.context, d.number, { callerId, when: w.when });
  if (r.result !== 'match') {
    const more = lookup(plan, d.context, d.number, { callerId, when: w.when, mode: 'matchmore' });
    if (more.result === 'match') {
      return { kind: 'rejected', pbx: B.name, context: d.context, extension: d.number, sipStatus: 484, reason: `${B.name} answers 484 Address Incomplete: ${d.number} could still match a longer pattern (${more.extension.name}) in '${d.context}'.`, ...at };
    }
    return { kind: 'rejected', pbx: B.name, context: d.context, extension: d.number, sipStatus: 404, reason: `${B.name} refuses the call: nothing in '${d.context}' matches ${d.number}, 404 Not Found.`, ...at };
  }
  return run(w, newCall(B, d.context, d.number, callerId));
}

// ---------------------------------------------------------------------------------------------------------------
// IvozProvider: internal extension first, then friends in priority order, then outside

function companyRoute(w: Walk, pbx: Pbx, number: string, callerId: string | null): Outcome {
  const company = pbx.company;
  if (!company) return outcome('external', pbx, null, number, `${pbx.name} is not an IvozProvider company.`);
  if (company.extensions.includes(number)) {
    return { ...outcome('extension', pbx, null, number, `${number} is an internal extension of ${company.name || pbx.name}: internal extensions come before friends.`), ...placeOf(w, company.domain?.at ?? null) };
  }
  const friends = [...company.friends].filter((f) => f.priority !== null).sort((a, b) => a.priority!.value - b.priority!.value);
  for (const friend of friends) {
    const pattern = friend.patterns.find((pt) => typeof pt.regex !== 'string' && pt.regex.test(number));
    if (!pattern) continue;
    const why = `friend '${friend.name}' is the first friend (priority ${friend.priority!.value}) whose pattern ${pattern.text} matches ${number}`;
    const link = friendLinks(w.pbxs).find((l) => l.company === pbx && l.friend === friend && l.peer);
    if (link?.peer && link.from.dialplan) {
      w.result.notes.push(`${pbx.name}: ${why}; that friend is ${link.from.name}, an Asterisk of the workspace.`);
      return run(w, newCall(link.from, link.peer.context.name, number, callerId));
    }
    return { ...outcome('friend', pbx, null, number, `${pbx.name} sends the call to friend '${friend.name}': ${why}.`), ...placeOf(w, pattern.at) };
  }
  return outcome('external', pbx, null, number, `${number} is no internal extension of ${company.name || pbx.name} and no friend's pattern matches it: it goes out as an external call.`);
}
