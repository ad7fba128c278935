// `npm test`: builds, then runs ONE `node --test` over the unit and LSP tests (compiled to out/test/{unit,lsp}/)
// and the end-to-end tests (test/e2e/*.test.mjs, which need code-server: `node scripts/e2e/install.mjs`).
// Usage: node scripts/test.mjs [unit|e2e] [more node --test options, e.g. --test-name-pattern=outline]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureInstalled } from './e2e/install.mjs';
import { packageVsix } from './e2e/package.mjs';
import { root } from './e2e/paths.mjs';

const args = process.argv.slice(2);
const mode = ['unit', 'e2e'].includes(args[0]) ? args.shift() : 'all';

function run(argv) {
  const result = spawnSync(process.execPath, argv, { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function testFiles(dir, pattern) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => relative(root, join(dir, f)));
}

const buildStatus = run([join(root, 'scripts/build.mjs')]);
if (buildStatus !== 0) process.exit(buildStatus);

const files = [];
if (mode !== 'e2e') {
  files.push(...testFiles(join(root, 'out/test/unit'), /\.test\.js$/), ...testFiles(join(root, 'out/test/lsp'), /\.test\.js$/));
}
if (mode !== 'unit') {
  try {
    ensureInstalled(); // Node 24 + code-server in .e2e/ (a no-op once there), and /usr/bin/chromium
    packageVsix();
  } catch (error) {
    console.error(`[test] cannot run the end-to-end tests: ${error.message}\n[test] (\`npm run test:unit\` runs the unit and LSP tests alone)`);
    process.exit(1);
  }
  files.push(...testFiles(join(root, 'test/e2e'), /^[^/]+\.test\.mjs$/));
}
if (files.length === 0) {
  console.error('[test] no test files found');
  process.exit(1);
}

// One process per file, one file at a time: the e2e files each start a code-server and a browser.
process.exit(run(['--test', '--test-concurrency=1', '--test-reporter=spec', ...args, ...files]));
