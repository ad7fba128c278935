// Custom requests between client and server: the only server file the client imports.
import type { WorkspaceEdit } from 'vscode-languageserver';
import type { Proof } from './analysis/migrate/types';

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
  /** What a live call alone would know, given by the user. */
  inputs?: SimulateInputs;
  /** Every possible outcome too (`paths`), forking at each unknown. */
  allPaths?: boolean;
}

/** The statuses a Dial ends with (app_dial.c), as the simulation can assume them. */
export const DIAL_STATUSES = ['ANSWER', 'BUSY', 'NOANSWER', 'CHANUNAVAIL', 'CONGESTION'] as const;
export type DialStatus = (typeof DIAL_STATUSES)[number];

/** Inputs for what is unknown without a live call. */
export interface SimulateInputs {
  /** Channel variables set before the first priority runs (`--set VAR=value`). */
  set?: Record<string, string>;
  /** The status of each Dial (or Queue) in order; the last one also serves every later Dial. */
  dialStatus?: DialStatus[];
  /** What the caller types at each prompt (Background, WaitExten, Read) in order; '' is no input (a timeout). */
  digits?: string[];
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
  /** The channel that ran it (`Local/101@from-users-00000001;2`, `SIP/wazo-trunk-00000002`). */
  channel: string;
  /** The channel's context as Asterisk logs it (where the search started, not where the line was found). */
  context: string;
  /** `${EXTEN}` when the line ran (the dialed number, `s`, `h`, `i`...), as Asterisk logs it. */
  exten: string;
  /** The entry that matched, as registered (`_**99.`, `101`), without its caller-ID part. */
  extension: string;
  /** The caller-ID pattern of the entry that matched (`101/_555X` matched: `_555X`). */
  callerIdPattern?: string;
  priority: number;
  /** The application's registered name (`BackGround`, `GotoIf`), or as written when Asterisk has none. */
  app: string;
  /** The application data as Asterisk substitutes it before running it (secrets never appear here). */
  data: string;
  /** What the simulation made of this line, in words. */
  note: string;
  /** Index into `matches` of the lookup that found this line. */
  match?: number;
  /** A step of the `h` extension, which Asterisk runs after the call ended. */
  phase?: 'h';
  /** Indexes into `assumptions` of what this step took for granted. */
  assumptions?: number[];
}

/** Something a live call alone would know, and what the simulation took it to be. */
export interface Assumption {
  /** `DIALSTATUS`, `digits`, `$[${DB(cf/101)} = 1]`... */
  what: string;
  value: string;
  /** `input`: given by the user; `default`: the simulation's choice (the likeliest); `path`: one branch of all paths. */
  source: 'input' | 'default' | 'path';
  /** The hop that made it (-1: before the first step, like a variable the user set). */
  hop: number;
}

/** A line Asterisk logs while running the call (a warning, a Goto, a timeout...). */
export interface LogLine {
  level: 'VERBOSE' | 'NOTICE' | 'WARNING' | 'ERROR';
  /** The Asterisk source file that logs it (pbx.c, app_stack.c...). */
  source: string;
  message: string;
  /** How many hops came before it. */
  afterHop: number;
}

/** One distinct way the call can end (`allPaths`), with what leads there. */
export interface PathOutcome {
  outcome: Outcome;
  end: string;
  /**
   * The assumptions of one of the shortest paths that end so (`DIALSTATUS=BUSY`, `digits=2`), each with the PBX and
   * line that made it, and `values`: every value it took on the paths that end so through the same assumptions.
   */
  assumptions: { what: string; value: string; values: string[]; hop: (Place & { pbx: string }) | null }[];
  /** How many paths end this way. */
  paths: number;
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

/** A request crossing a trunk: how the far side recognised it, whether it challenged, what it answered. */
export interface Crossing {
  /** The PBX that sends the INVITE, the device it dialed, and the PBX that receives it. */
  from: string;
  device: string;
  to: string;
  /** chan_sip or chan_pjsip, on the receiving side. */
  driver: 'chan_sip' | 'chan_pjsip';
  /** The peer, user or endpoint the far side took the call as (null: none, a chan_sip guest or a refusal). */
  as: string | null;
  /** How it found it, in words (`source address 127.0.0.1:5260`, `From user 'pbx-a'`, `guest`...). */
  by: string;
  /** What the request carried, as the far side saw it. */
  source: string | null;
  fromUser: string;
  /** The SIP statuses the caller received, in order (401 then 200; 401, 403...). */
  responses: number[];
  /** Where the call landed on the far side (null when refused). */
  context: string | null;
  /** The far side's log lines about it (identification, authentication, refusal), as Asterisk writes them. */
  log: string[];
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
  /** Notes on the way: a loop stopped, a far side's check, where an unknown value was taken for granted. */
  notes: string[];
  outcome: Outcome;
  /**
   * How the first channel's run ended: `hangup`, `no-extension`, `no-context`, `no-priority` (the priorities ran
   * out), `invalid-extension` (no `i` to catch a bad jump), `loop-cut`, or the error Asterisk logs (`Return without
   * Gosub: stack is empty`).
   */
  end: string;
  /** Index into `hops` of the first step of the first channel's `h` extension, when one ran. */
  hStart?: number;
  assumptions: Assumption[];
  log: LogLine[];
  /** Every trunk the call crossed, in order. */
  crossings?: Crossing[];
  /** `allPaths`: every distinct outcome, most common first, and whether the exploration was cut short. */
  paths?: PathOutcome[];
  pathsCut?: boolean;
}

/** Client command ids (the server's CodeLenses name them). */
export const SIMULATE_COMMAND = 'pbx.simulateDial';

/** `pbx/migrate`: chan_sip -> chan_pjsip for one PBX, as a WorkspaceEdit the user confirms, with its proof (issue 15). */
export const MIGRATE = 'pbx/migrate';

/** Client command that asks which PBX and how, shows the proof and offers the edit (a CodeLens on sip.conf names it). */
export const MIGRATE_COMMAND = 'pbx.migrateToPjsip';

export interface MigrateParams {
  /** The PBX: its folder's URI, or the URI of a file in it (its sip.conf). */
  uri: string;
  /** Trunks and phones as pjsip_wizard.conf sections instead of pjsip.conf objects. */
  wizard?: boolean;
}

/** Something without an exact pjsip equivalent, kept as a comment (`MigrationNote` with a URI). */
export interface MigrateNote {
  uri: string;
  /** 0-based */
  line: number;
  text: string;
  reason: string;
  kind: 'dropped' | 'approximated';
}

/** The proof's shape (analysis/migrate/types.ts), re-exported so that the client imports only this file. */
export type { CallSummary, Proof, ProofRow } from './analysis/migrate/types';

export interface MigrateResult {
  /** The PBX's name (its folder's name) and folder URI. */
  pbx: string;
  uri: string;
  /**
   * Files created, texts replaced, sip.conf renamed to its backup: `documentChanges` whose every operation carries
   * a change annotation with `needsConfirmation`, so that VS Code shows its refactor preview before writing.
   * Null when the PBX has nothing to migrate (no sip.conf).
   */
  edit: WorkspaceEdit | null;
  notes: MigrateNote[];
  /** The proof table as Markdown, and the raw proof. */
  markdown: string;
  proof: Proof;
  /** Why there is no edit, when there is none. */
  refused?: string;
}
