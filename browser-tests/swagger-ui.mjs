// Swagger UI in a real browser (Debian chromium, playwright-core) against a running demo: a token entered under
// Authorize is sent as a bearer token by "Try it out". Usage: node swagger-ui.mjs BASE_URL TOKEN
import { chromium } from 'playwright-core';

const [base, token] = process.argv.slice(2);
if (!base || !token) {
  console.error('usage: node swagger-ui.mjs BASE_URL TOKEN');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
try {
  const page = await browser.newPage();
  const sent = [];
  page.on('request', (r) => { if (r.url().endsWith('/api/v1/me')) sent.push(r.headers()['authorization'] || ''); });
  await page.goto(base + '/q/swagger-ui/');
  await page.click('button.authorize');
  await page.fill('.modal-ux input', token);
  await page.click('.modal-ux button.authorize');
  await page.click('.modal-ux button.btn-done');
  // Operation blocks are addressed by tag and operationId (ServedApiFilter tags /api/v1/me as "me").
  const op = '#operations-me-whoAmI';
  await page.click(op + ' .opblock-summary');
  await page.click(op + ' button.try-out__btn');
  await page.click(op + ' button.execute');
  const cell = op + ' .live-responses-table tbody .response-col_status';
  await page.waitForSelector(cell, { timeout: 30000 });
  const status = (await page.textContent(cell)).trim();
  if (status !== '200' || sent.length !== 1 || sent[0] !== 'Bearer ' + token) {
    throw new Error(`try it out: status ${status}, Authorization sent: ${JSON.stringify(sent.map((a) => a.slice(0, 12)))}`);
  }
  console.log('swagger-ui: try it out on GET /api/v1/me with a bearer token -> 200');
} finally {
  await browser.close();
}
