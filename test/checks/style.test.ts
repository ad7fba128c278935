// The style checks (issue 14): off by default, turned on by a severity (pbx.diagnostics.severity, the CLI's
// --enable and --severity), on real-looking lines of every kind of config file: the exact range of each finding,
// and the text its quick fix leaves.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CATALOG } from '../../server/src/analysis/checks/catalog';
import { TEXT_CHECKS } from '../../server/src/analysis/checks/index';
import type { Finding } from '../../server/src/analysis/findings';
import { fileFindings } from '../../server/src/analysis/findings';
import { isEnabled, resolveSeverities, severitiesFromSetting } from '../../server/src/analysis/severities';
import { applyFix, lineOf, pbx } from './harness';

const STYLE = ['style-trailing-whitespace', 'style-mixed-line-endings', 'style-final-newline', 'style-control-character', 'style-invalid-utf8'];

/** The findings of one file of a PBX, with the setting pbx.diagnostics.severity as given. */
function check(text: string, setting: Record<string, string> = { style: 'on' }, file = 'extensions.conf', others: Record<string, string> = {}): Finding[] {
  const ws = pbx({ [file]: text, ...others });
  ws.configure({ severity: severitiesFromSetting(setting) });
  return fileFindings(ws, `/pbx/${file}`);
}

/** `code@line:'text'` of each style finding: what its range covers, in JSON (control characters visible). */
const shown = (text: string, found: Finding[]): string[] => found.filter((f) => f.code.startsWith('style-')).map((f) => `${f.code}@${lineOf(text, f.start)}:${JSON.stringify(text.slice(f.start, f.end))}`);

/** A sip.conf with one of each: trailing blanks, a CRLF line, a backspace in a secret, a Latin-1 byte, no final line break. */
const SIP = ['[general]  ', 'context=public', 'allowguest=no\r', '', '[office](!)\t', 'type=friend', 'secret=s3cr\bet', 'callerid="Jos\uFFFD" <100>', 'host=dynamic'].join('\n');

describe('style checks: off by default', () => {
  it('are listed off by default, at hint, and only they', () => {
    assert.deepEqual(
      CATALOG.filter((c) => !c.enabled).map((c) => [c.code, c.severity]),
      STYLE.map((c) => [c, 'hint']),
    );
    assert.deepEqual(
      TEXT_CHECKS.map((c) => c.code),
      STYLE,
    );
  });

  it('find nothing until enabled, and nothing once turned off again', () => {
    assert.deepEqual(shown(SIP, check(SIP, {}, 'sip.conf')), []);
    assert.deepEqual(shown(SIP, check(SIP, { style: 'hint', 'style-trailing-whitespace': 'off', 'style-invalid-utf8': 'off' }, 'sip.conf')), [
      `style-mixed-line-endings@3:"\\r"`,
      `style-control-character@7:"\\b"`,
      `style-final-newline@9:""`,
    ]);
  });

  it('find each trap of a sip.conf once enabled, at hint, with the exact range', () => {
    const found = check(SIP, { style: 'on' }, 'sip.conf');
    assert.deepEqual(shown(SIP, found), [
      `style-trailing-whitespace@1:"  "`,
      `style-mixed-line-endings@3:"\\r"`,
      `style-trailing-whitespace@5:"\\t"`,
      `style-control-character@7:"\\b"`,
      `style-invalid-utf8@8:"�"`,
      `style-final-newline@9:""`,
    ]);
    assert.ok(found.filter((f) => f.code.startsWith('style-')).every((f) => f.severity === 'hint'));
    assert.equal(found.find((f) => f.code === 'style-final-newline')!.start, SIP.length);
  });

  it('apply to every config file: a dialplan, pjsip.conf, voicemail.conf, a file nobody includes', () => {
    for (const file of ['extensions.conf', 'pjsip.conf', 'voicemail.conf', 'notes.conf']) {
      const text = '[default]\nexten => 100,1,NoOp() \n';
      assert.deepEqual(shown(text, check(text, { 'style-trailing-whitespace': 'warning' }, file)), [`style-trailing-whitespace@2:" "`], file);
    }
  });
});

