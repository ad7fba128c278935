// `$[...]` against what Asterisk 20.20.1 really does: every pair of its own unit test (tests/test_expr.c), the
// EXPR group of the conformance cases (recorded from a real Asterisk), and the answers of a real Asterisk to the
// questions those leave open (test/fixtures/expr/oracle.json says how they were recorded). Then the truth of
// conditions (pbx_checkcondition) against the recorded IF() cases, and inputs built to hang or overflow a naive
// evaluator.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { ExpressionResult, FunctionReader } from '../../server/src/analysis/simulate/expression';
import { evaluate, evaluateExpression, truthy } from '../../server/src/analysis/simulate/expression';
import { CONFORMANCE, ROOT } from '../paths';

interface Recorded {
  id?: string;
  expr: string;
  vars?: Record<string, string>;
  result: string;
  warnings: string[];
  closingMarkerLost?: boolean;
  group?: string;
}

const fixture = (name: string): { cases: any[] } => JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'expr', name), 'utf8'));
const conformance = (): Recorded[] => JSON.parse(fs.readFileSync(path.join(CONFORMANCE, 'functions', 'cases.json'), 'utf8')).cases;

/** A log line without empty lines (the recorder drops them). */
const withoutBlankLines = (s: string): string => s.replace(/\n+/g, '\n');
/** A recorded log line without its `LEVEL source: ` prefix. */
const message = (line: string): string => line.replace(/^(WARNING|ERROR) [^ :]+: /, '');
/** The value and the warnings' text of a result. */
const brief = (r: ExpressionResult): { value: string; warnings: string[] } => ({ value: r.value, warnings: r.warnings });

function assertSame(got: ExpressionResult, want: { result: string; warnings: string[] }, what: string): void {
  assert.equal(got.unknown, undefined, `${what}: unknown (${got.unknown})`);
  assert.equal(got.value, want.result, `${what}: value`);
  // the log lines as Asterisk wrote them: level, the file it names, the message
  const lines = got.log.map((l) => withoutBlankLines(`${l.level} ${l.source}: ${l.message}`));
  assert.deepEqual(lines, want.warnings, `${what}: warnings`);
  assert.deepEqual(got.warnings.map(withoutBlankLines), want.warnings.map(message), `${what}: warnings' text`);
}

describe('expression: tests/test_expr.c of Asterisk 20.20.1', () => {
  const { cases } = fixture('test_expr.json') as { cases: Array<{ input: string; output: string }> };
  it('has every pair of the test', () => assert.equal(cases.length, 102));
  for (const [i, c] of cases.entries()) {
    it(`case ${i + 1}: ${JSON.stringify(c.input)}`, () => {
      // ast_expr() writes into a 32-byte buffer there
      assert.equal(evaluateExpression(c.input).value.slice(0, 31), c.output);
    });
  }
});

/** The test-local stand-in for `${NAME}` substitution: plain variables only, and nested `$[...]` innermost first. */
function substituted(c: Recorded): string | undefined {
  let inner = c.expr.slice(2, c.closingMarkerLost ? undefined : -1);
  // the NoOp argument went on after the expression that swallowed its closing `]`
  if (c.closingMarkerLost) inner += '>>';
  if (/\$\{[^}]*[(:]/.test(inner)) return undefined; // a function or a substring: substituted elsewhere
  inner = inner.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => c.vars?.[name] ?? '');
  for (let m = /\$\[([^[\]]*)\]/.exec(inner); m; m = /\$\[([^[\]]*)\]/.exec(inner)) {
    inner = inner.slice(0, m.index) + evaluateExpression(m[1]).value + inner.slice(m.index + m[0].length);
  }
  return inner;
}

