// TIMEOUT() (funcs/func_timeout.c): the PBX's response and digit timeouts of the channel, which WaitExten and the
// wait after the priorities use; the absolute timeout (a hangup timer) is only noted, its value read as unknown.
import type { DialplanFunction, FunctionCall } from './types';

const SOURCE = 'funcs/func_timeout.c';

/** sscanf("%ld%lf"): `2` is 2 s, `1.5` is 1 s and .5, a negative or unreadable value is 0. */
function milliseconds(value: string): number {
  const m = /^\s*([+-]?\d+)(\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)?/i.exec(value);
  if (!m) return 0;
  const sec = parseInt(m[1], 10);
  if (sec < 0) return 0;
  const fraction = m[2] === undefined ? 0 : parseFloat(m[2]);
  return sec * 1000 + Math.trunc((fraction * 1000000) / 1000);
}

function read(call: FunctionCall): string | null {
  const kind = call.args[0]?.toLowerCase();
  if (kind === undefined) {
    call.log('ERROR', 'func_timeout.c', 'Must specify type of timeout to get.');
    return null;
  }
  if (kind === 'a') {
    call.unknown('TIMEOUT(absolute) (the time left before a hangup timer fires)');
    return '';
  }
  if (kind === 'r') return (call.channel.timeouts.responseMs / 1000).toFixed(3);
  if (kind === 'd') return (call.channel.timeouts.digitMs / 1000).toFixed(3);
  call.log('ERROR', 'func_timeout.c', 'Unknown timeout type specified.');
  return null;
}

function write(call: FunctionCall, value: string): void {
  const kind = call.args[0]?.toLowerCase();
  if (kind === undefined) {
    call.log('ERROR', 'func_timeout.c', 'Must specify type of timeout to set.');
    return;
  }
  const ms = milliseconds(value);
  if (kind === 'r') call.channel.timeouts.responseMs = ms;
  else if (kind === 'd') call.channel.timeouts.digitMs = ms;
  else if (kind === 'a') call.note(`TIMEOUT(absolute)=${value}: a hangup timer is not simulated`);
  else call.log('ERROR', 'func_timeout.c', 'Unknown timeout type specified.');
}

export const TIMEOUT: DialplanFunction[] = [{ name: 'TIMEOUT', source: SOURCE, needs: 'channel', read, write }];
