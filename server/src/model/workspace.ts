// The workspace index: every Asterisk config file known (open or on disk), parsed lazily and cached by text,
// and the #include graph between them. Used by the language server and the CLI alike.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigDocument, Severity, SyntaxProblem } from '../parser/ast';
import { parseConfig } from '../parser/configParser';
import type { TextEdit } from '../parser/incremental';
import { reparseConfig } from '../parser/incremental';
import type { FileHost } from './fileHost';
import type { LoadedConfig } from './configLoader';
import { couldBeIncluded, loadConfig, resolveInclude } from './configLoader';
import { readModules } from './modules';
import type { Dialplan } from './dialplan';
import type { Positions } from './dialplan';
import { buildDialplan, DEFAULT_RUNTIME_CONTEXTS } from './dialplan';
import { append } from './append';

/** Code -> the severity the user chose for it, or `off` (analysis/severities.ts reads the setting into it). */
export type SeverityOverrides = Record<string, Severity | 'off'>;

export interface WorkspaceSettings {
  runtimeContexts: string[];
  /** PBX (folder name) -> the addresses it is reached at, for a PBX that binds to every address. */
  addresses: Record<string, string[]>;
  /** Read an #include that resolves outside the workspace folders (off: it is reported, never read). */
  includeOutsideWorkspace: boolean;
  /** The Asterisk version the PBXs run (18 to 23): what exists, what is deprecated; null: not chosen (20). */
  asteriskVersion: number | null;
  /** The severities chosen per code: which checks run (those off by default run once chosen), and how they report. */
  severity: SeverityOverrides;
}

/** Files that make a folder an Asterisk config root (the folder relative #include names resolve against). */
export const ROOT_FILES = ['extensions.conf', 'sip.conf', 'pjsip.conf', 'iax.conf', 'users.conf', 'asterisk.conf', 'modules.conf'];

/** File names the extension treats as Asterisk configuration. */
export function isConfigFileName(file: string): boolean {
  const base = path.posix.basename(file);
  return /\.conf(\.sample)?$/.test(base);
}

export function isDialplanFileName(file: string): boolean {
  return /^extensions.*\.conf(\.sample)?$/.test(path.posix.basename(file));
}

export class Workspace {
  /** Parses, kept until `changed()` says the file's text changed. */
  private readonly cache = new Map<string, ConfigDocument | undefined>();
  /** file -> files its #include directives name; and the reverse. Rebuilt after any change. */
  private reverseIncludes: Map<string, string[]> | null = null;
  private readonly configDirs = new Map<string, string>();
  private readonly knownFiles = new Set<string>();

  /** What the user configured: contexts made at run time, and addresses of PBXs that bind to 0.0.0.0. */
  readonly settings: WorkspaceSettings = { runtimeContexts: [...DEFAULT_RUNTIME_CONTEXTS], addresses: {}, includeOutsideWorkspace: false, asteriskVersion: null, severity: {} };

  /** The workspace folders (those scanned or added): an #include outside them is not read unless allowed. */
  private readonly folders: string[] = [];

  addFolder(folder: string): void {
    const f = path.posix.normalize(folder).replace(/\/$/, '');
    if (!this.folders.includes(f)) this.folders.push(f);
  }

  /** The workspace folders added (a copy of the workspace, as the migration proof's, keeps them). */
  get folderList(): readonly string[] {
    return this.folders;
  }

  /** May an #include read this file? Inside a workspace folder, or anywhere with the setting (or with no folder). */
  mayRead(file: string): boolean {
    if (this.folders.length === 0 || this.settings.includeOutsideWorkspace) return true;
    const f = path.posix.normalize(file);
    return this.folders.some((d) => f === d || f.startsWith(d === '/' ? '/' : `${d}/`));
  }

  constructor(readonly host: FileHost) {}

