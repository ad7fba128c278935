// Starts and stops code-server (a real VS Code workbench served over HTTP) for the end-to-end tests and
// `npm start`, following ../shared/e2e/RECIPE.md: loopback only, no gallery, no AI features, its own config,
// user data and extensions folders, and a process group of its own so that stopping it leaves nothing behind.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { node24Env } from './install.mjs';
import { codeServerEntry, node24, root, vsix as defaultVsix } from './paths.mjs';

/** The user settings of every instance. `chat.disableAIFeatures` keeps the Chat side bar from taking the focus. */
export const SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'git.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'editor.hover.delay': 100,
};

const live = new Set();
// Last resort when the test process dies with instances running: kill their process groups.
process.on('exit', () => {
  for (const pgid of live) killGroup(pgid, 'SIGKILL');
});
// (the runtime folders of instances killed that way stay in /tmp: pbx-cs-*)

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is gone
  }
}

const groupAlive = (pgid) => killGroup(pgid, 0);

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Folders of one code-server instance under `runDir`. */
export function layout(runDir) {
  runDir = resolve(runDir);
  return {
    runDir,
    config: join(runDir, 'config.yaml'),
    userDataDir: join(runDir, 'udd'),
    extensionsDir: join(runDir, 'exts'),
    log: join(runDir, 'code-server.log'),
    // code-server writes its own logs and a default config under XDG folders: keep them here, not in $HOME.
    xdg: join(runDir, 'xdg'),
  };
}

function prepare(runDir, { fresh, settings, keepSettings = false }) {
  const dirs = layout(runDir);
  if (fresh) rmSync(dirs.runDir, { recursive: true, force: true });
  for (const dir of [dirs.runDir, dirs.extensionsDir, join(dirs.userDataDir, 'User'), dirs.xdg]) mkdirSync(dir, { recursive: true });
  writeFileSync(dirs.config, ''); // an empty config, so that ~/.config/code-server/config.yaml is not read
  const settingsFile = join(dirs.userDataDir, 'User', 'settings.json');
  if (!(keepSettings && existsSync(settingsFile))) writeFileSync(settingsFile, JSON.stringify({ ...SETTINGS, ...settings }, null, 2) + '\n');
  return dirs;
}

function codeServerEnv(dirs, extra = {}) {
  return {
    ...node24Env(),
    EXTENSIONS_GALLERY: '{}', // no marketplace: there is no network
    XDG_CONFIG_HOME: join(dirs.xdg, 'config'),
    XDG_DATA_HOME: join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: join(dirs.xdg, 'cache'),
    ...extra,
  };
}

function requireInstalled() {
  if (!existsSync(node24) || !existsSync(codeServerEntry)) {
    throw new Error('code-server is not installed: run `node scripts/e2e/install.mjs` first');
  }
}

