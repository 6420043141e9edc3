// The BPMN files open in the classic KIE BPMN editor (@kie-tools/kie-editors-standalone 10.1.0, fetched at build time
// into the service's assets): without BPMNDI that editor shows "Editor content has not been set" and no node, so the
// check asks the editor's canvas for its node ids and wants one per flow node of the file. Needs no running service.
//
// usage: node bpmn-editor.mjs [repo root]   (default: the parent of this folder)
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.argv[2] || join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = readFileSync(join(root, 'decision-service/target/classes/META-INF/resources/console/assets/kie/bpmn/index.js'), 'utf8');
const shots = process.env.SCREENSHOTS || 'target/screenshots';
mkdirSync(shots, { recursive: true });
const FLOW_NODES = /<bpmn2?:(startEvent|endEvent|userTask|scriptTask|serviceTask|task|exclusiveGateway|parallelGateway|boundaryEvent|intermediateCatchEvent|intermediateThrowEvent|callActivity|subProcess)\b/g;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox'] });
try {
  for (const file of readdirSync(join(root, 'processes/bpmn')).filter(f => f.endsWith('.bpmn')).sort()) {
    const xml = readFileSync(join(root, 'processes/bpmn', file), 'utf8');
    const expected = (xml.match(FLOW_NODES) || []).length;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.setContent('<div id="c" style="height:880px"></div>');
    await page.addScriptTag({ content: bundle });
    await page.evaluate(x => { window.__ed = BpmnEditor.open({ container: document.getElementById('c'), initialContent: Promise.resolve(x), readOnly: true, origin: '*' }); }, xml);
    let ids = [];
    for (let i = 0; i < 60 && ids.length === 0; i++) {
      await page.waitForTimeout(2000);
      ids = await page.evaluate(() => window.__ed.canvas.getNodeIds().catch(() => [])).catch(() => []);
    }
    await page.screenshot({ path: join(shots, `bpmn-editor-${file.replace('.bpmn', '')}.png`) });
    if (expected === 0 || ids.length < expected) throw new Error(`bpmn check failed: ${file} shows ${ids.length} nodes in the KIE BPMN editor, the file has ${expected} flow nodes`);
    console.log(`browser: ok - ${file} opens in the KIE BPMN editor with its ${ids.length} nodes laid out (${expected} flow nodes)`);
    await page.close();
  }
} finally {
  await browser.close();
}
