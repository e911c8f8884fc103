#!/usr/bin/env node
// Layout-shift check (issue 4, theming): the demo page must not move when the
// script arrives late. In headless Chromium (the only engine with the
// Layout Instability API), for each viewport below:
//
//   npm run build && node scripts/cls-check.mjs
//
// serves the demo (the kit's serveDemo, as scripts/demo.mjs does), holds the request for
// dist/anp-components.iife.js for ANP_CLS_DELAY ms (default 1000), records
// every `layout-shift` entry from navigation until the elements have
// upgraded and rendered, and sums them (cumulative layout shift, without the
// session windows: any shift at all counts).
//
// Passes when the sum is 0 in every viewport, and once rendered no element
// holds more than MAX_UNUSED px of space it does not use: its content box
// minus the height its shadow root's content takes (the children's margin
// boxes: the gap after a card, --anp-gap, is used space). A reservation that
// outlived the upgrade (a min-block-size on the element itself) fails here. As a control it loads the page
// once more with the documented `:not(:defined)` reservation stripped from
// demo.css and expects a shift there: a check that could not see shifts
// would otherwise pass forever.
//
// Functions passed to page.evaluate run in the page, with the browser's globals:
/* global window, document, customElements, requestAnimationFrame, getComputedStyle */
import { launchChromium } from './kit/chromium.mjs';
import { createReport } from './kit/report.mjs';
import { serveDemo } from './kit/serve.mjs';

const DELAY = Number(process.env.ANP_CLS_DELAY ?? 1000);
const MAX_UNUSED = 8;
const VIEWPORTS = [
  { name: 'desktop 1280x800', width: 1280, height: 800 },
  { name: 'mobile 390x844', width: 390, height: 844 },
  // Tall enough that every element is in the viewport: a shift anywhere on the page counts.
  { name: 'whole page 1280x7000', width: 1280, height: 7000 },
  { name: 'whole page 1024x7000', width: 1024, height: 7000 },
  { name: 'whole page 390x9000', width: 390, height: 9000 },
  { name: 'whole page 320x9000', width: 320, height: 9000 },
];
/** Marks the documented reservation in demo/demo.css; the control run removes what lies between. */
const RESERVE_START = '/* anp: reserve space before the elements upgrade */';
const RESERVE_END = '/* anp: end reserve */';

/** The demo's summary, and the same with markup: the page then waits for the sanitizer file too. */
const PLAIN_SUMMARY = 'this ai-style technical summary';
const MARKED_SUMMARY = 'this <b>ai-style</b> technical <a href=\\"/glossary\\">summary</a>';

