#!/usr/bin/env node
// Story test (issue 5): every story of the static Storybook, rendered in headless Chromium.
//
//   npm run storybook-check                 # builds storybook-static/, then checks every story
//   npm run storybook-check -- --reuse      # reuses storybook-static/ when newer than its sources
//   npm run storybook-check -- --only meta  # only the stories whose id contains "meta"
//   npm run storybook-check -- --fresh      # reload iframe.html for every story (else one load, then
//                                           # Storybook's own story switch; a failure is retried fresh)
//
// Per story (iframe.html?id=<id>&viewMode=story, one browser, one page, stories in turn):
//   - it renders: every anp element in #storybook-root defined and its updateComplete resolved,
//     fonts ready; Storybook shows no error;
//   - no console.error, no page error, no failed or 4xx/5xx request;
//   - axe-core finds no violation in #storybook-root (a story may turn a rule off in
//     parameters.a11y.config.rules, with its reason in parameters.anp.a11yReason; both are printed);
//   - anp-error is dispatched if and only if parameters.anp.expectErrors;
//   - parameters.anp.forcedColors: rendered with forced-colors: active emulated (CDP);
//   - a PNG in test-results/storybook/<id>.png, and test-results/storybook/index.html lists them.
//
// One line per story, then `storybook: N passed, N failed` (and test-results/storybook.json);
// exit status 1 when any failed.
/* global window, document, customElements, requestAnimationFrame, axe */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './kit/chromium.mjs';
import { createReport } from './kit/report.mjs';
import { serveStatic } from './kit/serve.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const STATIC = resolve(root, 'storybook-static');
const OUT = resolve(root, 'test-results/storybook');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const STORY_TIMEOUT = 15_000;

const argv = process.argv.slice(2);
const reuse = argv.includes('--reuse');
const onlyIndex = argv.indexOf('--only');
const only = onlyIndex >= 0 ? argv[onlyIndex + 1] : undefined;
/** --fresh: load iframe.html anew for every story (slower; for hunting a leak between stories). */
const freshEveryStory = argv.includes('--fresh');

// --- build ---------------------------------------------------------------------------------

/** Newest modification time of the files under these paths. */
function newest(paths) {
  let time = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else time = Math.max(time, stat.mtimeMs);
  };
  paths.forEach((path) => visit(resolve(root, path)));
  return time;
}

