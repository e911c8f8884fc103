#!/usr/bin/env node
// Builds the example apps under examples/ with each framework's own tooling
// and renders each build in headless Chromium.
//
//   npm run examples                  every example (run `npm run build` first)
//   node scripts/examples.mjs vue3    only some (react19, react18, vue3, svelte5, angular, typings)
//
// 1. Installs the examples' dependencies (`npm ci` in examples/ and in
//    examples/react18/, which has its own React 18 project) when their
//    node_modules is missing or older than the lockfile.
// 2. Refreshes the copy of this package in those node_modules (package.json,
//    README.md, dist/: what `npm pack` would ship) from the current build, so
//    the apps import `anp-components/...` through its exports, like a user.
// 3. Type-checks and builds each app (tsc, vue-tsc, svelte-check, ng build);
//    the Preact and Solid typings are type-checked only (examples/jsx-typecheck).
// 4. Serves each build on a free port and checks, in Chromium: no console or
//    page errors; the seed article visible through the shadow roots (meta box,
//    score meters, checklist, empty similar posts); the bad-input element's
//    `anp-error` handled by framework code, which wrote #error-log; a ticked
//    checklist item reported to framework code through `anp-checklist-change`.
//
// Each check is one test. The last line is `examples: N passed, N failed`
// (the same counts and cases in test-results/examples.json, which npm test reads);
// the exit status is non-zero when any failed.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './kit/chromium.mjs';
import { installBuildInto } from './kit/installed-copy.mjs';
import { createReport } from './kit/report.mjs';
import { runCommand } from './kit/run.mjs';
import { serveStatic } from './kit/serve.mjs';

/* global document -- the functions given to page.evaluate/waitForFunction run in Chromium */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = resolve(root, 'examples');

/** npm projects under examples/, each with its own lockfile and node_modules. */
const PROJECTS = [examplesDir, resolve(examplesDir, 'react18')];

/** Each app: the npm project and script that type-check and build it, and where the build lands. */
const APPS = [
  { name: 'react19', title: 'React 19', project: examplesDir, script: 'build:react19', out: 'react19/dist' },
  { name: 'react18', title: 'React 18', project: resolve(examplesDir, 'react18'), script: 'build', out: 'react18/dist' },
  { name: 'vue3', title: 'Vue 3', project: examplesDir, script: 'build:vue3', out: 'vue3/dist' },
  { name: 'svelte5', title: 'Svelte 5', project: examplesDir, script: 'build:svelte5', out: 'svelte5/dist' },
  { name: 'angular', title: 'Angular', project: examplesDir, script: 'build:angular', out: 'angular/dist' },
];
/** Typings with no app: type-checked only. */
const TYPINGS = { name: 'typings', title: 'Preact and Solid JSX typings', project: examplesDir, script: 'typecheck:jsx' };

const seedFixture = JSON.parse(readFileSync(resolve(root, 'test/fixtures/seed-article.json'), 'utf8'));

/** Values of the seed article (test/fixtures/seed-article.json) that each app must show. */
const SEED = {
  metaValues: ['tracking data quality signals / python services', 'python', 'advanced', '513,976', 'anp-ref-002918-3305'],
  scores: Object.values(seedFixture.meta.score),
  checklist: seedFixture.meta.checklist,
};

const report = createReport('examples', { indent: '  ' });
const record = (name, ok, detail) => report.check(ok, name, detail);

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}

const run = (command, args, options = {}) => runCommand(command, args, { cwd: root, ...options });

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** npm ci when node_modules is missing or older than package.json / package-lock.json. */
async function installIfStale(project) {
  const label = project === examplesDir ? 'examples' : `examples/${project.slice(examplesDir.length + 1)}`;
  const installed = mtime(join(project, 'node_modules', '.package-lock.json'));
  const wanted = Math.max(mtime(join(project, 'package-lock.json')), mtime(join(project, 'package.json')));
  if (installed && installed >= wanted) return true;
  const started = Date.now();
  console.log(`examples: npm ci in ${label} (${installed ? 'node_modules older than the lockfile' : 'no node_modules yet'}) ...`);
  const { code, output } = await run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: project,
    echo: true,
    env: { PUPPETEER_SKIP_DOWNLOAD: '1' },
  });
  console.log(`examples: npm ci in ${label} ${code === 0 ? 'done' : 'FAILED'} in ${seconds(started)}`);
  if (code !== 0) record(`install ${label}`, false, output.trim().split('\n').slice(-20).join('\n'));
  return code === 0;
}

