// Hovers in the IvozProvider friends file (`ivozprovider.conf`, README: "The friends file"): a friend's pattern in
// plain words (explainRegex.ts) with who takes its numbers first (internal extensions, friends with a lower
// priority value: the routing of model/ivozprovider.ts); a friend's or the company's section name; the keys, from
// docs/ivozprovider.ts. A password never appears in any of them.
import type { Assignment, Item } from '../parser/ast';
import { IVOZ_KEYS, ivozKeyDoc } from '../docs/ivozprovider';
import type { IvozSection } from '../docs/ivozprovider';
import { keyMarkdown } from '../docs/markdown';
import type { Company, Friend, FriendPattern } from '../model/ivozprovider';
import { FRIENDS_FILE } from '../model/ivozprovider';
import { pbxsOf } from '../model/pbx';
import type { Workspace } from '../model/workspace';
import { explainRegex } from './explainRegex';
import type { HoverResult } from './hover';
import { sectionAt } from './hover';
import { isCovered, overlap } from './patternCoverage';
import { friendLinks } from './trunks/ivozPairing';
import { regexToPatterns } from './trunks/friendPatterns';

/** Where a file offset is shown to people: `sip.conf:12`. */
type Where = (file: string, offset: number) => string;

const code = (s: string): string => '`' + s.replace(/`/g, "'") + '`';
const ORDINAL = (n: number): string => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
const joinAnd = (items: string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

export function ivozHoverAt(workspace: Workspace, file: string, offset: number, where: Where): HoverResult | null {
  const doc = workspace.document(file);
  const pbx = pbxsOf(workspace).find((p) => p.company !== null && (p.company.file === file || p.company.friends.some((f) => f.header.file === file)));
  const company = pbx?.company;
  if (!doc || !company) return null;
  const section = sectionAt(doc, offset);
  if (!section) return null;
  const friend = company.friends.find((f) => f.header.file === file && f.header.start === section.name.start);
  const type = typeOf(section.items);
  if (offset >= section.name.start && offset <= section.name.end && offset < section.header.end) {
    const markdown = friend ? friendHover(company, friend, workspace, where) : type === 'company' ? companyHover(company, section.items) : null;
    return markdown === null ? null : { markdown, start: section.name.start, end: section.name.end };
  }
  const item = section.items.find((i): i is Assignment => i.type === 'Assignment' && offset >= i.start && offset <= i.end);
  if (!item) return null;
  const kind: IvozSection | null = friend ? 'friend' : type === 'company' ? 'company' : null;
  if (offset >= item.key.start && offset <= item.key.end) {
    const k = kind ? ivozKeyDoc(item.key.text, kind) : IVOZ_KEYS.find((d) => d.key === item.key.text.toLowerCase());
    return k ? { markdown: keyMarkdown(k, FRIENDS_FILE, kind ?? '', 'IvozProvider'), start: item.key.start, end: item.key.end } : null;
  }
  const pattern = friend?.patterns.find((p) => p.at.file === file && p.at.start === item.value.start);
  if (pattern && offset >= item.value.start && offset <= item.value.end) {
    return { markdown: patternHover(company, friend!, pattern), start: item.value.start, end: item.value.end };
  }
  return null;
}

function typeOf(items: Item[]): string | undefined {
  const t = items.find((i): i is Assignment => i.type === 'Assignment' && i.key.text.toLowerCase() === 'type');
  return t?.value.text.trim().toLowerCase();
}

/** The friends in the order IvozProvider tries them: ascending priority value (those without one are never tried). */
function byPriority(company: Company): Friend[] {
  return company.friends.filter((f) => f.priority !== null).sort((a, b) => a.priority!.value - b.priority!.value);
}

function rank(company: Company, friend: Friend): string {
  const order = byPriority(company);
  if (!friend.priority) return 'It has no priority value (a whole number), so no call is routed to it.';
  const same = order.filter((f) => f !== friend && f.priority!.value === friend.priority!.value);
  const position = order.filter((f) => f.priority!.value < friend.priority!.value).length + 1;
  return `Priority ${friend.priority.value}: tried ${ORDINAL(position)} of ${order.length} friend${order.length === 1 ? '' : 's'}, after the internal extensions${same.length ? `; ${joinAnd(same.map((f) => code(f.name)))} ${same.length === 1 ? 'has' : 'have'} the same value, so which comes first is not defined` : ''}.`;
}

// ------------------------------------------------------------------------------------------------ patterns

function patternHover(company: Company, friend: Friend, pattern: FriendPattern): string {
  const lines = [`**${code(pattern.text)}** — pattern of friend ${code(friend.name)} (a regular expression)`, ''];
  if (typeof pattern.regex === 'string') {
    lines.push(`⚠ It does not compile (${pattern.regex}): no number reaches ${code(friend.name)} through it.`);
    return lines.join('\n');
  }
  const regex = pattern.regex;
  const e = explainRegex(pattern.text, regex);
  const compiledPattern = { ...pattern, regex };
  lines.push(e.summary, '');
  const facts = e.lengthText ? [`Length: ${e.lengthText}`] : [];
  if (e.matches.length > 0) facts.push(`matches ${e.matches.map(code).join(', ')}`);
  if (e.nonMatch) facts.push(`not ${code(e.nonMatch.number)}${e.nonMatch.why ? ` (${e.nonMatch.why})` : ''}`);
  if (facts.length > 0) lines.push(facts.join(' · '));
  lines.push('', rank(company, friend), ...takenFirst(company, friend, compiledPattern, e.matches));
  if (e.notes.length > 0) lines.push('', ...e.notes.map((n) => `⚠ ${n}`));
  lines.push('', '_Examples checked with JavaScript regular expressions, which read these patterns as PCRE does._');
  return lines.join('\n');
}

/** A number both patterns match, checked with both expressions, or null when none was found. */
function common(a: FriendPattern & { regex: RegExp }, b: FriendPattern & { regex: RegExp }, tries: string[]): string | null {
  const pa = regexToPatterns(a.text);
  const pb = regexToPatterns(b.text);
  if (pa && pb) {
    for (const x of pa) for (const y of pb) {
      const n = overlap(x, y);
      if (n !== null && a.regex.test(n) && b.regex.test(n)) return n;
    }
    return null;
  }
  return [...tries, ...explainRegex(b.text, b.regex).matches].find((n) => a.regex.test(n) && b.regex.test(n)) ?? null;
}

const compiled = (p: FriendPattern): p is FriendPattern & { regex: RegExp } => typeof p.regex !== 'string';

/** Which numbers of this pattern go elsewhere first: internal extensions, friends with a lower priority value. */
function takenFirst(company: Company, friend: Friend, pattern: FriendPattern & { regex: RegExp }, tries: string[]): string[] {
  const out: string[] = [];
  const regex = pattern.regex;
  const internal = company.extensions.filter((n) => regex.test(n));
  if (internal.length > 0) out.push(`Internal extensions take ${internal.length === 1 ? 'this number' : 'these numbers'} first: ${joinAnd([...internal.slice(0, 3).map(code), ...(internal.length > 3 ? [`${internal.length - 3} more`] : [])])}.`);
  const earlier = friend.priority ? byPriority(company).filter((f) => f !== friend && f.priority!.value <= friend.priority!.value) : [];
  const losses: string[] = [];
  for (const g of earlier) {
    for (const p of g.patterns.filter(compiled)) {
      const n = common(pattern, p, tries);
      if (n === null) continue;
      losses.push(g.priority!.value === friend.priority!.value ? `${code(n)} matches ${code(g.name)} too (same priority)` : `${code(n)} goes to ${code(g.name)} (priority ${g.priority!.value})`);
      break;
    }
  }
  if (losses.length > 0) out.push(`Friends tried before it: ${losses.slice(0, 3).join('; ')}${losses.length > 3 ? `; and ${losses.length - 3} more` : ''}.`);
  // every number taken: the same decision as ivoz-friend-unreachable, when every expression has Asterisk patterns
  const own = regexToPatterns(pattern.text);
  const takers = [...company.extensions, ...earlier.filter((g) => g.priority!.value < friend.priority!.value).flatMap((g) => g.patterns.filter(compiled).flatMap((p) => regexToPatterns(p.text) ?? []))];
  if (own && takers.length > 0 && (internal.length > 0 || losses.length > 0) && own.every((p) => isCovered(p, takers, 50_000) === 'yes')) {
    out.push(`**Never reached** through this pattern: every number it matches is taken first.`);
  }
  if (out.length === 0 && friend.priority) out.push('No internal extension and no friend tried before it takes a number it matches.');
  return out;
}

// ------------------------------------------------------------------------------------------------ sections

function friendHover(company: Company, friend: Friend, workspace: Workspace, where: Where): string {
  const lines = [`**Friend** ${code(friend.name)}${friend.description ? ` — ${friend.description}` : ''}`, '', rank(company, friend)];
  lines.push(
    friend.direct
      ? `Direct connection: IvozProvider sends its calls to ${friend.transport} ${friend.address ?? '(no address)'}:${friend.port}.`
      : `Registers to ${company.domain ? code(company.domain.text) : 'the company domain'} like a terminal (direct_connection = no), as ${code(friend.name)}${friend.password ? ' with its password' : ', but has no password'}.`,
  );
  if (friend.codecs.length > 0) lines.push(`Codecs: ${friend.codecs.join(', ')}.`);
  const patterns = friend.patterns.map((p) => (typeof p.regex === 'string' ? `${code(p.text)} (does not compile)` : `${code(p.text)} (${explainRegex(p.text, p.regex).summary.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase())})`));
  lines.push(patterns.length > 0 ? `Numbers reached through it: ${patterns.join('; ')}.` : 'No pattern: no number is routed to it.');
  const links = friendLinks(pbxsOf(workspace)).filter((l) => l.friend === friend);
  const sides = links.map((l) => (l.registration ? `register line on ${l.from.name} (${where(l.registration.file, l.registration.line.start)})` : l.peer ? `peer ${code(l.peer.name)} on ${l.from.name} (${where(l.peer.header.file, l.peer.header.start)})` : ''));
  if (sides.length > 0) lines.push('', `The Asterisk side: ${joinAnd(sides.filter(Boolean))}.`);
  return lines.join('\n');
}

function companyHover(company: Company, items: Item[]): string {
  const ranges = items.filter((i): i is Assignment => i.type === 'Assignment' && i.key.text.toLowerCase() === 'extensions').map((i) => i.value.text.trim());
  const lines = [`**Company** ${code(company.name)}${company.domain ? ` — SIP domain ${code(company.domain.text)}` : ''}`, ''];
  lines.push(`${company.extensions.length} internal extension${company.extensions.length === 1 ? '' : 's'}${ranges.length ? ` (${ranges.join(', ')})` : ''}: a dialed number that is one of them never reaches a friend.`);
  const order = byPriority(company);
  lines.push(order.length > 0 ? `Friends, in the order they are tried: ${order.map((f) => `${code(f.name)} (${f.priority!.value})`).join(', ')}; then the number goes out.` : 'No friend with a priority: numbers that are no internal extension go out.');
  return lines.join('\n');
}
