#!/usr/bin/env node
// Theming check (issue 4): what only a real rendering shows, in headless
// Chromium, on test/theme/index.html (the elements with their own defaults)
// and the demo page:
//
//   npm run build && node scripts/theme-check.mjs
//
//   (a) forced colours: text inside the shadow roots in system colours, links
//       in LinkText, meters and badges bordered, the keyboard focus ring in
//       Highlight, and axe-core finds no violation;
//   (b) prefers-reduced-motion: reduce leaves no transition or animation
//       (and without it the checklist rows do have their hover transition);
//   (c) prefers-color-scheme: without a theme the default accent follows the
//       page's text colour (which follows the scheme on this page);
//       theme="light" stays light under dark, theme="dark" dark under light;
//   (d) score bars at 30, 60 and 90 paint the low, mid and high colours (pixels
//       from a screenshot of each meter), and --anp-bar-color-* change them;
//   (e) screenshots in test-results/theme/ to look at.
//
// Last line: `theme: N passed, N failed` (and test-results/theme.json); exit
// status 1 when any check failed.
// Functions passed to page.evaluate run in the page, with the browser's globals:
/* global window, document, getComputedStyle, customElements, requestAnimationFrame, matchMedia, Node, Image */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './kit/chromium.mjs';
import { createReport } from './kit/report.mjs';
import { serveDemo } from './kit/serve.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const OUT = resolve(root, 'test-results/theme');

/** The defaults in src/styles/host.styles.ts and src/internal/score-meter.styles.ts. */
const ACCENT_LIGHT = [37, 99, 235];
const ACCENT_DARK = [147, 180, 255];
/** Without a theme: #2563eb mixed 55 % with the page's text colour, black (light scheme) or white (dark scheme). */
const ACCENT_ON_LIGHT = [20, 54, 129];
const ACCENT_ON_DARK = [135, 169, 244];
const BAR_DEFAULTS = { low: [220, 38, 38], mid: [217, 119, 6], high: [22, 163, 74] };
/** What #custom-bars in test/theme/theme.css sets. */
const BAR_TOKENS = { low: [0, 0, 200], mid: [200, 0, 200], high: [0, 160, 160] };
/** The empty part of a bar over the card (black at 4 % on the white page): black at 12 % by default, at 25 % from #custom-bars' --anp-bar-track. */
const TRACK_DEFAULT = [215, 215, 215];
const TRACK_TOKEN = [184, 184, 184];

// --- results ---
const suite = createReport('theme');
const check = (name, ok, detail) => suite.check(ok, name, detail, { verbose: true });

function near(actual, expected, tolerance) {
  return actual.length >= 3 && expected.every((channel, i) => Math.abs(channel - actual[i]) <= tolerance);
}

// --- in-page helpers, installed before every navigation ---
function pageHelpers() {
  /** Every element inside the anp shadow roots, with its host's tag. */
  window.anpShadowElements = () =>
    [...document.querySelectorAll('anp-meta-box, anp-checklist, anp-score-bars, anp-similar-posts')].flatMap((host) =>
      [...host.shadowRoot.querySelectorAll('*')].map((node) => ({ host, node })),
    );
  /** A colour as [r, g, b, a] (0..255, a 0..1), as the engine resolves it. */
  window.anpRgba = (value) => {
    const canvas = (window.anpCanvas ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true }));
    canvas.clearRect(0, 0, 1, 1);
    canvas.fillStyle = value;
    canvas.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  /** What a system colour keyword resolves to on this page now. */
  window.anpSystemColour = (keyword) => {
    const probe = document.body.appendChild(document.createElement('span'));
    probe.style.color = keyword;
    const value = getComputedStyle(probe).color;
    probe.remove();
    return value;
  };
  window.anpReady = async () => {
    await Promise.all(
      ['anp-article', ...['anp-meta-box', 'anp-checklist', 'anp-score-bars', 'anp-similar-posts']].map((t) =>
        customElements.whenDefined(t),
      ),
    );
    for (const el of document.querySelectorAll('anp-article, anp-meta-box, anp-checklist, anp-score-bars, anp-similar-posts'))
      await el.updateComplete;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  };
  window.anpSetTheme = (theme) => {
    for (const el of document.querySelectorAll('anp-meta-box, anp-checklist, anp-score-bars, anp-similar-posts')) {
      if (theme) el.setAttribute('theme', theme);
      else el.removeAttribute('theme');
    }
    return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  };
}

async function open(browser, url, media = []) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900, deviceScaleFactor: 1 });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.evaluateOnNewDocument(pageHelpers);
  // Straight to the DevTools protocol: puppeteer's emulateMediaFeatures refuses forced-colors.
  const session = await page.createCDPSession();
  await session.send('Emulation.setEmulatedMedia', { features: media });
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => window.anpReady());
  return { page, problems };
}

