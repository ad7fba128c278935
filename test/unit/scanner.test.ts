// The line scanner: comments, escapes and block comments exactly as main/config.c treats them.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { scan, sourceOffset } from '../../server/src/parser/scanner';

const texts = (src: string): string[] => scan(src).lines.map((l) => l.text);

describe('scanner', () => {
  it('strips ; comments and blanks, keeps empty-free logical lines with their physical line', () => {
    const r = scan('  foo = bar ; comment\n; only a comment\n\n\tbaz=1\n');
    assert.deepEqual(texts('  foo = bar ; comment\n; only a comment\n\n\tbaz=1\n'), ['foo = bar', 'baz=1']);
    assert.deepEqual(r.lines.map((l) => l.line), [0, 3]);
    assert.equal(r.lines[0].start, 2);
    assert.deepEqual([...r.lineStarts], [0, 22, 39, 40, 47]);
  });

  it('turns \\; into a literal ; and maps the characters after it back to the source', () => {
    const src = 'x = a\\;b ; c';
    const [line] = scan(src).lines;
    assert.equal(line.text, 'x = a;b');
    assert.equal(sourceOffset(line, 5), 6); // the ';' sits at offset 6 in the source
    assert.equal(sourceOffset(line, 6), 7); // 'b'
  });

  it('removes block comments that open and close mid-line, joining what is around them', () => {
    assert.deepEqual(texts('a = 1 ;-- gone --; + 2'), ['a = 1  + 2']);
  });

  it('nests block comments across lines', () => {
    const src = 'a=1\n;-- outer\n;-- inner --;\nstill comment\n--;\nb=2';
    const r = scan(src);
    assert.deepEqual(r.lines.map((l) => l.text), ['a=1', 'b=2']);
    assert.equal(r.blockComments.length, 1);
    assert.equal(r.blockComments[0].start, 4);
    assert.equal(src.slice(r.blockComments[0].end - 3, r.blockComments[0].end), '--;');
  });

  it('treats ;--- as a plain line comment, not a block comment', () => {
    assert.deepEqual(texts(';--- banner ---\na=1'), ['a=1']);
  });

  it('reports an unterminated block comment at its opening ;--', () => {
    const r = scan('a=1\n;-- never closed\nb=2\n');
    assert.deepEqual(r.lines.map((l) => l.text), ['a=1']);
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].code, 'syntax-unterminated-comment');
    assert.deepEqual([r.problems[0].start, r.problems[0].end], [4, 7]);
  });

  it('reports a stray --; that makes Asterisk ignore the following lines', () => {
    const r = scan('[c]\na=1 --; oops\nb=2\n;-- reopen\nc=3\n');
    assert.deepEqual(r.lines.map((l) => l.text), ['[c]', 'a=1 --; oops', 'c=3']);
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].code, 'syntax-stray-comment-end');
    assert.equal(r.problems[0].start, 8);
  });

  it('drops a UTF-8 BOM and CR line ends', () => {
    const r = scan('\ufeff[general]\r\nstatic=yes\r\n');
    assert.deepEqual(r.lines.map((l) => l.text), ['[general]', 'static=yes']);
    assert.equal(r.lines[0].start, 1);
  });

  it('skips a line longer than Asterisk reads, with a warning', () => {
    const r = scan(`a=1\nb=${'x'.repeat(9000)}\nc=3`);
    assert.deepEqual(r.lines.map((l) => l.text), ['a=1', 'c=3']);
    assert.equal(r.problems[0].code, 'syntax-line-too-long');
  });
});
