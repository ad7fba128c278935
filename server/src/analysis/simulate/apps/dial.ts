// Dial (apps/app_dial.c) and the applications where a call meets someone (app_queue, app_voicemail,
// app_confbridge, app_meetme, app_echo...). Where a device sends the call comes from devices.ts: a phone of this
// PBX, a Local channel (run here), a trunk to another PBX of the workspace (whose verdict and dialplan are run), an
// IvozProvider company, the outside. Whether a phone or the outside answers is what a live call alone knows: the
// inputs say it (`--dial-status`), else the simulation takes ANSWER and says so. An answered call ends when someone
// hangs up (Dial returns -1, then `h` runs) unless the `g` option; any other status goes on with the next priority.
import type { Outcome, OutcomeKind } from '../../../protocol';
import { DIAL_STATUSES } from '../../../protocol';
import { companyRoute, finalOutcome, newCall, outcome, placeOf, start } from '../across';
import type { Started } from '../across';
import { separateArgs } from '../cstring';
import { destination } from '../devices';
import { crossTrunk } from '../trunk';
import { CAUSE_BUSY, CAUSE_CONGESTION, CAUSE_NORMAL_CLEARING } from './builtins';
import type { Application, AppContext } from './types';

/** IAX2/user:secret@host and the like: a secret in a device string is never shown. */
export function hideSecrets(text: string): string {
  return text.replace(/(\b(?:IAX2|SIP|PJSIP)\/[^/:@&,]+):[^@&,/]+@/gi, '$1:********@');
}

/** The status of a Dial nobody knows the answer to: from the inputs, else ANSWER (a decision of all paths). */
function dialStatus(x: AppContext, what: string): string {
  const given = x.run.nextDialStatus();
  const index = given === undefined ? undefined : DIAL_STATUSES.indexOf(given as (typeof DIAL_STATUSES)[number]);
  return x.run.decide(`DIALSTATUS of ${what}`, [...DIAL_STATUSES], 0, index === undefined || index < 0 ? undefined : index);
}

/** The argument of a Dial option letter (`b(ctx^s^1)`), or null. */
export function optionArg(options: string, letter: string): string | null {
  let depth = 0;
  let start = -1;
  for (let i = 0; i < options.length; i++) {
    const c = options[i];
    if (c === '(') {
      if (depth === 0 && i > 0 && options[i - 1] === letter) start = i + 1;
      depth++;
    } else if (c === ')' && depth > 0 && --depth === 0 && start >= 0) return options.slice(start, i);
  }
  return start >= 0 ? options.slice(start) : null;
}

function rewrite(x: AppContext, to: string, how: string): void {
  if (to !== x.ch.exten) x.run.result.rewrites.push({ from: x.ch.exten, to, how, hop: x.run.result.hops.length - 1 });
}

/** The call was answered somewhere: it is reached, and Dial returns when someone hangs up. */
function answered(x: AppContext, reached: Outcome, options: string): number {
  x.call.reached ??= reached;
  x.setVar('DIALSTATUS', 'ANSWER');
  if (options.includes('g')) return 0;
  x.ch.hangupCause = CAUSE_NORMAL_CLEARING;
  x.call.hungUp = true;
  return -1;
}

function failed(x: AppContext, status: string, why: string, attempt: Outcome | null): number {
  x.setVar('DIALSTATUS', status);
  if (attempt) x.run.failed ??= attempt;
  x.note(`${why} DIALSTATUS=${status}: the dialplan goes on at priority ${x.ch.priority + 1}.`);
  return 0;
}

/** A channel started by the Dial ran: answered if it reached something or answered itself. */
function afterChannel(x: AppContext, s: Started, options: string): number {
  const reached = s.call.reached ?? (s.call.ch.answered ? finalOutcome(x.run, s) : null);
  if (reached) return answered(x, reached, options);
  const cause = s.call.ch.hangupCause;
  const status = s.end === null ? 'CHANUNAVAIL' : cause === CAUSE_BUSY ? 'BUSY' : cause === CAUSE_CONGESTION ? 'CONGESTION' : 'NOANSWER';
  // a channel that never ran (no such extension there) is the outcome if nothing else answers later; one that ran
  // and hung up without answering leaves the call to this channel's dialplan
  return failed(x, status, `The channel ended without answering.`, s.end === null ? finalOutcome(x.run, s) : null);
}

