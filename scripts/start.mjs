// `npm start`: builds and packages the extension, installs it into a code-server of its own (Node 24 and
// code-server are installed into .e2e/ on first use, about 2.5 minutes) and serves VS Code on the loopback
// address with the folder examples/ open. Stop with Ctrl+C. The user data and extensions persist in .e2e/start/.
// Environment: PORT (default 8080), PBX_START_FOLDER (default examples/).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { installVsix, startCodeServer } from './e2e/codeServer.mjs';
import { ensureInstalled } from './e2e/install.mjs';
import { packageVsix } from './e2e/package.mjs';
import { e2eDir, fixturesDir, root, vsix } from './e2e/paths.mjs';
import { ensureDependencies } from './bootstrap.mjs';

ensureDependencies();

const port = Number(process.env.PORT ?? 8080);
const runDir = join(e2eDir, 'start');

function fail(message) {
  console.error(`[start] ${message}`);
  process.exit(1);
}

const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) fail(`the build failed (exit code ${build.status ?? build.signal})`);

let folder = resolve(root, process.env.PBX_START_FOLDER ?? 'examples');
if (!existsSync(folder)) {
  console.warn(`[start] ${folder} does not exist; opening the test workspace instead`);
  folder = join(fixturesDir, 'workspace');
}

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

Folder: ${folder}
Logs:   ${codeServer.log}
Press Ctrl+C to stop.
`);

const exit = await codeServer.exited;
if (!stopping) fail(`code-server exited by itself (${exit.code ?? exit.signal}); see ${codeServer.log}`);
