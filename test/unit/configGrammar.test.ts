// The config line grammar (grammars/config.peggy) through parseConfig: nodes, exact ranges, recovery.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import * as grammar from '../../server/src/parser/generated/config';
import { fastAssignment, fastSectionHeader, parseConfig } from '../../server/src/parser/configParser';
import { scan } from '../../server/src/parser/scanner';
import { CONFORMANCE, CORPUS, corpusSkip, listFiles } from '../paths';

const slice = (src: string, s: { start: number; end: number }): string => src.slice(s.start, s.end);

describe('config grammar: section headers', () => {
  it('reads [name], templates, inheritance and (+)', () => {
    const src = '[plain]\n[tpl](!)\n[child](tpl,other)\n[both](!,tpl)\n[plain](+)\n';
    const doc = parseConfig(src);
    assert.deepEqual(
      doc.sections.map((s) => [s.name.text, s.template, s.additive, s.inherits.map((i) => i.text)]),
      [
        ['plain', false, false, []],
        ['tpl', true, false, []],
        ['child', false, false, ['tpl', 'other']],
        ['both', true, false, ['tpl']],
        ['plain', false, true, []],
      ],
    );
    assert.equal(slice(src, doc.sections[2].inherits[1]), 'other');
    assert.equal(slice(src, doc.sections[2].name), 'child');
    assert.equal(doc.problems.length, 0);
  });

  it('reports a missing ] as an error that makes Asterisk reject the file, and goes on', () => {
    const src = '[ok]\na=1\n[broken\nb=2\n[after]\nc=3\n';
    const doc = parseConfig(src);
    assert.equal(doc.problems.length, 1);
    const p = doc.problems[0];
    assert.equal(p.code, 'syntax-unclosed-section');
    assert.equal(p.severity, 'error');
    assert.equal(p.fatal, true);
    assert.match(p.message, /Asterisk will load none of this file/);
    assert.equal(slice(src, p), '[broken');
    // the broken header still opens a section (marked unclosed), so b=2 stays with it in the outline
    assert.deepEqual(doc.sections.map((s) => [s.name.text, s.unclosed === true]), [
      ['ok', false],
      ['broken', true],
      ['after', false],
    ]);
    assert.deepEqual(doc.sections[1].items.map((i) => (i.type === 'Assignment' ? i.key.text : '')), ['b']);
  });

  it('reports a missing ) in the options, and text after the header that Asterisk ignores', () => {
    const src = '[a](!\n[b] junk\n';
    const doc = parseConfig(src);
    assert.deepEqual(doc.problems.map((p) => [p.code, slice(src, p)]), [
      ['syntax-unclosed-options', '[a](!'],
      ['syntax-header-trailing', ' junk'],
    ]);
  });
});

describe('config grammar: directives', () => {
  it('reads #include with quotes, angle brackets, bare names and globs', () => {
    const src = '#include "a.conf"\n#include <b.conf>\n#tryinclude c.conf\n#include dialplan/*.conf\n';
    const doc = parseConfig(src);
    const args = doc.preamble.map((d) => (d.type === 'Directive' ? [d.kind, d.argument?.text, slice(src, d.argument!)] : []));
    assert.deepEqual(args, [
      ['include', 'a.conf', 'a.conf'],
      ['include', 'b.conf', 'b.conf'],
      ['tryinclude', 'c.conf', 'c.conf'],
      ['include', 'dialplan/*.conf', 'dialplan/*.conf'],
    ]);
    assert.equal(doc.problems.length, 0);
  });

  it('reports #exec (never runs it), unknown directives and a missing argument', () => {
    const src = '#exec /usr/bin/gen-peers\n#inclde x.conf\n#include\n';
    const doc = parseConfig(src);
    assert.deepEqual(doc.problems.map((p) => [p.code, p.severity, slice(src, p)]), [
      ['exec-directive', 'warning', '#exec /usr/bin/gen-peers'],
      ['syntax-unknown-directive', 'warning', '#inclde'],
      ['syntax-directive-argument', 'warning', '#include'],
    ]);
  });
});

