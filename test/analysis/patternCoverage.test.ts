// Coverage of one extension by those Asterisk tries before it: a table of hand-picked cases, then random
// patterns cross-checked by brute force against the real matcher (model/extensionName.ts).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { coverage, isCovered, overlap, reachableExample } from '../../server/src/analysis/patternCoverage';
import { matchExtension } from '../../server/src/model/extensionName';

const matches = (name: string, number: string): boolean => matchExtension(name, number, 'match') !== 0;

/** The example really is one: the target matches it and no earlier name does. */
function assertReachable(target: string, earlier: string[], example: string | null): void {
  assert.ok(example !== null, `${target} after [${earlier.join(' ')}]: no example`);
  assert.ok(example.length > 0, 'the empty string is not a number');
  assert.ok(matches(target, example), `${target} does not match its example '${example}'`);
  for (const e of earlier) assert.ok(!matches(e, example), `'${example}' is matched by earlier ${e}`);
}

const hundreds = Array.from({ length: 100 }, (_, k) => String(100 + k));

// [target, earlier, covered?, example (when one is certain)]
const TABLE: [string, string[], 'yes' | 'no', string?][] = [
  // tails
  ['_1.', ['_X.'], 'yes'],
  ['_X.', ['_X!'], 'yes'],
  ['_X!', ['_X.'], 'no', '0'],
  ['_!', ['_.'], 'yes'], // an empty number is never dialed
  ['_.', ['_!'], 'yes'],
  ['_X.', ['_X'], 'no', '00'],
  ['_X.', [], 'no', '00'],
  ['_X.', ['_XX.', '_XX'], 'no', '0a'],
  ['_X.', ['_X[0-9a-z]', '_X[0-9a-z].'], 'no', '0A'],
  ['_X.', ['_XX', '_XX.', '_X.'], 'yes'],
  ['_1.', ['_XX.', '_XX'], 'no', '1a'], // `.` takes any character, not only digits
  ['_.', ['_X.', '_X'], 'no', 'a'],
  ['_+1NXXNXXXXXX', ['_+1.'], 'yes'],
  ['_1.[', ['_1.'], 'yes'], // nothing after `.` is looked at
  ['_1.', ['_1.['], 'yes'],
  ['_1/55', ['_1'], 'yes'], // the caller-ID part is not the number
  // literals and patterns
  ['_1XX', hundreds, 'yes'],
  ['_1XX', hundreds.filter((h) => h !== '150'), 'no', '150'],
  ['123', ['_1XX'], 'yes'],
  ['_1XX', ['123'], 'no', '100'],
  ['_[0-3]', ['0', '1', '2', '3'], 'yes'],
  ['s', ['_.'], 'yes'],
  ['s', ['_X.'], 'no', 's'],
  ['1-23', ['123'], 'yes'],
  ['123', ['1-2-3'], 'yes'],
  ['_1-2X', ['_12X'], 'yes'],
  // sets, ranges, X N Z
  ['_[12]XX', ['_1XX', '_2XX'], 'yes'],
  ['_[123]XX', ['_1XX', '_2XX'], 'no', '300'],
  ['_N', ['_[2-5]', '_[6-9]'], 'yes'],
  ['_N', ['_[2-5]', '_[7-9]'], 'no', '6'],
  ['_Z', ['_N', '1'], 'yes'],
  ['_Z', ['_N'], 'no', '1'],
  ['_x', ['_[0-9]'], 'yes'],
  ['_X', ['_x'], 'yes'],
  ['_[0-9a-f]', ['_X'], 'no', 'a'],
  ['_[0-9a-f]', ['_X', '_[a-f]'], 'yes'],
  ['_[a-cx]X', ['_[ab]X', '_[c-x]X'], 'yes'],
  ['_NXXXXXX', ['_[2-4]XXXXXX', '_[5-9]X.'], 'yes'],
  ['_a', ['_A'], 'no', 'a'], // letters other than X, N, Z are case-sensitive
  // * # +
  ['_*X', ['_[*#]X'], 'yes'],
  ['_#.', ['_*.'], 'no', '#0'],
  ['_[*#]X', ['_*X'], 'no', '#0'],
  ['_+X', ['_[+*]X'], 'yes'],
  // empty, reversed and unclosed sets; dashes in sets
  ['_1[]2', ['_12'], 'yes'], // `[]` uses up no character
  ['_12', ['_1[]2'], 'yes'],
  ['_1[]', [], 'yes'], // ...but the number may not end right before it: matches nothing
  ['_1[]!', ['_1.'], 'yes'],
  ['_1!', ['_1[]!'], 'no', '1'],
  ['_[9-0]X', [], 'yes'], // a reversed range holds nothing
  ['_X', ['_[9-0]'], 'no', '0'],
  ['_1[23', [], 'yes'], // an unclosed set: never matches
  ['_1X', ['_1[0-9'], 'no', '10'],
  ['_[1-]', ['_1'], 'yes'], // a dash is never part of a number
  ['_[-]', [], 'yes'],
  ['', [], 'yes'],
  ['_', [], 'yes'],
];

