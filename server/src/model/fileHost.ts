// How the model reads files: an interface, so the language server can put open editor buffers in front of the
// disk and tests can use an in-memory tree. Paths are absolute, with `/` separators.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface FileHost {
  /** The text of a file, or undefined when it does not exist or cannot be read. */
  read(file: string): string | undefined;
  /** Files matching a glob (`*`, `?`, `[...]`, `{a,b}`) as glob(3) sorts them; only existing files. */
  glob(pattern: string): string[];
}

export function hasGlobMagic(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

/** Converts one glob path segment to a RegExp (glob(3) with GLOB_BRACE). */
export function segmentRegExp(segment: string): RegExp {
  let re = '';
  let i = 0;
  while (i < segment.length) {
    const c = segment[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        let body = segment.slice(i + 1, close);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        re += '[' + body.replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else if (c === '{') {
      const close = segment.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re += '(?:' + segment.slice(i + 1, close).split(',').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') + ')';
        i = close;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    i++;
  }
  return new RegExp('^' + re + '$');
}

/** Reads the real disk. Never writes, never runs anything. */
export class DiskFileHost implements FileHost {
  read(file: string): string | undefined {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  glob(pattern: string): string[] {
    const parts = pattern.split('/');
    let bases = [pattern.startsWith('/') ? '/' : '.'];
    for (let p = pattern.startsWith('/') ? 1 : 0; p < parts.length; p++) {
      const part = parts[p];
      const last = p === parts.length - 1;
      const next: string[] = [];
      for (const base of bases) {
        if (!hasGlobMagic(part)) {
          const candidate = path.posix.join(base, part);
          if (exists(candidate, last)) next.push(candidate);
          continue;
        }
        const re = segmentRegExp(part);
        let entries: fs.Dirent[];
        try {
          entries = fs.readdirSync(base, { withFileTypes: true });
        } catch {
          continue;
        }
        for (const e of entries.map((x) => x.name).sort()) {
          if (e.startsWith('.') && !part.startsWith('.')) continue;
          if (!re.test(e)) continue;
          const candidate = path.posix.join(base, e);
          if (exists(candidate, last)) next.push(candidate);
        }
      }
      bases = next;
    }
    return bases;
  }
}

function exists(file: string, wantFile: boolean): boolean {
  try {
    const st = fs.statSync(file);
    return wantFile ? st.isFile() : st.isDirectory();
  } catch {
    return false;
  }
}

/** Puts in-memory texts (open editor buffers) in front of another host. */
export class OverlayFileHost implements FileHost {
  readonly overlay = new Map<string, string>();
  constructor(private readonly base: FileHost) {}

  read(file: string): string | undefined {
    return this.overlay.get(file) ?? this.base.read(file);
  }

  glob(pattern: string): string[] {
    const found = new Set(this.base.glob(pattern));
    if (hasGlobMagic(pattern)) {
      const re = new RegExp('^' + pattern.split('/').map((s) => (hasGlobMagic(s) ? segmentRegExp(s).source.slice(1, -1) : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/') + '$');
      for (const f of this.overlay.keys()) if (re.test(f)) found.add(f);
    } else if (this.overlay.has(pattern)) found.add(pattern);
    return [...found].sort();
  }
}
