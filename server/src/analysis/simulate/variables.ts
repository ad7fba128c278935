// The variables of the walk in simulate.ts, until it runs on channel.ts: a thin adapter onto substitute.ts. Each
// call copies the walk's channel (variables and globals in Maps, the caller ID) into a channel.ts Channel,
// substitutes or sets there, and copies the variables and the caller back. The globals are read, never written
// back: they belong to the dialplan model. As before, a variable that is not set counts as unknown (DIALSTATUS
// after a Dial that was not placed), and so does anything only a live call knows.
import { Channel as SimChannel, VarList } from './channel';
import type { EvalContext } from './context';
import { evalContext } from './context';
import { setVariable, substitute as substituteText } from './substitute';

export interface Channel {
  exten: string;
  context: string;
  priority: number;
  callerId: string | null;
  callerName: string | null;
  vars: Map<string, string>;
  globals: Map<string, string>;
}

export interface Substituted {
  text: string;
  /** Variables, functions or expressions whose value a live call would know and we do not. */
  unknown: string[];
}

function bridge(ch: Channel): { channel: SimChannel; ctx: EvalContext } {
  const globals = new VarList();
  for (const [name, value] of ch.globals) globals.set(name, value);
  const channel = new SimChannel('', '', { context: ch.context, exten: ch.exten, priority: ch.priority }, { number: ch.callerId, name: ch.callerName }, globals);
  for (const [name, value] of ch.vars) channel.vars.set(name, value);
  return { channel, ctx: evalContext(channel, { unsetVariable: (name) => name }) };
}

function writeBack(ch: Channel, channel: SimChannel): void {
  const names = [...new Set(channel.vars.entries().map((e) => VarList.bare(e.name)))].reverse();
  ch.vars.clear();
  for (const name of names) ch.vars.set(name, channel.vars.get(name) as string);
  ch.callerId = channel.caller.number;
  ch.callerName = channel.caller.name;
}

export function substitute(text: string, ch: Channel): Substituted {
  const { channel, ctx } = bridge(ch);
  const r = substituteText(text, ctx);
  writeBack(ch, channel);
  return { text: r.text, unknown: r.unknown };
}

/** Set(NAME=value) on the channel: variables, and function writes such as CALLERID(num) or PUSH(LIST). */
export function assign(ch: Channel, name: string, value: string): void {
  const { channel, ctx } = bridge(ch);
  setVariable(ctx, name, value);
  writeBack(ch, channel);
}
