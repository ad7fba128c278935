// UI tests in a real VS Code workbench: code-server with the packaged .vsix installed, driven by headless
// chromium. They do what a person would (Quick Open, the Problems panel, the Outline view, a hover) and save
// screenshots to test-results/screenshots/. Then a second workspace, two PBXs whose trunk is checked across
// both, and a copy of examples/ (what `npm start` opens) in which a call is simulated, a Dial string completed,
// and a trunk secret edited on one PBX shows its error on the other PBX's closed file in the Problems panel.
// With PBX_UPDATE_SCREENSHOT=1 the overview, hover, trunk, simulation and completion shots are also copied to
// docs/screenshot.png, docs/hover.png, docs/trunk.png, docs/simulate.png, docs/completion.png and docs/migration-proof.png for the README. Needs `node scripts/build.mjs`,
// `node scripts/e2e/package.mjs` (dist/pbx-interconnect.vsix) and `node scripts/e2e/install.mjs`.
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser } from '../../scripts/e2e/browser.mjs';
import { startCodeServer } from '../../scripts/e2e/codeServer.mjs';
import { fixturesDir, resultsDir, root, screenshotsDir, vsix } from '../../scripts/e2e/paths.mjs';

const runDir = join(resultsDir, 'e2e', 'ui');
const workspace = join(runDir, 'workspace');
// wazo-a/ and wazo-b/: two PBXs, the sip-trunks conformance case a_reguser
const twoPbx = join(runDir, 'twopbx');
// the example workspace of the README
const examples = join(runDir, 'examples');
// Every wait is on something the page shows; the bound is generous for a loaded 2-core CI machine.
const WAIT = { timeout: 60_000 };

let codeServer;
let browser;
let page;

