// `pbx-interconnect check`: the findings of the editor for terminals and CI. Strict about what it is given, so a
// wrong path never passes a CI gate: a path that does not exist, a --pbx folder without Asterisk configuration,
// --pbx naming a file, or a file that is not UTF-8 text is an error (exit 2), never "0 findings". The one
// exception is asked for: with style-invalid-utf8 enabled, a file that is not UTF-8 is read as the editor reads it
// (each bad sequence a U+FFFD) and its bytes are that finding. A NUL byte is always a refusal (a binary, a UTF-16
// file), as VS Code takes such a file for binary.
import * as fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import * as path from 'node:path';
import { fileFindings } from '../analysis/findings';
import type { SeverityChoice, SeverityOverrides } from '../analysis/severities';
import { isEnabled, isSeverityChoice, resolveSeverities, SEVERITY_CHOICES } from '../analysis/severities';
import { DiskFileHost } from '../model/fileHost';
import { FRIENDS_FILE } from '../model/ivozprovider';
import { ROOT_FILES, Workspace } from '../model/workspace';
import type { Severity } from '../parser/ast';
import { lineAndCharacter } from '../parser/lines';
import { formatJson, formatText } from './format';
import type { CliIo } from './run';
import { formatSarif } from './sarif';
import { ioError, usageError } from './usage';
import { append } from '../model/append';

/** A 1-based span: columns count UTF-16 code units, the end is exclusive (as LSP and SARIF's default). */
export interface Span {
  /** Path relative to the current folder, with `/`. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LocatedFinding extends Span {
  code: string;
  severity: Severity;
  message: string;
  related: (Span & { message: string })[];
}

/** What the formats write: the findings, and where paths are relative to. */
export interface Report {
  findings: LocatedFinding[];
  /** The current folder (absolute, `/` separators): files are relative to it. */
  base: string;
  /** The severities --enable and --severity chose, code by code (SARIF's rule configuration overrides). */
  severity?: SeverityOverrides;
}

const FORMATS = ['text', 'json', 'sarif'];

export function runCheck(args: string[], io: CliIo): number {
  const dirs: string[] = [];
  const files: string[] = [];
  let format = 'text';
  let outside = false;
  let version: number | null = null;
  /** --enable and --severity, in order: a code or pattern and what it gets (`on`: its default severity). */
  const choices: [string, SeverityChoice][] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (name === '--pbx' || name === '--format') {
      const v = eq > 0 && name !== a ? a.slice(eq + 1) : args[++i];
      if (v === undefined || v === '') return usageError(io, 'check', `${name} needs a value`);
      if (name === '--pbx') dirs.push(v);
      else format = v;
    } else if (name === '--asterisk-version') {
      const v = eq > 0 && name !== a ? a.slice(eq + 1) : args[++i];
      if (v === undefined || !/^(18|19|20|21|22|23)$/.test(v)) return usageError(io, 'check', `--asterisk-version must be 18 to 23, not '${v ?? ''}'`);
      version = Number(v);
    } else if (name === '--enable' || name === '--severity') {
      const v = eq > 0 && name !== a ? a.slice(eq + 1) : args[++i];
      if (v === undefined || v === '') return usageError(io, 'check', `${name} needs a value`);
      if (name === '--enable') choices.push([v, 'on']);
      else {
        const at = v.indexOf('=');
        const level = v.slice(at + 1);
        if (at <= 0 || !isSeverityChoice(level)) return usageError(io, 'check', `--severity wants CODE=LEVEL, LEVEL one of ${SEVERITY_CHOICES.join(', ')}, not '${v}'`);
        choices.push([v.slice(0, at), level]);
      }
    } else if (a === '--include-outside') outside = true;
    else if (a.startsWith('-') && a !== '-') return usageError(io, 'check', `unknown option '${a}'`);
    else files.push(a);
  }
  if (!FORMATS.includes(format)) return usageError(io, 'check', `--format must be text, json or sarif, not '${format}'`);
  if (dirs.length === 0 && files.length === 0) dirs.push('.');
  const { overrides, unknown } = resolveSeverities(choices);
  if (unknown.length > 0) return usageError(io, 'check', `no finding code is or starts with '${unknown[0]}' (README lists the codes; 'style' names the style-* family)`);

  const cwd = toPosix(path.resolve(io.cwd));
  const abs = (p: string): string => toPosix(path.resolve(io.cwd, p));
  const shown = (p: string): string => (p === '.' ? 'the current folder' : p);
  // every path first: a wrong one is reported before anything is read
  for (const d of dirs) {
    const kind = kindOf(abs(d));
    if (kind === 'none') return ioError(io, `no such folder: ${d}`);
    if (kind === 'file') return ioError(io, `--pbx wants a folder, and ${d} is a file (to check one file: pbx-interconnect check ${d})`);
  }
  for (const f of files) {
    const kind = kindOf(abs(f));
    if (kind === 'none') return ioError(io, `no such file: ${f}`);
    if (kind === 'dir') return ioError(io, `${f} is a folder (to check every config file under it: pbx-interconnect check --pbx ${f})`);
  }

