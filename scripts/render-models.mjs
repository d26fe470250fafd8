// Draws the pictures of the BPMN processes in docs/images (docs/architecture.md links them) from
// bpmn/processes/*.bpmn, one docs/images/<process id>.png each, so that they follow the models' diagram
// coordinates. bpmn-js (the viewer the Cockpit plugin shows) in Debian's Chromium, offline: the page is
// built from local files and every request is refused. Run by hand after moving shapes; not part of the build.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const models = join(root, 'bpmn', 'processes');
const images = join(root, 'docs', 'images');
const bpmnJs = join(root, 'node_modules', 'bpmn-js', 'dist');

// One scale for every picture, so that labels have the same size in all of them; 1.3 gives the widths the
// pictures had (about 2000 to 2800 pixels), large enough to read the labels when the picture is zoomed.
const SCALE = 1.3;
// Room around the diagram, in diagram units, so that no label touches the edge.
const MARGIN = 30;
// The same arguments as the browser tests (src/test/browser/support.mjs): no network, no sandbox in containers.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const browser = await chromium.launch({ executablePath: process.env.USM_CHROMIUM || '/usr/bin/chromium',
  args: CHROMIUM_ARGS });
try {
  for (const file of readdirSync(models).filter((name) => name.endsWith('.bpmn')).sort()) {
    const xml = readFileSync(join(models, file), 'utf8');
    const id = /<bpmn:process id="([^"]+)"/.exec(xml)[1];
    const context = await browser.newContext({ viewport: { width: 1200, height: 400 }, deviceScaleFactor: SCALE });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent('<!DOCTYPE html><html><body style="margin:0;background:#fff">'
      + '<div id="canvas" style="width:100vw;height:100vh"></div></body></html>');
    await page.addStyleTag({ path: join(bpmnJs, 'assets', 'diagram-js.css') });
    await page.addStyleTag({ path: join(bpmnJs, 'assets', 'bpmn-js.css') });
    await page.addScriptTag({ path: join(bpmnJs, 'bpmn-navigated-viewer.production.min.js') });
    // The size of the drawing (shapes, edges and labels) is only known once bpmn-js has laid out the labels.
    const { inner, warnings } = await page.evaluate(async (text) => {
      window.viewer = new window.BpmnJS({ container: '#canvas' });
      const { warnings } = await window.viewer.importXML(text);
      const canvas = window.viewer.get('canvas');
      canvas.zoom(1);
      return { inner: canvas.viewbox().inner, warnings: warnings.map((warning) => warning.message) };
    }, xml);
    warnings.forEach((warning) => console.warn(`${file}: ${warning}`));
    // A viewport the drawing fills at scale 1 plus the margin; fit-viewport then centres it without shrinking.
    await page.setViewportSize({ width: Math.ceil(inner.width + 2 * MARGIN),
      height: Math.ceil(inner.height + 2 * MARGIN) });
    await page.evaluate(() => {
      const canvas = window.viewer.get('canvas');
      canvas.resized();
      canvas.zoom('fit-viewport', 'auto');
    });
    // The bpmn.io watermark stays in the picture: the bpmn-js licence asks for it to stay visible.
    const path = join(images, `${id}.png`);
    await page.screenshot({ path });
    console.log(`wrote ${path}`);
    await context.close();
  }
} finally {
  await browser.close();
}
