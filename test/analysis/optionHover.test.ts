// Hovers on an application's options and on what an Asterisk version removed or deprecated, on real-looking lines
// (docsHoverAt over an in-memory PBX; `$0` marks where the mouse rests). An option is read as the application reads
// it (analysis/appOptions.ts), so the hover says what the check dialplan-app-option says, in its words.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { docsHoverAt } from '../../server/src/analysis/docsHover';
import { fileFindings } from '../../server/src/analysis/findings';
import { OPTION_TABLES } from '../../server/src/docs/applicationOptions';
import { pbx } from '../checks/harness';
import { markers } from '../paths';

const FILE = '/pbx/extensions.conf';

/** The hover at `$0` of a dialplan, with the text it covers. */
function hover(marked: string, version?: number): { markdown: string; covers: string } | null {
  const { text, at } = markers(marked);
  const ws = pbx({ 'extensions.conf': text });
  if (version !== undefined) ws.configure({ asteriskVersion: version });
  const h = docsHoverAt(ws, FILE, at['0']);
  return h && { markdown: h.markdown, covers: text.slice(h.start, h.end) };
}

describe('hover on an option of an application', () => {
  it("Dial's t and U(...): the option as written, its value's syntax and what it does", () => {
    const t = hover('[from-users]\nexten => 100,1,Dial(PJSIP/alice,20,$0tU(sub-answer^${EXTEN}))\n')!;
    assert.equal(t.covers, 't');
    assert.match(t.markdown, /^\*\*`t`\*\* — option of Dial\n\nLet the called party transfer with the transfer codes of features\.conf\./);
    assert.match(t.markdown, /\[Dial in the Asterisk documentation\]\(https:\/\/docs\.asterisk\.org\/.*\/Dial\/\)/);
    const u = hover('[from-users]\nexten => 100,1,Dial(PJSIP/alice,20,t$0U(sub-answer^${EXTEN}))\n')!;
    assert.equal(u.covers, 'U(sub-answer^${EXTEN})', 'the whole option, its value too');
    assert.match(u.markdown, /^\*\*`U\(x\[\^arg\[\^\.\.\.\]\]\)`\*\* — option of Dial/);
    assert.match(u.markdown, /Run a Gosub on the called channel after answer/);
    assert.match(u.markdown, /Written here: `U\(sub-answer\^\$\{EXTEN\}\)`\./);
    assert.doesNotMatch(u.markdown, /⚠/);
  });

  it('VoiceMail(100,X): what Asterisk does with a letter it does not know, and the letter of the other case', () => {
    const x = hover('[c]\nexten => 100,1,VoiceMail(100@default,$0X)\n')!;
    assert.equal(x.covers, 'X');
    assert.match(x.markdown, /^\*\*`X`\*\* — not an option of VoiceMail/);
    assert.match(x.markdown, /⚠ VoiceMail has no option 'X': Asterisk logs "Unrecognized option: 'X'" and ignores it\. Its options: PSUabdegprstu\./);
    const y = hover('[c]\nexten => 100,1,Dial(PJSIP/alice,20,$0Y)\n')!;
    assert.match(y.markdown, /Dial has no option 'Y'/);
    const big = hover('[c]\nexten => 100,1,Queue(support,$0Z)\n')!;
    assert.match(big.markdown, /Queue has no option 'Z'/);
  });

  it('a letter given twice, a value that is missing or dropped, a ( that never closes', () => {
    assert.match(hover('[c]\nexten => 1,1,Dial(PJSIP/a,20,t$0t)\n')!.markdown, /⚠ The option 't' of Dial is given twice: it counts once\./);
    assert.match(hover('[c]\nexten => 1,1,Dial(PJSIP/a,20,t$0S)\n')!.markdown, /⚠ The option 'S' of Dial needs a value, S\(x\): without it the option runs with an empty one\./);
    const dropped = hover('[c]\nexten => 1,1,Dial(PJSIP/a,20,$0t(5))\n')!;
    assert.equal(dropped.covers, 't(5)');
    assert.match(dropped.markdown, /Let the called party transfer[^]*⚠ The option 't' of Dial takes no value: '\(5\)' is dropped\./);
    const unclosed = hover('[c]\nexten => 1,1,Dial(PJSIP/a,20,$0b(pre-dial^s^1)\n')!;
    assert.equal(unclosed.covers, 'b(pre-dial^s^1');
    assert.match(unclosed.markdown, /Before each outgoing channel is dialled[^]*⚠ The '\(' of the option 'b' never closes/);
  });

  it('Playback reads whole words: a word it looks for, and the text it ignores', () => {
    const word = hover('[c]\nexten => 1,1,Playback(welcome&menu,no$0answer)\n')!;
    assert.equal(word.covers, 'noanswer');
    assert.match(word.markdown, /^\*\*`noanswer`\*\* — option of Playback\n\nPlay without answering, as early media/);
    const typo = hover('[c]\nexten => 1,1,Playback(welcome,no$0anwser)\n')!;
    assert.equal(typo.covers, 'noanwser');
    assert.match(typo.markdown, /⚠ Playback looks only for the words noanswer, skip, say, mix in 'noanwser': the rest \('noanwser'\) is ignored\./);
    assert.equal(hover('[c]\nexten => 1,1,Playback(wel$0come,noanswer)\n'), null, 'the file names are no option');
  });

  it('an application that looks for single letters, a letter only its table holds, options built at run time', () => {
    const answer = hover('[c]\nexten => 1,1,Answer(500,$0x)\n')!;
    assert.match(answer.markdown, /^\*\*`x`\*\* — not an option of Answer\n\nAnswer looks only for the letter `i`: it ignores `x` and logs nothing\./);
    assert.match(hover('[c]\nexten => 1,1,Answer(500,$0i)\n')!.markdown, /Answer and return at once/);
    const r = hover('[c]\nexten => 1,1,VoiceMail(100,$0r)\n')!;
    assert.match(r.markdown, /^\*\*`r`\*\* — option of VoiceMail\n\nAsterisk's table \(apps\/app_voicemail\.c vm_app_options\) reads it; this documentation does not describe it\./);
    const dynamic = hover('[c]\nexten => 1,1,Dial(PJSIP/a,20,${DIAL_OPTIONS}$0Y)\n')!;
    assert.match(dynamic.markdown, /not an option of Dial/);
    assert.doesNotMatch(dynamic.markdown, /⚠/, 'what ${DIAL_OPTIONS} holds is known only at run time: the check says nothing, nor does the hover');
    assert.equal(hover('[c]\nexten => 1,1,Dial(PJSIP/a,20,${DIAL_$0OPTIONS}t)\n'), null);
  });

  it('says of each option what the check says of it, for every application with an options table', () => {
    for (const table of OPTION_TABLES) {
      // every letter of the table, one twice, one it does not have, then a value never closed
      const unknown = ['Y', 'Z', '7'].find((l) => !table.letters.includes(l))!;
      const options = `${table.letters}${table.letters[0]}${unknown}${table.letters[0]}(x`;
      const line = `exten => 1,1,${table.app}(${','.repeat(table.argument)}${options})`;
      const text = `[c]\n${line}\n`;
      const ws = pbx({ 'extensions.conf': text });
      const findings = fileFindings(ws, FILE).filter((f) => f.code === 'dialplan-app-option');
      assert.ok(findings.length >= 3, `${table.app}: ${findings.map((f) => f.message).join(' | ')}`);
      for (const f of findings) {
        const h = docsHoverAt(ws, FILE, f.start);
        assert.ok(h && h.markdown.includes(f.message), `${table.app} at ${text.slice(f.start, f.end)}: the hover does not say "${f.message}":\n${h?.markdown}`);
        assert.ok(h.start <= f.start && h.end >= f.end, `${table.app}: the hover covers ${text.slice(h.start, h.end)}, the finding ${text.slice(f.start, f.end)}`);
      }
    }
  });
});

describe('hover on what an Asterisk version removed or deprecated', () => {
  const MACRO = '[c]\nexten => 1,1,Ma$0cro(dial,${EXTEN})\n';

  it('with no version chosen: the documentation as before, and that Asterisk 21 removed it', () => {
    const h = hover(MACRO)!;
    assert.match(h.markdown, /^\*\*Macro\*\* \(app_macro\) — .*\n\nℹ Deprecated since Asterisk 16, removed in Asterisk 21\. Use Gosub \(/);
    assert.match(h.markdown, /`pbx\.asteriskVersion`/);
    assert.match(h.markdown, /```\nMacro\(name\[,arg1\[,arg2\.\.\.\]\]\)\n```/, 'the documentation is still there');
    assert.doesNotMatch(hover('[c]\nexten => 1,1,Di$0al(PJSIP/a)\n')!.markdown, /Deprecated|Removed/);
  });

  it('with Asterisk 21 chosen: removed, what a call meets, and the replacement', () => {
    assert.match(hover(MACRO, 21)!.markdown, /⛔ \*\*Removed in Asterisk 21\*\* \(deprecated since 16\): in Asterisk 21 a call that gets here ends \("No application"\)\. Use Gosub/);
    assert.match(hover(MACRO, 20)!.markdown, /⚠ \*\*Deprecated since Asterisk 16\*\*, removed in Asterisk 21\. Use Gosub/);
    const meetme = hover('[c]\nexten => 1,1,Meet$0Me(100)\n', 18)!;
    assert.match(meetme.markdown, /ℹ Deprecated in Asterisk 19\. Use ConfBridge\./, 'a version before the deprecation: said as information');
  });

  it('a function in ${...}, and an application this documentation does not describe', () => {
    const sippeer = hover('[c]\nexten => 1,1,Set(IP=${SIP$0PEER(alice,ip)})\n', 21)!;
    assert.equal(sippeer.covers, 'SIPPEER');
    assert.match(sippeer.markdown, /^\*\*SIPPEER\(\)\*\* \(chan_sip\)[^]*⛔ \*\*Removed in Asterisk 21\*\*[^]*Use PJSIP_ENDPOINT/);
    const osp = hover('[c]\nexten => 1,1,OSP$0Lookup(100)\n', 21)!;
    assert.equal(osp.markdown, '**OSPLookup** (app_osplookup)\n\n⛔ **Removed in Asterisk 21** (deprecated since 19): in Asterisk 21 a call that gets here ends ("No application"). Use nothing in Asterisk (the OSP module is gone).');
  });
});
