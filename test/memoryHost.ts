// An in-memory file tree for model tests.
import type { FileHost } from '../server/src/model/fileHost';
import { hasGlobMagic, segmentRegExp } from '../server/src/model/fileHost';

export class MemoryHost implements FileHost {
  constructor(readonly files: Record<string, string>) {}
  read(file: string): string | undefined {
    return this.files[file];
  }
  glob(pattern: string): string[] {
    if (!hasGlobMagic(pattern)) return this.files[pattern] === undefined ? [] : [pattern];
    const parts = pattern.split('/');
    return Object.keys(this.files)
      .filter((f) => {
        const fp = f.split('/');
        return fp.length === parts.length && parts.every((p, i) => (hasGlobMagic(p) ? segmentRegExp(p).test(fp[i]) : p === fp[i]));
      })
      .sort();
  }
}
