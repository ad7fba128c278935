// Output formats of `pbx-interconnect check`: text, JSON and SARIF 2.1.0.
import type { LocatedFinding } from './run';

type Rel = (file: string) => string;
type LineOf = (file: string, offset: number) => number;

export function formatText(findings: LocatedFinding[], rel: Rel, lineOf: LineOf): string {
  const lines = findings.map((f) => {
    const related = f.related.map((r) => `\n    ${rel(r.file)}:${lineOf(r.file, r.start)}: ${r.message}`).join('');
    return `${f.relative}:${f.line}:${f.column}: ${f.severity} [${f.code}] ${f.message}${related}`;
  });
  const count = (s: string): number => findings.filter((f) => f.severity === s).length;
  lines.push(`${findings.length} finding${findings.length === 1 ? '' : 's'}: ${count('error')} error(s), ${count('warning')} warning(s), ${count('information') + count('hint')} note(s)`);
  return lines.join('\n') + '\n';
}

export function formatJson(findings: LocatedFinding[], rel: Rel, lineOf: LineOf): string {
  return (
    JSON.stringify(
      {
        findings: findings.map((f) => ({
          code: f.code,
          severity: f.severity,
          message: f.message,
          file: f.relative,
          line: f.line,
          column: f.column,
          endLine: f.endLine,
          endColumn: f.endColumn,
          related: f.related.map((r) => ({ file: rel(r.file), line: lineOf(r.file, r.start), message: r.message })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(findings: LocatedFinding[], rel: Rel, lineOf: LineOf): string {
  const rules = [...new Set(findings.map((f) => f.code))].sort().map((id) => ({ id, shortDescription: { text: id } }));
  return (
    JSON.stringify(
      {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'pbx-interconnect', version: '0.1.0', rules } },
            results: findings.map((f) => ({
              ruleId: f.code,
              level: LEVEL[f.severity],
              message: { text: f.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: f.relative },
                    region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                  },
                },
              ],
              relatedLocations: f.related.map((r, i) => ({
                id: i,
                message: { text: r.message },
                physicalLocation: { artifactLocation: { uri: rel(r.file) }, region: { startLine: lineOf(r.file, r.start) } },
              })),
            })),
          },
        ],
      },
      null,
      2,
    ) + '\n'
  );
}
