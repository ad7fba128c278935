// PJSIP_HEADER (res/res_pjsip_header_funcs.c) on the channels the simulation makes: `add`, `update` and `remove`
// on an outgoing channel (a Dial's pre-dial handler) put headers on the INVITE the far side receives, where an
// identify's match_header may find them; `read` on an incoming channel gives the headers its INVITE carried, when
// the simulation sent it. Any other header is the live call's.
import { separateArgs } from '../cstring';
import type { DialplanFunction, FunctionCall } from './types';

const SOURCE = 'res/res_pjsip_header_funcs.c';

function args(call: FunctionCall): { action: string; name: string; number: number } | null {
  if (!call.channel.name.startsWith('PJSIP/')) {
    call.log('ERROR', 'res_pjsip_header_funcs.c', 'This function requires a PJSIP channel.');
    return null;
  }
  const [action = '', name = '', number = ''] = separateArgs(call.args, ',', true, 3);
  if (action === '') {
    call.log('ERROR', 'res_pjsip_header_funcs.c', 'This function requires an action.');
    return null;
  }
  if (name === '') {
    call.log('ERROR', 'res_pjsip_header_funcs.c', 'This function requires a header name.');
    return null;
  }
  return { action: action.toLowerCase(), name, number: parseInt(number, 10) || 1 };
}

function read(call: FunctionCall): string | null {
  const a = args(call);
  if (!a) return null;
  if (a.action !== 'read') {
    call.log('ERROR', 'res_pjsip_header_funcs.c', `Unknown action '${a.action}' is not valid, must be 'read'.`);
    return null;
  }
  const found = call.channel.receivedHeaders.filter((h) => h.name.toLowerCase() === a.name.toLowerCase())[a.number - 1];
  if (found) return found.value;
  call.unknown(`the header ${a.name} of the INVITE (a live call)`);
  return '';
}

function write(call: FunctionCall, value: string): void {
  const a = args(call);
  if (!a) return;
  const list = call.channel.sipHeaders;
  const same = (h: { name: string }): boolean => h.name.toLowerCase() === a.name.toLowerCase();
  if (a.action === 'add') list.push({ name: a.name, value });
  else if (a.action === 'update') {
    const i = list.map((h, k) => (same(h) ? k : -1)).filter((k) => k >= 0)[a.number - 1];
    if (i === undefined) call.log('ERROR', 'res_pjsip_header_funcs.c', `There was no header named ${a.name}.`);
    else list[i] = { name: list[i].name, value };
  } else if (a.action === 'remove') {
    const kept = list.filter((h) => !(a.name === '*' ? true : a.name.endsWith('*') ? h.name.toLowerCase().startsWith(a.name.slice(0, -1).toLowerCase()) : same(h)));
    list.splice(0, list.length, ...kept);
  } else call.log('ERROR', 'res_pjsip_header_funcs.c', `Unknown action '${a.action}' is not valid, must be 'add', 'update', or 'remove'.`);
}

export const PJSIP_HEADER: DialplanFunction[] = [{ name: 'PJSIP_HEADER', source: SOURCE, needs: 'channel', read, write }];
