// What a line names that an Asterisk version may have removed or deprecated (docs/asteriskVersions.ts): its
// application, the functions it reads or writes, and the channel technologies of a Dial or Page device list. Shared
// by version-removed and version-deprecated.
import type { VersionChange } from '../../docs/asteriskVersions';
import { optionChange, versionChange } from '../../docs/asteriskVersions';
import { optionTable } from '../../docs/applicationOptions';
import { parseOptions } from '../appOptions';
import { caseless } from '../../docs/caseless';
import type { Priority } from '../../model/dialplan';
import { functionUses } from './substitutions';
import { separateArgs } from '../simulate/cstring';

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
  const data = app?.data;
  const exact = data !== null && data !== undefined && data.text === p.data && data.end - data.start === p.data.length;
  const inData = (at: number, length: number): { start: number; end: number } =>
    exact ? { start: data!.start + at, end: data!.start + at + length } : data ? { start: data.start, end: data.end } : { start: app!.start, end: app!.end };
  const own = versionChange('application', p.app.trim());
  if (own && app) out.push({ change: own, start: app.name.start, end: app.name.end });
  if (!data) return out;
  for (const use of functionUses(p.app, p.data)) {
    const change = versionChange('function', use.name);
    if (change) out.push({ change, ...inData(use.at, use.name.length) });
  }
  const table = optionTable(p.app.trim());
  const options = table ? separateArgs(p.data, ',', false, table.argument + 2) : [];
  const text = table && options.length > table.argument && !options[table.argument].includes('$') ? options[table.argument] : '';
  const offset = options.slice(0, table?.argument ?? 0).reduce((n, a) => n + a.length + 1, 0);
  for (const o of parseOptions(text).options) {
    const change = optionChange(table!.app, o.letter);
    if (change) out.push({ change, ...inData(offset + o.at, o.end - o.at) });
  }
  if (DEVICE_LISTS(p.app.trim())) {
    // the device list is the first argument: TECH/resource, joined by '&'
    let offset = 0;
    for (const device of (separateArgs(p.data, ',', false, 2)[0] ?? '').split('&')) {
      const slash = device.indexOf('/');
      const tech = slash > 0 ? device.slice(0, slash).trim() : '';
      const change = tech !== '' && !tech.includes('$') ? versionChange('channel', tech) : undefined;
      if (change) out.push({ change, ...inData(offset + device.indexOf(tech), tech.length) });
      offset += device.length + 1;
    }
  }
  return out;
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
