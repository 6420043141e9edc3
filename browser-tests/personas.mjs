// Persona homes, allocation runs and an accessibility audit in a real browser (Debian's chromium driven by
// playwright-core) against a running demo service, after console.mjs. Omar (FinOps lead) starts this month's
// allocation run from the console's form and watches its progress (htmx polling, no reload) to its coverage, which
// must be the coverage API's. Each persona's home is then read and its own numbers compared with the API's for the
// same caller's data: finance's statement by team and budget forecasts, leadership's coverage, top movers and savings,
// platform's coverage and loads, engineering's open anomalies of its team, the auditor's decisions and chain
// verification. Every console page visited gets an
// axe-core audit (a11y.mjs) that fails on serious or critical violations. Screenshots go to $SCREENSHOTS (default
// target/screenshots); docs/screenshots holds a committed set.
//
// usage: node personas.mjs <base-url>   env: OUTLAY_TOKEN_FINOPS, OUTLAY_TOKEN_AUDITOR (demo tokens)
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { audit } from './a11y.mjs';

const base = process.argv[2];
if (!base) throw new Error('usage: node personas.mjs <base-url>');
const shots = process.env.SCREENSHOTS || 'target/screenshots';
mkdirSync(shots, { recursive: true });
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const finops = process.env.OUTLAY_TOKEN_FINOPS;
const auditorToken = process.env.OUTLAY_TOKEN_AUDITOR;
if (!finops || !auditorToken) throw new Error('set OUTLAY_TOKEN_FINOPS and OUTLAY_TOKEN_AUDITOR');

function check(condition, message) {
  if (!condition) throw new Error('personas check failed: ' + message);
  console.log('browser: ok - ' + message);
}

/** Decimal strings with integer arithmetic only (never floats): a + b, and HALF_EVEN rounding to 2 places. */
function scaled(text, scale = 12) {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(text));
  if (!m) throw new Error('not a decimal: ' + text);
  const v = BigInt(m[2] + (m[3] || '').padEnd(scale, '0').slice(0, scale));
  return m[1] ? -v : v;
}
function unscaled(v, scale = 12) {
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(scale + 1, '0');
  return (neg ? '-' : '') + digits.slice(0, digits.length - scale) + '.' + digits.slice(digits.length - scale);
}
function add(a, b) { return unscaled(scaled(a) + scaled(b)); }
function sub(a, b) { return unscaled(scaled(a) - scaled(b)); }
function cents(text) {
  const v = scaled(text);
  const unit = 10n ** 10n;
  const neg = v < 0n;
  const abs = neg ? -v : v;
  let q = abs / unit;
  const r = abs % unit;
  if (r * 2n > unit || (r * 2n === unit && q % 2n === 1n)) q += 1n;
  const d = q.toString().padStart(3, '0');
  const out = d.slice(0, -2) + '.' + d.slice(-2);
  return (neg && q !== 0n ? '-' : '') + out;
}
/** The API's percentage as BigDecimal.toPlainString prints it (JSON numbers come back as JS numbers: keep its text). */
const plain = (n) => String(n);

async function api(path, token = finops) {
  const r = await fetch(base + path, { headers: { Authorization: 'Bearer ' + token } });
  const text = await r.text();
  if (!r.ok) throw new Error(`GET ${path} -> ${r.status} ${text}`);
  // Keep decimals exact: numbers are re-read as strings.
  return JSON.parse(text.replace(/:(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)([,}\]])/g, ':"$1"$2'));
}

async function signInAs(browser, subject) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/console/sign-in');
  await page.check('#user-' + subject.replace(/\./g, '-'));
  await page.fill('#tenant', 'demo');
  await Promise.all([page.waitForURL(base + '/console'), page.click('button[type=submit]')]);
  return page;
}

async function texts(page, selector) {
  return (await page.locator(selector).allTextContents()).map(t => t.trim());
}

const now = new Date();
const month = now.toISOString().slice(0, 7);

