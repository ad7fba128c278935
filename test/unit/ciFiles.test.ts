// The CI recipes work as written: .pre-commit-hooks.yaml (its entry and args run on a copy of examples/, its
// files pattern picks Asterisk files) and docs/ci/github-code-scanning.yml (its check command, run as the job
// would, uploads on exit 0 and 1 and fails on exit 2). Both run the real bin.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FINGERPRINT_KEY, SRCROOT } from '../../server/src/cli/sarif';
import { ROOT } from '../paths';

const BIN = path.join(ROOT, 'bin', 'pbx-interconnect.js');

type Hook = Record<string, string | string[]>;

/** The YAML of .pre-commit-hooks.yaml: a list of flat mappings whose values are scalars or flow lists. */
function readHooks(text: string): Hook[] {
  const hooks: Hook[] = [];
  for (const raw of text.split('\n')) {
    if (/^\s*(#|$)/.test(raw)) continue;
    const m = /^(- |  )([a-z_]+): (.*)$/.exec(raw);
    assert.ok(m, `a line this reader does not know: ${raw}`);
    if (m[1] === '- ') hooks.push({});
    const value = m[3].trim();
    const scalar = (s: string): string => (/^'.*'$/.test(s) ? s.slice(1, -1).replace(/''/g, "'") : s);
    hooks[hooks.length - 1][m[2]] = value.startsWith('[') ? value.slice(1, -1).split(',').map((s) => scalar(s.trim())) : scalar(value);
  }
  return hooks;
}

/** A command line of the recipes, with `pbx-interconnect` (or `npx --yes pbx-interconnect`) as this bin. */
function withBin(command: string): string {
  return command.replace(/^(npx --yes )?pbx-interconnect\b/, `"${process.execPath}" "${BIN}"`);
}

function copyExamples(to: string, without: string[] = []): void {
  fs.cpSync(path.join(ROOT, 'examples'), to, { recursive: true, filter: (src) => !without.includes(path.basename(src)) });
}

describe('.pre-commit-hooks.yaml', () => {
  const hooks = readHooks(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
  const hook = hooks[0];
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-hook-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('declares one node hook that runs check over the whole tree', () => {
    assert.equal(hooks.length, 1);
    assert.equal(hook.id, 'pbx-interconnect');
    assert.equal(hook.language, 'node');
    assert.equal(hook.entry, 'pbx-interconnect check');
    assert.deepEqual(hook.args, ['--pbx', '.']);
    assert.equal(hook.pass_filenames, 'false');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    assert.equal(pkg.bin['pbx-interconnect'], 'bin/pbx-interconnect.js', 'pre-commit installs the package and runs its bin');
    assert.equal(pkg.scripts.prepare, 'node scripts/prepare.mjs', 'installing from git builds the bundle the bin loads');
  });

  it('runs on Asterisk config files and on nothing else', () => {
    const files = new RegExp(hook.files as string);
    const examples = fs.readdirSync(path.join(ROOT, 'examples'), { recursive: true }).map(String).filter((f) => f.endsWith('.conf'));
    assert.ok(examples.length >= 8);
    for (const f of examples) assert.ok(files.test(`examples/${f.split(path.sep).join('/')}`), f);
    for (const f of ['sip.conf', 'pbx/pjsip_wizard.conf', 'etc/asterisk/res_parking.conf', 'ivozprovider.conf', 'a/extensions_custom.conf']) assert.ok(files.test(f), f);
    for (const f of ['nginx.conf', 'docker/haproxy.conf', 'sip.conf.bak', 'README.md', 'extensions.conf/notes.txt', 'my-sip.conf']) assert.ok(!files.test(f), f);
  });

  it('fails a commit of examples/ with its dialplan traps, and passes one without them', () => {
    const command = withBin(`${hook.entry as string} ${(hook.args as string[]).join(' ')}`);
    copyExamples(path.join(dir, 'all'));
    const failing = spawnSync(command, { shell: true, cwd: path.join(dir, 'all'), encoding: 'utf8' });
    assert.equal(failing.status, 1, failing.stderr);
    assert.match(failing.stdout, /^dialplan-traps\/extensions\.conf:\d+:\d+: error \[dialplan-same-without-exten\]/m);
    copyExamples(path.join(dir, 'clean'), ['dialplan-traps']);
    const passing = spawnSync(command, { shell: true, cwd: path.join(dir, 'clean'), encoding: 'utf8' });
    assert.equal(passing.status, 0, passing.stdout + passing.stderr);
    assert.match(passing.stdout, / 0 error\(s\)/);
  });
});

describe('docs/ci/github-code-scanning.yml', () => {
  const workflow = fs.readFileSync(path.join(ROOT, 'docs', 'ci', 'github-code-scanning.yml'), 'utf8');
  const run = /^\s+run: (.*pbx-interconnect check.*)$/m.exec(workflow)?.[1] ?? '';
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-workflow-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes SARIF to the file it uploads, with the permission upload-sarif needs', () => {
    assert.match(run, /--format sarif > (\S+)/);
    const file = /--format sarif > (\S+)/.exec(run)![1];
    assert.match(workflow, new RegExp(`uses: github/codeql-action/upload-sarif@v\\d+\\n\\s+with:\\n\\s+sarif_file: ${file.replace('.', '\\.')}\\n`));
    assert.match(workflow, /permissions:\n\s+contents: read\n\s+security-events: write\n/);
  });

  it("uploads on exit 0 and 1, and fails the job on exit 2, as the job's shell runs it", () => {
    const sarifOf = (cwd: string): { runs: { results: unknown[] }[] } => JSON.parse(fs.readFileSync(path.join(cwd, 'pbx-interconnect.sarif'), 'utf8'));
    copyExamples(path.join(dir, 'errors'));
    const withErrors = spawnSync('bash', ['-e', '-c', withBin(run)], { cwd: path.join(dir, 'errors'), encoding: 'utf8' });
    assert.equal(withErrors.status, 0, withErrors.stderr);
    assert.ok(sarifOf(path.join(dir, 'errors')).runs[0].results.length > 19);
    copyExamples(path.join(dir, 'clean'), ['dialplan-traps']);
    assert.equal(spawnSync('bash', ['-e', '-c', withBin(run)], { cwd: path.join(dir, 'clean'), encoding: 'utf8' }).status, 0);
    const wrongPath = spawnSync('bash', ['-e', '-c', withBin(run.replace('--pbx .', '--pbx no-such-folder'))], { cwd: path.join(dir, 'clean'), encoding: 'utf8' });
    assert.notEqual(wrongPath.status, 0);
    assert.match(wrongPath.stderr, /no such folder: no-such-folder/);
  });
});

describe("README's Command line section", () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Command line\n'), readme.indexOf('\n## ', readme.indexOf('## Command line\n') + 1));

  it('documents what the CLI does, in its own words', () => {
    assert.ok(section.length > 1000);
    assert.ok(!section.includes('../shared'), 'no reference to the test data');
    for (const s of ['--version', 'help COMMAND', '| exit |', SRCROOT, 'originalUriBaseIds', 'ruleIndex', FINGERPRINT_KEY, 'helpUri', 'pass_filenames: false', 'docs/ci/github-code-scanning.yml']) {
      assert.ok(section.includes(s), s);
    }
    assert.match(section, /pre-commit 4\.6\.1/);
    assert.ok(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8').includes('minimum_pre_commit_version: 4.6.1'));
  });

  it("shows the workflow's steps as docs/ci/github-code-scanning.yml has them", () => {
    const workflow = fs.readFileSync(path.join(ROOT, 'docs', 'ci', 'github-code-scanning.yml'), 'utf8');
    const shown = /```yaml\n(      - name: Check the Asterisk configuration\n[\s\S]*?)```/.exec(section)?.[1] ?? '';
    assert.ok(shown.length > 100, 'the README shows the steps');
    const withoutComments = workflow.replace(/^\s+#.*\n/gm, '');
    assert.ok(withoutComments.includes(shown), 'the README steps are the workflow steps');
  });
});
