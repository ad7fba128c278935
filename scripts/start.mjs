// `npm start`: builds and packages the extension, installs it into a code-server of its own (Node 24 and
// code-server are installed into .e2e/ on first use, about 2.5 minutes) and serves VS Code on the loopback
// address with a working copy of examples/ open (.e2e/start/examples, git-ignored: auto-save never edits the
// tracked files). Stop with Ctrl+C. The user data, extensions and the working copy persist in .e2e/start/.
// Options: --reset (a fresh copy of examples/). Environment: PORT (default 8080), PBX_START_FOLDER (open that
// folder itself instead of the copy), PBX_START_DIR (where the state is kept, default .e2e/start).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { installVsix, startCodeServer } from './e2e/codeServer.mjs';
import { ensureInstalled } from './e2e/install.mjs';
import { packageVsix } from './e2e/package.mjs';
import { e2eDir, root, vsix } from './e2e/paths.mjs';
import { ensureDependencies } from './bootstrap.mjs';
import { cleanEnv } from './cleanEnv.mjs';

const runDir = resolve(process.env.PBX_START_DIR ?? join(e2eDir, 'start'));
const examplesCopy = join(runDir, 'examples');

function fail(message) {
  console.error(`[start] ${message}`);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT=${process.env.PORT} is not a TCP port number (1-65535)`);
// before the build and the install, so that a busy port costs no waiting
const busy = await portProblem(port);
if (busy) fail(busy);

ensureDependencies();
const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, env: cleanEnv(), stdio: 'inherit' });
if (build.status !== 0) fail(`the build failed (exit code ${build.status ?? build.signal})`);

const folder = workspaceFolder();

let codeServer;
try {
  packageVsix();
  ensureInstalled({ requireChromium: false });
  // reinstall on every start, so that code-server runs this build; settings the user changed are kept
  installVsix(runDir, vsix, { keepSettings: true });
  console.log(`[start] installed ${vsix}`);
  codeServer = await startCodeServer({ runDir, folder, port, fresh: false, keepSettings: true, inheritOutput: true });
} catch (error) {
  fail(error.message);
}

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n[start] ${signal}: stopping code-server`);
  await codeServer.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));

console.log(`
PBX Interconnect is running in VS Code (code-server, loopback only, no password):

    ${codeServer.url}/

Folder: ${folder}${folder === examplesCopy ? `\n        (a copy of examples/; \`npm start -- --reset\` makes it afresh)` : ''}
Logs:   ${codeServer.log}
Press Ctrl+C to stop.
`);

const exit = await codeServer.exited;
if (!stopping) fail(`code-server exited by itself (${exit.code ?? exit.signal}); see ${codeServer.log}`);

/** Why code-server could not listen on 127.0.0.1:port, naming the variable that changes it; undefined when free. */
function portProblem(p) {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', (error) =>
      done(
        error.code === 'EADDRINUSE'
          ? `port ${p} on 127.0.0.1 is already in use (another \`npm start\`?). Choose another one with the variable PORT, e.g.:\n  PORT=${p + 1} npm start`
          : `cannot listen on 127.0.0.1:${p} (${error.code ?? error.message}); choose another port with PORT=... npm start`,
      ),
    );
    probe.listen(p, '127.0.0.1', () => probe.close(() => done(undefined)));
  });
}

/** The folder VS Code opens: PBX_START_FOLDER as it is, else the working copy of examples/ (made when missing). */
function workspaceFolder() {
  if (process.env.PBX_START_FOLDER) {
    const chosen = resolve(process.env.PBX_START_FOLDER);
    if (!existsSync(chosen)) fail(`PBX_START_FOLDER=${process.env.PBX_START_FOLDER}: ${chosen} does not exist`);
    return chosen;
  }
  if (process.argv.includes('--reset')) rmSync(examplesCopy, { recursive: true, force: true });
  if (!existsSync(examplesCopy)) {
    cpSync(join(root, 'examples'), examplesCopy, { recursive: true });
    console.log(`[start] copied examples/ to ${relative(root, examplesCopy)} (your edits there stay; examples/ is never touched)`);
  }
  return examplesCopy;
}
