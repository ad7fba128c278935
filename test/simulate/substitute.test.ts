// The substitution engine beyond the recorded cases: ast_str_substring's rules, ast_app_separate_args, what only a
// live call knows (and how it spreads), writes, the dialplan and time views, and safety: nothing runs away, nothing
// touches the machine.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Channel, VarList } from '../../server/src/analysis/simulate/channel';
import type { DialplanView } from '../../server/src/analysis/simulate/context';
import { evalContext } from '../../server/src/analysis/simulate/context';
import { countArgs, separateArgs, toBytes } from '../../server/src/analysis/simulate/cstring';
import { FUNCTIONS, findFunction } from '../../server/src/analysis/simulate/functions/index';
import { clearHash } from '../../server/src/analysis/simulate/functions/lists';
import { REGISTERED } from '../../server/src/analysis/simulate/functions/registered';
import { compileEre } from '../../server/src/analysis/simulate/regex/index';
import { parseVariableName, setVariable, substitute, substring, unknownVariable } from '../../server/src/analysis/simulate/substitute';

function channel(vars: Record<string, string> = {}): Channel {
  const ch = new Channel('PJSIP/101-00000001', '1700000000.1', { context: 'from-internal', exten: '5551234' }, { number: '101', name: 'Alice' }, new VarList());
  for (const [k, v] of Object.entries(vars)) ch.vars.set(k, v);
  return ch;
}
const sub = (text: string, vars: Record<string, string> = {}) => substitute(text, evalContext(channel(vars)));

describe('substrings (ast_str_substring, parse_variable_name)', () => {
  it('counts negative offsets from the end and leaves negative lengths off it', () => {
    const cases: [number, number, string][] = [
      [2, 2147483647, '34567890'],
      [-4, 2147483647, '7890'],
      [2, -2, '345678'],
      [-4, -1, '789'],
      [-20, 2147483647, '1234567890'],
      [20, 2147483647, ''],
      [0, -20, ''],
      [-3, -5, ''],
      [1, -8, '2'],
      [9, 5, '0'],
    ];
    for (const [o, l, want] of cases) assert.equal(substring('1234567890', o, l), want, `${o}:${l}`);
  });

  it('reads offset and length with sscanf: an empty or non-numeric offset takes the whole value', () => {
    assert.deepEqual(parseVariableName('X::3'), { name: 'X', offset: 0, length: 2147483647, isFunction: false });
    assert.deepEqual(parseVariableName('X:a:2'), { name: 'X', offset: 0, length: 2147483647, isFunction: false });
    assert.deepEqual(parseVariableName('X: 2:b'), { name: 'X', offset: 2, length: 2147483647, isFunction: false });
    assert.deepEqual(parseVariableName('CUT(a:b,:,1):1:-1'), { name: 'CUT(a:b,:,1)', offset: 1, length: -1, isFunction: true });
    assert.equal(sub('${X:+2}|${X:1: 2}|${X:1 :2}', { X: 'abcdef' }).text, 'cdef|bc|bcdef');
  });

  it('cuts bytes, not characters, as C does', () => {
    assert.equal(sub('${LEN(${X})}|${X:0:2}', { X: 'héllo' }).text, '6|h\ufffd');
  });
});

