// `npm start`, the newcomer's first command, run as a person runs it (through npm, so with npm's own environment):
// it builds, installs the packaged extension into a code-server of its own and serves VS Code on a working copy of
// examples/, never on the tracked files. A second `npm start` on the same port stops at once and names the port and
// the variable that changes it. Ctrl+C stops everything.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { test } from 'node:test';
import { cleanEnv } from '../../scripts/cleanEnv.mjs';
import { freePort } from '../../scripts/e2e/codeServer.mjs';
import { resultsDir, root } from '../../scripts/e2e/paths.mjs';

const stateDir = join(resultsDir, 'e2e', 'start');
// the build, the package and the install of the .vsix come first: generous on a loaded 2-core machine
const READY_MS = 240_000;

const groupAlive = (pgid) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

test('npm start serves VS Code on a copy of examples/, refuses a busy port by name, and stops on Ctrl+C', { timeout: READY_MS + 60_000 }, async () => {
  rmSync(stateDir, { recursive: true, force: true });
  const port = await freePort();
  const env = { ...cleanEnv(), PORT: String(port), PBX_START_DIR: stateDir };
  const child = spawn('npm', ['start'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  try {
    // wait for the banner (or the end of the process), woken by each piece of output
    const deadline = Date.now() + READY_MS;
    let gone = null;
    void exited.then((e) => (gone = e));
    while (!/PBX Interconnect is running/.test(output) && gone === null && Date.now() < deadline) await delay(200);
    assert.match(output, /PBX Interconnect is running/, `npm start did not come up (${JSON.stringify(gone)}):\n${output.slice(-3000)}`);

    // a working copy of examples/, git-ignored, is what VS Code opens
    const copy = join(stateDir, 'examples');
    assert.ok(output.includes(`Folder: ${copy}`), output.slice(-1500));
    assert.equal(readFileSync(join(copy, 'wazo-a', 'sip.conf'), 'utf8'), readFileSync(join(root, 'examples', 'wazo-a', 'sip.conf'), 'utf8'));
    const url = new RegExp(`http://127\\.0\\.0\\.1:${port}/`);
    assert.match(output, url);
    const page = await fetch(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(copy)}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /vscode|workbench/i);

    // the same port again: a message naming the port and PORT, at once (before any build)
    const again = spawnSync('npm', ['start'], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(again.status, 1, again.stdout + again.stderr);
    assert.match(again.stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
    assert.match(again.stderr, new RegExp(`PORT=${port + 1} npm start`));
    assert.doesNotMatch(again.stdout + again.stderr, /\[e2e-install\]|tsc|esbuild/, 'it built or installed before checking the port');
  } finally {
    // Ctrl+C goes to the whole foreground group: npm, scripts/start.mjs and code-server's own group
    if (groupAlive(child.pid)) process.kill(-child.pid, 'SIGINT');
    const end = await Promise.race([exited, delay(30_000).then(() => null)]);
    if (end === null) process.kill(-child.pid, 'SIGKILL');
    assert.ok(end !== null, `npm start did not stop on SIGINT:\n${output.slice(-1500)}`);
  }
  assert.match(output, /SIGINT: stopping code-server/);
  // nothing of code-server is left listening
  await assert.rejects(fetch(`http://127.0.0.1:${port}/`), 'code-server still answers after Ctrl+C');
  assert.ok(existsSync(join(stateDir, 'examples')), 'the working copy (with any edits) stays for the next start');
});
