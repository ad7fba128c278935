// A CLI for CI gates: a wrong path or a file that is not configuration is an error (exit 2) with a clear message,
// never "0 findings"; one usage text per command; --version; a FILE is judged with the rest of its PBX folder.
// Most cases run the real bin, as a CI job would.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { bin, cli } from '../cliRun';
import { ROOT } from '../paths';

describe('pbx-interconnect --version and help', () => {
  const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  it("prints package.json's version", () => {
    const r = bin(['--version'], os.tmpdir());
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `${version}\n`);
    assert.equal(cli(['-V'], ROOT).out, `${version}\n`);
  });

  it('has one usage text per command, the same from help COMMAND, COMMAND --help and COMMAND -h', () => {
    for (const command of ['check', 'match', 'simulate']) {
      const help = bin(['help', command], ROOT);
      assert.equal(help.status, 0);
      assert.match(help.stdout, new RegExp(`^Usage: pbx-interconnect ${command} `));
      assert.equal(cli([command, '--help'], ROOT).out, help.stdout);
      assert.equal(cli([command, '-h'], ROOT).out, help.stdout);
      const others = ['check', 'match', 'simulate'].filter((c) => c !== command);
      for (const other of others) assert.ok(!help.stdout.includes(`pbx-interconnect ${other} `), `${command}'s usage is about ${command} alone`);
    }
    const overview = cli(['help'], ROOT);
    assert.equal(overview.code, 0);
    assert.match(overview.out, /check .*\n.*match .*\n.*simulate /);
    assert.match(overview.out, /--version/);
    assert.equal(cli(['help', 'frobnicate'], ROOT).code, 2);
  });

  it('never sends the user to ../shared', () => {
    for (const args of [['help'], ['help', 'check'], ['help', 'match'], ['help', 'simulate'], [], ['match', '1'], ['simulate', '1']]) {
      const r = cli(args, ROOT);
      assert.ok(!/\.\.\/shared|conformance/.test(r.out + r.err), args.join(' '));
    }
  });

  it("answers a usage error with that command's usage on stderr, exit 2", () => {
    const cases: [string[], string][] = [
      [['check', '--format', 'xml'], 'check'],
      [['check', '--pbx'], 'check'],
      [['check', '--frobnicate'], 'check'],
      [['match', '101'], 'match'],
      [['match', '101', '--context', 'x', '--at', 'yesterday'], 'match'],
      [['simulate', '101'], 'simulate'],
      [['simulate', '101', '--from', 'a:b:c:d'], 'simulate'],
    ];
    for (const [args, command] of cases) {
      const r = cli(args, ROOT);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.out, '');
      assert.match(r.err, /^pbx-interconnect: .+\n\nUsage: /);
      assert.ok(r.err.endsWith(cli(['help', command], ROOT).out), `${args.join(' ')}: ${command}'s usage`);
    }
    const unknown = bin(['frobnicate'], ROOT);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown command 'frobnicate'[\s\S]*Commands:/);
  });
});

describe('pbx-interconnect check: what it is given', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-strict-'));
    fs.writeFileSync(path.join(dir, 'binary.conf'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x5b, 0x61, 0x5d]));
    fs.writeFileSync(path.join(dir, 'latin1.conf'), Buffer.concat([Buffer.from('[general]\n; caf'), Buffer.from([0xe9]), Buffer.from('\nx=1\n')]));
    fs.mkdirSync(path.join(dir, 'tools'));
    fs.writeFileSync(path.join(dir, 'tools', 'ls'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00]));
    fs.mkdirSync(path.join(dir, 'empty'));
    fs.mkdirSync(path.join(dir, 'binary-pbx'));
    fs.copyFileSync(path.join(dir, 'binary.conf'), path.join(dir, 'binary-pbx', 'extensions.conf'));
    fs.mkdirSync(path.join(dir, 'pbx'));
    fs.writeFileSync(path.join(dir, 'pbx', 'extensions.conf'), '[from-users]\nexten => 1,1,NoOp()\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const refused = (args: string[], message: RegExp): void => {
    const r = bin(['check', ...args], dir);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.equal(r.stdout, '', 'no findings, not even "0 findings"');
    assert.match(r.stderr, message);
    assert.ok(!r.stderr.includes('Usage:'), 'an I/O error is one line, not a usage text');
  };

  it('refuses a file that is not text: NUL bytes, or not UTF-8', () => {
    refused(['binary.conf'], /^pbx-interconnect: binary\.conf is not a text file: it holds NUL bytes \(the first at byte 6\)/);
    refused(['latin1.conf'], /^pbx-interconnect: latin1\.conf is not UTF-8 text \(line 2, byte 0xE9\); nothing was checked\. Convert it first/);
    refused(['pbx/extensions.conf', 'binary.conf'], /binary\.conf is not a text file/);
    refused(['--pbx', '.'], /^pbx-interconnect: (binary\.conf|binary-pbx\/extensions\.conf) is not a text file/);
  });

  it('refuses a folder with no Asterisk configuration, and --pbx of a file', () => {
    refused(['--pbx', 'tools'], /^pbx-interconnect: no Asterisk configuration in tools: no \*\.conf file under it\n$/);
    refused(['--pbx', 'empty'], /no Asterisk configuration in empty/);
    refused(['--pbx', 'pbx', '--pbx', 'empty'], /no Asterisk configuration in empty/);
    refused(['--pbx', 'pbx/extensions.conf'], /--pbx wants a folder, and pbx\/extensions\.conf is a file \(to check one file: pbx-interconnect check pbx\/extensions\.conf\)/);
    const here = bin(['check'], path.join(dir, 'empty'));
    assert.equal(here.status, 2);
    assert.match(here.stderr, /no Asterisk configuration in the current folder/);
  });

  it('refuses a path that does not exist, and a folder given as FILE', () => {
    refused(['no-such.conf'], /^pbx-interconnect: no such file: no-such\.conf\n$/);
    refused(['--pbx', 'no-such-dir'], /^pbx-interconnect: no such folder: no-such-dir\n$/);
    refused(['pbx'], /pbx is a folder \(to check every config file under it: pbx-interconnect check --pbx pbx\)/);
  });

  it('still checks what is right', () => {
    const r = bin(['check', '--pbx', 'pbx'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /finding/);
    const eq = cli(['check', '--pbx=pbx', '--format=json'], dir);
    assert.equal(eq.code, 0, eq.err);
    assert.ok(Array.isArray(JSON.parse(eq.out).findings));
  });

  it('holds match to the same rules', () => {
    const cases: [string[], RegExp][] = [
      [['--pbx', 'binary-pbx'], /^pbx-interconnect: binary-pbx\/extensions\.conf is not a text file/],
      [['--pbx', 'pbx/extensions.conf'], /--pbx wants the folder holding extensions\.conf, and pbx\/extensions\.conf is a file/],
      [['--pbx', 'no-such-dir'], /^pbx-interconnect: no such folder: no-such-dir\n$/],
      [['--pbx', 'empty'], /^pbx-interconnect: no extensions\.conf in empty\n$/],
    ];
    for (const [args, message] of cases) {
      const r = bin(['match', '1', '--context', 'from-users', ...args], dir);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
    }
    assert.equal(bin(['match', '1', '--context', 'from-users', '--pbx', 'pbx'], dir).status, 0);
  });
});

