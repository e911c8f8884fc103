#!/usr/bin/env node
// The WordPress suite (issue 10): the plugin from dist/anp-components-wordpress.zip
// in a real WordPress from Debian's packages, in a classic and a block theme,
// checked in Chromium. Run as root after `npm run build`:
//
//   node scripts/wordpress-check.mjs          # set up, check, stop the servers it started
//   node scripts/wordpress-check.mjs --keep   # leave MariaDB and Apache running afterwards
//
// scripts/wordpress-setup.sh starts MariaDB and an Apache of its own on
// 127.0.0.1:8089 (ANP_WP_PORT), installs WordPress into a fresh database,
// installs and activates the plugin from the zip, and creates the posts
// (scripts/wordpress-site.php). Per theme and post, at 1280x800 and 390x844,
// with the request for anp-components.iife.js held back 1 s
// (ANP_WP_DELAY ms), it checks: the elements sit inside the theme's content
// column; every seed value is visible; no console errors, no dialogs, no
// javascript:/data: URL under any element; CLS 0; the script once, deferred,
// and only on pages that print the elements; the empty article prints nothing
// (append) or empty states (shortcode), without anp-error; the JSON in the
// page is the stored article, objects kept as objects.
//
// The PHP-array posts must fire no anp-error (`[]` is read as `{}`), the
// empty shortcode post must show every element's empty state, and no post
// may be wider than the viewport, whatever its data. The hostile post's
// anp-errors are expected and listed, not asserted.
//
// Prints `ok ...` / `not ok ...` lines and `wordpress: N passed, N failed`
// (and test-results/wordpress.json); screenshots go to test-results/wordpress/.
//
// Functions passed to page.evaluate run in the page, with the browser's globals:
/* global window, document, customElements, requestAnimationFrame, getComputedStyle, location */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { launchChromium } from './kit/chromium.mjs';
import { createReport } from './kit/report.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KEEP = process.argv.includes('--keep');
const DELAY = Number(process.env.ANP_WP_DELAY ?? 1000);
const OUT_DIR = join(root, 'test-results/wordpress');
const SCRIPT_FILE = 'anp-components.iife.js';
const TAGS = ['anp-article', 'anp-meta-box', 'anp-score-bars', 'anp-checklist', 'anp-similar-posts'];
// The plugin in each theme, then docs/wordpress.md's theme-only recipe (plugin
// deactivated) in a child theme of each, on the posts it serves.
const RECIPE_POSTS = ['seed-string', 'seed-array', 'with-posts', 'empty-objects', 'empty-article', 'hostile', 'no-article'];
const THEMES = [
  { slug: 'twentytwentyone', kind: 'classic', column: '.entry-content' },
  { slug: 'twentytwentythree', kind: 'block', column: '.wp-block-post-content' },
  { slug: 'anp-recipe-twentytwentyone', parent: 'twentytwentyone', kind: 'classic', column: '.entry-content', posts: RECIPE_POSTS },
  {
    slug: 'anp-recipe-twentytwentythree',
    parent: 'twentytwentythree',
    kind: 'block',
    column: '.wp-block-post-content',
    posts: RECIPE_POSTS,
  },
];
const VIEWPORTS = [
  { name: '1280', width: 1280, height: 800 },
  { name: '390', width: 390, height: 844 },
];

const WHOLE_PAGE = [
  { name: 'whole-1280', width: 1280, height: 7000 },
  { name: 'whole-390', width: 390, height: 9000 },
];

const fixture = (name) => JSON.parse(readFileSync(join(root, 'test/fixtures', name), 'utf8'));
const seed = fixture('seed-article.json');
const withPosts = fixture('article-with-posts.json');
const hostile = fixture('wordpress-hostile.json');

/** Every value of the seed a reader must see (the title is the post's own). */
function seedValues(article) {
  const m = article.meta;
  return [
    m.topic,
    m.ai_outline.problem,
    m.ai_outline.recommended_action,
    ...m.stack,
    ...m.tools,
    m.code_language,
    m.difficulty,
    m.reference,
    m.hash,
    m.revision.version,
    ...m.checklist,
    ...Object.values(m.score).map(String),
    ...m.entities.map((e) => e.name),
    m.payload.generator,
    ...m.notes,
  ];
}

