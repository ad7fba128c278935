// POSIX extended regular expressions as glibc 2.36 compiles and runs them (C.UTF-8): where they differ from
// JavaScript's RegExp. Every expectation was checked against glibc's regcomp/regexec through Asterisk 20.20.1's
// `=~` (test/fixtures/expr/oracle.json has the same questions asked of a real Asterisk).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { compileRegex, RegexError, RegexLimitError } from '../../server/src/analysis/simulate/posixRegex';
import { execRegex } from '../../server/src/analysis/simulate/posixRegexMatch';

/** [match start, end] in bytes and group 1's text, as regexec(..., 2, ...) gives them. */
function run(pattern: string, text: string, anchored = false): [number, number, string | undefined] | undefined {
  const m = execRegex(compileRegex(pattern), text, anchored);
  return m && [m.start, m.end, m.groups[1]?.text];
}

function error(pattern: string): string {
  try {
    compileRegex(pattern);
  } catch (e) {
    assert.ok(e instanceof RegexError);
    return e.message;
  }
  return 'compiled';
}

describe('posix regex: compiling as glibc does', () => {
  it('gives glibc regerror() texts', () => {
    const cases: Array<[string, string]> = [
      ['[', 'Invalid regular expression'],
      ['[^', 'Invalid regular expression'],
      ['[a', 'Unmatched [, [^, [:, [., or [='],
      ['(a', 'Unmatched ( or \\('],
      ['a{1', 'Unmatched \\{'],
      ['a{x}', 'Invalid content of \\{\\}'],
      ['a{2,1}', 'Invalid content of \\{\\}'],
      ['a{32768}', 'Regular expression too big'],
      ['*a', 'Invalid preceding regular expression'],
      ['a|*b', 'Invalid preceding regular expression'],
      ['^*', 'Invalid preceding regular expression'],
      ['{1}', 'Invalid preceding regular expression'],
      ['a\\', 'Trailing backslash'],
      ['\\1', 'Invalid back reference'],
      ['(a\\1)', 'Invalid back reference'],
      ['[[:foo:]]', 'Invalid character class name'],
      ['[b-a]', 'Invalid range end'],
      ['[a-c-e]', 'Invalid range end'],
      ['[a-é]', 'Invalid collation character'],
      ['[[.hyphen.]]', 'Invalid collation character'],
    ];
    for (const [pattern, message] of cases) assert.equal(error(pattern), message, pattern);
  });
  it('accepts what JavaScript would refuse, and reads it glibc\'s way', () => {
    for (const p of ['a**', 'a+*', 'a{2}{3}', ')', 'a)', '}', '()', '(|a)', 'a||b', '[]a]', '[^]a]', '[a-]', '\\{']) assert.equal(error(p), 'compiled', p);
    assert.equal(compileRegex('(a)(b(c))').groups, 3);
  });
});

describe('posix regex: matching as glibc does', () => {
  it('takes the leftmost, then the longest match (not the first alternative that works)', () => {
    assert.deepEqual(run('a|aa', 'aaa'), [0, 2, undefined]);
    assert.deepEqual(run('(a|ab)(c|bcd)', 'abcd'), [0, 4, 'a']);
    assert.deepEqual(run('b|bc|abc', 'xabcd'), [1, 4, undefined]);
  });
  it('gives a group the first way to the longest match, the last pass of a repetition', () => {
    assert.deepEqual(run('(.*)c', 'abcabc'), [0, 6, 'abcab']);
    assert.deepEqual(run('(a|b)*', 'ab'), [0, 2, 'b']);
    assert.deepEqual(run('(a*)*', 'b'), [0, 0, '']);
    assert.deepEqual(run('(a*)+', 'b'), [0, 0, '']);
    assert.deepEqual(run('b([[:alpha:]]*){,2}', 'abc'), [1, 3, '']);
    assert.deepEqual(run('y(z)?', 'xyz'), [1, 3, 'z']);
    assert.deepEqual(run('(q)|y', 'xyz'), [1, 2, undefined]);
  });
  it('treats `?` after a quantifier as another quantifier, not laziness', () => {
    assert.deepEqual(run('(.*?)c', 'abcabc'), [0, 6, 'abcab']);
  });
  it('anchors `^` and `$` wherever they stand, and knows glibc word anchors', () => {
    assert.deepEqual(run('b|^a', 'abc'), [0, 1, undefined]);
    assert.equal(run('a^b', 'a^b'), undefined);
    assert.deepEqual(run('c$', 'abc'), [2, 3, undefined]);
    assert.deepEqual(run('\\bb', 'a b'), [2, 3, undefined]);
    assert.equal(run('\\bb', 'ab'), undefined);
    assert.deepEqual(run('a\\>', 'ab a'), [3, 4, undefined]);
  });
  it('reads escapes and brackets the POSIX way', () => {
    assert.deepEqual(run('a\\.c', 'abc a.c'), [4, 7, undefined]);
    assert.deepEqual(run('\\d', 'd1'), [0, 1, undefined]); // `\d` is a plain d
    assert.deepEqual(run('[\\d]', '1\\'), [1, 2, undefined]); // a backslash is literal in brackets
    assert.deepEqual(run('[]]', 'a]'), [1, 2, undefined]);
    assert.deepEqual(run('[[:digit:]]+', 'a12b'), [1, 3, undefined]);
    assert.deepEqual(run('[^a]', 'a\n'), [1, 2, undefined]); // a newline is like any character
    assert.deepEqual(run('.', '\n'), [0, 1, undefined]);
  });
  it('counts UTF-8 bytes, matching whole characters', () => {
    assert.deepEqual(run('.', 'é'), [0, 2, undefined]);
    assert.deepEqual(run('a(.)', 'aé'), [0, 3, 'é']);
    assert.deepEqual(run('[[:alpha:]]+', 'éa'), [0, 3, undefined]);
    assert.deepEqual(run('\\w', 'é'), [0, 2, undefined]);
  });
  it('matches only at the start for `:`', () => {
    assert.deepEqual(run('b', 'abc', true), undefined);
    assert.deepEqual(run('a*', 'baa', true), [0, 0, undefined]);
  });
  it('follows back-references', () => {
    assert.deepEqual(run('(a)\\1', 'xaa'), [1, 3, 'a']);
    assert.deepEqual(run('(ab)\\1', 'abab'), [0, 4, 'ab']);
    assert.equal(run('(a)\\1', 'ab'), undefined);
  });
  it('matches dialplan-style patterns', () => {
    assert.deepEqual(run('^(0[1-9])(.*)$', '0123456'), [0, 7, '01']);
    assert.deepEqual(run('\\+?([0-9]+)', '+491234', true), [0, 7, '491234']);
    assert.deepEqual(run('^(SIP|PJSIP)/(.*)-[0-9a-f]+$', 'SIP/trunk-0000a1b2'), [0, 18, 'SIP']);
  });
  it('refuses what it will not simulate in reasonable time', () => {
    assert.throws(() => execRegex(compileRegex('((a{1000}){1000}){1000}'), 'a'), RegexLimitError);
    assert.throws(() => compileRegex('('.repeat(1000) + ')'.repeat(1000)), RegexLimitError);
    assert.throws(() => compileRegex('a' + '*'.repeat(10000)), RegexLimitError);
  });
});
