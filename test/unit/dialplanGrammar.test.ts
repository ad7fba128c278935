// The dialplan statement grammar (grammars/dialplan.peggy): exten/same/include values split as
// pbx/pbx_config.c splits them, with exact ranges.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import * as grammar from '../../server/src/parser/generated/dialplan';
import type { Assignment } from '../../server/src/parser/ast';
import { AssignmentNode, parseConfig } from '../../server/src/parser/configParser';
import type { ExtensionStatement } from '../../server/src/parser/dialplanParser';
import { fastExtension, fromGrammar, includeValue, parseArguments, parseExtensionStatement, parseIncludeStatement } from '../../server/src/parser/dialplanParser';
import fc from 'fast-check';
import { CONFORMANCE, CORPUS, corpusSkip, listFiles } from '../paths';

function statements(src: string): { st: ExtensionStatement; src: string }[] {
  const doc = parseConfig(src);
  return doc.sections.flatMap((s) =>
    s.items
      .filter((i): i is Assignment => i.type === 'Assignment')
      .map((a) => ({ st: parseExtensionStatement(a, a.key.text.toLowerCase() === 'exten' ? 'exten' : 'same'), src })),
  );
}
const slice = (src: string, s: { start: number; end: number } | null): string | null => (s ? src.slice(s.start, s.end) : null);

describe('dialplan grammar: exten and same', () => {
  it('splits extension, priority, application and data', () => {
    const src = '[c]\nexten => _**99.,1,Dial(SIP/${EXTEN:4}@wazo-trunk,30)\n';
    const [{ st }] = statements(src);
    assert.equal(slice(src, st.extension), '_**99.');
    assert.equal(st.priority?.kind, 'number');
    assert.equal(st.priority?.number, 1);
    assert.equal(slice(src, st.application!.name), 'Dial');
    assert.equal(slice(src, st.application!.data), 'SIP/${EXTEN:4}@wazo-trunk,30');
  });

  it('reads every priority form', () => {
    const src = ['[c]', 'exten => 1,1,NoOp()', 'same => n,NoOp()', 'same => next,NoOp()', 'same => s,NoOp()', 'same => same,NoOp()', 'exten => 1,hint,SIP/1', 'same => n+2,NoOp()', 'same => s+1,NoOp()', 'same => lbl,NoOp()', 'same => lbl+2,NoOp()', 'same => 1(start),NoOp()', 'same => n(end),NoOp()', ''].join('\n');
    const got = statements(src).map(({ st }) => [st.priority!.kind, st.priority!.value.text, st.priority!.label?.text ?? null, st.priority!.offset?.text ?? null]);
    assert.deepEqual(got, [
      ['number', '1', null, null],
      ['next', 'n', null, null],
      ['next', 'next', null, null],
      ['same', 's', null, null],
      ['same', 'same', null, null],
      ['hint', 'hint', null, null],
      ['next', 'n', null, '2'],
      ['same', 's', null, '1'],
      ['label', 'lbl', null, null],
      ['label', 'lbl', null, '2'],
      ['number', '1', 'start', null],
      ['next', 'n', 'end', null],
    ]);
  });

  it('takes the data up to the LAST ) and keeps ${...}, $[...] and quotes inside', () => {
    const src = '[c]\nsame => n,GotoIf($["${CALLERID(num)}" = "100"]?yes:no) ; comment\n';
    const [{ st }] = statements(src);
    assert.equal(st.application!.data!.text, '$["${CALLERID(num)}" = "100"]?yes:no');
  });

  it('keeps a hint with ${...} whole, as Asterisk does', () => {
    const [{ st }] = statements('[c]\nexten => 100,hint,PJSIP/${USER}&Custom:DND(x)\n');
    assert.equal(st.application!.name.text, 'PJSIP/${USER}&Custom:DND(x)');
    assert.equal(st.application!.data, null);
  });

  it('reads a caller-ID variant', () => {
    const src = '[c]\nexten => 100/555,1,NoOp()\n';
    const [{ st }] = statements(src);
    assert.equal(slice(src, st.extension), '100');
    assert.equal(slice(src, st.callerId), '555');
  });

  it('lets an unclosed [ swallow the rest of the line, as pbx_strsep does', () => {
    const src = '[c]\nexten => _[12,1,NoOp()\n';
    const [{ st }] = statements(src);
    assert.equal(st.extension!.text, '_[12,1,NoOp()');
    assert.equal(st.extension!.unclosedBracket, true);
    assert.equal(st.priority, null);
  });

  it('does not split on a comma inside [...] in the extension', () => {
    const [{ st }] = statements('[c]\nexten => _[1,2]XX,1,NoOp()\n');
    assert.equal(st.extension!.text, '_[1,2]XX');
    assert.equal(st.priority!.number, 1);
  });

  it('flags a label without its ) and data without its )', () => {
    const [a, b] = statements('[c]\nexten => 1,1(start,NoOp()\nexten => 2,1,NoOp(x\n').map((x) => x.st);
    assert.equal(a.priority!.labelClosed, false);
    assert.equal(b.application!.closed, false);
    assert.equal(b.application!.data!.text, 'x');
  });
});

