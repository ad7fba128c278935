// Findings: what the checks report, for the editor (features/diagnostics.ts) and the CLI alike.
import type { Severity } from '../parser/ast';
import type { Workspace } from '../model/workspace';

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  file: string;
  start: number;
  end: number;
  related: { file: string; start: number; end: number; message: string }[];
}

/** Everything the checks find in one file. Today: syntax, as Asterisk's config loader sees it. */
export function fileFindings(workspace: Workspace, file: string): Finding[] {
  return workspace.problems(file).map((p) => ({ code: p.code, severity: p.severity, message: p.message, file, start: p.start, end: p.end, related: [] }));
}
