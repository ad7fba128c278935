// The PBXs of a workspace: every folder holding an Asterisk config root (extensions.conf, sip.conf, ...) is one
// PBX, named after the folder, with its chan_sip configuration and its dialplan.
import * as path from 'node:path';
import type { Dialplan } from './dialplan';
import type { SipConfig } from './sip';
import { buildSip } from './sip';
import type { Workspace } from './workspace';
import { ROOT_FILES } from './workspace';

export interface Pbx {
  name: string;
  dir: string;
  sip: SipConfig | null;
  dialplan: Dialplan | null;
}

export function pbxsOf(workspace: Workspace): Pbx[] {
  return workspace.cached('pbxs', () => findPbxs(workspace));
}

function findPbxs(workspace: Workspace): Pbx[] {
  const dirs = new Set<string>();
  for (const f of workspace.known) {
    if (ROOT_FILES.includes(path.posix.basename(f))) dirs.add(path.posix.dirname(f));
  }
  return [...dirs].sort().map((dir) => pbxAt(workspace, dir));
}

export function pbxAt(workspace: Workspace, dir: string): Pbx {
  const sipFile = path.posix.join(dir, 'sip.conf');
  const extFile = path.posix.join(dir, 'extensions.conf');
  const sip = workspace.document(sipFile) ? buildSip(sipFile, workspace.load(sipFile)) : null;
  const dialplan = workspace.document(extFile) ? (workspace.dialplanFor(extFile) ?? null) : null;
  return { name: path.posix.basename(dir), dir, sip, dialplan };
}

function isLoopback(host: string): boolean {
  return /^127\./.test(host) || host === '::1' || host.toLowerCase() === 'localhost';
}

/**
 * Does an address (host, port) reach this PBX's chan_sip? The host must be the one it binds to; a wildcard bind
 * (0.0.0.0) is taken to be reached only on loopback, since the workspace does not say which other names and
 * addresses the machine has.
 */
export function listensAt(pbx: Pbx, host: string, port: number): boolean {
  if (!pbx.sip) return false;
  const l = pbx.sip.listen;
  const wildcard = l.host === '0.0.0.0' || l.host === '::' || l.host === '';
  return l.port === port && (l.host === host || (wildcard && isLoopback(host)));
}
