// `pbx-interconnect check --format sarif` as GitHub code scanning reads it: valid against the OASIS SARIF 2.1.0
// schema (test/fixtures/sarif, validated with ajv), a rule for every code of the catalog, results tied to their
// rule, paths relative to %SRCROOT%, related locations, fingerprints that survive lines inserted above, and no
// secret anywhere.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { CATALOG } from '../../server/src/analysis/checks/catalog';
import { runCli } from '../../server/src/cli/run';
import { ROOT } from '../paths';

const SCHEMA = path.join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json');

function check(args: string[], cwd: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(['check', ...args], { cwd, out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface Physical {
  artifactLocation: { uri: string; uriBaseId: string };
  region: Region;
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: Physical }[];
  relatedLocations?: { id: number; message: { text: string }; physicalLocation: Physical }[];
  partialFingerprints: Record<string, string>;
}
interface Rule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  defaultConfiguration: { level: string; enabled?: boolean };
}
interface Run {
  tool: { driver: { name: string; version: string; informationUri: string; rules: Rule[] } };
  originalUriBaseIds: Record<string, { uri: string }>;
  invocations?: { executionSuccessful: boolean; ruleConfigurationOverrides: { descriptor: { id: string; index: number }; configuration: { enabled: boolean; level?: string } }[] }[];
  results: Result[];
}

function sarif(args: string[], cwd: string): Run {
  const r = check([...args, '--format', 'sarif'], cwd);
  assert.notEqual(r.code, 2, r.err);
  const log = JSON.parse(r.out) as { version: string; runs: Run[] };
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  return log.runs[0];
}

const validate = (() => {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as object);
})();