describe('pbx-interconnect check FILE...: each file with the rest of its PBX folder', () => {
  let dir: string;
  const json = (args: string[], cwd: string): { code: number; findings: { file: string; line: number; code: string; message: string }[] } => {
    const r = cli(['check', ...args, '--format', 'json'], cwd);
    assert.notEqual(r.code, 2, r.err);
    return { code: r.code, findings: JSON.parse(r.out).findings };
  };
  const show = (fs: { file: string; line: number; code: string }[]): string[] => fs.map((f) => `${f.file}:${f.line} ${f.code}`);
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-files-'));
    fs.mkdirSync(path.join(dir, 'pbx', 'extensions.d'), { recursive: true });
    // lines before the first header of an included file join the includer's context, as in Asterisk
    fs.writeFileSync(path.join(dir, 'pbx', 'extensions.conf'), '[from-phones]\nexten => 100,1,Goto(features,*43,1)\n#include "extensions.d/features.conf"\n');
    fs.writeFileSync(path.join(dir, 'pbx', 'extensions.d', 'features.conf'), 'exten => 101,1,NoOp()\n[features]\nexten => *43,1,Echo()\n');
    fs.writeFileSync(path.join(dir, 'pbx', 'sip.conf'), '[general]\ncontext=from-phones\n\n[1001]\ntype=friend\nhost=dynamic\nsecret=1001\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('judges an included file as its includer loads it (alone it would be a fatal syntax-no-section)', () => {
    const included = 'pbx/extensions.d/features.conf';
    const r = json([included], dir);
    assert.deepEqual(show(r.findings), []);
    assert.equal(r.code, 0);
    // the same file outside its PBX folder is checked on its own, and Asterisk would indeed refuse it alone
    fs.copyFileSync(path.join(dir, included), path.join(dir, 'alone.conf'));
    assert.deepEqual(show(json(['alone.conf'], dir).findings), ['alone.conf:1 syntax-no-section']);
  });

  it('finds in each file what --pbx of its folder finds there, trunk and exposure checks included', () => {
    const whole = json(['--pbx', 'pbx'], dir).findings;
    assert.ok(whole.some((f) => f.code === 'exposure-weak-secret'), 'the PBX has a finding of the trunk checks');
    for (const file of ['pbx/sip.conf', 'pbx/extensions.conf', 'pbx/extensions.d/features.conf']) {
      assert.deepEqual(json([file], dir).findings, whole.filter((f) => f.file === file), file);
    }
    assert.deepEqual(json(['pbx/sip.conf', 'pbx/extensions.conf'], dir).findings, whole.filter((f) => ['pbx/sip.conf', 'pbx/extensions.conf'].includes(f.file)));
    // from inside the PBX folder, with its own relative paths
    assert.deepEqual(show(json(['sip.conf'], path.join(dir, 'pbx')).findings), show(whole.filter((f) => f.file === 'pbx/sip.conf')).map((s) => s.slice('pbx/'.length)));
  });

  it('agrees with --pbx on every file of the examples', () => {
    const whole = json(['--pbx', 'examples/wazo-a'], ROOT).findings;
    const files = fs.readdirSync(path.join(ROOT, 'examples', 'wazo-a')).map((f) => `examples/wazo-a/${f}`);
    assert.deepEqual(json(files, ROOT).findings, whole);
    assert.ok(whole.length > 0);
  });
});
