// dialplan-app-condition: a GotoIf or GosubIf whose condition cannot do its job. pbx_checkcondition (main/pbx.c)
// takes an empty condition as false, a number as its value and any other text as true; the data is split at the
// first `?` and the branches at the first `:` after it. So a condition with nothing to substitute (no `$`) always
// takes the same branch, the other is dead; `GotoIf(cond)` without `?` names no branch and never jumps (GosubIf
// warns "requires an argument" and goes on); `GotoIf()` is ignored ("there is no variable to check").
import type { Priority } from '../../model/dialplan';
import { splitBranches } from '../simulate/apps/goto';
import { gosubIfParts } from '../simulate/apps/stack';
import { truthy } from '../simulate/expression';
import type { Finding } from '../finding';
import { perLine } from './lineByLine';

export const code = 'dialplan-app-condition';

const CONDITIONAL = new Map([
  ['gotoif', 'GotoIf'],
  ['gosubif', 'GosubIf'],
]);

function check(p: Priority, out: Finding[]): void {
  const name = CONDITIONAL.get(p.app.toLowerCase());
  const data = p.statement.application?.data;
  if (name === undefined || !data) return;
  const finding = (message: string, start = data.start, end = data.end): void => {
    out.push({ code, severity: 'warning', message, file: p.file, start, end: Math.max(end, start), related: [] });
  };
  const text = p.data;
  // offsets inside the data are exact only when it is written as it is read (no escapes or comments in between)
  const at = (i: number): number => (data.text === text && data.end - data.start === text.length ? data.start + i : data.start);
  if (text === '') {
    finding(`${name}() has nothing to check: Asterisk ignores the line ("${name === 'GotoIf' ? 'Ignoring, since there is no variable to check' : 'GosubIf requires an argument'}") and goes on.`);
    return;
  }
  // split as the application itself does (the simulation uses the same functions)
  const parts = name === 'GotoIf' ? (text.includes('?') ? splitBranches(text) : null) : gosubIfParts(text);
  if (parts === null) {
    finding(
      name === 'GotoIf'
        ? `No '?' in ${name}(${text}): the whole text is the condition and there is no place to go, so this line never jumps. Write ${name}(condition?place_if_true:place_if_false).`
        : `No '?' in ${name}(${text}): Asterisk warns "GosubIf requires an argument" and goes on without calling anything. Write GosubIf(condition?label1(args):label2(args)).`,
    );
    return;
  }
  const { condition, yes, no } = parts;
  if (condition.includes('$')) return; // worked out on the call
  const value = truthy(condition);
  const kind = condition.trim() === '' ? 'empty, so always false' : `'${condition}', a constant: always ${value ? 'true' : 'false'}`;
  const dead = value ? no : yes;
  const taken = value ? yes : no;
  const goes = taken === undefined || taken === '' ? 'never jumps (no branch for that case)' : `always goes to '${taken}'`;
  const never = dead === undefined || dead === '' ? '' : `; '${dead}' is never taken`;
  // an empty condition is shown on its '?'
  finding(`The condition of this ${name} is ${kind} (pbx_checkcondition): it ${goes}${never}.`, at(0), at(Math.max(condition.length, 1)));
}

export const appCondition = perLine(code, (_plan, p, out) => check(p, out));
