// `target.push(...items)` passes every item as an argument, and V8 throws a RangeError past about 120,000 of them
// (a context with that many problems, a category with that many lines, a check with that many findings): append
// one at a time wherever the list grows with the configuration.
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
