// The pattern grammar (grammars/pattern.peggy), as main/pbx.c reads extension names.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseExtensionName } from '../../server/src/parser/dialplanParser';

function shape(name: string): string[] {
  const n = parseExtensionName(name);
  if (n.type === 'Literal') return [`literal ${n.text}`];
  return n.elements.map((e) => {
    const at = `${e.start}-${e.end}`;
    if (e.type === 'Digits') return `${e.min}-${e.max}@${at}`;
    if (e.type === 'Wildcard') return `${e.char}${e.ignored ? ` ignoring ${e.ignored}` : ''}@${at}`;
    if (e.type === 'Char') return `'${e.char}'@${at}`;
    return `set${e.closed ? '' : ' unclosed'}[${(e.items ?? []).map((i) => (i.type === 'Range' ? `${i.from}-${i.to}` : i.char)).join(' ')}]@${at}`;
  });
}

describe('pattern grammar', () => {
  it('reads a literal name as a literal', () => {
    assert.deepEqual(shape('**99101'), ['literal **99101']);
    assert.deepEqual(shape('s'), ['literal s']);
  });

  it('reads X, N and Z in either case', () => {
    assert.deepEqual(shape('_NXXnxZz'), ['2-9@1-2', '0-9@2-3', '0-9@3-4', '2-9@4-5', '0-9@5-6', '1-9@6-7', '1-9@7-8']);
  });

  it('ignores - and spaces outside sets', () => {
    assert.deepEqual(shape('_1-2 3'), ["'1'@1-2", "'2'@3-4", "'3'@5-6"]);
  });

  it('reads sets with ranges, a trailing - and [ as literals', () => {
    assert.deepEqual(shape('_[1-3a-]'), ['set[1-3 a -]@1-8']);
    assert.deepEqual(shape('_[[]'), ['set[[]@1-4']);
  });

  it('keeps empty, reversed and unclosed sets as Asterisk does', () => {
    assert.deepEqual(shape('_[]1'), ['set[]@1-3', "'1'@3-4"]);
    assert.deepEqual(shape('_[9-0]'), ['set[9-0]@1-6']);
    assert.deepEqual(shape('_1[23'), ["'1'@1-2", 'set unclosed[]@2-5']);
  });

  it('ends the pattern at . or ! and records what Asterisk never looks at', () => {
    assert.deepEqual(shape('_2!9'), ["'2'@1-2", '! ignoring 9@2-4']);
    assert.deepEqual(shape('_9.'), ["'9'@1-2", '.@2-3']);
  });

  it('takes * # + and letters literally', () => {
    assert.deepEqual(shape('_*#+a'), ["'*'@1-2", "'#'@2-3", "'+'@3-4", "'a'@4-5"]);
  });
});
