// What the hovers and the completion say of an application or a function that an Asterisk version removed or
// deprecated (docs/asteriskVersions.ts), for the version of the file's dialplan (the setting pbx.asteriskVersion,
// 20 when not chosen). The same words as the checks version-removed and version-deprecated.
import type { VersionChange } from '../docs/asteriskVersions';
import { DEFAULT_VERSION, removedBy, versionChange } from '../docs/asteriskVersions';
import { effect } from './checks/versionUses';

/** The version a dialplan runs and whether the user chose it (Dialplan.version, Dialplan.versionChosen). */
export interface VersionOf {
  version: number;
  versionChosen: boolean;
}

export const UNCHOSEN: VersionOf = { version: DEFAULT_VERSION, versionChosen: false };

/** Gone, deprecated, or neither in this version. */
export function versionStatus(kind: 'application' | 'function', name: string, at: VersionOf): { change: VersionChange; status: 'removed' | 'deprecated' } | null {
  const change = versionChange(kind, name);
  if (!change) return null;
  if (removedBy(change, at.version)) return { change, status: 'removed' };
  return at.version >= change.deprecatedIn ? { change, status: 'deprecated' } : null;
}

/** One Markdown paragraph: what the version did with it and what to use instead; null when no version touched it. */
export function versionNote(kind: 'application' | 'function', name: string, at: VersionOf): string | null {
  const change = versionChange(kind, name);
  if (!change) return null;
  const { deprecatedIn: deprecated, removedIn: removed, instead } = change;
  const removal = removed !== null ? `, removed in Asterisk ${removed}` : '';
  if (!at.versionChosen) return `ℹ Deprecated since Asterisk ${deprecated}${removal}. Use ${instead}. (The setting \`pbx.asteriskVersion\` checks the dialplan against a version.)`;
  if (removedBy(change, at.version)) return `⛔ **Removed in Asterisk ${removed}** (deprecated since ${deprecated}): in Asterisk ${at.version} ${effect(kind)}. Use ${instead}.`;
  if (at.version >= deprecated) return `⚠ **Deprecated since Asterisk ${deprecated}**${removal}. Use ${instead}.`;
  return `ℹ Deprecated in Asterisk ${deprecated}${removal}. Use ${instead}.`;
}