function buildStorybook() {
  const index = join(STATIC, 'index.json');
  if (reuse && existsSync(index)) {
    const sources = newest(['src', 'stories', '.storybook', 'test/fixtures', 'dist/custom-elements.json']);
    if (statSync(index).mtimeMs > sources) {
      console.log('storybook-static/ is newer than its sources: reused');
      return;
    }
  }
  const started = Date.now();
  // The docs tables come from the manifest, which the library build writes.
  if (!existsSync(resolve(root, 'dist/custom-elements.json')))
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  execFileSync(resolve(root, 'node_modules/.bin/storybook'), ['build', '--quiet', '-o', 'storybook-static'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  });
  console.log(`built storybook-static/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// --- in the page ---------------------------------------------------------------------------

/** Runs before Storybook's scripts: records anp-error events (they bubble and are composed). */
function recordAnpErrors() {
  window.__anpErrors = [];
  window.addEventListener(
    'anp-error',
    (event) => window.__anpErrors.push({ tag: event.target?.localName, errors: event.detail?.errors?.length ?? 0 }),
    true,
  );
}

/** Waits for Storybook to finish the story, returns its parameters (or the error it showed). */
async function storyRendered(storyId) {
  const preview = window.__STORYBOOK_PREVIEW__;
  const story = await preview.storyStoreValue.loadStory({ storyId });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const phase = preview.currentRender?.phase;
    if (document.body.classList.contains('sb-show-errordisplay')) {
      return { error: document.querySelector('#error-message')?.textContent?.trim() || 'Storybook showed an error' };
    }
    if (phase === 'completed' || phase === 'finished') break;
    if (Date.now() > deadline) return { error: `story did not finish rendering (phase ${phase})` };
    await new Promise((done) => setTimeout(done, 25));
  }
  const elements = () => [...document.querySelectorAll('#storybook-root *')].filter((el) => el.localName.startsWith('anp-'));
  // Elements can add elements (and a src fetch resolves later): settle until nothing changes.
  for (let round = 0; round < 5; round++) {
    const found = elements();
    await Promise.all(found.map((el) => customElements.whenDefined(el.localName)));
    await Promise.all(found.map((el) => el.updateComplete));
    if (elements().length === found.length) break;
  }
  await document.fonts.ready;
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const undefinedTags = elements()
    .filter((el) => !customElements.get(el.localName))
    .map((el) => el.localName);
  return {
    parameters: JSON.parse(JSON.stringify({ anp: story.parameters.anp ?? {}, a11y: story.parameters.a11y ?? {} })),
    title: story.title,
    name: story.name,
    elementCount: elements().length,
    undefinedTags,
  };
}

async function runAxe(disabledRules) {
  const rules = Object.fromEntries(disabledRules.map((id) => [id, { enabled: false }]));
  const results = await axe.run(document.querySelector('#storybook-root'), { resultTypes: ['violations'], rules });
  return results.violations.map((violation) => ({
    id: violation.id,
    nodes: violation.nodes.length,
    target: violation.nodes[0]?.target?.join(' '),
    summary: violation.nodes[0]?.failureSummary?.split('\n')[1]?.trim(),
  }));
}

// --- run -------------------------------------------------------------------------------------

buildStorybook();
const index = JSON.parse(readFileSync(join(STATIC, 'index.json'), 'utf8'));
const stories = Object.values(index.entries)
  .filter((entry) => entry.type === 'story' && (!only || entry.id.includes(only)))
  .sort((a, b) => a.id.localeCompare(b.id));

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

// Chromium asks for /favicon.ico on the first page of the origin; Storybook has none there.
const favicon = (url) => (url.pathname === '/favicon.ico' ? { status: 204, type: 'image/x-icon' } : undefined);
const { origin, close } = await serveStatic({ dir: STATIC, routes: favicon });
const browser = await launchChromium();
const page = await browser.newPage();
await page.setViewport({ width: 1200, height: 800 });
await page.evaluateOnNewDocument(recordAnpErrors);
const cdp = await page.createCDPSession();

/** What went wrong in the current story, from the page's events. */
let problems = [];
page.on('console', (message) => {
  if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
});
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
page.on('response', (response) => {
  if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
});

/**
 * Shows a story: the first one by loading iframe.html, the next ones through Storybook's own
 * channel (setCurrentStory), which spares reloading the preview's bundle for every story.
 * `fresh` forces a full load, as a retry does.
 */
let loaded = false;
async function show(storyId, fresh) {
  if (fresh || !loaded) {
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(storyId)}&viewMode=story`, {
      waitUntil: 'load',
      timeout: STORY_TIMEOUT,
    });
    await page.waitForFunction(() => window.__STORYBOOK_PREVIEW__?.storyStoreValue, { timeout: STORY_TIMEOUT, polling: 20 });
    loaded = true;
    return;
  }
  await page.evaluate(
    (id, timeout) =>
      new Promise((done, fail) => {
        window.__anpErrors = [];
        const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
        const events = ['storyRendered', 'storyErrored', 'storyThrewException', 'storyMissing'];
        const timer = setTimeout(() => finish(new Error(`no storyRendered for ${id} in ${timeout} ms`)), timeout);
        const listeners = events.map((name) => [name, (payload) => (name === 'storyRendered' ? payload === id && finish() : finish())]);
        function finish(error) {
          clearTimeout(timer);
          listeners.forEach(([name, listener]) => channel.off(name, listener));
          if (error) fail(error);
          else done();
        }
        listeners.forEach(([name, listener]) => channel.on(name, listener));
        channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
      }),
    storyId,
    STORY_TIMEOUT,
  );
}