/** Everything the checks need, read in the page through the elements' shadow roots. */
function readPage() {
  const seedArticle = document.querySelector('anp-article');
  const inSeed = (tag) => seedArticle?.querySelector(tag) ?? null;
  const shadowText = (element) => (element?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const visible = (element) => !!element && element.getBoundingClientRect().height > 0;
  const metaBox = inSeed('anp-meta-box');
  const scoreBars = inSeed('anp-score-bars');
  const checklist = inSeed('anp-checklist');
  const similarPosts = inSeed('anp-similar-posts');
  return {
    heading: document.querySelector('h1')?.textContent?.trim() ?? '',
    metaBox: {
      visible: visible(metaBox),
      values: [...(metaBox?.shadowRoot?.querySelectorAll('dd') ?? [])].map((dd) => dd.textContent.replace(/\s+/g, ' ').trim()),
    },
    scoreBars: {
      visible: visible(scoreBars),
      meters: [...(scoreBars?.shadowRoot?.querySelectorAll('meter, [role="meter"]') ?? [])].map((meter) =>
        Number(meter.getAttribute('value') ?? meter.getAttribute('aria-valuenow')),
      ),
    },
    checklist: {
      visible: visible(checklist),
      checkboxes: checklist?.shadowRoot?.querySelectorAll('input[type="checkbox"]').length ?? 0,
      items: [...(checklist?.shadowRoot?.querySelectorAll('li') ?? [])].map((li) => li.textContent.replace(/\s+/g, ' ').trim()),
    },
    similarPosts: {
      visible: visible(similarPosts),
      empty: visible(similarPosts?.shadowRoot?.querySelector('[part~="empty"]')),
      text: shadowText(similarPosts),
    },
    errorLog: document.querySelector('#error-log')?.textContent?.trim() ?? null,
    checklistLog: document.querySelector('#checklist-log')?.textContent?.trim() ?? null,
  };
}

async function checkInBrowser(browser, app, origin) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error?.message ?? error}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  try {
    await page.goto(`${origin}/`, { waitUntil: 'load', timeout: 30_000 });
    // The framework renders, the elements upgrade and render; the bad element's
    // anp-error reaches the app's handler, which writes #error-log.
    await page.waitForFunction(() => document.querySelector('#error-log'), { timeout: 10_000 }).catch(() => {});
    await page.evaluate(async () => {
      await Promise.all([...document.querySelectorAll('anp-article, anp-article *')].map((element) => element.updateComplete));
    });
    const seen = await page.evaluate(readPage);
    const label = (check) => `${app.name}: ${check}`;

    record(
      label(`the app rendered ("${app.title}" in its heading)`),
      seen.heading.includes(app.title),
      `h1 is ${JSON.stringify(seen.heading)}`,
    );
    const missingValues = SEED.metaValues.filter((value) => !seen.metaBox.values.includes(value));
    record(
      label('meta box shows the seed (topic, code language, difficulty, view count, reference)'),
      seen.metaBox.visible && missingValues.length === 0,
      `visible: ${seen.metaBox.visible}; missing: ${JSON.stringify(missingValues)}; values: ${JSON.stringify(seen.metaBox.values.slice(0, 8))}`,
    );
    record(
      label('score bars show the four seed scores as meters'),
      seen.scoreBars.visible && JSON.stringify(seen.scoreBars.meters) === JSON.stringify(SEED.scores),
      `visible: ${seen.scoreBars.visible}; meters: ${JSON.stringify(seen.scoreBars.meters)}`,
    );
    const missingItems = SEED.checklist.filter((item) => !seen.checklist.items.includes(item));
    record(
      label('checklist shows the five seed items as checkboxes'),
      seen.checklist.visible && seen.checklist.checkboxes === SEED.checklist.length && missingItems.length === 0,
      `visible: ${seen.checklist.visible}; checkboxes: ${seen.checklist.checkboxes}; missing: ${JSON.stringify(missingItems)}`,
    );
    record(
      label('similar posts shows its empty state (the seed has none)'),
      seen.similarPosts.visible && seen.similarPosts.empty,
      `visible: ${seen.similarPosts.visible}; empty state visible: ${seen.similarPosts.empty}; text: ${JSON.stringify(seen.similarPosts.text)}`,
    );
    record(
      label('anp-error of the bad input handled in framework code (#error-log)'),
      /^anp-error: 1 error\(s\) at "": (article|attribute): invalid JSON/.test(seen.errorLog ?? ''),
      `#error-log: ${JSON.stringify(seen.errorLog)}`,
    );

    // A reader ticks the first item; the app's anp-checklist-change handler updates #checklist-log.
    await page.evaluate(() => {
      const checklist = document.querySelector('anp-article anp-checklist');
      checklist?.shadowRoot?.querySelector('input[type="checkbox"]')?.click();
    });
    const progress = await page
      .waitForFunction(() => document.querySelector('#checklist-log')?.textContent?.trim() === '1 of 5 done', { timeout: 5_000 })
      .then(() => '1 of 5 done')
      .catch(() => page.evaluate(() => document.querySelector('#checklist-log')?.textContent?.trim() ?? null));
    record(
      label('anp-checklist-change handled in framework code (#checklist-log)'),
      progress === '1 of 5 done',
      `#checklist-log: ${JSON.stringify(progress)}`,
    );

    record(label('no console errors, page errors or failed requests'), problems.length === 0, problems.slice(0, 10).join('\n'));
  } catch (error) {
    record(`${app.name}: page checks ran`, false, String(error?.stack ?? error));
  } finally {
    await page.close();
  }
}

