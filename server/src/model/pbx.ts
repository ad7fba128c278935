// The PBXs of a workspace: every folder holding an Asterisk config root (extensions.conf, sip.conf, ...) is one
// PBX, named after the folder, with its chan_sip and chan_pjsip configurations and its dialplan.
import * as path from 'node:path';
import type { LoadedConfig } from './configLoader';
import type { Dialplan } from './dialplan';
import type { IaxConfig } from './iax';
import { buildIax } from './iax';
import type { Company } from './ivozprovider';
import { buildCompany, FRIENDS_FILE } from './ivozprovider';
import type { PjsipConfig } from './pjsip';
import { buildPjsip, isWildcardHost, objectsOf, transportAddress } from './pjsip';
import type { SipConfig } from './sip';
import { buildSip } from './sip';
import type { Workspace } from './workspace';
import { ROOT_FILES } from './workspace';

export interface Pbx {
  name: string;
  dir: string;
  sip: SipConfig | null;
  /** pjsip.conf with the objects pjsip_wizard.conf makes (null when neither file exists). */
  pjsip: PjsipConfig | null;
  dialplan: Dialplan | null;
  /** An IvozProvider company and its friends (ivozprovider.conf), or null. */
  company: Company | null;
  /** chan_iax2's peers (iax.conf), or null. */
  iax: IaxConfig | null;
  /** The addresses it is reached at when it binds to every address (setting `pbx.addresses`). */
  addresses: string[];
}

export function pbxsOf(workspace: Workspace): Pbx[] {
  return workspace.cached('pbxs', () => findPbxs(workspace));
}

function findPbxs(workspace: Workspace): Pbx[] {
  const dirs = new Set<string>();
  for (const f of workspace.known) {
    const base = path.posix.basename(f);
    if (ROOT_FILES.includes(base) || base === FRIENDS_FILE) dirs.add(path.posix.dirname(f));
  }
  return [...dirs].sort().map((dir) => pbxAt(workspace, dir));
}

const sips = new WeakMap<LoadedConfig, SipConfig>();
const pjsips = new WeakMap<LoadedConfig, { wizard: LoadedConfig | null; value: PjsipConfig }>();
const companies = new WeakMap<LoadedConfig, Company>();
const iaxs = new WeakMap<LoadedConfig, IaxConfig>();

/** Built once per load of its files (a load is kept until one of them changes). */
function once<T>(memo: WeakMap<LoadedConfig, T>, loaded: LoadedConfig, make: () => T): T {
  let value = memo.get(loaded);
  if (value === undefined) {
    value = make();
    memo.set(loaded, value);
  }
  return value;
}

export function pbxAt(workspace: Workspace, dir: string): Pbx {
  const sipFile = path.posix.join(dir, 'sip.conf');
  const extFile = path.posix.join(dir, 'extensions.conf');
  const pjsipFile = path.posix.join(dir, 'pjsip.conf');
  const wizardFile = path.posix.join(dir, 'pjsip_wizard.conf');
  const sipLoad = workspace.document(sipFile) ? workspace.load(sipFile) : null;
  const sip = sipLoad ? once(sips, sipLoad, () => buildSip(sipFile, sipLoad)) : null;
  const pjsipLoad = workspace.document(pjsipFile) !== undefined ? workspace.load(pjsipFile) : null;
  const wizardLoad = workspace.document(wizardFile) !== undefined ? workspace.load(wizardFile) : null;
  // the pair is built together, again whenever either load is new
  const pjsipKey = pjsipLoad ?? wizardLoad;
  let pjsip: PjsipConfig | null = null;
  if (pjsipKey) {
    const known = pjsips.get(pjsipKey);
    if (known && known.wizard === wizardLoad) pjsip = known.value;
    else {
      pjsip = buildPjsip(pjsipLoad, wizardLoad);
      pjsips.set(pjsipKey, { wizard: wizardLoad, value: pjsip });
    }
  }
  const dialplan = workspace.document(extFile) ? (workspace.dialplanFor(extFile) ?? null) : null;
  const friendsFile = path.posix.join(dir, FRIENDS_FILE);
  const friendsLoad = workspace.document(friendsFile) ? workspace.load(friendsFile) : null;
  const company = friendsLoad ? once(companies, friendsLoad, () => buildCompany(friendsFile, friendsLoad)) : null;
  const iaxFile = path.posix.join(dir, 'iax.conf');
  const iaxLoad = workspace.document(iaxFile) ? workspace.load(iaxFile) : null;
  const iax = iaxLoad ? once(iaxs, iaxLoad, () => buildIax(iaxFile, iaxLoad)) : null;
  const name = path.posix.basename(dir);
  return { name, dir, sip, pjsip, dialplan, company, iax, addresses: workspace.settings.addresses[name] ?? [] };
}

/** The PBX a file belongs to: the one whose folder holds it (the deepest). */
export function pbxOfFile(pbxs: Pbx[], file: string): Pbx | undefined {
  return pbxs.filter((p) => file.startsWith(p.dir + '/')).sort((a, b) => b.dir.length - a.dir.length)[0];
}

/** The files of a PBX's folder other than its dialplan (extensions*.conf): where contexts are named. */
export function nonDialplanFiles(workspace: Workspace, pbx: Pbx): string[] {
  // the workspace's files by folder, once per change: a scan of every file for every PBX made the checks that call
  // this quadratic in the number of PBXs (found by `npm run fuzz -- --lsp`, with a thousand PBX folders)
  const byDir = workspace.cached('files-by-folder', () => {
    const map = new Map<string, string[]>();
    for (const f of workspace.known) {
      if (/^extensions/.test(path.posix.basename(f))) continue;
      const dir = path.posix.dirname(f);
      const list = map.get(dir);
      if (list) list.push(f);
      else map.set(dir, [f]);
    }
    return map;
  });
  return [...(byDir.get(pbx.dir) ?? [])];
}

/** A loopback address or name: what a PBX bound to every address (0.0.0.0) is surely reached at. */
export function isLoopback(host: string): boolean {
  return /^127\./.test(host) || host === '::1' || host.toLowerCase() === 'localhost';
}

export function listensAt(pbx: Pbx, host: string, port: number, protocol?: string): boolean {
  return stackAt(pbx, host, port, protocol) !== null;
}

/** Which of a PBX's stacks takes what is sent to (host, port): chan_sip's UDP bind, a pjsip transport, or none. */
export function stackAt(pbx: Pbx, host: string, port: number, protocol?: string): 'chan_sip' | 'chan_pjsip' | null {
  const at = (h: string, p: number): boolean => p === port && (h === host || (isWildcardHost(h) && (isLoopback(host) || pbx.addresses.includes(host))));
  if (pbx.sip && (protocol === undefined || protocol === 'udp') && at(pbx.sip.listen.host, pbx.sip.listen.port)) return 'chan_sip';
  if (!pbx.pjsip) return null;
  const t = objectsOf(pbx.pjsip, 'transport').some((x) => {
    const a = transportAddress(x);
    return ['udp', 'tcp', 'tls'].includes(a.protocol) && (protocol === undefined || a.protocol === protocol) && at(a.host, a.port);
  });
  return t ? 'chan_pjsip' : null;
}
