// `npm run fuzz [RUNS]`: a long campaign of the property of test/unit/configsProperty.test.ts (random configurations
// through every layer), with a fresh seed; a failure prints the seed, the path and the minimized files, which belong
// in a regression test.
import fc from 'fast-check';
import { everyLayer, workspaceFiles } from '../test/fuzz/configs';

const runs = Number(process.argv[2] ?? 5000);
const seed = Date.now() % 2 ** 31;
const started = Date.now();
const result = fc.check(fc.property(workspaceFiles, (files) => everyLayer(files)), { numRuns: runs, seed });
if (result.failed) {
  console.log(`fuzz: FAILED after ${result.numRuns} runs (seed ${seed}, path ${result.counterexamplePath})`);
  console.log(JSON.stringify(result.counterexample?.[0], null, 2));
  console.log(String(result.errorInstance));
  process.exitCode = 1;
} else console.log(`fuzz: ${runs} random workspaces through every layer, no failure (seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
