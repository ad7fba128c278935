// The quick fix of version-removed and version-deprecated on a Macro: the text it writes on real-looking dialplans
// (arguments, MacroExit, ${MACRO_EXTEN} and its kin, several callers, a macro in another file, numbered priorities,
// nested macros), and each refusal, said in the finding's message. test/simulate/macroToGosub.test.ts simulates every
// call before and after it.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/analysis/findings';
import { fileFindings } from '../../server/src/analysis/findings';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';
import { MACRO_DIALPLANS } from './macroDialplans';

function workspace(files: Record<string, string>, version: number | null): Workspace {
  const ws = new Workspace(new MemoryHost(Object.fromEntries(Object.entries(files).map(([k, v]) => [`/pbx/${k}`, v]))));
  for (const f of Object.keys(files)) ws.addKnown(`/pbx/${f}`);
  ws.configure({ asteriskVersion: version });
  return ws;
}

/** Every finding of every file. */
function findings(files: Record<string, string>, version: number | null = 21): Finding[] {
  const ws = workspace(files, version);
  return Object.keys(files).flatMap((f) => fileFindings(ws, `/pbx/${f}`));
}

/** The findings on an application of the Macro family, as `text@line`. */
function onMacros(files: Record<string, string>, version: number | null = 21): (Finding & { where: string })[] {
  return findings(files, version)
    .filter((f) => f.code.startsWith('version-') && /^Macro/.test(files[f.file.slice('/pbx/'.length)].slice(f.start, f.end)))
    .map((f) => {
      const text = files[f.file.slice('/pbx/'.length)];
      return { ...f, where: `${text.slice(f.start, f.end)}@${text.slice(0, f.start).split('\n').length}` };
    });
}

/** The files once the fix's edits are applied. */
function applied(files: Record<string, string>, f: Finding): Record<string, string> {
  const out = { ...files };
  const edits = [...(f.fixes?.[0]?.edits ?? [])].sort((a, b) => b.start - a.start);
  for (const e of edits) {
    const name = e.file.slice('/pbx/'.length);
    out[name] = out[name].slice(0, e.start) + e.text + out[name].slice(e.end);
  }
  return out;
}

const byName = (name: string): Record<string, string> => MACRO_DIALPLANS.find((d) => d.name === name)!.files;

