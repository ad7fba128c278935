// The environment of every npm and node process our scripts start. `npm start` and `npm test` run under npm,
// which exports its own state (npm_config_user_agent naming the outer Node, npm_lifecycle_*, npm_package_*,
// INIT_CWD, NODE, its node_modules/.bin folders on PATH). A nested `npm install` that inherits it believes the
// outer Node runs it: code-server's postinstall then refuses Node 24 because the user agent says node/v20.
// What the user set (HOME, proxies, PBX_* variables...) is kept; ~/.npmrc and the project's .npmrc still apply.
import { delimiter, sep } from 'node:path';

/** Variables npm sets for the scripts it runs (a prefix, case-insensitive, or an exact name). */
const NPM_PREFIX = /^npm_/i;
const NPM_NAMES = new Set(['INIT_CWD', 'NODE', 'COLOR']);

/** PATH entries npm prepends: each package's node_modules/.bin, and its own node-gyp-bin. */
const npmPathEntry = (entry) => entry.endsWith(`${sep}node_modules${sep}.bin`) || entry.endsWith(`${sep}node-gyp-bin`);

/** `base` without what an outer npm put there. */
export function cleanEnv(base = process.env) {
  const env = {};
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined || NPM_PREFIX.test(name) || NPM_NAMES.has(name)) continue;
    env[name] = value;
  }
  if (base.PATH !== undefined) env.PATH = base.PATH.split(delimiter).filter((entry) => entry && !npmPathEntry(entry)).join(delimiter);
  return env;
}