describe('dialplan grammar: include and arguments', () => {
  it('reads include with time fields', () => {
    const src = '[c]\ninclude => daytime,09:00-17:00,mon-fri,*,*\n';
    const a = parseConfig(src).sections[0].items[0] as Assignment;
    const inc = parseIncludeStatement(a);
    assert.equal(slice(src, inc.context), 'daytime');
    assert.deepEqual(inc.times!.map((t) => t.text), ['09:00-17:00', 'mon-fri', '*', '*']);
  });

  it('splits arguments outside quotes, parentheses and ${...}, recording nested substitutions', () => {
    const src = '[c]\nexten => 1,1,Dial(SIP/${CUT(${A},-,1)}@x,30,tT("a,b"))\n';
    const a = parseConfig(src).sections[0].items[0] as Assignment;
    const st = parseExtensionStatement(a, 'exten');
    const args = parseArguments(a, st.application!.data!);
    assert.deepEqual(args.map((x) => slice(src, x)), ['SIP/${CUT(${A},-,1)}@x', '30', 'tT("a,b")']);
    assert.equal(slice(src, args[0].expressions[0]), '${CUT(${A},-,1)}');
    assert.equal(slice(src, args[0].expressions[0].inner[0]), '${A}');
  });
});

describe('dialplan grammar: arguments never fail', () => {
  it('takes a closer with no opener as a plain character', () => {
    const src = '[c]\nexten => 1,1,NoOp(a},b],c)x)\n';
    const a = parseConfig(src).sections[0].items[0] as Assignment;
    const st = parseExtensionStatement(a, 'exten');
    assert.deepEqual(parseArguments(a, st.application!.data!).map((x) => x.text), ['a}', 'b]', 'c)x']);
  });
});

/** Compares the fast path with the grammar on every exten/same line the fast path takes; how many it compared. */
function compareFastPath(files: string[]): number {
  let compared = 0;
  for (const file of files) {
    const doc = parseConfig(fs.readFileSync(file, 'utf8'));
    for (const s of doc.sections) {
      for (const i of s.items) {
        if (i.type !== 'Assignment') continue;
        const key = i.key.text.toLowerCase();
        const kind = key === 'exten' ? 'exten' : key.startsWith('same') ? 'same' : null;
        if (kind === null) continue;
        const fast = fastExtension(i.value.text, kind, 0);
        if (fast === null) continue;
        const slow = fromGrammar(grammar.parse(i.value.text, { startRule: kind === 'exten' ? 'ExtenValue' : 'SameValue' }), (r) => ({ text: r.text, start: r.start, end: r.end }));
        assert.deepEqual(fast, slow, `${file}: ${i.value.text}`);
        // the statement the model keeps (a compact one, its nodes made on demand) gives the same nodes at source offsets
        if (i.valueMap === null) {
          const st = parseExtensionStatement(i, kind);
          const at = fromGrammar(grammar.parse(i.value.text, { startRule: kind === 'exten' ? 'ExtenValue' : 'SameValue' }), (r) => ({ text: r.text, start: i.value.start + r.start, end: i.value.start + r.end }));
          assert.deepEqual({ extension: st.extension, callerId: st.callerId, priority: st.priority, application: st.application }, at, `${file}: ${i.value.text}`);
        }
        compared++;
      }
    }
  }
  return compared;
}

