// Real configs written elsewhere (../shared/corpus): Asterisk loads every one, so the parser must report no
// syntax finding on any of them, and the outline must not fail. Skipped when ../shared/corpus is absent: it is
// never copied into this repository.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DiskFileHost } from '../../server/src/model/fileHost';
import { isDialplan, outline } from '../../server/src/model/outline';
import { isDialplanFileName, Workspace } from '../../server/src/model/workspace';
import { CORPUS, corpusSkip, listFiles } from '../paths';

const skip = corpusSkip();
const configs = skip ? [] : listFiles(CORPUS).filter((f) => /\.conf(\.sample)?$/.test(f));

describe('corpus', () => {
  const ws = new Workspace(new DiskFileHost());
  for (const f of configs) ws.addKnown(f);

  it('holds the real configs', { skip }, () => {
    assert.ok(configs.length >= 60, `${configs.length} files`);
  });

  for (const file of configs) {
    it(`${file.slice(CORPUS.length + 1)} has no syntax finding`, () => {
      const found = ws.problems(file).filter((p) => p.code.startsWith('syntax-'));
      assert.deepEqual(found.map((p) => `${p.code} at ${p.start}: ${p.message}`), []);
      const doc = ws.document(file)!;
      outline(doc, isDialplan(doc, isDialplanFileName(file)));
    });
  }

  it('reports the #exec of IvozProvider hints.conf without running it', { skip }, () => {
    const hints = configs.find((f) => f.endsWith('ivozprovider/dialplan/hints.conf'))!;
    assert.deepEqual(ws.problems(hints).map((p) => p.code), ['exec-directive']);
  });

  it('outlines Wazo contexts with their extensions', { skip }, () => {
    const file = configs.find((f) => f.endsWith('wazo/expected_generated_extension.conf'))!;
    const doc = ws.document(file)!;
    const o = outline(doc, true);
    assert.ok(o.length > 3);
    assert.ok(o.some((s) => s.kind === 'context' && s.extensions.length > 0));
  });
});
