// HANGUPCAUSE and HANGUPCAUSE_KEYS (funcs/func_hangupcause.c): the causes of the channels a channel dialed, as their
// drivers reported them (`SIP 486 Busy Here`), kept on the channel by Dial. Once a Dial reached something only a
// live call knows (a phone, the outside), what they read is unknown.
import { separateArgs } from '../cstring';
import type { DialplanFunction, FunctionCall } from './types';

const SOURCE = 'funcs/func_hangupcause.c';

/** ast_cause2str (main/channel.c): the text of a cause code. */
const CAUSE_TEXT: Record<number, string> = {
  1: 'Unallocated (unassigned) number',
  2: 'No route to specified transmit network',
  3: 'No route to destination',
  16: 'Normal Clearing',
  17: 'User busy',
  18: 'No user responding',
  19: 'User alerting, no answer',
  20: 'Subscriber absent',
  21: 'Call Rejected',
  22: 'Number changed',
  27: 'Destination out of order',
  28: 'Invalid number format',
  29: 'Facility rejected',
  31: 'Normal, unspecified',
  34: 'Circuit/channel congestion',
  38: 'Network out of order',
  41: 'Temporary failure',
  42: 'Switching equipment congestion',
  58: 'Bearer capability not available',
  127: 'Interworking, unspecified',
};

function causes(call: FunctionCall): { channel: string; tech: string; cause: number }[] | null {
  const list = call.channel.dialedCauses;
  if (list === null) call.unknown('the causes the channels it dialed reported (a live call)');
  return list;
}

function read(call: FunctionCall): string | null {
  const args = separateArgs(call.args, ',', true, 3);
  if (args.length !== 2) {
    call.log('WARNING', SOURCE, `The HANGUPCAUSE function must have 2 parameters, not ${args.length}`);
    return null;
  }
  const list = causes(call);
  if (list === null) return '';
  const found = list.find((c) => c.channel === args[0]);
  if (!found) {
    call.log('WARNING', SOURCE, `Unable to find information for channel ${args[0]}`);
    return null;
  }
  if (args[1] === 'ast') return CAUSE_TEXT[found.cause] ?? 'Unknown';
  if (args[1] === 'tech') return found.tech;
  call.log('WARNING', SOURCE, `Information type not recognized (${args[1]})`);
  return null;
}

function keys(call: FunctionCall): string | null {
  const list = causes(call);
  return list === null ? '' : list.map((c) => c.channel).join(',');
}

export const HANGUPCAUSE_FUNCTIONS: DialplanFunction[] = [
  { name: 'HANGUPCAUSE', source: SOURCE, needs: 'channel', read },
  { name: 'HANGUPCAUSE_KEYS', source: SOURCE, needs: 'channel', read: keys },
];
