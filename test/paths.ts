// Where the tests find the project and ../shared, from out/test/... or test/...
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
export const CORPUS = path.join(SHARED, 'corpus');
export const CONFORMANCE = path.join(SHARED, 'conformance');

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
