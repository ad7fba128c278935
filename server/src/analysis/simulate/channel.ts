// A simulated channel: what the dialplan reads and writes on a real one (main/channel_internal_api.c,
// main/pbx_variables.c, apps/app_stack.c). Its place (context, exten, priority), its caller, its variables as
// Asterisk keeps them (one list, newest first: a pushed variable hides an older one of the same name until it is
// removed, which is how Gosub arguments and LOCAL() variables vanish on Return), the PBX's globals, and the Gosub
// stack. Applications (apps/*.ts) and functions (functions/*.ts) change it; the walk (walk.ts) runs it.

/** A variable list as `struct varshead`: newest first; names compare case-sensitively, without leading `_`/`__`. */
export class VarList {
  private items: { name: string; value: string }[] = [];

  /** The name as ast_var_name() gives it: without the inheritance marks `_` and `__`. */
  static bare(name: string): string {
    return name.startsWith('__') ? name.slice(2) : name.startsWith('_') ? name.slice(1) : name;
  }

  /** The newest value of a name (pbx_builtin_getvar_helper: `${_X}` finds nothing), undefined when unset. */
  get(name: string): string | undefined {
    for (const v of this.items) if (VarList.bare(v.name) === name) return v.value;
    return undefined;
  }

  /**
   * pbx_builtin_setvar_helper: removes the newest variable of that name, then, unless `value` is undefined, adds
   * the new one first. (An older, hidden variable of the same name shows again when the newest is removed.)
   */
  set(name: string, value: string | undefined): void {
    const bare = VarList.bare(name);
    const at = this.items.findIndex((v) => VarList.bare(v.name) === bare);
    if (at >= 0) this.items.splice(at, 1);
    if (value !== undefined) this.items.unshift({ name, value });
  }

  /** pbx_builtin_pushvar_helper: adds a variable first, hiding (not replacing) an older one of the same name. */
  push(name: string, value: string): void {
    this.items.unshift({ name, value });
  }

  /** Every variable, newest first, with its name as set (inheritance marks kept). */
  entries(): readonly { name: string; value: string }[] {
    return this.items;
  }

  /** The values of a name, newest first (LOCAL_PEEK reads the older ones). */
  all(name: string): string[] {
    const bare = VarList.bare(name);
    return this.items.filter((v) => VarList.bare(v.name) === bare).map((v) => v.value);
  }

  clone(): VarList {
    const copy = new VarList();
    copy.items = this.items.map((v) => ({ ...v }));
    return copy;
  }
}

/** A Gosub return address (struct gosub_stack_frame). */
export interface GosubFrame {
  context: string;
  exten: string;
  /** Where Return goes: the priority after the Gosub. */
  priority: number;
  /** The channel was in a subroutine when this one was called (AST_FLAG_SUBROUTINE_EXEC to restore). */
  inSubroutine: boolean;
  /** ARG1..ARGn set by this call: at least as many as the frame below it had (they are masked). */
  argCount: number;
  /** Names set through this frame (its arguments, ARGC and LOCAL() variables), removed again on Return. */
  locals: string[];
}

/** The caller as `ast_party_caller`: a number that is not `valid` reads as empty and matches no caller-ID pattern. */
export interface Caller {
  number: string | null;
  name: string | null;
  /** ANI, DNID and RDNIS: what CALLERID(ani|dnid|rdnis) read and write. */
  ani: string | null;
  dnid: string | null;
  rdnis: string | null;
}

export class Channel {
  context: string;
  exten: string;
  priority: number;
  caller: Caller;
  vars = new VarList();
  /** The app_stack datastore: undefined until the first Gosub (so Return says "stack is unallocated"). */
  stack: GosubFrame[] | undefined;
  /** ast_channel_hangupcause: set by Hangup(cause) and by what ends a call. */
  hangupCause = 0;
  /**
   * The causes of the channels it dialed (ast_channel_dialed_causes: HANGUPCAUSE_KEYS and HANGUPCAUSE read them),
   * in order; null once a Dial reached something only a live call knows (a phone, the outside).
   */
  dialedCauses: { channel: string; tech: string; cause: number }[] | null = [];
  /** Headers PJSIP_HEADER(add,...) put on this (outgoing) channel's INVITE, and those its own INVITE carried. */
  sipHeaders: { name: string; value: string }[] = [];
  receivedHeaders: { name: string; value: string }[] = [];
  answered = false;
  /** AST_FLAG_SUBROUTINE_EXEC. */
  inSubroutine = false;
  /** The PBX's response and digit timeouts (ast_pbx rtimeoutms, dtimeoutms; TIMEOUT(response|digit) sets them). */
  timeouts = { responseMs: 10000, digitMs: 5000 };

  constructor(
    /** `${CHANNEL}`, e.g. `Local/101@from-internal-00000001;2`. */
    readonly name: string,
    readonly uniqueId: string,
    at: { context: string; exten: string; priority?: number },
    caller: Partial<Caller>,
    /** The PBX's [globals], shared by every channel of the simulation (GLOBAL() writes them). */
    readonly globals: VarList,
  ) {
    this.context = at.context;
    this.exten = at.exten;
    this.priority = at.priority ?? 1;
    this.caller = { number: null, name: null, ani: null, dnid: null, rdnis: null, ...caller };
  }

  /** A channel variable, else a global (the lists ast_str_retrieve_variable searches after its built-in names). */
  variable(name: string): string | undefined {
    return this.vars.get(name) ?? this.globals.get(name);
  }

  /**
   * frame_set_var (app_stack.c): the first time a frame sets a name, the variable is pushed (hiding the caller's
   * one of that name) and remembered, so that Return removes it; later sets replace it.
   */
  setLocal(frame: GosubFrame, name: string, value: string): void {
    if (frame.locals.includes(name)) this.vars.set(name, value);
    else {
      frame.locals.unshift(name);
      this.vars.push(name, value);
    }
  }

  /** gosub_release_frame: each name the frame set is removed once, showing the caller's variable again. */
  releaseFrame(frame: GosubFrame): void {
    for (const name of frame.locals) this.vars.set(name, undefined);
    frame.locals = [];
  }
}