/** Installs a .vsix into the instance's extensions folder (0.5-1 s, offline). */
export function installVsix(runDir, vsixPath = defaultVsix, { fresh = false, settings = {}, keepSettings = false } = {}) {
  requireInstalled();
  if (!existsSync(vsixPath)) throw new Error(`${vsixPath} is missing: package the extension first (scripts/e2e/package.mjs)`);
  const dirs = prepare(runDir, { fresh, settings, keepSettings });
  const args = [codeServerEntry, '--config', dirs.config, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir];
  const result = spawnSync(node24, [...args, '--force', '--install-extension', vsixPath], {
    env: codeServerEnv(dirs),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) {
    throw new Error(`code-server --install-extension ${vsixPath} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  }
  return dirs;
}

/**
 * Starts code-server on 127.0.0.1 and resolves once it prints "HTTP server listening".
 * @param {object} options
 * @param {string} options.runDir       its config, user data, extensions and log (made fresh unless `fresh: false`)
 * @param {string} [options.folder]     the workspace folder to open
 * @param {number} [options.port]       default: a free port
 * @param {boolean} [options.smokeTestDriver] `--vscode-option enable-smoke-test-driver`: needed for the
 *                                      extensionDevelopmentPath/extensionTestsPath payload (extension-host tests)
 * @param {string} [options.vsix]       install this .vsix first
 * @param {boolean} [options.fresh]     delete runDir first (default true)
 * @param {object} [options.settings]   extra user settings
 * @param {boolean} [options.keepSettings] keep an existing settings.json (a persistent instance, npm start)
 * @param {object} [options.env]        extra environment
 * @param {boolean} [options.inheritOutput] also show code-server's output on this process' stdout/stderr
 * @param {number} [options.timeoutMs]  how long to wait for "HTTP server listening" (default 30 s)
 */
export async function startCodeServer(options) {
  requireInstalled();
  const { folder, smokeTestDriver = false, fresh = true, settings = {}, keepSettings = false, env = {}, inheritOutput = false, timeoutMs = 30_000 } = options;
  const dirs = prepare(options.runDir, { fresh, settings, keepSettings });
  if (options.vsix) installVsix(dirs.runDir, options.vsix, { settings, keepSettings });
  const port = options.port ?? (await freePort());

  const args = [
    codeServerEntry,
    '--config', dirs.config,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--extensions-dir', dirs.extensionsDir,
    '--user-data-dir', dirs.userDataDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    // with the default of 3 hours, every closed page would keep its extension host alive that long
    '--reconnection-grace-time', '5',
    '--ignore-last-opened',
  ];
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (folder) args.push(resolve(folder));

  // VS Code puts its IPC sockets (vscode-ipc-*.sock) in XDG_RUNTIME_DIR, else in /tmp, and leaves them there;
  // its TypeScript extension makes /tmp/vscode-typescript<uid>. Both go to a folder of our own instead
  // (short: socket paths must stay under 108 bytes), removed by stop().
  const runtimeDir = mkdtempSync(join(tmpdir(), 'pbx-cs-'));
  const out = openSync(dirs.log, 'w'); // a fresh log: an old "HTTP server listening" must not count
  const child = spawn(node24, args, {
    cwd: root,
    env: codeServerEnv(dirs, { XDG_RUNTIME_DIR: runtimeDir, TMPDIR: runtimeDir, ...env }),
    detached: true, // its own process group (setsid): stop() kills the whole tree
    stdio: ['ignore', inheritOutput ? 'pipe' : out, inheritOutput ? 'pipe' : out],
  });
  if (inheritOutput) {
    child.stdout.on('data', (d) => { process.stdout.write(d); writeFileSync(dirs.log, d, { flag: 'a' }); });
    child.stderr.on('data', (d) => { process.stderr.write(d); writeFileSync(dirs.log, d, { flag: 'a' }); });
  }
  closeSync(out);
  const pgid = child.pid;
  live.add(pgid);
  let exited = null;
  const exitPromise = new Promise((resolveExit) => child.on('exit', (code, signal) => resolveExit((exited = { code, signal }))));

  const stop = async (graceMs = 5_000) => {
    if (!live.has(pgid)) return;
    killGroup(pgid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    // wait for the whole group (the file watcher and extension hosts too), not only the top process
    while (groupAlive(pgid) && Date.now() < deadline) await delay(50);
    if (groupAlive(pgid)) killGroup(pgid, 'SIGKILL');
    await Promise.race([exitPromise, delay(2_000)]);
    live.delete(pgid);
    rmSync(runtimeDir, { recursive: true, force: true });
  };

  const started = Date.now();
  for (;;) {
    const text = readFileSync(dirs.log, 'utf8');
    if (/HTTP server listening/.test(text)) break;
    if (exited || Date.now() - started > timeoutMs) {
      await stop();
      throw new Error(`code-server did not start (${exited ? `exit ${exited.code ?? exited.signal}` : 'timeout'}); log ${dirs.log}:\n${text}`);
    }
    await delay(50);
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    pid: child.pid,
    ...dirs,
    exited: exitPromise,
    stop,
    /** URL of the workbench on a folder, optionally with a payload (array of [name, value]). */
    workbenchUrl(folderPath = folder, payload) {
      const query = [];
      if (folderPath) query.push(`folder=${encodeURIComponent(resolve(folderPath))}`);
      if (payload) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
      return `${url}/${query.length ? '?' + query.join('&') : ''}`;
    },
  };
}

/** A local path as the `vscode-remote` URI that code-server's workbench uses (its remote authority is `remote`). */
export const remoteUri = (path) => `vscode-remote://remote${resolve(path)}`;
