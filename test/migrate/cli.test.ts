// `pbx-interconnect migrate`: the preview writes nothing, --out writes a converted copy, the refusals.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/run';
import { CONFORMANCE, ROOT } from '../paths';

const OK = path.join(CONFORMANCE, 'sip-trunks', 'ok');

function cli(args: string[]): { status: number; out: string; err: string } {
  let out = '';
  let err = '';
  const status = runCli(args, { cwd: process.cwd(), out: (s) => (out += s), err: (s) => (err += s) });
  return { status, out, err };
}

/** Every file under a folder with its text. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries((fs.readdirSync(dir, { recursive: true }) as string[]).sort().filter((f) => fs.statSync(path.join(dir, f)).isFile()).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

describe('CLI migrate', () => {
  it('without --out: a unified diff and the notes, nothing written', () => {
    const before = snapshot(OK);
    const r = cli(['migrate', '--pbx', path.join(OK, 'A')]);
    assert.equal(r.status, 0, r.err);
    assert.match(r.out, /^--- \/dev\/null\n\+\+\+ b\/pjsip\.conf\n@@ -0,0 \+1,\d+ @@\n/);
    assert.match(r.out, /\nrename sip\.conf -> sip\.conf\.chan_sip: /);
    assert.match(r.out, /\n--- a\/extensions\.conf\n\+\+\+ b\/extensions\.conf\n@@ -1,6 \+1,6 @@\n/);
    assert.match(r.out, /\n- same => n,Dial\(SIP\/wazo-trunk\/\$\{EXTEN:4\},5\)\n/);
    assert.match(r.out, /\n\+ same => n,Dial\(PJSIP\/\$\{EXTEN:4\}@wazo-trunk,5\)\n/);
    assert.match(r.out, /\nNotes \(\d+: /);
    assert.match(r.out, /\n {2}sip\.conf:6: dropped: srvlookup=no\n/);
    // the preview shows the new config (secrets included, as the files hold them); the notes never do
    assert.ok(!r.out.slice(r.out.indexOf('\nNotes')).includes('pass'));
    assert.deepEqual(snapshot(OK), before);
  });

  it('--out: a converted copy of the whole folder; the original untouched', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-migrate-cli-'));
    try {
      const before = snapshot(path.join(OK, 'A'));
      const out = path.join(tmp, 'A');
      const r = cli(['migrate', '--pbx', path.join(OK, 'A'), '--out', out]);
      assert.equal(r.status, 0, r.err);
      assert.deepEqual(Object.keys(snapshot(out)), ['extensions.conf', 'pjsip.conf', 'rtp.conf', 'sip.conf.chan_sip']);
      assert.equal(snapshot(out)['sip.conf.chan_sip'], before['sip.conf']);
      assert.equal(snapshot(out)['rtp.conf'], before['rtp.conf']);
      assert.deepEqual(snapshot(path.join(OK, 'A')), before);
      // the copy is a PBX the checker reads with no syntax error
      const check = cli(['check', '--pbx', out, '--format', 'json']);
      assert.ok(!/"code": "syntax-/.test(check.out));
      // refusals: a folder that is not empty, the PBX folder itself, a folder inside it
      const again = cli(['migrate', '--pbx', path.join(OK, 'A'), '--out', out]);
      assert.equal(again.status, 2);
      assert.match(again.err, /exists and is not an empty folder/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    for (const target of [path.join(OK, 'A'), path.join(OK, 'A', 'new')]) {
      const r = cli(['migrate', '--pbx', path.join(OK, 'A'), '--out', target]);
      assert.equal(r.status, 2);
      assert.match(r.err, /never overwritten/);
    }
    assert.ok(!fs.existsSync(path.join(OK, 'A', 'new')));
  });

  it('--json: the Migration; notes without secrets', () => {
    const r = cli(['migrate', '--pbx', path.join(OK, 'A'), '--json']);
    assert.equal(r.status, 0);
    const m = JSON.parse(r.out) as { pbx: string; changes: { file: string; after: string | null; backup: string | null }[]; notes: { text: string; reason: string }[] };
    assert.deepEqual(m.changes.map((c) => [path.basename(c.file), c.after === null, c.backup && path.basename(c.backup)]), [
      ['pjsip.conf', false, null],
      ['sip.conf', true, 'sip.conf.chan_sip'],
      ['extensions.conf', false, null],
    ]);
    assert.ok(m.notes.every((n) => !/\bpass\b/.test(n.text + n.reason)));
  });

  it('the proof: examples/office-sip with its branch (--with) and wazo-a with wazo-b keep every call and trunk; nothing written', () => {
    const examples = path.join(ROOT, 'examples');
    const before = snapshot(examples);
    const office = cli(['migrate', '--pbx', path.join(examples, 'office-sip'), '--with', path.join(examples, 'branch-pjsip')]);
    assert.equal(office.status, 0, office.out.slice(office.out.indexOf(' calls: ') - 20));
    assert.match(office.out, /\n10 calls: 10 the same, 0 different; 3 trunks: 3 the same, 0 different\.\n/);
    assert.match(office.out, /\nphone office-sip:1001 +9201 +extension 201@from-office on branch-pjsip +extension 201@from-office on branch-pjsip +same\n/);
    assert.match(office.out, /\noffice-sip 'branch' -> branch-pjsip: same\n/);
    const wazo = cli(['migrate', '--pbx', path.join(examples, 'wazo-a'), '--with', path.join(examples, 'wazo-b'), '--json']);
    assert.equal(wazo.status, 0);
    const proof = JSON.parse(wazo.out).proof as { rows: { origin: { name: string }; number: string; same: boolean; after: { context: string; exten: string; pbx: string } }[] };
    const readme = proof.rows.find((r) => r.origin.name === '1001' && r.number === '**99101');
    assert.deepEqual(readme?.after, { ...readme?.after, pbx: 'wazo-b', context: 'Incalls', exten: '101' });
    assert.ok(proof.rows.every((r) => r.same));
    assert.doesNotMatch(wazo.out.slice(wazo.out.indexOf('"proof"')), /"pass"|:pass\b/);
    assert.deepEqual(snapshot(examples), before);
  });

  it('the proof of each sip-trunks lab with only A migrated (a mixed pair): every call and trunk as before, refusals included', () => {
    for (const lab of fs.readdirSync(path.join(CONFORMANCE, 'sip-trunks'))) {
      const dir = path.join(CONFORMANCE, 'sip-trunks', lab);
      const r = cli(['migrate', '--pbx', path.join(dir, 'A'), '--with', path.join(dir, 'B')]);
      assert.equal(r.status, 0, `${lab}: ${r.out.slice(r.out.search(/\n\d+ calls?: /))}`);
      assert.match(r.out, /\n\d+ calls?: \d+ the same, 0 different; \d+ trunks?: \d+ the same, 0 different\.\n/, lab);
    }
    // ok: B's calls to A were refused before (chan_sip: 401 then 403) and are refused after (chan_pjsip: 401 again)
    const ok = cli(['migrate', '--pbx', path.join(OK, 'A'), '--with', path.join(OK, 'B')]);
    assert.match(ok.out, /\ntrunk B\/wazo-trunk -> A +2125551234 +rejected A +rejected A +same\n/);
  });

  it('usage and I/O errors: exit 2', () => {
    assert.equal(cli(['migrate', '--pbx']).status, 2);
    assert.equal(cli(['migrate', '--bogus']).status, 2);
    assert.equal(cli(['migrate', '--pbx', '/no/such/folder']).status, 2);
    assert.equal(cli(['migrate', '--pbx', OK]).status, 2, 'a folder of PBX folders is not a PBX');
    assert.match(cli(['help', 'migrate']).out, /^Usage: pbx-interconnect migrate /);
  });
});