describe('config grammar: assignments', () => {
  it('reads =, => and += with the key and value ranges', () => {
    const src = '[s]\n  host = dynamic \nexten=>100,1,Answer()\nallow += gsm\nexten +=> 1\n';
    const doc = parseConfig(src);
    const items = doc.sections[0].items.map((i) => (i.type === 'Assignment' ? [i.key.text, i.op, i.value.text, slice(src, i.key), slice(src, i.value)] : []));
    assert.deepEqual(items, [
      ['host', '=', 'dynamic', 'host', 'dynamic'],
      ['exten', '=>', '100,1,Answer()', 'exten', '100,1,Answer()'],
      ['allow', '+=', 'gsm', 'allow', 'gsm'],
      ['exten', '+=', '> 1', 'exten', '> 1'],
    ]);
  });

  it('gives one precise diagnostic per bad line and keeps parsing', () => {
    const src = '[s]\nno equals here\n= nokey\n\\ bad escape\ngood=1\n';
    const doc = parseConfig(src);
    assert.deepEqual(doc.problems.map((p) => [p.code, p.severity, slice(src, p)]), [
      ['syntax-missing-equals', 'warning', 'no equals here'],
      ['syntax-missing-key', 'warning', '= nokey'],
      ['syntax-bad-escape', 'error', '\\ bad escape'],
    ]);
    assert.deepEqual(doc.sections[0].items.map((i) => (i.type === 'Assignment' ? i.key.text : '')), ['good']);
  });

  it('keeps escaped semicolons in values and maps the value back to the source', () => {
    const src = '[s]\nx = a\\;b\n';
    const a = parseConfig(src).sections[0].items[0];
    assert.equal(a.type, 'Assignment');
    if (a.type !== 'Assignment') return;
    assert.equal(a.value.text, 'a;b');
    assert.equal(slice(src, a.value), 'a\\;b');
  });
});

/** Compares the fast path with the grammar on every line the fast path takes; how many it compared. */
function compareFastPath(files: string[]): number {
  let compared = 0;
  for (const file of files) {
    for (const line of scan(fs.readFileSync(file, 'utf8')).lines) {
      const header = fastSectionHeader(line.text);
      if (header !== null) {
        assert.deepEqual(header, grammar.parse(line.text, { startRule: 'Line' }), `${file}: ${line.text}`);
        compared++;
        continue;
      }
      const fast = fastAssignment(line.text);
      if (fast === null) continue;
      const slow = grammar.parse(line.text, { startRule: 'Line' });
      assert.deepEqual({ type: fast.type, key: fast.key, op: fast.op, value: fast.value }, { type: slow.type, key: slow.key, op: slow.op, value: slow.value }, `${file}: ${line.text}`);
      compared++;
    }
  }
  return compared;
}

describe('config grammar: fast path', () => {
  it('takes a plain [name] header as the grammar does, and leaves options, trailing text and stray brackets to it', () => {
    for (const text of ['[c0]', '[ c0 ]', '[a b]', '[]', '[general]', '[ctx-9;x]']) assert.deepEqual(fastSectionHeader(text), grammar.parse(text, { startRule: 'Line' }), text);
    for (const text of ['[c0](!)', '[c0]x', '[c0', '[a]b]', '[a[b]', '[x(y)]', '[', 'c0]']) assert.equal(fastSectionHeader(text), null, text);
  });

  it('builds the same node as the grammar for every assignment line of the conformance configs', () => {
    const compared = compareFastPath(listFiles(CONFORMANCE).filter((f) => f.endsWith('.conf')));
    assert.ok(compared > 8000, `compared ${compared} lines`);
  });

  it('builds the same node as the grammar for every assignment line of the corpus', { skip: corpusSkip() }, () => {
    const compared = compareFastPath(listFiles(CORPUS));
    assert.ok(compared > 2000, `compared ${compared} lines`);
  });
});