/** Renders one story and checks it; returns what went wrong. */
async function checkStory(entry, fresh) {
  problems = [];
  const failures = [];
  const notes = [];
  let rendered;
  try {
    await cdp.send('Emulation.setEmulatedMedia', { features: [] });
    await show(entry.id, fresh);
    rendered = await page.evaluate(storyRendered, entry.id);
    if (rendered.error) failures.push(`render: ${rendered.error}`);
    else {
      const { anp, a11y } = rendered.parameters;
      if (rendered.undefinedTags.length) failures.push(`not defined: ${rendered.undefinedTags.join(', ')}`);
      if (anp.forcedColors) {
        await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
        const active = await page.evaluate(() => window.matchMedia('(forced-colors: active)').matches);
        if (!active) failures.push('forced-colors: active did not apply');
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        notes.push('forced colors');
      }
      const disabledRules = (a11y.config?.rules ?? []).filter((rule) => rule.enabled === false).map((rule) => rule.id);
      if (disabledRules.length) notes.push(`axe rules off: ${disabledRules.join(', ')} (${anp.a11yReason ?? 'no reason given'})`);
      if (disabledRules.length && !anp.a11yReason) failures.push('axe rules turned off without parameters.anp.a11yReason');
      if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(runAxe, disabledRules);
      for (const violation of violations) {
        failures.push(
          `axe ${violation.id} (${violation.nodes} node(s), first: ${violation.target}${violation.summary ? `: ${violation.summary}` : ''})`,
        );
      }
      const anpErrors = await page.evaluate(() => window.__anpErrors);
      if (anp.expectErrors && !anpErrors.length) failures.push('expected anp-error (parameters.anp.expectErrors), none was dispatched');
      if (!anp.expectErrors && anpErrors.length) {
        failures.push(`unexpected anp-error from ${[...new Set(anpErrors.map((error) => `<${error.tag}>`))].join(', ')}`);
      }
      if (anp.expectErrors && anpErrors.length) notes.push(`anp-error ×${anpErrors.length} (expected)`);
    }
    await page.screenshot({ path: join(OUT, `${entry.id}.png`), fullPage: true });
  } catch (error) {
    failures.push(`check crashed: ${error.message.split('\n')[0]}`);
    loaded = false;
  }
  failures.unshift(...problems);
  return { failures, notes, count: rendered?.elementCount ?? 0 };
}

const started = Date.now();
const results = [];
const report = createReport('storybook');

for (const entry of stories) {
  const storyStarted = Date.now();
  let outcome = await checkStory(entry, freshEveryStory);
  // A failure after an in-page switch is confirmed on a clean load, so one story's leftovers never fail the next.
  if (outcome.failures.length && !freshEveryStory) {
    outcome = await checkStory(entry, true);
    outcome.notes.push('confirmed on a fresh load');
  }
  const { failures, notes, count } = outcome;
  const seconds = ((Date.now() - storyStarted) / 1000).toFixed(1);
  const ok = report.check(
    failures.length === 0,
    `${entry.id} (${count} element${count === 1 ? '' : 's'}, ${seconds} s${notes.length ? `; ${notes.join('; ')}` : ''})`,
    failures.join('\n'),
  );
  results.push({ entry, ok, failures, notes });
}

await browser.close();
await close();

// --- the gallery -----------------------------------------------------------------------------

const escapeHtml = (text) => String(text).replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]);
const groups = new Map();
for (const result of results) {
  const list = groups.get(result.entry.title) ?? [];
  list.push(result);
  groups.set(result.entry.title, list);
}
const sections = [...groups]
  .map(
    ([title, list]) => `<section>
  <h2>${escapeHtml(title)}</h2>
  <div class="grid">
${list
  .map(
    ({ entry, ok, failures, notes }) => `    <figure class="${ok ? 'ok' : 'fail'}" id="${escapeHtml(entry.id)}">
      <a href="${escapeHtml(entry.id)}.png"><img src="${escapeHtml(entry.id)}.png" alt="" loading="lazy"></a>
      <figcaption><strong>${escapeHtml(entry.name)}</strong> ${ok ? '' : '<span class="bad">failed</span>'}<br><code>${escapeHtml(entry.id)}</code>${
        notes.length ? `<br><small>${escapeHtml(notes.join('; '))}</small>` : ''
      }${failures.length ? `<ul>${failures.map((failure) => `<li>${escapeHtml(failure)}</li>`).join('')}</ul>` : ''}</figcaption>
    </figure>`,
  )
  .join('\n')}
  </div>
</section>`,
  )
  .join('\n');
writeFileSync(
  join(OUT, 'index.html'),
  `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>anp components: story gallery</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1b1d21; background: #f6f7f9; }
  .grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); }
  figure { margin: 0; background: #fff; border: 1px solid #d9dce1; border-radius: 0.5rem; overflow: hidden; }
  figure.fail { border: 2px solid #b91c1c; }
  img { display: block; width: 100%; height: 16rem; object-fit: cover; object-position: top left; border-bottom: 1px solid #d9dce1; }
  figcaption { padding: 0.5rem 0.75rem; font-size: 0.875rem; }
  .bad { color: #b91c1c; font-weight: 700; }
</style>
</head>
<body>
<h1>anp components: story gallery</h1>
<p>${report.passed} passed, ${report.failed} failed, ${new Date().toISOString()}. Each picture is one story (click for full size); <code>npm run storybook</code> shows them live.</p>
${sections}
</body>
</html>
`,
);

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`gallery: ${join('test-results/storybook', 'index.html')} (${results.length} PNGs, ${seconds} s)`);
process.exit(report.finish());
