// Entry point of the extension-host tests, in the contract of @vscode/test-electron: VS Code loads this module
// (extensionTestsPath) in the real extension host, beside the extension under development, and calls run().
// test/e2e/extensionHost.test.mjs drives it through code-server; the same entry works with test-electron
// wherever VS Code can be downloaded. Compiled to out/test/e2e/suite/index.js.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import type MochaType from 'mocha';

type MochaConstructor = typeof MochaType;

/** mocha 12 is an ES module whose entry re-exports lib/mocha.cjs; load the CommonJS build when require(esm) is not available. */
function loadMocha(): MochaConstructor {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require('mocha') as MochaConstructor & { default?: MochaConstructor };
    return loaded.default ?? loaded;
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('mocha/lib/mocha.cjs') as MochaConstructor;
  }
}

export async function run(): Promise<void> {
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 120_000 });
  if (process.env.PBX_E2E_GREP) mocha.grep(process.env.PBX_E2E_GREP);
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
