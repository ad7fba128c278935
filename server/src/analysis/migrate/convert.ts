// A PBX's chan_sip configuration as a chan_pjsip one (issue 15): sip.conf -> pjsip.conf (sipToPjsip.ts), every
// dialplan file's SIP devices, functions and applications (dialStrings.ts), modules.conf's chan_sip lines; sip.conf
// itself is taken out of Asterisk's reach (kept as sip.conf.chan_sip). Pure: reads the model and the texts, writes
// nothing; the CLI and the editor show the Migration and write it only when asked.
import * as path from 'node:path';
import type { Pbx } from '../../model/pbx';
import { isDialplanFileName } from '../../model/workspace';
import type { Workspace } from '../../model/workspace';
import { rewriteDialplanLine } from './dialStrings';
import { convertSip } from './sipToPjsip';
import type { FileChange, Migration, MigrationNote, MigrationOptions } from './types';

export const SIP_BACKUP_SUFFIX = '.chan_sip';

/** The files of the PBX's folder (and below it) the workspace knows, sorted. */
function filesOf(workspace: Workspace, pbx: Pbx): string[] {
  return [...workspace.known].filter((f) => f.startsWith(pbx.dir + '/')).sort();
}

/** The dialplan files: extensions*.conf of the folder and whatever they #include. */
function dialplanFiles(workspace: Workspace, pbx: Pbx): string[] {
  const out = new Set<string>();
  const queue = filesOf(workspace, pbx).filter((f) => isDialplanFileName(f) && path.posix.dirname(f) === pbx.dir);
  while (queue.length > 0) {
    const f = queue.shift()!;
    if (out.has(f)) continue;
    out.add(f);
    for (const inc of workspace.includes(f)) if (!out.has(inc) && workspace.host.read(inc) !== undefined) queue.push(inc);
  }
  return [...out].sort();
}

function lineEnding(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** modules.conf: chan_sip lines become chan_pjsip ones (Asterisk 21 has no chan_sip.so to load). */
function rewriteModules(file: string, text: string, notes: MigrationNote[]): string | null {
  const eol = lineEnding(text);
  const lines = text.split(/\r?\n/);
  let changed = false;
  const autoload = /^\s*autoload\s*=\s*(yes|true|1)/im.test(text);
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)(load|noload|require|preload|preload-require)\s*=>?\s*chan_sip(\.so)?\s*(;.*)?$/i.exec(lines[i]);
    if (m) {
      changed = true;
      const verb = m[2].toLowerCase();
      if (verb === 'noload') {
        lines[i] = `; ${lines[i].trim()} ; chan_sip is gone in Asterisk 21 (pbx-interconnect migrate)`;
        continue;
      }
      lines[i] = `${m[1]}${m[2]} => chan_pjsip.so ; was chan_sip.so (pbx-interconnect migrate)`;
      if (!autoload) {
        lines.splice(i + 1, 0, `${m[1]}${m[2]} => res_pjsip.so`, `${m[1]}${m[2]} => res_pjsip_session.so`, `${m[1]}${m[2]} => res_pjsip_authenticator_digest.so`, `${m[1]}${m[2]} => res_pjsip_outbound_authenticator_digest.so`, `${m[1]}${m[2]} => res_pjsip_outbound_registration.so`, `${m[1]}${m[2]} => res_pjsip_endpoint_identifier_ip.so`, `${m[1]}${m[2]} => res_pjsip_endpoint_identifier_user.so`, `${m[1]}${m[2]} => res_pjsip_registrar.so`, `${m[1]}${m[2]} => res_sorcery_config.so`);
        notes.push({ file, line: i, text: m[0].trim(), reason: 'autoload is off: chan_pjsip and the res_pjsip modules it needs (session, digest auth, outbound registration, identifiers, registrar, sorcery) are loaded by name; add others your PBX uses (res_pjsip_sdp_rtp, res_pjsip_dtmf_info, res_pjsip_header_funcs...)', kind: 'approximated' });
        i += 9;
      }
      continue;
    }
    const n = /^\s*noload\s*=>?\s*(chan_pjsip|res_pjsip[a-z_]*)(\.so)?\s*(;.*)?$/i.exec(lines[i]);
    if (n) {
      changed = true;
      notes.push({ file, line: i, text: lines[i].trim(), reason: `${n[1]} is needed once chan_sip is gone: the noload line is kept as a comment`, kind: 'approximated' });
      lines[i] = `; ${lines[i].trim()} ; needed by chan_pjsip (pbx-interconnect migrate)`;
    }
  }
  return changed ? lines.join(eol) : null;
}