async function screenshot(name) {
  mkdirSync(screenshotsDir, { recursive: true });
  const file = join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Runs one UI step; on failure saves a screenshot named after it, then rethrows. */
async function step(name, body) {
  try {
    await body();
  } catch (error) {
    if (page) await screenshot(`failure-${name}`).catch(() => {});
    throw error;
  }
}

async function quickInput(keys, text, rowSelector) {
  await page.keyboard.press(keys);
  await page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', ...WAIT });
  await page.keyboard.type(text);
  // pressing Enter before the row is there picks nothing (or the wrong thing)
  await page.locator(`.quick-input-list .monaco-list-row${rowSelector}`).first().waitFor(WAIT);
  await page.keyboard.press('Enter');
}

describe('PBX Interconnect in the VS Code UI', { timeout: 300_000 }, () => {
  before(async () => {
    assert.ok(existsSync(vsix), `${vsix} is missing: run \`node scripts/build.mjs && node scripts/e2e/package.mjs\``);
    rmSync(runDir, { recursive: true, force: true });
    mkdirSync(runDir, { recursive: true });
    cpSync(join(fixturesDir, 'workspace'), workspace, { recursive: true });
    cpSync(join(fixturesDir, 'twopbx'), twoPbx, { recursive: true });
    cpSync(join(root, 'examples'), examples, { recursive: true });
    codeServer = await startCodeServer({ runDir: join(runDir, 'code-server'), folder: workspace, vsix });
    browser = await launchBrowser(join(runDir, 'chromium'));
    page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(codeServer.workbenchUrl());
    await page.locator('.monaco-workbench').waitFor(WAIT);
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor(WAIT);
  });

  after(async () => {
    await browser?.close();
    await codeServer?.stop();
  });

  it('opens extensions.conf through Quick Open in the language mode Asterisk', () =>
    step('quick-open', async () => {
      await quickInput('Control+P', 'extensions.conf', '[aria-label^="extensions.conf"]');
      await page.locator('.tab.active[aria-label*="extensions.conf"]').waitFor(WAIT);
      await page.locator('[id="status.editor.mode"]', { hasText: 'Asterisk' }).waitFor(WAIT);
    }));

  it('underlines the section header without `]` with an error squiggle', () =>
    step('squiggle', async () => {
      await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor(WAIT);
      // two in the workspace: this header, and on the closed sip.conf the peer whose context the rejected file held
      await page.locator('[id="status.problems"][aria-label*="Errors: 2"]').waitFor(WAIT);
      await screenshot('01-editor-squiggle');
    }));

  it('lists the error in the Problems panel', () =>
    step('problems', async () => {
      await showProblems();
      const row = page.locator('.markers-panel .monaco-list-row[aria-label^="Error: "]', { hasText: 'syntax-unclosed-section' });
      await row.first().waitFor(WAIT);
      const label = await row.first().getAttribute('aria-label');
      assert.match(label, /at line 5 and character 1\. generated by pbx-interconnect$/, label);
      assert.match(label, /load none of/i, label); // Asterisk rejects the whole file
      assert.match(await row.first().locator('.marker-line').innerText(), /Ln 5, Col 1/);
      await screenshot('02-problems');
    }));

  it('shows the contexts in the Outline view', () =>
    step('outline', async () => {
      await quickInput('F1', 'Explorer: Focus on Outline View', '[aria-label*="Focus on Outline View"]');
      const rows = page.locator('.outline-pane .monaco-list-row');
      await rows.first().waitFor(WAIT);
      // collapse the contexts so that every top-level row fits in the (virtualised) tree
      // (the header shows its actions only while hovered or focused)
      const header = page.locator('.pane-header:has-text("Outline")');
      await header.hover(WAIT);
      await header.locator('a.codicon-collapse-all').click(WAIT);
      await page.locator('.outline-pane .monaco-list-row[aria-level="2"]').first().waitFor({ state: 'detached', ...WAIT });
      const labels = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
      const names = labels.map((l) => l.replace(/ \([a-z ]+\)$/, ''));
      assert.deepEqual(names.filter((n) => ['from-internal', 'voicemail'].includes(n)), ['from-internal', 'voicemail'], JSON.stringify(labels));
      const shot = await screenshot('03-overview');
      if (process.env.PBX_UPDATE_SCREENSHOT === '1') publish(shot, 'screenshot.png');
    }));

  it('explains a dialplan pattern when the mouse rests on it', () =>
    step('pattern-hover', async () => {
      const pattern = '_NXXNXXXXXX';
      await quickInput('Control+P', 'extensions_office.conf', '[aria-label^="extensions_office.conf"]');
      await page.locator('.tab.active[aria-label*="extensions_office.conf"]').waitFor(WAIT);
      const line = page.locator('.editor-instance .monaco-editor .view-lines .view-line', { hasText: pattern }).first();
      await line.waitFor(WAIT);
      await restMouseOn(line, pattern);
      // the whole explanation, down to its rank in the context
      const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'Ten digits' }).filter({ hasText: 'Tried' }).first();
      await hover.waitFor(WAIT);
      // the hover fades in: let the animation end, or the screenshot shows it half transparent
      await hover.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
      const text = await hover.innerText();
      assert.match(text, /Ten digits; the 1st and 4th are 2-9, the rest any digit\./, text);
      assert.match(text, /Tried 3rd of 3 in outgoing/, text);
      const shot = await screenshot('04-pattern-hover');
      if (process.env.PBX_UPDATE_SCREENSHOT === '1') publish(shot, 'hover.png');
    }));

  it("explains an option of Dial when the mouse rests on its letter", () =>
    step('option-hover', async () => {
      // extensions_office.conf is still in front: its line exten => _**99.,1,Dial(SIP/wazo-trunk/${EXTEN:4},30,tT)
      const line = page.locator('.editor-instance .monaco-editor .view-lines .view-line', { hasText: ',30,tT)' }).first();
      await line.waitFor(WAIT);
      await restMouseOn(line, 'tT)'); // the middle character: T
      const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'option of Dial' }).first();
      await hover.waitFor(WAIT);
      await hover.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
      const text = await hover.innerText();
      assert.match(text, /^T — option of Dial\s+Let the caller transfer with the transfer codes of features\.conf\./, text);
      await screenshot('04b-option-hover');
    }));

  it('shows a trunk error found across two PBXs: wazo-a registers to wazo-b under a user wazo-b does not know', () =>
    step('cross-pbx', async () => {
      // a second workspace in the same code-server: the folder twopbx/ with the PBXs wazo-a/ and wazo-b/
      await page.goto(codeServer.workbenchUrl(twoPbx));
      await page.locator('.monaco-workbench').waitFor(WAIT);
      await page.locator('.explorer-folders-view .monaco-list-row[aria-label="wazo-b"]').waitFor(WAIT);
      // two files are called sip.conf: pick wazo-a's
      await quickInput('Control+P', 'wazo-a/sip.conf', '[aria-label^="sip.conf"][aria-label*="wazo-a"]');
      await page.locator('.tab.active[aria-label*="sip.conf"]').waitFor(WAIT);
      await page.locator('[id="status.editor.mode"]', { hasText: 'Asterisk' }).waitFor(WAIT);

      // the squiggle sits on the register line
      const squiggle = page.locator('.editor-instance .monaco-editor .squiggly-error').first();
      await squiggle.waitFor(WAIT);
      const register = page.locator('.editor-instance .monaco-editor .view-lines .view-line', { hasText: /register\s+=>/ }).first();
      // CodeLenses (Migrate to chan_pjsip on line 1, Simulate above the peer) move the lines down as they arrive:
      // compare the two places once the layout has settled
      const on = (s, r) => s.y >= r.y - 1 && s.y + s.height <= r.y + r.height + 1;
      let [s, r] = [await squiggle.boundingBox(), await register.boundingBox()];
      for (let tries = 0; tries < 40 && !on(s, r); tries++) {
        await page.waitForTimeout(250);
        [s, r] = [await squiggle.boundingBox(), await register.boundingBox()];
      }
      assert.ok(on(s, r), `the squiggle (y ${s.y}) is not on the register line (y ${r.y}-${r.y + r.height})`);
      await page.locator('[id="status.problems"][aria-label*="Errors: 1"]').waitFor(WAIT);

      await showProblems();
      const row = page.locator('.markers-panel .monaco-list-row[aria-label^="Error: "]', { hasText: 'trunk-register-user-unknown' }).first();
      await row.waitFor(WAIT);
      const label = await row.getAttribute('aria-label');
      assert.match(label, /^Error: wazo-b has no peer 'wazo-trunk-typo' in its sip\.conf: .*\('wazo-trunk'\?\)/, label);
      assert.match(label, /refuses the registration with 403/, label);
      // the related location in wazo-b/sip.conf counts as a reference
      assert.match(label, /at line 12 and character 13\. This problem has references to 1 locations\. generated by pbx-interconnect$/, label);
      assert.match(await row.locator('.marker-line').innerText(), /Ln 12, Col 13/);

      // the panel cuts the message short: rest the mouse on the squiggle for all of it, and the quick fix
      const box = await squiggle.boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: "wazo-b has no peer 'wazo-trunk-typo'" }).filter({ hasText: 'Quick Fix' }).first();
      await hover.waitFor(WAIT);
      await hover.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
      assert.match(await hover.innerText(), /refuses the registration with 403, and its calls to wazo-a fail\./);
      const shot = await screenshot('05-cross-pbx');
      if (process.env.PBX_UPDATE_SCREENSHOT === '1') publish(shot, 'trunk.png');
    }));

  it('simulates **99101 dialed by a phone of wazo-a: the examples trunk takes it to extension 101 on wazo-b', () =>
    step('simulate', async () => {
      await page.goto(codeServer.workbenchUrl(examples));
      await page.locator('.monaco-workbench').waitFor(WAIT);
      await page.locator('.explorer-folders-view .monaco-list-row[aria-label="wazo-a"]').waitFor(WAIT);
      await quickInput('Control+P', 'wazo-a/extensions.conf', '[aria-label^="extensions.conf"][aria-label*="wazo-a"]');
      await page.locator('.tab.active[aria-label*="extensions.conf"]').waitFor(WAIT);
      await page.locator('[id="status.editor.mode"]', { hasText: 'Asterisk' }).waitFor(WAIT);

      // the cursor is on the first line, a comment: no origin there, so the picker asks for a PBX, then an origin
      await quickInput('F1', 'PBX: Simulate Dial', '[aria-label*="PBX: Simulate Dial"]');
      await pickRow('from which PBX?', 'wazo-a', '[aria-label^="wazo-a"]');
      await pickRow('where does the call start on wazo-a?', 'from-users', '[aria-label^="from-users"]');
      await pickRow('Simulate dial from context from-users on wazo-a', '**99101', '[aria-label^="**99101"]');
      // what to assume of a live call: nothing (the first row simulates)
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'assume' }).waitFor({ state: 'visible', ...WAIT });
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Simulate' }).waitFor(WAIT);
      await page.keyboard.press('Enter');

      const view = await webviewWith('#outcome');
      assert.equal(await view.locator('#headline').innerText(), 'Reaches extension 101 in Incalls on wazo-b');
      assert.equal(await view.locator('#outcome').getAttribute('data-kind'), 'extension');
      // **99 is dropped on the way to the trunk
      await view.locator('.rewrite[data-from="**99101"][data-to="101"]').waitFor(WAIT);
      const shot = await screenshot('simulate');
      if (process.env.PBX_UPDATE_SCREENSHOT === '1') publish(shot, 'simulate.png');

      // a hop's place opens the file at its line: wazo-b's `exten => 101,1,Dial(SIP/someone)`, line 18
      const link = view.locator('.hop[data-pbx="wazo-b"][data-context="Incalls"] .place').first();
      assert.equal(await link.innerText(), 'extensions.conf:18');
      // a click before the page's script listens would be lost
      await view.locator('body[data-ready="1"]').waitFor(WAIT);
      await link.click();
      await page.locator('[id="status.editor.selection"]', { hasText: 'Ln 18, Col 1' }).waitFor(WAIT);
      // the line is shown in the editor group the file opened in; focus may go back to the webview's group after the
      // click (seen on a loaded host), so the group is not required to be the active one
      const line = page.locator('.editor-group-container .monaco-editor .view-line', { hasText: 'exten => 101,1,Dial(SIP/someone)' });
      await line.first().waitFor(WAIT);
    }));

  it('simulates the reception menu of wazo-b (**99200), every Dial taken as busy, and lists every outcome', () =>
    step('simulate-ivr', async () => {
      await quickInput('F1', 'PBX: Simulate Dial', '[aria-label*="PBX: Simulate Dial"]');
      // the cursor is in wazo-b's [Incalls] (the last test opened it there): that origin is proposed first
      await pickRow('where does the call start?', 'another', '[aria-label*="Choose another origin"]');
      await pickRow('from which PBX?', 'wazo-a', '[aria-label^="wazo-a"]');
      await pickRow('where does the call start on wazo-a?', 'from-users', '[aria-label^="from-users"]');
      await pickRow('Simulate dial from context from-users on wazo-a', '**99200', '[aria-label^="**99200"]');
      // assume every Dial ends BUSY; the caller's keys stay open: every key the menu accepts is followed
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'assume' }).waitFor({ state: 'visible', ...WAIT });
      await page.keyboard.type('Dial ends');
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Dial ends' }).waitFor(WAIT);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'How each Dial' }).waitFor({ state: 'visible', ...WAIT });
      await page.keyboard.press('Control+A');
      await page.keyboard.type('BUSY');
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Dial: BUSY' }).waitFor(WAIT);
      await page.keyboard.press('Enter');

      // nobody presses a key on the main path: the menu plays twice, then says goodbye
      const view = await webviewWith('.hop[data-context="ivr-reception"][data-exten="t"]');
      await view.locator('#headline', { hasText: 'on wazo-b' }).waitFor(WAIT);
      // every other ending, each with what leads there: key 2 and the busy Dial lead to Carol's voicemail
      for (const kind of ['voicemail', 'hangup']) await view.locator(`#paths .path[data-kind="${kind}"]`).first().waitFor(WAIT);
      const paths = await view.locator('#paths').innerText();
      assert.match(paths, /Voicemail from extension s in voicemail on wazo-b[^\n]*\n?[^\n]*\n?when the caller's keys at WaitExten = 2[^\n]*; DIALSTATUS of SIP\/carol = BUSY/, paths);
      assert.match(paths, /keys at WaitExten = none \(a timeout\)/, paths);
      await view.locator('#paths').scrollIntoViewIfNeeded();
      const shot = await screenshot('simulate-ivr');
      if (process.env.PBX_UPDATE_SCREENSHOT === '1') publish(shot, 'simulate-ivr.png');
    }));

  it('simulates 9201 from the chan_sip office to the chan_pjsip branch, and shows who each side took the call for', () =>
    step('simulate-mixed', async () => {
      // Quick Open: the row of office-sip's extensions.conf must be the focused one (its sip.conf matches too)
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', ...WAIT });
      await page.keyboard.type('office-sip/extensions.conf');
      await page.locator('.quick-input-list .monaco-list-row.focused[aria-label^="extensions.conf"][aria-label*="office-sip"]').waitFor(WAIT);
      await page.keyboard.press('Enter');
      await page.locator('.tab.active[aria-label*="extensions.conf"]').waitFor(WAIT);
      await page.locator('.editor-group-container.active .monaco-breadcrumbs', { hasText: 'office-sip' }).waitFor(WAIT);
      // line 7 is in [phones]: that origin is proposed first
      await goToLine(7);
      await quickInput('F1', 'PBX: Simulate Dial', '[aria-label*="PBX: Simulate Dial"]');
      await pickRow('where does the call start?', 'Start', '[aria-label*="Start in"]');
      await pickRow('Simulate dial from context phones on office-sip', '9201', '[aria-label^="9201"]');
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'assume' }).waitFor({ state: 'visible', ...WAIT });
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Simulate' }).waitFor(WAIT);
      await page.keyboard.press('Enter');

      // the view of the last call (which crossed a trunk too) is replaced: wait for this call's steps
      const view = await webviewWith('.hop[data-pbx="branch-pjsip"]');
      await view.locator('#headline', { hasText: 'Reaches extension 201 in from-office on branch-pjsip' }).waitFor(WAIT);
      const crossing = await view.locator('#crossings .crossing').first().innerText();
      assert.match(crossing, /office-sip → branch-pjsip \(chan_pjsip\) through SIP\/branch\/201: taken for office, 401, 200, lands in from-office/, crossing);
      assert.match(crossing, /identify 'office-identify' matches its source address 127\.0\.0\.1:5080/, crossing);
      await view.locator('#crossings').scrollIntoViewIfNeeded();
      const shot = await screenshot('simulate-mixed');
      if (process.env.PBX_UPDATE_SCREENSHOT === '1') publish(shot, 'simulate-mixed.png');
    }));

  it("completes wazo-a's peers while a Dial string is typed", () =>
    step('completion', async () => {
      // wazo-b's file is in front (the last test opened it): pick wazo-a's
      await openFocused('wazo-a/extensions.conf', 'wazo-a');
      // a new line after line 24 (exten => _**99.,1,Dial(...)), typed as a person would
      await goToLine(24);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('exten => 8000,1,Dial(SIP/', { delay: 20 });
      const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'wazo-trunk' });
      await row.first().waitFor(WAIT);
      // wazo-a's phones are offered too, not wazo-b's
      await page.locator('.suggest-widget .monaco-list-row', { hasText: '1001' }).first().waitFor(WAIT);
      assert.equal(await page.locator('.suggest-widget .monaco-list-row', { hasText: 'someone' }).count(), 0);
      const shot = await screenshot('completion');
      if (process.env.PBX_UPDATE_SCREENSHOT === '1') publish(shot, 'completion.png');
      await page.keyboard.press('Enter');
      await page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: 'exten => 8000,1,Dial(SIP/wazo-trunk' }).waitFor(WAIT);
    }));

  it("shows in the Problems panel the 403 on wazo-a's closed sip.conf when wazo-b's trunk secret is edited", () =>
    step('closed-file', async () => {
      await openFocused('wazo-b/sip.conf', 'wazo-b');
      await page.locator('.tab.active[aria-label*="sip.conf"]').waitFor(WAIT);
      // wazo-a's sip.conf was never opened
      assert.equal(await page.locator('.tab[aria-label*="sip.conf"]').count(), 1);
      // [wazo-trunk]'s secret=pass, line 28: type after it
      await goToLine(28);
      await page.keyboard.press('End');
      await page.keyboard.type('word2', { delay: 20 });
      await page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: /^secret=password2$/ }).waitFor(WAIT);

      await showProblems();
      // the panel lists every file of the workspace: show only this code (the filter box sits in the panel's title,
      // or, when the title has no room, appears on Ctrl+F in the focused panel)
      const filter = page.locator('.part.panel input[placeholder^="Filter"]');
      if (!(await filter.isVisible())) {
        await page.locator('.markers-panel .monaco-list').first().click();
        await page.keyboard.press('Control+F');
      }
      await filter.waitFor({ state: 'visible', ...WAIT });
      const row = page.locator('.markers-panel .monaco-list-row[aria-label^="Error: "]', { hasText: 'trunk-secret-mismatch' }).first();
      // the panel may filter before the new finding arrives and then show "0 of N" with the row hidden: filter again
      // until the row shows (the finding's own words, which the panel's filter always searches)
      for (let attempt = 1; ; attempt++) {
        await filter.fill('');
        await filter.fill("secret is not the one");
        try {
          await row.waitFor({ timeout: 15_000 });
          break;
        } catch (error) {
          if (attempt === 4) throw error;
        }
      }
      const label = await row.getAttribute('aria-label');
      assert.match(label, /403/, label);
      assert.doesNotMatch(label, /password2/, 'the secret is never shown');
      // on wazo-a's register line (26), a file that is not open
      assert.match(label, /at line 26 and character \d+\./, label);
      await page.locator('.markers-panel .monaco-list-row[aria-label*="in file sip.conf of folder wazo-a"]').waitFor(WAIT);
      assert.equal(await page.locator('.tab[aria-label*="sip.conf"]').count(), 1, "wazo-a's sip.conf was opened");
      await screenshot('closed-file-problem');
      await filter.fill('');
    }));

  it("explains an IvozProvider friend's pattern in plain words when the mouse rests on it", () =>
    step('friend-hover', async () => {
      await page.keyboard.press('Escape');
      await quickInput('Control+P', 'ivozprovider.conf', '[aria-label^="ivozprovider.conf"]');
      await page.locator('.tab.active[aria-label*="ivozprovider.conf"]').waitFor(WAIT);
      const pattern = '^2[0-9]{2}$';
      // bring its line into view (the Problems panel takes half the height)
      const at = readFileSync(join(examples, 'ivozprovider', 'ivozprovider.conf'), 'utf8').split('\n').findIndex((l) => l.startsWith(`pattern = ${pattern}`)) + 1;
      await goToLine(at);
      const line = page.locator('.editor-instance .monaco-editor .view-lines .view-line', { hasText: `pattern = ${pattern}` }).first();
      await line.waitFor(WAIT);
      await restMouseOn(line, pattern);
      const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'Three digits starting with 2' }).first();
      await hover.waitFor(WAIT);
      await hover.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
      const text = await hover.innerText();
      assert.match(text, /pattern of friend friend-name/, text);
      // the company's internal extensions 100-120 and 300 take none of 2XX: the friend gets them
      assert.match(text, /tried 1st of \d friends, after the internal extensions/, text);
      assert.doesNotMatch(text, /friend-password/, 'the friend password is never shown');
      await screenshot('friend-hover');
    }));

  it('migrates office-sip to chan_pjsip from the CodeLens on sip.conf: the proof table, then the refactor preview', () =>
    step('migration-proof', async () => {
      await page.keyboard.press('Escape');
      // a clean window for the screenshot: no other editor, no panel
      await quickInput('F1', 'View: Close All Editors', '[aria-label*="View: Close All Editors"]');
      await quickInput('F1', 'View: Hide Panel', '[aria-label*="View: Hide Panel"]');
      await openFocused('office-sip/sip.conf', 'office-sip');
      await page.locator('.tab.active[aria-label*="sip.conf"]').waitFor(WAIT);
      await goToLine(1);
      const lens = page.locator('.editor-group-container.active .codelens-decoration a', { hasText: 'Migrate to chan_pjsip' }).first();
      await lens.waitFor(WAIT);
      await lens.click();
      await pickRow('Migrate to chan_pjsip: write what?', 'pjsip.conf', '[aria-label^="pjsip.conf"]');
      const view = await webviewWith('#calls');
      assert.equal(await view.locator('#title').innerText(), 'Migration proof: office-sip');
      const rows = await view.locator('#calls tbody tr').count();
      assert.ok(rows > 0, 'the proof table has no row');
      assert.match(await view.locator('#calls thead').innerText(), /From\s+Number\s+Before\s+After\s+Result/);
      // nothing written yet: the offer to apply waits in a notification
      const offer = page.locator('.notifications-toasts .notification-toast', { hasText: 'Apply the edit?' }).first();
      await offer.waitFor(WAIT);
      assert.ok(existsSync(join(examples, 'office-sip', 'sip.conf')));
      const shot = await screenshot('06-migration-proof');
      if (process.env.PBX_UPDATE_SCREENSHOT === '1') publish(shot, 'migration-proof.png');

      // Apply… shows VS Code's refactor preview (every change needs confirmation); discarding it writes nothing
      await offer.locator('.monaco-button', { hasText: 'Apply…' }).click();
      const discard = page.locator('.part.panel .monaco-button', { hasText: 'Discard' }).first();
      await discard.waitFor(WAIT);
      await screenshot('06b-migration-preview');
      await discard.click();
      assert.ok(existsSync(join(examples, 'office-sip', 'sip.conf')), 'sip.conf was moved without confirmation');
      assert.ok(!existsSync(join(examples, 'office-sip', 'pjsip.conf')), 'pjsip.conf was written without confirmation');
    }));
});

