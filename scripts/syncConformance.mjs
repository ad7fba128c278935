// Copies ../shared/conformance/ (the ground truth recorded from a real Asterisk 20.20.1, kept beside the clone by
// the maintainers) into test/fixtures/conformance/, byte for byte, so the tests run from a clone alone. Files the
// source no longer has are deleted from the copy. test/unit/conformanceCopy.test.ts fails while the two differ.
// Usage: npm run sync:conformance  (PBX_SHARED=/path/to/shared to read another folder than ../shared)
// Built-ins only: it must run before `npm ci`, too.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(resolve(root, process.env.PBX_SHARED ?? '../shared'), 'conformance');
const target = join(root, 'test', 'fixtures', 'conformance');

/** Every file below `dir`, as paths relative to it with `/`, sorted. */
function files(dir, prefix = '') {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...files(join(dir, e.name), `${prefix}${e.name}/`));
    else if (e.isFile()) out.push(`${prefix}${e.name}`);
    else throw new Error(`sync:conformance: ${join(dir, e.name)} is neither a file nor a folder`);
  }
  return out.sort();
}

/** Removes the empty folders below `dir` (not `dir` itself), deepest first. */
function pruneEmpty(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const sub = join(dir, e.name);
    pruneEmpty(sub);
    if (readdirSync(sub).length === 0) rmdirSync(sub);
  }
}

if (!existsSync(source)) {
  console.error(`sync:conformance: ${source} does not exist; nothing to copy (set PBX_SHARED to the folder holding conformance/)`);
  process.exit(1);
}

const wanted = files(source);
if (wanted.length === 0) {
  console.error(`sync:conformance: ${source} holds no file; refusing to empty the copy`);
  process.exit(1);
}
const counts = { added: 0, updated: 0, deleted: 0, unchanged: 0 };
const keep = new Set(wanted);
for (const rel of wanted) {
  const bytes = readFileSync(join(source, rel));
  const to = join(target, rel);
  if (existsSync(to)) {
    if (readFileSync(to).equals(bytes)) {
      counts.unchanged++;
      continue;
    }
    counts.updated++;
  } else counts.added++;
  mkdirSync(dirname(to), { recursive: true });
  // Written, not copied: the source files are read-only, and a copy would keep that mode.
  writeFileSync(to, bytes);
}
for (const rel of files(target)) {
  if (keep.has(rel)) continue;
  unlinkSync(join(target, rel));
  counts.deleted++;
}
pruneEmpty(target);

const changed = counts.added + counts.updated + counts.deleted;
console.log(
  `sync:conformance: ${relative(root, source) || source} -> ${relative(root, target)}: ${wanted.length} files, ` +
    `${counts.added} added, ${counts.updated} updated, ${counts.deleted} deleted, ${counts.unchanged} unchanged`,
);
if (changed > 0) console.log('sync:conformance: commit test/fixtures/conformance/ with the change');
