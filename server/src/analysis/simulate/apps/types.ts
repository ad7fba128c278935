// What an application of the interpreter is: one entry of a table (apps/index.ts), a registered name and a
// behaviour that works on the channel the way its Asterisk source does, returning what pbx_exec returns: 0 (go on
// with the next priority), -1 (hang up, or an error that ends the call), a digit's character code (the caller
// pressed it), or one of the special results below.
import type { Dialplan } from '../../../model/dialplan';
import type { Hop } from '../../../protocol';
import type { Channel } from '../channel';
import type { Call, Run } from '../run';

/** AST_PBX_INCOMPLETE (include/asterisk/pbx.h): Incomplete() asks the caller for more digits. */
export const PBX_INCOMPLETE = 12;
/** MACRO_EXIT_RESULT (app_macro.c): MacroExit() ends the macro. */
export const MACRO_EXIT = 1024;

export interface AppContext {
  run: Run;
  call: Call;
  ch: Channel;
  plan: Dialplan;
  /** The registered name of the application running. */
  app: string;
  /** Its data, substituted as pbx_extension_helper does before pbx_exec. */
  data: string;
  /** What the substitution could not know (a function only a live call answers): conditions on it are decisions. */
  unknown: string[];
  /** The step being run (an application run through ExecIf shares its step). */
  hop: Hop | null;
  /** Adds to the step's note, in words, what the application did. */
  note(text: string): void;
  /** ast_exists_extension from this channel (its caller ID), includes searched. */
  exists(context: string, exten: string, priority: number): boolean;
  /** ast_canmatch_extension and ast_matchmore_extension at priority 1: could `exten` still match, could a longer one. */
  canMatch(context: string, exten: string): boolean;
  matchMore(context: string, exten: string): boolean;
  /**
   * ast_parseable_goto: `[[context,]exten,]priority|label|+n|-n` moves the channel (one priority before the target,
   * as in the PBX loop, which adds it back). 0, or -1 with Asterisk's warning when the place does not parse.
   */
  goto(text: string): number;
  /** pbx_exec of another application by name (ExecIf, Exec, TryExec): its result, -1 when it does not exist. */
  exec(name: string, data: string): number;
  /** pbx_findapp: does Asterisk have an application of that name (any case)? */
  hasApp(name: string): boolean;
  /** ast_spawn_extension at the channel's place: what a macro's own loop runs. */
  spawn(): { found: boolean; res: number };
  /** pbx_checkcondition of a condition, or a decision when its value is unknown without a live call. */
  condition(text: string, label: string): boolean;
  /**
   * pbx_builtin_setvar_helper (a function on the left is written). `unknownFrom`: what the value came from that only
   * a live call knows (Set of such a value): the variable then reads as unknown too.
   */
  setVar(name: string, value: string | undefined, unknownFrom?: readonly string[]): void;
  substitute(text: string): string;
  /** ast_waitfordigit: the next key the caller presses within `ms`, as a character code; 0 on a timeout. */
  waitDigit(ms: number): number;
  /**
   * The caller may type at a prompt (Background, WaitExten, Read): what they type there comes from the inputs, or is
   * a decision (nothing, or each key an extension of `context` starts with, or one that none does).
   */
  prompt(what: string, context?: string): void;
}

export interface Application {
  /** As registered (`BackGround`, `GotoIf`): what Asterisk logs in its "Executing" lines. */
  name: string;
  /** The Asterisk source it follows. */
  source: string;
  run(x: AppContext): number;
}