/**
 * The Problems panel, shown: Ctrl+Shift+M toggles it, so it is pressed only when the panel is not already showing
 * (an earlier step may have left it open, and a second press would close it).
 */
async function showProblems() {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
  await panel.waitFor({ state: 'visible', ...WAIT });
}

/** Ctrl+G to a line of the active editor, once the status bar shows the cursor there. */
async function goToLine(n) {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', ...WAIT });
  await page.keyboard.type(String(n));
  // Enter before the picker has read the number goes nowhere
  await page.locator('.quick-input-list .monaco-list-row', { hasText: `line ${n}` }).first().waitFor(WAIT);
  await page.keyboard.press('Enter');
  await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${n},` }).waitFor(WAIT);
}

/** Quick Open of `path`, picked once the row of `folder` is the focused one (several files share a name). */
async function openFocused(path, folder) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', ...WAIT });
  await page.keyboard.type(path);
  await page.locator(`.quick-input-list .monaco-list-row.focused[aria-label*="${folder}"]`).waitFor(WAIT);
  await page.keyboard.press('Enter');
  await page.locator('.editor-group-container.active .monaco-breadcrumbs', { hasText: folder }).waitFor(WAIT);
}

/**
 * Rests the mouse on the middle character of `text` in an editor line. TextMate splits the line into tokens (` _`
 * and `NXXNXXXXXX`), and a token's middle may be a blank: aim at the text itself.
 */
async function restMouseOn(line, text) {
  const point = await line.evaluate((el, name) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let all = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node, start: all.length });
      all += node.textContent;
    }
    const at = all.replace(/\u00a0/g, ' ').indexOf(name);
    if (at < 0) return null;
    const middle = at + Math.floor(name.length / 2);
    const { node, start } = nodes.findLast((n) => n.start <= middle);
    const range = document.createRange();
    range.setStart(node, middle - start);
    range.setEnd(node, middle - start + 1);
    const r = range.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, text);
  assert.ok(point, `${text} is not in the line ${await line.innerText()}`);
  await page.mouse.move(point.x, point.y);
}

/** Types into the QuickPick titled `title`, waits until the row is the focused one, and picks it with Enter. */
async function pickRow(title, text, rowSelector) {
  // the title tells this picker from the one before it, which the same widget showed
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'visible', ...WAIT });
  await page.keyboard.type(text);
  await page.locator(`.quick-input-list .monaco-list-row.focused${rowSelector}`).waitFor(WAIT);
  await page.keyboard.press('Enter');
}

/** The frame of the webview whose page has `selector`: webviews are iframes inside an iframe in code-server. */
async function webviewWith(selector) {
  const deadline = Date.now() + WAIT.timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (await frame.locator(selector).count().catch(() => 0)) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview shows ${selector}; frames: ${page.frames().map((f) => f.url()).join(' ')}`);
    // woken by the next frame that loads, at the latest after half a second
    await page.waitForEvent('framenavigated', { timeout: 500 }).catch(() => {});
  }
}

/** Copies a screenshot to docs/ for the README. */
function publish(shot, name) {
  mkdirSync(join(root, 'docs'), { recursive: true });
  copyFileSync(shot, join(root, 'docs', name));
}
