// Findings -> LSP diagnostics (with related locations in other files) and quick fixes.
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { CodeActionKind, DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding } from '../analysis/findings';
import type { SeverityOverrides } from '../analysis/severities';
import type { Severity } from '../parser/ast';
import type { LineStarts } from '../parser/lines';
import { rangeOf } from './positions';

export const DIAGNOSTIC_SOURCE = 'pbx-interconnect';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export type { SeverityOverrides } from '../analysis/severities';

/** How the features find a file's URI and line table. */
export interface FileIndex {
  uri(file: string): string;
  lineStarts(file: string): LineStarts | undefined;
}

export function toDiagnostics(findings: Finding[], lineStarts: LineStarts, files: FileIndex, overrides: SeverityOverrides = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const severity = overrides[f.code] ?? f.severity;
    if (severity === 'off') continue;
    const d: Diagnostic = { range: rangeOf(lineStarts, f.start, f.end), severity: SEVERITY[severity], code: f.code, source: DIAGNOSTIC_SOURCE, message: f.message };
    const related = f.related.flatMap((r) => {
      const ls = files.lineStarts(r.file);
      return ls ? [{ location: { uri: files.uri(r.file), range: rangeOf(ls, r.start, r.end) }, message: r.message }] : [];
    });
    if (related.length > 0) d.relatedInformation = related;
    out.push(d);
  }
  return out;
}

/** Quick fixes for the findings under the diagnostics the editor asks about. */
export function quickFixes(findings: Finding[], lineStarts: LineStarts, diagnostics: Diagnostic[], files: FileIndex): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    for (const f of findings) {
      if (f.code !== d.code || !f.fixes) continue;
      const r = rangeOf(lineStarts, f.start, f.end);
      if (r.start.line !== d.range.start.line || r.start.character !== d.range.start.character) continue;
      for (const fix of f.fixes) {
        const changes: Record<string, { range: ReturnType<typeof rangeOf>; newText: string }[]> = {};
        for (const e of fix.edits) {
          const ls = files.lineStarts(e.file);
          if (!ls) continue;
          (changes[files.uri(e.file)] ??= []).push({ range: rangeOf(ls, e.start, e.end), newText: e.text });
        }
        out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: f.fixes.length === 1, edit: { changes } });
      }
    }
  }
  return out;
}
