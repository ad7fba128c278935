// The documentation tables for dialplan applications and functions: coverage, unique names, official links,
// syntax strings that agree with the parameter lists, and texts that render safely as Markdown.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { CallableDoc } from '../../server/src/docs/applications';
import { APPLICATIONS, applicationDoc } from '../../server/src/docs/applications';
import { FUNCTIONS, functionDoc } from '../../server/src/docs/functions';

type Documented = CallableDoc;

const APP_BASE = 'https://docs.asterisk.org/Asterisk_20_Documentation/API_Documentation/Dialplan_Applications/';
const FUNC_BASE = 'https://docs.asterisk.org/Asterisk_20_Documentation/API_Documentation/Dialplan_Functions/';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Compares the parameter names written in `syntax` with `params`. Each parameter name must appear as a whole
 * word, after the previous one; once they are all blanked out, the syntax may only hold punctuation, numbered
 * repeats (`filename2`, `arg1`, `argN`) and `...`. Returns a description of the first mismatch, or undefined.
 */
export function syntaxMismatch(syntax: string, params: readonly { name: string }[]): string | undefined {
  const open = syntax.indexOf('(');
  const close = syntax.lastIndexOf(')');
  if (open < 0 || close < open) return `no parenthesised argument list in ${syntax}`;
  let inner = syntax.slice(open + 1, close);
  let from = 0;
  for (const p of params) {
    const re = new RegExp(`(?<![\\w-])${escapeRegExp(p.name)}(?![\\w-])`, 'g');
    re.lastIndex = from;
    const m = re.exec(inner);
    if (!m) return `parameter '${p.name}' is not in the syntax after position ${from}`;
    inner = inner.slice(0, m.index) + ' '.repeat(m[0].length) + inner.slice(m.index + m[0].length);
    from = m.index + m[0].length;
  }
  const extra = inner
    .split(/[^\w-]+/)
    .filter((w) => w !== '' && !/\d$/.test(w) && !/^[a-z]+N$/.test(w));
  return extra.length > 0 ? `syntax words without a parameter: ${extra.join(', ')}` : undefined;
}

/** Text outside backtick code spans. */
const prose = (text: string): string => text.replace(/`[^`]*`/g, '');

function checkEntries(kind: string, entries: readonly Documented[], base: string): void {
  it(`${kind}: names are unique, case-insensitively`, () => {
    const seen = new Set<string>();
    for (const e of entries) {
      const key = e.name.toLowerCase();
      assert.ok(!seen.has(key), `duplicate ${kind} ${e.name}`);
      seen.add(key);
    }
  });

  it(`${kind}: every url is the official Asterisk 20 page of the entry`, () => {
    for (const e of entries) {
      assert.ok(e.url.startsWith('https://docs.asterisk.org/'), e.url);
      assert.ok(e.url.endsWith(`/${e.name}/`), e.url);
      assert.equal(e.url, `${base}${e.name}/`);
    }
  });

  it(`${kind}: every syntax starts with the name and an opening parenthesis`, () => {
    for (const e of entries) assert.ok(e.syntax.startsWith(`${e.name}(`), `${e.name}: ${e.syntax}`);
  });

  it(`${kind}: the parameter names in the syntax match params, in order`, () => {
    for (const e of entries) assert.equal(syntaxMismatch(e.syntax, e.params), undefined, `${e.name}: ${e.syntax}`);
  });

  it(`${kind}: the first occurrence of each parameter name in the syntax is that parameter`, () => {
    // Signature help locates a parameter label with a plain indexOf, so no earlier text may contain the name.
    for (const e of entries) {
      for (const p of e.params) {
        const at = e.syntax.indexOf(p.name);
        assert.ok(at > e.name.length, `${e.name}: '${p.name}' first found inside the name`);
        assert.doesNotMatch(e.syntax[at - 1], /[\w-]/, `${e.name}: '${p.name}' first found inside another word`);
        assert.doesNotMatch(e.syntax[at + p.name.length] ?? '', /[\w-]/, `${e.name}: '${p.name}' first found inside another word`);
      }
    }
  });

  it(`${kind}: summaries are one sentence ending with a period, under 200 characters`, () => {
    for (const e of entries) {
      assert.ok(e.summary.endsWith('.'), `${e.name}: ${e.summary}`);
      assert.ok(e.summary.length < 200, `${e.name}: summary too long`);
      assert.doesNotMatch(prose(e.summary), /[.!?]\s+\S/, `${e.name}: more than one sentence`);
    }
  });

  it(`${kind}: every text is filled in, with no placeholders and no raw angle brackets outside code`, () => {
    for (const e of entries) {
      assert.ok(e.module.length > 0, `${e.name}: module`);
      assert.ok(e.description.length > 0, `${e.name}: description`);
      const texts = [e.summary, e.description];
      const names = new Set<string>();
      for (const p of e.params) {
        assert.ok(p.doc.trim().length > 0, `${e.name}: parameter ${p.name} has no doc`);
        assert.ok(!names.has(p.name), `${e.name}: parameter ${p.name} twice`);
        names.add(p.name);
        texts.push(p.doc);
        const letters = new Set<string>();
        for (const opt of p.options ?? []) {
          assert.ok(opt.doc.trim().length > 0, `${e.name}: option ${opt.name} has no doc`);
          assert.ok(!letters.has(opt.name), `${e.name}: option ${opt.name} twice`);
          letters.add(opt.name);
          if (opt.args !== undefined) assert.match(opt.args, /^\[?\(.*\)\]?$/, `${e.name}: option ${opt.name} args`);
          texts.push(opt.doc);
        }
      }
      for (const t of texts) {
        assert.doesNotMatch(t, /\b(TODO|TBD|FIXME|XXX)\b/, `${e.name}: placeholder in "${t}"`);
        assert.doesNotMatch(prose(t), /[<>]/, `${e.name}: raw angle bracket in "${t}"`);
        assert.equal((t.match(/`/g) ?? []).length % 2, 0, `${e.name}: unbalanced backticks in "${t}"`);
      }
    }
  });
}

