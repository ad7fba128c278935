// The Problems panel: which files get diagnostics, and sending only what changed. With the scope `workspace`
// (the default, as the ESLint and rust-analyzer extensions do) every indexed file has its findings published,
// open or not, so that a trunk error on the other PBX's closed sip.conf shows up and a closed file keeps its
// findings; with `open`, only open documents have them, cleared on close.
import type { Diagnostic } from 'vscode-languageserver';
import type { Finding } from './analysis/findings';
import { filesFindings } from './analysis/findings';
import type { Workspace } from './model/workspace';
import type { ConfigDocument } from './parser/ast';

/**
 * What a file's diagnostics were made from: its findings (objects that the dialplan keeps across edits, moving
 * them in place), their offsets at that moment, and the parses their ranges were computed on. When all of it is
 * the same, so are the diagnostics: a 3,000-finding file is neither converted nor compared again.
 */
interface Inputs {
  findings: Finding[];
  offsets: number[];
  docs: (ConfigDocument | undefined)[];
}

export type DiagnosticsScope = 'workspace' | 'open';

export interface PublisherHooks {
  /** The URI of the open document of a file, or undefined when the file is not open. */
  openUri(file: string): string | undefined;
  /** The URI of a file that is not open. */
  uri(file: string): string;
  diagnostics(file: string, findings: Finding[]): Diagnostic[] | undefined;
  send(uri: string, diagnostics: Diagnostic[]): void;
}

export class DiagnosticsPublisher {
  /** file -> what was last sent for it, to send nothing when nothing changed. */
  private readonly sent = new Map<string, { uri: string; key: string }>();
  /** file -> what its last diagnostics were made from. */
  private readonly inputs = new Map<string, Inputs>();

  constructor(
    private readonly workspace: Workspace,
    private readonly hooks: PublisherHooks,
  ) {}

  /** Checks these files and sends the diagnostics of those whose diagnostics changed. */
  publish(files: Iterable<string>): void {
    for (const [file, findings] of filesFindings(this.workspace, files)) {
      const inputs = this.inputsOf(file, findings);
      const before = this.inputs.get(file);
      if (before !== undefined && this.sent.get(file)?.uri === this.uriOf(file) && same(before, inputs)) continue;
      const diagnostics = this.hooks.diagnostics(file, findings);
      if (diagnostics === undefined) continue;
      this.inputs.set(file, inputs);
      this.send(file, diagnostics);
    }
  }

  /** Settings that change how findings become diagnostics (severities) changed: make them all again. */
  invalidate(): void {
    this.inputs.clear();
  }

  private inputsOf(file: string, findings: Finding[]): Inputs {
    const offsets: number[] = [];
    const docs: (ConfigDocument | undefined)[] = [this.workspace.document(file)];
    for (const f of findings) {
      offsets.push(f.start, f.end, f.related.length);
      for (const r of f.related) {
        offsets.push(r.start, r.end);
        docs.push(this.workspace.document(r.file));
      }
    }
    return { findings, offsets, docs };
  }

  private uriOf(file: string): string {
    return this.hooks.openUri(file) ?? this.hooks.uri(file);
  }

  /** Every file of the scope, and clears the files that left it (closed, deleted, out of scope). */
  publishAll(scope: DiagnosticsScope, open: Iterable<string>): void {
    const files = new Set(open);
    if (scope === 'workspace') for (const file of this.workspace.known) files.add(file);
    for (const file of [...this.sent.keys()]) if (!files.has(file)) this.clear(file);
    this.publish(files);
  }

  /** Removes a file's diagnostics. */
  clear(file: string): void {
    this.inputs.delete(file);
    const before = this.sent.get(file);
    if (before === undefined) return;
    this.sent.delete(file);
    this.hooks.send(before.uri, []);
  }

  private send(file: string, diagnostics: Diagnostic[]): void {
    const open = this.hooks.openUri(file);
    const uri = this.uriOf(file);
    const key = JSON.stringify(diagnostics);
    const before = this.sent.get(file);
    if (before !== undefined && before.uri === uri && before.key === key) return;
    // a closed file that never had any has nothing to clear (thousands of clean files send nothing); an open one
    // is told, so that its editor knows it was checked
    if (before === undefined && diagnostics.length === 0 && open === undefined) return;
    // the file is now known under another URI (opened under its editor URI): the old one must not linger
    if (before !== undefined && before.uri !== uri) this.hooks.send(before.uri, []);
    this.sent.set(file, { uri, key });
    this.hooks.send(uri, diagnostics);
  }
}

function same(a: Inputs, b: Inputs): boolean {
  return sameItems(a.findings, b.findings) && sameItems(a.offsets, b.offsets) && sameItems(a.docs, b.docs);
}

function sameItems<T>(a: T[], b: T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
