// Pattern explanations for hovers (server/src/analysis/explainPattern.ts). Every example number is checked with
// the project's real matcher, so an explanation can never show a number that Asterisk would route elsewhere.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { explainPattern, explainSubstring } from '../../server/src/analysis/explainPattern';
import { matchExtension, stripName } from '../../server/src/model/extensionName';

/** Does Asterisk's default matcher take `number` as a complete match of extension `name`? (`!` early matches count.) */
function matches(name: string, number: string): boolean {
  return matchExtension(stripName(name, true), number, 'match') !== 0;
}

/** Name -> the expected summary; null where only the matcher checks apply. */
const TABLE: [string, string | null][] = [
  ['_NXXNXXXXXX', 'Ten digits; the 1st and 4th are 2-9, the rest any digit.'],
  ['_1NXXNXXXXXX', 'Eleven digits starting with 1; the 2nd and 5th are 2-9, the rest any digit.'],
  ['_91NXXNXXXXXX', 'Twelve digits starting with 91; the 3rd and 6th are 2-9, the rest any digit.'],
  ['_**99.', '`**99` followed by at least one more character (anything).'],
  ['_0[1-9].', '`0`, then a digit 1-9, then at least one more character.'],
  ['_1XX', 'Three digits starting with 1.'],
  ['_1-XX', 'Three digits starting with 1.'],
  ['_XXX', 'Three digits.'],
  ['_NNN', 'Three digits, each 2-9.'],
  ['_NXX', 'Three digits; the 1st is 2-9, the rest any digit.'],
  ['_[13]XX', 'Three digits; the 1st is 1 or 3, the rest any digit.'],
  ['_9[1-5]X1', 'Four digits starting with 9; the 2nd is 1-5, the 4th is 1, the rest any digit.'],
  ['_X.', 'A digit followed by at least one more character.'],
  ['_!', 'Anything, including nothing at all.'],
  ['_X!', 'A digit, optionally followed by anything.'],
  ['_.', 'Anything of at least one character.'],
  ['_[a-z].', 'A lower-case letter a-z followed by at least one more character.'],
  ['_[A-Z]XX', 'An upper-case letter A-Z, then two digits.'],
  ['_[*#0-9]X', 'One of 0-9, `#` or `*`, then a digit.'],
  ['_stdexten-.', '`stde`, then a digit, then `te`, then a digit 2-9, then at least one more character.'],
  ['_stde[x]te[n]-.', '`stdexten` followed by at least one more character (anything).'],
  ['_fax', '`fa`, then a digit.'],
  ['_+33.', '`+33` followed by at least one more character (anything).'],
  ['_00.', '`00` followed by at least one more character (anything).'],
  ['_011.', '`011` followed by at least one more character (anything).'],
  ['_#', 'Exactly `#`.'],
  ['_100', 'Exactly 100.'],
  ['_X#', 'A digit, then `#`.'],
  ['_*X.', '`*`, then a digit, then at least one more character.'],
  ['_2!9', '`2`, optionally followed by anything.'],
  ['_[a-]X', '`a`, then a digit.'],
  ['_[-a]X', '`a`, then a digit.'],
  ['_X-X', 'Two digits.'],
  ['_Zz', 'Two digits, each 1-9.'],
  ['_1[]2', 'Exactly 12.'],
  ['_X[]!', 'A digit followed by at least one more character.'],
  ['_', 'Only the empty number (nothing dialed).'],
  ['_[]', 'Matches nothing: a number that ends at the empty `[]` never matches.'],
  ['_X[]', 'Matches nothing: a number that ends at the empty `[]` never matches.'],
  ['_[9-0]X', 'Matches nothing: `[9-0]` holds no character a number can have.'],
  ['_[-]', 'Matches nothing: `[-]` holds no character a number can have.'],
  ['_X[12', 'Matches nothing: `[12` has no closing `]`.'],
  ['101', 'Exactly 101.'],
  ['555-1234', 'Exactly 5551234.'],
  ['**99.', 'Exactly `**99.`.'],
  ['NXXXXXX', 'Exactly NXXXXXX.'],
  ['s', 'Exactly s: the start extension, run when a call arrives with no number.'],
  ['h', null],
  ['i', null],
  ['t', null],
  ['T', null],
  ['e', null],
];

