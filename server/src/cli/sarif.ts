// `pbx-interconnect check --format sarif`: SARIF 2.1.0 as GitHub code scanning reads it. One rule per code of the
// catalog (all of them, found or not), results pointing at their rule by id and index, paths relative to
// %SRCROOT% (the folder the check ran in), and a fingerprint per result that survives lines inserted above it.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { CheckInfo } from '../analysis/checks/catalog';
import { CATALOG } from '../analysis/checks/catalog';
import type { Severity } from '../parser/ast';
import type { LocatedFinding, Report, Span } from './check';
import { helpUri, packageInfo } from './packageInfo';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/**
 * The key of our partial fingerprint: a hash of the code, the file (relative) and the message, with the rank of
 * that triple among the file's findings. No line number and no source text: inserting lines above a finding
 * keeps it, and a weak secret (which the exposure checks point at) never ends up hashed where it could be guessed.
 */
export const FINGERPRINT_KEY = 'pbxInterconnectFinding/v1';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** `dialplan-goto-target-missing` -> `DialplanGotoTargetMissing`. */
export function pascalCase(code: string): string {
  return code
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function rule(info: CheckInfo): object {
  const uri = helpUri(info.code);
  const text = info.description.replace(/`/g, '');
  return {
    id: info.code,
    name: pascalCase(info.code),
    shortDescription: { text: info.title.replace(/`/g, '') },
    fullDescription: { text, markdown: info.description },
    helpUri: uri,
    help: { text: `${text} See ${uri}`, markdown: `${info.description}\n\n[${info.code} in the README](${uri})` },
    // a code off by default (style) says so: `enabled` false, the level it has once enabled
    defaultConfiguration: info.enabled ? { level: LEVEL[info.severity] } : { enabled: false, level: LEVEL[info.severity] },
    properties: { tags: [info.code.split('-')[0]] },
  };
}

/** A relative path as a URI reference: each segment percent-encoded (spaces, `:`, `#`...). */
function uriOf(file: string): string {
  return file
    .split('/')
    .map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s)))
    .join('/');
}

function physical(span: Span): object {
  return {
    artifactLocation: { uri: uriOf(span.file), uriBaseId: SRCROOT },
    region: { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn },
  };
}

function fingerprints(findings: LocatedFinding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const hash = createHash('sha256').update(`${f.code}\u0000${f.file}\u0000${f.message}`).digest('hex').slice(0, 32);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  });
}

/**
 * The run's invocation, when --enable or --severity changed what is reported: one rule configuration override per
 * code they name (enabled or not, and the level), so a reader of the log knows why a rule off by default has
 * results, or why a rule has none.
 */
function invocation(report: Report, index: Map<string, number>): object {
  const overrides = Object.entries(report.severity ?? {}).filter(([code]) => index.has(code));
  return {
    executionSuccessful: !report.findings.some((f) => f.code === 'internal-error'),
    ruleConfigurationOverrides: overrides.map(([code, level]) => ({
      descriptor: { id: code, index: index.get(code)! },
      configuration: level === 'off' ? { enabled: false } : { enabled: true, level: LEVEL[level] },
    })),
  };
}

export function formatSarif(report: Report): string {
  const pkg = packageInfo();
  const infos: CheckInfo[] = [...CATALOG];
  // a code missing from the catalog (a bug the catalog test catches) still gets a rule, never a dangling ruleId
  for (const f of report.findings) {
    if (!infos.some((i) => i.code === f.code)) infos.push({ code: f.code, severity: f.severity, title: f.code, description: f.code, enabled: true });
  }
  const index = new Map(infos.map((info, i) => [info.code, i]));
  const prints = fingerprints(report.findings);
  const base = report.base.endsWith('/') ? report.base : report.base + '/';
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: pkg.name, version: pkg.version, semanticVersion: pkg.version, informationUri: pkg.home, rules: infos.map(rule) } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(base).href, description: { text: 'The folder pbx-interconnect check ran in.' } } },
        ...(report.severity ? { invocations: [invocation(report, index)] } : {}),
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f, i) => ({
          ruleId: f.code,
          ruleIndex: index.get(f.code)!,
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [{ physicalLocation: physical(f) }],
          ...(f.related.length > 0 ? { relatedLocations: f.related.map((r, id) => ({ id, message: { text: r.message }, physicalLocation: physical(r) })) } : {}),
          partialFingerprints: { [FINGERPRINT_KEY]: prints[i] },
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
