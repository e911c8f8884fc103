#!/usr/bin/env node
// Screenshots to look at (issue 10): the demo and the host-styles page
// (test/host-styles/page.html) in headless Chromium at 320, 390 and 1280 px,
// light and dark, into test-results/host-shots/.
//
//   npm run build && node scripts/host-shots.mjs [host=vite,hostile,light,dark] [article=seed,deep,empty]
// Functions passed to page.evaluate run in the page, with the browser's globals:
/* global document, innerWidth */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './kit/chromium.mjs';
import { serveDemo } from './kit/serve.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(root, 'test-results/host-shots');
const option = (name, fallback) => (process.argv.find((arg) => arg.startsWith(name + '='))?.split('=')[1] ?? fallback).split(',');
const hosts = option('host', 'vite,hostile,light,dark');
const articles = option('article', 'seed,deep,empty');

const { origin, close } = await serveDemo({ mounts: ['/test/host-styles/', '/node_modules/axe-core/'] });
mkdirSync(OUT, { recursive: true });
/** The whole page, and tiles of 1,000 px (a phone-wide full page is too tall to look at in one image). */
async function shoot(page, name) {
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
  const { width, height } = await page.evaluate(() => ({ width: innerWidth, height: document.documentElement.scrollHeight }));
  if (width > 500) return;
  for (let y = 0, n = 1; y < height; y += 1000, n++) {
    await page.screenshot({
      path: `${OUT}/tiles/${name}-${n}.png`,
      clip: { x: 0, y, width, height: Math.min(1000, height - y) },
      captureBeyondViewport: true,
    });
  }
}
mkdirSync(`${OUT}/tiles`, { recursive: true });
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  for (const scheme of ['light', 'dark']) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    for (const width of [320, 390, 1280]) {
      await page.setViewport({ width, height: 900 });
      await page.goto(`${origin}/`, { waitUntil: 'load' });
      await page.evaluate(async () => {
        for (const element of document.querySelectorAll('*')) if ('updateComplete' in element) await element.updateComplete;
      });
      await shoot(page, `demo-${width}-${scheme}`);
      for (const host of hosts)
        for (const article of articles) {
          await page.goto(`${origin}/test/host-styles/page.html?host=${host}&article=${article}`, { waitUntil: 'load' });
          await page.waitForFunction('window.hostReady === true');
          await shoot(page, `${host}-${article}-${width}-${scheme}`);
        }
    }
  }
} finally {
  await browser.close();
  await close();
}
console.log(`screenshots in ${OUT}`);