describe('style-trailing-whitespace', () => {
  it('takes the blanks before LF, before CRLF and at the end of the file; the fix removes them', () => {
    const text = '[from-internal] \nexten => 100,1,Dial(PJSIP/100,20)\t \r\n same => n,Hangup()\n \t\n;  comment  ';
    const found = check(text, { 'style-trailing-whitespace': 'hint' }).filter((f) => f.code === 'style-trailing-whitespace');
    assert.deepEqual(shown(text, found), [
      `style-trailing-whitespace@1:" "`,
      `style-trailing-whitespace@2:"\\t "`,
      `style-trailing-whitespace@4:" \\t"`,
      `style-trailing-whitespace@5:"  "`,
    ]);
    assert.equal(found[0].fixes?.[0].title, 'Remove trailing whitespace');
    const fixed = found.reduceRight((t, f) => applyFix(t, f), text);
    assert.equal(fixed, '[from-internal]\nexten => 100,1,Dial(PJSIP/100,20)\r\n same => n,Hangup()\n\n;  comment');
  });

  it('leaves blanks inside a line and a file all CRLF alone', () => {
    const text = '[general]\r\nbindport = 5060\r\ncontext = public\r\n';
    assert.deepEqual(shown(text, check(text, { style: 'on' }, 'sip.conf')), []);
  });
});