describe('dialplan application docs', () => {
  it('cover at least 65 applications, including the ones PBX and trunk configs use most', () => {
    assert.ok(APPLICATIONS.length >= 65, `only ${APPLICATIONS.length}`);
    const required = [
      'Answer', 'Hangup', 'Dial', 'Goto', 'GotoIf', 'GotoIfTime', 'ExecIf', 'ExecIfTime', 'Gosub', 'GosubIf', 'Return',
      'StackPop', 'Macro', 'MacroExit', 'MacroIf', 'Set', 'MSet', 'NoOp', 'Verbose', 'Log', 'Wait', 'WaitExten',
      'WaitForSilence', 'Playback', 'BackGround', 'Read', 'ReadExten', 'SayDigits', 'SayNumber', 'SayAlpha',
      'SayUnixTime', 'Record', 'MixMonitor', 'StopMixMonitor', 'Monitor', 'VoiceMail', 'VoiceMailMain', 'Queue',
      'AddQueueMember', 'RemoveQueueMember', 'PauseQueueMember', 'UnpauseQueueMember', 'ConfBridge', 'MeetMe', 'Page',
      'Echo', 'Milliwatt', 'MusicOnHold', 'StartMusicOnHold', 'StopMusicOnHold', 'Park', 'ParkedCall', 'Transfer',
      'Busy', 'Congestion', 'Progress', 'Ringing', 'PlayTones', 'StopPlayTones', 'AGI', 'EAGI', 'System', 'TrySystem',
      'ChanSpy', 'ExtenSpy', 'Directory', 'Authenticate', 'VMAuthenticate', 'DISA', 'SendDTMF', 'SendText',
      'SIPAddHeader', 'Originate', 'Bridge', 'BridgeWait', 'Pickup', 'PickupChan', 'ChannelRedirect', 'ForkCDR',
      'ResetCDR', 'NoCDR', 'DumpChan', 'Exec', 'ImportVar', 'While', 'EndWhile', 'ExitWhile', 'ContinueWhile', 'Stasis',
      'SoftHangup',
    ];
    for (const name of required) assert.ok(applicationDoc(name), `missing ${name}`);
  });

  it('has no entry for applications that do not exist', () => {
    for (const name of ['PJSIPAddHeader', 'Background2', 'StopPlaytone']) assert.equal(applicationDoc(name), undefined);
  });

  it('finds applications case-insensitively', () => {
    assert.equal(applicationDoc('dial')?.name, 'Dial');
    assert.equal(applicationDoc('DIAL')?.name, 'Dial');
    assert.equal(applicationDoc('Background')?.name, 'BackGround');
    assert.equal(applicationDoc('gotoiftime')?.name, 'GotoIfTime');
    assert.equal(applicationDoc('voicemail')?.name, 'VoiceMail');
  });

  it('documents the Dial option letters of Asterisk 20', () => {
    const options = applicationDoc('Dial')?.params.find((p) => p.name === 'options')?.options ?? [];
    const letters = new Set(options.map((o) => o.name));
    for (const letter of 'A b B C d D e f F g G h H i I k K L m M n N o p P r R S t T U u w W x X z'.split(' ')) {
      assert.ok(letters.has(letter), `Dial option ${letter} missing`);
    }
    assert.equal(options.find((o) => o.name === 'L')?.args, '(x[:y][:z])');
    assert.equal(options.find((o) => o.name === 'U')?.args, '(x[^arg[^...]])');
  });

  it('describes each application in two to five sentences', () => {
    const sentences = (text: string): number => text.replace(/`[^`]*`/g, 'Code').split(/(?<=[.!?])\s+(?=[A-Z])/).length;
    for (const a of APPLICATIONS) {
      const n = sentences(a.description);
      assert.ok(n >= 2 && n <= 5, `${a.name}: ${n} sentences`);
    }
  });

  it('gives the option letters of the applications that take them', () => {
    for (const name of ['Dial', 'Queue', 'MeetMe', 'VoiceMail', 'Playback', 'BackGround', 'Read', 'MixMonitor', 'Page', 'ChanSpy']) {
      const options = applicationDoc(name)?.params.find((p) => p.options)?.options ?? [];
      assert.ok(options.length > 0, `${name} has no options`);
    }
  });

  checkEntries('application', APPLICATIONS, APP_BASE);
});

describe('dialplan function docs', () => {
  it('cover at least 45 functions, including the common ones', () => {
    assert.ok(FUNCTIONS.length >= 45, `only ${FUNCTIONS.length}`);
    const required = [
      'CALLERID', 'CONNECTEDLINE', 'REDIRECTING', 'CHANNEL', 'CDR', 'DB', 'DB_EXISTS', 'DB_DELETE', 'GLOBAL', 'SHARED',
      'LEN', 'CUT', 'FIELDQTY', 'FILTER', 'REGEX', 'REPLACE', 'STRREPLACE', 'IF', 'IFTIME', 'ISNULL', 'EXISTS', 'MATH',
      'RAND', 'STRFTIME', 'STRPTIME', 'TIMEOUT', 'DIALPLAN_EXISTS', 'VALID_EXTEN', 'HASH', 'HASHKEYS', 'ARRAY',
      'PJSIP_HEADER', 'PJSIP_ENDPOINT', 'PJSIP_CONTACT', 'PJSIP_AOR', 'PJSIP_DIAL_CONTACTS', 'PJSIP_MEDIA_OFFER',
      'SIP_HEADER', 'SIPPEER', 'CHANNELS', 'DEVICE_STATE', 'EXTENSION_STATE', 'HINT', 'GROUP', 'GROUP_COUNT',
      'QUEUE_MEMBER', 'QUEUE_MEMBER_COUNT', 'VM_INFO', 'VOLUME', 'TALK_DETECT', 'JITTERBUFFER', 'LOCAL', 'LOCAL_PEEK',
      'SPRINTF', 'TOUPPER', 'TOLOWER', 'URIENCODE', 'URIDECODE', 'BASE64_ENCODE', 'BASE64_DECODE', 'ENV', 'STAT',
      'FILE', 'SHELL', 'CURL', 'PUSH', 'POP', 'SHIFT', 'UNSHIFT', 'SORT', 'LISTFILTER', 'DEC', 'INC', 'MIN', 'MAX', 'ABS',
    ];
    for (const name of required) assert.ok(functionDoc(name), `missing ${name}`);
  });

  it('has no entry for names that are variables or removed functions', () => {
    for (const name of ['EPOCH', 'MAILBOX_EXISTS', 'UNIQUEID']) assert.equal(functionDoc(name), undefined);
  });

  it('finds functions case-insensitively', () => {
    assert.equal(functionDoc('callerid')?.name, 'CALLERID');
    assert.equal(functionDoc('Pjsip_Header')?.name, 'PJSIP_HEADER');
  });

  it('warns that SHELL runs a shell command', () => {
    assert.match(functionDoc('SHELL')?.summary ?? '', /shell command/);
  });

  checkEntries('function', FUNCTIONS, FUNC_BASE);
});

describe('syntaxMismatch', () => {
  it('accepts parameters in order with numbered repeats', () => {
    assert.equal(syntaxMismatch('Dial(Technology/Resource[&Technology2/Resource2...][,timeout])', [{ name: 'Technology/Resource' }, { name: 'timeout' }]), undefined);
    assert.equal(syntaxMismatch('DB(family/key)', [{ name: 'family' }, { name: 'key' }]), undefined);
  });

  it('rejects parameters out of order, missing from the syntax, or missing from params', () => {
    assert.match(syntaxMismatch('X(a,b)', [{ name: 'b' }, { name: 'a' }]) ?? '', /'a'/);
    assert.match(syntaxMismatch('X(a)', [{ name: 'a' }, { name: 'b' }]) ?? '', /'b'/);
    assert.match(syntaxMismatch('X(a[,b])', [{ name: 'a' }]) ?? '', /without a parameter: b/);
    assert.match(syntaxMismatch('X(vm-context)', [{ name: 'context' }]) ?? '', /'context'/);
  });
});
