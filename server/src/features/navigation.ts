// Go to definition, find references and rename, over the occurrence index (analysis/navigation/occurrences.ts).
// Rename covers contexts, labels, peers, endpoints, auths, aors and templates across files and PBX folders; it is
// refused, with the reason, where the name is built at run time or where the new name cannot be written.
import * as path from 'node:path';
import type { AnnotatedTextEdit, ChangeAnnotation, Location, Range, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver';
import { SymbolKind as SymbolKindLsp } from 'vscode-languageserver';
import type { Occurrence, SymbolKind } from '../analysis/navigation/occurrences';
import { occurrenceAt, occurrenceIndex, occurrencesOf } from '../analysis/navigation/occurrences';
import type { Workspace } from '../model/workspace';
import { rangeOf } from './positions';

type ToUri = (file: string) => string;

const RENAMABLE: SymbolKind[] = ['context', 'label', 'template', 'peer', 'endpoint', 'auth', 'aor', 'transport', 'friend'];

function location(workspace: Workspace, o: Occurrence, toUri: ToUri): Location | null {
  const doc = workspace.document(o.file);
  if (!doc) return null;
  return { uri: toUri(o.file), range: rangeOf(doc.lineStarts, o.start, o.end) };
}

const located = (l: Location | null): l is Location => l !== null;

export function definition(workspace: Workspace, file: string, offset: number, toUri: ToUri): Location[] {
  const at = occurrenceAt(workspace, file, offset);
  if (!at || at.dynamic) return [];
  return occurrencesOf(workspace, at)
    .filter((o) => o.definition)
    .map((o) => location(workspace, o, toUri))
    .filter(located);
}

export function references(workspace: Workspace, file: string, offset: number, includeDeclaration: boolean, toUri: ToUri): Location[] {
  const at = occurrenceAt(workspace, file, offset);
  if (!at || at.dynamic) return [];
  return occurrencesOf(workspace, at)
    .filter((o) => includeDeclaration || !o.definition)
    .map((o) => location(workspace, o, toUri))
    .filter(located);
}

/** Why the name at this place cannot be renamed, or the range to rename and its current text. */
export function prepareRename(workspace: Workspace, file: string, offset: number): { range: Range; placeholder: string } | { refused: string } | null {
  const at = occurrenceAt(workspace, file, offset);
  if (!at) return null;
  if (at.dynamic) return { refused: `This ${at.kind} name is built at run time (${at.name}): which ${at.kind} it names is only known on a live call, so it cannot be renamed here.` };
  if (!RENAMABLE.includes(at.kind)) return { refused: `A ${at.kind === 'global' ? '[globals] variable' : 'file'} cannot be renamed here.` };
  if (!occurrencesOf(workspace, at).some((o) => o.definition)) return { refused: `'${at.name}' is not defined in the workspace: there is nothing to rename it with.` };
  const doc = workspace.document(file)!;
  return { range: rangeOf(doc.lineStarts, at.start, at.end), placeholder: at.prefix ? at.name.slice(at.prefix.length) : at.name };
}

/** Characters that would change how Asterisk reads the line: section brackets, separators, comments, spaces. */
const BAD_NAME = /[\s[\](),;|&@/\\=$^]/;

export function rename(workspace: Workspace, file: string, offset: number, newName: string, toUri: ToUri): WorkspaceEdit | { refused: string } | null {
  const at = occurrenceAt(workspace, file, offset);
  const ready = prepareRename(workspace, file, offset);
  if (!at || !ready) return null;
  if ('refused' in ready) return ready;
  // from a Macro(name), the new name is written without `macro-`
  const full = at.prefix && !newName.startsWith(at.prefix) ? at.prefix + newName : newName;
  if (full === '' || BAD_NAME.test(full)) return { refused: `'${newName}' cannot be a ${at.kind} name: spaces and [ ] ( ) , ; | & @ / \\ = $ ^ change how Asterisk reads the line.` };
  const all = occurrencesOf(workspace, at);
  if (full !== at.name && occurrencesOf(workspace, { ...at, name: full }).some((o) => o.definition)) {
    return { refused: `A ${at.kind} '${full}' already exists there: renaming would merge the two.` };
  }
  const prefixed = all.find((o) => o.prefix && !full.startsWith(o.prefix));
  if (prefixed) return { refused: `A Macro() runs it, and a macro's context name must start with '${prefixed.prefix}': '${full}' does not.` };
  const dirs = new Set(all.filter((o) => o.definition).map((o) => path.posix.dirname(o.file)));
  const annotations: Record<string, ChangeAnnotation> = {};
  const changes: Record<string, AnnotatedTextEdit[]> = {};
  const files = new Set(all.map((o) => o.file));
  for (const o of all) {
    const doc = workspace.document(o.file);
    if (!doc || o.dynamic) continue;
    // the other side of a trunk names this peer: its register user and username must follow, or the trunk breaks
    const elsewhere = !dirs.has(path.posix.dirname(o.file));
    const id = elsewhere ? 'other-pbx' : 'here';
    annotations[id] ??= elsewhere
      ? { label: 'On the other PBX', description: `names '${at.name}' across the trunk`, needsConfirmation: true }
      : { label: `Rename ${at.kind} '${at.name}'`, needsConfirmation: files.size > 1 };
    const text = o.prefix ? full.slice(o.prefix.length) : full;
    (changes[toUri(o.file)] ??= []).push({ range: rangeOf(doc.lineStarts, o.start, o.end), newText: text, annotationId: id });
  }
  return {
    documentChanges: Object.entries(changes).map(([uri, edits]) => ({ textDocument: { uri, version: null }, edits })),
    changeAnnotations: annotations,
  };
}

const SYMBOL_KINDS: Partial<Record<SymbolKind, SymbolKindLsp>> = {
  context: SymbolKindLsp.Namespace,
  label: SymbolKindLsp.Key,
  template: SymbolKindLsp.Interface,
  peer: SymbolKindLsp.Object,
  endpoint: SymbolKindLsp.Object,
  auth: SymbolKindLsp.Struct,
  aor: SymbolKindLsp.Struct,
  transport: SymbolKindLsp.Struct,
  global: SymbolKindLsp.Variable,
  friend: SymbolKindLsp.Object,
};

/** The most symbols one query returns (the client filters further as the user types). */
const MAX_SYMBOLS = 500;

/** Workspace symbols: every definition whose name contains the query's characters in order (case-insensitive). */
export function workspaceSymbols(workspace: Workspace, query: string, toUri: ToUri): SymbolInformation[] {
  const q = query.toLowerCase();
  const fits = (name: string): boolean => {
    let i = 0;
    for (const c of name.toLowerCase()) if (c === q[i]) i++;
    return i === q.length;
  };
  const out: SymbolInformation[] = [];
  for (const o of occurrenceIndex(workspace).all) {
    const kind = SYMBOL_KINDS[o.kind];
    if (!o.definition || kind === undefined || !fits(o.name)) continue;
    const where = location(workspace, o, toUri);
    if (!where) continue;
    const folder = path.posix.basename(path.posix.dirname(o.file));
    out.push({ name: o.name, kind, location: where, containerName: `${o.kind} · ${folder}` });
    if (out.length >= MAX_SYMBOLS) break;
  }
  return out;
}
