// What a chan_sip -> chan_pjsip migration produces and what its proof reports (issue 15). The converter
// (convert.ts) writes a Migration for one PBX; the proof (proof.ts) simulates the workspace before and after it; the
// CLI `migrate` and the editor's command show both and write nothing until the user accepts.

/** One file of the PBX as the migration leaves it. */
export interface FileChange {
  /** absolute path */
  file: string;
  /** the text today, or null for a file the migration creates */
  before: string | null;
  /** the text after, or null for a file the migration takes out of Asterisk's reach (sip.conf, kept as `backup`) */
  after: string | null;
  /** where the old text is kept when `after` is null (e.g. `sip.conf.chan_sip`), or null */
  backup: string | null;
}

/** Something of sip.conf or of the dialplan without an exact pjsip equivalent: kept as a comment, never dropped. */
export interface MigrationNote {
  /** where it was (absolute path, 0-based line) */
  file: string;
  line: number;
  /** the original text, e.g. `nat=force_rport,comedia` or `Dial(SIP/trunk/${EXTEN},,M(x))` */
  text: string;
  /** why it has no equivalent, or what was done instead, in plain words */
  reason: string;
  /** 'dropped': kept only as a comment; 'approximated': mapped to the nearest pjsip option (reason says how) */
  kind: 'dropped' | 'approximated';
}

export interface MigrationOptions {
  /** write trunks and phones as pjsip_wizard.conf sections instead of pjsip.conf objects */
  wizard?: boolean;
}

export interface Migration {
  /** the PBX folder (absolute) */
  pbx: string;
  changes: FileChange[];
  notes: MigrationNote[];
}

/** How a simulated call ends, reduced to what must stay the same across the migration. */
export interface CallSummary {
  /** outcome kind of the simulation (extension, voicemail, external, rejected, ...) */
  kind: string;
  /** the PBX, context and extension where the call ends */
  pbx: string;
  context: string;
  exten: string;
  /** one line a user reads: "rings PJSIP/1001 on office-sip", "reaches 101 in [Incalls] on wazo-b" */
  text: string;
}

/** One row of the proof table: a call placed from an origin with a number, simulated before and after. */
export interface ProofRow {
  /** where the call starts: a phone (endpoint/peer), a trunk (the far PBX calling in), or a context */
  origin: { kind: 'phone' | 'trunk' | 'context'; pbx: string; name: string };
  number: string;
  before: CallSummary;
  after: CallSummary;
  same: boolean;
  /** when not the same: why (the converter's note, or the difference explained) */
  reason: string | null;
}

/** What the migration keeps and what it changes, call by call and trunk by trunk. */
export interface Proof {
  rows: ProofRow[];
  /** each trunk whose other end is in the workspace: does the pair still register and call after the migration? */
  trunks: { pbx: string; peer: string; other: string; before: string; after: string; same: boolean; reason: string | null }[];
  /** What the proof did not do, when its bounds were reached (numbers of an origin, calls in all); absent when none. */
  notes?: string[];
}
