// `npm run bench` section `adversarial` (issue 13): shapes written to make a checker slow, each at two sizes, the
// full check timed (load, dialplan, every check). Linear means the time per line at the larger size stays within
// twice the time per line at the smaller one. The largest shape runs last: its garbage would weigh on the others.
import { fileFindings } from '../server/src/analysis/findings';
import { Workspace } from '../server/src/model/workspace';
import { MemoryFileHost } from './memoryFileHost';

interface Shape {
  name: string;
  sizes: [number, number];
  files(n: number): Record<string, string>;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

const SHAPES: Shape[] = [
  {
    name: 'one context, N extensions each a Goto to the next',
    sizes: [10000, 40000],
    files: (n) => ({ '/a/extensions.conf': '[default]\n' + range(n).map((i) => `exten => ${i},1,Goto(default,${i + 1},1)\n`).join('') }),
  },
  {
    name: 'sip.conf, a chain of N templates each inheriting the one before',
    sizes: [5000, 20000],
    files: (n) => ({
      '/a/sip.conf': '[general]\nallowguest=no\n[t0](!)\ntype=friend\nhost=dynamic\n' + range(n).map((i) => `[t${i + 1}](!,t${i})\ncontext=c${i}\n`).join('') + `[peer](t${n})\nsecret=Xk29!qLm7vB2long\n`,
    }),
  },
  {
    name: 'one context including N others',
    sizes: [2500, 10000],
    files: (n) => ({ '/a/extensions.conf': '[main]\n' + range(n).map((i) => `include => c${i}\n`).join('') + range(n).map((i) => `[c${i}]\nexten => ${i},1,NoOp()\n`).join('') }),
  },
  {
    name: 'N contexts, each including one that exists only in another case (each a "did you mean")',
    sizes: [10000, 40000],
    files: (n) => ({ '/a/extensions.conf': range(n).map((i) => `[c${i}]\ninclude => C${i + 1}\n`).join('') }),
  },
  {
    name: '${ nested N deep in one priority (N lines of filler around it)',
    sizes: [2500, 10000],
    files: (n) => ({ '/a/extensions.conf': '[c]\nexten => 1,1,NoOp(' + '${'.repeat(n) + 'X' + '}'.repeat(n) + ')\n' + range(n).map((i) => `exten => ${i + 2},1,NoOp()\n`).join('') }),
  },
  {
    name: 'one line of N bytes (Asterisk skips lines over 8190), with N/40 lines around it',
    sizes: [100000, 400000],
    files: (n) => ({ '/a/extensions.conf': '[c]\nexten => 1,1,NoOp(' + 'x'.repeat(n) + ')\n' + range(n / 40).map((i) => `exten => ${i + 2},1,NoOp()\n`).join('') }),
  },
  {
    name: 'N contexts, each including the next',
    sizes: [50000, 200000],
    files: (n) => ({ '/a/extensions.conf': range(n).map((i) => `[c${i}]\ninclude => c${i + 1}\nexten => ${i},1,NoOp()\n`).join('') }),
  },
];

function check(files: Record<string, string>): { ms: number; lines: number } {
  const lines = Object.values(files).reduce((n, t) => n + t.split('\n').length, 0);
  const t = process.hrtime.bigint();
  const ws = new Workspace(new MemoryFileHost({ ...files }));
  for (const f of Object.keys(files)) ws.addKnown(f);
  for (const f of Object.keys(files)) fileFindings(ws, f);
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, lines };
}

export function adversarialBench(): void {
  for (const shape of SHAPES) {
    check(shape.files(Math.min(1000, shape.sizes[0]))); // warm-up
    // the median of 3 runs (1 when a run takes seconds): small times are noisy on a shared host
    const [small, large] = shape.sizes.map((n) => {
      const files = shape.files(n);
      const first = check(files);
      if (first.ms > 1000) return first;
      const runs = [first, check(files), check(files)].sort((a, b) => a.ms - b.ms);
      return runs[1];
    });
    const perSmall = (small.ms * 1000) / small.lines;
    const perLarge = (large.ms * 1000) / large.lines;
    const ratio = perLarge / perSmall;
    console.log(
      `${shape.name}: ${small.lines} lines ${small.ms.toFixed(0)} ms (${perSmall.toFixed(1)} µs/line), ${large.lines} lines ${large.ms.toFixed(0)} ms (${perLarge.toFixed(1)} µs/line): ${ratio <= 2 ? 'linear' : 'NOT linear'} (x${ratio.toFixed(2)})`,
    );
  }
}
