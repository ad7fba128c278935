// The version and home of the tool, read from package.json at run time: the same file whether the CLI runs from
// dist/cli.js (the bin), from out/ (the tests) or from an npm install, so nothing is copied at build time.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface PackageInfo {
  name: string;
  version: string;
  /** The repository as a web address (https://host/owner/name), without `git+` or `.git`. */
  home: string;
}

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string; repository?: string | { url?: string } };
      if (pkg.name === 'pbx-interconnect') {
        const url = typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository?.url ?? '');
        cached = { name: pkg.name, version: pkg.version ?? '0.0.0', home: webAddress(url) };
        return cached;
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error('pbx-interconnect: its package.json was not found');
    dir = up;
  }
}

/** `git+https://host/x/y.git` -> `https://host/x/y`. */
export function webAddress(repositoryUrl: string): string {
  return repositoryUrl.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '');
}

/** Where a finding code is explained: its row of the README's tables (each carries `<a id="CODE">`). */
export function helpUri(code: string): string {
  return `${packageInfo().home}/blob/main/README.md#${code}`;
}
