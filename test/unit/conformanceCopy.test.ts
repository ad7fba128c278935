// The tests read the conformance vectors from the repository's copy (test/fixtures/conformance), so they run from
// a clone alone. Where ../shared/conformance is beside the clone, the copy must be exactly it: same files, same
// bytes, or this test fails with what differs and how to re-sync. Without ../shared it is skipped.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CONFORMANCE, listFiles, ROOT, SHARED_CONFORMANCE, sharedConformanceSkip } from '../paths';

/** The files below `dir`, relative to it with `/`. */
function relativeFiles(dir: string): string[] {
  return listFiles(dir).map((f) => path.relative(dir, f).split(path.sep).join('/'));
}

/** At most 20 names a line, then how many more. */
function list(title: string, names: string[]): string[] {
  if (names.length === 0) return [];
  const shown = names.slice(0, 20).map((n) => `    ${n}`);
  if (names.length > 20) shown.push(`    ... and ${names.length - 20} more`);
  return [`  ${title} (${names.length}):`, ...shown];
}

describe('conformance copy', () => {
  it('holds the conformance vectors the tests read', () => {
    for (const rel of ['README.md', 'dialplan-match/cases.json', 'dialplan-match/extensions.conf', 'sip-trunks/ok/A/sip.conf', 'pjsip-trunks/ok/B/pjsip.conf']) {
      assert.ok(fs.existsSync(path.join(CONFORMANCE, rel)), `test/fixtures/conformance/${rel} is missing`);
    }
    const folders = fs.readdirSync(CONFORMANCE, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    assert.deepEqual(folders.sort(), ['dialplan-match', 'exec-traces', 'functions', 'pjsip-trunks', 'sip-recognition', 'sip-trunks']);
  });

  it('is byte for byte ../shared/conformance', { skip: sharedConformanceSkip() }, () => {
    const source = relativeFiles(SHARED_CONFORMANCE);
    const copy = relativeFiles(CONFORMANCE);
    const inCopy = new Set(copy);
    const inSource = new Set(source);
    const missing = source.filter((f) => !inCopy.has(f));
    const extra = copy.filter((f) => !inSource.has(f));
    const differing = source.filter((f) => inCopy.has(f) && !fs.readFileSync(path.join(SHARED_CONFORMANCE, f)).equals(fs.readFileSync(path.join(CONFORMANCE, f))));
    const report = [
      `${path.relative(ROOT, CONFORMANCE)} is not a copy of ${SHARED_CONFORMANCE}:`,
      ...list('different bytes', differing),
      ...list('missing from the copy', missing),
      ...list('only in the copy', extra),
      'Re-sync with `npm run sync:conformance` (node scripts/syncConformance.mjs), then commit test/fixtures/conformance.',
    ].join('\n');
    assert.ok(source.length > 0, `${SHARED_CONFORMANCE} holds no file`);
    assert.ok(missing.length + extra.length + differing.length === 0, report);
  });
});
