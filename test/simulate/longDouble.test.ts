// The long double arithmetic and its text, against facts of the x87 extended format (64-bit significand,
// round to nearest even) and of glibc 2.36's strtold and printf("%.18Lg"); the printed values were also given by
// a real Asterisk 20.20.1 (test/fixtures/expr/oracle.json holds the same numbers inside expressions).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { LongDouble } from '../../server/src/analysis/simulate/expr/longDouble';
import * as ld from '../../server/src/analysis/simulate/expr/longDouble';
import { formatG, strtold } from '../../server/src/analysis/simulate/expr/longDoubleText';
import { arc, atan2, exponential, logarithm, power, trigonometric } from '../../server/src/analysis/simulate/expr/longDoubleMath';

const n = (text: string): LongDouble => strtold(text).value;
const finite = (x: LongDouble): { m: bigint; e: number; neg: boolean } => {
  assert.equal(x.kind, 'finite');
  return x as { m: bigint; e: number; neg: boolean; kind: 'finite' };
};

describe('long double: strtold', () => {
  it('rounds decimal text to the nearest 64-bit significand', () => {
    // 0.1L is 0xCCCCCCCCCCCCCCCD * 2^-67 (the last digit rounded up)
    assert.deepEqual(finite(n('0.1')), { kind: 'finite', neg: false, m: 0xcccccccccccccccdn, e: -67 });
    // 2^64 + 1 does not fit: it ties between 2^64 and 2^64 + 2 and goes to the even significand
    assert.deepEqual(finite(n('18446744073709551617')), { kind: 'finite', neg: false, m: 1n << 63n, e: 1 });
    assert.deepEqual(finite(n('18446744073709551619')), { kind: 'finite', neg: false, m: (1n << 63n) + 2n, e: 1 });
  });
  it('reads the longest number at the start, as glibc does', () => {
    assert.deepEqual({ ...strtold('  -12.5x'), value: formatG(strtold('  -12.5x').value) }, { value: '-12.5', length: 7, erange: false });
    assert.equal(strtold('1.2.3').length, 3);
    assert.equal(strtold('5.').length, 2);
    assert.equal(strtold('.').length, 0);
    assert.equal(strtold('').length, 0);
  });
  it('says ERANGE when the value overflows or underflows', () => {
    assert.deepEqual(strtold('1' + '0'.repeat(4933)), { value: ld.INF, length: 4934, erange: true });
    assert.equal(strtold('1' + '0'.repeat(4932)).erange, false);
    assert.equal(strtold('0.' + '0'.repeat(4960) + '1').erange, true);
    assert.equal(strtold('0.' + '0'.repeat(4940) + '1').erange, true); // subnormal and inexact
  });
});

describe('long double: printf %.18Lg', () => {
  const cases: Array<[string, string]> = [
    ['10', '10'],
    ['0.5', '0.5'],
    ['1.10', '1.1'],
    ['3.0', '3'],
    ['0.0001', '0.0001'],
    ['0.00001', '1e-05'],
    ['123456789012345678', '123456789012345678'],
    ['1234567890123456789', '1.23456789012345679e+18'],
    ['1000000000000000005', '1e+18'], // a tie at the 18th digit goes to the even digit
    ['1000000000000000015', '1.00000000000000002e+18'],
    ['1000000000000000025', '1.00000000000000002e+18'],
    ['0.1', '0.1'],
  ];
  for (const [text, printed] of cases) it(`prints ${text} as ${printed}`, () => assert.equal(formatG(n(text)), printed));
  it('prints the special values as glibc does', () => {
    assert.equal(formatG(ld.INF), 'inf');
    assert.equal(formatG(ld.NEG_INF), '-inf');
    assert.equal(formatG(ld.DEFAULT_NAN), '-nan');
    assert.equal(formatG(ld.QUIET_NAN), 'nan');
    assert.equal(formatG(ld.NEG_ZERO), '-0');
  });
  it('prints the extremes of the format', () => {
    assert.equal(formatG(ld.roundToLongDouble(false, 1n, ld.EMIN)), '3.6451995318824746e-4951');
    assert.equal(formatG(ld.roundToLongDouble(false, (1n << 64n) - 1n, ld.EMAX)), '1.18973149535723177e+4932');
  });
});

