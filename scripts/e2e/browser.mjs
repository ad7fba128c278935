// Headless Debian chromium driven by playwright-core (no browser download), as in ../shared/e2e/RECIPE.md.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium as playwrightChromium } from 'playwright-core';
import { chromium } from './paths.mjs';
import { chromiumProblem } from './install.mjs';
import { cleanEnv } from '../cleanEnv.mjs';

/** A fresh persistent browser context (chromium rejects --user-data-dir in args; pass the folder here). */
export async function launchBrowser(userDataDir, { width = 1400, height = 900 } = {}) {
  const problem = chromiumProblem();
  if (problem) throw new Error(problem);
  rmSync(userDataDir, { recursive: true, force: true });
  mkdirSync(userDataDir, { recursive: true });
  return playwrightChromium.launchPersistentContext(userDataDir, {
    executablePath: chromium,
    headless: true,
    viewport: { width, height },
    // chromium keeps its crash database under $XDG_CONFIG_HOME/chromium even with a user data dir of its own
    env: { ...cleanEnv(), XDG_CONFIG_HOME: join(userDataDir, 'xdg-config'), XDG_CACHE_HOME: join(userDataDir, 'xdg-cache') },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-breakpad',
    ],
  });
}
