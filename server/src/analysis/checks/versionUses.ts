// What a line names that an Asterisk version may have removed or deprecated (docs/asteriskVersions.ts): its
// application, the functions it reads or writes, and the channel technologies of a Dial or Page device list. Shared
// by version-removed and version-deprecated.
import type { VersionChange } from '../../docs/asteriskVersions';
import { OPTION_CHANGES, optionChange, VERSION_CHANGES, versionChange } from '../../docs/asteriskVersions';
import { appOptions, optionArgument, parseOptions } from '../appOptions';
import { deviceList } from './appGrammar';
import { dataPlaces } from './lineByLine';
import { caseless } from '../../docs/caseless';
import type { Priority } from '../../model/dialplan';
import type { Severity } from '../../parser/ast';
import type { Finding } from '../finding';
import { markMacroFinding } from '../macroToGosub/index';
import { functionUses } from './substitutions';

/** The applications whose first argument is a device list (TECH/resource&...). */
const DEVICE_LISTS = caseless([['Dial', true] as const, ['Page', true] as const]);

export interface VersionUse {
  change: VersionChange;
  start: number;
  end: number;
}

export function versionUses(p: Priority): VersionUse[] {
  const out: VersionUse[] = [];
  const app = p.statement.application;
  const places = dataPlaces(p);
  const inData = (at: number, length: number): { start: number; end: number } => places.at(at, at + length);
  const own = versionChange('application', p.app.trim());
  if (own && app) out.push({ change: own, start: app.name.start, end: app.name.end });
  if (!app?.data) return out;
  for (const use of functionUses(p.app, p.data)) {
    const change = versionChange('function', use.name);
    if (change) out.push({ change, ...inData(use.at, use.name.length) });
  }
  // the option letters a version removed (Dial's M...), read as dialplan-app-option reads them
  const options = appOptions(p.app.trim());
  const arg = options?.reading === 'table' ? optionArgument(options, p.data) : null;
  if (options && arg && !arg.text.includes('$')) {
    for (const o of parseOptions(arg.text).options) {
      const change = optionChange(options.app, o.letter);
      if (change) out.push({ change, ...inData(arg.start + o.at, o.end - o.at) });
    }
  }
  if (DEVICE_LISTS(p.app.trim())) {
    for (const { device, start } of deviceList(p.data)) {
      const slash = device.indexOf('/');
      const tech = slash > 0 ? device.slice(0, slash).trimEnd() : '';
      const change = tech !== '' && !tech.includes('$') ? versionChange('channel', tech) : undefined;
      if (change) out.push({ change, ...inData(start, tech.length) });
    }
  }
  return out;
}

/** What a set of changes can be named by: a line that names none of it is not read (most lines, issue 13). */
export interface ChangeFilter {
  /** Applications, lowercase. */
  applications: Set<string>;
  functions: boolean;
  channels: boolean;
  /** Applications with a changed option letter, lowercase. */
  options: Set<string>;
}

/** The filter of the changes `keep` keeps (the removals of a version, its deprecations). */
export function changeFilter(keep: (change: VersionChange) => boolean): ChangeFilter {
  const kept = [...VERSION_CHANGES, ...OPTION_CHANGES].filter(keep);
  return {
    applications: new Set(kept.filter((c) => c.kind === 'application').map((c) => c.name.toLowerCase())),
    functions: kept.some((c) => c.kind === 'function'),
    channels: kept.some((c) => c.kind === 'channel'),
    options: new Set(kept.filter((c) => c.kind === 'option').map((c) => c.app!.toLowerCase())),
  };
}

/** Can this line name one of the filter's changes (its application, a function, a device, an option)? */
export function mayName(p: Priority, filter: ChangeFilter): boolean {
  const app = p.app.trim().toLowerCase();
  return filter.applications.has(app) || filter.options.has(app) || (filter.functions && p.data.includes('(')) || (filter.channels && DEVICE_LISTS(app) !== undefined);
}

/** How a change reads in a message: "the application Macro (app_macro)". */
export function what(change: VersionChange): string {
  if (change.kind === 'option') return `the option ${change.name} of ${change.app} (${change.module})`;
  return change.kind === 'channel' ? `the channel driver ${change.module} (${change.name}/ devices)` : `the ${change.kind} ${change.name} (${change.module})`;
}

/** What a call meets where a version removed it. */
export function effect(kind: VersionChange['kind']): string {
  if (kind === 'application') return 'a call that gets here ends ("No application")';
  if (kind === 'function') return 'Asterisk logs "not registered" and reads an empty value';
  if (kind === 'option') return 'the letter is unknown ("Unrecognized option") and ignored';
  return 'Dial cannot create such a channel ("No such channel type")';
}

/**
 * A version finding on what a line names; on a Macro line it is marked for the quick fix to Gosub, which the check's
 * `amend` works out once the whole dialplan is known (analysis/macroToGosub).
 */
export function versionFinding(code: string, severity: Severity, message: string, p: Priority, u: VersionUse): Finding {
  const f: Finding = { code, severity, message, file: p.file, start: u.start, end: u.end, related: [] };
  if (u.change.kind === 'application' && u.change.module === 'app_macro') markMacroFinding(f, p);
  return f;
}