describe('patternCoverage: table', () => {
  for (const [target, earlier, want, example] of TABLE) {
    const shown = earlier.length > 6 ? `${earlier.length} names` : earlier.join(' ');
    it(`${target || "''"} after [${shown}]: ${want}${example ? ` (${example})` : ''}`, () => {
      assert.equal(isCovered(target, earlier), want);
      const got = reachableExample(target, earlier);
      if (want === 'yes') assert.equal(got, null);
      else {
        assertReachable(target, earlier, got);
        if (example !== undefined) assert.equal(got, example);
      }
    });
  }

  it('answers unknown when the budget runs out, and a bigger budget decides', () => {
    const earlier = Array.from({ length: 400 }, (_, k) => `_${String(k).padStart(3, '0')}X`);
    assert.equal(isCovered('_XXXX', earlier, 50), 'unknown');
    assert.deepEqual(coverage('_XXXX', earlier, 50), { result: 'unknown' });
    assert.equal(reachableExample('_XXXX', earlier, 50), null);
    assert.deepEqual(coverage('_XXXX', earlier), { result: 'no', example: '4000' });
  });

  it('decides a large context quickly', () => {
    const earlier = Array.from({ length: 1000 }, (_, k) => String(1000 + k)); // 1000..1999 as literals
    const start = Date.now();
    assert.equal(isCovered('_1XXX', earlier), 'yes');
    assert.equal(reachableExample('_1XXX', earlier.slice(1)), '1000');
    assert.ok(Date.now() - start < 1000);
  });
});

describe('patternCoverage: overlap', () => {
  const cases: [string, string, string | null][] = [
    ['_1X', '_X5', '15'],
    ['_1X', '_2X', null],
    ['_X.', '_!', '00'],
    ['_X!', '_!', '0'],
    ['_!', '_.', '0'],
    ['s', '_.', 's'],
    ['_X', '_XX', null],
    ['_X.', '_XX', '00'],
    ['_[a-c]', '_[c-e]', 'c'],
    ['_N', '_[01]', null],
    ['123', '_1XX', '123'],
    ['1-23', '123', '123'],
    ['_1[]', '_1!', null],
    ['_[9-0]', '_X', null],
  ];
  for (const [a, b, want] of cases) {
    it(`${a} & ${b}: ${want}`, () => {
      assert.equal(overlap(a, b), want);
      assert.equal(overlap(b, a), want);
      if (want !== null) assert.ok(matches(a, want) && matches(b, want));
    });
  }
});

// ------------------------------------------------------------------------------------------------ property

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ['0', '1', '2', '3', '*'];
const NARROW = ['0', '1', '2', '3', '*', '[12]', '[0-2]', '[*3]', '[3-1]', '[1-]', '-', '[]', 'z'];
const WIDE = ['X', 'x', 'N', 'Z', '[0-3]', '[0-3*]', '[*0-1]', '[]', '-'];
const TAILS = ['', '', '', '.', '!', '.', '!', '[', '[]', '[]!'];

function generator(seed: number): (wide: boolean) => string {
  const r = random(seed);
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)];
  return (wide) => {
    if (r() < 0.2) {
      let s = '';
      for (let n = 1 + Math.floor(r() * 3); n > 0; n--) s += r() < 0.15 ? '-' : pick(ALPHABET);
      return s;
    }
    let s = '_';
    for (let n = Math.floor(r() * 4); n > 0; n--) s += r() < (wide ? 0.6 : 0.3) ? pick(WIDE) : pick(NARROW);
    return s + pick(TAILS);
  };
}

/** Every number over ALPHABET of length 1..6 that all `names` match: a walk that drops prefixes one cannot match. */
function numbersOf(...names: string[]): string[] {
  const out: string[] = [];
  const walk = (prefix: string): void => {
    for (const c of ALPHABET) {
      const n = prefix + c;
      if (names.some((name) => matchExtension(name, n, 'canmatch') === 0)) continue;
      if (names.every((name) => matches(name, n))) out.push(n);
      if (n.length < 6) walk(n);
    }
  };
  walk('');
  return out;
}

describe('patternCoverage: random patterns against the real matcher', () => {
  it('the brute force walk finds every number a plain filter finds', () => {
    const all: string[] = [];
    for (let length = 1, level = ['']; length <= 6; length++) {
      level = level.flatMap((p) => ALPHABET.map((c) => p + c));
      all.push(...level);
    }
    const next = generator(7);
    for (let k = 0; k < 24; k++) {
      const name = next(k % 2 === 0);
      assert.deepEqual(numbersOf(name).sort(), all.filter((n) => matches(name, n)).sort(), name);
    }
  });

  it('agrees with brute force over every number of length 1..6', () => {
    const next = generator(20261122);
    const tally = { yes: 0, yesNonEmpty: 0, no: 0, overlaps: 0, disjoint: 0 };
    for (let round = 0; round < 3000; round++) {
      const target = next(false);
      const earlier = Array.from({ length: Math.floor(random(round)() * 4) }, () => next(true));
      const context = `round ${round}: ${target} after [${earlier.join(' ')}]`;
      const got = coverage(target, earlier);
      assert.notEqual(got.result, 'unknown', context);
      if (got.result === 'yes') {
        tally.yes++;
        const own = numbersOf(target);
        if (own.length > 0) tally.yesNonEmpty++;
        const open = own.find((n) => !earlier.some((e) => matches(e, n)));
        assert.equal(open, undefined, `${context}: said covered, but '${open}' is reachable`);
      } else if (got.result === 'no') {
        tally.no++;
        assertReachable(target, earlier, got.example);
        assert.equal(reachableExample(target, earlier), got.example, context);
      }
      const other = earlier[0] ?? next(true);
      const both = overlap(target, other);
      if (both === null) {
        tally.disjoint++;
        const common = numbersOf(target, other);
        assert.deepEqual(common, [], `${target} & ${other}: said disjoint, but both match '${common[0]}'`);
      } else {
        tally.overlaps++;
        assert.ok(matches(target, both) && matches(other, both), `${target} & ${other}: '${both}'`);
      }
    }
    // Both answers must have been exercised in earnest.
    for (const [k, v] of Object.entries(tally)) assert.ok(v >= 300, `only ${v} ${k}: ${JSON.stringify(tally)}`);
  });
});