  const workspace = new Workspace(new DiskFileHost());
  workspace.configure({ includeOutsideWorkspace: outside, asteriskVersion: version, severity: overrides });
  const targets: string[] = [];
  for (const d of dirs) {
    const found = workspace.scan(abs(d), 100000);
    if (found.length === 0) return ioError(io, `no Asterisk configuration in ${shown(d)}: no *.conf file under it`);
    append(targets, found);
  }
  // a file is read with the rest of its PBX folder: who includes it, the PBX's trunks and channels
  const scanned = new Set<string>();
  for (const f of files) {
    const file = abs(f);
    const root = pbxFolderOf(file, file.startsWith(cwd + '/') ? cwd : null);
    if (root !== null && !scanned.has(root)) {
      scanned.add(root);
      workspace.scan(root, 100000);
    } else if (root === null) workspace.addFolder(path.posix.dirname(file));
    workspace.addKnown(file);
    targets.push(file);
  }
  const unique = [...new Set(targets)];
  const given = new Map(files.map((f) => [abs(f), f]));
  const readNotUtf8 = isEnabled('style-invalid-utf8', overrides);
  for (const file of unique) {
    const problem = notText(file, { readNotUtf8, notUtf8Hint: ' (or report its bytes: --enable style-invalid-utf8)' });
    if (problem) return ioError(io, `${given.get(file) ?? relative(cwd, file)} ${problem}`);
  }

  const position = (file: string, start: number, end: number): Span => {
    const doc = workspace.document(file);
    const s = doc ? lineAndCharacter(doc.lineStarts, start) : { line: 0, character: 0 };
    const e = doc ? lineAndCharacter(doc.lineStarts, end) : s;
    return { file: relative(cwd, file), line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  const findings: LocatedFinding[] = [];
  for (const file of unique) {
    for (const f of fileFindings(workspace, file)) {
      const severity = overrides[f.code] ?? f.severity;
      if (severity === 'off') continue;
      findings.push({
        code: f.code,
        severity,
        message: f.message,
        ...position(file, f.start, f.end),
        related: f.related.map((r) => ({ ...position(r.file, r.start, r.end), message: r.message })),
      });
    }
  }
  const report: Report = { findings, base: cwd, ...(choices.length > 0 ? { severity: overrides } : {}) };
  io.out(format === 'json' ? formatJson(report) : format === 'sarif' ? formatSarif(report) : formatText(report));
  // 3: we failed somewhere (the internal-error findings say where), whatever else was found
  if (findings.some((f) => f.code === 'internal-error')) return 3;
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function relative(base: string, file: string): string {
  return path.posix.relative(base, file);
}

function kindOf(p: string): 'file' | 'dir' | 'none' {
  try {
    const s = fs.statSync(p);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'none';
  } catch {
    return 'none';
  }
}

/**
 * The PBX folder of a file: the nearest folder, from its own upwards, that holds a root file (extensions.conf,
 * sip.conf, ... or the IvozProvider friends file). Not above `limit` (the current folder, when the file is in it).
 */
function pbxFolderOf(file: string, limit: string | null): string | null {
  let dir = path.posix.dirname(file);
  for (;;) {
    if ([...ROOT_FILES, FRIENDS_FILE].some((f) => kindOf(path.posix.join(dir, f)) === 'file')) return dir;
    const up = path.posix.dirname(dir);
    if (dir === limit || up === dir) return null;
    dir = up;
  }
}

/**
 * Why a file is no UTF-8 text, or null when it is. Asterisk configuration is text; a binary file is a wrong path.
 * With `readNotUtf8` (style-invalid-utf8 enabled), bytes that are not UTF-8 are a finding, not a refusal;
 * `notUtf8Hint` ends the refusal's message.
 */
export function notText(file: string, { readNotUtf8 = false, notUtf8Hint = '' } = {}): string | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`;
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return `is not a text file: it holds NUL bytes (the first at byte ${nul}); nothing was checked`;
  // validated in place, without decoding (a 50 MB file would become a 50 MB string only to be dropped)
  if (readNotUtf8 || isUtf8(bytes)) return null;
  const at = firstBadByte(bytes);
  const where = at < 0 ? '' : ` (line ${countLines(bytes, at)}, byte 0x${bytes[at].toString(16).toUpperCase()})`;
  return `is not UTF-8 text${where}; nothing was checked. Convert it first, e.g. iconv -f latin1 -t utf-8${notUtf8Hint}`;
}

/** The offset of the first byte that starts no valid UTF-8 sequence (for the message; -1 if not found). */
function firstBadByte(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const x = b[i];
    const n = x < 0x80 ? 0 : x >= 0xc2 && x <= 0xdf ? 1 : x >= 0xe0 && x <= 0xef ? 2 : x >= 0xf0 && x <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

function countLines(b: Uint8Array, end: number): number {
  let n = 1;
  for (let i = 0; i < end; i++) if (b[i] === 10) n++;
  return n;
}
