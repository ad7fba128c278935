// `npm run fuzz [RUNS]`: a long campaign of the property of test/unit/configsProperty.test.ts (random configurations
// through every layer), with a fresh seed; `npm run fuzz -- --lsp [RUNS]` the same for test/lsp/fuzz.test.ts (random
// edits and requests over a real LSP connection). A failure prints the seed, the path and the minimized input, which
// belong in a regression test.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { everyLayer, workspaceFiles } from '../test/fuzz/configs';
import { runSession, sessions } from '../test/fuzz/lsp';
import { LspClient } from '../test/lsp/lspClient';

const lsp = process.argv.includes('--lsp');
const runs = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? (lsp ? 1000 : 5000));
const seed = Date.now() % 2 ** 31;
const started = Date.now();

function report<T extends unknown[]>(result: fc.RunDetails<T>, what: string): void {
  if (result.failed) {
    console.log(`fuzz: FAILED after ${result.numRuns} runs (seed ${seed}, path ${result.counterexamplePath})`);
    console.log(JSON.stringify(result.counterexample?.[0], null, 2));
    console.log(String(result.errorInstance));
    process.exitCode = 1;
  } else console.log(`fuzz: ${runs} ${what}, no failure (seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function main(): Promise<void> {
  if (!lsp) {
    report(fc.check(fc.property(workspaceFiles, (files) => everyLayer(files)), { numRuns: runs, seed }), 'random workspaces through every layer');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-fuzz-lsp-'));
  const client = await LspClient.start(dir);
  // every session, in order, on disk: if the server stalls, the last line is the one it stalled on (the earlier
  // ones made its state)
  const current = path.join(os.tmpdir(), `pbx-fuzz-lsp-${seed}.json`);
  console.log(`fuzz: seed ${seed}; the sessions run are kept in ${current}`);
  let n = 0;
  try {
    const property = fc.asyncProperty(sessions, (s) => {
      fs.appendFileSync(current, JSON.stringify(s) + '\n');
      return runSession(client, dir, n++, s);
    });
    report(await fc.check(property, { numRuns: runs, seed, timeout: 20000, endOnFailure: true }), 'LSP sessions of random edits and requests');
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
