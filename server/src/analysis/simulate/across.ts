// Channels that start on the way: the dialed one, a Local channel, the far side of a trunk; and IvozProvider
// companies, which route a number themselves (an internal extension first, then the friends by priority, then
// outside). A channel whose extension does not exist never runs: a Local channel fails to be created ("No such
// extension/context"), a SIP or PJSIP INVITE is answered 404, or 484 when a longer number could still match.
import type { Pbx } from '../../model/pbx';
import type { Located } from '../../model/sip';
import { lineAndCharacter } from '../../parser/lines';
import type { Outcome, OutcomeKind, Place } from '../../protocol';
import { friendLinks } from '../trunks/ivozPairing';
import type { Caller } from './channel';
import { Channel, VarList } from './channel';
import type { Call, Run } from './run';
import type { RunEnd } from './walk';
import { record } from './lookups';
import { runChannel } from './walk';

export function outcome(kind: OutcomeKind, pbx: Pbx, context: string | null, extension: string | null, reason: string, place: Partial<Place> = {}, sipStatus: number | null = null): Outcome {
  return { kind, pbx: pbx.name, context, extension, sipStatus, reason, ...place };
}

export function placeOf(run: Run, at: Located | null): Partial<Place> {
  if (!at) return {};
  const doc = run.workspace.document(at.file);
  if (!doc) return { file: at.file };
  return { file: at.file, line: lineAndCharacter(doc.lineStarts, at.start).line + 1 };
}

/** The globals of each PBX's dialplan, shared by every channel of the simulation there (GLOBAL() writes them). */
const globalsOf = (run: Run, pbx: Pbx): VarList => {
  let list = run.globals.get(pbx.name);
  if (!list) {
    list = new VarList();
    for (const [k, v] of [...(pbx.dialplan?.globals ?? new Map<string, string>())].reverse()) list.push(k, v);
    run.globals.set(pbx.name, list);
  }
  return list;
};

export function newCall(run: Run, pbx: Pbx, context: string, exten: string, caller: Partial<Caller>, tech: string): Call {
  const { name, uniqueId } = run.channelName(tech === 'Local' ? `Local/${exten}@${context}` : tech);
  const ch = new Channel(name, uniqueId, { context, exten }, caller, globalsOf(run, pbx));
  return { pbx, ch, fresh: true, hangingUp: false, hungUp: false, reached: null, keys: '' };
}

export interface Started {
  call: Call;
  /** How its run ended; null when it never ran (no such context or extension). */
  end: RunEnd | null;
  /** Why it never ran: the first lookup's result. */
  refused: 'no-context' | 'no-extension' | 'no-priority' | null;
}

/** Starts a channel where a call enters a PBX, and runs it to its end (and its `h`), when its extension exists. */
export function start(run: Run, call: Call): Started {
  const plan = call.pbx.dialplan;
  if (!plan) return { call, end: null, refused: 'no-context' };
  const { ch } = call;
  const first = run.lookup(plan, ch.context, ch.exten, { callerId: ch.caller.number, priority: 1 });
  if (first.result !== 'match') {
    record(run, call, first);
    run.log('NOTICE', 'core_local.c', `No such extension/context ${ch.exten}@${ch.context} while calling Local channel`);
    return { call, end: null, refused: first.result };
  }
  return { call, end: runChannel(run, call), refused: null };
}

/** A call arrives on another PBX through a trunk: refused as that PBX answers (404, 484), or run there. */
export function arrive(run: Run, to: Pbx, context: string, number: string, caller: Partial<Caller>, tech: string, at: Partial<Place>): Started | Outcome {
  const plan = to.dialplan;
  if (!plan || !plan.contexts.has(context)) {
    return { kind: 'rejected', pbx: to.name, context, extension: number, sipStatus: 404, reason: `${to.name} refuses the call: its peer's context '${context}' does not exist ("rejected because extension not found in context '${context}'"), 404 Not Found.`, ...at };
  }
  const r = run.lookup(plan, context, number, { callerId: caller.number ?? null });
  if (r.result !== 'match') {
    const more = run.lookup(plan, context, number, { callerId: caller.number ?? null, mode: 'matchmore' });
    if (more.result === 'match') {
      return { kind: 'rejected', pbx: to.name, context, extension: number, sipStatus: 484, reason: `${to.name} answers 484 Address Incomplete: ${number} could still match a longer pattern (${more.extension.name}) in '${context}'.`, ...at };
    }
    return { kind: 'rejected', pbx: to.name, context, extension: number, sipStatus: 404, reason: `${to.name} refuses the call: nothing in '${context}' matches ${number}, 404 Not Found.`, ...at };
  }
  return start(run, newCall(run, to, context, number, caller, tech));
}

