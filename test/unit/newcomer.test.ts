// The newcomer's path (README, "Quick start"): CI runs exactly the README's commands, nested npm and node processes
// do not inherit the outer npm's state, and the npm bins say what to run when nothing is built yet.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../paths';

const script = async <T>(rel: string): Promise<T> => (await import(pathToFileURL(path.join(ROOT, rel)).href)) as T;

/** The commands of a shell snippet: no comments, no blank lines, no shell options. */
const commands = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#') && !/^(set |cd )/.test(l));

describe('the newcomer path', () => {
  it('.ci/run is the README apt line, then npm test, and nothing else', async () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 3));
    const apt = [...quickStart.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]).flatMap(commands).filter((c) => c.includes('apt-get'));
    assert.equal(apt.length, 1, `one apt line in README's Quick start: ${apt.join(' | ')}`);
    assert.deepEqual(commands(fs.readFileSync(path.join(ROOT, '.ci/run'), 'utf8')), [apt[0], 'npm test']);
    assert.match(quickStart, /^npm test\b/m);
    assert.match(quickStart, /^npm start\b/m);
    // the line the install scripts print when a package is missing is the same one
    const { APT_LINE } = await script<{ APT_LINE: string }>('scripts/e2e/paths.mjs');
    assert.equal(APT_LINE, apt[0]);
  });

  it('gives nested processes an environment without what npm exported (user agent, lifecycle, node_modules/.bin)', async () => {
    const { cleanEnv } = await script<{ cleanEnv(base: Record<string, string>): Record<string, string> }>('scripts/cleanEnv.mjs');
    // what `npm start` under Node 20 puts in the environment of its script (seen with `npm run env`)
    const outer = {
      HOME: '/home/ann',
      PBX_SHARED: '/somewhere',
      https_proxy: 'http://proxy:3128',
      PATH: ['/work/p/node_modules/.bin', '/work/node_modules/.bin', '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin', '/usr/local/bin', '/usr/bin'].join(path.delimiter),
      npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
      npm_config_nodedir: '/usr',
      npm_lifecycle_event: 'start',
      npm_package_name: 'pbx-interconnect',
      npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
      NPM_CONFIG_CACHE: '/tmp/cache',
      INIT_CWD: '/work/p',
      NODE: '/usr/bin/node',
      COLOR: '1',
    };
    assert.deepEqual(cleanEnv(outer), { HOME: '/home/ann', PBX_SHARED: '/somewhere', https_proxy: 'http://proxy:3128', PATH: ['/usr/local/bin', '/usr/bin'].join(path.delimiter) });
  });

  it('a nested node started the way the scripts start it sees no npm_config_user_agent', () => {
    // npm itself runs this file's command, as `npm start` runs scripts/start.mjs
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-env-'));
    try {
      const probe = `import('${pathToFileURL(path.join(ROOT, 'scripts/cleanEnv.mjs')).href}').then(({ cleanEnv }) => { const r = require('node:child_process').spawnSync(process.execPath, ['-p', 'process.env.npm_config_user_agent + " " + process.env.npm_lifecycle_event'], { env: cleanEnv(), encoding: 'utf8' }); console.log('outer=' + process.env.npm_config_user_agent?.split(' ')[1] + ' inner=' + r.stdout.trim()); })`;
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'probe', private: true, scripts: { probe: `node -e "${probe.replace(/"/g, '\\"')}"` } }));
      const r = spawnSync('npm', ['run', '--silent', 'probe'], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^outer=node\/v\d+\S* inner=undefined undefined$/m, r.stdout);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the npm bins say how to build when dist/ is missing (an install with --ignore-scripts)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-bin-'));
    try {
      fs.cpSync(path.join(ROOT, 'bin'), path.join(dir, 'bin'), { recursive: true });
      for (const bin of ['pbx-interconnect.js', 'pbx-interconnect-language-server.js']) {
        const r = spawnSync(process.execPath, [path.join(dir, 'bin', bin), '--version'], { cwd: dir, encoding: 'utf8' });
        assert.equal(r.status, 2, bin);
        assert.match(r.stderr, /dist\/(cli|server)\.js is not built yet\. Run:\n {2}cd .+ && npm run build\n$/, r.stderr);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('npm install builds the bins (the prepare script)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string> };
    assert.equal(pkg.scripts.prepare, 'node scripts/prepare.mjs'); // the full build in a checkout (ciFiles.test.ts)
    for (const bin of Object.values(pkg.bin)) assert.ok(fs.existsSync(path.join(ROOT, bin)), bin);
    const r = spawnSync(process.execPath, [path.join(ROOT, pkg.bin['pbx-interconnect']), 'check', path.join(ROOT, 'examples', 'wazo-b', 'sip.conf')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /findings/);
  });
});