describe('expression: the EXPR cases of a real Asterisk 20.20.1 (conformance/functions)', () => {
  const cases = conformance().filter((c) => c.group === 'EXPR');
  const run = cases.filter((c) => substituted(c) !== undefined);
  it('has the 148 cases, and runs all but those calling functions', () => {
    assert.equal(cases.length, 148);
    assert.deepEqual(
      cases.filter((c) => substituted(c) === undefined).map((c) => c.id),
      ['f454', 'f464', 'f465'], // ${LEN(...)}, ${IF(...)}, ${CUT(...)}
    );
  });
  for (const c of run) {
    it(`${c.id}: ${c.expr}`, () => {
      const recorded = { ...c, warnings: c.warnings.filter((w) => !w.includes('pbx_variables.c')) };
      assertSame(evaluateExpression(substituted(c)!), recorded, c.expr);
    });
  }
});

/** The dialplan functions the oracle cases read, as Asterisk's func_strings gives them. */
const readFunction: FunctionReader = (name, args) => {
  if (name === 'LEN') return { value: String(Buffer.byteLength(args)) };
  if (name === 'TOUPPER') return { value: args.toUpperCase() };
  return 'missing';
};
/** Oracle cases whose value is not this evaluator's: a function's own warning, or a buffer the function never wrote. */
const FUNCTION_LOGS = ['MATH(3*4)', 'MATH(3*4,int)', 'CUT(x)'];

describe('expression: answers of a real Asterisk 20.20.1 (fixtures/expr/oracle.json)', () => {
  const { cases } = fixture('oracle.json') as { cases: Recorded[] };
  for (const c of cases.filter((x) => !FUNCTION_LOGS.includes(x.expr) && x.expr !== 'POW(2,)')) {
    it(JSON.stringify(c.expr), () => assertSame(evaluateExpression(c.expr, { readFunction }), c, c.expr));
  }
  it('says a built-in function given an empty argument reads unknown memory (Asterisk gave 1 that time)', () => {
    const c = cases.find((x) => x.expr === 'POW(2,)')!;
    assert.equal(c.result, '1');
    const r = evaluateExpression(c.expr);
    assert.match(r.unknown ?? '', /POW\(\) of a string/);
    assert.equal(evaluate(c.expr), null);
  });
  it('leaves only the cases whose text comes from the functions themselves', () => {
    assert.deepEqual(
      cases.filter((x) => FUNCTION_LOGS.includes(x.expr)).map((x) => x.warnings.map((w) => w.split(':')[0])),
      [['WARNING func_math.c'], ['WARNING func_math.c'], ['ERROR func_cut.c']],
    );
  });
});

describe('expression: functions without a live call', () => {
  it('knows the functions Asterisk has only by name: their value is unknown', () => {
    const r = evaluateExpression('LEN(abc) + 1');
    assert.match(r.unknown ?? '', /LEN\(\)/);
    assert.equal(evaluate('LEN(abc) + 1'), null);
  });
  it('logs what Asterisk logs for a name it does not have', () => {
    const r = evaluateExpression('FMOD(7,3)');
    assert.equal(r.value, '0');
    assert.deepEqual(r.log, [
      { level: 'WARNING', source: 'ast_expr2.y', message: 'Hey! could not find func FMOD.' },
      { level: 'ERROR', source: 'ast_expr2.y', message: "Error! 'FMOD' doesn't appear to be an available function!" },
    ]);
  });
  it('gives the value a built-in function has whatever address a string argument has', () => {
    assert.deepEqual(brief(evaluateExpression('FLOOR(abc) + CEIL(abc) + COS(abc)')), { value: '2', warnings: [] });
    assert.match(evaluateExpression('SQRT(abc)').unknown ?? '', /address/);
  });
});

