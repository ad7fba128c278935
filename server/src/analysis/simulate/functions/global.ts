// funcs/func_global.c: GLOBAL, GLOBAL_DELETE and GLOBAL_EXISTS on the PBX's globals (shared by every channel of
// the simulation), and SHARED(var[,channel]), variables kept on a channel for other channels to read: this
// channel's are known, another channel's are not.
import type { Channel } from '../channel';
import { fromBytes, separateArgs, toBytes } from '../cstring';
import type { DialplanFunction, FunctionCall } from './types';

const SOURCE = 'funcs/func_global.c';

/** The SHARED_VARIABLES datastore of each channel: name -> value, created by the first write. */
const shared = new WeakMap<Channel, Map<string, string>>();

/** The channel SHARED() names: this one, or another channel (unknown to the simulation). */
function sharedArgs(call: FunctionCall): { name: string; own: boolean } | null {
  if (call.args === '') {
    call.log('WARNING', SOURCE, 'SHARED() requires an argument: SHARED(<var>[,<chan>])');
    return null;
  }
  const [name, chan] = separateArgs(call.args, ',', true, 2);
  return { name, own: !chan || fromBytes(chan) === call.channel.name };
}

function sharedRead(call: FunctionCall): string | null {
  const a = sharedArgs(call);
  if (!a) return null;
  if (!a.own) {
    call.unknown("another channel's shared variables");
    return '';
  }
  const store = shared.get(call.channel);
  if (!store) return null;
  const v = store.get(fromBytes(a.name));
  return v === undefined ? '' : toBytes(v);
}

function sharedWrite(call: FunctionCall, value: string): void {
  const a = sharedArgs(call);
  if (!a) return;
  if (!a.own) {
    call.note(`SHARED(${call.args}) is set on another channel, which the simulation does not follow.`);
    return;
  }
  let store = shared.get(call.channel);
  if (!store) shared.set(call.channel, (store = new Map()));
  store.delete(fromBytes(a.name));
  store.set(fromBytes(a.name), fromBytes(value));
}

export const GLOBAL_FUNCTIONS: DialplanFunction[] = [
  { name: 'GLOBAL', source: SOURCE, needs: 'channel', read: (call) => call.getGlobal(call.args) ?? '', write: (call, value) => call.setGlobal(call.args, value) },
  { name: 'GLOBAL_DELETE', source: SOURCE, needs: 'channel', write: (call) => call.setGlobal(call.args, undefined) },
  { name: 'GLOBAL_EXISTS', source: SOURCE, needs: 'channel', read: (call) => (call.getGlobal(call.args) === undefined ? '0' : '1') },
  { name: 'SHARED', source: SOURCE, needs: 'channel', read: sharedRead, write: sharedWrite },
];
