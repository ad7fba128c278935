// `pbx-interconnect check --enable` and `--severity`: the style checks stay off until asked for, then report with
// positions and the exit status the chosen severities give; a file that is not UTF-8 is refused unless
// style-invalid-utf8 is enabled. The cases that a CI job meets run the real bin.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { bin, cli } from '../cliRun';
import { ROOT } from '../paths';

interface JsonFinding {
  code: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** `file:line:column-endLine:endColumn severity code` of each finding whose code starts as given. */
function located(out: string, prefix = 'style-'): string[] {
  return (JSON.parse(out) as { findings: JsonFinding[] }).findings
    .filter((f) => f.code.startsWith(prefix))
    .map((f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.code}`);
}

describe('pbx-interconnect check: codes off by default', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-cli-style-'));
    fs.mkdirSync(path.join(dir, 'pbx'));
    // a sip.conf saved on Windows, one line pasted from elsewhere, no final line break
    fs.writeFileSync(path.join(dir, 'pbx', 'sip.conf'), '[general]\r\ncontext=public \r\nallowguest=no\n#exec /usr/bin/peers\r\nbindport=5060');
    // a voicemail.conf written in Latin-1: "Léa"
    fs.writeFileSync(path.join(dir, 'pbx', 'voicemail.conf'), Buffer.concat([Buffer.from('[default]\n100 => 1234,L'), Buffer.from([0xe9]), Buffer.from('a\n')]));
    fs.writeFileSync(path.join(dir, 'binary.conf'), Buffer.from('[general]\n\u0000\u0001\n'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports none of them by default, nor for the example dialplan, whose last line has trailing blanks', () => {
    const r = cli(['check', '--pbx', 'examples/dialplan-traps', '--format', 'json'], ROOT);
    assert.deepEqual(located(r.out), []);
    const on = cli(['check', '--pbx', 'examples/dialplan-traps', '--format', 'json', '--enable', 'style'], ROOT);
    assert.deepEqual(located(on.out), ['examples/dialplan-traps/extensions.conf:181:20-181:23 hint style-trailing-whitespace']);
    // the other findings are the same, and so is the exit status (the traps have errors)
    assert.deepEqual(
      located(on.out, '').filter((f) => !f.includes(' style-')),
      located(r.out, ''),
    );
    assert.equal(on.code, r.code);
  });

  it('refuses a file that is not UTF-8, unless style-invalid-utf8 is enabled: then its bytes are a hint (the real bin)', () => {
    const refused = bin(['check', 'pbx/voicemail.conf'], dir);
    assert.equal(refused.status, 2);
    assert.equal(refused.stdout, '');
    assert.match(refused.stderr, /^pbx-interconnect: pbx\/voicemail\.conf is not UTF-8 text \(line 2, byte 0xE9\); nothing was checked\. Convert it first, e\.g\. iconv -f latin1 -t utf-8 \(or report its bytes: --enable style-invalid-utf8\)\n$/);
    const read = bin(['check', 'pbx/voicemail.conf', '--enable', 'style-invalid-utf8', '--format', 'json'], dir);
    assert.equal(read.status, 0, read.stderr);
    assert.deepEqual(located(read.stdout), ['pbx/voicemail.conf:2:14-2:15 hint style-invalid-utf8']);
    // as an error, it fails the job
    const gate = bin(['check', 'pbx/voicemail.conf', '--severity', 'style-invalid-utf8=error'], dir);
    assert.equal(gate.status, 1, gate.stderr);
    assert.match(gate.stdout, /^pbx\/voicemail\.conf:2:14: error \[style-invalid-utf8\] Bytes that are not UTF-8/m);
  });

  it('still refuses a file with NUL bytes, whatever is enabled', () => {
    const r = cli(['check', 'binary.conf', '--enable', 'style'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /binary\.conf is not a text file: it holds NUL bytes/);
  });

  it('enables a family, a prefix or a code; the most specific choice wins; --severity sets the level, off hides any code', () => {
    const all = cli(['check', '--pbx', 'pbx', '--format', 'json', '--enable', 'style'], dir);
    assert.equal(all.code, 0, all.err);
    assert.deepEqual(located(all.out), [
      'pbx/sip.conf:2:15-2:16 hint style-trailing-whitespace',
      'pbx/sip.conf:3:14-4:1 hint style-mixed-line-endings',
      'pbx/sip.conf:5:14-5:14 hint style-final-newline',
      'pbx/voicemail.conf:2:14-2:15 hint style-invalid-utf8',
    ]);
    const chosen = cli(['check', '--pbx=pbx', '--format=json', '--enable=style-*', '--severity', 'style-final-newline=off', '--severity=style-trailing-whitespace=warning', '--severity', 'exec-directive=off'], dir);
    assert.deepEqual(located(chosen.out, ''), [
      'pbx/sip.conf:2:15-2:16 warning style-trailing-whitespace',
      'pbx/sip.conf:3:14-4:1 hint style-mixed-line-endings',
      'pbx/voicemail.conf:2:14-2:15 hint style-invalid-utf8',
    ]);
    // (a FILE alone: voicemail.conf, not UTF-8, would be refused without style-invalid-utf8)
    const one = cli(['check', 'pbx/sip.conf', '--format', 'json', '--enable', 'style-final-newline', '--severity', 'style=off'], dir);
    assert.deepEqual(located(one.out), ['pbx/sip.conf:5:14-5:14 hint style-final-newline']);
    const error = cli(['check', 'pbx/sip.conf', '--severity', 'style-trailing-whitespace=error'], dir);
    assert.equal(error.code, 1);
    assert.match(error.out, /^pbx\/sip\.conf:2:15: error \[style-trailing-whitespace\] Trailing whitespace/m);
  });

  it('answers a code that names nothing, or a level that is none, with a usage error', () => {
    for (const [args, message] of [
      [['--enable', 'stlye'], /no finding code is or starts with 'stlye'/],
      [['--enable', 'style-x*'], /no finding code is or starts with 'style-x\*'/],
      [['--severity', 'style=loud'], /--severity wants CODE=LEVEL, LEVEL one of error, warning, information, hint, off, on, not 'style=loud'/],
      [['--severity', 'style'], /--severity wants CODE=LEVEL/],
      [['--enable'], /--enable needs a value/],
    ] as [string[], RegExp][]) {
      const r = cli(['check', '--pbx', 'pbx', ...args], dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, message);
      assert.match(r.err, /\n\nUsage: pbx-interconnect check /);
    }
  });

  it('documents --enable and --severity in help check', () => {
    const help = cli(['help', 'check'], ROOT).out;
    assert.match(help, /--enable CODE\n/);
    assert.match(help, /--severity CODE=LEVEL\n/);
    assert.match(help, /style-trailing-whitespace, style-mixed-line-endings, style-final-newline,\s+style-control-character and style-invalid-utf8/);
  });
});
