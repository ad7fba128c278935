// IvozProvider friend patterns in plain words (server/src/analysis/explainRegex.ts). Every example and every
// number said not to match is checked with the RegExp the friend model compiles, so a hover can never show a
// number the pattern treats otherwise.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { explainRegex } from '../../server/src/analysis/explainRegex';

/** Expression -> summary, length, and the number said not to match with why (null: only the checks apply). */
const TABLE: [string, string, string | null, string | null][] = [
  ['^2[0-9]{2}$', 'Three digits starting with 2.', '3 characters', '312 (it must start with `2`)'],
  ['^[89]0[0-9]{7}$', 'Nine digits; the 1st is 8 or 9, the 2nd is 0, the rest any digit.', '9 characters', '002555123 (the 1st digit must be 8 or 9)'],
  ['^\\d{3,4}$', 'Three or four digits.', '3 or 4 characters', '21 (too short: it takes at least 3 digits)'],
  ['^(6|7)[0-9]{8}$', '`6` or `7`, then eight digits.', '9 characters', '6125551234 (one digit too many: it takes exactly 9 digits)'],
  ['^(00|\\+)34[0-9]{9}$', '`00` or `+`, then `34`, then nine digits.', '12 or 13 characters', null],
  ['^(?:\\+34)?[6-9][0-9]{8}$', 'Optionally `+34`, then a digit 6-9, then eight digits.', '9 to 12 characters', null],
  ['^00[0-9]{2,12}$', '`00`, then 2 to 12 digits.', '4 to 14 characters', null],
  ['^9[0-9]+$', '`9`, then one or more digits.', '2 or more characters', null],
  ['^[*#][0-9]{2}$', '`#` or `*`, then two digits.', '3 characters', null],
  ['^[^0].*$', 'A character other than 0, then any number of characters of any kind (or none).', '1 or more characters', '0 (the 1st character must not be 0)'],
  ['^4[0-9]{2}', 'Three digits starting with 4, then anything.', '3 or more characters', '512 (it must start with `4`)'],
  ['2[0-9]{2}', 'Anything that contains three digits starting with 2.', '3 or more characters', null],
  ['[0-9]{2}$', 'Anything that ends with two digits.', '2 or more characters', null],
  // in a regular expression X is the letter X, not a wildcard
  ['^(1|2)XX$', '`1` or `2`, then `XX`.', '3 characters', null],
];

describe('friend patterns in plain words', () => {
  for (const [text, summary, length, not] of TABLE) {
    it(text, () => {
      const regex = new RegExp(text);
      const e = explainRegex(text, regex);
      assert.equal(e.summary, summary);
      assert.equal(e.lengthText, length);
      assert.ok(e.matches.length >= 2, `${text}: examples ${e.matches.join(', ')}`);
      for (const m of e.matches) assert.ok(regex.test(m), `${text} does not match its example ${m}`);
      assert.ok(e.nonMatch, `${text}: no number it misses`);
      assert.ok(!regex.test(e.nonMatch.number), `${text} matches ${e.nonMatch.number}, said not to`);
      if (not !== null) assert.equal(`${e.nonMatch.number} (${e.nonMatch.why})`, not);
    });
  }

  it('warns about a pattern that is not anchored, with a longer number it also takes', () => {
    const e = explainRegex('2[0-9]{2}', /2[0-9]{2}/);
    assert.deepEqual(e.anchored, { start: false, end: false });
    assert.match(e.notes[0], /^Not anchored \(no \^ and no \$\): it matches every number that merely contains what it describes \(`92129` too\).* Write `\^2\[0-9\]\{2\}\$`\.$/);
    assert.ok(/2[0-9]{2}/.test('92129'));
    assert.deepEqual(explainRegex('^2[0-9]{2}$', /^2[0-9]{2}$/).notes, []);
  });

  it('says that MySQL reads \\d differently, and that . is any character', () => {
    assert.match(explainRegex('^\\d{3}$', /^\d{3}$/).notes.join(' '), /MySQL's REGEXP before 8\.0 as the letter d.*Write `\[0-9\]`/);
    assert.match(explainRegex('^1.+$', /^1.+$/).notes.join(' '), /`\.` stands for any character, not only a digit/);
  });

  it('finds numbers by trying when the expression is beyond words, and never claims what it cannot check', () => {
    for (const text of ['^(?=1)[0-9]+$', '^100|200$', '^([0-9])\\1$', '^\\w+$']) {
      const regex = new RegExp(text);
      const e = explainRegex(text, regex);
      assert.match(e.summary, /beyond what PBX Interconnect puts into words/, text);
      assert.equal(e.lengthText, null);
      for (const m of e.matches) assert.ok(regex.test(m), `${text}: ${m}`);
      if (e.nonMatch) assert.ok(!regex.test(e.nonMatch.number), `${text}: ${e.nonMatch.number}`);
    }
    assert.deepEqual(explainRegex('^100|200$', /^100|200$/).matches, ['100', '200', '1000']);
  });
});