describe('long double: arithmetic', () => {
  it('divides with one rounding: 10 / 3, 2 / 3, -1 / 3', () => {
    assert.equal(formatG(ld.divide(n('10'), n('3'))), '3.33333333333333333');
    assert.equal(formatG(ld.divide(n('2'), n('3'))), '0.666666666666666667');
    assert.equal(formatG(ld.divide(ld.negate(n('1')), n('3'))), '-0.333333333333333333');
    assert.equal(formatG(ld.multiply(ld.divide(n('1'), n('3')), n('3'))), '1');
  });
  it('adds 0.1 and 0.2 to the long double nearest 0.3 (unlike doubles)', () => {
    assert.equal(ld.compare(ld.add(n('0.1'), n('0.2')), n('0.3')), 0);
  });
  it('rounds 2^63 - 1 + 1 and keeps exact integers below 2^64', () => {
    assert.equal(formatG(ld.add(n('9223372036854775807'), n('1'))), '9.22337203685477581e+18');
    assert.deepEqual(finite(ld.add(n('9223372036854775807'), n('1'))).m, 1n << 63n);
  });
  it('overflows to infinity and underflows gradually', () => {
    const max = ld.roundToLongDouble(false, (1n << 64n) - 1n, ld.EMAX);
    assert.equal(ld.multiply(max, n('2')).kind, 'inf');
    assert.equal(formatG(ld.divide(ld.roundToLongDouble(false, 1n << 63n, ld.EMIN), n('4'))), '8.40525785778023377e-4933');
  });
  it('gives signed zeros and NaNs as the x87 does', () => {
    assert.equal(formatG(ld.multiply(n('0'), ld.negate(n('1')))), '-0');
    assert.equal(formatG(ld.add(ld.NEG_ZERO, n('0'))), '0');
    assert.equal(formatG(ld.subtract(ld.INF, ld.INF)), '-nan');
    assert.equal(formatG(ld.add(ld.QUIET_NAN, ld.DEFAULT_NAN)), 'nan'); // of two NaNs, the positive one
    assert.equal(ld.compare(ld.DEFAULT_NAN, ld.DEFAULT_NAN), undefined);
  });
  it('takes exact remainders (fmodl, remainderl)', () => {
    assert.equal(formatG(ld.fmod(n('7.5'), n('2'))), '1.5');
    assert.equal(formatG(ld.fmod(ld.negate(n('7')), n('3'))), '-1');
    assert.equal(formatG(ld.remainder(n('5'), n('3'))), '-1');
    assert.equal(formatG(ld.remainder(n('5'), n('2'))), '1'); // 2.5 rounds to the even 2
    assert.equal(formatG(ld.fmod(n('1' + '0'.repeat(4000)), n('7'))), '6'); // of the long double nearest 1e4000
  });
  it('rounds to integers five ways', () => {
    const r = (x: string, how: Parameters<typeof ld.toIntegral>[1]): string => formatG(ld.toIntegral(n(x), how));
    assert.deepEqual(
      ['floor', 'ceil', 'trunc', 'round', 'rint'].map((how) => r('2.5', how as 'floor')),
      ['2', '3', '2', '3', '2'],
    );
    assert.equal(formatG(ld.toIntegral(ld.negate(n('0.4')), 'ceil')), '-0');
    assert.equal(formatG(ld.toIntegral(ld.negate(n('2.5')), 'rint')), '-2');
  });
  it('takes correctly rounded square roots', () => {
    assert.equal(formatG(ld.sqrt(n('2'))), '1.41421356237309505');
    assert.equal(formatG(ld.sqrt(n('16'))), '4');
    assert.equal(formatG(ld.sqrt(ld.negate(n('1')))), '-nan');
  });
});

describe('long double: math functions', () => {
  it('computes the transcendental functions to the last place', () => {
    assert.equal(formatG(exponential(n('1'), 'exp')), '2.71828182845904524');
    assert.equal(formatG(exponential(n('0.5'), 'exp2')), '1.41421356237309505');
    assert.equal(formatG(exponential(n('0.5'), 'exp10')), '3.16227766016837933');
    assert.equal(formatG(exponential(n('3'), 'exp10')), '1000');
    assert.equal(formatG(logarithm(n('1000'), 'log10')), '3');
    assert.equal(formatG(logarithm(n('2'), 'log')), '0.693147180559945309');
    assert.equal(formatG(trigonometric(n('1'), 'sin')), '0.841470984807896507');
    assert.equal(formatG(arc(n('1'), 'atan')), '0.78539816339744831');
    assert.equal(formatG(atan2(n('0'), ld.negate(n('1')))), '3.14159265358979324');
    assert.equal(formatG(power(n('2'), n('10'))), '1024');
    assert.equal(formatG(power(n('2'), n('0.5'))), '1.41421356237309505');
  });
  it('reduces huge arguments exactly', () => {
    assert.equal(formatG(trigonometric(n('1000000000000'), 'sin')), '-0.611238702376889498');
  });
  it('answers domain errors with glibc NaNs and infinities', () => {
    assert.equal(formatG(logarithm(ld.negate(n('1')), 'log')), 'nan');
    assert.equal(formatG(logarithm(n('0'), 'log2')), '-inf');
    assert.equal(formatG(arc(n('2'), 'acos')), 'nan');
    assert.equal(formatG(power(ld.negate(n('2')), n('0.5'))), '-nan');
    assert.equal(formatG(power(n('0'), ld.negate(n('1')))), 'inf');
    assert.equal(formatG(trigonometric(ld.INF, 'cos')), '-nan');
  });
});