function dial(x: AppContext): number {
  const { ch, run, call } = x;
  const [devices = '', timeout, options = ''] = separateArgs(x.data, ',', true, 4);
  if (x.data === '' || devices.trim() === '') {
    run.log('WARNING', 'app_dial.c', 'Dial requires an argument (technology/resource)');
    x.note(`Dial has no device${x.unknown.length ? ` (${x.unknown.join(', ')} is unknown without a live call)` : ''}.`);
    return -1;
  }
  const list = devices.split('&').map((d) => d.trim()).filter(Boolean);
  if (list.length > 1) run.note(`Dial rings ${list.length} devices at once (${list.map(hideSecrets).join(', ')}); the simulation follows the first, ${hideSecrets(list[0])}.`);
  const device = list[0];
  const shown = hideSecrets(device);
  const d = destination(run.pbxs, call.pbx, device);
  const here = (kind: OutcomeKind, reason: string, at = {}): Outcome => outcome(kind, call.pbx, ch.context, ch.exten, reason, { file: x.hop?.file, line: x.hop?.line, ...at });
  switch (d.kind) {
    case 'phone':
    case 'external': {
      // what such a device answers is live: so are the causes HANGUPCAUSE() would read
      ch.dialedCauses = null;
      const status = dialStatus(x, shown);
      const what = d.kind === 'phone' ? `Rings ${shown}, a phone of ${call.pbx.name}${timeout ? ` for ${timeout} s` : ''}` : `Leaves ${call.pbx.name} through ${shown}: ${d.reason}`;
      if (status === 'ANSWER') {
        x.note(`${what}; answered.`);
        const reason = d.kind === 'phone' ? `${what}; if nobody answers, the dialplan goes on at priority ${ch.priority + 1}.` : `${what}.`;
        return answered(x, here(d.kind === 'phone' ? 'extension' : 'external', reason, d.kind === 'external' && d.at ? placeOf(run, d.at) : {}), options);
      }
      return failed(x, status, `${what}: ${status}.`, null);
    }
    case 'cannot-leave':
      ch.hangupCause = d.cause;
      return failed(x, 'CHANUNAVAIL', `The call cannot leave ${call.pbx.name}: ${d.reason}.`, here('rejected', `The call cannot leave ${call.pbx.name}: ${d.reason}.`, d.at ? placeOf(run, d.at) : {}));
    case 'trunk': {
      rewrite(x, d.number ?? d.route.defaultUser, `Dial(${shown}) through the trunk to ${d.route.target.to.name}`);
      const end = crossTrunk(x, d.route, d.number, shown, optionArg(options, 'b'));
      if ('answered' in end) return answered(x, end.answered, options);
      return failed(x, end.failed.dialStatus, end.failed.why, end.failed.attempt);
    }
    case 'local': {
      x.note(`Dials Local/${d.exten}@${d.context}: a new channel runs that extension.`);
      rewrite(x, d.exten, `Dial(Local/${d.exten}@${d.context})`);
      const s = start(run, newCall(run, call.pbx, d.context, d.exten, { ...ch.caller }, 'Local'));
      return afterChannel(x, s, options);
    }
    case 'company': {
      x.note(`Sends the call to ${d.to.name} (${d.reason}).`);
      rewrite(x, d.number, `Dial(${shown}) to ${d.to.name}`);
      return answered(x, companyRoute(run, d.to, d.number, { ...ch.caller }), options);
    }
  }
}

/** An application where the caller meets someone or something until they hang up. */
function meets(kind: OutcomeKind, describe: (x: AppContext) => string) {
  return (x: AppContext): number => {
    const reason = describe(x);
    x.note(reason);
    x.call.reached ??= outcome(kind, x.call.pbx, x.ch.context, x.ch.exten, reason, { file: x.hop?.file, line: x.hop?.line });
    x.ch.answered = true;
    x.call.hungUp = true;
    x.ch.hangupCause = CAUSE_NORMAL_CLEARING;
    return -1;
  };
}

function arg(x: AppContext, n: number): string {
  return separateArgs(x.data, ',', true, 10)[n] ?? '';
}

function queue(x: AppContext): number {
  const name = arg(x, 0);
  const status = dialStatus(x, `queue '${name}'`);
  if (status === 'ANSWER') return meets('queue', () => `Waits in queue '${name}' for an agent.`)(x);
  x.setVar('QUEUESTATUS', 'TIMEOUT');
  x.note(`Waits in queue '${name}'; no agent answers (QUEUESTATUS=TIMEOUT): the dialplan goes on.`);
  return 0;
}

function voicemail(x: AppContext): string {
  const options = arg(x, 1);
  x.setVar('VMSTATUS', 'SUCCESS');
  return `Goes to voicemail box ${arg(x, 0)}${/u/.test(options) ? ' (unavailable greeting)' : /b/.test(options) ? ' (busy greeting)' : ''}.`;
}

/** Programs and scripts named by the dialplan are never run: assumed to succeed. */
function neverRun(status: string) {
  return (x: AppContext): number => {
    x.setVar(status, 'SUCCESS');
    x.run.assume(`${x.app}(${x.data}) is never run here`, `${status}=SUCCESS`, 'default');
    x.note(`${x.app}() runs a program: never run here; assumed to succeed.`);
    return 0;
  };
}

export const DIAL: Application[] = [
  { name: 'Dial', source: 'apps/app_dial.c', run: dial },
  { name: 'Queue', source: 'apps/app_queue.c', run: queue },
  { name: 'VoiceMail', source: 'apps/app_voicemail.c', run: meets('voicemail', voicemail) },
  { name: 'VoiceMailMain', source: 'apps/app_voicemail.c', run: meets('voicemail', (x) => `Enters the voicemail menu${arg(x, 0) ? ` of box ${arg(x, 0)}` : ''}.`) },
  { name: 'ConfBridge', source: 'apps/app_confbridge.c', run: meets('conference', (x) => `Joins conference '${arg(x, 0)}'.`) },
  { name: 'MeetMe', source: 'apps/app_meetme.c', run: meets('conference', (x) => `Joins conference '${arg(x, 0)}'.`) },
  ...['Echo', 'Milliwatt', 'MusicOnHold', 'Park', 'ParkedCall', 'ChanSpy', 'ExtenSpy', 'Directory', 'FollowMe', 'Page', 'Pickup', 'PickupChan', 'BridgeWait'].map((name) => ({
    name,
    source: 'apps/',
    run: meets('extension', (x) => `Stays in ${x.app}(${x.data}) until the caller hangs up.`),
  })),
  { name: 'Stasis', source: 'res/res_stasis.c', run: meets('external', (x) => `Hands the call to the ARI application '${arg(x, 0)}', outside the dialplan.`) },
  ...['AGI', 'EAGI', 'DeadAGI'].map((name) => ({ name, source: 'res/res_agi.c', run: neverRun('AGISTATUS') })),
  ...['System', 'TrySystem'].map((name) => ({ name, source: 'apps/app_system.c', run: neverRun('SYSTEMSTATUS') })),
];
