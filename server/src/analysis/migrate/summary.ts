// A simulated call reduced to what a migration must keep (the CallSummary of types.ts), the comparison of two of
// them, and the secrets no text of the proof may show.
import { pbxsOf } from '../../model/pbx';
import { objectsOf, option } from '../../model/pjsip';
import { peerValue } from '../../model/sip';
import type { Workspace } from '../../model/workspace';
import type { SimulateDialResult } from '../../protocol';
import { hideSecrets } from '../simulate/apps/dial';
import type { CallSummary } from './types';

/** The outcome of a simulation as a CallSummary: its kind, where it ends, and its first sentence. */
export function summarize(result: SimulateDialResult): CallSummary {
  const o = result.outcome;
  return { kind: o.kind, pbx: o.pbx, context: o.context ?? '', exten: o.extension ?? '', text: firstSentence(hideSecrets(o.reason)) };
}

/** A call that cannot even start (no such origin after the migration, a trunk that reaches nothing...). */
export function notPlaced(kind: string, pbx: string, text: string): CallSummary {
  return { kind, pbx, context: '', exten: '', text };
}

function firstSentence(text: string): string {
  const t = text.trim();
  const end = t.search(/\.(\s|$)/);
  const s = end < 0 ? t : t.slice(0, end + 1);
  return s.length > 160 ? `${s.slice(0, 157)}...` : s;
}

/**
 * The channel technology is what a migration changes on purpose: `SIP/1001` and `PJSIP/1001` are the same phone
 * (a peer and the endpoint of the same name), so the texts are compared with it taken out.
 */
export function withoutTech(text: string): string {
  return (
    text
      // chan_sip's SIP/peer/number is chan_pjsip's PJSIP/number@peer
      .replace(/\bSIP\/([^/@\s,:]+)\/([^/@\s,:]+)/g, 'SIP/$2@$1')
      .replace(/\b(?:PJSIP|SIP)\//g, '<tech>/')
      .replace(/\b(?:chan_pjsip|chan_sip)\b/g, '<driver>')
      // how the simulation words a peer and an endpoint that send the call to an address
      .replace(/(?:endpoint )?'([^']+)' (?:points at|calls) /g, "'$1' sends to ")
  );
}

export function sameCall(a: CallSummary, b: CallSummary): boolean {
  if (a.kind !== b.kind || a.pbx !== b.pbx || a.context !== b.context || a.exten !== b.exten) return false;
  // refused at the same place: the drivers word it, and answer a wrong password (chan_sip 403, chan_pjsip 401 again),
  // each their own way; a refusal is a refusal, as the trunk rows count it
  return a.kind === 'rejected' || withoutTech(a.text) === withoutTech(b.text);
}

/** The difference of two endings in words, when no note of the converter explains it. */
export function explainDifference(before: CallSummary, after: CallSummary): string {
  const where = (s: CallSummary): string => (s.context ? `${s.exten || '?'}@${s.context} on ${s.pbx}` : s.pbx || 'nowhere');
  const parts: string[] = [];
  if (before.kind !== after.kind) parts.push(`it ended as ${before.kind} and now ends as ${after.kind}`);
  if (before.pbx !== after.pbx || before.context !== after.context || before.exten !== after.exten) parts.push(`it ended at ${where(before)} and now at ${where(after)}`);
  if (parts.length === 0) parts.push('it ends at the same place but not the same way');
  return `${parts.join('; ')}: before, ${lowerFirst(before.text)} After, ${lowerFirst(after.text)}`;
}

function lowerFirst(s: string): string {
  const t = s.trim() === '' ? '(nothing said).' : s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** The passwords of the workspaces' channel configurations (sip.conf, pjsip.conf), to mask in any text shown. */
export function secretsOf(workspaces: Workspace[]): string[] {
  const found = new Set<string>();
  for (const ws of workspaces) {
    for (const pbx of pbxsOf(ws)) {
      for (const r of pbx.sip?.registrations ?? []) if (r.secret) found.add(r.secret);
      for (const peer of pbx.sip?.peers.values() ?? []) {
        for (const key of ['secret', 'md5secret', 'remotesecret']) {
          const v = peerValue(peer, key)?.text;
          if (v) found.add(v);
        }
      }
      for (const auth of pbx.pjsip ? objectsOf(pbx.pjsip, 'auth') : []) {
        for (const key of ['password', 'md5_cred']) {
          const v = option(auth, key)?.text;
          if (v) found.add(v);
        }
      }
    }
  }
  return [...found].filter((s) => s.trim() !== '').sort((a, b) => b.length - a.length);
}

/** The text with each secret (as a whole word) replaced by asterisks, and device credentials hidden. */
export function maskSecrets(text: string, secrets: string[]): string {
  let out = hideSecrets(text);
  for (const s of secrets) {
    const re = new RegExp(`(^|[^A-Za-z0-9_-])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[^A-Za-z0-9_-])`, 'g');
    out = out.replace(re, '$1********');
  }
  return out;
}