// What each post should show. elements: the anp elements are printed;
// values: text that must be visible; json: what the JSON in the page must equal;
// anpErrors: false = none allowed, 'report' = listed, not asserted (library change pending).
const EXPECT = {
  'seed-string': { elements: true, values: seedValues(seed), json: seed, anpErrors: false },
  'seed-array': { elements: true, values: seedValues(seed), anpErrors: false, objects: true },
  'empty-objects': {
    elements: true,
    values: ['objects kept as objects', '42', 'the one item'],
    anpErrors: false,
  },
  'with-posts': {
    elements: true,
    values: [withPosts.meta.topic, ...withPosts.meta.checklist, ...withPosts.similar_posts.map((p) => p.title)],
    json: withPosts,
    anpErrors: false,
  },
  'empty-article': { elements: false, anpErrors: false },
  hostile: { elements: true, json: hostile, anpErrors: 'report', values: ['fine'], overflow: false },
  shortcode: { elements: true, values: seedValues(seed), json: seed, anpErrors: false, after: 'A paragraph after the shortcode.' },
  block: { elements: true, values: seedValues(seed), json: seed, anpErrors: false, after: 'A paragraph after the block.' },
  'shortcode-empty': { elements: true, empty: true, json: {}, anpErrors: false },
  'no-article': { elements: false, anpErrors: false },
};

// One line a check, detail in brackets (.ci/run shows the `not ok` lines).
const report = createReport('wordpress', { line: (ok, name, detail) => `${ok ? 'ok' : 'not ok'} ${name}${detail ? ` (${detail})` : ''}` });
const check = report.check;

