// DEVICE_STATE() (funcs/func_devstate.c over main/devicestate.c). A device the PBX does not have is INVALID: a
// channel driver that is not loaded, a chan_sip or IAX2 peer or a pjsip endpoint that does not exist all answer so
// (_ast_device_state, sip_devicestate, iax2_devicestate, chan_pjsip_devicestate). The state of one it has (in use,
// ringing, unavailable...) only the running PBX knows.
import type { DialplanFunction, FunctionCall } from './types';

const SOURCE = 'funcs/func_devstate.c';

function read(call: FunctionCall): string | null {
  const device = call.args;
  const slash = device.indexOf('/');
  if (slash > 0) {
    const has = call.ctx.dialplan?.hasDevice?.(device.slice(0, slash), device.slice(slash + 1));
    if (has === false) return 'INVALID';
  }
  call.unknown(`DEVICE_STATE(${device}) (the state of a device at the time of the call)`);
  return '';
}

function write(call: FunctionCall, value: string): void {
  if (!/^custom:/i.test(call.args)) {
    call.log('WARNING', 'func_devstate.c', "The DEVICE_STATE function can only be used to set 'Custom:' device state!");
    return;
  }
  call.note(`DEVICE_STATE(${call.args})=${value}: the custom device state is not kept by the simulation`);
}

export const DEVSTATE: DialplanFunction[] = [{ name: 'DEVICE_STATE', source: SOURCE, needs: 'dialplan', read, write }];
