// What the checks report and what a check is: the types every check imports (the runner that calls them is
// findings.ts, which imports the checks: keeping the types apart keeps the imports one way).
import type { Context, Dialplan, DialplanProblem, Priority } from '../model/dialplan';
import type { Pbx } from '../model/pbx';
import type { Workspace } from '../model/workspace';
import type { PeerLink, RegistrationLink } from './trunks/pairing';

export interface TextEdit {
  file: string;
  start: number;
  end: number;
  text: string;
}

/** A fix that is certain, offered as a quick fix. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** A problem with its place, related places and, when certain, fixes. */
export interface Finding extends DialplanProblem {
  fixes?: Fix[];
}

/** A check over a whole dialplan: one per file in analysis/checks/, named after its code. */
export interface DialplanCheck {
  code: string;
  run(plan: Dialplan): Finding[];
  /**
   * 'context': what it finds in a context depends on that context alone, so it is kept with the context across
   * edits (`run` then sees a dialplan holding just that context). Otherwise it runs on the whole dialplan each time,
   * unless it has `runContext` and `dependsOn`: kept while none of the contexts it depends on changed.
   */
  scope?: 'context';
  /**
   * A 'context' check that looks at one line at a time (checks/lineByLine.ts perLine): `run` calls it on each line,
   * and the runner visits each line once for all such checks in a row (findings.ts), not once per check.
   */
  eachLine?(plan: Dialplan, p: Priority, out: Finding[]): void;
  runContext?(plan: Dialplan, context: Context): Finding[];
  dependsOn?(plan: Dialplan, context: Context): Set<string>;
  /**
   * What its findings, kept or not, gain from the whole dialplan, worked out on every dialplan anew and never kept
   * (the quick fix of the version findings on a Macro, which depends on the macro's context and every caller). It
   * returns new findings, never changing those it is given.
   */
  amend?(plan: Dialplan, found: Finding[]): Finding[];
}

/**
 * A check over the text of one file, whatever the file (dialplans, sip.conf, pjsip.conf...), as the editor has it:
 * the style checks (checks/style*.ts). Off by default in the catalog: the runner skips it until it is enabled, so
 * it must report its own code only. One pass over the text, no backtracking: it runs on files of 50 MB.
 */
export interface TextCheck {
  code: string;
  run(file: string, text: string): Finding[];
}

/** What the trunk checks see: every PBX of the workspace and how their trunks pair up. */
export interface TrunkContext {
  workspace: Workspace;
  pbxs: Pbx[];
  registrations: RegistrationLink[];
  peers: PeerLink[];
}

/** A check across PBXs (trunks, registrations, peers): one per file in analysis/checks/, named after its code. */
export interface TrunkCheck {
  code: string;
  run(context: TrunkContext): Finding[];
  /** It reads only the channel configurations (sip.conf, pjsip.conf, the friends file), never a dialplan. */
  channelsOnly?: boolean;
}
