// `npm run bench:size` (issue 13, size): the two files of the size targets, checked by the CLI as a user runs it
// (`pbx-interconnect check --pbx DIR`, from dist/), each in a process of its own: wall time and peak resident memory
// (the operating system's maxrss of that process), median of three runs. Targets as issue 13 sets them: the 50 MB
// file in 10 s and 1 GB, the chain in 10 s (its memory is printed, with no target).
//   - a generated 50 MB extensions.conf (1,070,010 lines: generateDialplan(10700, 100, 1) of benchData.ts)
//   - 1,000,000 contexts, each including the next (2,000,002 lines)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateDialplan } from './benchData';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function chain(n: number): string {
  const out = ['[general]', ''];
  for (let i = 0; i < n; i++) {
    out.push(`[c${i}]`);
    if (i < n - 1) out.push(`include => c${i + 1}`);
  }
  return out.join('\n') + '\n';
}

/** One run of the CLI on a folder: its wall time and its own peak resident memory, in bytes. */
function run(dir: string): { seconds: number; rss: number; status: number | null } {
  // the child reports its maxrss (KiB) as it exits; nothing else is added to its work
  const probe = `process.on('exit', () => process.stderr.write('maxrss=' + process.resourceUsage().maxRSS + '\\n'))`;
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-e', `${probe}; process.argv.splice(1, 0, ${JSON.stringify(CLI)}); require(${JSON.stringify(CLI)})`, 'check', '--pbx', dir], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = Number(/maxrss=(\d+)/.exec(child.stderr)?.[1] ?? NaN) * 1024;
  return { seconds, rss, status: child.status };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: npm run build first`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-size-'));
try {
  // name, text, and the memory target in GB (null: none)
  const cases: [string, string, number | null][] = [
    ['a generated 50 MB extensions.conf (generateDialplan(10700, 100, 1))', generateDialplan(10700, 100, 1), 1],
    ['1,000,000 contexts, each including the next', chain(1000000), null],
  ];
  console.log(`size targets: the 50 MB file in 10 s and 1 GB, the chain in 10 s (node ${process.version}, ${os.cpus().length} cores)`);
  for (const [name, text, maxGb] of cases) {
    const dir = fs.mkdtempSync(path.join(work, 'pbx-'));
    fs.writeFileSync(path.join(dir, 'extensions.conf'), text);
    const runs = [run(dir), run(dir), run(dir)];
    const seconds = median(runs.map((r) => r.seconds));
    const gb = median(runs.map((r) => r.rss)) / 1e9;
    const exits = [...new Set(runs.map((r) => r.status))].join(',');
    console.log(`${name}: ${(text.length / 1e6).toFixed(1)} MB, median of 3 ${seconds.toFixed(1)} s (${runs.map((r) => r.seconds.toFixed(1)).join(', ')}), peak ${gb.toFixed(2)} GB, exit ${exits}: ${seconds <= 10 && (maxGb === null || gb <= maxGb) ? 'within' : 'NOT within'} the target${maxGb === null ? '' : 's'}`);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
