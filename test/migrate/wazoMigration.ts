// Hand-written migrations of examples/wazo-a and examples/wazo-b to chan_pjsip (what the converter should write),
// for the proof's tests: the real example files, read from disk into an in-memory workspace under /ws.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileChange, Migration, MigrationNote } from '../../server/src/analysis/migrate/types';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';
import { ROOT } from '../paths';

export const WS = '/ws';

/** The example folders' files at /ws/<folder>/<file>. */
export function exampleFiles(folders: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const folder of folders) {
    const dir = path.join(ROOT, 'examples', folder);
    for (const f of fs.readdirSync(dir)) files[`${WS}/${folder}/${f}`] = fs.readFileSync(path.join(dir, f), 'utf8');
  }
  return files;
}

export function workspaceOf(files: Record<string, string>): Workspace {
  const ws = new Workspace(new MemoryHost(files));
  for (const f of Object.keys(files)) ws.addKnown(f);
  return ws;
}

const PHONE = (name: string, callerid: string, context = 'from-users'): string => `
[${name}]
type=endpoint
transport=transport-udp
context=${context}
disallow=all
allow=alaw,gsm
auth=${name}
aors=${name}
callerid=${callerid}
rtp_symmetric=yes
force_rport=yes
rewrite_contact=yes

[${name}]
type=auth
auth_type=userpass
username=${name}
password=pass

[${name}]
type=aor
max_contacts=1
qualify_frequency=60
`;

/** Wazo A on chan_pjsip: registers to B, sends its calls to B's address, takes B's calls by B's address. */
export const WAZO_A_PJSIP = `; Wazo A - pjsip.conf (written by hand for the proof's tests)
[transport-udp]
type=transport
protocol=udp
bind=0.0.0.0:5060

[wazo-trunk-reg]
type=registration
transport=transport-udp
outbound_auth=wazo-trunk-auth
server_uri=sip:127.0.0.1:5070
client_uri=sip:wazo-trunk@127.0.0.1:5070
retry_interval=20
expiration=120

[wazo-trunk-auth]
type=auth
auth_type=userpass
username=wazo-trunk
password=pass

[wazo-trunk]
type=aor
contact=sip:127.0.0.1:5070

[wazo-trunk]
type=endpoint
transport=transport-udp
context=Incalls
disallow=all
allow=alaw,gsm
auth=wazo-trunk-auth
outbound_auth=wazo-trunk-auth
aors=wazo-trunk

[wazo-trunk-identify]
type=identify
endpoint=wazo-trunk
match=127.0.0.1:5070
${PHONE('1001', '"Alice" <1001>')}${PHONE('1002', '"Bob" <1002>')}`;

/** Wazo B on chan_pjsip: A registers into the aor wazo-trunk; A's calls are recognised by A's address. */
export const WAZO_B_PJSIP = `; Wazo B - pjsip.conf (written by hand for the proof's tests)
[transport-udp]
type=transport
protocol=udp
bind=0.0.0.0:5070

[wazo-trunk-auth]
type=auth
auth_type=userpass
username=wazo-trunk
password=pass

[wazo-trunk]
type=aor
max_contacts=1

[wazo-trunk]
type=endpoint
transport=transport-udp
context=Incalls
disallow=all
allow=alaw,gsm
auth=wazo-trunk-auth
outbound_auth=wazo-trunk-auth
aors=wazo-trunk

[wazo-trunk-identify]
type=identify
endpoint=wazo-trunk
match=127.0.0.1:5060
${PHONE('someone', '"Someone" <101>')}${PHONE('carol', '"Carol" <102>')}`;

/** The dialplan with PJSIP/ devices: `SIP/trunk/number` becomes `PJSIP/number@trunk`, `SIP/name` `PJSIP/name`. */
export function pjsipDialplan(text: string): string {
  return text.replace(/\bSIP\/wazo-trunk\/(\$\{EXTEN:4\})/g, 'PJSIP/$1@wazo-trunk').replace(/\bSIP\//g, 'PJSIP/');
}

/** The migration of one wazo folder: sip.conf out of reach, pjsip.conf written, extensions.conf's devices rewritten. */
export function wazoMigration(files: Record<string, string>, folder: 'wazo-a' | 'wazo-b', pjsip: string, notes: MigrationNote[] = []): Migration {
  const dir = `${WS}/${folder}`;
  const changes: FileChange[] = [
    { file: `${dir}/sip.conf`, before: files[`${dir}/sip.conf`], after: null, backup: `${dir}/sip.conf.chan_sip` },
    { file: `${dir}/pjsip.conf`, before: null, after: pjsip, backup: null },
    { file: `${dir}/extensions.conf`, before: files[`${dir}/extensions.conf`], after: pjsipDialplan(files[`${dir}/extensions.conf`]), backup: null },
  ];
  return { pbx: dir, changes, notes };
}
