// version-removed: a line that names an application, a function or a channel driver the Asterisk version of the
// setting `pbx.asteriskVersion` (CLI `--asterisk-version`) no longer has: Macro and chan_sip in 21, DeadAGI in 23...
// On a call the application is "No application" (the call ends), the function "not registered", the device is
// refused by Dial ("No such channel type"). The data and its sources: docs/asteriskVersions.ts.
import { EARLIEST_REMOVAL, removedBy } from '../../docs/asteriskVersions';
import type { DialplanCheck, Finding } from '../finding';
import { amendMacroFindings, markMacroFinding } from '../macroToGosub/index';
import { perLine } from './lineByLine';
import { versionUses, what } from './versionUses';

export const code = 'version-removed';

function effect(kind: string): string {
  if (kind === 'application') return 'a call that gets here ends ("No application")';
  if (kind === 'function') return 'Asterisk logs "not registered" and reads an empty value';
  return 'Dial cannot create such a channel ("No such channel type")';
}

const eachLine = perLine(code, (plan, p, out) => {
  if (plan.version < EARLIEST_REMOVAL) return; // Asterisk 18 to 20 removed nothing of the list
  for (const u of versionUses(p)) {
    if (!removedBy(u.change, plan.version)) continue;
    const f: Finding = {
      code,
      severity: 'error',
      message: `Asterisk ${u.change.removedIn} removed ${what(u.change)}, deprecated since ${u.change.deprecatedIn}: in Asterisk ${plan.version} ${effect(u.change.kind)}. Use ${u.change.instead}.`,
      file: p.file,
      start: u.start,
      end: u.end,
      related: [],
    };
    out.push(f);
    if (u.change.kind === 'application' && u.change.module === 'app_macro') markMacroFinding(f, p);
  }
});

/** On a Macro, MacroExit, MacroIf or MacroExclusive line: the quick fix to Gosub, or why there is none. */
export const versionRemoved: DialplanCheck = { ...eachLine, amend: amendMacroFindings };