export function migratePbx(workspace: Workspace, pbx: Pbx, options: MigrationOptions): Migration {
  const changes: FileChange[] = [];
  const notes: MigrationNote[] = [];
  const sink = {
    note(file: string, line: number, text: string, reason: string, kind: MigrationNote['kind']): void {
      notes.push({ file, line, text, reason, kind });
    },
  };
  const read = (f: string): string | null => workspace.host.read(f) ?? null;
  if (pbx.sip) {
    const out = convertSip(pbx.sip, options.wizard === true, sink);
    const pjsipFile = path.posix.join(pbx.dir, 'pjsip.conf');
    const before = read(pjsipFile);
    const after = before === null ? `${out.pjsip.trimEnd()}\n` : `${before.replace(/\s*$/, '\n')}\n${out.pjsip.trimEnd()}\n`;
    if (before !== null) notes.push({ file: pjsipFile, line: 0, text: 'pjsip.conf', reason: 'the PBX already has a pjsip.conf: the converted objects are appended to it; check that no name is used twice for the same type', kind: 'approximated' });
    changes.push({ file: pjsipFile, before, after, backup: null });
    if (out.wizard !== null) {
      const wizardFile = path.posix.join(pbx.dir, 'pjsip_wizard.conf');
      const wb = read(wizardFile);
      changes.push({ file: wizardFile, before: wb, after: wb === null ? `${out.wizard.trimEnd()}\n` : `${wb.replace(/\s*$/, '\n')}\n${out.wizard.trimEnd()}\n`, backup: null });
    }
    // every file sip.conf reads (itself and its #includes) leaves Asterisk's reach
    for (const f of pbx.sip.config.files) {
      const text = read(f);
      if (text === null) continue;
      changes.push({ file: f, before: text, after: null, backup: `${f}${SIP_BACKUP_SUFFIX}` });
    }
  }
  for (const f of dialplanFiles(workspace, pbx)) {
    const text = read(f);
    if (text === null) continue;
    const eol = lineEnding(text);
    const lines = text.split(/\r?\n/);
    let changed = false;
    lines.forEach((line, i) => {
      const r = rewriteDialplanLine(line);
      if (r.text !== line) changed = true;
      for (const n of r.notes) notes.push({ file: f, line: i, text: line.trim(), reason: n.reason, kind: n.kind });
      lines[i] = r.text;
    });
    if (changed) changes.push({ file: f, before: text, after: lines.join(eol), backup: null });
  }
  const modules = path.posix.join(pbx.dir, 'modules.conf');
  const mtext = read(modules);
  if (mtext !== null) {
    const after = rewriteModules(modules, mtext, notes);
    if (after !== null) changes.push({ file: modules, before: mtext, after, backup: null });
  }
  notes.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return { pbx: pbx.dir, changes, notes };
}

/** The files of a migrated PBX: every file of the folder with the changes applied (null: not there any more). */
export function migratedFiles(workspace: Workspace, pbx: Pbx, migration: Migration): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of filesOf(workspace, pbx)) {
    const t = workspace.host.read(f);
    if (t !== undefined) out.set(f, t);
  }
  for (const c of migration.changes) {
    if (c.after === null) {
      out.delete(c.file);
      if (c.backup && c.before !== null) out.set(c.backup, c.before);
    } else out.set(c.file, c.after);
  }
  return out;
}
