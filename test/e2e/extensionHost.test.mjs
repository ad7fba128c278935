// Runs the mocha suite of test/e2e/suite/ inside the real VS Code extension host of code-server, with the
// extension loaded from the working tree as a development extension (the @vscode/test-electron contract:
// extensionDevelopmentPath + extensionTestsPath). code-server honours those payload options only with the
// smoke-test driver enabled, and reports the result through window.codeAutomationExit. Needs
// `node scripts/build.mjs` (out/ and dist/) and `node scripts/e2e/install.mjs`.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { format } from 'node:util';
import { launchBrowser } from '../../scripts/e2e/browser.mjs';
import { remoteUri, startCodeServer } from '../../scripts/e2e/codeServer.mjs';
import { fixturesDir, resultsDir, root, screenshotsDir } from '../../scripts/e2e/paths.mjs';

const runDir = join(resultsDir, 'e2e', 'extension-host');
const suiteEntry = join(root, 'out', 'test', 'e2e', 'suite', 'index');
// Two workspace folders: `workspace` (the office PBX, first, so workspaceFolders[0] stays it) and `twopbx`
// (the PBXs wazo-a and wazo-b, whose trunk the server checks across both; it scans every workspace folder).
// The run's own copy of that workspace file, with a third folder `migrate`: a fresh copy of examples/office-sip and
// examples/branch-pjsip, which the migration test rewrites.
// (beside runDir, which code-server's start empties)
const workspaceDir = join(resultsDir, 'e2e', 'extension-host-workspace');
const workspace = join(workspaceDir, 'extension-host.code-workspace');
const migrateDir = join(workspaceDir, 'migrate');
// the whole suite, on a loaded 2-core CI machine
const TIMEOUT_MS = 600_000;
// Workbench chatter that code-server prints on every start; everything else from the page is shown.
const NOISE = [
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^\[(reconnection-grace-time|Service Worker|AgentHost:remote|AccountPolicyGate)\]/,
];

let codeServer;
let browser;
let pageStarted = Date.now(); // PBX_E2E_TRACE=1 prints every page log line with its time since goto

before(async () => {
  assert.ok(existsSync(suiteEntry + '.js'), `${suiteEntry}.js is missing: run \`node scripts/build.mjs\``);
  rmSync(workspaceDir, { recursive: true, force: true });
  mkdirSync(workspaceDir, { recursive: true });
  for (const pbx of ['office-sip', 'branch-pjsip']) cpSync(join(root, 'examples', pbx), join(migrateDir, pbx), { recursive: true });
  const folders = [join(fixturesDir, 'workspace'), join(fixturesDir, 'twopbx'), migrateDir].map((path) => ({ path }));
  writeFileSync(workspace, JSON.stringify({ folders, settings: {} }, null, 2));
  const started = Date.now();
  codeServer = await startCodeServer({ runDir, folder: workspace, smokeTestDriver: true });
  browser = await launchBrowser(join(runDir, 'chromium'));
  console.log(`code-server ${codeServer.url} and chromium ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

after(async () => {
  await browser?.close();
  await codeServer?.stop();
});

test('the extension-host suite (mocha in VS Code) passes', { timeout: TIMEOUT_MS + 10_000 }, async () => {
  const page = browser.pages()[0] ?? (await browser.newPage());
  let exitCode;
  const exited = new Promise((resolve) => {
    // both must exist before the workbench loads
    void page.exposeFunction('codeAutomationExit', (code) => resolve((exitCode = code)));
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = format(...(Array.isArray(args) ? args : [args]));
    if (process.env.PBX_E2E_TRACE) console.log(`+${Date.now() - pageStarted} ms ${text.slice(0, 80)}`);
    if (NOISE.some((re) => re.test(text))) return;
    for (const line of text.split('\n')) console.log(`[extension host${type === 'log' || type === 'info' ? '' : ' ' + type}] ${line}`);
  });
  const payload = [
    ['extensionDevelopmentPath', remoteUri(root)],
    ['extensionTestsPath', remoteUri(suiteEntry)],
    ['extensionEnvironment', JSON.stringify({ PBX_E2E_FIXTURES: fixturesDir, ...(process.env.PBX_E2E_GREP ? { PBX_E2E_GREP: process.env.PBX_E2E_GREP } : {}) })],
  ];
  pageStarted = Date.now();
  // a .code-workspace file opens with `?workspace=` (codeServer.workbenchUrl writes `?folder=`)
  await page.goto(`${codeServer.url}/?workspace=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  let timer;
  const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS)));
  const result = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  console.log(`workbench load + extension-host suite: ${((Date.now() - pageStarted) / 1000).toFixed(1)} s, exit code ${result}`);
  if (result !== 0) await page.screenshot({ path: join(screenshotsDir, 'extension-host-failure.png') }).catch(() => {});
  assert.notEqual(result, 'timeout', `the extension-host suite did not finish within ${TIMEOUT_MS / 1000} s (code-server log: ${codeServer.log})`);
  assert.equal(exitCode, 0, 'the extension-host suite failed: see the [extension host] lines above');
});