describe('arguments (ast_app_separate_args)', () => {
  it('drops quotes and keeps what a backslash escapes; parentheses and brackets hide delimiters', () => {
    assert.deepEqual(separateArgs('a,"b,c",d\\,e,f(g,h),[i,j]', ','), ['a', 'b,c', 'd,e', 'f(g,h)', '[i,j]']);
    assert.deepEqual(separateArgs('"a,b",\\"c', ',', false), ['"a,b"', '\\"c']);
  });
  it('gives the rest unparsed to the last argument, an empty last one after a trailing delimiter, none for nothing', () => {
    assert.deepEqual(separateArgs('a,"b",c\\,d', ',', true, 2), ['a', '"b",c\\,d']);
    assert.deepEqual(separateArgs('a,', ','), ['a', '']);
    assert.deepEqual(separateArgs('', ','), []);
  });
  it('keeps a quote open across arguments', () => {
    assert.deepEqual(separateArgs('"a,b', ','), ['a,b']);
  });
  it('splits any text as __ast_app_separate_args walks it, character by character (fast-check)', () => {
    // a line-by-line transcription of the C loop: the oracle for the faster slicing version
    const walk = (text: string, delim: string, removeChars: boolean, max: number): string[] => {
      const args: string[] = [];
      let scan = 0;
      let wasDelim = -1;
      let paren = 0;
      let bracket = 0;
      let quote = false;
      while (scan < text.length && args.length < max - 1) {
        let arg = '';
        for (; scan < text.length; scan++) {
          const c = text[scan];
          if (c === '(') paren++;
          else if (c === ')') {
            if (paren) paren--;
          } else if (c === '[') bracket++;
          else if (c === ']') {
            if (bracket) bracket--;
          } else if (c === '"' && delim !== '"') {
            quote = !quote;
            if (removeChars) continue;
          } else if (c === '\\') {
            if (!removeChars) arg += c;
            scan++;
            if (scan < text.length) arg += text[scan];
            continue;
          } else if (c === delim && !paren && !quote && !bracket) {
            wasDelim = scan;
            scan++;
            break;
          }
          arg += c;
        }
        args.push(arg);
      }
      if (scan < text.length || (scan > 0 && scan - 1 === wasDelim)) args.push(text.slice(scan));
      return args;
    };
    const text = fc.array(fc.constantFrom('a', 'b', ',', '|', '?', '(', ')', '[', ']', '"', '\\', ' '), { maxLength: 24 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(',', '|', '?', '"'), fc.boolean(), fc.integer({ min: 1, max: 6 }), (t, delim, removeChars, max) => {
        assert.deepEqual(separateArgs(t, delim, removeChars, max), walk(t, delim, removeChars, max));
        assert.deepEqual(separateArgs(t, delim, removeChars), walk(t, delim, removeChars, 100));
        assert.equal(countArgs(t, delim, max), walk(t, delim, false, max).length, 'countArgs');
      }),
      { seed: 13, numRuns: 3000 },
    );
  });
});

