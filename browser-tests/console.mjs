// Console browser check on a running demo service: a real browser (Debian's chromium driven by playwright-core)
// signs in through the demo picker, reads the home page, approves a spend request from the inbox with CSRF-bearing
// forms, and is sent back to sign-in when it presents a bearer token instead of a session. Screenshots go to
// $SCREENSHOTS (default target/screenshots) so a reviewer sees what the browser saw: one PNG per console page, under
// fixed names (docs/screenshots holds a committed set, made with SCREENSHOTS=docs/screenshots).
//
// usage: node console.mjs <base-url>   env: OUTLAY_TOKEN_PLATFORM, OUTLAY_TOKEN_AUDITOR, OUTLAY_TOKEN_FINOPS (demo tokens)
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const base = process.argv[2];
if (!base) throw new Error('usage: node console.mjs <base-url>');
const shots = process.env.SCREENSHOTS || 'target/screenshots';
mkdirSync(shots, { recursive: true });
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

function check(condition, message) {
  if (!condition) throw new Error('console check failed: ' + message);
  console.log('browser: ok - ' + message);
}

/** Rounds a decimal string HALF_EVEN to {@code scale} places with integer arithmetic only. */
function roundHalfEven(text, scale) {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error('not a decimal: ' + text);
  const [, sign, whole, frac = ''] = m;
  const kept = BigInt(whole + frac.padEnd(scale, '0').slice(0, scale));
  const rest = frac.slice(scale);
  let up = false;
  if (rest.length > 0 && /[1-9]/.test(rest)) {
    const half = '5'.padEnd(rest.length, '0');
    up = rest > half || (rest === half && kept % 2n === 1n);
  }
  const digits = (kept + (up ? 1n : 0n)).toString().padStart(scale + 1, '0');
  const out = digits.slice(0, digits.length - scale) + (scale > 0 ? '.' + digits.slice(digits.length - scale) : '');
  return (sign && /[1-9]/.test(out) ? '-' : '') + out;
}

