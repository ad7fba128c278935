// The chan_pjsip lab (test/fixtures/conformance/pjsip-trunks): two real Asterisk 20 PBXs, one change per case. A
// checker given both PBXs reports at least one error on the line that explains every failure (a registration
// refused or never up, a failed call, an ERROR at load), and no error for a healthy case. Here every finding is
// listed, so an unexpected one fails too; CAUSE names the finding on the explaining line.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fileFindings } from '../../server/src/analysis/findings';
import type { Finding } from '../../server/src/analysis/findings';
import { matchCovers } from '../../server/src/analysis/trunks/pjsipPairing';
import { DiskFileHost } from '../../server/src/model/fileHost';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';
import { CONFORMANCE } from '../paths';

const BASE = path.join(CONFORMANCE, 'pjsip-trunks');

/** Every finding of a case as `severity file:line code`, with the findings themselves. */
function caseFindings(dir: string): { lines: string[]; findings: Finding[] } {
  const ws = new Workspace(new DiskFileHost());
  ws.scan(dir, 100);
  const lines: string[] = [];
  const findings: Finding[] = [];
  for (const file of [...ws.known].sort()) {
    const text = fs.readFileSync(file, 'utf8');
    for (const f of fileFindings(ws, file)) {
      lines.push(`${f.severity} ${path.relative(dir, file)}:${text.slice(0, f.start).split('\n').length} ${f.code}`);
      findings.push(f);
    }
  }
  return { lines, findings };
}

interface Outcome {
  change: string;
  loadWarnings: Record<string, string[]>;
  registrations: { registered: boolean | null }[];
  calls: { outcome: string }[];
}

/** Faulty as conformance/README.md says: a registration refused or never up, a failed call, or an ERROR at load. */
function faulty(o: Outcome): boolean {
  return (
    o.registrations.some((r) => r.registered !== true) ||
    o.calls.some((c) => c.outcome !== 'answered') ||
    Object.values(o.loadWarnings).some((lines) => lines.some((l) => l.startsWith('ERROR')))
  );
}

// dialplan-unreachable-context: from-users has no entry point in the lab (the calls are started there directly,
// no phone names it). In i1b the wizard in pjsip.conf is ignored, so nothing leads to A's Incalls either; in
// g_nocontext B's endpoint names a context that does not exist, so nothing leads to B's Incalls.
const FROM_USERS = 'warning A/extensions.conf:2 dialplan-unreachable-context';

/** The finding on the line that explains each faulty case. */
const CAUSE: Record<string, string> = {
  a1_clienturi_user: 'error A/pjsip.conf:44 pjsip-client-uri-user',
  a2_auth_username: 'error A/pjsip.conf:31 pjsip-auth-mismatch',
  b_password: 'error A/pjsip.conf:32 pjsip-password-mismatch',
  c1_endpoint_outbound_auth_missing: 'error A/pjsip.conf:20 pjsip-outbound-auth-missing',
  c2_registration_outbound_auth_missing: 'error A/pjsip.conf:42 pjsip-outbound-auth-missing',
  d1_noidentify: 'error B/pjsip.conf:13 pjsip-unidentified-calls',
  d2_noidentify_noreg: 'error B/pjsip.conf:13 pjsip-unidentified-calls',
  e_identify_wrongip: 'error B/pjsip.conf:38 pjsip-unidentified-calls',
  f_codec: 'error A/pjsip.conf:18 pjsip-codec-mismatch',
  g_nocontext: 'error B/pjsip.conf:16 pjsip-context-missing',
  h1_transport_name_missing: 'error A/pjsip.conf:15 pjsip-transport-missing',
  h2_no_transport_section: 'error A/pjsip.conf:33 pjsip-transport-missing',
  h3_wrong_port: 'error A/pjsip.conf:43 pjsip-address-mismatch',
  h4_tcp_vs_udp: 'error A/pjsip.conf:10 pjsip-transport-protocol',
  i1b_wizard_A_in_pjsip_conf: 'error A/pjsip.conf:14 pjsip-wizard-outside-wizard-file',
  i2_wizard_B: 'error B/pjsip_wizard.conf:6 pjsip-unidentified-calls',
  i3_wizard_B_identify: 'error B/pjsip_wizard.conf:17 pjsip-unidentified-calls',
  i4_wizard_B_remote_hosts: 'error B/pjsip_wizard.conf:3 pjsip-remote-registration-refused',
  j_dial_unknown_endpoint: 'error A/extensions.conf:4 pjsip-dial-unknown-endpoint',
  k_duplicate_endpoint: 'error A/pjsip.conf:24 pjsip-duplicate-section',
  l_missing_type: 'error A/pjsip.conf:28 pjsip-section-without-type',
};