  configure(settings: Partial<WorkspaceSettings>): void {
    if (settings.runtimeContexts) this.settings.runtimeContexts = settings.runtimeContexts;
    if (settings.addresses) this.settings.addresses = settings.addresses;
    if (settings.includeOutsideWorkspace !== undefined) this.settings.includeOutsideWorkspace = settings.includeOutsideWorkspace;
    if (settings.asteriskVersion !== undefined) this.settings.asteriskVersion = settings.asteriskVersion;
    if (settings.severity) this.settings.severity = settings.severity;
    this.dialplans.clear();
    this.previousPlans.clear();
    this.loads.clear();
    this.derived.clear();
  }

  /** Files found by the workspace scan or opened (closed files count too). */
  get known(): ReadonlySet<string> {
    return this.knownFiles;
  }

  addKnown(file: string): void {
    if (this.knownFiles.has(file)) return;
    this.knownFiles.add(file);
    this.membershipChanged(file);
  }

  removeKnown(file: string): void {
    this.knownFiles.delete(file);
    this.membershipChanged(file);
  }

  /**
   * A file came or went. A root file (extensions.conf, sip.conf...) can move the config root of the files around
   * it, so every load is redone; any other file changes only what loaded it or what an `#include` (a missing file,
   * a glob) could name, which `changed` finds: opening one more file does not rebuild every PBX.
   */
  private membershipChanged(file: string): void {
    if (ROOT_FILES.includes(path.posix.basename(file))) {
      this.dialplans.clear();
      this.previousPlans.clear();
      this.loads.clear();
      this.configDirs.clear();
    }
    this.changed(file);
    this.reverseIncludes = null;
  }

  /** Dialplans built from each extensions.conf root, dropped when one of their files changes. */
  private readonly dialplans = new Map<string, Dialplan>();
  /** The last dialplan of each root, kept through edits so that the next build keeps its unchanged contexts. */
  private readonly previousPlans = new Map<string, Dialplan>();

  /**
   * Every incremental edit, in order: positions at or after `at` (in the text of that moment) moved by `delta`.
   * A full re-parse of a file is a `reset`: nothing derived from that file before it can be kept.
   */
  private readonly shifts: { file: string; at: number; delta: number; reset: boolean }[] = [];

  readonly positions: Positions = {
    seq: () => this.shifts.length,
    move: (file, offset, since) => {
      let o = offset;
      for (let i = since; i < this.shifts.length; i++) {
        const s = this.shifts[i];
        if (s.file === file && o >= s.at) o += s.delta;
      }
      return o;
    },
  };

  /** Was a file of this dialplan re-parsed whole since it was built (so nothing of it can be kept)? */
  private resetSince(plan: Dialplan): boolean {
    for (let i = plan.builtAt; i < this.shifts.length; i++) if (this.shifts[i].reset && plan.config.files.includes(this.shifts[i].file)) return true;
    return false;
  }

  /** The dialplan a file belongs to: built from the extensions*.conf that loads it (or the file itself). */
  dialplanFor(file: string): Dialplan | undefined {
    const roots = this.roots(file).filter((r) => isDialplanFileName(r));
    const root = roots[0] ?? (isDialplanFileName(file) ? file : undefined);
    if (root === undefined) return undefined;
    let plan = this.dialplans.get(root);
    if (plan === undefined) {
      const loaded = this.load(root);
      const modulesFile = path.posix.join(loaded.configDir, 'modules.conf');
      const modulesDoc = this.mayRead(modulesFile) ? this.document(modulesFile) : undefined;
      const before = this.previousPlans.get(root);
      // another modules.conf changes what the checks find in every context: nothing of the previous plan is kept
      const sameModules = (before?.modules?.source ?? undefined) === modulesDoc;
      const previous = before && sameModules && !this.resetSince(before) ? { plan: before, positions: this.positions } : undefined;
      plan = buildDialplan(loaded, this.settings.runtimeContexts, previous);
      plan.modules = modulesDoc ? readModules(modulesFile, modulesDoc) : null;
      plan.version = this.settings.asteriskVersion ?? 20;
      plan.versionChosen = this.settings.asteriskVersion !== null;
      plan.builtAt = this.positions.seq();
      plan.positions = this.positions;
      this.dialplans.set(root, plan);
      this.previousPlans.set(root, plan);
    }
    return plan;
  }