async function api(path, token, init = {}) {
  const r = await fetch(base + path, { ...init, headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json', ...(init.headers || {}) } });
  const text = await r.text();
  if (!r.ok) throw new Error(`${init.method || 'GET'} ${path} -> ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function signIn(page, role) {
  await pick(page, '#role-' + role);
}

/** A named demo persona (DemoUsers): its radio's id is its subject with '.' as '-'. */
async function signInAs(page, subject) {
  await pick(page, '#user-' + subject.replace(/\./g, '-'));
}

async function pick(page, radio) {
  await page.goto(base + '/console/sign-in');
  await page.check(radio);
  await page.fill('#tenant', 'demo');
  await Promise.all([page.waitForURL(base + '/console'), page.click('button[type=submit]')]);
}

const browser = await chromium.launch({ executablePath, headless: true, args: ['--headless', '--no-sandbox'] });
try {
  // Home page of the FinOps persona: month-to-date per currency, the chart and its table, source health.
  const finops = await browser.newContext();
  const page = await finops.newPage();
  await signIn(page, 'finops_admin');
  // The same month-to-date totals as the API, rounded HALF_EVEN to the minor unit as the page does (decimal strings,
  // never floats). On the 1st (UTC) the demo has no data for the month yet and the page says so.
  const today = new Date().toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
  const costs = await api(`/api/v1/costs?from=${today.slice(0, 8)}01&to=${tomorrow}&groupBy=`, process.env.OUTLAY_TOKEN_FINOPS);
  const expected = costs.totals.map(t => `${roundHalfEven(String(t.amount), 2)} ${t.currency}`).sort();
  const kpis = (await page.locator('[data-kpi^="mtd-"]').allTextContents()).map(k => k.trim());
  if (expected.length === 0) check(kpis.length === 1 && kpis[0] === 'no costs loaded', 'home says no costs loaded yet this month');
  else check(JSON.stringify(kpis.filter(k => k !== 'no costs loaded').sort()) === JSON.stringify(expected),
      `home shows this month's cost per currency as the API does: ${kpis.join(', ')} = ${expected.join(', ')}`);
  check(await page.locator('svg.chart').count() > 0, 'the daily chart is drawn');
  check(await page.locator('table tbody tr').count() > 10, 'every chart has its table');
  const cookies = await finops.cookies();
  const session = cookies.find(c => c.name === 'outlay_console');
  check(session && session.httpOnly && session.sameSite === 'Strict', 'the session cookie is HttpOnly and SameSite=Strict');
  await page.screenshot({ path: `${shots}/home-demo-finops_admin.png`, fullPage: true });

  // Every persona: its home's month-to-date totals are the API's; the web engineer's open findings and leadership's
  // open savings are the findings summary's for the same owners, rounded HALF_EVEN as the page rounds them.
  const savingsOf = async (query) => Object.fromEntries((await api('/api/v1/findings/summary?status=open' + query, process.env.OUTLAY_TOKEN_FINOPS))
      .totals.map(t => [t.currency, roundHalfEven(String(t.expected), 2)]));
  const personas = ['fran.finance-lead', 'pia.platform-engineer', 'eli.web-engineer', 'lou.vp-engineering', 'omar.finops-lead', 'ada.auditor'];
  for (const subject of personas) {
    const context = await browser.newContext();
    const pp = await context.newPage();
    await signInAs(pp, subject);
    check((await pp.locator('[data-roles]').count()) === 1 && (await pp.locator('header').textContent()).includes(subject), `${subject} is signed in`);
    const mine = (await pp.locator('[data-kpi^="mtd-"]').allTextContents()).map(k => k.trim()).filter(k => k !== 'no costs loaded').sort();
    check(JSON.stringify(mine) === JSON.stringify(expected), `${subject}'s home shows the API's month-to-date totals: ${mine.join(', ')}`);
    if (subject === 'eli.web-engineer') {
      const want = await savingsOf('&owner=web');
      const cells = {};
      for (const cell of await pp.locator('[data-kpi^="team-savings-"]').all()) {
        const cur = (await cell.getAttribute('data-kpi')).slice('team-savings-'.length);
        if (cur !== 'none') cells[cur] = /, (-?[0-9.]+) /.exec(await cell.textContent())[1];
      }
      check(JSON.stringify(cells) === JSON.stringify(want), `the web engineer's home shows the web team's open savings as the API does: ${JSON.stringify(cells)}`);
    }
    if (subject === 'lou.vp-engineering') {
      const want = await savingsOf('');
      const cells = {};
      for (const cell of await pp.locator('[data-kpi^="open-savings-"]').all()) {
        const cur = (await cell.getAttribute('data-kpi')).slice('open-savings-'.length);
        if (cur !== 'none') cells[cur] = /^(-?[0-9.]+) /.exec((await cell.textContent()).trim())[1];
      }
      check(JSON.stringify(cells) === JSON.stringify(want), `leadership's home shows the tenant's open savings as the API does: ${JSON.stringify(cells)}`);
    }
    await pp.screenshot({ path: `${shots}/home-${subject}.png`, fullPage: true });
    await context.close();
  }

  // Findings: the queue lists exactly what /api/v1/findings lists for the same caller; one finding's savings are the API's.
  await page.goto(base + '/console/findings');
  const listed = (await page.locator('tr[data-finding]').evaluateAll(rows => rows.map(r => r.getAttribute('data-finding')))).sort();
  const apiFindings = await api('/api/v1/findings', process.env.OUTLAY_TOKEN_FINOPS);
  check(JSON.stringify(listed) === JSON.stringify(apiFindings.map(f => f.id).sort()), `the findings page lists what /api/v1/findings lists (${listed.length})`);
  await page.screenshot({ path: `${shots}/findings.png`, fullPage: true });
  if (listed.length > 0) {
    await Promise.all([page.waitForLoadState('load'), page.locator('tr[data-finding] a').first().click()]);
    const shownId = page.url().split('/').pop();
    const detail = await api('/api/v1/findings/' + encodeURIComponent(decodeURIComponent(shownId)), process.env.OUTLAY_TOKEN_FINOPS);
    check(await page.locator('tr[data-saving]').count() === detail.finding.savings.length, 'a finding\'s page shows each of its savings ranges');
    await page.screenshot({ path: `${shots}/finding.png`, fullPage: true });
  }

  // The cost explorer: the same window grouped by billing account, its totals per currency as the API's, the CSV
  // link serving the same report, and a bad dimension shown as the API's problem with a 400.
  const first = `${today.slice(0, 8)}01`;
  await page.goto(`${base}/console/costs?from=${first}&to=${tomorrow}&groupBy=billingAccount`);
  const byAccount = await api(`/api/v1/costs?from=${first}&to=${tomorrow}&groupBy=billingAccount`, process.env.OUTLAY_TOKEN_FINOPS);
  const want = byAccount.totals.map(t => `${t.currency} ${roundHalfEven(String(t.amount), 2)}`).sort();
  const shown = [];
  for (const cell of await page.locator('[data-total]').all()) shown.push(`${await cell.getAttribute('data-total')} ${(await cell.textContent()).trim()}`);
  check(JSON.stringify(shown.sort()) === JSON.stringify(want), `the cost explorer's totals are the API's: ${shown.join(', ')}`);
  const csvHref = await page.locator('a', { hasText: 'CSV' }).getAttribute('href');
  const csv = await page.request.get(base + csvHref);
  check(csv.status() === 200 && (await csv.text()).includes('total,'), 'the explorer\'s CSV link serves the report with its totals');
  await page.screenshot({ path: `${shots}/costs.png`, fullPage: true });
  const bad = await page.goto(`${base}/console/costs?groupBy=colour`);
  check(bad.status() === 400 && await page.locator('.problem[role=alert]').count() === 1, 'a bad dimension is a 400 page naming the problem');

  // Anomalies: the queue, and the first anomaly's page with the detector's band drawn and tabled.
  await page.goto(base + '/console/anomalies');
  await page.screenshot({ path: `${shots}/anomalies.png`, fullPage: true });
  const firstAnomaly = page.locator('tr[data-anomaly] a').first();
  if (await firstAnomaly.count() > 0) {
    await Promise.all([page.waitForLoadState('load'), firstAnomaly.click()]);
    check(await page.locator('svg.chart polygon').count() === 1, 'an anomaly\'s page draws its baseline band');
    check(await page.locator('tr[data-anomaly-day]').count() === 1, 'the band\'s table marks the anomaly\'s day');
    await page.screenshot({ path: `${shots}/anomaly.png`, fullPage: true });
  } else {
    check(false, 'the demo has anomalies to show');
  }

  // Budgets: one created through the form as finance, its page showing the API's forecast for it.
  const fin = await (await browser.newContext()).newPage();
  await signIn(fin, 'finance');
  await fin.goto(base + '/console/budgets');
  await fin.screenshot({ path: `${shots}/budgets.png`, fullPage: true });
  await fin.fill('#b-name', 'Browser check ' + today);
  await fin.selectOption('#b-scopeType', 'team');
  await fin.fill('#b-scopeValue', 'web');
  await fin.fill('#b-amount', '5000');
  await fin.fill('#b-currency', 'USD');
  await Promise.all([fin.waitForURL(/\/console\/budgets\/[0-9a-f-]{36}$/), fin.click('form.budget-form button[type=submit]')]);
  const budgetId = fin.url().split('/').pop();
  const budgetStatus = await api(`/api/v1/budgets/${budgetId}/status`, process.env.OUTLAY_TOKEN_AUDITOR);
  const forecastCell = (await fin.locator('td[data-forecast]').textContent()).trim();
  check(forecastCell === `${roundHalfEven(String(budgetStatus.forecastAtPeriodEnd), 2)} USD`, `the budget page shows the API's forecast: ${forecastCell}`);
  check(await fin.locator('svg.chart polyline').count() >= 1, 'the budget\'s burn chart is drawn');
  await fin.screenshot({ path: `${shots}/budget.png`, fullPage: true });

  // The audit log as the auditor: the budget just created is an entry, and the chain verifies.
  const aud = await (await browser.newContext()).newPage();
  await signIn(aud, 'auditor');
  await aud.goto(base + '/console/audit?action=budget.create&verify=1');
  check((await aud.locator('#verification strong').textContent()).trim() === 'Chain verified', 'the audit chain verifies in the console');
  check(await aud.locator('td', { hasText: 'budget.create' }).count() >= 1, 'the budget\'s creation is in the audit log');
  await aud.screenshot({ path: `${shots}/audit.png`, fullPage: true });

  // Ingestion: a small FOCUS file uploaded through the form (upload.js sends it with upload progress), the load followed
  // to success on its page (which refreshes itself), then retracted with a reason so the demo's ledger is as it was.
  const focusFile = [
    'BilledCost,BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodEnd,BillingPeriodStart,ChargeCategory,ChargeDescription,ChargeFrequency,ChargePeriodEnd,ChargePeriodStart,EffectiveCost,ListCost,ProviderName,PublisherName,InvoiceIssuerName,RegionId,ServiceCategory,ServiceName,SubAccountId,ResourceId,Tags',
    `1.25,browser-check,Browser check,USD,${tomorrow.slice(0, 8)}01T00:00:00Z,${today.slice(0, 8)}01T00:00:00Z,Usage,check,Usage-Based,${tomorrow}T00:00:00Z,${today}T00:00:00Z,1.25,1.25,Browser Cloud,Browser Cloud,Browser Cloud,local,Compute,VM,browser,vm-browser,`,
  ].join('\n') + '\n';
  await page.goto(base + '/console/ingestions');
  await page.screenshot({ path: `${shots}/ingestions.png`, fullPage: true });
  await page.selectOption('#u-source', 'focus');
  await page.setInputFiles('#u-file', { name: 'browser-check.csv', mimeType: 'text/csv', buffer: Buffer.from(focusFile) });
  await Promise.all([page.waitForURL(/\/console\/ingestions\/[0-9a-f-]{36}$/), page.click('button[value=load]')]);
  let loadStatus = '';
  for (let i = 0; i < 60 && !['succeeded', 'failed', 'duplicate'].includes(loadStatus); i++) {
    loadStatus = (await page.locator('[data-status]').textContent()).trim();
    if (!['succeeded', 'failed', 'duplicate'].includes(loadStatus)) await page.waitForTimeout(1000);
  }
  check(loadStatus === 'succeeded', 'the uploaded file loads and its page follows it to success');
  check((await page.locator('[data-counts-loaded]').textContent()).trim() === '1', 'the load\'s page shows the rows loaded');
  await page.screenshot({ path: `${shots}/ingestion.png`, fullPage: true });
  await page.fill('#r-reason', 'browser check cleans up');
  await Promise.all([page.waitForLoadState('load'), page.click('form[action$="/retract"] button')]);
  check((await page.locator('[data-status]').textContent()).trim() === 'retracted', 'the check retracts its file again');

  // A spend request the policy escalates, approved in the browser by the approver (four-eyes: another person). The
  // inbox is open before the request exists: it must appear without a reload (htmx polls the task list).
  const approver = await (await browser.newContext()).newPage();
  await signIn(approver, 'approver');
  await approver.goto(base + '/console/approvals');
  let navigations = 0;
  approver.on('framenavigated', f => { if (f === approver.mainFrame()) navigations++; });
  const req = await api('/api/v1/spend-requests', process.env.OUTLAY_TOKEN_PLATFORM, {
    method: 'POST',
    body: JSON.stringify({ resourceClass: 'gpu', environment: 'dev', amount: 9100, currency: 'USD', owner: 'ml', description: 'browser check' }),
  });
  check(req.outcome === 'escalate', 'the policy escalates the GPU request');
  let section = approver.locator('section.task', { has: approver.locator('h2', { hasText: req.id }) });
  await section.first().waitFor({ timeout: 30000 });
  check(navigations === 0, 'the approver\'s inbox lists the new request without a reload');
  section = section.first();
  await approver.screenshot({ path: `${shots}/approvals.png`, fullPage: true });
  const claim = section.locator('form[action$="/claim"] button');
  if (await claim.count() > 0) {
    await claim.click();
    // htmx swaps the task list in place (without script the page reloads): wait until the task shows as claimed.
    section = approver.locator('section.task', { has: approver.locator('h2', { hasText: req.id }) }).first();
    await section.locator('form[action$="/claim"]').waitFor({ state: 'detached', timeout: 15000 });
  }
  await section.locator('select[name=decision]').selectOption('approve');
  await section.locator('textarea[name=comment]').fill('approved in the browser check');
  await Promise.all([approver.waitForLoadState('load'), section.locator('form[action$="/complete"] button').click()]);
  let status = '';
  for (let i = 0; i < 20 && status !== 'approved'; i++) {
    status = (await api('/api/v1/spend-requests/' + req.id, process.env.OUTLAY_TOKEN_AUDITOR)).status;
    if (status !== 'approved') await approver.waitForTimeout(500);
  }
  check(status === 'approved', 'the browser\'s decision approved the request');

  // A form posted without the session's CSRF token changes nothing.
  const forged = await approver.request.post(base + '/console/sign-out', { form: { csrf: 'forged' }, maxRedirects: 0 });
  check(forged.status() === 403, 'sign-out without the CSRF token is refused (' + forged.status() + ')');

  // A bearer token is not a console session.
  const bearer = await browser.newContext({ extraHTTPHeaders: { Authorization: 'Bearer ' + process.env.OUTLAY_TOKEN_FINOPS } });
  const bp = await bearer.newPage();
  await bp.goto(base + '/console');
  check(bp.url().startsWith(base + '/console/sign-in'), 'a bearer token on a console page lands on sign-in');
  await bp.screenshot({ path: `${shots}/sign-in.png`, fullPage: true });
} finally {
  await browser.close();
}
console.log('browser: console OK');
