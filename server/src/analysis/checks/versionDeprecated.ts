// version-deprecated: a line that names an application, a function or a channel driver the Asterisk version of
// the setting `pbx.asteriskVersion` still has but has deprecated (Macro, Monitor and chan_sip in 20, MeetMe since
// 19), with the version that removes it and what to use instead (docs/asteriskVersions.ts). Only once a version is
// chosen: unasked, every Dial(SIP/...) of a chan_sip PBX would carry a warning.
import { removedBy } from '../../docs/asteriskVersions';
import type { DialplanCheck } from '../finding';
import { amendMacroFindings } from '../macroToGosub/index';
import { perLine } from './lineByLine';
import type { ChangeFilter } from './versionUses';
import { changeFilter, mayName, versionFinding, versionUses, what } from './versionUses';

export const code = 'version-deprecated';

/** What each version has deprecated and not yet removed, as a filter of the lines worth reading. */
const deprecations = new Map<number, ChangeFilter>();

const eachLine = perLine(code, (plan, p, out) => {
  if (!plan.versionChosen) return;
  let filter = deprecations.get(plan.version);
  if (filter === undefined) {
    filter = changeFilter((c) => plan.version >= c.deprecatedIn && !removedBy(c, plan.version));
    deprecations.set(plan.version, filter);
  }
  if (!mayName(p, filter)) return;
  for (const u of versionUses(p)) {
    if (plan.version < u.change.deprecatedIn || removedBy(u.change, plan.version)) continue;
    const gone = u.change.removedIn !== null ? `; Asterisk ${u.change.removedIn} removes it` : '';
    out.push(versionFinding(code, 'warning', `${what(u.change)} is deprecated since Asterisk ${u.change.deprecatedIn}${gone}. Use ${u.change.instead}.`.replace(/^the/, 'The'), p, u));
  }
});

/** On a Macro, MacroExit, MacroIf or MacroExclusive line: the quick fix to Gosub, or why there is none. */
export const versionDeprecated: DialplanCheck = { ...eachLine, amend: amendMacroFindings };
