// chan_sip -> chan_pjsip over LSP (issue 15): the converter's Migration as a WorkspaceEdit that VS Code previews
// before writing anything (every operation carries a change annotation with needsConfirmation), its notes with
// URIs, the proof, and the CodeLens on sip.conf that starts the command. The only place the migration's texts
// become Ranges.
import * as path from 'node:path';
import type { ChangeAnnotation, CodeLens, CreateFile, RenameFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import { changedBlocks } from '../analysis/migrate/lineDiff';
import { migratePbx } from '../analysis/migrate/convert';
import { proveMigration } from '../analysis/migrate/proof';
import { proofMarkdown } from '../analysis/migrate/proofTable';
import type { Migration } from '../analysis/migrate/types';
import type { Pbx } from '../model/pbx';
import { pbxOfFile, pbxsOf } from '../model/pbx';
import type { Workspace } from '../model/workspace';
import type { MigrateResult } from '../protocol';
import { MIGRATE_COMMAND } from '../protocol';
import { positionAt } from './positions';

type ToUri = (file: string) => string;

/** The change annotations: one per kind of operation, each to be confirmed. */
export const ANNOTATIONS = { create: 'pbx-migrate-create', edit: 'pbx-migrate-edit', backup: 'pbx-migrate-backup' } as const;

/** The PBX a folder or a file names: the PBX of that folder, or the one whose folder holds the file. */
export function pbxNamed(workspace: Workspace, file: string): Pbx | undefined {
  const pbxs = pbxsOf(workspace);
  return pbxs.find((p) => p.dir === file) ?? pbxOfFile(pbxs, file);
}

/** Line starts of a text as VS Code counts lines (`\n`, `\r\n` and a lone `\r` each end one). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** The Migration as document changes: files created (then filled), the lines that change, sip.conf renamed to its backup last. */
export function migrationEdit(migration: Migration, toUri: ToUri): WorkspaceEdit {
  const pbx = path.posix.basename(migration.pbx);
  const annotation = (label: string, description: string): ChangeAnnotation => ({ label, description, needsConfirmation: true });
  const changeAnnotations: Record<string, ChangeAnnotation> = {
    [ANNOTATIONS.create]: annotation(`Create the chan_pjsip files of ${pbx}`, 'New files written by the migration'),
    [ANNOTATIONS.edit]: annotation(`Rewrite ${pbx} for chan_pjsip`, 'Existing files whose text the migration replaces'),
    [ANNOTATIONS.backup]: annotation(`Keep ${pbx}'s sip.conf as a backup`, 'chan_sip files renamed out of Asterisk\'s reach, never deleted'),
  };
  const creates: (CreateFile | TextDocumentEdit)[] = [];
  const edits: TextDocumentEdit[] = [];
  const renames: RenameFile[] = [];
  for (const c of migration.changes) {
    const uri = toUri(c.file);
    if (c.after === null) {
      // never deleted: without a backup name the converter's change is kept out of the edit (the notes say why)
      if (c.backup !== null) renames.push({ kind: 'rename', oldUri: uri, newUri: toUri(c.backup), options: { overwrite: false, ignoreIfExists: false }, annotationId: ANNOTATIONS.backup });
    } else if (c.before === null) {
      creates.push({ kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false }, annotationId: ANNOTATIONS.create });
      creates.push({ textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: c.after, annotationId: ANNOTATIONS.create }] });
    } else if (c.after !== c.before) {
      // the lines that change, block by block (the preview then shows each change, not the whole file replaced)
      const starts = lineStartsOf(c.before);
      const blocks = changedBlocks(c.before, c.after).map((b) => ({ range: { start: positionAt(starts, b.start), end: positionAt(starts, b.end) }, newText: b.text, annotationId: ANNOTATIONS.edit }));
      edits.push({ textDocument: { uri, version: null }, edits: blocks });
    }
  }
  return { documentChanges: [...creates, ...edits, ...renames], changeAnnotations };
}

/** `pbx/migrate`: the migration of the PBX of `file` (a folder or a file in it), its edit, notes and proof. */
export function migrate(workspace: Workspace, file: string, wizard: boolean, toUri: ToUri): MigrateResult {
  const pbx = pbxNamed(workspace, file);
  if (!pbx) return { pbx: '', uri: toUri(file), edit: null, notes: [], markdown: '', proof: { rows: [], trunks: [] }, refused: 'No PBX there: no extensions.conf, sip.conf or pjsip.conf in that folder.' };
  if (!pbx.sip) return { pbx: pbx.name, uri: toUri(pbx.dir), edit: null, notes: [], markdown: '', proof: { rows: [], trunks: [] }, refused: `${pbx.name} has no sip.conf: nothing to migrate.` };
  const migration = migratePbx(workspace, pbx, { wizard });
  const proof = proveMigration(workspace, [migration]);
  return {
    pbx: pbx.name,
    uri: toUri(pbx.dir),
    edit: migrationEdit(migration, toUri),
    notes: migration.notes.map((n) => ({ uri: toUri(n.file), line: n.line, text: n.text, reason: n.reason, kind: n.kind })),
    markdown: proofMarkdown(proof),
    proof,
  };
}

/** "Migrate to chan_pjsip…" on the first line of every sip.conf of a PBX. */
export function migrateLenses(workspace: Workspace, file: string, toUri: ToUri): CodeLens[] {
  if (path.posix.basename(file) !== 'sip.conf') return [];
  const pbx = pbxNamed(workspace, file);
  if (!pbx) return [];
  const start = { line: 0, character: 0 };
  return [{ range: { start, end: start }, command: { title: 'Migrate to chan_pjsip…', command: MIGRATE_COMMAND, arguments: [{ uri: toUri(pbx.dir) }] } }];
}
