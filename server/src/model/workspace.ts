// The workspace index: every Asterisk config file known (open or on disk), parsed lazily and cached by text,
// and the #include graph between them. Used by the language server and the CLI alike.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigDocument, SyntaxProblem } from '../parser/ast';
import { parseConfig } from '../parser/configParser';
import type { FileHost } from './fileHost';
import type { LoadedConfig } from './configLoader';
import { loadConfig, resolveInclude } from './configLoader';

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

interface Cached {
  text: string;
  doc: ConfigDocument;
}

export class Workspace {
  private readonly cache = new Map<string, Cached>();
  /** Files found by the workspace scan (closed files count too). */
  readonly known = new Set<string>();

  constructor(readonly host: FileHost) {}

  /** The parse of a file, re-used while its text is unchanged. */
  document(file: string): ConfigDocument | undefined {
    const text = this.host.read(file);
    if (text === undefined) {
      this.cache.delete(file);
      return undefined;
    }
    const hit = this.cache.get(file);
    if (hit !== undefined && hit.text === text) return hit.doc;
    const doc = parseConfig(text);
    this.cache.set(file, { text, doc });
    return doc;
  }

  forget(file: string): void {
    this.cache.delete(file);
  }

  /** The nearest folder, from the file's own upwards, that holds a root file such as extensions.conf. */
  configDir(file: string): string {
    let dir = path.posix.dirname(file);
    for (;;) {
      if (ROOT_FILES.some((f) => this.known.has(path.posix.join(dir, f)) || this.host.read(path.posix.join(dir, f)) !== undefined)) return dir;
      const up = path.posix.dirname(dir);
      if (up === dir) return path.posix.dirname(file);
      dir = up;
    }
  }

  /** Known files whose #include directives name this file. */
  includers(file: string): string[] {
    const out: string[] = [];
    for (const other of this.known) {
      if (other === file) continue;
      const doc = this.document(other);
      if (doc === undefined) continue;
      const dir = this.configDir(other);
      const directives = [...doc.preamble, ...doc.sections.flatMap((s) => s.items)].filter((i) => i.type === 'Directive');
      for (const d of directives) {
        if (d.type !== 'Directive' || (d.kind !== 'include' && d.kind !== 'tryinclude') || d.argument === null) continue;
        if (resolveInclude(d.argument.text, dir, this.host).includes(file)) {
          out.push(other);
          break;
        }
      }
    }
    return out;
  }

  /** The files that load this one: the top of every #include chain that reaches it, or the file itself. */
  roots(file: string): string[] {
    const roots = new Set<string>();
    const seen = new Set<string>([file]);
    const queue = [file];
    while (queue.length > 0) {
      const f = queue.shift()!;
      const up = this.includers(f).filter((u) => !seen.has(u));
      if (up.length === 0 && this.includers(f).length === 0) roots.add(f);
      for (const u of up) {
        seen.add(u);
        queue.push(u);
      }
      if (seen.size > 200) break;
    }
    if (roots.size === 0) roots.add(file);
    return [...roots];
  }

  load(root: string): LoadedConfig {
    return loadConfig(root, this.host, (f) => this.document(f), this.configDir(root));
  }

  /** Every syntax problem of a file: its own lines, and those that come from how it is loaded. */
  problems(file: string): SyntaxProblem[] {
    const doc = this.document(file);
    if (doc === undefined) return [];
    const out: SyntaxProblem[] = [...doc.problems];
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
    walk(folder, 0);
    for (const f of found) this.known.add(f);
    return found;
  }
}
