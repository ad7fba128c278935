// modules.conf as main/loader.c reads it (loader_config_init): the modules named by load, preload, require and
// preload-require lines, every module when `autoload` is true (ast_true), then every one a `noload` names taken
// out (even one a load line named). Names match with or without `.so`, without case. Used to tell whether an
// application is there at all: a dialplan line whose module is not loaded ends the call as a missing application.
import * as path from 'node:path';
import type { Assignment, ConfigDocument } from '../parser/ast';
import { isTrue } from './dialplan';

export interface Modules {
  file: string;
  /** The parsed modules.conf it was read from (the workspace compares it to know whether it changed). */
  source: ConfigDocument;
  autoload: boolean;
  /** By base name (lower case, no `.so`): the line that loads it. */
  loaded: Map<string, Assignment>;
  /** By base name: the `noload` line. */
  notLoaded: Map<string, Assignment>;
  /** The `autoload` line, if any. */
  autoloadLine: Assignment | null;
}

const LOADS = new Set(['load', 'preload', 'require', 'preload-require']);

/** The base name a modules.conf value or a module stands for: `app_voicemail.so` and `App_VoiceMail` are one. */
export function moduleBase(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.so') ? lower.slice(0, -3) : lower;
}

export function readModules(file: string, doc: ConfigDocument): Modules {
  const modules: Modules = { file, source: doc, autoload: false, loaded: new Map(), notLoaded: new Map(), autoloadLine: null };
  for (const section of doc.sections) {
    if (section.template || section.name.text.toLowerCase() !== 'modules') continue;
    for (const item of section.items) {
      if (item.type !== 'Assignment') continue;
      const key = item.key.text.toLowerCase();
      if (key === 'autoload') {
        // ast_variable_retrieve: the first autoload line of [modules]
        if (modules.autoloadLine === null) {
          modules.autoloadLine = item;
          modules.autoload = isTrue(item.value.text);
        }
      } else if (key === 'noload') modules.notLoaded.set(moduleBase(item.value.text), item);
      else if (LOADS.has(key)) modules.loaded.set(moduleBase(item.value.text), item);
    }
  }
  return modules;
}

/**
 * Modules built from one source under other names, registering the same applications: app_voicemail.c is also
 * built as app_voicemail_odbc.so and app_voicemail_imap.so (apps/Makefile), and a PBX loads one of them.
 */
const VARIANTS: Readonly<Record<string, readonly string[]>> = {
  app_voicemail: ['app_voicemail', 'app_voicemail_odbc', 'app_voicemail_imap'],
};

/** Why a module is not loaded (a sentence), or null when it is (the core always is). */
export function whyNotLoaded(module: string, modules: Modules): string | null {
  if (module === 'core') return null;
  const base = moduleBase(module);
  const names = VARIANTS[base] ?? [base];
  // loaded explicitly (under any of its names) and not taken out again, or by autoload and not taken out
  if (names.some((n) => modules.loaded.has(n) && !modules.notLoaded.has(n))) return null;
  const refused = names.find((n) => modules.notLoaded.has(n));
  if (modules.autoload && refused === undefined) return null;
  const file = path.posix.basename(modules.file);
  if (refused !== undefined) return `${file} says 'noload => ${modules.notLoaded.get(refused)!.value.text}'`;
  return `${file} has ${modules.autoloadLine ? `'autoload=${modules.autoloadLine.value.text}'` : 'no autoload=yes'} and no 'load => ${base}.so'`;
}
