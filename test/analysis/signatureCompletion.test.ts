// Signature help and completion inside `App(...)`, on lines as an administrator types them (`|` is the cursor, the
// text after it the rest of the line): the parameter follows the arguments as Asterisk splits them, the option
// argument lists its options with the one under the cursor first, option letters are offered for every application
// with options, and applications and functions for the Asterisk version of the dialplan.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Suggestion } from '../../server/src/analysis/completion/complete';
import { complete } from '../../server/src/analysis/completion/complete';
import { signature } from '../../server/src/analysis/completion/signature';
import { APPLICATIONS } from '../../server/src/docs/applications';
import { OPTION_TABLES } from '../../server/src/docs/applicationOptions';
import { pbx } from '../checks/harness';

/** The signature at `|`: the name of the active parameter as the call form writes it, and its documentation. */
function active(line: string): { name: string; doc: string } {
  const at = line.indexOf('|');
  const sig = signature(line.slice(0, at), line.slice(at + 1));
  assert.ok(sig, `no signature for ${line}`);
  const p = sig.parameters[sig.active];
  return { name: p ? sig.label.slice(p.label[0], p.label[1]) : '(none)', doc: p?.documentation ?? '' };
}

/** The suggestions at `|` of a dialplan line, in a PBX of its own (with the Asterisk version given). */
function suggest(line: string, version?: number): Suggestion[] {
  const at = line.indexOf('|');
  const text = `[from-users]\n${line.replace('|', '')}\n`;
  const ws = pbx({ 'extensions.conf': text });
  if (version !== undefined) ws.configure({ asteriskVersion: version });
  const section = ws.document('/pbx/extensions.conf')!.sections[0];
  return complete(ws, '/pbx/extensions.conf', line.slice(0, at), section, { start: 13, end: text.length }, line.slice(at + 1));
}
const labels = (s: Suggestion[]): string[] => s.map((x) => x.label);

describe('signature help: the active parameter', () => {
  it('follows the comma-separated arguments, commas inside an option value or ${...} included', () => {
    assert.equal(active('exten => 100,1,Dial(PJSIP/alice|').name, 'Technology/Resource');
    assert.equal(active('exten => 100,1,Dial(PJSIP/alice,|').name, 'timeout');
    assert.equal(active('exten => 100,1,Dial(PJSIP/alice,20,tU(sub-answer,x|),https://example.com').name, 'options');
    assert.equal(active('exten => 100,1,Dial(${CUT(DEVICES,&,1)},20,t|').name, 'options');
    assert.equal(active('exten => 100,1,Dial(PJSIP/alice,20,t,|').name, 'URL');
  });

  it('options that are not the third argument: VoiceMail, Queue, Read, VoiceMailMain with an empty mailbox', () => {
    assert.equal(active(' same => n,VoiceMail(100@default,u|)').name, 'options');
    assert.equal(active(' same => n,Queue(support,t|)').name, 'options');
    assert.equal(active(' same => n,Read(PIN,enter-pin,4,s|,3,5)').name, 'options');
    // `@` separates mailbox and context inside the first argument; the comma starts the options
    assert.equal(active(' same => n,VoiceMailMain(100@def|ault,s)').name, 'context');
    assert.equal(active(' same => n,VoiceMailMain(,s|)').name, 'options');
  });

  it('counts from the right when the leading arguments are optional and left out: Goto(s,1), Verbose(text)', () => {
    assert.equal(active(' same => n,Goto(s|,1)').name, 'extension');
    assert.equal(active(' same => n,Goto(s,1|)').name, 'priority');
    assert.equal(active(' same => n,Goto(internal|,s,1)').name, 'context');
    assert.equal(active(' same => n,Goto(5|)').name, 'priority');
    assert.equal(active(' same => n,Verbose(Call from ${CALLERID(num)}|)').name, 'message');
    assert.equal(active(' same => n,Verbose(3|,Call)').name, 'level');
  });

  it('the separators inside an argument: ? and : of GotoIf outside $[...], = of Set whose value takes the commas', () => {
    assert.equal(active(' same => n,GotoIf($[${A} : ${B}]|?yes:no)').name, 'condition');
    assert.equal(active(' same => n,GotoIf($[${A}=1]?internal,s,1|:no)').name, 'labeliftrue');
    assert.equal(active(' same => n,GotoIf($[${A}=1]?yes:internal,s|,1)').name, 'labeliffalse');
    assert.equal(active(' same => n,Set(NAMES=alice,bob|)').name, 'value');
    assert.equal(active(' same => n,Set(NAM|').name, 'name');
  });
});