describe('what only a live call knows', () => {
  it('makes a function of an unknown value unknown, and says why', () => {
    const r = sub('${IF(${DB(cidname/${CALLERID(num)})}?a:b)}');
    assert.equal(r.text, '');
    assert.deepEqual(r.unknown, ["DB(cidname/101) (the running PBX's AstDB)"]);
    assert.deepEqual(sub('${LEN(${RAND()})}').unknown, ['RAND() (a random value)']);
    assert.deepEqual(sub('$[${SHELL(date)} > 1]').unknown, ['SHELL(date) (a shell command, never run by the simulation)']);
  });
  it('keeps the known parts around an unknown one', () => {
    assert.equal(sub('a${X}b${CURL(http://x)}c', { X: '1' }).text, 'a1bc');
  });
  it('does not invent the warnings a real value would not give', () => {
    const r = sub('${MATH(${DB(a/b)})}${CUT(${DB(a/c)})}');
    assert.deepEqual(r.warnings, []);
    assert.equal(r.unknown.length, 2);
  });
  it('marks what an unknown value writes, and reads it back as unknown', () => {
    const ctx = evalContext(channel());
    assert.deepEqual(substitute('${SET(A=${DB(x/y)})}', ctx).unknown, ["DB(x/y) (the running PBX's AstDB)"]);
    assert.deepEqual(substitute('${A}', ctx).unknown, ["DB(x/y) (the running PBX's AstDB)"]);
    setVariable(ctx, 'B', '', ['DIALSTATUS']);
    assert.deepEqual(unknownVariable(ctx.channel, 'B'), ['DIALSTATUS']);
    assert.deepEqual(substitute('${LEN(${B})}', ctx).unknown, ['DIALSTATUS']);
    setVariable(ctx, 'B', 'known');
    assert.equal(substitute('${B}', ctx).text, 'known');
  });
  it('asks the context about variables a live call would have set', () => {
    const ctx = evalContext(channel(), { unsetVariable: (name) => (name === 'DIALSTATUS' ? 'DIALSTATUS (set by Dial)' : undefined) });
    const r = substitute('${DIALSTATUS}|${NOTSET}', ctx);
    assert.equal(r.text, '|');
    assert.deepEqual(r.unknown, ['DIALSTATUS (set by Dial)']);
  });
  it('knows the time only when the simulation gives one', () => {
    assert.deepEqual(sub('${EPOCH}').unknown, ['EPOCH (the time of the call)']);
    const when = new Date('2026-03-02T10:00:00');
    assert.equal(substitute('${EPOCH}', evalContext(channel(), { when })).text, String(when.getTime() / 1000));
    assert.equal(substitute('${IFTIME(09:00-17:00,mon-fri,*,*?open:closed)}', evalContext(channel(), { when })).text, 'open');
    assert.deepEqual(sub('${IFTIME(09:00-17:00,mon-fri,*,*?open:closed)}').unknown, ['IFTIME(09:00-17:00,mon-fri,*,*?open:closed) (the time of the call)']);
    assert.equal(sub('${IFTIME(*,*,*,*?open:closed)}|${IFTIME(*,*,30,feb?open:closed)}').text, 'open|closed');
    const utc = new Date('2026-03-02T10:00:00.250Z');
    assert.equal(substitute('${STRFTIME(,UTC,%Y%m%d-%H%M%S.%q)}', evalContext(channel(), { when: utc })).text, '20260302-100000.250');
    assert.deepEqual(sub('${STRFTIME(,UTC,%Y)}').unknown, ['STRFTIME(,UTC,%Y) (the time of the call)']);
    assert.equal(sub('${STRFTIME(1767225600,America/New_York,%F %T %z)}').text, '2025-12-31 19:00:00 -0500');
  });
  it('tells a registered function it does not model from a name Asterisk does not know', () => {
    assert.deepEqual(sub('${AGC(rx)}').unknown, ['AGC(rx) (funcs/func_speex.c, which the simulation does not model)']);
    assert.deepEqual(sub('${ODBC_PHONEBOOK(1)}').unknown, ['ODBC_PHONEBOOK(1) (a database query of func_odbc.conf)']);
    assert.deepEqual(sub('${NOSUCH(1)}').warnings, ['ERROR pbx_functions.c: Function NOSUCH not registered']);
    assert.deepEqual(sub('${len(abc)}').warnings, ['ERROR pbx_functions.c: Function len not registered']);
    assert.deepEqual(sub('${DB_DELETE(a/b)}').unknown, ["DB_DELETE(a/b) (the running PBX's AstDB)"]);
    assert.deepEqual(sub('${CDR_PROP(disable)}').warnings, ['ERROR pbx_functions.c: Function CDR_PROP cannot be read']);
  });
});