const EXPECTED: Record<string, string[]> = {
  ok: [FROM_USERS],
  a1_clienturi_user: [FROM_USERS, CAUSE.a1_clienturi_user],
  a2_auth_username: [FROM_USERS, CAUSE.a2_auth_username],
  a3_auth_username_not_endpoint_name: [FROM_USERS],
  b_password: [FROM_USERS, CAUSE.b_password],
  c1_endpoint_outbound_auth_missing: [FROM_USERS, CAUSE.c1_endpoint_outbound_auth_missing],
  c2_registration_outbound_auth_missing: [FROM_USERS, CAUSE.c2_registration_outbound_auth_missing],
  d1_noidentify: [FROM_USERS, CAUSE.d1_noidentify],
  d2_noidentify_noreg: [FROM_USERS, CAUSE.d2_noidentify_noreg],
  d3_noidentify_noreg_fromuser: [FROM_USERS],
  e_identify_wrongip: [FROM_USERS, CAUSE.e_identify_wrongip],
  f_codec: [FROM_USERS, CAUSE.f_codec],
  g_nocontext: [FROM_USERS, 'warning B/extensions.conf:2 dialplan-unreachable-context', CAUSE.g_nocontext],
  // the endpoint's and the registration's transport= both name the missing transport
  h1_transport_name_missing: [FROM_USERS, CAUSE.h1_transport_name_missing, 'error A/pjsip.conf:41 pjsip-transport-missing'],
  // no transport: the endpoint cannot send (Dial fails, cause 3), the registration is not created
  h2_no_transport_section: [FROM_USERS, 'error A/pjsip.conf:8 pjsip-transport-missing', CAUSE.h2_no_transport_section],
  // the aor contact and the server_uri both say 5180
  h3_wrong_port: [FROM_USERS, 'error A/pjsip.conf:25 pjsip-address-mismatch', CAUSE.h3_wrong_port],
  h4_tcp_vs_udp: [FROM_USERS, CAUSE.h4_tcp_vs_udp],
  i1_wizard_A: [FROM_USERS],
  i1b_wizard_A_in_pjsip_conf: [FROM_USERS, 'warning A/extensions.conf:9 dialplan-unreachable-context', CAUSE.i1b_wizard_A_in_pjsip_conf],
  i2_wizard_B: [FROM_USERS, CAUSE.i2_wizard_B],
  i3_wizard_B_identify: [FROM_USERS, CAUSE.i3_wizard_B_identify],
  i4_wizard_B_remote_hosts: [FROM_USERS, CAUSE.i4_wizard_B_remote_hosts],
  j_dial_unknown_endpoint: [FROM_USERS, CAUSE.j_dial_unknown_endpoint],
  // the duplicate explains the lost endpoints: no separate finding on the Dial
  k_duplicate_endpoint: [CAUSE.k_duplicate_endpoint],
  l_missing_type: [FROM_USERS, CAUSE.l_missing_type],
};

/** `A/pjsip.conf:31` for every `password = pass` line (wizards' `.../password = pass` too) of a case. */
function passLines(dir: string): string[] {
  return ['A', 'B'].flatMap((side) =>
    ['pjsip.conf', 'pjsip_wizard.conf'].flatMap((name) => {
      const file = path.join(dir, side, name);
      if (!fs.existsSync(file)) return [];
      return fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/^\s*(\w+\/)?password\s*=\s*pass\s*$/.test(line) ? [`${side}/${name}:${i + 1}`] : []));
    }),
  );
}

/** The passwords written in a case's configs (messages must never show them). */
function passwords(dir: string): string[] {
  const out: string[] = [];
  for (const side of ['A', 'B']) {
    for (const f of fs.readdirSync(path.join(dir, side))) {
      for (const m of fs.readFileSync(path.join(dir, side, f), 'utf8').matchAll(/password\s*=\s*(\S+)/g)) out.push(m[1]);
    }
  }
  return out;
}

describe('pjsip-trunks conformance (chan_pjsip, real Asterisk 20.20.1)', () => {
  const cases = fs.readdirSync(BASE).filter((c) => fs.statSync(path.join(BASE, c)).isDirectory());
  it('has the twenty-five cases', () => assert.deepEqual(cases.sort(), Object.keys(EXPECTED).sort()));
  for (const c of cases) {
    const outcome = JSON.parse(fs.readFileSync(path.join(BASE, c, 'outcome.json'), 'utf8')) as Outcome;
    it(`${c}: ${outcome.change}`, () => {
      const { lines: all, findings } = caseFindings(path.join(BASE, c));
      // the labs use the seed's password `pass`: weak-secret warnings only on `password = pass` lines (of the auths
      // Asterisk really makes), and only warnings
      const weak = all.filter((f) => f.endsWith(' exposure-weak-secret'));
      const pass = passLines(path.join(BASE, c)).map((l) => `warning ${l} exposure-weak-secret`);
      assert.deepEqual(weak.filter((w) => !pass.includes(w)), []);
      if (c === 'ok') assert.deepEqual(weak, pass);
      const lines = all.filter((f) => !weak.includes(f));
      assert.deepEqual(lines, EXPECTED[c]);
      const errors = lines.filter((f) => f.startsWith('error'));
      if (faulty(outcome)) {
        assert.ok(CAUSE[c] !== undefined, 'a faulty case names the finding that explains it');
        assert.ok(lines.includes(CAUSE[c]), `an error on the explaining line: ${CAUSE[c]}`);
      } else {
        assert.equal(CAUSE[c], undefined);
        assert.deepEqual(errors, [], 'a healthy case has no error');
      }
      for (const secret of passwords(path.join(BASE, c))) {
        const shown = new RegExp(`(^|[^\\w-])${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w-]|$)`);
        for (const f of findings) assert.ok(!shown.test(f.message), `${f.code} shows a password`);
      }
    });
  }
});