const browser = await chromium.launch({ executablePath, headless: true, args: ['--headless', '--no-sandbox'] });
try {
  // Omar starts this month's allocation run from the form and follows it on its page, which htmx refreshes in place.
  const omar = await signInAs(browser, 'omar.finops-lead');
  await omar.goto(base + '/console/allocations');
  await audit(omar, 'allocation runs');
  await omar.fill('#a-period', month);
  await Promise.all([omar.waitForURL(/\/console\/allocations\/[0-9a-f-]{36}$/), omar.click('form.run-form button[type=submit]')]);
  const runId = omar.url().split('/').pop();
  let navigations = 0;
  omar.on('framenavigated', f => { if (f === omar.mainFrame()) navigations++; });
  const seen = new Set();
  let status = '';
  for (let i = 0; i < 240 && status !== 'succeeded' && status !== 'failed'; i++) {
    status = (await omar.locator('[data-run-status]').textContent()).trim();
    seen.add(status + ' ' + (await omar.locator('[data-run-progress]').textContent()).trim());
    if (status !== 'succeeded' && status !== 'failed') await omar.waitForTimeout(500);
  }
  console.log('browser: the run page showed ' + [...seen].join(' → '));
  check(status === 'succeeded', `the allocation run ${runId} is followed to success on its page`);
  check(navigations === 0, 'its progress updated without a reload (htmx polling)');
  check((await omar.locator('#run-progress').getAttribute('value')) === '100', 'the progress bar ends full');
  const run = await api('/api/v1/allocations/runs/' + runId);
  for (const c of run.currencies) {
    const row = omar.locator(`tr[data-coverage="${c.currency}"]`);
    check((await row.locator('[data-coverage-pct]').textContent()).trim() === plain(c.coveragePct) + ' %',
        `the run's ${c.currency} coverage is the API's: ${c.coveragePct} %`);
    check((await row.locator('[data-unallocated]').textContent()).trim() === cents(sub(c.total, c.allocated)),
        `the run's unallocated ${c.currency} is the API's total minus allocated`);
  }
  check(await omar.locator('caption', { hasText: 'Unallocated cost by reason' }).count() === 1, 'the run lists its unallocated reasons');
  await audit(omar, 'allocation run');
  await omar.screenshot({ path: `${shots}/allocation-run.png`, fullPage: true });
  await omar.goto(base + '/console/allocations');
  check(await omar.locator(`tr[data-run="${runId}"]`).count() === 1, 'the run is in the list of runs');
  await omar.screenshot({ path: `${shots}/allocations.png`, fullPage: true });

  // Finance (Fran): the statement by team of the run in force, the treemap with its table, every budget's forecast.
  const fran = await signInAs(browser, 'fran.finance-lead');
  const statement = await api(`/api/v1/allocations/runs/${runId}/results?groupBy=team`);
  for (const r of statement.rows) {
    const cells = await texts(fran, `tr[data-statement="${r.team}|${r.currency}"] td`);
    check(cells[4] === cents(r.totalCost), `finance's statement: ${r.team} ${r.currency} ${cells[4]} = API ${r.totalCost}`);
  }
  for (const t of statement.totals) {
    check((await fran.locator(`[data-statement-total="${t.currency}"]`).textContent()).trim() === cents(t.totalCost),
        `finance's statement total in ${t.currency} is the API's`);
  }
  check(await fran.locator('svg.treemap rect').count() > 0 && await fran.locator('tr[data-treemap]').count() > 0, 'the treemap is drawn beside its table');
  for (const row of await fran.locator('tr[data-burn]').all()) {
    const id = await row.getAttribute('data-burn');
    const st = await api(`/api/v1/budgets/${id}/status`);
    const shown = (await row.locator('[data-burn-forecast]').textContent()).trim();
    check(shown === `${cents(st.forecastAtPeriodEnd)} ${st.currency}`, `budget ${id.slice(0, 8)}'s forecast on finance's home is the API's: ${shown}`);
  }
  check(await fran.locator('h2', { hasText: 'Month-end close' }).count() === 1 && await fran.locator('h2', { hasText: 'Reconciliation' }).count() === 1,
      'finance sees the close status and the reconciliation runs');
  await audit(fran, 'home (finance)');
  await fran.screenshot({ path: `${shots}/home-finance.png`, fullPage: true });

  // Leadership (Lou): coverage KPI, top movers, savings realized and open.
  const lou = await signInAs(browser, 'lou.vp-engineering');
  const coverage = await api(`/api/v1/allocations/coverage?from=${month}&to=${month}`);
  for (const c of coverage) {
    check((await lou.locator(`[data-kpi="coverage-${c.currency}"]`).textContent()).trim() === plain(c.coveragePct) + ' %',
        `leadership's coverage KPI in ${c.currency} is the API's: ${c.coveragePct} %`);
  }
  const later = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
  const earlier = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1)).toISOString().slice(0, 10);
  const first = `${month}-01`;
  const byService = await api(`/api/v1/costs?from=${earlier}&to=${first}&groupBy=service,month`);
  const change = {};
  for (const r of byService.rows) {
    const key = `${r.dimensions.service}|${r.currency}`;
    change[key] = change[key] || '0';
    change[key] = r.dimensions.month.startsWith(earlier.slice(0, 7)) ? sub(change[key], r.amount) : add(change[key], r.amount);
  }
  const movers = await lou.locator('tr[data-mover^="service|"]').all();
  check(movers.length > 0, 'leadership sees the top movers by service');
  for (const m of movers) {
    const [, key, cur] = (await m.getAttribute('data-mover')).split('|');
    const shown = (await m.locator('[data-change]').textContent()).trim();
    check(shown === cents(change[`${key}|${cur}`]), `top mover ${key} (${cur}) changed ${shown} between ${earlier.slice(0, 7)} and ${later.slice(0, 7)}, as the API's costs`);
  }
  const savings = await api('/api/v1/savings');
  const want = {};
  for (const o of savings.opportunity) want[o.currency] = { open: add(want[o.currency]?.open || '0', o.expected), realized: want[o.currency]?.realized || '0' };
  for (const r of savings.realizedByOwner) want[r.currency] = { open: want[r.currency]?.open || '0', realized: add(want[r.currency]?.realized || '0', r.realized) };
  for (const [cur, w] of Object.entries(want)) {
    const row = lou.locator(`tr[data-savings="${cur}"]`);
    check((await row.locator('[data-opportunity]').textContent()).trim() === cents(w.open)
        && (await row.locator('[data-realized]').textContent()).trim() === cents(w.realized),
        `leadership's savings in ${cur} are the savings API's: ${cents(w.realized)} realized, ${cents(w.open)} open a month`);
  }
  check(await lou.locator('[data-kpi^="forecast-"]').count() > 0 && await lou.locator('svg.chart polyline[stroke-dasharray]').count() > 0,
      'leadership sees this month\'s forecast, drawn dashed after the actuals');
  await audit(lou, 'home (leadership)');
  await lou.screenshot({ path: `${shots}/home-leadership.png`, fullPage: true });

  // Platform (Pia): the same coverage, and the latest loads.
  const pia = await signInAs(browser, 'pia.platform-engineer');
  for (const c of coverage) {
    check((await pia.locator(`[data-kpi="coverage-${c.currency}"]`).textContent()).trim() === plain(c.coveragePct) + ' %', `platform's coverage KPI in ${c.currency} is the API's`);
  }
  check(await pia.locator('h2', { hasText: 'Ingestion history' }).count() === 1, 'platform sees the ingestion history');
  await audit(pia, 'home (platform)');
  await pia.screenshot({ path: `${shots}/home-platform.png`, fullPage: true });

  // Engineering (Eli, web team): the open anomalies of the web team, as the anomalies API counts them.
  const eli = await signInAs(browser, 'eli.web-engineer');
  const webAnomalies = await api('/api/v1/anomalies?owner=web&status=open');
  check((await eli.locator('[data-kpi="team-anomalies-web"]').textContent()).trim() === String(webAnomalies.length),
      `the web engineer's home counts the web team's ${webAnomalies.length} open anomalies as the API does`);
  await audit(eli, 'home (engineering)');

  // Auditor (Ada): the latest decisions with their replay links, and the chain as the verify API answers it.
  const ada = await signInAs(browser, 'ada.auditor');
  check((await ada.locator('h1 small').textContent()).includes('auditor view'), 'the auditor gets the auditor view');
  const decisions = await api('/api/v1/decisions?limit=10', auditorToken);
  const listed = await ada.locator('tr[data-decision]').evaluateAll(rows => rows.map(r => r.getAttribute('data-decision')));
  check(JSON.stringify(listed) === JSON.stringify(decisions.map(d => d.id)), `the auditor's home lists the API's ${listed.length} latest decisions`);
  const verify = await api('/api/v1/audit/verify', auditorToken);
  check((await ada.locator('#chain strong').textContent()).trim() === (String(verify.valid) === 'true' ? 'Chain verified' : 'Chain broken'),
      'the chain status is the verify API\'s');
  await audit(ada, 'home (auditor)');
  await ada.screenshot({ path: `${shots}/home-auditor.png`, fullPage: true });
  if (listed.length > 0) {
    await Promise.all([ada.waitForLoadState('load'), ada.locator('tr[data-decision] a').first().click()]);
    check(ada.url().includes('/console/replay/' + listed[0]), 'a decision links to its replay');
    await audit(ada, 'replay');
  }
  await ada.goto(base + '/console/audit?verify=1');
  await audit(ada, 'audit log');

  // Every other console page, as the persona who reads it, through the audit.
  const pages = [[omar, '/console/costs'], [omar, '/console/ingestions'], [omar, '/console/anomalies'], [omar, '/console/findings'],
    [omar, '/console/budgets'], [fran, '/console/approvals'], [omar, '/console/studio'], [omar, '/console/processes'], [ada, '/console/replay']];
  for (const [p, path] of pages) {
    await p.goto(base + path);
    await audit(p, path);
  }
  const first1 = omar.locator('tr[data-anomaly] a').first();
  await omar.goto(base + '/console/anomalies');
  if (await first1.count() > 0) {
    await Promise.all([omar.waitForLoadState('load'), first1.click()]);
    await audit(omar, 'an anomaly');
  }
  await omar.goto(base + '/console/budgets');
  const firstBudget = omar.locator('a[href^="/console/budgets/"]').first();
  if (await firstBudget.count() > 0) {
    await Promise.all([omar.waitForLoadState('load'), firstBudget.click()]);
    await audit(omar, 'a budget');
  }
  const signInPage = await (await browser.newContext()).newPage();
  await signInPage.goto(base + '/console/sign-in');
  await audit(signInPage, 'sign-in');
} finally {
  await browser.close();
}
console.log('browser: personas OK');
