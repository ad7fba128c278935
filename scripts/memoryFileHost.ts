// An in-memory file host for benchmarks.
import type { FileHost } from '../server/src/model/fileHost';

export class MemoryFileHost implements FileHost {
  constructor(private readonly files: Record<string, string>) {}
  set(file: string, text: string): void {
    this.files[file] = text;
  }
  read(file: string): string | undefined {
    return this.files[file];
  }
  glob(pattern: string): string[] {
    return this.files[pattern] === undefined ? [] : [pattern];
  }
}
