// Rules studio check on a running demo service, in Debian's chromium driven by playwright-core: the rule sets page,
// the real embedded KIE DMN editor (classic @kie-tools/kie-editors-standalone 10.1.0) on the spend-policy table, a
// changed large-request threshold saved from the editor as a draft with a new hash, a broken FEEL cell refused with
// the validator's message in the editor and in the spreadsheet view (and nothing stored), publish from the page, and
// the next evaluation through the API naming the new version; the draft simulated and diffed before the publish, the
// old decision replayed after it, the processes drawn, and an allocation table edited in the spreadsheet view and
// simulated on last month (the groups whose owner changes). Screenshots (studio-*.png) go to $SCREENSHOTS.
//
// The threshold cell is changed through the editor's own API (getContent → edit the cell's text → setContent), not
// by typing into the GWT grid: the grid's cells are canvas-drawn and cannot be driven reliably headless. Save then
// takes what the editor returns from getContent(), exactly as a click on Save does after editing by hand.
//
// usage: node studio.mjs <base-url>   env: OUTLAY_TOKEN_FINOPS (a demo finops_admin token)
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const base = process.argv[2];
if (!base) throw new Error('usage: node studio.mjs <base-url>');
const shots = process.env.SCREENSHOTS || 'target/screenshots';
mkdirSync(shots, { recursive: true });
const token = process.env.OUTLAY_TOKEN_FINOPS;
if (!token) throw new Error('OUTLAY_TOKEN_FINOPS is required');
const EDITOR_TIMEOUT = 120000; // the editors take ~10 s headless on 2 CPUs, much more under load

function check(condition, message) {
  if (!condition) throw new Error('studio check failed: ' + message);
  console.log('browser: ok - ' + message);
}

