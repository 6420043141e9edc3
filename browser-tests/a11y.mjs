// Accessibility audit of a console page with axe-core (npm, pinned in package.json), run inside the page the browser
// shows. Serious and critical violations fail the check with each rule, its help text and the first offending nodes;
// moderate and minor ones are printed. The source is evaluated through the DevTools protocol (page.evaluate), not
// added as a <script>, so the studio's Content-Security-Policy (script-src 'self') does not block it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function audit(page, name) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
  for (const v of result.violations.filter(x => !serious.includes(x))) {
    console.log(`a11y: note - ${name}: ${v.id} (${v.impact}) ${v.help}, ${v.nodes.length} node(s)`);
  }
  if (serious.length > 0) {
    const lines = serious.map(v => `  ${v.id} (${v.impact}): ${v.help}\n` + v.nodes.slice(0, 3).map(n => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`).join('\n'));
    throw new Error(`accessibility check failed on ${name} (${page.url()}):\n${lines.join('\n')}`);
  }
  console.log(`a11y: ok - ${name} has no serious or critical axe violation`);
}
