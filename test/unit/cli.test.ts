// `pbx-interconnect check`: what a terminal or CI sees, in every format, with its exit codes.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/run';
import { CONFORMANCE, ROOT } from '../paths';

function cli(args: string[], cwd: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(args, { cwd, out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('pbx-interconnect check', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-cli-'));
    fs.mkdirSync(path.join(dir, 'pbx-a'));
    fs.writeFileSync(path.join(dir, 'pbx-a', 'extensions.conf'), '[from-users]\nexten => 1,1,NoOp()\n[broken\n');
    fs.writeFileSync(path.join(dir, 'pbx-a', 'sip.conf'), '[general]\n#exec /usr/bin/make-peers\n');
    fs.mkdirSync(path.join(dir, 'pbx-b'));
    fs.writeFileSync(path.join(dir, 'pbx-b', 'extensions.conf'), '[Incalls]\nexten => 101,1,NoOp()\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'x=1\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints JSON findings with 1-based positions and files relative to the current folder, exit 1 on an error', () => {
    const r = cli(['check', '--pbx', 'pbx-a', '--pbx', 'pbx-b', '--format', 'json'], dir);
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r.out), {
      findings: [
        {
          // nothing in pbx-a names [from-users]; its #exec might, so this is only a note
          code: 'dialplan-unreachable-context',
          severity: 'information',
          message: JSON.parse(r.out).findings[0].message,
          file: 'pbx-a/extensions.conf',
          line: 1,
          column: 2,
          endLine: 1,
          endColumn: 12,
          related: [],
        },
        {
          code: 'syntax-unclosed-section',
          severity: 'error',
          message: "Missing ']' in the section header. Asterisk will load none of this file.",
          file: 'pbx-a/extensions.conf',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 8,
          related: [],
        },
        {
          code: 'exec-directive',
          severity: 'warning',
          message: JSON.parse(r.out).findings[2].message,
          file: 'pbx-a/sip.conf',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 26,
          related: [],
        },
      ],
    });
    assert.match(JSON.parse(r.out).findings[2].message, /never runs it/);
  });

  it('exits 0 when nothing is an error, and defaults to the current folder', () => {
    const r = cli(['check'], path.join(dir, 'pbx-b'));
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '0 findings: 0 error(s), 0 warning(s), 0 note(s)\n');
  });

  it('checks a FILE on its own, whatever its name', () => {
    const r = cli(['check', 'notes.txt'], dir);
    assert.equal(r.code, 1);
    assert.match(r.out, /^notes\.txt:1:1: error \[syntax-no-section\]/);
  });

  it('writes SARIF 2.1.0', () => {
    const r = cli(['check', '--pbx', 'pbx-a', '--format', 'sarif'], dir);
    const sarif = JSON.parse(r.out);
    assert.equal(sarif.version, '2.1.0');
    const [run] = sarif.runs;
    assert.equal(run.tool.driver.name, 'pbx-interconnect');
    assert.deepEqual(run.results.map((x: { ruleId: string; level: string }) => [x.ruleId, x.level]), [
      ['dialplan-unreachable-context', 'note'],
      ['syntax-unclosed-section', 'error'],
      ['exec-directive', 'warning'],
    ]);
    assert.deepEqual(run.results[1].locations[0].physicalLocation, { artifactLocation: { uri: 'pbx-a/extensions.conf', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 8 } });
    // the rest (rules, fingerprints, the schema): cliSarif.test.ts
  });

  it('exits 2 on a usage or I/O error', () => {
    assert.equal(cli(['check', '--format', 'xml'], dir).code, 2);
    assert.equal(cli(['check', 'no-such-file.conf'], dir).code, 2);
    assert.equal(cli(['check', '--pbx', 'no-such-dir'], dir).code, 2);
    assert.equal(cli(['frobnicate'], dir).code, 2);
    assert.equal(cli([], dir).code, 2);
  });

  it('finds each trap of examples/dialplan-traps, and nothing Asterisk would complain about in the three example PBXs', () => {
    const r = cli(['check', '--pbx', 'examples', '--format', 'json'], ROOT);
    const all = (JSON.parse(r.out).findings as { file: string; line: number; code: string }[]).map((f) => `${f.file}:${f.line} ${f.code}`);
    // The trunk and exposure checks of sip.conf (test/trunks/) judge the placeholder secrets and the IvozProvider
    // friend of the PBXs on their own terms; everything else, syntax and dialplan, is pinned here.
    const found = all.filter((f) => !/ (trunk|exposure)-/.test(f));
    // each line carries the comment that explains its trap (dialplan-new-matcher is described, not set, in [general])
    const traps = 'examples/dialplan-traps/extensions.conf';
    assert.deepEqual(found, [
      `${traps}:27 dialplan-include-missing`,
      `${traps}:31 dialplan-duplicate-include`,
      `${traps}:38 dialplan-next-after-hint`,
      `${traps}:51 dialplan-shadowed-extension`,
      `${traps}:58 dialplan-lowercase-wildcard`,
      `${traps}:64 dialplan-same-without-exten`,
      `${traps}:76 dialplan-first-line-next`,
      `${traps}:76 dialplan-no-priority-one`,
      `${traps}:82 dialplan-invalid-priority`,
      `${traps}:85 dialplan-unknown-directive`,
      `${traps}:93 dialplan-duplicate-label`,
      `${traps}:113 dialplan-duplicate-priority`,
      `${traps}:117 dialplan-missing-underscore`,
      `${traps}:121 dialplan-unclosed-bracket`,
      `${traps}:125 dialplan-empty-pattern`,
      `${traps}:131 dialplan-include-never-open`,
      `${traps}:135 dialplan-invalid-time`,
      `${traps}:148 dialplan-goto-target-missing`,
      `${traps}:154 dialplan-catch-all-pattern`,
      `${traps}:160 dialplan-app-unknown`,
      `${traps}:162 dialplan-app-unknown`,
      `${traps}:164 dialplan-app-condition`,
      `${traps}:166 dialplan-substring`,
      `${traps}:168 dialplan-app-arguments`,
      `${traps}:170 dialplan-function-unknown`,
      `${traps}:172 dialplan-app-option`,
      `${traps}:174 dialplan-app-arguments`,
      `${traps}:176 dialplan-app-arguments`,
      `${traps}:178 dialplan-function-arguments`,
    ]);
    assert.equal(r.code, 1); // dialplan-same-without-exten, -invalid-priority, -unclosed-bracket, -goto-target-missing and -app-unknown are errors
  });
  it('--asterisk-version 21 on examples/office-sip: the Macro and MacroExit lines, the SIP/ devices and sip.conf itself are removed', () => {
    const r = cli(['check', '--pbx', 'examples/office-sip', '--asterisk-version', '21', '--format', 'json'], ROOT);
    const version = (JSON.parse(r.out).findings as { file: string; line: number; code: string; message: string }[]).filter((f) => f.code.startsWith('version-'));
    const office = 'examples/office-sip';
    assert.deepEqual(
      version.map((f) => `${f.file}:${f.line} ${f.message.split(':')[0]}`),
      [
        `${office}/extensions.conf:7 Asterisk 21 removed the application Macro (app_macro), deprecated since 16`,
        `${office}/extensions.conf:10 Asterisk 21 removed the channel driver chan_sip (SIP/ devices), deprecated since 17`,
        `${office}/extensions.conf:14 Asterisk 21 removed the application Macro (app_macro), deprecated since 16`,
        `${office}/extensions.conf:16 Asterisk 21 removed the application Macro (app_macro), deprecated since 16`,
        `${office}/extensions.conf:23 Asterisk 21 removed the channel driver chan_sip (SIP/ devices), deprecated since 17`,
        `${office}/extensions.conf:35 Asterisk 21 removed the application MacroExit (app_macro), deprecated since 16`,
        `${office}/sip.conf:8 Asterisk 21 removed chan_sip, deprecated since 17`,
      ],
    );
    assert.equal(r.code, 1);
    // at 20, the default, none of them
    assert.deepEqual((JSON.parse(cli(['check', '--pbx', 'examples/office-sip', '--format', 'json'], ROOT).out).findings as { code: string }[]).filter((f) => f.code.startsWith('version-')), []);
  });
});


describe('pbx-interconnect check across PBXs', () => {
  it('pairs the trunk of two --pbx folders and points at the other side in related', () => {
    const lab = path.join(CONFORMANCE, 'sip-trunks', 'a_reguser');
    const r = cli(['check', '--pbx', path.join(lab, 'A'), '--pbx', path.join(lab, 'B'), '--format', 'json'], lab);
    assert.equal(r.code, 1);
    const f = JSON.parse(r.out).findings.find((x: { code: string }) => x.code === 'trunk-register-user-unknown');
    assert.equal(f.file, 'A/sip.conf');
    assert.equal(f.line, 12);
    assert.deepEqual(f.related, [{ file: 'B/sip.conf', line: 10, message: "B's section 'wazo-trunk', probably the one meant" }]);
  });
});
