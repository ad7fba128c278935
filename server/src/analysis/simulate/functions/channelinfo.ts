// CHANNEL(item) of funcs/func_channel.c, for what the simulated channel knows: its name, type (the technology
// before the `/` of its name), uniqueid, context and exten, state (Up once answered, else Ring) and what the
// dialplan wrote into it (language, musicclass, accountcode...). The rest is the channel driver's: unknown.
import type { Channel } from '../channel';
import { fromBytes, lower, toBytes } from '../cstring';
import type { DialplanFunction, FunctionCall } from './types';

const SOURCE = 'funcs/func_channel.c';

/** Items written with Set(CHANNEL(item)=...) that read back as written. */
const WRITABLE = new Set(['language', 'musicclass', 'accountcode', 'peeraccount', 'userfield', 'parkinglot']);
const written = new WeakMap<Channel, Map<string, string>>();

function read(call: FunctionCall): string {
  const ch = call.channel;
  const item = lower(call.args);
  const own = written.get(ch)?.get(item);
  if (own !== undefined) return toBytes(own);
  switch (item) {
    case 'name':
    case 'channame':
      return toBytes(ch.name);
    case 'channeltype':
      if (ch.name.includes('/')) return toBytes(ch.name.slice(0, ch.name.indexOf('/')));
      break;
    case 'uniqueid':
      return toBytes(ch.uniqueId);
    case 'context':
      return toBytes(ch.context);
    case 'exten':
      return toBytes(ch.exten);
    case 'state':
      return ch.answered ? 'Up' : 'Ring';
    case 'checkhangup':
      return '0';
  }
  call.unknown(item.startsWith('pjsip') ? 'the SIP session of a live call' : 'what the channel driver and its configuration give the channel');
  return '';
}

function write(call: FunctionCall, value: string): void {
  const item = lower(call.args);
  if (WRITABLE.has(item)) {
    let map = written.get(call.channel);
    if (!map) written.set(call.channel, (map = new Map()));
    map.set(item, fromBytes(value));
  } else call.note(`CHANNEL(${call.args}) is set on the live channel; the simulation does not keep it.`);
}

export const CHANNEL_FUNCTIONS: DialplanFunction[] = [{ name: 'CHANNEL', source: SOURCE, needs: 'channel', read, write }];