describe('writes (pbx_builtin_setvar_helper)', () => {
  it('sets inherited names under their bare name, and writes functions', () => {
    const ctx = evalContext(channel());
    setVariable(ctx, '__X', '1');
    setVariable(ctx, 'GLOBAL(G)', '2');
    setVariable(ctx, 'CALLERID(all)', '"Bob" <202>');
    setVariable(ctx, 'PUSH(L,|)', 'a');
    setVariable(ctx, 'PUSH(L,|)', 'b');
    assert.equal(substitute('${X}|${G}|${CALLERID(name)}/${CALLERID(num)}|${L}', ctx).text, '1|2|Bob/202|a|b');
    assert.equal(ctx.channel.vars.entries().find((e) => e.name === '__X')?.value, '1');
    assert.equal(ctx.channel.globals.get('G'), '2');
    assert.equal(ctx.channel.caller.number, '202');
  });
  it('clears a hash as the ClearHash application does', () => {
    const ctx = evalContext(channel());
    setVariable(ctx, 'HASH(h,a)', '1');
    setVariable(ctx, 'HASH(_h,b)', '2');
    setVariable(ctx, 'HASH(hx,c)', '3');
    clearHash(ctx.channel, 'h');
    assert.equal(substitute('${HASHKEYS(h)}|${HASHKEYS(hx)}', ctx).text, '|c');
  });
  it('accepts and notes a write only the live system keeps', () => {
    const notes: string[] = [];
    const ctx = { ...evalContext(channel()), note: (m: string) => notes.push(m) };
    const r = setVariable(ctx, 'DB(cf/101)', '555');
    assert.deepEqual(r.warnings, []);
    assert.deepEqual(notes, ["DB(cf/101) is written on the live system (the running PBX's AstDB); the simulation does not keep it."]);
    assert.deepEqual(setVariable(ctx, 'LEN(x)', '1').warnings, ['ERROR pbx_functions.c: Function LEN cannot be written to']);
  });
  it('keeps LOCAL() variables in the current Gosub frame', () => {
    const ctx = evalContext(channel({ X: 'outer' }));
    assert.deepEqual(setVariable(ctx, 'LOCAL(X)', 'inner').warnings, ["ERROR app_stack.c: Tried to set LOCAL(X), but we aren't within a Gosub routine"]);
    const frame = { context: 'c', exten: 's', priority: 3, inSubroutine: false, argCount: 0, locals: [] };
    ctx.channel.stack = [frame];
    setVariable(ctx, 'LOCAL(X)', 'inner');
    assert.equal(substitute('${X}|${LOCAL(X)}|${LOCAL_PEEK(1,X)}|${STACK_PEEK(1,l)}', ctx).text, 'inner|inner|outer|c,s,2');
    ctx.channel.releaseFrame(frame);
    assert.equal(substitute('${X}', ctx).text, 'outer');
  });
});

describe('the dialplan view', () => {
  const view: DialplanView = {
    exists: (context, exten, priority) => context === 'fn' && exten === 'p005' && (typeof priority === 'number' ? priority >= 1 && priority <= 3 : false),
    hasContext: (context) => context === 'fn',
  };
  it('answers VALID_EXTEN and DIALPLAN_EXISTS as the running dialplan would (recorded on the oracle)', () => {
    const ch = channel();
    ch.context = 'fn';
    const r = substitute(
      '${VALID_EXTEN(fn,p005)}|${VALID_EXTEN(fn,p005,4)}|${VALID_EXTEN(fn,p005,9)}|${VALID_EXTEN(,p005)}|${VALID_EXTEN(nope,p005)}|${VALID_EXTEN(fn)}|${DIALPLAN_EXISTS(fn)}|${DIALPLAN_EXISTS(nope)}|${DIALPLAN_EXISTS(fn,p005)}|${DIALPLAN_EXISTS(fn,p005,x)}|${DIALPLAN_EXISTS()}|${DIALPLAN_EXISTS(,,)}',
      evalContext(ch, { dialplan: view }),
    );
    assert.equal(r.text, '1|0|0|1|0||1|0|1|0||');
    assert.deepEqual(r.warnings, [
      'WARNING func_dialplan.c: Syntax: VALID_EXTEN([<context>],<extension>[,<priority>]) - missing argument <extension>!',
      'ERROR func_dialplan.c: DIALPLAN_EXISTS() requires an argument',
      'ERROR func_dialplan.c: Invalid arguments provided to DIALPLAN_EXISTS',
    ]);
    assert.deepEqual(sub('${VALID_EXTEN(fn,1)}').unknown, ['VALID_EXTEN(fn,1) (the dialplan of the running PBX)']);
  });
});