describe('explainPattern', () => {
  for (const [name, summary] of TABLE) {
    it(`explains ${name || '(empty)'}, and its numbers go through the matcher`, () => {
      const e = explainPattern(name);
      if (summary !== null) assert.equal(e.summary, summary);
      for (const number of e.matches) assert.ok(matches(name, number), `${name} should match ${number}`);
      if (e.nonMatch) assert.ok(!matches(name, e.nonMatch.number), `${name} should not match ${e.nonMatch.number} (${e.nonMatch.why})`);
      if (e.lengths.max !== null) for (const number of e.matches) assert.equal(number.replace(/-/g, '').length, e.lengths.max);
      for (const number of e.matches) assert.ok(number.replace(/-/g, '').length >= e.lengths.min);
    });
  }

  it('gives realistic numbers, a non-match with its reason, and the length', () => {
    const e = explainPattern('_NXXNXXXXXX');
    assert.deepEqual(e.lengths, { min: 10, max: 10 });
    assert.equal(e.lengthText, '10 characters');
    assert.deepEqual(e.matches.slice(0, 2), ['2125551234', '2015550100']);
    assert.deepEqual(e.nonMatch, { number: '1125551234', why: 'the 1st digit must be 2-9' });
    assert.deepEqual(e.notes, []);
  });

  it('shows that . needs one more character and matches letters too', () => {
    const e = explainPattern('_**99.');
    assert.deepEqual(e.lengths, { min: 5, max: null });
    assert.equal(e.lengthText, '5 or more characters');
    assert.deepEqual(e.nonMatch, { number: '**99', why: 'nothing follows `**99`: `.` needs at least one more character' });
    assert.match(e.notes.join('\n'), /`\*\*99abc`/);
  });

  it('warns that x and n inside a word are wildcards, and how to write the letters', () => {
    const e = explainPattern('_stdexten-.');
    assert.equal(e.nonMatch?.number, 'stdexten-NOANSWER');
    assert.ok(!matches('_stdexten-.', 'stdexten-NOANSWER'));
    assert.match(e.notes[0], /`x` and `n` are wildcards/);
    assert.match(e.notes[0], /`_stde\[x\]te\[n\]-\.`/);
    assert.ok(matches('_stde[x]te[n]-.', 'stdexten-NOANSWER'));
    assert.deepEqual(explainPattern('_NXX').notes, []);
  });

  it('notes what Asterisk ignores or never matches', () => {
    const note = (name: string): string => explainPattern(name).notes.join('\n');
    assert.match(note('_2!9'), /`9` is ignored, so this is `_2!`/);
    assert.match(note('_X[12'), /unclosed `\[`/);
    assert.match(note('_[9-0]X'), /`9-0` runs backwards/);
    assert.match(note('_[-a]X'), /the `-` in `\[-a\]` never matches/);
    assert.match(note('_1[]2'), /empty `\[\]` is skipped/);
    assert.match(note('_X[]!'), /empty `\[\]` before `!`/);
    assert.match(note('_1-XX'), /this is `_1XX`/);
    assert.match(note('_.'), /special ones/);
    assert.match(note('**99.'), /No leading `_`.*`_\*\*99\.`/);
    assert.match(note('555-1234'), /dialing `5551234`/);
    assert.equal(note('s'), '');
    assert.equal(note('fax'), '');
  });

  it('reports lengths for open and impossible patterns', () => {
    assert.deepEqual(explainPattern('_!').lengths, { min: 0, max: null });
    assert.equal(explainPattern('_!').lengthText, 'any length, even none');
    assert.equal(explainPattern('_!').nonMatch, null);
    assert.equal(explainPattern('_X!').lengthText, '1 or more characters');
    assert.deepEqual(explainPattern('_X[]!').lengths, { min: 2, max: null });
    assert.deepEqual(explainPattern('_X[12').matches, []);
    assert.equal(explainPattern('_X[12').lengthText, 'none: it matches nothing');
  });

  it('explains the special extensions', () => {
    for (const name of ['s', 'h', 'i', 't', 'T', 'a', 'o', 'e']) assert.match(explainPattern(name).summary, new RegExp(`^Exactly ${name}: .+\\.$`));
    assert.equal(explainPattern('S').summary, 'Exactly S.');
  });
});

describe('explainSubstring', () => {
  it('explains offsets and lengths as Asterisk applies them', () => {
    assert.equal(explainSubstring('${EXTEN:4}', '**99101'), '`${EXTEN:4}`: the dialed number without its first 4 characters — `**99101` gives `101`.');
    assert.equal(explainSubstring('${EXTEN:-4}', '2125551234'), '`${EXTEN:-4}`: the last 4 characters of the dialed number — `2125551234` gives `1234`.');
    assert.equal(explainSubstring('${EXTEN:1:3}', '912125551234'), '`${EXTEN:1:3}`: 3 characters of the dialed number, starting at the 2nd — `912125551234` gives `121`.');
    assert.equal(explainSubstring('${EXTEN:0:-1}', '101#'), '`${EXTEN:0:-1}`: the dialed number without its last character — `101#` gives `101`.');
    assert.equal(explainSubstring('${CALLERID(num):2}', '0033123456789'), "`${CALLERID(num):2}`: the caller's number without its first 2 characters — `0033123456789` gives `33123456789`.");
    assert.equal(explainSubstring('${EXTEN:2:-1}', '**101#'), '`${EXTEN:2:-1}`: the dialed number without its first 2 characters and its last character — `**101#` gives `101`.');
    assert.equal(explainSubstring('${EXTEN:-4:2}', '2125551234'), '`${EXTEN:-4:2}`: 2 characters of the dialed number, starting 4th from the end — `2125551234` gives `12`.');
    assert.equal(explainSubstring('${EXTEN:10}', '101'), '`${EXTEN:10}`: the dialed number without its first 10 characters — `101` gives nothing (an empty string).');
  });

  it('works without an example, and with any variable', () => {
    assert.equal(explainSubstring('${EXTEN:1}', null), '`${EXTEN:1}`: the dialed number without its first character.');
    assert.equal(explainSubstring('${PREFIX:0:3}', null), '`${PREFIX:0:3}`: the first 3 characters of the value of `PREFIX`.');
    assert.match(explainSubstring('${EXTEN::3}', '12345')!, /keeps the whole value/);
  });

  it('returns null for what is not a substring', () => {
    assert.equal(explainSubstring('${EXTEN}', '101'), null);
    assert.equal(explainSubstring('EXTEN:4', '101'), null);
    assert.equal(explainSubstring('${EXTEN:${SKIP}}', '101'), null);
    assert.equal(explainSubstring('$[${EXTEN} + 1]', '101'), null);
  });
});
