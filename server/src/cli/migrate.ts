// `pbx-interconnect migrate`: a PBX's chan_sip configuration as chan_pjsip (analysis/migrate/convert.ts). Without
// --out it prints the change as a unified diff and the notes, and writes nothing; with --out it writes a converted
// copy of the whole PBX folder into a new folder. The PBX folder itself is never written.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { migratePbx } from '../analysis/migrate/convert';
import { proveMigration } from '../analysis/migrate/proof';
import { proofText } from '../analysis/migrate/proofTable';
import type { Migration, Proof } from '../analysis/migrate/types';
import { DiskFileHost } from '../model/fileHost';
import { pbxAt } from '../model/pbx';
import { ROOT_FILES, Workspace } from '../model/workspace';
import { unifiedDiff } from './diff';
import type { CliIo } from './run';
import { ioError, usageError } from './usage';

export function runMigrate(args: string[], io: CliIo): number {
  let dir: string | undefined;
  let out: string | undefined;
  let json = false;
  let wizard = false;
  const withDirs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--pbx' || a === '--out') {
      const v = args[++i];
      if (v === undefined || v === '') return usageError(io, 'migrate', `${a} needs a folder`);
      if (a === '--pbx') {
        if (dir !== undefined) return usageError(io, 'migrate', 'one --pbx only: migrate converts one PBX');
        dir = v;
      } else out = v;
    } else if (a === '--with') {
      const v = args[++i];
      if (v === undefined || v === '') return usageError(io, 'migrate', '--with needs a folder');
      withDirs.push(v);
    } else if (a === '--json') json = true;
    else if (a === '--wizard') wizard = true;
    else return usageError(io, 'migrate', a.startsWith('-') ? `unknown option '${a}'` : `unexpected argument '${a}'`);
  }
  const given = dir ?? '.';
  const pbxDir = path.resolve(io.cwd, given).split(path.sep).join('/');
  if (!fs.existsSync(pbxDir)) return ioError(io, `no such folder: ${given}`);
  if (!fs.statSync(pbxDir).isDirectory()) return ioError(io, `--pbx wants a PBX folder, and ${given} is a file`);
  if (!ROOT_FILES.some((f) => fs.existsSync(path.join(pbxDir, f)))) return ioError(io, `no PBX in ${given === '.' ? 'the current folder' : given}: it holds no extensions.conf, sip.conf or pjsip.conf`);
  let outDir: string | null = null;
  if (out !== undefined) {
    outDir = path.resolve(io.cwd, out).split(path.sep).join('/');
    if (outDir === pbxDir || outDir.startsWith(pbxDir + '/')) return ioError(io, `--out ${out} is the PBX folder or inside it: the original files are never overwritten; give a new folder`);
    if (pbxDir.startsWith(outDir + '/')) return ioError(io, `--out ${out} holds the PBX folder: give a new folder`);
    if (fs.existsSync(outDir) && (!fs.statSync(outDir).isDirectory() || fs.readdirSync(outDir).length > 0)) return ioError(io, `--out ${out} exists and is not an empty folder: give a new folder`);
  }
  const workspace = new Workspace(new DiskFileHost());
  workspace.scan(pbxDir, 100000);
  for (const w of withDirs) {
    const other = path.resolve(io.cwd, w).split(path.sep).join('/');
    if (!fs.existsSync(other) || !fs.statSync(other).isDirectory()) return ioError(io, `--with ${w}: no such folder`);
    workspace.scan(other, 100000);
  }
  const pbx = pbxAt(workspace, pbxDir);
  const migration = migratePbx(workspace, pbx, { wizard });
  if (json) {
    const proof = proveMigration(workspace, [migration]);
    io.out(`${JSON.stringify({ ...migration, proof }, null, 1)}\n`);
    if (outDir !== null) writeCopy(pbxDir, outDir, migration);
    return differs(proof) ? 1 : 0;
  }
  if (outDir !== null) {
    writeCopy(pbxDir, outDir, migration);
    io.out(`Wrote the migrated copy of ${given} into ${out}: ${summary(pbxDir, migration)}\n`);
  } else {
    if (migration.changes.length === 0) io.out(`Nothing to migrate in ${given}: no sip.conf, and no SIP device or function in the dialplan.\n`);
    for (const c of migration.changes) io.out(diffOf(pbxDir, c));
  }
  io.out(notesText(pbxDir, migration));
  return proofSection(workspace, migration, io);
}

/**
 * The proof of the migration (analysis/migrate/proof.ts: every call simulated before and after, every trunk to a
 * PBX read with --with paired again), after the diff and the notes: 1 when a call or a trunk ends differently.
 */
export function proofSection(workspace: Workspace, migration: Migration, io: CliIo): number {
  const proof = proveMigration(workspace, [migration]);
  io.out(`\n${proofText(proof)}`);
  return differs(proof) ? 1 : 0;
}

function differs(proof: Proof): boolean {
  return proof.rows.some((r) => !r.same) || proof.trunks.some((t) => !t.same);
}

function rel(pbxDir: string, file: string): string {
  return path.posix.relative(pbxDir, file);
}

function summary(pbxDir: string, m: Migration): string {
  const parts = m.changes.map((c) => (c.after === null ? `${rel(pbxDir, c.file)} -> ${rel(pbxDir, c.backup ?? c.file)}` : c.before === null ? `${rel(pbxDir, c.file)} (new)` : rel(pbxDir, c.file)));
  return parts.length > 0 ? parts.join(', ') : 'no change';
}

function diffOf(pbxDir: string, c: Migration['changes'][number]): string {
  const name = rel(pbxDir, c.file);
  if (c.after === null) {
    const backup = c.backup ? rel(pbxDir, c.backup) : null;
    return `rename ${name} -> ${backup ?? '(removed)'}: chan_sip's configuration, kept for reference; Asterisk 21 no longer reads it\n\n`;
  }
  return `${unifiedDiff(c.before === null ? '/dev/null' : `a/${name}`, `b/${name}`, c.before ?? '', c.after)}\n`;
}

function notesText(pbxDir: string, m: Migration): string {
  if (m.notes.length === 0) return 'Notes: none (every setting has an exact equivalent).\n';
  const lines = m.notes.map((n) => `  ${rel(pbxDir, n.file)}:${n.line + 1}: ${n.kind}: ${n.text}\n      ${n.reason}\n`);
  return `Notes (${m.notes.length}: what has no exact equivalent, kept as comments in the new files):\n${lines.join('')}`;
}

/** Copies the PBX folder into `outDir` (new), then applies the migration there. */
function writeCopy(pbxDir: string, outDir: string, m: Migration): void {
  fs.mkdirSync(outDir, { recursive: true });
  fs.cpSync(pbxDir, outDir, { recursive: true, dereference: false });
  const target = (f: string): string => path.join(outDir, path.posix.relative(pbxDir, f));
  for (const c of m.changes) {
    if (!c.file.startsWith(pbxDir + '/')) continue;
    if (c.after === null) {
      if (c.backup && c.before !== null) fs.writeFileSync(target(c.backup), c.before);
      fs.rmSync(target(c.file), { force: true });
    } else {
      fs.mkdirSync(path.dirname(target(c.file)), { recursive: true });
      fs.writeFileSync(target(c.file), c.after);
    }
  }
}
