// Lets `npm start` and `npm test` work right after cloning: installs the npm dependencies (npm ci) when they
// are missing. Only the npm registry is used.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv } from './cleanEnv.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function ensureDependencies() {
  if (existsSync(join(root, 'node_modules', '.package-lock.json'))) return;
  console.log('[setup] installing npm dependencies (npm ci)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci'], { cwd: root, env: cleanEnv(), stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('[setup] npm ci failed');
    process.exit(r.status ?? 1);
  }
}