describe('safety', () => {
  it('stops deep nesting at 15 levels as Asterisk does, without using the stack for the rest', () => {
    const depth = 'ERROR pbx_variables.c: Exceeded maximum variable substitution recursion depth (15) - possible infinite recursion in dialplan?';
    const r = sub(`${'${'.repeat(1000)}X${'}'.repeat(1000)}`, { X: 'X' });
    assert.equal(r.text, '');
    assert.deepEqual(r.warnings, [depth]);
    // past 4095 bytes a part is cut, so its closing braces are lost too
    const deeper = sub(`${'${'.repeat(20000)}X${'}'.repeat(20000)}`, { X: 'X' });
    assert.equal(deeper.warnings.at(-1), depth);
    assert.ok(deeper.warnings.slice(0, -1).every((w) => w === "WARNING pbx_variables.c: Error in extension logic (missing '}')"));
    assert.deepEqual(sub(`${'$['.repeat(1000)}1${']'.repeat(1000)}`).warnings, [depth]);
  });
  it('gives up on a substitution that feeds itself and keeps growing', () => {
    const ctx = evalContext(channel());
    ctx.channel.vars.set('X', '${EVAL(${X})}${EVAL(${X})}${EVAL(${X})}${EVAL(${X})}');
    const start = Date.now();
    const r = substitute('${EVAL(${X})}', ctx);
    assert.ok(Date.now() - start < 5000, `${Date.now() - start} ms`);
    assert.deepEqual(r.unknown, ['a substitution that keeps growing (the simulation stopped following it)']);
  });
  it('runs regular expressions without backtracking, and does not run what is too big', () => {
    const start = Date.now();
    assert.equal(sub(`\${REGEX("(a*)*b" ${'a'.repeat(4000)})}|\${REGEX("(a|aa)*c" ${'a'.repeat(4000)})}`).text, '0|0');
    assert.ok(Date.now() - start < 3000, `${Date.now() - start} ms`);
    const big = sub('${REGEX("((a{1,100}){1,100}){1,100}" b)}');
    assert.equal(big.text, '');
    assert.equal(big.unknown.length, 1);
    assert.equal(compileEre(toBytes('(a)\\1')).constructor, Object);
  });
  it('stays linear in the text and within the 8191 bytes an application receives', () => {
    const text = `${'${X}-'.repeat(100000)}`;
    const start = Date.now();
    const r = sub(text, { X: 'abc' });
    assert.ok(Date.now() - start < 2000, `${Date.now() - start} ms`);
    assert.equal(r.text.length, 8191);
    const filter = sub(`\${FILTER(0-9,${'a1'.repeat(1500)})}|\${REPLACE(Y,a,b)}`, { Y: 'a'.repeat(4000) });
    assert.equal(filter.text, `${'1'.repeat(1500)}|${'b'.repeat(4000)}`);
  });
  it('never runs what reads the machine: the shell, the web, files, the environment', () => {
    for (const name of ['SHELL', 'CURL', 'ENV', 'FILE', 'STAT', 'DB', 'ODBC', 'REALTIME', 'AST_CONFIG']) {
      const fn = findFunction(name);
      assert.ok(fn?.live, name);
      assert.equal(fn?.read, undefined, name);
      assert.equal(fn?.write, undefined, name);
    }
    assert.deepEqual(sub('${ENV(HOME)}|${FILE(/etc/passwd)}').unknown, ["ENV(HOME) (the running PBX's environment)", 'FILE(/etc/passwd) (a file on the PBX, never read by the simulation)']);
  });
  it('models only functions Asterisk 20.20.1 registers, under their exact names', () => {
    for (const name of FUNCTIONS.keys()) assert.ok(REGISTERED.has(name), name);
  });
});
