// dialplan-app-option: option letters read as ast_app_parse_options reads them, on real-looking lines.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { APPLICATIONS } from '../../server/src/docs/applications';
import { argumentShape } from '../../server/src/docs/argumentShape';
import { OPTION_TABLES } from '../../server/src/docs/applicationOptions';
import { parseOptions } from '../../server/src/analysis/checks/appOption';
import { findings } from './harness';

function covered(text: string): { text: string; message: string }[] {
  return findings(text)
    .filter((f) => f.code === 'dialplan-app-option')
    .map((f) => ({ text: text.slice(f.start, f.end), message: f.message }));
}

describe('dialplan-app-option', () => {
  it('VoiceMail(1001,X): a letter VoiceMail does not know; a letter of the wrong case is named', () => {
    const got = covered('[c]\nexten => 1001,1,VoiceMail(1001@default,X)\n same => n,Dial(PJSIP/1001,20,Tt)\n same => n,Dial(PJSIP/1001,20,tY)\n');
    assert.deepEqual(got.map((g) => g.text), ['X', 'Y']);
    assert.match(got[0].message, /VoiceMail has no option 'X': Asterisk logs "Unrecognized option: 'X'" and ignores it\. Its options: PSUabdegprstu/);
    assert.match(got[1].message, /Dial has no option 'Y'/);
  });

  it('repeated letters, a missing required value, a value a letter does not take, an unclosed (', () => {
    const got = covered('[c]\nexten => 1,1,Dial(PJSIP/a,20,ttS)\n same => n,Dial(PJSIP/a,20,t(5)m(default))\n same => n,Dial(PJSIP/a,20,b(pre-dial^s^1)\n same => n,Queue(support,tt)\n');
    assert.deepEqual(got.map((g) => g.text), ['t', 'S', 't(5)', 'b(pre-dial^s^1', 't']);
    assert.match(got[0].message, /The option 't' of Dial is given twice: it counts once/);
    assert.match(got[1].message, /The option 'S' of Dial needs a value, S\(x\): without it the option runs with an empty one/);
    assert.match(got[2].message, /The option 't' of Dial takes no value: '\(5\)' is dropped/);
    assert.match(got[3].message, /never closes: Asterisk stops reading the options \("Missing closing parenthesis"\)/);
  });

  it('optional values, nested parentheses, substituted options and whole words are fine', () => {
    const text = [
      '[c]',
      'exten => 1,1,Dial(PJSIP/a,20,m(default)U(sub-answer^${EXTEN}^(x))b(pre(1)^s^1)r)',
      ' same => n,Dial(PJSIP/a,20,${DIAL_OPTIONS}X)',
      ' same => n,BackGround(welcome,noanswer)',
      ' same => n,BackGround(welcome,sn)',
      ' same => n,Playback(welcome,noanswer)',
      ' same => n,Read(PIN,enter-pin,4,st(#),3,5)',
      ' same => n,MixMonitor(${UNIQUEID}.wav,aB(5)v(2)r(in.wav))',
      ' same => n,VoiceMailMain(${CALLERID(num)}@default,s)',
      '',
    ].join('\n');
    assert.deepEqual(covered(text), []);
  });

  it('Playback looks for its words and ignores the rest', () => {
    const got = covered('[c]\nexten => 1,1,Playback(welcome,noanwser)\n');
    assert.deepEqual(got.map((g) => g.text), ['noanwser']);
    assert.match(got[0].message, /Playback looks only for the words noanswer, skip, say, mix in 'noanwser'/);
  });

  it('parseOptions reads one character at a time, a ( to its matching )', () => {
    assert.deepEqual(parseOptions('tU(a^(b))r'), {
      options: [
        { letter: 't', at: 0, value: null, end: 1 },
        { letter: 'U', at: 1, value: 'a^(b)', end: 9 },
        { letter: 'r', at: 9, value: null, end: 10 },
      ],
      unclosed: null,
    });
    assert.deepEqual(parseOptions('b(x').unclosed, 1);
  });

  it('each option table sits at the documented options argument and holds every documented letter', () => {
    for (const table of OPTION_TABLES) {
      const doc = APPLICATIONS.find((a) => a.name === table.app);
      assert.ok(doc, table.app);
      const param = doc.params.find((p) => p.options)!;
      const names = argumentShape(doc).names;
      assert.ok(names[table.argument]?.includes(param.name), `${table.app}: argument ${table.argument} is ${names[table.argument]}, not ${param.name}`);
      for (const o of param.options!) {
        assert.ok(table.letters.includes(o.name), `${table.app}: documented option ${o.name} is not in ${table.source}`);
        if (o.args && !o.args.startsWith('[')) assert.ok(table.valued.includes(o.name), `${table.app}: ${o.name} needs a value but ${table.source} gives it none`);
      }
    }
  });
});
