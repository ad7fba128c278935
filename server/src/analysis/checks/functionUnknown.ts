// dialplan-function-unknown: a function Asterisk 20 does not register. ast_custom_function_find (main/
// pbx_functions.c) compares names with strcmp, case included: `${callerid(num)}` is "Function callerid not
// registered", an ERROR in the log and an empty value (a write sets nothing). The registered names come from the
// sources (analysis/simulate/functions/registered.ts); func_odbc's ODBC_<query> functions are taken as registered.
import { notYetIn, versionChange } from '../../docs/asteriskVersions';
import { REGISTERED, registration } from '../simulate/functions/registered';
import type { Dialplan, Priority } from '../../model/dialplan';
import type { Finding } from '../finding';
import { dataPlaces, perLine } from './lineByLine';
import { closestName } from './appUnknown';
import { functionUses } from './substitutions';

export const code = 'dialplan-function-unknown';

const NAMES = [...REGISTERED.keys()];
const BY_UPPER = new Map(NAMES.map((n) => [n.toUpperCase(), n]));

function check(plan: Dialplan, p: Priority, out: Finding[]): void {
  if (!p.data.includes('(') || !p.statement.application?.data) return;
  const places = dataPlaces(p);
  for (const use of functionUses(p.app, p.data)) {
    const registered = registration(use.name) !== null;
    const notYet = registered && notYetIn('function', use.name, plan.version);
    if ((registered && !notYet) || versionChange('function', use.name)) continue;
    const place = places.at(use.at, use.at + use.name.length);
    const effect = `it logs "Function ${use.name} not registered" and ${use.mode === 'read' ? 'substitutes an empty value' : 'sets nothing'}`;
    if (notYet) {
      out.push({ code, severity: 'error', message: `Asterisk ${plan.version} does not have the function ${use.name} yet (its last release lacks it; Asterisk 20.20 has it): ${effect}.`, file: p.file, ...place, related: [] });
      continue;
    }
    const sameLetters = BY_UPPER.get(use.name.toUpperCase());
    const near = sameLetters ?? closestName(use.name, NAMES);
    const hint = sameLetters ? ` Function names are case-sensitive: write '${sameLetters}'.` : near ? ` Did you mean '${near}'?` : '';
    out.push({
      code,
      severity: 'error',
      message: `Asterisk 20 has no function '${use.name}': ${effect}.${hint}`,
      file: p.file,
      ...place,
      related: [],
      ...(near && places.exact ? { fixes: [{ title: `Change to ${near}`, edits: [{ file: p.file, ...place, text: near }] }] } : {}),
    });
  }
}

export const functionUnknown = perLine(code, check);
