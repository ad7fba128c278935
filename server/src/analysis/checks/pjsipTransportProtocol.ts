// pjsip-transport-protocol: requests go to the right host and port but over a protocol the other PBX does not
// listen for there (case h4: A's only transport is TCP, B listens on UDP). The REGISTER gets no response, the
// contact is Unavailable and Dial fails at once without an INVITE (cause 3).
import type { Finding, TrunkCheck } from '../finding';
import { transportAddress } from '../../model/pjsip';
import { listeners, pjsipLinks, unique } from '../trunks/pjsipPairing';

export const code = 'pjsip-transport-protocol';

export const pjsipTransportProtocol: TrunkCheck = {
  code,
  run({ pbxs }) {
    const out: Finding[] = [];
    const links = pjsipLinks(pbxs);
    for (const l of [...links.registrations, ...links.calls]) {
      if (l.by !== 'protocol') continue;
      const where = listeners(l.to);
      // the culprit: the URI's ;transport= when it set the protocol, else the transport it went out on
      const fromTransport = l.transport && l.uri.transport === null;
      const t = l.transport ? transportAddress(l.transport) : null;
      const at = fromTransport && t ? (t.protocolAt?.at ?? t.transport.header) : l.uriValue.at;
      const via = fromTransport && t ? `transport '${t.transport.id}' is protocol=${t.protocol}` : `the URI asks for ;transport=${l.protocol}`;
      out.push({
        code,
        severity: 'error',
        message: `${l.from.name} sends to ${l.to.name} (${l.uri.host.text}:${l.port}) over ${l.protocol.toUpperCase()} (${via}), but ${where.text}: registrations get no response ("No response received ... retrying") and calls fail at once without an INVITE ("Could not create dialog", cause 3). Use a transport of the protocol ${l.to.name} listens for.`,
        ...at,
        related: where.related,
      });
    }
    return unique(out);
  },
};