describe('signature help: the options of the option argument', () => {
  it("lists every option with its value's syntax, the option under the cursor first", () => {
    const { doc } = active('exten => 100,1,Dial(PJSIP/alice,20,tU|(sub-answer^x)m)');
    const [head, list] = doc.split('\n\n---\n\n');
    assert.match(head, /^\(optional\) Letters that change how the call is placed and bridged\.\n\n\*\*`U\(x\[\^arg\[\^\.\.\.\]\]\)`\*\* — option of Dial\n\nRun a Gosub on the called channel/);
    assert.match(head, /Written here: `U\(sub-answer\^x\)`\./);
    assert.match(list, /^- `A\(x\[:y\]\)` — Play an announcement/);
    assert.match(list, /\n- `t` — Let the called party transfer with the transfer codes of features\.conf\.\n/);
    assert.match(list, /\n- `L\(x\[:y\]\[:z\]\)` — Limit the call to `x` milliseconds/);
    // one line each
    assert.equal(list.split('\n').length, APPLICATIONS.find((a) => a.name === 'Dial')!.params[2].options!.length);
    // right after a letter, the cursor is on it
    assert.match(active('exten => 100,1,Dial(PJSIP/alice,20,t|)').doc, /\*\*`t`\*\* — option of Dial/);
    // at the start of an empty option argument: the list alone
    assert.doesNotMatch(active('exten => 100,1,Dial(PJSIP/alice,20,|)').doc, /---/);
  });

  it('says what Asterisk does with a letter the application does not have', () => {
    const { name, doc } = active(' same => n,VoiceMail(100@default,X|)');
    assert.equal(name, 'options');
    assert.match(doc, /\*\*`X`\*\* — not an option of VoiceMail\n\n⚠ VoiceMail has no option 'X': Asterisk logs "Unrecognized option: 'X'" and ignores it\./);
    assert.match(doc, /\n- `U` — Mark the message urgent\./);
  });
});

describe('completion of options', () => {
  it("offers Dial's letters not written yet, before or after the cursor, required values with their parentheses", () => {
    const got = suggest('exten => 100,1,Dial(PJSIP/alice,20,t|m(default))');
    assert.ok(!labels(got).includes('t') && !labels(got).includes('m'), labels(got).join(''));
    assert.ok(['T', 'U', 'g', 'L'].every((l) => labels(got).includes(l)), labels(got).join(''));
    const u = got.find((s) => s.label === 'U')!;
    assert.equal(u.snippet, 'U(${1})');
    assert.equal(u.detail, 'U(x[^arg[^...]]) — Run a Gosub on the called channel after answer and before bridging, starting at `s,1` of context `x`; it may set `GOSUB_RESULT` to `ABORT`, `CONGESTION`, `BUSY`, `CONTINUE` or `GOTO:...`.');
    assert.match(u.documentation!, /^\*\*U\(x\[\^arg\[\^\.\.\.\]\]\)\*\* — option of Dial/);
    assert.equal(got.find((s) => s.label === 'r')!.snippet, undefined, 'an optional value: the letter alone');
    assert.deepEqual(suggest('exten => 100,1,Dial(PJSIP/alice,20,tU(sub|'), [], 'inside a value no letter goes');
  });

  it('offers the documented letters of every application with an options table, at its option argument', () => {
    for (const table of OPTION_TABLES) {
      const documented = APPLICATIONS.find((a) => a.name === table.app)!.params.find((p) => p.options)!.options!.map((o) => o.name);
      const got = labels(suggest(`exten => 1,1,${table.app}(${','.repeat(table.argument)}|)`));
      assert.deepEqual(got, documented, table.app);
    }
    assert.deepEqual(labels(suggest(' same => n,VoiceMail(100@default,su|)')), ['b', 'd', 'e', 'g', 'S', 't', 'U', 'P']);
  });

  it("Playback's words, the letters an application looks for with strchr", () => {
    const words = suggest(' same => n,Playback(welcome,no|');
    assert.deepEqual(labels(words), ['skip', 'noanswer', 'say', 'mix']);
    assert.ok(words.every((w) => w.replace === 2));
    assert.deepEqual(labels(suggest(' same => n,Playback(welcome,noanswer&|')), ['skip', 'say', 'mix']);
    assert.deepEqual(labels(suggest(' same => n,Answer(500,|')), ['i']);
    assert.deepEqual(labels(suggest(' same => n,ChanIsAvail(PJSIP/alice,s|')), ['a', 't']);
  });
});

describe('completion for the Asterisk version of the dialplan', () => {
  const app = (list: Suggestion[], name: string): Suggestion | undefined => list.find((s) => s.label === name);

  it('with no version chosen (20): every application, the deprecated ones marked', () => {
    const apps = suggest('exten => 100,1,|');
    assert.equal(app(apps, 'Macro')?.deprecated, true);
    assert.match(app(apps, 'Macro')!.documentation!, /ℹ Deprecated since Asterisk 16, removed in Asterisk 21/);
    assert.equal(app(apps, 'Dial')?.deprecated, undefined);
    assert.equal(app(suggest('exten => 100,1,NoOp(${|'), 'SIPPEER')?.deprecated, true);
  });

  it('with Asterisk 21: not what it removed; MeetMe still there, deprecated', () => {
    const apps = suggest('exten => 100,1,|', 21);
    for (const gone of ['Macro', 'MacroExit', 'MacroIf', 'Monitor', 'NoCDR', 'ImportVar', 'SIPAddHeader']) assert.equal(app(apps, gone), undefined, gone);
    assert.equal(app(apps, 'MeetMe')?.deprecated, true);
    assert.match(app(apps, 'MeetMe')!.documentation!, /⚠ \*\*Deprecated since Asterisk 19\*\*\. Use ConfBridge\./);
    assert.ok(app(apps, 'Gosub') && app(apps, 'Dial'));
    const functions = suggest('exten => 100,1,NoOp(${|', 21);
    assert.equal(app(functions, 'SIPPEER'), undefined);
    assert.equal(app(functions, 'VALID_EXTEN')?.deprecated, true);
    assert.equal(app(suggest('exten => 100,1,NoOp(${|', 23), 'VALID_EXTEN'), undefined);
  });
});
