// dialplan-app-unknown: a line whose application Asterisk does not have. pbx_findapp (main/pbx_app.c) looks the
// name up without case among the registered applications; when it finds none, pbx_extension_helper logs "No
// application '%s' for extension (%s, %s, %d)" and the call ends there. Three shapes: a name Asterisk 20 never had
// (a typo: "did you mean"), a blank before the `(` (`Verbose (x)` registers "Verbose ", with the blank), a line with
// no application at all (`exten => 1,n`); and a real application whose module modules.conf does not load.
import { ASTERISK_20_APPLICATIONS } from '../../docs/asteriskApplications';
import { VERSION_CHANGES } from '../../docs/asteriskVersions';
import { caseless } from '../../docs/caseless';
import type { Dialplan, Priority } from '../../model/dialplan';
import { applicationAbsence } from '../applicationAbsence';
import type { Finding } from '../finding';
import { dataPlaces, perLine } from './lineByLine';
import { separateArgs } from '../simulate/cstring';
import { execIfBranches } from '../simulate/apps/exec';

export const code = 'dialplan-app-unknown';

// Asterisk 20's applications, and the ones an earlier version had (version-removed tells when they are gone)
const known = caseless([...ASTERISK_20_APPLICATIONS, ...VERSION_CHANGES.filter((v) => v.kind === 'application').map((v) => v.name)].map((a) => [a, true] as const));

/** The Levenshtein distance, without case, cut off above `max` (names are short). */
function distance(a: string, b: string, max: number): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/** The application a mistyped name most likely meant (one or two letters off), or null. */
export function closestApplication(name: string): string | null {
  return closestName(name, ASTERISK_20_APPLICATIONS);
}

/** The name of `names` a mistyped one most likely meant (one or two letters off, any case), or null. */
export function closestName(name: string, names: readonly string[]): string | null {
  const max = name.length <= 4 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = max + 1;
  for (const app of names) {
    const d = distance(name, app, max);
    if (d < bestDistance) {
      best = app;
      bestDistance = d;
    }
  }
  return best;
}

function check(plan: Dialplan, p: Priority, out: Finding[]): void {
  const ends = `Asterisk ends the call here (it logs "No application '${p.app}' for extension ...")`;
  // where it stands, worked out for a line that has a finding (most have none)
  const finding = (message: string, fixes: Finding['fixes'] = undefined): void => {
    const app = p.statement.application;
    const line = p.statement.statement;
    const where = app ? { start: app.name.start, end: app.name.end } : { start: line.start, end: line.end };
    out.push({ code, severity: 'error', message, file: p.file, ...where, related: [], ...(fixes ? { fixes } : {}) });
  };
  if (p.app === '') {
    finding(`This line names no application: ${ends}. Add one (NoOp() does nothing).`);
    return;
  }
  const absence = applicationAbsence(plan, p.app);
  // removed by the PBX's Asterisk version: version-removed says so, with what to use instead
  if (absence?.kind === 'removed') return;
  if (known(p.app)) {
    if (absence?.kind === 'not-yet') finding(`Asterisk ${absence.version} does not have ${p.app} yet (its last release lacks it; Asterisk 20.20 has it): ${ends}.`);
    if (absence?.kind === 'not-loaded') finding(`'${p.app}' comes with ${absence.module}.so, which this PBX does not load (${absence.why}): ${ends}.`);
    return;
  }
  const trimmed = p.app.trim();
  const app = p.statement.application;
  if (trimmed !== p.app && known(trimmed) && app) {
    // the blank stays in the name (pbx_config cuts the name at the '(' only)
    finding(`The blank before '(' is part of the application's name: Asterisk looks for '${p.app}', which it does not have, and ends the call here (it logs "No application '${p.app}' for extension ..."). Remove the blank.`, [
      { title: `Remove the blank: ${trimmed}(`, edits: [{ file: p.file, start: app.name.start, end: app.name.end, text: trimmed }] },
    ]);
    return;
  }
  const near = closestApplication(trimmed);
  finding(
    `Asterisk 20 has no application '${p.app}'${near ? ` (did you mean '${near}'?)` : ''}: ${ends}.`,
    near && app ? [{ title: `Change to ${near}`, edits: [{ file: p.file, start: app.name.start, end: app.name.end, text: near }] }] : undefined,
  );
}

/**
 * The applications Exec, TryExec, ExecIf and ExecIfTime name in their data (apps/app_exec.c, pbx_builtins.c), with
 * their offsets: `App(args)`, `expr?App(args)[:App2(args)]`, `times,...?App(args)`. Names built at run time are left
 * out.
 */
function innerApplications(app: string, data: string): { name: string; at: number }[] {
  const kind = app.toLowerCase();
  let branches: { text: string; at: number }[];
  if (kind === 'exec' || kind === 'tryexec') branches = [{ text: data, at: 0 }];
  else if (kind === 'execif') {
    const b = execIfBranches(data);
    if (b === null) return [];
    const at = b.condition.length + 1;
    branches = [{ text: b.yes, at }, ...(b.no === undefined ? [] : [{ text: b.no, at: at + b.yes.length + 1 }])];
  } else if (kind === 'execiftime') {
    const [condition, rest] = separateArgs(data, '?', false, 2);
    if (rest === undefined) return [];
    branches = [{ text: rest, at: condition.length + 1 }];
  } else return [];
  return branches.flatMap(({ text, at }) => {
    const name = text.split('(')[0];
    return name !== '' && !name.includes('$') ? [{ name, at }] : [];
  });
}

/** The applications that run another one, named in their data. */
const RUNNING_OTHERS = new Set(['exec', 'tryexec', 'execif', 'execiftime']);

function checkInner(plan: Dialplan, p: Priority, out: Finding[]): void {
  if (!p.data || !RUNNING_OTHERS.has(p.app.toLowerCase())) return;
  const data = p.statement.application?.data;
  if (!data) return;
  const places = dataPlaces(p);
  const tries = p.app.toLowerCase() === 'tryexec';
  for (const inner of innerApplications(p.app, p.data)) {
    const absence = applicationAbsence(plan, inner.name);
    if (absence?.kind === 'removed' || (known(inner.name) && absence === null)) continue;
    const why = absence?.kind === 'not-loaded' ? `comes with ${absence.module}.so, which this PBX does not load (${absence.why})` : absence?.kind === 'not-yet' ? `is not in Asterisk ${absence.version} yet` : `is no application of Asterisk 20${closestApplication(inner.name) ? ` (did you mean '${closestApplication(inner.name)}'?)` : ''}`;
    const effect = tries ? 'TryExec sets TRYSTATUS to NOAPP and the call goes on' : `${p.app} fails and the call ends`;
    out.push({ code, severity: tries ? 'warning' : 'error', message: `'${inner.name}' ${why}: Asterisk logs "Could not find application" and ${effect}.`, file: p.file, ...places.at(inner.at, inner.at + inner.name.length), related: [] });
  }
}

export const appUnknown = perLine(code, (plan, p, out) => {
  check(plan, p, out);
  checkInner(plan, p, out);
});