  private readonly derived = new Map<string, unknown>();

  /** A value derived from the whole workspace (the PBXs, the trunk checks), kept until anything changes. */
  cached<T>(key: string, make: () => T): T {
    if (this.derived.has(key)) return this.derived.get(key) as T;
    const value = make();
    this.derived.set(key, value);
    return value;
  }

  /** The text of a file changed (or it appeared or went): drop what was derived from it. */
  changed(file: string, incremental = false): void {
    if (!incremental) this.shifts.push({ file, at: 0, delta: 0, reset: true });
    // a dialplan is rebuilt only when a file it was loaded from changed (or a root file that moves config dirs)
    // or when the file is one an #include names but did not find (or a glob did not match yet): not any change
    // anywhere, which rebuilt every PBX with a missing include at every keystroke (found by `npm run fuzz -- --lsp`)
    // (a dialplan also reads modules.conf of its folder: Dialplan.modules)
    for (const [root, plan] of this.dialplans) if (dependsOn(plan.config, file) || file === path.posix.join(plan.config.configDir, 'modules.conf')) this.dialplans.delete(root);
    for (const [root, loaded] of this.loads) if (dependsOn(loaded, file)) this.loads.delete(root);
    this.derived.clear();
    // An edit that leaves the #include lines alone keeps the include graph (the common keystroke).
    if (!this.dirty.has(file)) this.dirty.set(file, includeSignature(this.cache.get(file)));
    this.cache.delete(file);
  }

  private readonly dirty = new Map<string, string>();

  /**
   * An open document was edited: one edit re-parses only the sections around it (parser/incremental.ts),
   * several re-parse the file.
   */
  edited(file: string, newText: string, edits: TextEdit[]): void {
    const old = this.cache.get(file);
    const incremental = old !== undefined && edits.length === 1;
    this.changed(file, incremental);
    if (incremental) {
      const e = edits[0];
      this.cache.set(file, reparseConfig(old, newText, e));
      this.shifts.push({ file, at: e.end, delta: e.text.length - (e.end - e.start), reset: false });
    }
  }

  private refreshIncludeGraph(): void {
    for (const [file, before] of this.dirty) {
      if (includeSignature(this.document(file)) !== before) this.reverseIncludes = null;
    }
    this.dirty.clear();
  }

  /** The parse of a file, re-used until the file changes. */
  document(file: string): ConfigDocument | undefined {
    if (this.cache.has(file)) return this.cache.get(file);
    const text = this.host.read(file);
    const doc = text === undefined ? undefined : parseConfig(text);
    this.cache.set(file, doc);
    return doc;
  }