describe('pjsip pairing', () => {
  /** The pjsip-* findings of a workspace as `code file 'text'`. */
  function findings(files: Record<string, string>): string[] {
    const ws = new Workspace(new MemoryHost(files));
    for (const f of Object.keys(files)) ws.addKnown(f);
    return Object.keys(files)
      .sort()
      .flatMap((file) =>
        fileFindings(ws, file)
          .filter((f) => f.code.startsWith('pjsip-'))
          .map((f) => `${f.code} ${path.posix.basename(file)} '${files[file].slice(f.start, f.end)}'`),
      );
  }

  it('finds the endpoint of each PJSIP device of a Dial, with its range', () => {
    const found = findings({
      '/a/pjsip.conf': '[t]\ntype = transport\nbind = 127.0.0.1\n[known]\ntype = endpoint\ncontext = c\n',
      '/a/extensions.conf': '[c]\nexten => 1,1,Dial(PJSIP/known&PJSIP/101@gone/sip:101@h&SIP/x&PJSIP/${X}@known&PJSIP/${DYN},20)\n',
    });
    assert.deepEqual(found, ["pjsip-dial-unknown-endpoint extensions.conf 'gone'"]);
  });

  it('recognises calls by identify or by a From user naming an endpoint, never by a registration', () => {
    const endpoint = '[t]\ntype = transport\nbind = 127.0.0.1:5160\n[tr]\ntype = endpoint\ncontext = c\naors = tr\n';
    const a = `${endpoint}[tr]\ntype = aor\ncontact = sip:127.0.0.1:5170\n`;
    const b = '[t]\ntype = transport\nbind = 127.0.0.1:5170\n[tr]\ntype = endpoint\ncontext = c\n';
    const dialplan = '[c]\nexten => 1,1,NoOp()\n';
    const base = { '/a/extensions.conf': dialplan, '/b/extensions.conf': dialplan };
    assert.deepEqual(findings({ ...base, '/a/pjsip.conf': a, '/b/pjsip.conf': b }), ["pjsip-unidentified-calls pjsip.conf 'tr'"]);
    assert.deepEqual(findings({ ...base, '/a/pjsip.conf': a.replace(endpoint, `${endpoint}from_user = tr\n`), '/b/pjsip.conf': b }), []);
    assert.deepEqual(findings({ ...base, '/a/pjsip.conf': a, '/b/pjsip.conf': `${b}[tr]\ntype = identify\nendpoint = tr\nmatch = 127.0.0.0/8\n` }), []);
  });

  it('reports what a wizard cannot make once, and a section without type= as a warning while nothing names it', () => {
    const found = findings({
      '/a/pjsip.conf': '[t]\ntype = transport\nbind = 127.0.0.1\n[leftover]\nusername = x\n',
      '/a/pjsip_wizard.conf': '[w]\ntype = wizard\nsends_auth = yes\nremote_hosts = 192.0.2.1\nendpoint/context = c\n',
      '/a/extensions.conf': '[c]\nexten => 1,1,Dial(PJSIP/${EXTEN}@w)\n',
    });
    // the endpoint's outbound_auth=w-oauth names the auth the wizard refused: reported there, not twice
    assert.deepEqual(found, ["pjsip-section-without-type pjsip.conf 'leftover'", "pjsip-wizard-incomplete pjsip_wizard.conf 'yes'"]);
  });

  it('matches identify addresses with masks and ports', () => {
    assert.equal(matchCovers('127.0.0.1', '127.0.0.1', 5160), true);
    assert.equal(matchCovers('127.0.0.2', '127.0.0.1', 5160), false);
    assert.equal(matchCovers('127.0.0.0/8', '127.0.0.1', 5160), true);
    assert.equal(matchCovers('10.0.0.0/255.255.255.0', '10.0.0.9', 5060), true);
    assert.equal(matchCovers('127.0.0.1:5160', '127.0.0.1', 5160), true);
    assert.equal(matchCovers('127.0.0.1:5170', '127.0.0.1', 5160), false);
    assert.equal(matchCovers('sip.example.com', '127.0.0.1', 5160), null);
  });
});
