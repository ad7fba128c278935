// What `${...}` substitution and the dialplan functions evaluate against: the simulated channel, the simulated time
// (absent: unknown), and where they report what a live call alone can know and what Asterisk would log. Optional
// views give the functions that read more than the channel (VALID_EXTEN reads the dialplan, ${ASTETCDIR} reads
// asterisk.conf); without them those values are unknown, never guessed.
import type { Channel } from './channel';

/** The dialplan as the running PBX holds it (funcs/func_dialplan.c, main/pbx.c ast_get_hint). */
export interface DialplanView {
  /** ast_exists_extension() (a number) or ast_findlabel_extension() (a label), with this caller ID. */
  exists(context: string, exten: string, priority: number | string, callerId: string | null): boolean;
  /** ast_context_find(). */
  hasContext(context: string): boolean;
  /** The hint of an extension (`${HINT}` its devices, `${HINTNAME}` its name), null when it has none. */
  hint?(context: string, exten: string): { devices: string; name: string } | null;
  /**
   * Does the PBX have this device (`SIP/1001`: a chan_sip peer, `PJSIP/1001` an endpoint, `IAX2/x` an iax.conf peer)?
   * undefined when the technology is not one the simulation models.
   */
  hasDevice?(tech: string, resource: string): boolean | undefined;
}

/** asterisk.conf as far as it is known: `systemname` and the [directories] (astetcdir...). */
export interface SystemView {
  name?: string;
  directories?: Readonly<Record<string, string>>;
}

export interface EvalContext {
  readonly channel: Channel;
  /** The simulated time of the call; absent, what depends on the time is unknown. */
  readonly when?: Date;
  /** A value only a live call knows (`what` names it and why): it substitutes as "". */
  unknown(what: string): void;
  /** A WARNING/ERROR line Asterisk logs, written `LEVEL source: message` (`ERROR func_cut.c: Usage: ...`). */
  warn(message: string): void;
  /** What the simulation accepted without doing it (a write to the AstDB, a SIP header...). */
  note?(message: string): void;
  readonly dialplan?: DialplanView;
  readonly system?: SystemView;
  /**
   * For a variable that is not set: why a live call would have set it (DIALSTATUS after a Dial the simulation
   * did not place), or undefined when an unset variable is simply empty.
   */
  unsetVariable?(name: string): string | undefined;
}

export interface ContextOptions {
  when?: Date;
  dialplan?: DialplanView;
  system?: SystemView;
  unsetVariable?: (name: string) => string | undefined;
}

/** A context whose reports go nowhere: substitute() returns them anyway. */
export function evalContext(channel: Channel, options: ContextOptions = {}): EvalContext {
  return { channel, unknown: () => undefined, warn: () => undefined, ...options };
}
