// `npm test`: builds, then runs ONE `node --test` over the unit and LSP tests (compiled to out/test/{unit,lsp}/)
// and the end-to-end tests (test/e2e/*.test.mjs, which need code-server: `node scripts/e2e/install.mjs`).
// Usage: node scripts/test.mjs [unit|e2e] [more node --test options, e.g. --test-name-pattern=outline]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureInstalled } from './e2e/install.mjs';
import { packageVsix } from './e2e/package.mjs';
import { root } from './e2e/paths.mjs';
import { ensureDependencies } from './bootstrap.mjs';
import { cleanEnv } from './cleanEnv.mjs';

ensureDependencies();

const args = process.argv.slice(2);
const mode = ['unit', 'e2e'].includes(args[0]) ? args.shift() : 'all';

function run(argv) {
  const result = spawnSync(process.execPath, argv, { cwd: root, env: cleanEnv(), stdio: 'inherit' });
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
  files.push(
    ...testFiles(join(root, 'out/test/unit'), /\.test\.js$/),
    ...testFiles(join(root, 'out/test/model'), /\.test\.js$/),
    ...testFiles(join(root, 'out/test/checks'), /\.test\.js$/),
    ...testFiles(join(root, 'out/test/trunks'), /\.test\.js$/),
    ...testFiles(join(root, 'out/test/analysis'), /\.test\.js$/),
    ...testFiles(join(root, 'out/test/simulate'), /\.test\.js$/),
    ...testFiles(join(root, 'out/test/migrate'), /\.test\.js$/),
    ...testFiles(join(root, 'out/test/docs'), /\.test\.js$/),
    ...testFiles(join(root, 'out/test/lsp'), /\.test\.js$/),
    ...testFiles(join(root, 'test/textmate'), /\.test\.mjs$/),
    ...testFiles(join(root, 'test/lint'), /\.test\.mjs$/),
  );
}
// When the real VS Code cannot be set up, the other tests still run and the run fails at the end with the reason.
let e2eProblem;
if (mode !== 'unit') {
  try {
    ensureInstalled(); // Node 24 + code-server in .e2e/ (a no-op once there), and /usr/bin/chromium
    packageVsix();
    files.push(...testFiles(join(root, 'test/e2e'), /^[^/]+\.test\.mjs$/));
  } catch (error) {
    e2eProblem = `cannot run the end-to-end tests: ${error.message}`;
    console.error(`[test] ${e2eProblem}\n[test] (\`npm run test:unit\` runs the other tests alone)`);
  }
}
if (files.length === 0) {
  console.error(e2eProblem ? '[test] no test could run' : '[test] no test files found');
  process.exit(1);
}

// One process per file, one file at a time: the e2e files each start a code-server and a browser.
// The spec reporter is for people; a TAP copy gives the counts for the plain closing line CI reads.
mkdirSync(join(root, 'test-results'), { recursive: true });
const tap = join(root, 'test-results', 'tests.tap');
const status = run(['--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...args, ...files]);
const summary = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(summary)?.[1] ?? 0);
const skipped = count('skipped') + count('todo');
console.log(`\n${count('pass')} passed, ${count('fail') + count('cancelled')} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (e2eProblem) console.error(`[test] FAILED: ${e2eProblem}`);
process.exit(e2eProblem ? 1 : status);