async function measure(browser, origin, viewport, { stripReserve = false, markup = false } = {}) {
  const page = await browser.newPage();
  await page.setViewport({ width: viewport.width, height: viewport.height });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.setRequestInterception(true);
  let sanitizerRequests = 0;
  page.on('request', async (request) => {
    const url = request.url();
    if (markup && new URL(url).pathname === '/') {
      const html = await (await fetch(url)).text();
      if (!html.includes(PLAIN_SUMMARY)) throw new Error('the demo lost the summary this check marks up');
      return request.respond({ status: 200, contentType: 'text/html', body: html.replace(PLAIN_SUMMARY, MARKED_SUMMARY) });
    }
    if (url.endsWith('/dist/anp-components.sanitizer.iife.js')) {
      // Late too: the boxes with markup wait for it after they are defined (`:state(pending)`).
      sanitizerRequests++;
      await new Promise((done) => setTimeout(done, DELAY));
      return request.continue();
    }
    if (url.endsWith('/dist/anp-components.iife.js')) {
      await new Promise((done) => setTimeout(done, DELAY));
      return request.continue();
    }
    if (stripReserve && url.endsWith('/demo/demo.css')) {
      const css = await (await fetch(url)).text();
      const start = css.indexOf(RESERVE_START);
      const end = css.indexOf(RESERVE_END);
      if (start < 0 || end < 0) throw new Error('demo.css lost its reserve markers');
      return request.respond({ status: 200, contentType: 'text/css', body: css.slice(0, start) + css.slice(end) });
    }
    return request.continue();
  });
  await page.evaluateOnNewDocument(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput)
          window.__shifts.push({
            value: entry.value,
            at: Math.round(entry.startTime),
            sources: (entry.sources ?? []).map((s) => (s.node ? s.node.nodeName + (s.node.className ? '.' + s.node.className : '') : '?')),
          });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const started = Date.now();
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  await page.evaluate(async () => {
    const tags = ['anp-article', 'anp-meta-box', 'anp-checklist', 'anp-score-bars', 'anp-similar-posts'];
    await Promise.all(tags.map((tag) => customElements.whenDefined(tag)));
    for (const element of document.querySelectorAll(tags.join(','))) await element.updateComplete;
    // Two frames for layout and paint, then a pause for late entries.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    await new Promise((done) => setTimeout(done, 300));
  });
  const elapsed = Date.now() - started;
  const shifts = await page.evaluate(() => window.__shifts);
  const unused = await page.evaluate(() =>
    [...document.querySelectorAll('anp-meta-box, anp-checklist, anp-score-bars, anp-similar-posts')].map((el, index) => {
      const style = getComputedStyle(el);
      const edges = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'].reduce(
        (sum, name) => sum + parseFloat(style[name]),
        0,
      );
      const box = el.getBoundingClientRect().height - edges;
      let top = Infinity;
      let bottom = -Infinity;
      for (const child of el.shadowRoot?.children ?? []) {
        const childStyle = getComputedStyle(child);
        if (child.localName === 'style' || childStyle.display === 'none') continue;
        const rect = child.getBoundingClientRect();
        top = Math.min(top, rect.top - parseFloat(childStyle.marginTop));
        bottom = Math.max(bottom, rect.bottom + parseFloat(childStyle.marginBottom));
      }
      return { name: `${el.localName}#${index + 1}`, box, unused: box - (bottom > top ? bottom - top : 0) };
    }),
  );
  const marked = await page.evaluate(
    () =>
      document.querySelectorAll('anp-meta-box').length &&
      [...document.querySelectorAll('anp-meta-box')].some((el) => el.shadowRoot?.querySelector('dd b')),
  );
  await page.close();
  return { cls: shifts.reduce((sum, s) => sum + s.value, 0), shifts, problems, elapsed, unused, sanitizerRequests, marked };
}

const { origin, close } = await serveDemo();
const browser = await launchChromium();
const report = createReport('cls');
try {
  for (const viewport of VIEWPORTS) {
    const { cls, shifts, problems, elapsed, unused } = await measure(browser, origin, viewport);
    report.check(
      cls === 0 && problems.length === 0 && elapsed >= DELAY,
      `${viewport.name}: CLS ${cls.toFixed(4)} (${shifts.length} shifts; script held ${DELAY} ms)`,
      [...shifts.map((s) => `shift ${s.value.toFixed(4)} at ${s.at} ms: ${s.sources.join(', ')}`), ...problems].join('\n'),
      { verbose: true },
    );
    const worst = Math.max(...unused.map((u) => u.unused));
    report.check(
      unused.length === 5 && worst <= MAX_UNUSED,
      `${viewport.name}: unused space after rendering at most ${worst.toFixed(1)} px (<= ${MAX_UNUSED}): ${unused
        .map((u) => `${u.name} ${u.unused.toFixed(1)}/${u.box.toFixed(0)}`)
        .join(', ')}`,
    );
  }
  // An article with markup in a rich field: the sanitizer file arrives a second after the script, and the
  // boxes waiting for it keep their reservation meanwhile (`:state(pending)` in demo.css).
  for (const viewport of [VIEWPORTS[0], VIEWPORTS[2], VIEWPORTS[5]]) {
    const run = await measure(browser, origin, viewport, { markup: true });
    report.check(
      run.cls === 0 && run.problems.length === 0 && run.sanitizerRequests === 1 && run.marked,
      `${viewport.name}, markup in the summary: CLS ${run.cls.toFixed(4)} (${run.shifts.length} shifts; script and sanitizer each held ${DELAY} ms; sanitizer fetched ${run.sanitizerRequests} time(s); markup rendered: ${run.marked})`,
      [...run.shifts.map((s) => `shift ${s.value.toFixed(4)} at ${s.at} ms: ${s.sources.join(', ')}`), ...run.problems].join('\n'),
      { verbose: true },
    );
  }
  const control = await measure(browser, origin, VIEWPORTS[2], { stripReserve: true });
  report.check(control.cls > 0, `control without the reservation: CLS ${control.cls.toFixed(4)} (must be > 0, else the check is blind)`);
} catch (error) {
  report.crashed(error);
} finally {
  await browser.close();
  await close();
}
process.exit(report.finish());
