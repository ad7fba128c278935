// Findings: what the checks report, for the editor (features/diagnostics.ts) and the CLI alike.
import type { Dialplan, DialplanProblem } from '../model/dialplan';
import type { Workspace } from '../model/workspace';
import { DIALPLAN_CHECKS, TRUNK_CHECKS } from './checks/index';
import type { Pbx } from '../model/pbx';
import { pbxsOf } from '../model/pbx';
import type { PeerLink, RegistrationLink } from './trunks/pairing';
import { peerLinks, registrationLinks } from './trunks/pairing';

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
}

/** Everything the trunk checks find across the workspace's PBXs (kept until anything changes). */
export function trunkFindings(workspace: Workspace): Finding[] {
  return workspace.cached('trunk-findings', () => {
    const pbxs = pbxsOf(workspace);
    const registrations = registrationLinks(pbxs);
    const context: TrunkContext = { workspace, pbxs, registrations, peers: peerLinks(pbxs, registrations) };
    const sipProblems = pbxs.flatMap((p) => [...(p.sip?.problems ?? []), ...(p.company?.problems ?? [])].map((x): Finding => ({ code: x.code, severity: x.severity, message: x.message, ...x.at, related: [] })));
    return [...sipProblems, ...TRUNK_CHECKS.flatMap((c) => safely(() => c.run(context)))];
  });
}

const dialplanFindings = new WeakMap<Dialplan, Finding[]>();

/** Everything the checks find in one dialplan: what Asterisk logs when it loads it, then the silent traps. */
export function findingsOf(plan: Dialplan): Finding[] {
  let found = dialplanFindings.get(plan);
  if (found === undefined) {
    found = [...plan.problems.map((p) => ({ ...p })), ...DIALPLAN_CHECKS.flatMap((c) => safely(() => c.run(plan)))];
    dialplanFindings.set(plan, found);
  }
  return found;
}

function safely(run: () => Finding[]): Finding[] {
  try {
    return run();
  } catch {
    // A check never takes the others down; a crash here is a bug the check's own tests must catch.
    return [];
  }
}

/** Everything the checks find in one file: syntax as Asterisk's config loader sees it, then the dialplan. */
export function fileFindings(workspace: Workspace, file: string): Finding[] {
  const syntax: Finding[] = workspace.problems(file).map((p) => ({ code: p.code, severity: p.severity, message: p.message, file, start: p.start, end: p.end, related: [] }));
  const plan = workspace.dialplanFor(file);
  const dialplan = plan ? findingsOf(plan).filter((f) => f.file === file) : [];
  const trunks = trunkFindings(workspace).filter((f) => f.file === file);
  return [...syntax, ...dialplan, ...trunks].sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
}
