#!/usr/bin/env node
// Which CSS rule costs layout time: `node bench/css-experiment.mjs [n]`.
// Mounts n <anp-meta-box> (rendered, not yet laid out), adds one override sheet
// to every shadow root, then times the first forced layout; one fresh page per
// override, three rounds, the medians printed. Exploratory; not part of CI.
/* global window, document, CSSStyleSheet -- (browser globals used inside page.evaluate) */
import { join } from 'node:path';
import { launchChromium } from '../scripts/kit/chromium.mjs';
import { serveStatic } from '../scripts/kit/serve.mjs';
import { benchDir, buildVariantPage } from './variant-page.mjs';

const outDir = join(benchDir, '.build/css');
const n = Number(process.argv[2] ?? 300);
const OVERRIDES = {
  none: '',
  'no ::first-letter': 'dt::first-letter, [part~="heading"]::first-letter { text-transform: none !important; }',
  'dt/dd/li not isolated': 'li, dd, dt, a { unicode-bidi: normal !important; }',
  'list as block': '[part~="list"], [part~="outline-list"], [part~="nested"] { display: block !important; }',
  'nested as block': '[part~="nested"] { display: block !important; }',
  'no container': ':host { container-type: normal !important; }',
  'meters hidden': 'meter { display: none !important; }',
  'contain content': ':host { contain: content; }',
  'DejaVu Sans everywhere': ':host, * { font-family: "DejaVu Sans" !important; }',
  'no color-mix':
    ':host { --_muted: gray !important; --_border: silver !important; --_surface: #f8f8f8 !important; --_no: gray !important; }',
  'all block': '* { display: block !important; }',
};
await buildVariantPage({ dir: outDir, name: 'a', entry: `import a from './variants/adapter-lit.js'; start(a);` });
const { origin, close } = await serveStatic({ dir: outDir });
const browser = await launchChromium();
const results = {};
try {
  for (let round = 0; round < 3; round++) {
    for (const [name, cssText] of Object.entries(OVERRIDES)) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 800 });
      await page.goto(`${origin}/a.html`);
      await page.waitForFunction(() => window.bench !== undefined);
      await page.evaluate(() => window.bench.ready());
      const ms = await page.evaluate(
        async (n, cssText) => {
          window.bench.prepare('default', n, 3);
          const root = document.getElementById('root');
          root.style.display = 'none';
          const elements = window.bench.articles().map((article) => {
            const element = document.createElement('anp-meta-box');
            element.article = article;
            root.append(element);
            return element;
          });
          await Promise.all(elements.map((element) => element.updateComplete));
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(cssText);
          for (const element of elements) element.shadowRoot.adoptedStyleSheets = [...element.shadowRoot.adoptedStyleSheets, sheet];
          void root.offsetHeight;
          root.style.display = '';
          const t0 = performance.now();
          void root.offsetHeight;
          return performance.now() - t0;
        },
        n,
        cssText,
      );
      (results[name] ??= []).push(ms);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await close();
}
for (const [name, values] of Object.entries(results))
  console.log(
    `${name.padEnd(24)} ${values
      .sort((x, y) => x - y)[1]
      .toFixed(0)
      .padStart(6)} ms  (${values.map((v) => v.toFixed(0)).join(', ')})`,
  );