function setup(...args) {
  const result = spawnSync('bash', [join(root, 'scripts/wordpress-setup.sh'), ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    throw new Error(`wordpress-setup.sh ${args.join(' ')} exited ${result.status}`);
  }
  return result.stdout;
}

/** Loads a page with the script held back; returns what the page shows. */
async function visit(browser, url, viewport, column) {
  const page = await browser.newPage();
  await page.setViewport({ width: viewport.width, height: viewport.height });
  const consoleErrors = [];
  const dialogs = [];
  const external = [];
  let scriptRequests = 0;
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) consoleErrors.push(`HTTP ${response.status()} ${response.url()}`);
  });
  page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  await page.setRequestInterception(true);
  page.on('request', async (request) => {
    const target = new URL(request.url());
    if (target.protocol === 'data:') return request.continue();
    if (target.hostname !== '127.0.0.1') {
      // A closed network: nothing leaves the machine.
      external.push(request.url());
      return request.abort();
    }
    if (target.pathname.endsWith(`/${SCRIPT_FILE}`)) {
      scriptRequests++;
      await new Promise((done) => setTimeout(done, DELAY));
    }
    return request.continue();
  });
  await page.evaluateOnNewDocument(() => {
    window.__shifts = [];
    window.__shiftSources = [];
    window.__anpErrors = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.__shifts.push(entry.value);
        // What moved, so a failure says whose shift it was (the library's elements, or the theme's own).
        const name = (node) =>
          node?.nodeType === 1
            ? node.localName +
              (node.id ? '#' + node.id : '') +
              (node.className && typeof node.className === 'string' ? '.' + node.className.trim().split(/\s+/).join('.') : '')
            : String(node?.nodeName);
        window.__shiftSources.push(
          `${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${(entry.sources ?? []).map((source) => name(source.node)).join(', ')}`,
        );
      }
    }).observe({ type: 'layout-shift', buffered: true });
    window.addEventListener('anp-error', (event) => {
      const errors = event.detail?.errors ?? [];
      for (const error of errors) window.__anpErrors.push(`${event.target.localName} ${error.path}: ${error.message}`);
    });
  });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  const hasElements = await page.evaluate((tags) => document.querySelector(tags.join(',')) !== null, TAGS);
  if (hasElements) {
    await page.evaluate(async (tags) => {
      await Promise.all(tags.map((tag) => customElements.whenDefined(tag)));
      for (const element of document.querySelectorAll(tags.join(','))) await element.updateComplete;
    }, TAGS);
  }
  await page.evaluate(async () => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    await new Promise((done) => setTimeout(done, 300));
  });
  const elapsed = Date.now() - started;
  const state = await page.evaluate(
    (tags, column, scriptFile) => {
      const anp = [...document.querySelectorAll(tags.join(','))];
      const scripts = [...document.querySelectorAll('script[src]')].filter((s) => new URL(s.src).pathname.endsWith(`/${scriptFile}`));
      // Visible text of every element's shadow root (innerText skips what is hidden).
      const text = anp
        .filter((el) => el.shadowRoot)
        .map((el) => [...el.shadowRoot.children].map((child) => child.innerText ?? '').join('\n'))
        .join('\n');
      // Every URL-carrying attribute under the elements, shadow roots included.
      const unsafe = [];
      const walk = (node) => {
        for (const el of node.querySelectorAll('*')) {
          for (const attr of ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc']) {
            const value = el.getAttribute(attr);
            if (value === null) continue;
            let scheme = '';
            try {
              scheme = new URL(value, location.href).protocol;
            } catch {
              scheme = 'unparsable:';
            }
            if (attr === 'srcdoc' || /^(javascript|data|vbscript):$/i.test(scheme)) unsafe.push(`<${el.localName} ${attr}="${value}">`);
          }
          for (const { name } of el.attributes) if (/^on/i.test(name)) unsafe.push(`<${el.localName} ${name}>`);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      for (const article of document.querySelectorAll('anp-article')) walk(article);
      const articles = [...document.querySelectorAll('anp-article')].map((article) => {
        const box = article.getBoundingClientRect();
        const container = article.closest(column);
        const outer = container?.getBoundingClientRect();
        const jsonScripts = [...article.querySelectorAll('script')];
        let json;
        try {
          json = JSON.parse(jsonScripts[0]?.textContent ?? 'null');
        } catch {
          json = 'unparsable';
        }
        return {
          box: { left: box.left, right: box.right, width: box.width, height: box.height },
          column: outer ? { left: outer.left, right: outer.right, width: outer.width } : null,
          scripts: jsonScripts.map((s) => s.type),
          json,
        };
      });
      // After definition: no reserved height left, and no more than 8 px the element does not use.
      const space = anp
        .filter((el) => el.localName !== 'anp-article' && el.shadowRoot)
        .map((el) => {
          const style = getComputedStyle(el);
          const host = el.getBoundingClientRect();
          const bottoms = [...el.shadowRoot.children]
            .filter((child) => getComputedStyle(child).display !== 'none')
            // A child's bottom margin is used space: the card's margin is the gap (--anp-gap) before the next element.
            .map((child) => child.getBoundingClientRect().bottom + parseFloat(getComputedStyle(child).marginBlockEnd));
          const contentBottom = bottoms.length ? Math.max(...bottoms) : host.top;
          const unused = host.bottom - parseFloat(style.paddingBottom) - parseFloat(style.borderBottomWidth) - contentBottom;
          return {
            tag: el.localName,
            minBlockSize: style.minBlockSize,
            unused: Math.round(unused),
            height: Math.round(host.height),
            defined: el.matches(':defined'),
          };
        });
      const empties = anp
        .filter((el) => el.localName !== 'anp-article')
        .map((el) => ({ tag: el.localName, empty: !!el.shadowRoot?.querySelector('[part~="empty"]') }));
      return {
        count: anp.length,
        scripts: scripts.map((s) => ({ defer: s.defer, async: s.async, inHead: document.head.contains(s) })),
        text,
        unsafe,
        articles,
        space,
        empties,
        pageWidth: document.documentElement.scrollWidth,
        shifts: window.__shifts,
        shiftSources: window.__shiftSources,
        anpErrors: window.__anpErrors,
        order: (() => {
          const article = document.querySelector('anp-article');
          const col = document.querySelector(column);
          if (!article || !col) return null;
          const paragraphs = [...col.querySelectorAll('p')].filter((p) => !article.contains(p));
          const last = paragraphs[paragraphs.length - 1];
          return last ? !!(article.compareDocumentPosition(last) & 4) : false; // 4: following
        })(),
      };
    },
    TAGS,
    column,
    SCRIPT_FILE,
  );
  return { page, state: { ...state, consoleErrors, dialogs, external, scriptRequests, elapsed } };
}

const norm = (s) => String(s).toLowerCase().replace(/\s+/g, ' ').trim();

function checkPost(label, slug, state, expect, viewport, theme) {
  const cls = state.shifts.reduce((sum, v) => sum + v, 0);
  check(state.consoleErrors.length === 0, `${label}: no console errors`, state.consoleErrors.slice(0, 3).join(' | '));
  check(state.dialogs.length === 0, `${label}: no dialogs`, state.dialogs.join(' | '));
  check(state.external.length === 0, `${label}: no request leaves 127.0.0.1`, state.external.slice(0, 3).join(' '));
  // The recipe reserves no space itself (docs/wordpress.md points to the theming guide's rule): reported only.
  if (theme.parent && cls > 0) console.log(`# ${label}: CLS ${cls.toFixed(4)} without a reservation (reported, not asserted)`);
  else
    check(
      cls === 0,
      `${label}: CLS 0 with the script held back ${DELAY} ms`,
      `CLS ${cls.toFixed(4)}, ${state.shifts.length} shifts: ${state.shiftSources.join(' | ')}`,
    );
  if (expect.overflow === 'report' && state.pageWidth > viewport.width)
    console.log(`# ${label}: page ${state.pageWidth} px wide (reported, not asserted)`);
  else check(state.pageWidth <= viewport.width, `${label}: no horizontal overflow`, `scrollWidth ${state.pageWidth}`);
  if (!expect.elements) {
    check(state.count === 0, `${label}: prints no elements`, `${state.count} elements`);
    check(
      state.scripts.length === 0 && state.scriptRequests === 0,
      `${label}: script not loaded`,
      `${state.scripts.length} tags, ${state.scriptRequests} requests`,
    );
    check(state.anpErrors.length === 0, `${label}: no anp-error`, state.anpErrors.join(' | '));
    return;
  }
  check(state.articles.length === 1, `${label}: one <anp-article>`, `${state.articles.length}`);
  const [article] = state.articles;
  if (!article) return;
  check(
    state.scripts.length === 1 && state.scripts[0].defer && !state.scripts[0].async && state.scriptRequests === 1,
    `${label}: script once, deferred`,
    JSON.stringify(state.scripts) + `, ${state.scriptRequests} requests`,
  );
  check(state.elapsed >= DELAY, `${label}: the script was held back`, `${state.elapsed} ms`);
  const inside =
    article.column &&
    article.box.left >= article.column.left - 0.5 &&
    article.box.right <= article.column.right + 0.5 &&
    article.box.width <= article.column.width + 0.5 &&
    article.box.height > 0;
  check(!!inside, `${label}: inside the content column`, JSON.stringify(article));
  if (expect.after && viewport.name === '1280')
    check(state.order === true, `${label}: placed where the post puts it (before the paragraph that follows)`);
  if (!expect.after && viewport.name === '1280') check(state.order === false, `${label}: appended after the post content`);
  check(
    article.scripts.length === 1 && article.scripts[0] === 'application/json',
    `${label}: one JSON script child, no other script`,
    article.scripts.join(','),
  );
  if (expect.json !== undefined)
    check(isDeepStrictEqual(article.json, expect.json), `${label}: the JSON in the page is the stored article ({} kept as {})`);
  if (expect.objects) {
    const meta = article.json?.meta ?? {};
    const objects = ['score', 'revision', 'flags', 'payload', 'ai_outline'].every(
      (k) => meta[k] && typeof meta[k] === 'object' && !Array.isArray(meta[k]),
    );
    check(objects && Array.isArray(meta.stack), `${label}: string-keyed PHP arrays printed as objects, lists as lists`);
  }
  if (expect.values) {
    const text = norm(state.text);
    const missing = expect.values.filter((v) => !text.includes(norm(v)));
    check(missing.length === 0, `${label}: every seed value visible (${expect.values.length})`, `missing: ${missing.join(' | ')}`);
  }
  if (expect.empty) {
    const notEmpty = state.empties.filter((e) => !e.empty).map((e) => e.tag);
    if (expect.empty === 'report') {
      // Nothing broken meanwhile: an element without an empty state shows nothing at all.
      const showing = state.space.filter((s) => notEmpty.includes(s.tag) && s.height > 8).map((s) => `${s.tag} ${s.height} px`);
      check(showing.length === 0, `${label}: every element shows its empty state or nothing`, showing.join(', '));
      if (notEmpty.length) console.log(`# ${label}: no part="empty" in ${notEmpty.join(', ')} (reported, not asserted)`);
    } else check(notEmpty.length === 0, `${label}: every element shows its empty state`, notEmpty.join(','));
  }
  check(state.unsafe.length === 0, `${label}: no unsafe URL or handler under the elements`, state.unsafe.slice(0, 3).join(' '));
  const reserved = state.space.filter((s) => !s.defined || !['0px', 'auto'].includes(s.minBlockSize));
  check(reserved.length === 0, `${label}: no reservation left after definition`, JSON.stringify(reserved));
  const roomy = state.space.filter((s) => s.unused > 8);
  check(roomy.length === 0, `${label}: no element sits in more than 8 px it does not use`, JSON.stringify(roomy));
  if (expect.anpErrors === false) check(state.anpErrors.length === 0, `${label}: no anp-error`, state.anpErrors.slice(0, 5).join(' | '));
  else if (state.anpErrors.length)
    console.log(`# ${label}: anp-error (reported, not asserted): ${state.anpErrors.slice(0, 8).join(' | ')}`);
}

if (!existsSync(join(root, 'dist/anp-components-wordpress.zip'))) {
  console.error('dist/anp-components-wordpress.zip missing: run npm run build first');
  process.exit(1);
}
mkdirSync(OUT_DIR, { recursive: true });
const started = Date.now();
let browser;
try {
  const site = JSON.parse(setup('start'));
  console.log(`# WordPress ${site.wordpress} at ${site.front}`);
  browser = await launchChromium();
  for (const theme of THEMES) {
    const switched = JSON.parse(theme.parent ? setup('recipe', theme.parent) : setup('theme', theme.slug));
    check(
      switched.theme === theme.slug && switched.blockTheme === (theme.kind === 'block'),
      `${theme.slug}: active, a ${theme.kind} theme`,
    );
    for (const [slug, post] of Object.entries(site.posts)) {
      if (theme.posts && !theme.posts.includes(slug)) continue;
      for (const viewport of VIEWPORTS) {
        const label = `${theme.slug} ${slug} ${viewport.name}px`;
        const { page, state } = await visit(browser, post.url, viewport, theme.column);
        checkPost(label, slug, state, EXPECT[slug], viewport, theme);
        await page.screenshot({ path: join(OUT_DIR, `${theme.slug}-${slug}-${viewport.name}.png`), fullPage: true });
        await page.close();
      }
    }
    // Informational: with the whole page in view (a short post, a tall window),
    // the server's row estimate decides; its error shows here as CLS.
    for (const slug of theme.parent ? [] : ['seed-string', 'with-posts']) {
      for (const viewport of WHOLE_PAGE) {
        const { page, state } = await visit(browser, site.posts[slug].url, viewport, theme.column);
        const cls = state.shifts.reduce((sum, v) => sum + v, 0);
        console.log(
          `# ${theme.slug} ${slug} whole page ${viewport.width}x${viewport.height}: CLS ${cls.toFixed(4)} (reported, not asserted)`,
        );
        await page.close();
      }
    }
    // The front page lists posts (a shortcode post among them): the script is there only if elements are.
    const { page, state } = await visit(browser, site.front, VIEWPORTS[0], theme.column);
    check(
      (state.count > 0 && state.scripts.length === 1 && state.scripts[0].defer) || (state.count === 0 && state.scripts.length === 0),
      `${theme.slug} front page: script only with elements, at most once`,
      `${state.count} elements, ${state.scripts.length} script tags`,
    );
    check(
      state.consoleErrors.length === 0 && state.dialogs.length === 0,
      `${theme.slug} front page: no console errors, no dialogs`,
      state.consoleErrors.join(' | '),
    );
    await page.screenshot({ path: join(OUT_DIR, `${theme.slug}-front-1280.png`) });
    await page.close();
  }
  // Plugins > Delete: uninstall.php removes the option, and only that.
  const uninstall = JSON.parse(setup('uninstall'));
  check(
    uninstall.optionBefore === '1' && uninstall.optionAfter === 'absent' && uninstall.postsWithMeta === Object.values(EXPECT).length - 1,
    "uninstall.php deletes anp_components_append and keeps the posts' anp_article meta",
    JSON.stringify(uninstall),
  );
  // PHP notices or warnings from the plugin, in WordPress's debug log.
  const log = readFileSync(process.env.ANP_WP_STATE ? join(process.env.ANP_WP_STATE, 'debug.log') : '/tmp/anp-wordpress/debug.log', 'utf8');
  const ours = log.split('\n').filter((line) => line.includes('anp-components'));
  check(ours.length === 0, 'no PHP notice, warning or error from the plugin in debug.log', ours.slice(0, 3).join(' | '));
} catch (error) {
  check(false, 'wordpress suite ran', error.message);
} finally {
  await browser?.close();
  if (!KEEP) {
    try {
      setup('stop');
    } catch (error) {
      console.log(`# stopping the servers: ${error.message}`);
    }
  }
}
console.log(`# ${Math.round((Date.now() - started) / 1000)} s; screenshots in ${OUT_DIR.slice(root.length + 1)}/`);
process.exit(report.finish());
