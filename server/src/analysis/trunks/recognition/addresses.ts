// Addresses as the drivers compare them: a host written in a config (an IP, `localhost`, another name that only
// DNS could resolve), and the socket a request leaves from (chan_sip's bind address, a pjsip transport's bind). A
// PBX bound to every address (0.0.0.0) sends from loopback to loopback, else from one of the addresses the
// `pbx.addresses` setting gives it.
import type { Pbx } from '../../../model/pbx';
import { isLoopback } from '../../../model/pbx';
import type { PjsipObject } from '../../../model/pjsip';
import { isWildcardHost, transportAddress } from '../../../model/pjsip';
import type { Source } from './types';


/**
 * A configured host as an address: an IP as written, `localhost` as 127.0.0.1 (resolved at load, conformance s17,
 * p05); null for any other name (resolved by DNS at load, which a checker cannot do).
 */
export function resolveHost(host: string): string | null {
  const h = host.replace(/^\[|\]$/g, '');
  if (h.toLowerCase() === 'localhost') return '127.0.0.1';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(h) || /^[0-9a-f]*:[0-9a-f:.]*$/i.test(h)) return h;
  return null;
}

/** The addresses a socket bound to `host` sends from towards `target`. */
function ipsOf(pbx: Pbx, host: string, target: string): string[] {
  if (!isWildcardHost(host)) return [host];
  const t = resolveHost(target);
  return t !== null && isLoopback(t) ? ['127.0.0.1'] : [...pbx.addresses];
}

/** chan_sip's UDP socket, sending towards `target`. */
export function sipSource(pbx: Pbx, target: string): Source | null {
  if (!pbx.sip) return null;
  const { host, port } = pbx.sip.listen;
  return { pbx, host, port, ips: ipsOf(pbx, host, target) };
}

/** A pjsip transport's socket, sending towards `target`. */
export function transportSource(pbx: Pbx, transport: PjsipObject | null, target: string): Source | null {
  if (!transport) return null;
  const a = transportAddress(transport);
  return { pbx, host: a.host, port: a.port, ips: ipsOf(pbx, a.host, target) };
}

/** Can a request from this socket come from `host` (an address as configured on the far side)? null: cannot tell. */
export function fromHost(source: Source, host: string): boolean | null {
  const ip = resolveHost(host);
  if (ip === null || source.ips.length === 0) return null;
  return source.ips.includes(ip);
}

/** Does a request from this socket come from host:port? null when a host name leaves it open. */
export function fromAddress(source: Source, host: string, port: number): boolean | null {
  if (port !== source.port) return false;
  return fromHost(source, host);
}

/** The source as Asterisk logs it (`127.0.0.1:5260`), or how it is known. */
export function showSource(source: Source | null): string {
  if (!source) return 'an unknown address';
  return `${source.ips[0] ?? source.host}:${source.port}`;
}