/** How a channel's run ended, as an outcome: what it reached, else how it ended. */
export function finalOutcome(run: Run, s: Started): Outcome {
  const { call } = s;
  const { ch, pbx } = call;
  if (call.reached) return call.reached;
  if (s.refused) {
    const reason =
      s.refused === 'no-context'
        ? `There is no context '${ch.context}' on ${pbx.name}: the call fails.`
        : s.refused === 'no-priority'
          ? `An extension matches ${ch.exten} in '${ch.context}' but has no priority 1: Asterisk skips it and finds nothing else, so the call fails.`
          : `Nothing in '${ch.context}' or its includes matches ${ch.exten}: the call fails.`;
    return outcome(s.refused, pbx, ch.context, ch.exten, reason);
  }
  if (run.failed) return run.failed;
  const end = s.end!;
  const where = call.hStart !== undefined ? run.result.hops[call.hStart - 1] : run.result.hops.filter((h) => h.channel === ch.name).at(-1);
  const at = call.errorAt ?? (where?.file ? { file: where.file, line: where.line! } : {});
  const lastContext = where?.context ?? ch.context;
  const lastExten = where?.exten ?? ch.exten;
  let why: string;
  if (end.cut) why = run.result.notes.at(-1) ?? 'The simulation stopped a loop.';
  else if (end.end === 'hangup') why = `The call is hung up at ${lastExten},${where?.priority ?? ch.priority} in '${lastContext}'${ch.hangupCause ? ` (cause ${ch.hangupCause})` : ''}.`;
  else if (end.end === 'no-priority') why = `The priorities of ${lastExten} in '${lastContext}' ran out: ${pbx.dialplan?.autofallthrough === false ? 'with autofallthrough=no the call waits for the response timeout and ends without a t extension' : 'with autofallthrough=yes (the default) Asterisk ends the call'}.`;
  else if (end.end === 'invalid-extension') {
    // where the call was sent: a context or an extension that does not exist
    const place = call.invalid ?? { context: ch.context, exten: ch.exten };
    const missing = pbx.dialplan?.contexts.has(place.context) ? 'no-extension' : 'no-context';
    const what = missing === 'no-context' ? `the context '${place.context}', which does not exist` : `${place.exten} in '${place.context}', which matches no extension`;
    return outcome(missing, pbx, place.context, place.exten, `The call was sent to ${what}, and no 'i' extension catches it: Asterisk ends the call ("sent to invalid extension").`, at);
  }
  else why = `Asterisk ends the call: "${end.end}".`;
  // answered by the dialplan (an announcement, a menu): reached, unless only an error handler (i, t, e) answered
  if (call.tone) why = `${why} The caller hears the ${call.tone} tone.`;
  if (ch.answered && !end.cut && !call.tone && !['i', 't', 'e'].includes(lastExten)) return outcome('extension', pbx, lastContext, lastExten, `Answered by extension ${lastExten} in '${lastContext}' on ${pbx.name}. ${why}`, at);
  return outcome('hangup', pbx, lastContext, lastExten, why, at);
}

/** IvozProvider: internal extension first, then friends by priority (first matching pattern), then outside. */
export function companyRoute(run: Run, pbx: Pbx, number: string, caller: Partial<Caller>): Outcome {
  const company = pbx.company;
  if (!company) return outcome('external', pbx, null, number, `${pbx.name} is not an IvozProvider company.`);
  if (company.extensions.includes(number)) {
    return { ...outcome('extension', pbx, null, number, `${number} is an internal extension of ${company.name || pbx.name}: internal extensions come before friends.`), ...placeOf(run, company.domain?.at ?? null) };
  }
  const friends = [...company.friends].filter((f) => f.priority !== null).sort((a, b) => a.priority!.value - b.priority!.value);
  for (const friend of friends) {
    const pattern = friend.patterns.find((pt) => typeof pt.regex !== 'string' && pt.regex.test(number));
    if (!pattern) continue;
    const why = `friend '${friend.name}' is the first friend (priority ${friend.priority!.value}) whose pattern ${pattern.text} matches ${number}`;
    const link = friendLinks(run.pbxs).find((l) => l.company === pbx && l.friend === friend && l.peer);
    if (link?.peer && link.from.dialplan) {
      run.note(`${pbx.name}: ${why}; that friend is ${link.from.name}, an Asterisk of the workspace.`);
      const s = start(run, newCall(run, link.from, link.peer.context.name, number, caller, `SIP/${link.peer.name}`));
      return finalOutcome(run, s);
    }
    return { ...outcome('friend', pbx, null, number, `${pbx.name} sends the call to friend '${friend.name}': ${why}.`), ...placeOf(run, pattern.at) };
  }
  return outcome('external', pbx, null, number, `${number} is no internal extension of ${company.name || pbx.name} and no friend's pattern matches it: it goes out as an external call.`);
}
