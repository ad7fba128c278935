// One simulated call from its origin to its end: the channels it makes on the way (the dialed one, a Local
// channel, the far side of a trunk), what is recorded (hops, lookups, rewrites, Asterisk's log lines, notes), the
// decisions a live call alone would make (a Dial's status, the caller's digits, a value nobody can know) and the
// limits that keep a loop from hanging the simulation.
import type { Dialplan, Extension, Priority } from '../../model/dialplan';
import type { LookupOptions, LookupResult } from '../../model/matcher';
import { lookup } from '../../model/matcher';
import type { Pbx } from '../../model/pbx';
import type { Workspace } from '../../model/workspace';
import type { Assumption, Hop, LogLine, Outcome, SimulateDialResult, SimulateInputs } from '../../protocol';
import type { Channel, VarList } from './channel';

/** Steps in all (every priority run, on every PBX) before the simulation stops: a loop or a very long chain. */
export const MAX_STEPS = 2000;
/** Times one line may run before the simulation calls it a loop a live call's values could end. */
export const MAX_REPEATS = 25;

/** A channel walking one PBX's dialplan. */
export interface Call {
  pbx: Pbx;
  ch: Channel;
  /** The next lookup is recorded with its candidates (the first one, and each after a jump). */
  fresh: boolean;
  /** The `h` extension is running (the call has ended). */
  hangingUp: boolean;
  /** Hung up: by Hangup(), a failed application, the caller leaving. */
  hungUp: boolean;
  /** What the call reached (a phone, voicemail, the far side...), once it did. */
  reached: Outcome | null;
  /** Keys the caller typed that no application has read yet. */
  keys: string;
  /** The WARNING or ERROR Asterisk logged when the application that ended the run failed, and its line. */
  error?: string;
  errorAt?: { file: string; line: number };
  /** Index into the hops of this channel's first `h` step. */
  hStart?: number;
  /** This channel's last step. */
  lastHop?: Hop;
  /** Where the call was sent when no extension (and no `i`) was there. */
  invalid?: { context: string; exten: string };
  /** The tone the dialplan ended the call with (Busy, Congestion): the caller hears that, not an answer. */
  tone?: string;
}

/** A decision a live call would make: its options, and which the simulation takes when nobody says. */
export interface Decision {
  what: string;
  options: string[];
  /** The option taken on the main path (the likeliest, or the one the inputs give). */
  choice: number;
  source: Assumption['source'];
}

export class Run {
  steps = 0;
  /** Each PBX's globals, shared by the channels of the simulation there. */
  readonly globals = new Map<string, VarList>();
  /** The first call attempt that failed (a far side's refusal, a device that cannot be reached). */
  failed: Outcome | null = null;
  /** app_macro's deprecation warning is logged once per Asterisk process. */
  macroWarned = false;
  readonly repeats = new Map<string, number>();
  /** Channel names in use, for `Local/...-00000001;2` counters. */
  private channels = 0;
  readonly decisions: Decision[] = [];
  private dials = 0;
  private prompts = 0;

  /** The time timed includes are read at: the simulated time, or the moment the simulation started. */
  readonly clock: Date;
  /** Lookups already made (a dialplan does not change during a simulation), by dialplan and question. */
  private readonly lookups = new WeakMap<Dialplan, Map<string, LookupResult>>();

  constructor(
    readonly workspace: Workspace,
    readonly pbxs: Pbx[],
    /** The simulated time; undefined: the current time, said in the notes where it matters. */
    readonly when: Date | undefined,
    readonly inputs: SimulateInputs,
    readonly result: SimulateDialResult,
    /** All paths: the choices forced at each decision so far (beyond them, the first option). */
    private readonly forced: number[] | null = null,
  ) {
    this.clock = when ?? new Date();
  }