describe('expression: the truth of conditions (pbx_checkcondition)', () => {
  it('agrees with every recorded IF() whose condition is plain text', () => {
    let checked = 0;
    for (const c of conformance().filter((x) => x.group === 'LOGIC')) {
      const m = /^\$\{IF\(([^?$"\\]*)\?([^:\\]*)(?::([^\\]*))?\)\}$/.exec(c.expr);
      // IF() refuses an empty condition; it strips blanks (then pbx_checkcondition reads what is left)
      if (!m || m[1] === '') continue;
      assert.equal(truthy(m[1].trim()) ? m[2].trim() : (m[3] ?? '').trim(), c.result, c.expr);
      checked++;
    }
    assert.ok(checked >= 8, `only ${checked} IF() cases`);
  });
  it('reads an integer at the start (32 bits), else text is true', () => {
    const cases: Array<[string, boolean]> = [
      ['', false],
      ['0', false],
      ['00', false],
      ['0.5', false],
      ['-0', false],
      [' 0', false],
      ['4294967296', false],
      ['1', true],
      ['-1', true],
      ['1abc', true],
      ['x', true],
      [' ', true],
      ['"0"', true],
      ['-', true],
    ];
    for (const [text, truth] of cases) assert.equal(truthy(text), truth, JSON.stringify(text));
  });
});

describe('expression: inputs that would hang or overflow a naive evaluator', () => {
  const timed = <T>(f: () => T): { value: T; ms: number } => {
    const t = Date.now();
    const value = f();
    return { value, ms: Date.now() - t };
  };
  it('stops 10,000 nested parentheses as bison does, at its 10,000-state stack ("memory exhausted")', () => {
    const deep = '('.repeat(10000) + '1' + ')'.repeat(10000);
    const { value: r, ms } = timed(() => evaluateExpression(deep));
    assert.equal(r.value, '0');
    assert.match(r.warnings[0], /^ast_yyerror\(\): {2}syntax error: memory exhausted; Input:\n/);
    assert.equal(r.warnings[0].split('\n')[2], ' '.repeat(9998) + '^'); // the 9,999th `(` filled the stack
    assert.ok(ms < 5000, `${ms} ms`);
    // one level less fits: 9,996 parentheses, the operand and the first `)` make 9,999 states
    assert.deepEqual(brief(evaluateExpression('('.repeat(9996) + '1' + ')'.repeat(9996))), { value: '1', warnings: [] });
  });
  it('reads long flat expressions in linear time', () => {
    const { value: r, ms } = timed(() => evaluateExpression('1' + ' + 1'.repeat(50000)));
    assert.deepEqual(brief(r), { value: '50001', warnings: [] });
    assert.ok(ms < 5000, `${ms} ms`);
  });
  it('scans deeply nested braces of a variable reference without recursion', () => {
    const text = '${' + '{'.repeat(20000) + '}'.repeat(20001) + ' = 1';
    assert.equal(evaluateExpression(text).value, '0');
  });
  it('matches catastrophic regular expressions in linear time', () => {
    const subject = 'a'.repeat(3000);
    const { value: r, ms } = timed(() => evaluateExpression(`"${subject}!" =~ "(a*)*b"`));
    assert.deepEqual(brief(r), { value: '', warnings: [] });
    const alternation = timed(() => evaluateExpression(`"${subject}" : "(a|aa)*c"`));
    assert.equal(alternation.value.value, '');
    assert.ok(ms + alternation.ms < 10000, `${ms} + ${alternation.ms} ms`);
  });
  it('backtracks over back-references without recursion, and takes 50,000 arguments in linear time', () => {
    assert.deepEqual(brief(evaluateExpression(`"${'a'.repeat(5000)}" =~ "(a)\\1*"`)), { value: 'a', warnings: [] });
    const { value: r, ms } = timed(() => evaluateExpression(`COS(${'1,'.repeat(50000)}1)`));
    assert.deepEqual(brief(r), { value: '0', warnings: ['Wrong args to COS() function'] });
    assert.ok(ms < 5000, `${ms} ms`);
  });
  it('says what it does not simulate rather than working forever', () => {
    assert.match(evaluateExpression('"a" =~ "((a{1000}){1000}){1000}"').unknown ?? '', /too large/);
    assert.match(evaluateExpression(`"${'a'.repeat(30)}c" =~ "(a|a)*\\1b"`).unknown ?? '', /back-references/);
    assert.match(evaluateExpression(`"a" =~ "${'('.repeat(5000)}a${')'.repeat(5000)}"`).unknown ?? '', /nested/);
  });
});
