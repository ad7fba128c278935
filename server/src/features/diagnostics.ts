// Syntax problems -> LSP diagnostics.
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Severity, SyntaxProblem } from '../parser/ast';
import type { LineStarts } from '../parser/lines';
import { rangeOf } from './positions';

export const DIAGNOSTIC_SOURCE = 'pbx-interconnect';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export type SeverityOverrides = Record<string, Severity | 'off'>;

export function toDiagnostics(problems: SyntaxProblem[], lineStarts: LineStarts, overrides: SeverityOverrides = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of problems) {
    const severity = overrides[p.code] ?? p.severity;
    if (severity === 'off') continue;
    out.push({ range: rangeOf(lineStarts, p.start, p.end), severity: SEVERITY[severity], code: p.code, source: DIAGNOSTIC_SOURCE, message: p.message });
  }
  return out;
}