  /** The nearest folder, from the file's own upwards, that holds a root file such as extensions.conf. */
  configDir(file: string): string {
    const start = path.posix.dirname(file);
    const hit = this.configDirs.get(start);
    if (hit !== undefined) return hit;
    let dir = start;
    let found = start;
    for (;;) {
      if (ROOT_FILES.some((f) => this.knownFiles.has(path.posix.join(dir, f)) || this.host.read(path.posix.join(dir, f)) !== undefined)) {
        found = dir;
        break;
      }
      const up = path.posix.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    this.configDirs.set(start, found);
    return found;
  }

  /** The files a file's #include and #tryinclude directives name. */
  includes(file: string): string[] {
    const doc = this.document(file);
    if (doc === undefined) return [];
    const dir = this.configDir(file);
    const out: string[] = [];
    for (const d of doc.directives) {
      if ((d.kind !== 'include' && d.kind !== 'tryinclude') || d.argument === null) continue;
      append(out, resolveInclude(d.argument.text, dir, this.host));
    }
    return out;
  }

  /** Known files whose #include directives name this file. */
  includers(file: string): string[] {
    this.refreshIncludeGraph();
    if (this.reverseIncludes === null) {
      const reverse = new Map<string, string[]>();
      for (const other of this.knownFiles) {
        for (const target of new Set(this.includes(other))) {
          if (target === other) continue;
          const list = reverse.get(target);
          if (list) list.push(other);
          else reverse.set(target, [other]);
        }
      }
      this.reverseIncludes = reverse;
    }
    return this.reverseIncludes.get(file) ?? [];
  }

  /** The files that load this one: the top of every #include chain that reaches it, or the file itself. */
  roots(file: string): string[] {
    const roots = new Set<string>();
    const seen = new Set<string>([file]);
    const queue = [file];
    while (queue.length > 0) {
      const f = queue.shift()!;
      const all = this.includers(f);
      const up = all.filter((u) => !seen.has(u));
      if (all.length === 0) roots.add(f);
      for (const u of up) {
        seen.add(u);
        queue.push(u);
      }
      if (seen.size > 200) break;
    }
    // Every file is included by another one: an include cycle. Load from each file of it.
    if (roots.size === 0) for (const f of seen) roots.add(f);
    return [...roots];
  }

  private readonly loads = new Map<string, LoadedConfig>();

  /** A root file loaded with its includes (kept until one of the files it read changes). */
  load(root: string): LoadedConfig {
    let loaded = this.loads.get(root);
    if (loaded === undefined) {
      loaded = loadConfig(root, this.host, (f) => this.document(f), this.configDir(root), (f) => this.mayRead(f));
      this.loads.set(root, loaded);
    }
    return loaded;
  }

  /** Every syntax problem of a file: its own lines, and those that come from how it is loaded. */
  problems(file: string): SyntaxProblem[] {
    const doc = this.document(file);
    if (doc === undefined) return [];
    const out: SyntaxProblem[] = [];
    const seen = new Set<string>();
    for (const root of this.roots(file)) {
      for (const p of this.load(root).problems) {
        if (p.file !== file) continue;
        const key = `${p.code}:${p.start}:${p.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const { file: _file, ...problem } = p;
        out.push(problem);
      }
    }
    // a line the loader finds fatal before any header is no longer "ignored" (the parser's word for it)
    const noSection = new Set(out.filter((p) => p.code === 'syntax-no-section').map((p) => p.start));
    for (const p of doc.problems) if (!(noSection.has(p.start) && (p.code === 'syntax-missing-equals' || p.code === 'syntax-missing-key'))) out.push(p);
    return out.sort((a, b) => a.start - b.start);
  }

  /** Finds config files under a folder (skipping dot folders and node_modules), at most `max`. */
  scan(folder: string, max: number): string[] {
    const found: string[] = [];
    const walk = (dir: string, depth: number): void => {
      if (found.length >= max || depth > 12) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const e of entries) {
        if (found.length >= max) return;
        const full = path.posix.join(dir, e.name);
        if (e.isDirectory()) {
          if (!e.name.startsWith('.') && e.name !== 'node_modules') walk(full, depth + 1);
        } else if (e.isFile() && isConfigFileName(full)) found.push(full);
      }
    };
    this.addFolder(folder);
    walk(folder, 0);
    for (const f of found) this.addKnown(f);
    return found;
  }
}

/** The #include lines of a document, to tell whether an edit changed the include graph. */
function includeSignature(doc: ConfigDocument | undefined): string {
  if (doc === undefined) return '\u0000missing';
  return doc.directives.map((d) => `${d.kind}:${d.argument?.text ?? ''}`).join('\n');
}

/** A configuration loaded from `file`, or one whose #include could name it (a missing file, a glob). */
function dependsOn(loaded: LoadedConfig, file: string): boolean {
  if (loaded.files.includes(file)) return true;
  return loaded.includes.some((i) => i.directive.argument !== null && !i.targets.includes(file) && couldBeIncluded(i.directive.argument.text, loaded.configDir, file));
}
