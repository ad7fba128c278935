// chan_iax2 (iax.conf): its peers, users and friends, enough to follow a Dial(IAX2/...) and to navigate. IAX2
// trunks between two PBXs of the workspace are not paired (their authentication is not modelled).
import type { LoadedConfig } from './configLoader';
import type { Located } from './sip';
import { located } from './sip';

export interface IaxPeer {
  name: string;
  type: 'peer' | 'user' | 'friend';
  header: Located;
  /** `host=`: an address, or `dynamic` (the peer registers). */
  host: { text: string; at: Located } | null;
}

export interface IaxConfig {
  file: string;
  peers: Map<string, IaxPeer>;
}

export function buildIax(file: string, config: LoadedConfig): IaxConfig {
  const iax: IaxConfig = { file, peers: new Map() };
  for (const c of config.categories) {
    if (c.template || c.name.toLowerCase() === 'general') continue;
    let type: string | undefined;
    let host: IaxPeer['host'] = null;
    for (const v of c.variables) {
      const key = v.assignment.key.text.toLowerCase();
      if (key === 'type') type = v.assignment.value.text.trim().toLowerCase();
      else if (key === 'host') host = { text: v.assignment.value.text.trim(), at: located(v.file, v.assignment.value) };
    }
    // chan_iax2 skips a section without a known type, as chan_sip does
    if (type !== 'peer' && type !== 'user' && type !== 'friend') continue;
    if (!iax.peers.has(c.name)) iax.peers.set(c.name, { name: c.name, type, header: located(c.file, c.section.name), host });
  }
  return iax;
}