async function api(path, init = {}) {
  const r = await fetch(base + path, { ...init, headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json', ...(init.headers || {}) } });
  const text = await r.text();
  if (!r.ok) throw new Error(`${init.method || 'GET'} ${path} -> ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const request = { resourceClass: 'standard', environment: 'prod', amount: 5500, budgetRemaining: 100000, forecastOverrunPct: 0, owner: 'web' };
const versionCount = async () => (await api('/api/v1/rulesets/spend-policy/versions')).length;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox'] });
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', e => pageErrors.push(String(e)));
  await page.goto(base + '/console/sign-in');
  await page.check('#role-finops_admin');
  await page.fill('#tenant', 'demo');
  await Promise.all([page.waitForURL(base + '/console'), page.click('button[type=submit]')]);

  await page.click('nav >> text=Rules');
  await page.waitForURL(base + '/console/studio');
  check(await page.locator('tr[data-rule-set="spend-policy"]').count() === 1, 'the rules studio lists spend-policy');
  const before = await api('/api/v1/decisions/spend-policy/evaluate', { method: 'POST', body: JSON.stringify(request) });
  await page.screenshot({ path: `${shots}/studio-rule-sets.png`, fullPage: true });

  // The embedded editor on the active version.
  await page.goto(base + '/console/studio/rule-sets/spend-policy/edit');
  await page.waitForFunction(() => window.__studioEditor, null, { timeout: EDITOR_TIMEOUT });
  // The spend policy has no diagram: the classic editor asks whether to lay it out automatically.
  const frame = page.frameLocator('#dmn-container iframe');
  try {
    await frame.getByRole('button', { name: 'Yes' }).click({ timeout: EDITOR_TIMEOUT });
  } catch (e) {
    console.log('browser: note - no automatic-layout dialog (' + e.message.split('\n')[0] + ')');
  }
  const xml = await page.waitForFunction(async () => {
    const c = await window.__studioEditor.getContent();
    return c && c.includes('sp10') ? c : null;
  }, null, { timeout: EDITOR_TIMEOUT, polling: 1000 }).then(h => h.jsonValue());
  check(xml.includes('http://www.omg.org/spec/DMN/20180521/MODEL/'), 'the classic editor writes DMN 1.2');
  await page.screenshot({ path: `${shots}/studio-editor.png`, fullPage: true });

  // A broken FEEL cell: the validator's message is shown with its location, nothing is stored.
  const count0 = await versionCount();
  const cell = /(<dmn:inputEntry id="sp10c"[^>]*>\s*<dmn:text>)&gt;= 5000(<\/dmn:text>)/;
  check(cell.test(xml), 'the large-request threshold cell (rule sp10, amount >= 5000) is in the editor content');
  await page.evaluate(x => window.__studioEditor.setContent('SpendPolicy.dmn', x), xml.replace(cell, '$1&gt;= 6000)$2'));
  await page.fill('#note', 'broken on purpose');
  await page.click('#save');
  await page.waitForSelector('#save-problem', { timeout: EDITOR_TIMEOUT });
  const problem = await page.textContent('#save-problem');
  check(/nothing was stored/.test(problem) && /FEEL|syntax|sp10c/i.test(problem), 'a broken FEEL cell shows the validator message: ' + problem.slice(0, 200));
  check(await versionCount() === count0, 'the broken draft stored nothing');
  await page.screenshot({ path: `${shots}/studio-editor-error.png`, fullPage: true });

  // The threshold raised to 6000 and saved: a new draft with a new hash.
  await page.evaluate(x => window.__studioEditor.setContent('SpendPolicy.dmn', x), xml.replace(cell, '$1&gt;= 6000$2'));
  await page.fill('#note', 'large-request threshold 5000 -> 6000');
  await page.click('#save');
  await page.waitForSelector('#saved-hash', { timeout: EDITOR_TIMEOUT });
  const hash = (await page.textContent('#saved-hash')).trim();
  const draft = await api('/api/v1/rulesets/spend-policy/versions/' + hash);
  check(draft.status === 'draft' && hash !== before.versionHash && draft.content.includes('6000'), `the editor saved draft ${hash.slice(0, 12)}`);
  check(await page.locator('#dirty').isHidden(), 'no unsaved changes are flagged after the save');

  // The spreadsheet view: a broken FEEL cell shows table/row/column and stores nothing; the page lists the draft's tables.
  await page.goto(`${base}/console/studio/rule-sets/spend-policy/tables?version=${hash}`);
  const amount = page.locator('input[data-cell="sp10:amount"]');
  check(await amount.inputValue() === '>= 6000', 'the spreadsheet view shows the draft threshold');
  await page.screenshot({ path: `${shots}/studio-tables.png`, fullPage: true });
  const count1 = await versionCount();
  await amount.fill('>= 7000)');
  await Promise.all([page.waitForLoadState('load'), page.click('button[data-save="policy"]')]);
  const messages = await page.textContent('#messages');
  check(/table 'policy', row \d+ \(sp10\), column 'amount'/.test(messages), 'the spreadsheet view places the FEEL error on its table/row/column: ' + messages.slice(0, 200));
  check(await versionCount() === count1, 'the broken spreadsheet save stored nothing');
  await page.screenshot({ path: `${shots}/studio-tables-error.png`, fullPage: true });

  // Before publishing: simulate the draft against the logged decisions (the 5,500 request above is one of them: its
  // outcome changes), and diff it against the active version (exactly one row, one cell: the threshold).
  await page.goto(`${base}/console/studio/rule-sets/spend-policy/simulate?draft=${hash}`);
  check(Number((await page.textContent('[data-changed]')).trim()) >= 1, 'the simulation shows past decisions that the draft would change');
  check(await page.locator(`#changes a[href^="/console/replay/${before.id}"]`).count() === 1, 'the simulation lists the 5,500 request decision among the changes');
  await page.screenshot({ path: `${shots}/studio-simulate.png`, fullPage: true });
  await page.goto(`${base}/console/studio/rule-sets/spend-policy/diff?from=${before.versionHash}&to=${hash}`);
  check(await page.locator('[data-changed-cell="amount"]').count() === 1,
    'the diff shows the threshold cell changed');
  await page.screenshot({ path: `${shots}/studio-diff.png`, fullPage: true });

  // Publish the editor's draft from the rule set's page; the next evaluation names it.
  await page.goto(base + '/console/studio/rule-sets/spend-policy');
  await page.screenshot({ path: `${shots}/studio-rule-set.png`, fullPage: true });
  await Promise.all([page.waitForURL(/done=published/), page.click(`button[data-publish="${hash}"]`)]);
  check((await page.textContent('#notice')).includes(hash.slice(0, 12)), 'the page says the draft is published');
  const after = await api('/api/v1/decisions/spend-policy/evaluate', { method: 'POST', body: JSON.stringify(request) });
  check(after.versionHash === hash, `the next evaluation names the new version ${hash.slice(0, 12)}`);
  const rule = o => JSON.stringify(o.outputs).match(/"ruleId":"([^"]+)"/)?.[1];
  check(rule(before) === 'SP-10' && rule(after) !== 'SP-10', `a 5,500 request no longer hits the large-request rule (${rule(before)} -> ${rule(after)})`);
  await page.screenshot({ path: `${shots}/studio-published.png`, fullPage: true });

  // The old decision replayed against the published version: the outcome changes, field by field.
  await page.goto(`${base}/console/replay/${before.id}?against=${hash}&replay=1`);
  check(await page.locator('[data-changed]').count() === 1 && await page.locator('#diff tr[data-diff]').count() >= 1,
    'replaying the old decision under the new version shows the changed outcome');
  await page.screenshot({ path: `${shots}/studio-replay.png`, fullPage: true });
  await page.goto(base + '/console/processes');
  check(await page.locator('section[data-process] svg').count() >= 3, 'every BPMN process is drawn from its diagram layout');
  await page.screenshot({ path: `${shots}/studio-processes.png`, fullPage: true });

  // An allocation table changed in the spreadsheet view (tax moves from finance to platform), saved as a draft, and
  // simulated on last month: coverage under both versions and exactly the groups whose owner changes.
  await page.goto(base + '/console/studio/rule-sets/allocation/tables');
  const team = page.locator('input[data-cell="al01:team (output)"]');
  check(await team.inputValue() === '"finance"', 'the allocation table shows the tax rule owned by finance');
  await team.fill('"platform"');
  await Promise.all([page.waitForURL(/done=saved/), page.click('button[data-save="allocation"]')]);
  const allocationDraft = new URL(page.url()).searchParams.get('hash');
  const now = new Date();
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  await page.goto(`${base}/console/studio/rule-sets/allocation/simulate?draft=${allocationDraft}&billingPeriod=${last}`);
  const moved = page.locator('tr[data-changed-group]');
  check(await moved.count() >= 1 && (await moved.locator('[data-owner-draft]').allTextContents()).every(t => t.includes('platform')),
    `the allocation draft moves ${await moved.count()} charge groups of ${last} to platform`);
  check(await page.locator('#coverage tr[data-currency]').count() >= 1, 'the simulation shows coverage per currency under both versions');
  await page.screenshot({ path: `${shots}/studio-simulate-allocation.png`, fullPage: true });

  // The golden scenarios page and a DRL rule set in the code editor.
  await page.goto(base + '/console/studio/rule-sets/spend-policy/scenarios');
  check(await page.locator('#scenarios tr[data-origin="bundled"]').count() > 5, 'the golden scenarios are listed');
  await page.screenshot({ path: `${shots}/studio-scenarios.png`, fullPage: true });
  await page.goto(base + '/console/studio/rule-sets/waste-rightsizing/edit');
  check(await page.locator('#drl-highlight .tok-keyword').count() > 3, 'the DRL editor highlights keywords');
  await page.screenshot({ path: `${shots}/studio-drl.png` });
  check(pageErrors.length === 0 || pageErrors.every(e => !/studio/.test(e)), 'no script errors from the studio pages: ' + pageErrors.slice(0, 3).join(' | '));
} finally {
  await browser.close();
}
console.log('browser: studio OK');