async function main() {
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => ![...APPS, TYPINGS].some((app) => app.name === name));
  if (unknown.length) {
    console.error(`examples: unknown example(s) ${unknown.join(', ')}; use ${[...APPS, TYPINGS].map((app) => app.name).join(', ')}`);
    return 2;
  }
  const selected = (app) => only.length === 0 || only.includes(app.name);
  if (!existsSync(join(root, 'dist', 'define.js'))) {
    record('the library is built', false, 'dist/define.js is missing: run `npm run build` first');
    return 1;
  }

  const started = Date.now();
  const projects = PROJECTS.filter((project) => [...APPS, TYPINGS].some((app) => selected(app) && app.project === project));
  for (const project of projects) {
    if (!(await installIfStale(project))) return 1;
    installBuildInto(join(project, 'node_modules'));
  }

  const built = [];
  for (const app of [...APPS, TYPINGS].filter(selected)) {
    const buildStarted = Date.now();
    if (app.out) rmSync(join(examplesDir, app.out), { recursive: true, force: true });
    const { code, output } = await run('npm', ['run', '--silent', app.script], { cwd: app.project, env: { NG_CLI_ANALYTICS: 'false' } });
    const what = app.out ? 'type-checks and builds' : 'type-check';
    record(
      `${app.name}: ${what} (npm run ${app.script}, ${seconds(buildStarted)})`,
      code === 0,
      output.trim().split('\n').slice(-25).join('\n'),
    );
    if (code === 0 && app.out) built.push(app);
  }
  console.log(`examples: installed and built in ${seconds(started)}`);

  if (built.length) {
    const browser = await launchChromium();
    try {
      for (const app of built) {
        const { close, origin } = await serveStatic({ dir: join(examplesDir, app.out) });
        try {
          await checkInBrowser(browser, app, origin);
        } finally {
          await close();
        }
      }
    } finally {
      await browser.close();
    }
  }
  console.log(`examples: done in ${seconds(started)}`);
  return 0;
}

let status;
try {
  status = await main();
} catch (error) {
  report.crashed(error);
  status = 1;
}
process.exit(report.finish() || status);
