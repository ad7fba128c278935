// Open editor documents with incremental sync: keeps each buffer, puts it in front of the disk for the model,
// and tells the workspace exactly which range changed so it can re-parse only that part.
import type { Connection, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { OverlayFileHost } from './model/fileHost';
import type { Workspace } from './model/workspace';
import type { TextEdit } from './parser/incremental';

export type PathOf = (uri: string) => string | undefined;

export class OpenDocuments {
  private readonly docs = new Map<string, TextDocument>();

  constructor(
    private readonly host: OverlayFileHost,
    private readonly workspace: Workspace,
    private readonly pathOf: PathOf,
  ) {}

  get(uri: string): TextDocument | undefined {
    return this.docs.get(uri);
  }

  uris(): string[] {
    return [...this.docs.keys()];
  }

  listen(connection: Connection, on: { opened(uri: string): void; changed(uri: string): void; closed(uri: string): void }): void {
    connection.onDidOpenTextDocument(({ textDocument: t }) => {
      this.docs.set(t.uri, TextDocument.create(t.uri, t.languageId, t.version, t.text));
      const file = this.pathOf(t.uri);
      if (file !== undefined) {
        this.host.overlay.set(file, t.text);
        this.workspace.addKnown(file);
        this.workspace.changed(file);
      }
      on.opened(t.uri);
    });
    connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
      const old = this.docs.get(textDocument.uri);
      if (old === undefined) return;
      const changes = contentChanges.length === 1 ? [clamped(old, contentChanges[0])] : contentChanges;
      let doc = old;
      // one at a time, each clamped to the document it applies to (a change's positions refer to the text after
      // the changes before it)
      if (changes.length === 1) doc = TextDocument.update(old, changes, textDocument.version);
      else for (const c of changes) doc = TextDocument.update(doc, [clamped(doc, c)], textDocument.version);
      const edits = changes.length === 1 ? toEdits(old, changes, doc.getText().length) : [];
      this.docs.set(textDocument.uri, doc);
      const file = this.pathOf(textDocument.uri);
      if (file !== undefined) {
        const text = doc.getText();
        this.host.overlay.set(file, text);
        this.workspace.edited(file, text, edits);
      }
      on.changed(textDocument.uri);
    });
    connection.onDidCloseTextDocument(({ textDocument }) => {
      this.docs.delete(textDocument.uri);
      const file = this.pathOf(textDocument.uri);
      if (file !== undefined) {
        this.host.overlay.delete(file);
        this.workspace.changed(file);
      }
      on.closed(textDocument.uri);
    });
  }
}

/**
 * A change with its range inside the document. TextDocument.update reads offsets with clamping but updates its
 * line table with the raw line numbers: a range on a line past the end (which VS Code never sends and other clients
 * do) left holes in that table, and the next edit landed at the wrong place (found by test/lsp/fuzz.test.ts).
 */
export function clamped(doc: TextDocument, change: TextDocumentContentChangeEvent): TextDocumentContentChangeEvent {
  if (!('range' in change) || !change.range) return change;
  const a = doc.offsetAt(change.range.start);
  const b = doc.offsetAt(change.range.end);
  return { range: { start: doc.positionAt(Math.min(a, b)), end: doc.positionAt(Math.max(a, b)) }, text: change.text };
}

/**
 * The offsets of an incremental change, read as the LSP specification says and as TextDocument.update applies it:
 * a line past the end means the end of the document, a character past the end of its line the end of that line,
 * and a range whose end comes before its start is taken the other way round (issue 13, F3). The incremental parse
 * gets the edit only when it gives exactly the editor's new length; otherwise the file is parsed afresh.
 */
export function toEdits(old: TextDocument, changes: TextDocumentContentChangeEvent[], newLength: number): TextEdit[] {
  const edits = changes.flatMap((c) => {
    if (!('range' in c) || !c.range) return [];
    const a = old.offsetAt(c.range.start);
    const b = old.offsetAt(c.range.end);
    return [{ start: Math.min(a, b), end: Math.max(a, b), text: c.text }];
  });
  return edits.length === 1 && old.getText().length - (edits[0].end - edits[0].start) + edits[0].text.length === newLength ? edits : [];
}
