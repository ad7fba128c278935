// ivoz-priority-duplicate, ivoz-friend-unreachable: friends are tried by ascending priority value after the
// internal extensions; two friends with one value leave the order to chance, and a friend whose every number is
// taken first (by an internal extension or a friend with a lower value) never receives a call.
import type { Finding, TrunkCheck } from '../finding';
import { isCovered } from '../patternCoverage';
import { regexToPatterns } from '../trunks/friendPatterns';

export const code = 'ivoz-friend-unreachable';
export const duplicateCode = 'ivoz-priority-duplicate';

export const ivozPriority: TrunkCheck = {
  code,
  channelsOnly: true,
  run({ pbxs }) {
    const out: Finding[] = [];
    for (const pbx of pbxs) {
      const c = pbx.company;
      if (!c) continue;
      const friends = c.friends.filter((f) => f.priority !== null).sort((a, b) => a.priority!.value - b.priority!.value);
      for (let i = 1; i < friends.length; i++) {
        const a = friends[i - 1];
        const b = friends[i];
        if (a.priority!.value !== b.priority!.value) continue;
        out.push({ code: duplicateCode, severity: 'error', message: `Friends '${a.name}' and '${b.name}' both have priority ${b.priority!.value}: when a number matches both, IvozProvider cannot tell which comes first. Give each friend its own value.`, ...b.priority!.at, related: [{ ...a.priority!.at, message: `'${a.name}'` }] });
      }
      const internal = c.extensions;
      for (const f of friends) {
        const own = f.patterns.flatMap((p) => (typeof p.regex === 'string' ? [] : [regexToPatterns(p.text)]));
        if (own.length === 0 || own.some((x) => x === null)) continue;
        const earlier = friends.filter((g) => g.priority!.value < f.priority!.value);
        const takers = [...internal, ...earlier.flatMap((g) => g.patterns.flatMap((p) => (typeof p.regex === 'string' ? [] : (regexToPatterns(p.text) ?? []))))];
        if (takers.length === 0) continue;
        if (!own.every((list) => list!.every((pattern) => isCovered(pattern, takers, 50_000) === 'yes'))) continue;
        out.push({
          code,
          severity: 'warning',
          message: `No call can reach friend '${f.name}': every number its patterns match is taken first by ${internal.length > 0 ? 'the internal extensions' : ''}${internal.length > 0 && earlier.length > 0 ? ' or ' : ''}${earlier.length > 0 ? `friends with a lower priority value (${earlier.map((g) => `'${g.name}'`).join(', ')})` : ''}.`,
          ...f.header,
          related: [],
        });
      }
    }
    return out;
  },
};
