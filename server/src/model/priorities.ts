// An extension's priorities by number (hint = -1), in the order they were registered, as a Map would keep them.
// Most extensions have a handful: a short list costs a third of a Map (about 300 bytes each; 200,000 extensions in a
// 50 MB dialplan, issue 13). Past INDEXED_FROM a Map is built beside the list, so a lookup stays constant-time.
import type { Priority } from './dialplan';

const INDEXED_FROM = 16;

export class PriorityList {
  private list: Priority[];
  private index: Map<number, Priority> | null = null;

  constructor(first: Priority) {
    this.list = [first];
  }

  get size(): number {
    return this.list.length;
  }

  get(priority: number): Priority | undefined {
    if (this.index !== null) return this.index.get(priority);
    const list = this.list;
    for (let i = 0; i < list.length; i++) if (list[i].priority === priority) return list[i];
    return undefined;
  }

  has(priority: number): boolean {
    return this.get(priority) !== undefined;
  }

  /** Registers a line at its own priority number (a line already there is replaced where it stands). */
  set(p: Priority): void {
    const list = this.list;
    if (this.has(p.priority)) list[list.findIndex((q) => q.priority === p.priority)] = p;
    else list.push(p);
    if (this.index !== null) this.index.set(p.priority, p);
    else if (list.length >= INDEXED_FROM) this.index = new Map(list.map((q) => [q.priority, q]));
  }

  values(): IterableIterator<Priority> {
    return this.list.values();
  }

  keys(): IterableIterator<number> {
    return this.list.map((p) => p.priority).values();
  }

  /** Once built: a short list without a growing array's spare room. */
  fit(): void {
    if (this.list.length < INDEXED_FROM) this.list = this.list.slice();
  }
}