describe('the Macro-to-Gosub quick fix', () => {
  it('converts the classic stdexten: both calls, MacroExit, ${MACRO_EXTEN} and its kin, and a Return() where priorities run out', () => {
    const files = byName('stdexten');
    const found = onMacros(files);
    assert.deepEqual(
      found.map((f) => f.where),
      ['Macro@2', 'Macro@6', 'MacroExit@15'],
    );
    // one fix, the same on every line of the conversion
    const fix = found[0].fixes![0];
    assert.equal(fix.title, "Turn the macro 'stdexten' into a Gosub subroutine: its 2 calls and [macro-stdexten]");
    for (const f of found) assert.deepEqual(f.fixes, [fix]);
    assert.equal(
      applied(files, found[0])['extensions.conf'],
      [
        '[from-internal]',
        'exten => _1XX,1,Gosub(macro-stdexten,s,1(${EXTEN},PJSIP/${EXTEN}))',
        ' same => n,NoOp(back in ${CONTEXT} with ${DIALSTATUS})',
        ' same => n,Hangup()',
        'exten => 200,1,Set(CALLERID(name)=Reception)',
        ' same => n,Gosub(macro-stdexten,s,1(200,PJSIP/alice&PJSIP/bob))',
        '',
        '[macro-stdexten]',
        '; ${ARG1}: the extension, ${ARG2}: the phones to ring',
        'exten => s,1,NoOp(Call for ${STACK_PEEK(1,e)} (${STACK_PEEK(1,e):1}) from ${STACK_PEEK(1,c)},${STACK_PEEK(1,p)})',
        ' same => n,Dial(${ARG2},20)',
        ' same => n,GotoIf($["${DIALSTATUS}" = "BUSY"]?busy)',
        ' same => n,GotoIf($["${ARG1}" = "200"]?reception,1)',
        ' same => n,VoiceMail(${ARG1}@default,u)',
        ' same => n,Return()',
        ' same => n(busy),VoiceMail(${ARG1}@default,b) ; the busy greeting',
        ' same => n,Return()',
        'exten => reception,1,Set(MISSED=${STACK_PEEK(1,e)})',
        ' same => n,Playback(vm-nobodyavail)',
        ' same => n,Return()',
        '',
      ].join('\n'),
    );
  });

  it('the converted dialplan has nothing left to say, even in Asterisk 21', () => {
    for (const d of MACRO_DIALPLANS) {
      let files = d.files;
      // convert until no fix is left (a macro that runs another waits for that one)
      for (let f = onMacros(files).find((x) => x.fixes); f; f = onMacros(files).find((x) => x.fixes)) files = applied(files, f);
      assert.deepEqual(
        findings(files).map((f) => `${f.code}: ${f.message}`),
        [],
        d.name,
      );
      assert.doesNotMatch(Object.values(files).join('\n'), /Macro|MACRO_/, d.name);
    }
  });

  it('writes numbered priorities as numbered, and a call without arguments as Gosub(macro-name,s,1)', () => {
    const files = byName('numbered');
    const [call] = onMacros(files);
    assert.equal(
      applied(files, call)['extensions.conf'],
      [
        '[general]',
        'autofallthrough=yes',
        '',
        '[from-phones]',
        'exten => 300,1,Gosub(macro-user-callerid,s,1)',
        'exten => 300,2,Dial(PJSIP/300,20)',
        'exten => 300,3,NoOp(${CALLERID(name)} ${LOGGED})',
        '',
        '[macro-user-callerid]',
        'exten => s,1,Set(CALLERID(name)=Desk ${STACK_PEEK(1,e)})',
        'exten => s,2,Gosub(sub-log,s,1(${STACK_PEEK(1,e)},${STACK_PEEK(1,c)}))',
        'exten => s,3,Set(LOGGED=${GOSUB_RETVAL})',
        'exten => s,4,Return()',
        '',
        '[sub-log]',
        'exten => s,1,NoOp(log ${ARG1}@${ARG2} ${ARGC})',
        ' same => n,Return(logged ${ARG1})',
        '',
      ].join('\n'),
    );
  });

  it('edits the macro in the file that holds it, and converts a call made from inside a Gosub subroutine', () => {
    const files = byName('two files');
    const found = onMacros(files);
    assert.deepEqual(
      found.map((f) => `${f.where} ${f.file}`),
      ['Macro@2 /pbx/extensions.conf', 'Macro@7 /pbx/extensions.conf'],
    );
    const after = applied(files, found[1]);
    assert.match(after['extensions.conf'], /exten => _0\.,1,Gosub\(macro-dial-out,s,1\(\$\{EXTEN:1\},3\)\)\n/);
    assert.match(after['extensions.conf'], /exten => s,1,Gosub\(macro-dial-out,s,1\(\$\{ARG1\},2\)\)\n same => n,Return\(\)/);
    // a last line that hangs up needs no Return() after it
    assert.equal(after['macros.conf'], files['macros.conf'].replace('${MACRO_EXTEN}', '${STACK_PEEK(1,e)}').replace('${MACRO_CONTEXT}', '${STACK_PEEK(1,c)}'));
  });

  it('converts the inner of two nested macros first; the outer one waits for it', () => {
    const files = byName('nested');
    const [outer, inner] = onMacros(files);
    assert.equal(outer.where, 'Macro@2');
    assert.equal(outer.fixes, undefined);
    assert.match(outer.message, /No quick fix to Gosub: Macro at extensions\.conf:6 runs a macro from inside it: convert that one first\.$/);
    assert.equal(inner.where, 'Macro@6');
    const after = applied(files, inner);
    assert.match(after['extensions.conf'], /\[macro-office\]\nexten => s,1,Gosub\(macro-ring,s,1\(PJSIP\/\$\{ARG1\}\)\)\n/);
    assert.match(after['extensions.conf'], /exten => s,1,NoOp\(\$\{STACK_PEEK\(1,e\)\}@\$\{STACK_PEEK\(1,c\)\} rings \$\{ARG1\}\)\n same => n,Dial\(\$\{ARG1\},15\)\n same => n,Return\(\)\n/);
    // now the outer one converts
    const [again] = onMacros(after);
    assert.ok(again.fixes, again.message);
  });

  it('is on version-deprecated too once a version is chosen, and there is nothing without one', () => {
    const files = byName('stdexten');
    const at20 = onMacros(files, 20);
    assert.deepEqual(
      at20.map((f) => `${f.code} ${f.where}`),
      ['version-deprecated Macro@2', 'version-deprecated Macro@6', 'version-deprecated MacroExit@15'],
    );
    assert.deepEqual(at20[0].fixes, onMacros(files)[0].fixes);
    assert.deepEqual(onMacros(files, null), []);
  });

  it('says why on MacroIf, MacroExclusive, a name built at run time and a MacroExit outside a macro', () => {
    const files = {
      'extensions.conf': [
        '[from-internal]',
        'exten => 100,1,MacroIf($[${X} = 1]?greet,100:other,100)',
        'exten => 101,1,MacroExclusive(greet,101)',
        'exten => 102,1,Macro(${WHICH},102)',
        'exten => 103,1,MacroExit()',
        '[macro-greet]',
        'exten => s,1,Playback(hello)',
        '',
      ].join('\n'),
    };
    assert.deepEqual(
      onMacros(files).map((f) => `${f.where} ${f.message.replace(/.* No quick fix to Gosub: /, '')}`),
      [
        'MacroIf@2 MacroIf has no mechanical Gosub form (GosubIf splits its branches and arguments otherwise).',
        'MacroExclusive@3 MacroExclusive has no Gosub form (a Gosub takes no lock).',
        "Macro@4 the macro's name is built at run time.",
        'MacroExit@5 it is outside a [macro-...] context.',
      ],
    );
  });

  // each refusal: a small convertible dialplan, broken one way
  const BASE = ['[from-internal]', 'exten => 100,1,Macro(greet,100)', ' same => n,Hangup()', '', '[macro-greet]', 'exten => s,1,Answer()', ' same => n,Playback(hello-${ARG1})', ''].join('\n');
  const refusals: [string, string, RegExp, number?][] = [
    ['the base converts', BASE, /^$/],
    ['MACRO_DEPTH named anywhere', BASE.replace(' same => n,Hangup()', ' same => n,NoOp(${MACRO_DEPTH})'), /extensions\.conf:3 names MACRO_DEPTH, which only Macro keeps$/],
    ['MACRO_OFFSET set in the macro', `${BASE}same => n,Set(MACRO_OFFSET=10)\n`, /Set at extensions\.conf:8 names MACRO_OFFSET, which Gosub has no equivalent of$/],
    ['MACRO_EXTEN written', `${BASE}same => n,Set(MACRO_EXTEN=1)\n`, /Set at extensions\.conf:8 names MACRO_EXTEN otherwise than as \$\{MACRO_EXTEN\}$/],
    ['MacroIf runs it too', `${BASE}[other]\nexten => 1,1,MacroIf($[1]?greet)\n`, /MacroIf at extensions\.conf:9 runs it too, and has no mechanical Gosub form$/],
    ['a name built at run time elsewhere', `${BASE}[other]\nexten => 1,1,Macro(gr\${X},1)\n`, /Macro at extensions\.conf:9 may run it too \(its name is built at run time\)/],
    ["Dial's M()", `${BASE}[other]\nexten => 1,1,Dial(PJSIP/a,20,M(greet^1))\n`, /Dial option M\(\) at extensions\.conf:9 runs it too/],
    ['a Goto into its context', `${BASE}[other]\nexten => 1,1,Goto(macro-greet,s,1)\n`, /Goto at extensions\.conf:9 leads into \[macro-greet\] too, which would then end in Return\(\)$/],
    ['an include of its context', `${BASE}[other]\ninclude => macro-greet\n`, /include at extensions\.conf:9 leads into \[macro-greet\] too/],
    ['a jump built at run time that could go there', `${BASE}[other]\nexten => 1,1,Goto(\${CTX},s,1)\n`, /Goto at extensions\.conf:9 may lead into \[macro-greet\] \(its context is built at run time\)$/],
    ['a jump out of the macro', `${BASE}same => n,Goto(from-internal,100,2)\n`, /Goto at extensions\.conf:8 jumps out of \[macro-greet\] \(to \[from-internal\]\): a Macro ends there, a Gosub would not$/],
    ['a relative jump', `${BASE}same => n,Goto(+1)\n`, /Goto at extensions\.conf:8 jumps relative to its own priority$/],
    ['a jump to a label it lacks', `${BASE}same => n,GotoIf($[1]?nowhere)\n`, /GotoIf at extensions\.conf:8 jumps to s,nowhere, which \[macro-greet\] does not have/],
    ['a Gosub into its own context', `${BASE}same => n,Gosub(s,1)\n`, /Gosub at extensions\.conf:8 calls a subroutine inside \[macro-greet\] itself$/],
    ['the caller presses keys', BASE.replace('Answer()', 'BackGround(menu)'), /BackGround at extensions\.conf:6 hands the caller's keys to the PBX, which reads them in the caller's context after a Macro and in \[macro-greet\] inside a Gosub$/],
    ["the caller's context has h", `${BASE.replace(' same => n,Hangup()', ' same => n,Hangup()\nexten => h,1,NoOp(bye)')}`, /\[from-internal\] has a 'h' extension: when a call from extensions\.conf:2 ends inside the macro Asterisk runs it there/],
    [
      'h in a context that includes the caller',
      `[from-users]\ninclude => internal\nexten => h,1,NoOp(bye)\n${BASE.replace('[from-internal]', '[internal]')}`,
      /\[from-users\] has a 'h' extension: when a call from extensions\.conf:5 ends inside the macro/,
    ],
    ['h where the enclosing macro was called', `[from-users]\nexten => 1,1,Macro(outer)\nexten => h,1,NoOp(bye)\n[macro-outer]\nexten => s,1,Macro(greet,1)\n${BASE.replace('[from-internal]', '[x]')}`, /\[from-users\] has a 'h' extension: when a call from extensions\.conf:5 ends inside the macro/, 5],
    ['its context has h', `${BASE}exten => h,1,NoOp(bye)\n`, /\[macro-greet\] has an 'h' extension, which the PBX would use inside a Gosub and never inside a Macro$/],
    ['the macro calls itself', `${BASE}same => n,Macro(greet,1)\n`, /Macro at extensions\.conf:8 calls the macro itself, which Macro stops after 7 levels and Gosub does not$/],
    ["Dial's d option", BASE.replace('Answer()', 'Dial(PJSIP/a,20,d)'), /Dial at extensions\.conf:6: its option d looks for the caller's key in the caller's context after a Macro$/],
    ["Dial's T option", BASE.replace('Answer()', 'Dial(PJSIP/a,20,tT)'), /its option T lets the caller transfer/],
    ["Dial's bare f option", BASE.replace('Answer()', 'Dial(PJSIP/a,20,f)'), /its option f sends the caller's extension as caller ID/],
    ['an argument no call passes', `${BASE}same => n,NoOp(\${ARG2})\n`, /\[macro-greet\] reads ARG2 and the call at extensions\.conf:2 passes 1 argument: Macro leaves the missing ones as they were, Gosub empties them$/],
    ['ARGC', `${BASE}same => n,NoOp(\${ARGC})\n`, /reads ARGC, which Gosub sets and Macro does not$/],
    ['LOCAL()', `${BASE}same => n,Set(LOCAL(x)=1)\n`, /Set at extensions\.conf:8 uses LOCAL\(\), which would see the subroutine's own frame$/],
    ['GOSUB_RETVAL read elsewhere', BASE.replace(' same => n,Hangup()', ' same => n,NoOp(${GOSUB_RETVAL})'), /extensions\.conf:3 reads GOSUB_RETVAL, which the subroutine's Return\(\) would set$/],
    ['a missing priority', `${BASE}exten => s,4,NoOp(gap)\n`, /the extension 's' of \[macro-greet\] has no priority 3: a Macro comes back there, a Gosub would hang up$/],
    ['a pattern in its context', `${BASE}exten => _X,1,NoOp(digit)\n`, /the extension '_X' of \[macro-greet\] is a pattern or matches a caller ID/],
    ['an include in its context', `${BASE}include => other\n[other]\nexten => 1,1,NoOp\n`, /\[macro-greet\] includes \[other\]$/],
    ['a quote in the arguments', BASE.replace('Macro(greet,100)', 'Macro(greet,"100")'), /the arguments at extensions\.conf:2 hold a quote, a parenthesis, a bracket or a backslash/],
    ['a subroutine that reads MACRO_EXTEN', `${BASE}same => n,Gosub(sub-x,s,1)\n[sub-x]\nexten => s,1,NoOp(\${MACRO_EXTEN})\n same => n,Return()\n`, /NoOp at extensions\.conf:10, in \[sub-x\] which it calls, names MACRO_EXTEN: set inside a Macro, not inside a Gosub$/],
    ["a subroutine that reads the macro's argument", `${BASE}same => n,Gosub(sub-x,s,1)\n[sub-x]\nexten => s,1,NoOp(\${ARG1})\n same => n,Return()\n`, /\[sub-x\], which it calls with 0 arguments, reads ARG1: inside a Macro that is the macro's own argument, inside a Gosub an empty one$/],
    ['a subroutine that ends the macro', `${BASE}same => n,Gosub(sub-x,s,1)\n[sub-x]\nexten => s,1,MacroExit()\n`, /MacroExit at extensions\.conf:10, in \[sub-x\] which it calls, would end the macro but not a Gosub$/],
    ["a line numbered from the last one", BASE.replace(' same => n,Playback(hello-${ARG1})', ' same => n,Playback(hello-${ARG1})\nexten => t2,n,NoOp(next)'), /the line after extensions\.conf:7 numbers its priority from it \('n'\), so no Return\(\) line can go between them$/],
    ['a single argument that may be empty, ARG1 set by hand', `${BASE.replace('Macro(greet,100)', 'Macro(greet,${X})')}[other]\nexten => 1,1,Set(ARG1=x)\n`, /a call passes one argument that may be empty, and extensions\.conf:9 sets an ARGn variable: Macro sets ARG1 to the empty argument, Gosub sets none$/],
    ['one empty argument read', BASE.replace('Macro(greet,100)', 'Macro(greet,)'), /reads ARG1 and the call at extensions\.conf:2 passes 0 arguments/],
    ['no context', BASE.replace('[macro-greet]', '[macro-other]'), /there is no context \[macro-greet\], so the Macro fails$/],
  ];
  for (const [what, text, why, line] of refusals) {
    it(`refuses: ${what}`, () => {
      const call = onMacros({ 'extensions.conf': text }).find((f) => (line === undefined ? f.where === 'Macro@2' || f.where === 'Macro@5' : f.where === `Macro@${line}`));
      assert.ok(call, `no finding on the call:\n${text}`);
      if (why.source === '^$') {
        assert.ok(call.fixes, call.message);
        return;
      }
      assert.equal(call.fixes, undefined, `a fix was offered:\n${text}`);
      const reason = call.message.replace(/^.* No quick fix to Gosub: (.*)\.$/, '$1');
      assert.notEqual(reason, call.message, call.message);
      assert.match(reason, why);
    });
  }
});
