// Where the tests find the project, the conformance vectors and ../shared, from out/test/... or test/...
// ../shared is the maintainers' folder beside the clone (PBX_SHARED to use another): conformance/ is copied into
// test/fixtures/conformance (npm run sync:conformance), corpus/ (third-party configs) never is.
import * as fs from 'node:fs';
import * as path from 'node:path';

function findRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'grammars'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('project root not found');
    dir = up;
  }
  return dir;
}

export const ROOT = findRoot();
export const SHARED = path.resolve(ROOT, process.env.PBX_SHARED ?? '../shared');
/** Real third-party configs: only beside the clone, never in the repository (see `corpusSkip`). */
export const CORPUS = path.join(SHARED, 'corpus');
/** The ground truth from a real Asterisk 20.20.1: the repository's copy, always there. */
export const CONFORMANCE = path.join(ROOT, 'test', 'fixtures', 'conformance');
/** Where the copy comes from, when it is beside the clone (test/unit/conformanceCopy.test.ts). */
export const SHARED_CONFORMANCE = path.join(SHARED, 'conformance');

/** How a folder of ../shared is named in messages: as given when PBX_SHARED moves it. */
function shown(dir: string): string {
  return process.env.PBX_SHARED === undefined ? `../shared/${path.basename(dir)}` : dir;
}

/** For `{ skip: corpusSkip() }`: false when ../shared/corpus is there, else why the test is skipped. */
export function corpusSkip(): string | false {
  if (fs.existsSync(CORPUS)) return false;
  return `${shown(CORPUS)} is not beside the clone (third-party configs that are never copied into this repository): skipped`;
}

/** For `{ skip: sharedConformanceSkip() }`: false when ../shared/conformance is there to compare the copy with. */
export function sharedConformanceSkip(): string | false {
  if (fs.existsSync(SHARED_CONFORMANCE)) return false;
  return `${shown(SHARED_CONFORMANCE)} is not beside the clone: the copy in test/fixtures/conformance cannot be compared with it: skipped`;
}

/** Every file below a folder, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out.sort();
}

/** `text` with `$0`..`$9` markers removed, and where each marker stood. */
export function markers(marked: string): { text: string; at: Record<string, number> } {
  const at: Record<string, number> = {};
  let text = '';
  for (let i = 0; i < marked.length; i++) {
    if (marked[i] === '$' && /[0-9]/.test(marked[i + 1] ?? '')) {
      at[marked[i + 1]] = text.length;
      i++;
    } else text += marked[i];
  }
  return { text, at };
}