describe('dialplan grammar: fast path', () => {
  it('returns exactly what the grammar returns on every exten/same line of the conformance files', () => {
    const compared = compareFastPath(listFiles(CONFORMANCE).filter((f) => f.endsWith('.conf')));
    assert.ok(compared > 4000, `compared ${compared} lines`);
  });

  it('returns exactly what the grammar returns on every exten/same line of the corpus', { skip: corpusSkip() }, () => {
    const compared = compareFastPath(listFiles(CORPUS));
    assert.ok(compared > 1000, `compared ${compared} lines`);
  });

  it('keeps a statement of any length, packed or not, with the nodes the grammar gives', () => {
    // a compact statement packs its indexes into 15 bits: the values around that bound, and far past it
    for (const length of [40, 0x7ffd, 0x7ffe, 0x7fff, 40000]) {
      for (const value of [`_9X.,n(lbl),NoOp(${'x'.repeat(length - 18)})`, `_9X.,1,NoOp(${'x'.repeat(length - 12)}`, `s,hint,${'x'.repeat(length - 7)}`]) {
        assert.equal(value.length, length);
        // made by hand: the config parser skips a line longer than Asterisk reads (8,190 bytes)
        const a: Assignment = new AssignmentNode(4, 13 + length, 1, { text: 'exten', start: 4, end: 9 }, '=>', { text: value, start: 13, end: 13 + length }, null);
        const st = parseExtensionStatement(a, 'exten');
        const at = fromGrammar(grammar.parse(a.value.text, { startRule: 'ExtenValue' }), (r) => ({ text: r.text, start: a.value.start + r.start, end: a.value.start + r.end }));
        assert.deepEqual({ extension: st.extension, callerId: st.callerId, priority: st.priority, application: st.application }, at, `length ${value.length}`);
        assert.equal(st.kind, 'exten');
      }
    }
  });

  it('takes sets in the extension name as the grammar does, and leaves the doubtful ones to it', () => {
    const exact = ['_0[1-9].,1,Dial(SIP/out/${EXTEN})', '_[2-8]XX,n(busy),NoOp()', '_9[0-9]X[a-c],1,Set(A=[x])', '_[+]X.,1,NoOp(plus)'];
    for (const value of exact) {
      const fast = fastExtension(value, 'exten', 0);
      assert.ok(fast, `the fast path takes ${value}`);
      const slow = fromGrammar(grammar.parse(value, { startRule: 'ExtenValue' }), (r) => ({ text: r.text, start: r.start, end: r.end }));
      assert.deepEqual(fast, slow, value);
    }
    // a comma inside a set, an unclosed set, a stray ]: the grammar decides
    for (const value of ['_[1,2]X,1,NoOp()', '_[12,1,NoOp()', '_1]X,1,NoOp()']) assert.equal(fastExtension(value, 'exten', 0), null, value);
    // a priority label with a second `(` or text after its `)`: the grammar decides
    for (const value of ['1,n(a(b)),NoOp()', '1,n(a)x,NoOp()', '1,n(a,NoOp()', '1,(a),NoOp()']) assert.equal(fastExtension(value, 'exten', 0), null, value);
  });
});

describe('dialplan grammar: include values', () => {
  it('splits any include value as the grammar rule IncludeValue does (fast-check)', () => {
    const value = fc.array(fc.constantFrom('c', '1', ',', '|', ' ', '\t', '*', ':', '-', '\u00a0'), { maxLength: 20 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(value, (text) => {
        const raw = grammar.parse(text, { startRule: 'IncludeValue' });
        assert.deepEqual(includeValue(text), { context: raw.context, times: raw.times });
      }),
      { seed: 13, numRuns: 2000 },
    );
  });
});