async function screenshot(page, name) {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    // axe-core takes a skip link for content outside landmarks when the page's first
    // link to another page is inside a shadow root (compareDocumentPosition across
    // trees is never plain "following"). Only that one false positive is dropped:
    // the first link of the page, pointing at an element that exists.
    const firstLink = document.querySelector('a[href]');
    const isSkipLink = (node) => {
      const el = document.querySelector(node.target[0]);
      return el === firstLink && /^#./.test(el.getAttribute('href')) && document.getElementById(el.getAttribute('href').slice(1));
    };
    return result.violations
      .map((v) => ({ ...v, nodes: v.id === 'region' ? v.nodes.filter((node) => !isSkipLink(node)) : v.nodes }))
      .filter((v) => v.nodes.length)
      .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0].target.join(' ')}`);
  });
}

// (a) forced colours
async function checkForcedColours(browser, origin) {
  for (const [label, url] of [
    ['theme page', `${origin}/test/theme/`],
    ['demo page', `${origin}/`],
  ]) {
    const { page, problems } = await open(browser, url, [{ name: 'forced-colors', value: 'active' }]);
    check(`forced colours, ${label}: the media query matches`, await page.evaluate(() => matchMedia('(forced-colors: active)').matches));
    const report = await page.evaluate(() => {
      const system = Object.fromEntries(
        [
          'CanvasText',
          'Canvas',
          'LinkText',
          'VisitedText',
          'Highlight',
          'HighlightText',
          'GrayText',
          'ButtonText',
          'ButtonFace',
          'Mark',
          'MarkText',
        ].map((k) => [k, window.anpSystemColour(k)]),
      );
      const systemValues = new Set(Object.values(system));
      const offText = [];
      const links = [];
      const meters = [];
      const badges = [];
      for (const { host, node } of window.anpShadowElements()) {
        const style = getComputedStyle(node);
        const hasText = [...node.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent.trim());
        if (hasText && !systemValues.has(style.color))
          offText.push(`${host.localName} <${node.localName} part="${node.getAttribute('part')}"> ${style.color}`);
        if (node.localName === 'a') links.push(style.color);
        if (node.localName === 'meter')
          meters.push({ width: style.borderTopWidth, style: style.borderTopStyle, color: style.borderTopColor });
        if ((node.getAttribute('part') ?? '').split(' ').includes('badge'))
          badges.push({ color: style.color, border: style.borderTopColor, width: style.borderTopWidth, bg: style.backgroundColor });
      }
      return { system, offText, links, meters, badges };
    });
    const { system } = report;
    check(
      `forced colours, ${label}: text in the shadow roots uses system colours`,
      report.offText.length === 0,
      report.offText.slice(0, 5).join('; '),
    );
    check(
      `forced colours, ${label}: links in LinkText`,
      report.links.length > 0 && report.links.every((c) => c === system.LinkText),
      `${report.links.length} links, ${[...new Set(report.links)].join(', ')} (LinkText ${system.LinkText})`,
    );
    check(
      `forced colours, ${label}: meters have a visible border`,
      report.meters.length > 0 &&
        report.meters.every((m) => parseFloat(m.width) >= 1 && m.style !== 'none' && m.color === system.CanvasText),
      `${report.meters.length} meters, ${JSON.stringify(report.meters[0])}`,
    );
    check(
      `forced colours, ${label}: badges in CanvasText with a CanvasText border`,
      report.badges.length > 0 &&
        report.badges.every((b) => b.color === system.CanvasText && b.border === system.CanvasText && parseFloat(b.width) >= 1),
      `${report.badges.length} badges, ${JSON.stringify(report.badges[0])}`,
    );
    // Keyboard focus: Tab until a checkbox and a link in a shadow root hold focus.
    const rings = {};
    for (let i = 0; i < 80 && Object.keys(rings).length < 2; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        if (!el || !el.getRootNode().host) return undefined;
        const style = getComputedStyle(el);
        return { kind: el.localName, color: style.outlineColor, style: style.outlineStyle, width: style.outlineWidth };
      });
      if (focused && !rings[focused.kind]) rings[focused.kind] = focused;
    }
    for (const kind of ['input', 'a']) {
      const ring = rings[kind];
      check(
        `forced colours, ${label}: keyboard focus ring on ${kind === 'a' ? 'a link' : 'a checkbox'} in Highlight`,
        Boolean(ring) && ring.color === system.Highlight && ring.style !== 'none' && parseFloat(ring.width) >= 2,
        ring ? `${ring.style} ${ring.width} ${ring.color} (Highlight ${system.Highlight})` : 'never focused',
      );
    }
    await page.keyboard.press('Escape');
    await page.evaluate(() => document.activeElement?.blur());
    const violations = await axe(page);
    check(
      `forced colours, ${label}: axe-core violations`,
      violations.length === 0,
      `${violations.length}${violations.length ? ': ' + violations.join('; ') : ''}`,
    );
    check(`forced colours, ${label}: no page errors`, problems.length === 0, problems.join('; '));
    await screenshot(page, label === 'demo page' ? 'demo-forced-colors' : 'forced-colors');
    await page.close();
  }
}

// (b) reduced motion
async function motion(page) {
  return page.evaluate(() => {
    const seconds = (list) => Math.max(...list.split(',').map((t) => parseFloat(t) * (t.trim().endsWith('ms') ? 0.001 : 1)));
    const moving = [];
    let rowTransition = 0;
    for (const { host, node } of window.anpShadowElements()) {
      const style = getComputedStyle(node);
      const t = seconds(style.transitionDuration);
      const a = seconds(style.animationDuration);
      if (t > 0 || a > 0)
        moving.push(`${host.localName} <${node.localName} part="${node.getAttribute('part')}"> transition ${t}s animation ${a}s`);
      if (host.localName === 'anp-checklist' && node.getAttribute('part') === 'row') rowTransition = Math.max(rowTransition, t);
    }
    return { moving, rowTransition };
  });
}

async function checkReducedMotion(browser, origin) {
  const normal = await open(browser, `${origin}/test/theme/`, [{ name: 'prefers-reduced-motion', value: 'no-preference' }]);
  const before = await motion(normal.page);
  check('motion, no preference: the checklist rows have their hover transition', before.rowTransition > 0, `${before.rowTransition}s`);
  await normal.page.close();
  const reduced = await open(browser, `${origin}/test/theme/`, [{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  const after = await motion(reduced.page);
  check(
    'motion, reduce: no transition or animation in any shadow root',
    after.moving.length === 0,
    after.moving.slice(0, 5).join('; ') || '0 moving elements',
  );
  await reduced.page.close();
}

// (c) colour scheme
async function schemeReport(page) {
  return page.evaluate(() => {
    const posts = document.querySelector('anp-similar-posts');
    const link = posts.shadowRoot.querySelector('a');
    const luminance = (value) => {
      const [r, g, b] = window.anpRgba(value).map((c) => c / 255);
      const lin = (c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const hosts = [...document.querySelectorAll('anp-meta-box, anp-checklist, anp-score-bars, anp-similar-posts')];
    return {
      accent: window.anpRgba(getComputedStyle(link).color),
      canvas: Math.max(...hosts.map((h) => luminance(getComputedStyle(h).backgroundColor))),
      canvasMin: Math.min(...hosts.map((h) => luminance(getComputedStyle(h).backgroundColor))),
      text: Math.min(...hosts.map((h) => luminance(getComputedStyle(h).color))),
      textMax: Math.max(...hosts.map((h) => luminance(getComputedStyle(h).color))),
      opaque: hosts.every((h) => window.anpRgba(getComputedStyle(h).backgroundColor)[3] === 1),
    };
  });
}

async function checkColourScheme(browser, origin) {
  const fmt = (n) => n.toFixed(3);
  const light = await open(browser, `${origin}/test/theme/`, [{ name: 'prefers-color-scheme', value: 'light' }]);
  let report = await schemeReport(light.page);
  check(
    'scheme light, no theme: the accent mixed with dark text',
    near(report.accent, ACCENT_ON_LIGHT, 2),
    `link ${report.accent.slice(0, 3)}`,
  );
  await screenshot(light.page, 'light');
  await light.page.evaluate(() => window.anpSetTheme('dark'));
  report = await schemeReport(light.page);
  check(
    'scheme light, theme="dark": dark canvas, light text, dark accent',
    report.opaque && report.canvas < 0.05 && report.text > 0.7 && near(report.accent, ACCENT_DARK, 2),
    `canvas luminance <= ${fmt(report.canvas)}, text >= ${fmt(report.text)}, link ${report.accent.slice(0, 3)}`,
  );
  const violationsThemeDark = await axe(light.page);
  check(
    'scheme light, theme="dark": axe-core violations',
    violationsThemeDark.length === 0,
    `${violationsThemeDark.length} ${violationsThemeDark.join('; ')}`,
  );
  await screenshot(light.page, 'theme-dark');
  check('scheme light: no page errors', light.problems.length === 0, light.problems.join('; '));
  await light.page.close();

  const dark = await open(browser, `${origin}/test/theme/`, [{ name: 'prefers-color-scheme', value: 'dark' }]);
  report = await schemeReport(dark.page);
  check(
    'scheme dark, no theme: the accent mixed with light text',
    near(report.accent, ACCENT_ON_DARK, 2),
    `link ${report.accent.slice(0, 3)}`,
  );
  const violationsDark = await axe(dark.page);
  check('scheme dark, no theme: axe-core violations', violationsDark.length === 0, `${violationsDark.length} ${violationsDark.join('; ')}`);
  await screenshot(dark.page, 'dark');
  await dark.page.evaluate(() => window.anpSetTheme('light'));
  report = await schemeReport(dark.page);
  check(
    'scheme dark, theme="light": light canvas, dark text, light accent',
    report.opaque && report.canvasMin > 0.85 && report.textMax < 0.05 && near(report.accent, ACCENT_LIGHT, 2),
    `canvas luminance >= ${fmt(report.canvasMin)}, text <= ${fmt(report.textMax)}, link ${report.accent.slice(0, 3)}`,
  );
  await screenshot(dark.page, 'theme-light-under-dark');
  check('scheme dark: no page errors', dark.problems.length === 0, dark.problems.join('; '));
  await dark.page.close();

  const demo = await open(browser, `${origin}/`, [{ name: 'prefers-color-scheme', value: 'dark' }]);
  const violationsDemo = await axe(demo.page);
  check(
    'scheme dark, demo page: axe-core violations',
    violationsDemo.length === 0,
    `${violationsDemo.length} ${violationsDemo.join('; ')}`,
  );
  await screenshot(demo.page, 'demo-dark');
  await demo.page.close();
}

// (d) bar colours by threshold, from pixels
async function meterPixels(page, hostSelector) {
  const handles = await page.evaluateHandle(
    (selector) => [...document.querySelector(selector).shadowRoot.querySelectorAll('meter')],
    hostSelector,
  );
  const count = await handles.evaluate((list) => list.length);
  const samples = [];
  for (let i = 0; i < count; i++) {
    const meter = await handles.evaluateHandle((list, index) => list[index], i);
    const value = await meter.evaluate((m) => m.value);
    const png = await meter.screenshot({ encoding: 'base64' });
    // Decode in the page: a canvas reads the screenshot's pixels.
    const pixels = await page.evaluate(
      async (data, fraction) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const ctx = canvas.getContext('2d', { willReadFrequently: true });
        ctx.drawImage(image, 0, 0);
        const y = Math.floor(image.height / 2);
        const at = (x) => [...ctx.getImageData(Math.round(x), y, 1, 1).data.slice(0, 3)];
        return {
          fill: at(image.width * fraction * 0.5),
          track: at(image.width * (fraction + (1 - fraction) / 2)),
          size: [image.width, image.height],
        };
      },
      png,
      value / 100,
    );
    samples.push({ value, ...pixels });
  }
  return samples;
}

async function checkBarColours(browser, origin) {
  const { page } = await open(browser, `${origin}/test/theme/`, [{ name: 'prefers-color-scheme', value: 'light' }]);
  for (const [selector, expected, track, what] of [
    ['#thresholds', BAR_DEFAULTS, TRACK_DEFAULT, 'default colours'],
    ['#custom-bars', BAR_TOKENS, TRACK_TOKEN, '--anp-bar-* tokens'],
  ]) {
    const samples = await meterPixels(page, selector);
    const byValue = { 30: 'low', 60: 'mid', 90: 'high' };
    check(`bars, ${what}: three meters`, samples.length === 3, `${samples.length}`);
    for (const sample of samples) {
      const band = byValue[sample.value];
      check(
        `bars, ${what}: ${sample.value} paints the ${band} colour`,
        near(sample.fill, expected[band], 10) && near(sample.track, track, 4),
        `fill ${sample.fill} (expected ${expected[band]}), track ${sample.track} (expected ${track}), meter ${sample.size.join('x')}`,
      );
    }
  }
  await page.close();
}

mkdirSync(OUT, { recursive: true });
const { origin, close } = await serveDemo({ mounts: ['/test/theme/'] });
const browser = await launchChromium();
try {
  await checkForcedColours(browser, origin);
  await checkReducedMotion(browser, origin);
  await checkColourScheme(browser, origin);
  await checkBarColours(browser, origin);
} catch (error) {
  check('theme check ran to the end', false, error.stack);
} finally {
  await browser.close();
  await close();
}
console.log(`screenshots: ${OUT.replace(root + '/', '')}/`);
process.exit(suite.finish());