function assertValid(run: Run): void {
  const ok = validate({ $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json', version: '2.1.0', runs: [run] });
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; repository: { url: string } };
const home = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

describe('SARIF: the schema and the validator', () => {
  it('is the OASIS schema, unchanged, and the validator rejects what it should', () => {
    assert.equal(createHash('sha256').update(fs.readFileSync(SCHEMA)).digest('hex'), 'c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e');
    const run = sarif(['--pbx', 'examples'], ROOT);
    const broken = JSON.parse(JSON.stringify(run)) as Run;
    broken.results[0].level = 'fatal';
    assert.equal(validate({ version: '2.1.0', runs: [broken] }), false);
    const noMessage = JSON.parse(JSON.stringify(run)) as { results: { message?: unknown }[] };
    delete noMessage.results[0].message;
    assert.equal(validate({ version: '2.1.0', runs: [noMessage] }), false);
  });
});

describe('SARIF of examples/ and of a faulty trunk', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-sarif-'));
    const write = (f: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), text);
    };
    // A registers to B and calls it with a secret B does not have; B's own secret is a weak one
    write('pbx/A/sip.conf', '[general]\nudpbindaddr=127.0.0.1:5060\nregister => trunk:Zq7-Unguessable-A1@127.0.0.1:5070\n\n[trunk]\ntype=friend\nhost=127.0.0.1\nport=5070\nusername=trunk\nsecret=Zq7-Unguessable-A1\ncontext=Incalls\n');
    write('pbx/A/extensions.conf', '[Incalls]\nexten => 100,1,NoOp()\n');
    write('pbx/B/sip.conf', '[general]\nudpbindaddr=127.0.0.1:5070\n\n[trunk]\ntype=friend\nhost=dynamic\nsecret=1234\ncontext=Incalls\n');
    write('pbx/B/extensions.conf', '[Incalls]\nexten => 101,1,Answer()\n same => n,Goto(nowhere,s,1)\n');
    write('pbx/A/more dir/extensions_extra.conf', '[x]\nexten => 1,1,Goto(nowhere,1,1)\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is valid SARIF 2.1.0, with related locations', () => {
    const examples = sarif(['--pbx', 'examples'], ROOT);
    assertValid(examples);
    const trunk = sarif(['--pbx', 'pbx'], dir);
    assertValid(trunk);
    const related = trunk.results.filter((r) => r.relatedLocations);
    assert.ok(related.length >= 2, 'the secret mismatches point at B');
    assert.deepEqual(related[0].relatedLocations![0].physicalLocation.artifactLocation, { uri: 'pbx/B/sip.conf', uriBaseId: '%SRCROOT%' });
    assert.equal(related[0].relatedLocations![0].physicalLocation.region.startLine, 7);
    assert.ok(examples.results.some((r) => r.relatedLocations), 'examples/ has related locations too');
  });

  it('describes the tool and has one rule per code of the catalog, found or not', () => {
    const run = sarif(['--pbx', 'pbx/B'], dir);
    const { driver } = run.tool;
    assert.deepEqual([driver.name, driver.version, driver.informationUri], ['pbx-interconnect', pkg.version, home]);
    assert.deepEqual(
      driver.rules.map((r) => r.id),
      CATALOG.map((c) => c.code),
    );
    const goto = driver.rules.find((r) => r.id === 'dialplan-goto-target-missing')!;
    assert.equal(goto.name, 'DialplanGotoTargetMissing');
    assert.equal(goto.helpUri, `${home}/blob/main/README.md#dialplan-goto-target-missing`);
    assert.equal(goto.defaultConfiguration.level, 'error');
    assert.equal(driver.rules.find((r) => r.id === 'dialplan-new-matcher')!.defaultConfiguration.level, 'note');
    for (const r of driver.rules) {
      assert.match(r.name, /^[A-Z][A-Za-z0-9]+$/);
      assert.ok(r.shortDescription.text && r.fullDescription.text, r.id);
      assert.ok(!r.fullDescription.text.includes('`'), `${r.id}: plain text`);
    }
  });

  it('ties each result to its rule, with the level, message and region of the JSON output', () => {
    const run = sarif(['--pbx', 'pbx'], dir);
    const json = JSON.parse(check(['--pbx', 'pbx', '--format', 'json'], dir).out) as { findings: { code: string; severity: string; message: string; file: string; line: number; column: number; endLine: number; endColumn: number }[] };
    assert.equal(run.results.length, json.findings.length);
    assert.ok(run.results.length >= 4);
    const level: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
    run.results.forEach((r, i) => {
      const f = json.findings[i];
      assert.equal(r.ruleId, f.code);
      assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
      assert.equal(r.level, level[f.severity]);
      assert.equal(r.message.text, f.message);
      const { artifactLocation, region } = r.locations[0].physicalLocation;
      assert.deepEqual(artifactLocation, { uri: f.file.replace(/ /g, '%20'), uriBaseId: '%SRCROOT%' });
      assert.deepEqual(region, { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn });
    });
    assert.ok(run.results.some((r) => r.ruleId === 'dialplan-goto-target-missing' && r.level === 'error'));
  });

  it('writes paths relative to %SRCROOT%, the folder it ran in, percent-encoded', () => {
    const run = sarif(['--pbx', 'pbx'], dir);
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(path.resolve(dir) + '/').href, description: { text: 'The folder pbx-interconnect check ran in.' } } });
    for (const r of run.results) assert.match(r.locations[0].physicalLocation.artifactLocation.uri, /^pbx\/[AB]\/([a-z]+|more%20dir\/extensions_extra)\.conf$/);
    const spaced = sarif(['pbx/A/more dir/extensions_extra.conf'], dir);
    const uris = spaced.results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(uris.length > 0 && uris.every((u) => u === 'pbx/A/more%20dir/extensions_extra.conf'), uris.join());
  });

  it('says which rules are off by default, and what --enable and --severity changed', () => {
    const plain = sarif(['--pbx', 'examples/dialplan-traps'], ROOT);
    const style = plain.tool.driver.rules.filter((r) => r.id.startsWith('style-'));
    assert.equal(style.length, 5);
    for (const r of style) assert.deepEqual(r.defaultConfiguration, { enabled: false, level: 'note' }, r.id);
    assert.ok(plain.tool.driver.rules.every((r) => r.id.startsWith('style-') || r.defaultConfiguration.enabled === undefined));
    assert.equal(plain.invocations, undefined, 'no options, no invocation');
    assert.ok(!plain.results.some((r) => r.ruleId.startsWith('style-')));

    const run = sarif(['--pbx', 'examples/dialplan-traps', '--enable', 'style', '--severity', 'style-final-newline=off', '--severity', 'exec-directive=error'], ROOT);
    assertValid(run);
    const [trailing] = run.results.filter((r) => r.ruleId.startsWith('style-'));
    assert.equal(trailing.ruleId, 'style-trailing-whitespace');
    assert.equal(trailing.level, 'note');
    assert.equal(run.tool.driver.rules[trailing.ruleIndex].id, 'style-trailing-whitespace');
    const overrides = run.invocations![0].ruleConfigurationOverrides.map((o) => [o.descriptor.id, run.tool.driver.rules[o.descriptor.index].id, o.configuration]);
    assert.deepEqual(
      overrides.sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      [
        ['exec-directive', 'exec-directive', { enabled: true, level: 'error' }],
        ['style-control-character', 'style-control-character', { enabled: true, level: 'note' }],
        ['style-final-newline', 'style-final-newline', { enabled: false }],
        ['style-invalid-utf8', 'style-invalid-utf8', { enabled: true, level: 'note' }],
        ['style-mixed-line-endings', 'style-mixed-line-endings', { enabled: true, level: 'note' }],
        ['style-trailing-whitespace', 'style-trailing-whitespace', { enabled: true, level: 'note' }],
      ],
    );
    assert.equal(run.invocations![0].executionSuccessful, true);
  });

  it('never shows a secret', () => {
    for (const format of ['sarif', 'json', 'text']) {
      const out = check(['--pbx', 'pbx', '--format', format], dir).out;
      assert.ok(!out.includes('Zq7-Unguessable-A1'), format);
      assert.ok(!/secret\s*=|password\s*=/i.test(out), format);
    }
    const examples = check(['--pbx', 'examples', '--format', 'sarif'], ROOT).out;
    for (const s of ['friend-password', 'Br4nch-0ffice-2024', 'secret=', 'password=']) assert.ok(!examples.includes(s), s);
  });
});

