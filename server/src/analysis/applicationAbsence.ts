// Whether a PBX has an application Asterisk 20 registers: its Asterisk version may have removed it, or not have it
// yet,// (docs/asteriskVersions.ts), or its modules.conf may not load the module that registers it (model/modules.ts).
// One rule for the check dialplan-app-unknown / version-removed and for Simulate dial, which ends the call there.
import { applicationModule } from '../docs/applicationModules';
import type { VersionChange } from '../docs/asteriskVersions';
import { notYetIn, removedBy, versionChange } from '../docs/asteriskVersions';
import type { Dialplan } from '../model/dialplan';
import { whyNotLoaded } from '../model/modules';

export type Absence = { kind: 'removed'; change: VersionChange } | { kind: 'not-yet'; version: number } | { kind: 'not-loaded'; module: string; why: string };

/** Why the PBX lacks this application although Asterisk 20 has it, or null when it has it (or never had it). */
export function applicationAbsence(plan: Dialplan, name: string): Absence | null {
  const change = versionChange('application', name);
  if (change && removedBy(change, plan.version)) return { kind: 'removed', change };
  if (notYetIn('application', name, plan.version)) return { kind: 'not-yet', version: plan.version };
  const module = plan.modules ? applicationModule(name) : undefined;
  const why = module ? whyNotLoaded(module, plan.modules!) : null;
  return module && why !== null ? { kind: 'not-loaded', module, why } : null;
}
