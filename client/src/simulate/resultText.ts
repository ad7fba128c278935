// Words of the result view: escaping, the headline of an outcome and its tone. Pure.
import type { Outcome, OutcomeKind } from '../../../server/src/protocol';

export const escape = (text: string | number): string =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** How the outcome reads, by kind: the first words of the headline. */
const REACHED: Partial<Record<OutcomeKind, string>> = {
  extension: 'Reaches',
  friend: 'Leaves through a friend from',
  external: 'Leaves the workspace from',
  voicemail: 'Voicemail from',
  queue: 'Queued by',
  conference: 'Conference from',
  hangup: 'Hung up by',
};

/** The tone of the headline: the call got somewhere, ended on purpose, or failed. */
export function tone(kind: OutcomeKind): 'ok' | 'end' | 'fail' {
  if (kind === 'hangup') return 'end';
  return kind in REACHED ? 'ok' : 'fail';
}

export const CANDIDATE_OUTCOMES: Record<string, string> = {
  chosen: 'chosen',
  'no-match': 'does not match',
  'caller-id': 'caller ID does not match',
  'no-priority': 'has no priority 1',
  'early-match-final': 'not tried: an earlier match is final',
  'ranked-lower': 'matches, but ranks lower',
};

/** `Reaches extension 101 in Incalls on wazo-b`, `Rejected by wazo-b: 403`... (plain text). */
export function headline(o: Outcome): string {
  const on = o.pbx ? ` on ${o.pbx}` : '';
  const where = [o.extension !== null ? `extension ${o.extension}` : '', o.context !== null ? `in ${o.context}` : ''].filter(Boolean).join(' ') + on;
  switch (o.kind) {
    case 'rejected':
      return `Rejected by ${o.pbx}${o.sipStatus !== null ? `: ${o.sipStatus}` : ''}`;
    case 'no-context':
      return `No context ${o.context ?? 'to start in'}${on}`;
    case 'no-extension':
      return `No extension for the number${o.context !== null ? ` in ${o.context}` : ''}${on}`;
    case 'no-priority':
      return `No priority to run for ${where}`;
    default:
      return `${REACHED[o.kind] ?? o.kind} ${where}`;
  }
}

