// Command-line interface. Exit codes: 0 no error found, 1 an error finding, 2 usage or I/O error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../analysis/findings';
import { fileFindings } from '../analysis/findings';
import { DiskFileHost } from '../model/fileHost';
import { Workspace } from '../model/workspace';
import { lineAndCharacter } from '../parser/lines';
import { formatJson, formatSarif, formatText } from './format';
import { MATCH_USAGE, runMatch } from './match';
import { runSimulate, SIMULATE_USAGE } from './simulate';

export interface CliIo {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
}

export const USAGE = `Usage:
  pbx-interconnect check [--pbx DIR]... [FILE]... [--format text|json|sarif]
  pbx-interconnect match NUMBER --context CTX [--pbx DIR] [--caller-id CID] [--at ISO-TIME|any] [--json]
  pbx-interconnect simulate NUMBER --from [PBX:]CONTEXT|peer:NAME|endpoint:NAME|friend:NAME [--pbx DIR]... [--json]

  --pbx DIR    check every Asterisk config file under DIR (default: the current folder)
  FILE         check one file on its own, whatever its name
  --format     text (default), json or sarif
Exit status: 0 when no finding is an error, 1 when one is, 2 on a usage or I/O error.
`;

export function runCli(argv: string[], io: CliIo): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.err : io.out)(USAGE + '\n' + MATCH_USAGE + '\n' + SIMULATE_USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'check') return check(rest, io);
  if (command === 'match') return runMatch(rest, io);
  if (command === 'simulate') return runSimulate(rest, io);
  io.err(`pbx-interconnect: unknown command '${command}'\n${USAGE}`);
  return 2;
}

export interface LocatedFinding extends Finding {
  /** Path relative to the current folder, with `/`. */
  relative: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function check(args: string[], io: CliIo): number {
  const dirs: string[] = [];
  const files: string[] = [];
  let format = 'text';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--pbx' || a === '--format') {
      const v = args[++i];
      if (v === undefined) {
        io.err(`pbx-interconnect: ${a} needs a value\n${USAGE}`);
        return 2;
      }
      if (a === '--pbx') dirs.push(v);
      else format = v;
    } else if (a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (a.startsWith('--pbx=')) dirs.push(a.slice('--pbx='.length));
    else if (a.startsWith('-')) {
      io.err(`pbx-interconnect: unknown option '${a}'\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (!['text', 'json', 'sarif'].includes(format)) {
    io.err(`pbx-interconnect: --format must be text, json or sarif, not '${format}'\n`);
    return 2;
  }
  if (dirs.length === 0 && files.length === 0) dirs.push('.');

  const abs = (p: string): string => path.resolve(io.cwd, p).split(path.sep).join('/');
  const workspace = new Workspace(new DiskFileHost());
  const targets: string[] = [];
  for (const d of dirs) {
    const dir = abs(d);
    if (!isDir(dir)) {
      io.err(`pbx-interconnect: no such folder: ${d}\n`);
      return 2;
    }
    targets.push(...workspace.scan(dir, 100000));
  }
  for (const f of files) {
    const file = abs(f);
    if (!isFile(file)) {
      io.err(`pbx-interconnect: cannot read ${f}\n`);
      return 2;
    }
    targets.push(file);
  }

  const findings: LocatedFinding[] = [];
  for (const file of [...new Set(targets)]) {
    const doc = workspace.document(file);
    if (doc === undefined) continue;
    for (const f of fileFindings(workspace, file)) {
      const s = lineAndCharacter(doc.lineStarts, f.start);
      const e = lineAndCharacter(doc.lineStarts, f.end);
      findings.push({ ...f, relative: path.relative(io.cwd, file).split(path.sep).join('/'), line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 });
    }
  }
  const relatedLine = (file: string, offset: number): number => {
    const doc = workspace.document(file);
    return doc ? lineAndCharacter(doc.lineStarts, offset).line + 1 : 1;
  };
  const rel = (file: string): string => path.relative(io.cwd, file).split(path.sep).join('/');
  if (format === 'json') io.out(formatJson(findings, rel, relatedLine));
  else if (format === 'sarif') io.out(formatSarif(findings, rel, relatedLine));
  else io.out(formatText(findings, rel, relatedLine));
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
