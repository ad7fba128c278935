// npm's `prepare` script (npm install, npm ci, npm pack, installs from git). In a checkout it is the full build,
// so the bins work right after `npm ci`. Installed from git, it builds only the bundles the bins run: pre-commit
// installs the hook of .pre-commit-hooks.yaml with `npm install -g git+file://...`, and npm then installs the
// clone's own dependencies in global mode too (`-g` reaches that install as npm_config_global), so the build
// tools, dev dependencies, are missing there: they are installed into the clone first, without running scripts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const spawn = (args, env) => {
  const r = spawnSync(args[0], args.slice(1), { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const checkout = ['peggy', 'esbuild', 'typescript'].every((p) => existsSync(join(root, 'node_modules', p, 'package.json')));
if (!checkout) {
  // only what makes the nested install global or puts it elsewhere; the user's registry and proxy settings stay
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^npm_config_(global|prefix|location)$/i.test(k)) delete env[k];
  spawn(['npm', 'install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--include=dev'], env);
}
spawn([process.execPath, join(root, 'scripts', 'build.mjs'), ...(checkout ? [] : ['--bundles-only'])], process.env);