describe('SARIF fingerprints', () => {
  let dir: string;
  const dialplan = '[from-phones]\nexten => 100,1,Goto(nowhere,s,1)\nfoo = bar\nfoo = bar\nexten => 200,1,Goto(elsewhere,s,1)\n';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-fp-'));
    fs.writeFileSync(path.join(dir, 'extensions.conf'), dialplan);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const prints = (): { key: string; line: number; print: string }[] =>
    sarif(['--pbx', '.'], dir).results.map((r) => ({ key: `${r.ruleId} ${r.message.text}`, line: r.locations[0].physicalLocation.region.startLine, print: r.partialFingerprints['pbxInterconnectFinding/v1'] }));

  it('keeps each fingerprint when lines are inserted above, while the lines move', () => {
    const first = prints();
    assert.ok(first.length >= 4);
    fs.writeFileSync(path.join(dir, 'extensions.conf'), '; a comment\n; another\n\n' + dialplan);
    const second = prints();
    assert.deepEqual(
      second.map((p) => p.line),
      first.map((p) => p.line + 3),
    );
    assert.deepEqual(
      second.map((p) => p.print),
      first.map((p) => p.print),
    );
  });

  it('tells apart two findings with one message, and two messages', () => {
    const all = prints();
    assert.equal(new Set(all.map((p) => p.print)).size, all.length, 'every fingerprint differs');
    const twice = all.filter((p) => p.key.startsWith('dialplan-unknown-directive'));
    assert.equal(twice.length, 2);
    assert.deepEqual(
      twice.map((p) => p.print.split(':')[1]),
      ['1', '2'],
    );
    assert.equal(twice[0].print.split(':')[0], twice[1].print.split(':')[0]);
    const gotos = all.filter((p) => p.key.startsWith('dialplan-goto-target-missing'));
    assert.equal(gotos.length, 2);
    assert.notEqual(gotos[0].print.split(':')[0], gotos[1].print.split(':')[0]);
    for (const p of all) assert.match(p.print, /^[0-9a-f]{32}:\d+$/);
  });
});
