// The migration's edits are the lines that change, block by block: applied to the text before, they give the text after.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { changedBlocks } from '../../server/src/analysis/migrate/lineDiff';

function apply(before: string, blocks: { start: number; end: number; text: string }[]): string {
  let out = before;
  for (const b of [...blocks].sort((x, y) => y.start - x.start)) out = out.slice(0, b.start) + b.text + out.slice(b.end);
  return out;
}

describe('changedBlocks', () => {
  it('a dialplan with two Dial lines rewritten: two blocks of one line each', () => {
    const before = '[phones]\nexten => 1001,1,Dial(SIP/1001,20)\n same => n,Hangup()\nexten => 1002,1,Dial(SIP/1002,20)\n';
    const after = before.replace('SIP/1001', 'PJSIP/1001').replace('SIP/1002', 'PJSIP/1002');
    const blocks = changedBlocks(before, after);
    assert.deepEqual(blocks.map((b) => before.slice(b.start, b.end)), ['exten => 1001,1,Dial(SIP/1001,20)\n', 'exten => 1002,1,Dial(SIP/1002,20)\n']);
    assert.equal(apply(before, blocks), after);
  });

  it('any two texts (CRLF, no final newline, lines added and removed): the blocks applied give the text after', () => {
    const line = fc.constantFrom('a', 'b', 'exten => 1,1,Dial(SIP/x)', '', ';c');
    const text = fc.tuple(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([ls, eol, last]) => ls.join(eol) + (last && ls.length > 0 ? eol : ''));
    fc.assert(
      fc.property(text, text, (before, after) => apply(before, changedBlocks(before, after)) === after),
      { seed: 1406, numRuns: 500 },
    );
  });
});
