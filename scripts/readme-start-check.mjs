#!/usr/bin/env node
// The README's first command, run as written: `npm install && npm start`.
//
//   node scripts/readme-start-check.mjs
//
// Reads the command from the first ```sh block of README.md (so the check
// follows the README, not a copy of it), runs it in a shell with this
// process's environment minus anything that would hide a first-contact
// problem (PUPPETEER_* download switches), waits for the demo server to print
// its address, then opens the page in Chromium at 320, 390 and 1280 px, light
// and dark, and checks what a newcomer would see:
//
//   - every anp element upgraded and rendered something into its shadow root;
//   - no console error, no failed request, no anp-error event (but from the
//     demo's own "bad input" section, broken on purpose);
//   - nothing wider than the viewport (no horizontal scrolling);
//   - axe-core (WCAG 2.2 A and AA, colour contrast included) finds no
//     violation on the whole page, shadow roots included.
//
// Screenshots land in test-results/start/<width>-<scheme>.png. The server and
// npm are stopped at the end. Last line: `start: N passed, N failed` (and
// test-results/start.json, from scripts/kit/report.mjs).
/* global window, document, customElements, axe */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './kit/chromium.mjs';
import { createReport } from './kit/report.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const shotsDir = resolve(root, 'test-results/start');
const START_TIMEOUT_MS = 10 * 60_000; // npm install + a full build on a loaded 2-core machine
const WIDTHS = [320, 390, 1280];
const SCHEMES = ['light', 'dark'];
const TAGS = ['anp-article', 'anp-meta-box', 'anp-score-bars', 'anp-checklist', 'anp-similar-posts'];

/** The README's first command: the line of its first sh block that runs `npm start`. */
function readmeStartCommand() {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  const block = /```sh\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md has no ```sh block');
  const line = block[1].split('\n').find((l) => /\bnpm start\b/.test(l));
  if (!line) throw new Error("README.md's first sh block has no `npm start` line");
  return line.replace(/\s+#.*$/, '').trim();
}

function cleanEnv() {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('PUPPETEER_')) delete env[name];
  return env;
}

// One line a check (.ci/run shows the lines that do not start with `ok `).
const report = createReport('start', {
  line: (ok, name, detail) => `${ok ? 'ok' : 'not ok'} ${name}${!ok && detail ? `: ${detail}` : ''}`,
});
const check = report.check;

/** Starts the command in its own process group; resolves with the demo's origin once it prints it. */
function start(command) {
  return new Promise((resolveStart, reject) => {
    const child = spawn('sh', ['-c', command], { cwd: root, env: cleanEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const timer = setTimeout(
      () => reject(new Error(`no demo address within ${START_TIMEOUT_MS / 1000} s\n${log.slice(-3000)}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk) => {
      log += String(chunk);
      const match = /anp demo: (http:\/\/[^/\s]+)\//.exec(log);
      if (match) {
        clearTimeout(timer);
        resolveStart({ origin: match[1], child, log: () => log });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`\`${command}\` exited with ${code} before serving\n${log.slice(-3000)}`));
    });
  });
}

async function visit(browser, origin, width, scheme) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.evaluateOnNewDocument(() => {
    window.__anpErrors = [];
    // The demo's "bad input" section is broken on purpose; errors from anywhere else count.
    document.addEventListener('anp-error', (event) => {
      if (!event.composedPath()[0]?.closest?.('.bad-input')) window.__anpErrors.push(event.detail);
    });
  });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.setViewport({ width, height: 900 });
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  const report = await page.evaluate(async (tags) => {
    const present = tags.filter((tag) => document.querySelector(tag));
    await Promise.all(present.map((tag) => customElements.whenDefined(tag)));
    const elements = [...document.querySelectorAll(tags.join(','))];
    await Promise.all(elements.map((element) => element.updateComplete));
    const empty = elements
      .filter((element) => element.localName !== 'anp-article')
      .filter((element) => !(element.shadowRoot?.textContent ?? '').trim())
      .map((element) => element.localName);
    const wide = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((element) => element.localName)
      .slice(0, 5);
    return {
      count: elements.length,
      empty,
      wide,
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      errors: window.__anpErrors.length,
    };
  }, TAGS);
  const label = `${width}px ${scheme}`;
  check(report.count >= 4, `${label}: the demo holds the anp elements`, `${report.count} found`);
  check(report.empty.length === 0, `${label}: every element rendered`, `empty: ${report.empty.join(', ')}`);
  check(
    report.scrollWidth <= report.clientWidth,
    `${label}: no horizontal scrolling`,
    `${report.scrollWidth} > ${report.clientWidth} (${report.wide.join(', ')})`,
  );
  check(report.errors === 0, `${label}: no anp-error`, `${report.errors} events`);
  check(problems.length === 0, `${label}: no console errors or failed requests`, problems.slice(0, 5).join('; '));
  await page.addScriptTag({ content: AXE });
  const axeReport = await page.evaluate(async (tags) => {
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    const contrastRan = [...results.passes, ...results.violations, ...results.incomplete].some((rule) => rule.id === 'color-contrast');
    return {
      contrastRan,
      violations: results.violations.map(
        (v) =>
          `${v.id} (${v.nodes.length}: ${v.nodes[0]?.target.join(' > ')}${v.nodes[0]?.any[0] ? `: ${v.nodes[0].any[0].message}` : ''})`,
      ),
    };
  }, AXE_TAGS);
  check(axeReport.contrastRan, `${label}: axe ran its colour-contrast rule`);
  check(axeReport.violations.length === 0, `${label}: axe WCAG 2.2 AA clean, contrast included`, axeReport.violations.join('; '));
  await page.screenshot({ path: resolve(shotsDir, `${width}-${scheme}.png`), fullPage: true });
  await page.close();
}

const command = readmeStartCommand();
console.log(`start: running \`${command}\` as the README writes it`);
mkdirSync(shotsDir, { recursive: true });
let server;
let browser;
try {
  server = await start(command);
  check(true, `\`${command}\` serves the demo at ${server.origin}/`);
  browser = await launchChromium();
  for (const width of WIDTHS) for (const scheme of SCHEMES) await visit(browser, server.origin, width, scheme);
  console.log(`start: screenshots in ${shotsDir}`);
} catch (error) {
  check(false, `\`${command}\``, error instanceof Error ? error.message : String(error));
} finally {
  await browser?.close();
  if (server) {
    try {
      process.kill(-server.child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
process.exitCode = report.finish();
