// The shape of one dialplan function (struct ast_custom_function, include/asterisk/pbx.h) and of one call to it.
// Functions see byte strings (see ../cstring.ts) and the channel through FunctionCall, never the file system,
// the network or the environment.
import type { Channel } from '../channel';
import type { EvalContext } from '../context';

export interface FunctionCall {
  /** The name as written (function names are case-sensitive in Asterisk 20). */
  readonly name: string;
  /** The text between the parentheses, already substituted. */
  readonly args: string;
  readonly channel: Channel;
  readonly ctx: EvalContext;
  /** Reached through pbx_substitute_variables_helper ('char': EVAL reads with it) or ast_str_substitute_variables. */
  readonly mode: 'char' | 'str';
  /** ast_log(): `source` is the file Asterisk names in the log line. */
  log(level: 'WARNING' | 'ERROR', source: string, message: string): void;
  /** The value needs a live call: `why` says what it reads. The call's value is then unknown (""). */
  unknown(why: string): void;
  /** pbx_builtin_getvar_helper(): a channel variable, else a global. */
  get(name: string): string | undefined;
  getGlobal(name: string): string | undefined;
  /** pbx_builtin_setvar_helper(): a name ending in `)` writes a function; undefined deletes. */
  set(name: string, value: string | undefined): void;
  setGlobal(name: string, value: string | undefined): void;
  /** pbx_builtin_pushvar_helper(). */
  push(name: string, value: string): void;
  /** ast_str_substitute_variables(): how most functions read the variable they are given by name. */
  substitute(text: string): string;
  /** pbx_substitute_variables_helper() into a buffer of `size` bytes (EVAL on its first path). */
  substituteInto(text: string, size: number): string;
  /** A note for what the simulation accepted without doing it. */
  note(message: string): void;
}

/** One function: one entry of the table in index.ts. */
export interface DialplanFunction {
  name: string;
  /** The Asterisk source it follows (`funcs/func_cut.c`). */
  source: string;
  /** What a read or write needs besides its arguments. */
  needs: 'arguments' | 'channel' | 'time' | 'dialplan' | 'live call';
  /** Why only a live call knows it (for `needs: 'live call'`): the value is unknown, a write is noted. */
  live?: string;
  /** The read: its value, or null when Asterisk's read fails (nothing is substituted). */
  read?(call: FunctionCall): string | null;
  write?(call: FunctionCall, value: string): void;
  /** read_max: the buffer ast_func_read2 gives a read without read2 (LEN: 12). */
  readMax?: number;
}

/** Where ast_get_encoded_char() logs (main/app.c). */
export function appLog(call: FunctionCall): (message: string) => void {
  return (message) => call.log('ERROR', 'app.c', message);
}
