// Packages the extension into dist/pbx-interconnect.vsix, offline (vsce without dependencies: the bundles in
// dist/ carry them). Run scripts/build.mjs first. Usage: node scripts/e2e/package.mjs
//
// vsce lists every file under the project before it applies .vscodeignore, and .e2e/ holds code-server's
// 600 MB of node_modules (8 s of walking). When .vscodeignore is a whitelist (`**` then `!path` lines), the
// whitelisted paths are copied into .e2e/vsix-stage/ and vsce runs there (about 1 s); the .vsix is the same.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanEnv } from '../cleanEnv.mjs';
import { e2eDir, root, vsix } from './paths.mjs';

/** The `!path` lines of a whitelist .vscodeignore, or undefined when it is not one. */
function whitelist() {
  const file = join(root, '.vscodeignore');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  if (lines[0] !== '**' || !lines.slice(1).every((l) => l.startsWith('!'))) return undefined;
  return lines.slice(1).map((l) => l.slice(1).replace(/\/\*\*$/, ''));
}

function stage(paths) {
  const dir = join(e2eDir, 'vsix-stage');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const rel of ['.vscodeignore', ...paths]) {
    if (/[*?[]/.test(rel)) return undefined; // a glob we don't expand: package in place
    const from = join(root, rel);
    if (!existsSync(from)) continue;
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    cpSync(from, join(dir, rel), { recursive: true });
  }
  return dir;
}

export function packageVsix({ quiet = false } = {}) {
  for (const file of ['dist/client.js', 'dist/server.js']) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run \`node scripts/build.mjs\` first`);
  }
  const paths = whitelist();
  const cwd = (paths && stage(paths)) ?? root;
  // --no-rewrite-relative-links: the repository is not on GitHub, so vsce cannot turn README links such as
  // docs/screenshot.png into absolute URLs and would fail; VS Code resolves them inside the installed extension.
  const args = [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', vsix];
  // vsce asks (y/N) when there is no LICENSE; there is no stdin in CI
  if (!existsSync(join(root, 'LICENSE')) && !existsSync(join(root, 'LICENSE.md'))) args.push('--skip-license');
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd, env: cleanEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    throw new Error(`vsce package failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  }
  if (!quiet) console.log(`[package] ${vsix} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return vsix;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    packageVsix();
  } catch (error) {
    console.error(`[package] ${error.message}`);
    process.exit(1);
  }
}
