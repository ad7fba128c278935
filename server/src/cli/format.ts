// Output formats of `pbx-interconnect check`: text and JSON (SARIF is sarif.ts).
import type { Report } from './check';

export function formatText(report: Report): string {
  const { findings } = report;
  const lines = findings.map((f) => {
    const related = f.related.map((r) => `\n    ${r.file}:${r.line}: ${r.message}`).join('');
    return `${f.file}:${f.line}:${f.column}: ${f.severity} [${f.code}] ${f.message}${related}`;
  });
  const count = (s: string): number => findings.filter((f) => f.severity === s).length;
  lines.push(`${findings.length} finding${findings.length === 1 ? '' : 's'}: ${count('error')} error(s), ${count('warning')} warning(s), ${count('information') + count('hint')} note(s)`);
  return lines.join('\n') + '\n';
}

/** The documented JSON shape (README): related places keep only their file, line and message. */
export function formatJson(report: Report): string {
  const findings = report.findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    message: f.message,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    related: f.related.map((r) => ({ file: r.file, line: r.line, message: r.message })),
  }));
  return JSON.stringify({ findings }, null, 2) + '\n';
}
