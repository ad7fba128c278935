// The names ast_str_retrieve_variable (main/pbx_variables.c) answers before any variable: the channel's place,
// name, unique ID and hangup cause, the caller's presentation, ANI2 and type of number (CALLINGPRES...), the
// dialplan's hint, the time (EPOCH) and asterisk.conf's system name and directories. What the context cannot tell
// is unknown. undefined: not a built-in name; null: a built-in name without a value (nothing is substituted).
import type { EvalContext } from './context';
import { toBytes } from './cstring';
import { callerPresentation, callerState } from './functions/callerid';

/** Looked up on byte strings, answered in bytes. */
export function builtinVariable(name: string, ctx: EvalContext, unknown: (what: string) => void): string | null | undefined {
  const ch = ctx.channel;
  const known = (what: string | undefined, why: string): string => {
    if (what !== undefined) return toBytes(what);
    unknown(`${name} (${why})`);
    return '';
  };
  switch (name) {
    case 'CALLINGPRES':
      return String(callerPresentation(ch));
    case 'CALLINGANI2':
      return String(callerState(ch).ani2);
    case 'CALLINGTON':
      return String(callerState(ch).id.number.plan);
    case 'CALLINGTNS':
      return '0';
    case 'HINT':
    case 'HINTNAME': {
      if (!ctx.dialplan?.hint) return known(undefined, 'the hints of the running dialplan');
      const hint = ctx.dialplan.hint(ch.context, ch.exten);
      return hint ? toBytes(name === 'HINT' ? hint.devices : hint.name) : null;
    }
    case 'EXTEN':
      return toBytes(ch.exten);
    case 'CONTEXT':
      return toBytes(ch.context);
    case 'PRIORITY':
      return String(ch.priority);
    case 'CHANNEL':
      return toBytes(ch.name);
    case 'UNIQUEID':
      return toBytes(ch.uniqueId);
    case 'HANGUPCAUSE':
      return String(ch.hangupCause);
    case 'EPOCH':
      return known(ctx.when ? String(Math.floor(ctx.when.getTime() / 1000) | 0) : undefined, 'the time of the call');
    case 'SYSTEMNAME':
      return known(ctx.system?.name, "asterisk.conf's systemname");
    case 'ENTITYID':
      return known(undefined, "the PBX's entity ID, from its network card");
  }
  if (/^AST(CACHE|ETC|MOD|VARLIB|DB|KEY|DATA|AGI|SPOOL|RUN|LOG|SBIN)DIR$/.test(name)) {
    return known(ctx.system?.directories?.[name.toLowerCase()], `asterisk.conf's [directories] ${name.toLowerCase()}`);
  }
  return undefined;
}