describe('style-mixed-line-endings', () => {
  it('a CRLF line in a file of LF lines: the CR itself; the fixes convert it, or every CRLF of the file', () => {
    const text = '[from-internal]\nexten => 100,1,Answer()\r\n same => n,Playback(hello)\n same => n,Hangup()\r\n';
    const found = check(text, { 'style-mixed-line-endings': 'hint' });
    assert.deepEqual(shown(text, found), [`style-mixed-line-endings@2:"\\r"`, `style-mixed-line-endings@4:"\\r"`]);
    assert.match(found[0].message, /^This line ends in CRLF, as 2 of the file's 4 line breaks; the others are LF/);
    assert.deepEqual(
      found[0].fixes!.map((x) => x.title),
      ['Convert this line break to LF', 'Convert all 2 CRLF line breaks of the file to LF'],
    );
    assert.equal(applyFix(text, found[0]), text.replace('Answer()\r\n', 'Answer()\n'));
    const all = { ...found[0], fixes: [found[0].fixes![1]] };
    assert.equal(applyFix(text, all), text.replace(/\r\n/g, '\n'));
  });

  it('an LF line in a file of CRLF lines: the LF itself; the fix puts a CR before it', () => {
    const text = '[general]\r\nudpbindaddr=0.0.0.0\r\ncontext=public\nallowguest=no\r\n';
    const found = check(text, { 'style-mixed-line-endings': 'hint' }, 'sip.conf');
    assert.deepEqual(shown(text, found), [`style-mixed-line-endings@3:"\\n"`]);
    assert.equal(applyFix(text, found[0]), text.replace('public\n', 'public\r\n'));
  });

  it('a file all LF or all CRLF, or without a line break, is fine', () => {
    for (const text of ['[general]\nstatic=yes\n', '[general]\r\nstatic=yes\r\n', '[general]']) assert.deepEqual(shown(text, check(text, { 'style-mixed-line-endings': 'hint' })), []);
  });
});

describe('style-final-newline', () => {
  it('the end of the file; the fix adds the line break the file uses', () => {
    const lf = '[default]\nexten => s,1,Hangup()';
    const [f] = check(lf, { 'style-final-newline': 'hint' });
    assert.deepEqual([f.code, f.start, f.end], ['style-final-newline', lf.length, lf.length]);
    assert.equal(applyFix(lf, f), `${lf}\n`);
    const crlf = '[general]\r\nbindport=5060';
    assert.equal(applyFix(crlf, check(crlf, { 'style-final-newline': 'hint' }, 'sip.conf')[0]), `${crlf}\r\n`);
  });

  it('an empty file, or one ending in a line break, is fine', () => {
    for (const text of ['', '[default]\n', '[default]\r\n']) assert.deepEqual(shown(text, check(text, { 'style-final-newline': 'hint' })), []);
  });
});

describe('style-control-character', () => {
  it('each control character itself, named; the fix removes it', () => {
    const text = '[office]\nsecret=s3cr\bet\ncallerid=Reception\u001b[0m\nhost=dynamic\u007f\ncontext=from-\u0000users\n';
    const found = check(text, { 'style-control-character': 'hint' }, 'sip.conf').filter((f) => f.code === 'style-control-character');
    assert.deepEqual(shown(text, found), [
      `style-control-character@2:"\\b"`,
      `style-control-character@3:"\\u001b"`,
      `style-control-character@4:"\u007f"`,
      `style-control-character@5:"\\u0000"`,
    ]);
    assert.match(found[0].message, /^Control character U\+0008 \(BS\): invisible in most editors; Asterisk drops it at the ends of a name or value/);
    assert.match(found[2].message, /U\+007F \(DEL\)/);
    assert.match(found[3].message, /C strings end at a NUL: the rest of the line is lost/);
    assert.equal(found[0].fixes![0].title, 'Remove the control character U+0008 (BS)');
    assert.equal(found.reduceRight((t, f) => applyFix(t, f), text), '[office]\nsecret=s3cret\ncallerid=Reception[0m\nhost=dynamic\ncontext=from-users\n');
  });

  it('a CR that is not before an LF, without a fix (it may have meant a line break); tabs and CRLF are fine', () => {
    const text = '[default]\r\nexten => 1,1,NoOp(a\tb)\rexten => 2,1,NoOp()\r\n';
    const found = check(text, { 'style-control-character': 'hint' });
    assert.deepEqual(shown(text, found), [`style-control-character@2:"\\r"`]);
    assert.match(found[0].message, /^A carriage return U\+000D \(CR\) not before a line feed: .* Asterisk splits lines at LF only/);
    assert.equal(found[0].fixes, undefined);
  });
});

describe('style-invalid-utf8', () => {
  it('each run of U+FFFD (one per bad byte sequence), without a fix', () => {
    const text = '[globals]\nCOMPANY=Caf\uFFFD\nGREETING=\uFFFD\uFFFDbienvenue\uFFFD\n';
    const found = check(text, { 'style-invalid-utf8': 'hint' });
    assert.deepEqual(shown(text, found), [`style-invalid-utf8@2:"�"`, `style-invalid-utf8@3:"��"`, `style-invalid-utf8@3:"�"`]);
    assert.match(found[0].message, /^Bytes that are not UTF-8 \(shown as U\+FFFD\): Asterisk passes on the raw bytes/);
    assert.equal(found[0].fixes, undefined);
  });
});

describe('style checks: cost and settings', () => {
  it('report a finding on each of 300,000 lines without failing (no spread of a huge list)', () => {
    const text = `[default]\n${'100 => 1234,Reception,reception@example.com \n'.repeat(300000)}`;
    const found = check(text, { 'style-trailing-whitespace': 'hint' }, 'voicemail.conf');
    assert.equal(found.filter((f) => f.code === 'style-trailing-whitespace').length, 300000);
    assert.ok(!found.some((f) => f.code === 'internal-error'));
  });

  it('read codes, prefixes and families, the most specific winning; on is the default severity', () => {
    const { overrides, unknown } = resolveSeverities([
      ['style-final-newline', 'off'],
      ['style', 'warning'],
      ['style-c*', 'error'],
      ['style-invalid-utf8', 'on'],
      ['exec-directive', 'information'],
      ['nothing-like-this', 'hint'],
    ]);
    assert.deepEqual(overrides, {
      'style-final-newline': 'off',
      'style-trailing-whitespace': 'warning',
      'style-mixed-line-endings': 'warning',
      'style-control-character': 'error',
      'style-invalid-utf8': 'hint',
      'exec-directive': 'information',
    });
    assert.deepEqual(unknown, ['nothing-like-this']);
    assert.equal(isEnabled('style-final-newline', overrides), false);
    assert.equal(isEnabled('style-invalid-utf8', overrides), true);
    assert.equal(isEnabled('style-invalid-utf8', {}), false);
    assert.equal(isEnabled('exec-directive', {}), true);
  });

  it('ignore what the setting holds that is no choice', () => {
    assert.deepEqual(severitiesFromSetting({ 'style-final-newline': 'loud', 'style-trailing-whitespace': 3, 'exec-directive': 'off' }), { 'exec-directive': 'off' });
    for (const bad of [null, 'style', ['style'], 42]) assert.deepEqual(severitiesFromSetting(bad), {});
  });
});
