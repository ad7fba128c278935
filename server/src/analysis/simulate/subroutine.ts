// ast_app_exec_sub (main/app.c with app_stack.c's gosub_run): a Gosub run on a channel of its own until its Return,
// as Dial's pre-dial handlers (`b(context^exten^priority(args))` on each outgoing channel) run. `^` separates the
// location's parts (ast_app_expand_sub_args).
import { gosub } from './apps/stack';
import type { Call, Run } from './run';
import { context, spawn } from './walk';

export function execSub(run: Run, call: Call, location: string): void {
  const { ch } = call;
  const open = location.indexOf('(');
  const where = (open < 0 ? location : location.slice(0, open)).replace(/\^/g, ',');
  const data = open < 0 ? where : `${where}${location.slice(open)}`;
  const depth = ch.stack?.length ?? 0;
  if (gosub(context(run, call, 'Gosub', data, [], null), data) !== 0) return;
  ch.priority++;
  for (;;) {
    const r = spawn(run, call);
    if (!r.found || r.res !== 0) return;
    // its Return popped the frame: the subroutine is over
    if ((ch.stack?.length ?? 0) <= depth) return;
    ch.priority++;
  }
}
