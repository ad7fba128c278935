// Lookups without case for names that repeat on every dialplan line (applications, channel technologies): each
// spelling is lowered once and remembered, so a million `Dial` lines cost a million map hits, not a million new
// lower-case strings (issue 13, size). Bounded: past 4,096 spellings it lowers each time.
export function caseless<T>(entries: Iterable<readonly [string, T]>): (name: string) => T | undefined {
  const byLower = new Map<string, T>();
  for (const [name, value] of entries) byLower.set(name.toLowerCase(), value);
  const seen = new Map<string, T | undefined>();
  return (name) => {
    if (seen.has(name)) return seen.get(name);
    const value = byLower.get(name.toLowerCase());
    if (seen.size < 4096) seen.set(name, value);
    return value;
  };
}
