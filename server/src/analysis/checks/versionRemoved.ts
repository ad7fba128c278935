// version-removed: a line that names an application, a function or a channel driver the Asterisk version of the
// setting `pbx.asteriskVersion` (CLI `--asterisk-version`) no longer has: Macro and chan_sip in 21, DeadAGI in 23...
// On a call the application is "No application" (the call ends), the function "not registered", the device is
// refused by Dial ("No such channel type"). The data and its sources: docs/asteriskVersions.ts.
import { DEFAULT_VERSION, EARLIEST_REMOVAL, removedBy, removedModule, versionChange } from '../../docs/asteriskVersions';
import type { DialplanCheck, Finding, TrunkCheck } from '../finding';
import type { Modules } from '../../model/modules';
import { amendMacroFindings } from '../macroToGosub/index';
import { perLine } from './lineByLine';
import type { ChangeFilter } from './versionUses';
import { changeFilter, effect, mayName, versionFinding, versionUses, what } from './versionUses';
import { append } from '../../model/append';

export const code = 'version-removed';

/** What each version removed, as a filter of the lines worth reading. */
const removals = new Map<number, ChangeFilter>();

const eachLine = perLine(code, (plan, p, out) => {
  if (plan.version < EARLIEST_REMOVAL) return; // nothing of the list is removed before
  let filter = removals.get(plan.version);
  if (filter === undefined) {
    filter = changeFilter((c) => removedBy(c, plan.version));
    removals.set(plan.version, filter);
  }
  if (!mayName(p, filter)) return;
  for (const u of versionUses(p)) {
    if (!removedBy(u.change, plan.version)) continue;
    out.push(versionFinding(code, 'error', `Asterisk ${u.change.removedIn} removed ${what(u.change)}, deprecated since ${u.change.deprecatedIn}: in Asterisk ${plan.version} ${effect(u.change.kind)}. Use ${u.change.instead}.`, p, u));
  }
});

/**
 * The same code on modules.conf: a `load`/`require` line for a module the version removed. loader.c cannot find
 * it: a `load` line is logged and skipped, a `require` line stops Asterisk from starting.
 */
function removedModules(modules: Modules, version: number): Finding[] {
  const out: Finding[] = [];
  for (const [base, line] of modules.loaded) {
    const change = removedModule(base, version);
    if (!change) continue;
    const key = line.key.text.toLowerCase();
    const effect = key.includes('require') ? 'Asterisk refuses to start (a required module is missing)' : 'Asterisk logs that it cannot find it and starts without it';
    out.push({
      code,
      severity: 'error',
      message: `Asterisk ${change.removedIn} removed ${base}.so, deprecated since ${change.deprecatedIn}: in Asterisk ${version} this ${key} line names a module that does not exist, so ${effect}. Use ${change.instead}.`,
      file: modules.file,
      start: line.value.start,
      end: line.value.end,
      related: [],
    });
  }
  return out;
}

/**
 * The same code on sip.conf itself: from 21 on no chan_sip reads it, so its peers, users and `register =>` lines are
 * gone; one finding on the file's first section, naming what is lost.
 */
export const versionRemovedConfigs: TrunkCheck = {
  code,
  // not channelsOnly: it reads the version setting and modules.conf, cheap enough to run each time
  run({ workspace, pbxs }) {
    const version = workspace.settings.asteriskVersion ?? DEFAULT_VERSION;
    const change = versionChange('channel', 'SIP');
    const out: Finding[] = [];
    for (const pbx of pbxs) {
      const modules = pbx.dialplan?.modules;
      if (modules) append(out, removedModules(modules, version));
      const sip = pbx.sip;
      if (!sip || !removedBy(change, version)) continue;
      const first = sip.config.sections.find((s) => s.file === sip.file);
      const at = first ? first.section.name : { start: 0, end: 0 };
      const peers = [...sip.peers.keys()];
      const lost = [
        peers.length ? `its ${peers.length} peer${peers.length === 1 ? '' : 's'} (${peers.slice(0, 5).join(', ')}${peers.length > 5 ? ', ...' : ''})` : '',
        sip.registrations.length ? `its ${sip.registrations.length} registration${sip.registrations.length === 1 ? '' : 's'}` : '',
      ].filter(Boolean);
      out.push({
        code,
        severity: 'error',
        message: `Asterisk ${change!.removedIn} removed chan_sip, deprecated since ${change!.deprecatedIn}: Asterisk ${version} does not read this sip.conf${lost.length ? `, so ${lost.join(' and ')} are gone and calls through them fail` : ''}. Move them to pjsip.conf (chan_pjsip).`,
        file: sip.file,
        start: at.start,
        end: at.end,
        related: [],
      });
    }
    return out;
  },
};
/** On a Macro, MacroExit, MacroIf or MacroExclusive line: the quick fix to Gosub, or why there is none. */
export const versionRemoved: DialplanCheck = { ...eachLine, amend: amendMacroFindings };
