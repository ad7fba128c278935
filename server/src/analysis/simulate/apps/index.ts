// The applications of the interpreter, one table: every application Asterisk 20 has (docs/asteriskApplications.ts),
// with the behaviour of those a dialplan's path depends on (one family per file) and, for the others, "runs and
// returns 0" with a note. pbx_findapp compares names without case; a name Asterisk lacks is no application.
import { ASTERISK_20_APPLICATIONS } from '../../../docs/asteriskApplications';
import { BUILTINS } from './builtins';
import { DIAL } from './dial';
import { EXEC } from './exec';
import { GOTO } from './goto';
import { IVR } from './ivr';
import { MACRO } from './macro';
import { STACK } from './stack';
import type { Application } from './types';
import { WHILE } from './while';

const MODELLED: Application[] = [...BUILTINS, ...GOTO, ...STACK, ...EXEC, ...WHILE, ...MACRO, ...IVR, ...DIAL];

/** An application whose effect on the call's path is nothing we model: it runs, and the dialplan goes on. */
function unmodelled(name: string): Application {
  return {
    name,
    source: '',
    run: (x) => {
      x.note(`${name}() is not simulated: taken to succeed, the dialplan goes on.`);
      return x.call.hungUp ? -1 : 0;
    },
  };
}

const TABLE = new Map<string, Application>();
for (const name of ASTERISK_20_APPLICATIONS) TABLE.set(name.toLowerCase(), unmodelled(name));
for (const app of MODELLED) TABLE.set(app.name.toLowerCase(), app);

/** pbx_findapp: the application of that name (any case), or undefined when Asterisk has none. */
export function findApplication(name: string): Application | undefined {
  return TABLE.get(name.toLowerCase());
}