  /**
   * pbx_find_extension as model/matcher.ts does it, each question answered once per simulation: every priority is
   * still looked up from scratch, but the same question (the `h` check, an exists() before a spawn) costs nothing.
   */
  lookup(plan: Dialplan, context: string, exten: string, options: Omit<LookupOptions, 'when' | 'explain'>): LookupResult {
    let memo = this.lookups.get(plan);
    if (!memo) this.lookups.set(plan, (memo = new Map()));
    const key = `${context}\u0000${exten}\u0000${options.callerId ?? '\u0001'}\u0000${options.priority ?? ''}\u0000${options.label ?? ''}\u0000${options.mode ?? ''}`;
    let r = memo.get(key);
    if (!r) memo.set(key, (r = lookup(plan, context, exten, { ...options, when: this.clock })));
    return r;
  }

  /** `${CHANNEL}` and `${UNIQUEID}` of a new channel. */
  channelName(tech: string): { name: string; uniqueId: string } {
    const n = this.channels++;
    const id = n.toString(16).padStart(8, '0');
    // the half of a Local channel that runs the dialplan is `;2`
    return { name: `${tech}-${id}${tech.startsWith('Local/') ? ';2' : ''}`, uniqueId: `1700000000.${n}` };
  }

  /**
   * A decision a live call would make. With the inputs or a forced path it is what they say; else the option a
   * caller most likely meets (`main`). Every decision is recorded as an assumption of the hop that made it.
   */
  decide(what: string, options: string[], main: number, given?: number): string {
    const at = this.decisions.length;
    let choice = main;
    let source: Assumption['source'] = 'default';
    if (given !== undefined) {
      // what the user said is no branch of all paths
      options = [options[given]];
      choice = 0;
      source = 'input';
    } else if (this.forced !== null) {
      if (at < this.forced.length) choice = this.forced[at];
      source = 'path';
    }
    this.decisions.push({ what, options, choice, source });
    this.assume(what, options[choice], source);
    return options[choice];
  }

  /** The status of the next Dial (inputs in order, the last serving the rest), or undefined when not given. */
  nextDialStatus(): string | undefined {
    const list = this.inputs.dialStatus ?? [];
    const n = this.dials++;
    return list.length === 0 ? undefined : list[Math.min(n, list.length - 1)];
  }

  /** What the caller types at the next prompt, or undefined when not given. */
  nextDigits(): string | undefined {
    const list = this.inputs.digits;
    if (list === undefined) return undefined;
    const n = this.prompts++;
    return n < list.length ? list[n] : '';
  }

  assume(what: string, value: string, source: Assumption['source']): void {
    const hop = this.result.hops.length - 1;
    this.result.assumptions.push({ what, value, source, hop });
    const h = this.result.hops[hop];
    if (h) (h.assumptions ??= []).push(this.result.assumptions.length - 1);
  }

  log(level: LogLine['level'], source: string, message: string): void {
    this.result.log.push({ level, source, message, afterHop: this.result.hops.length });
  }

  /** The last WARNING or ERROR logged since a hop ran (what ended the call when its application failed). */
  lastProblem(hop: Hop): string | undefined {
    const at = this.result.hops.indexOf(hop) + 1;
    for (let i = this.result.log.length - 1; i >= 0 && this.result.log[i].afterHop >= at; i--) {
      const l = this.result.log[i];
      if (l.level === 'WARNING' || l.level === 'ERROR') return l.message;
    }
    return undefined;
  }

  note(text: string): void {
    this.result.notes.push(text);
  }

  /** The line a channel would run at a place (the caller ID counted), without recording anything. */
  lineAt(call: Call, context: string, exten: string, priority: number): Priority | undefined {
    const plan = call.pbx.dialplan;
    if (!plan) return undefined;
    const r = this.lookup(plan, context, exten, { callerId: call.ch.caller.number, priority });
    return r.result === 'match' ? r.priority : undefined;
  }

  /** Records a priority about to run. */
  hop(call: Call, e: Extension, p: Priority, app: string, data: string): Hop {
    const { ch } = call;
    const hop: Hop = {
      pbx: call.pbx.name,
      channel: ch.name,
      context: ch.context,
      exten: ch.exten,
      extension: e.name,
      ...(e.cid !== null ? { callerIdPattern: e.cid } : {}),
      priority: ch.priority,
      file: p.file,
      line: p.statement.statement.line + 1,
      app,
      data,
      note: '',
      ...(call.hangingUp ? { phase: 'h' as const } : {}),
    };
    this.result.hops.push(hop);
    return hop;
  }
}
