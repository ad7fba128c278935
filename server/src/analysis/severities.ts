// Which codes are reported, and at what severity: the user's choices (the setting `pbx.diagnostics.severity`, the
// CLI's `--enable` and `--severity`) read against the catalog's defaults. Read once per configuration, by the
// language server and the CLI alike; the runner (findings.ts) asks `isEnabled` before running a check that is off
// by default, so such a check costs nothing until it is turned on.
import type { Severity } from '../parser/ast';
import type { SeverityOverrides } from '../model/workspace';
import { CATALOG, checkInfo } from './checks/catalog';

export type { SeverityOverrides } from '../model/workspace';

/** What a user may give a code: a severity, `off`, or `on` (its default severity: turns on a code off by default). */
export type SeverityChoice = Severity | 'off' | 'on';

export const SEVERITY_CHOICES: readonly SeverityChoice[] = ['error', 'warning', 'information', 'hint', 'off', 'on'];

export function isSeverityChoice(value: unknown): value is SeverityChoice {
  return typeof value === 'string' && (SEVERITY_CHOICES as readonly string[]).includes(value);
}

/** Is this code reported? Its choice when the user made one (anything but `off` turns it on), else the catalog's. */
export function isEnabled(code: string, overrides: SeverityOverrides): boolean {
  const chosen = overrides[code];
  if (chosen !== undefined) return chosen !== 'off';
  return checkInfo(code)?.enabled ?? true;
}

/** The codes a key names: itself; `prefix*` (`style-*`) every code starting so; a family (`style`) its codes. */
function codesOf(key: string): string[] {
  if (checkInfo(key) !== undefined) return [key];
  const prefix = key.endsWith('*') ? key.slice(0, -1) : /^[a-z0-9]+$/.test(key) ? `${key}-` : null;
  if (prefix === null || prefix === '') return [];
  return CATALOG.filter((c) => c.code.startsWith(prefix)).map((c) => c.code);
}

/** How specific a key is: a code beats any pattern, and a longer prefix a shorter one. */
function specificity(key: string): number {
  if (checkInfo(key) !== undefined) return Number.MAX_SAFE_INTEGER;
  return key.endsWith('*') ? key.length - 1 : key.length + 1;
}

export interface ResolvedSeverities {
  /** Code -> severity or `off`, for every code some key names (patterns expanded, `on` made the default). */
  overrides: SeverityOverrides;
  /** Keys that name no code (the setting ignores them; the CLI refuses them). */
  unknown: string[];
}

/**
 * The user's choices, code by code. A key is a code (`style-final-newline`), a prefix ending in `*` (`style-*`) or a
 * family (`style`, the codes `style-...`); where several name a code, the most specific wins whatever their order
 * (a code, then the longest prefix), so `{"style": "hint", "style-final-newline": "off"}` turns on all but one.
 */
export function resolveSeverities(choices: Iterable<readonly [string, SeverityChoice]>): ResolvedSeverities {
  const overrides: SeverityOverrides = {};
  const unknown: string[] = [];
  const won = new Map<string, number>();
  for (const [key, choice] of choices) {
    const codes = codesOf(key);
    if (codes.length === 0) unknown.push(key);
    const rank = specificity(key);
    for (const code of codes) {
      if ((won.get(code) ?? -1) > rank) continue;
      won.set(code, rank);
      overrides[code] = choice === 'on' ? checkInfo(code)!.severity : choice;
    }
  }
  return { overrides, unknown };
}

/** The setting `pbx.diagnostics.severity` as the editor sends it: anything not an object, or not a choice, is ignored. */
export function severitiesFromSetting(setting: unknown): SeverityOverrides {
  if (setting === null || typeof setting !== 'object' || Array.isArray(setting)) return {};
  const choices = Object.entries(setting as Record<string, unknown>).filter((e): e is [string, SeverityChoice] => isSeverityChoice(e[1]));
  return resolveSeverities(choices).overrides;
}
