// ExecIf, Exec and TryExec (apps/app_exec.c) and ExecIfTime (main/pbx_builtins.c): run another application,
// by name, in the same step (Asterisk logs no "Executing" line of its own for it). Exec and TryExec substitute the
// inner arguments once more.
import { separateArgs } from '../cstring';
import { splitBranches, timeHolds } from './goto';
import type { Application, AppContext } from './types';

/** `App(args)` split at the first '(' and the last ')'. */
function appAndArgs(text: string): { name: string; args: string | undefined; closed: boolean } {
  const open = text.indexOf('(');
  if (open < 0) return { name: text, args: undefined, closed: true };
  const rest = text.slice(open + 1);
  const close = rest.lastIndexOf(')');
  return { name: text.slice(0, open), args: close < 0 ? rest : rest.slice(0, close), closed: close >= 0 };
}

function runInner(x: AppContext, name: string, args: string): number {
  x.note(`Runs ${name}(${args}).`);
  return x.exec(name, args);
}

/**
 * ExecIf's `expr?app(args)[:app(args)]` as app_exec.c splits it: at the first `?`, then the rest at the first `:`
 * (outside parentheses and brackets); null when nothing follows a `?`. Shared with dialplan-app-unknown.
 */
export function execIfBranches(data: string): { condition: string; yes: string; no: string | undefined } | null {
  const [condition, remainder] = separateArgs(data, '?', false, 2);
  if (remainder === undefined || remainder === '') return null;
  const [yes, no] = separateArgs(remainder, ':', false, 2);
  return { condition, yes, no };
}

function execIf(x: AppContext): number {
  const data = x.data;
  const comma = data.indexOf(',');
  const question = data.indexOf('?');
  let condition: string;
  let yes: { name: string; args: string | undefined } | undefined;
  let no: { name: string; args: string | undefined } | undefined;
  if ((comma >= 0 && question >= 0 && comma < question) || question < 0) {
    // the deprecated form ExecIf(expr,app,args)
    const [expr, app, args] = separateArgs(data, ',', true, 3);
    x.run.log('WARNING', 'app_exec.c', `Deprecated syntax found.  Please upgrade to using ExecIf(<expr>?${app ?? '(null)'}(${args ?? '(null)'}))`);
    condition = expr ?? '';
    yes = { name: app ?? '', args };
  } else {
    const branches = execIfBranches(data);
    if (branches === null) {
      x.run.log('ERROR', 'app_exec.c', 'Usage: ExecIf(<expr>?<appiftrue>(<args>)[:<appiffalse>(<args)])');
      return -1;
    }
    const { yes: t, no: f } = branches;
    condition = branches.condition;
    yes = t === undefined ? undefined : appAndArgs(t);
    no = f === undefined ? undefined : appAndArgs(f);
  }
  if (x.condition(condition, 'ExecIf')) {
    if (yes && yes.name !== '' && x.hasApp(yes.name)) return runInner(x, yes.name, yes.args ?? '');
    x.run.log('WARNING', 'app_exec.c', `Could not find application! (${yes?.name || '(null)'})`);
    return -1;
  }
  if (no && no.name !== '') {
    if (x.hasApp(no.name)) return runInner(x, no.name, no.args ?? '');
    x.run.log('WARNING', 'app_exec.c', `Could not find application! (${no.name})`);
    return -1;
  }
  x.note('The condition is false: nothing runs.');
  return 0;
}

function exec(x: AppContext, tryIt: boolean): number {
  if (x.data === '') return 0;
  const { name, args } = appAndArgs(x.data);
  const inner = args === undefined ? '' : x.substitute(args);
  if (!x.hasApp(name)) {
    x.run.log('WARNING', 'app_exec.c', `Could not find application (${name})`);
    if (tryIt) x.setVar('TRYSTATUS', 'NOAPP');
    return tryIt ? 0 : -1;
  }
  const res = x.exec(name, inner);
  x.note(`Runs ${name}(${inner}).`);
  if (!tryIt) return res;
  x.setVar('TRYSTATUS', res ? 'FAILED' : 'SUCCESS');
  return 0;
}

function execIfTime(x: AppContext): number {
  const usage = 'ExecIfTime requires an argument:\n  <time range>,<days of week>,<days of month>,<months>[,<timezone>]?<appname>[(<appargs>)]';
  if (x.data === '') {
    x.run.log('WARNING', 'pbx_builtins.c', usage);
    return -1;
  }
  const { condition, yes, no } = splitBranches(x.data);
  if (yes === undefined) {
    x.run.log('WARNING', 'pbx_builtins.c', usage);
    return -1;
  }
  const app = no === undefined ? yes : `${yes}:${no}`;
  if (!timeHolds(x, condition)) {
    x.note('Outside the time range: nothing runs.');
    return 0;
  }
  const { name, args, closed } = appAndArgs(app);
  if (!closed) x.run.log('WARNING', 'pbx_builtins.c', 'Failed to find closing parenthesis');
  if (!x.hasApp(name)) {
    x.run.log('WARNING', 'pbx.c', `Could not find application (${name})`);
    return -1;
  }
  return runInner(x, name, args ?? '');
}

export const EXEC: Application[] = [
  { name: 'ExecIf', source: 'apps/app_exec.c', run: execIf },
  { name: 'Exec', source: 'apps/app_exec.c', run: (x) => exec(x, false) },
  { name: 'TryExec', source: 'apps/app_exec.c', run: (x) => exec(x, true) },
  { name: 'ExecIfTime', source: 'main/pbx_builtins.c', run: execIfTime },
];
