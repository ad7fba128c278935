// Custom requests between client and server: the only server file the client imports.
export const SERVER_NAME = 'PBX Interconnect';
export const SETTINGS_SECTION = 'pbx';

/** Where a simulated call starts: a context, or what a call from a peer, endpoint, user or friend enters. */
export type OriginKind = 'context' | 'peer' | 'endpoint' | 'user' | 'friend';

export interface Origin {
  /** The PBX (its folder's name); omitted when the workspace has one. */
  pbx?: string;
  kind: OriginKind;
  name: string;
}

/** `pbx/simulateOrigins`: what a call can start from, PBX by PBX, and the origin under the cursor if any. */
export const SIMULATE_ORIGINS = 'pbx/simulateOrigins';

export interface SimulateOriginsParams {
  /** The document and cursor the command was run from (editor context menu), to propose where the call starts. */
  uri?: string;
  position?: { line: number; character: number };
}

export interface OriginChoice extends Origin {
  pbx: string;
  /** The context the call enters (for a peer, endpoint, user or friend: its context). */
  context: string | null;
  /** Where it is defined (a file URI and a 0-based line). */
  uri: string;
  line: number;
}

export interface SimulateOriginsResult {
  pbxs: { name: string; uri: string; origins: OriginChoice[] }[];
  /** The origin the cursor is in (a context, a peer's section...), and a number to propose (a literal extension under the cursor). */
  here: { origin: OriginChoice; number: string | null } | null;
}

/** `pbx/simulateDial`: follow a dialed number through the dialplans, trunks and friends of the workspace. */
export const SIMULATE_DIAL = 'pbx/simulateDial';

export interface SimulateDialParams {
  number: string;
  from: Origin;
  callerId?: string;
  /** ISO date-time at which timed includes and GotoIfTime are evaluated; omitted: now. */
  at?: string;
}

/** A place in a file: a file URI (LSP) or a path (CLI), and a 1-based line. */
export interface Place {
  file: string;
  line: number;
}

/** One candidate the matcher weighed, in the order it weighed them. */
export interface Candidate extends Place {
  context: string;
  extension: string;
  /** 'chosen'; or why not: 'ranked-lower' (matches too, but comes after the winner), 'caller-id' (its caller-ID part does not match), 'no-priority' (no line for this priority). */
  outcome: string;
}

/** A lookup the call made (the first one, a Goto's, the far side's): the candidates and why the winner won. */
export interface MatchStep {
  pbx: string;
  context: string;
  number: string;
  callerId: string | null;
  result: 'match' | 'no-extension' | 'no-context' | 'no-priority';
  extension: string | null;
  foundIn: string | null;
  candidates: Candidate[];
  why: string;
}

export interface Hop extends Partial<Place> {
  pbx: string;
  context: string;
  extension: string;
  priority: number;
  app: string;
  /** The application data with known variables substituted (secrets never appear here). */
  data: string;
  /** What the simulation made of this line, in words. */
  note: string;
  /** Index into `matches` of the lookup that found this line. */
  match?: number;
}

/** The number changed on the way: `**99101` becomes `101` in a Dial through a trunk. */
export interface Rewrite {
  from: string;
  to: string;
  how: string;
  hop: number;
}

export type OutcomeKind =
  | 'extension'
  | 'friend'
  | 'external'
  | 'voicemail'
  | 'queue'
  | 'conference'
  | 'hangup'
  | 'no-extension'
  | 'no-context'
  | 'no-priority'
  | 'rejected';

export interface Outcome extends Partial<Place> {
  kind: OutcomeKind;
  pbx: string;
  context: string | null;
  extension: string | null;
  /** The SIP status the far side answers when it refuses the call (null when no request leaves). */
  sipStatus: number | null;
  reason: string;
}

export interface SimulateDialResult {
  number: string;
  from: { pbx: string; context: string };
  /** The first lookup, in the shape of `expect` in conformance/dialplan-match/cases.json, plus `file`. */
  match: { result: string; extension?: string; foundIn?: string; line?: number; callerIdPattern?: string; file?: string };
  matches: MatchStep[];
  hops: Hop[];
  rewrites: Rewrite[];
  /** Notes on the way: a branch taken because its condition is unknown, a loop stopped, a far side's check. */
  notes: string[];
  outcome: Outcome;
}

/** Client command ids (the server's CodeLenses name them). */
export const SIMULATE_COMMAND = 'pbx.simulateDial';
