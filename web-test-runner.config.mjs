// @web/test-runner configuration.
//
// Normally run through `npm test` (scripts/test.mjs), which starts
// WebKitWebDriver, wraps everything in `xvfb-run -a` when there is no DISPLAY,
// and prints the final `tests: N passed, N failed` line.
//
// Environment:
//   ANP_BROWSERS        comma list of chromium,firefox,webkit (default: all three)
//   ANP_WEBKIT_PORT     port of an already running WebKitWebDriver (set by the wrapper)
//   ANP_RESULTS_FILE    where the counting reporter writes its JSON summary
//   ANP_MOCHA_TIMEOUT   per-test mocha timeout in ms (default 20000)
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { selectedBrowsers } from './scripts/kit/browsers.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/kit/chromium.mjs';
import { clobberGuardServerPlugin } from './scripts/clobber-guard.mjs';
import { ssrPagesMiddleware } from './scripts/ssr-pages.mjs';

const rootDir = dirname(fileURLToPath(import.meta.url));
const tsconfig = resolve(rootDir, 'tsconfig.json');

/** Overrides the label a launcher reports (WebKit has none without browserName). */
function named(launcher, name) {
  const initialize = launcher.initialize.bind(launcher);
  launcher.initialize = async (...args) => {
    await initialize(...args);
    launcher.name = name;
  };
  launcher.name = name;
  return launcher;
}

// ---------------------------------------------------------------------------
// Keyboard parity shims for @web/test-runner-commands `sendKeys`:
//  - `press: 'Shift+Tab'` (any `Mod+Key` chord) works in all three browsers
//    (puppeteer's keyboard.press only knows single keys; the webdriver path
//    would type the letters "S","h","i",...).
//  - `press: 'Space'` works in Firefox too (its BiDi keyboard only knows ' ').
//  - `type: 'hello'` keeps repeated letters in WebKit (webdriverio's keys()
//    presses all keys down before releasing any, so "ll" became "l").
// `down`/`up` payloads still throw in WebKit ("Only press and type are
// supported by webdriver"): use a `press` chord instead.
function splitChord(key) {
  if (typeof key !== 'string' || key.length < 3 || !key.includes('+')) return null;
  const parts = key.split('+');
  return parts.every(Boolean) ? parts : null;
}

function withPuppeteerKeyboardShims(launcher) {
  const getPage = launcher.getPage.bind(launcher);
  const patched = new WeakSet();
  launcher.getPage = (id) => {
    const page = getPage(id);
    const kb = page?.keyboard;
    if (kb && !patched.has(kb)) {
      patched.add(kb);
      const press = kb.press.bind(kb);
      kb.press = async (key, options) => {
        const chord = splitChord(key);
        if (!chord) return press(key === 'Space' ? ' ' : key, options);
        const mods = chord.slice(0, -1);
        for (const m of mods) await kb.down(m);
        try {
          await press(chord[chord.length - 1], options);
        } finally {
          for (const m of mods.reverse()) await kb.up(m);
        }
      };
    }
    return page;
  };
  return launcher;
}

function withWebdriverKeyboardShims(launcher) {
  const sendKeys = launcher.sendKeys.bind(launcher);
  launcher.sendKeys = async (id, keys) => {
    const chord = keys.length === 1 ? splitChord(keys[0]) : null;
    if (chord) return sendKeys(id, chord); // all down, then all up
    for (const k of keys) await sendKeys(id, [k]);
  };
  return launcher;
}

function makeLauncher(browser) {
  switch (browser) {
    case 'chromium':
      return named(
        withPuppeteerKeyboardShims(
          chromeLauncher({
            launchOptions: {
              executablePath: CHROMIUM_PATH,
              headless: true,
              args: [...CHROMIUM_ARGS, '--disable-dev-shm-usage'],
            },
          }),
        ),
        'Chromium',
      );
    case 'firefox':
      return named(
        withPuppeteerKeyboardShims(
          puppeteerLauncher({
            launchOptions: {
              browser: 'firefox',
              executablePath: process.env.ANP_FIREFOX_PATH || '/usr/bin/firefox-esr',
              headless: true,
              extraPrefsFirefox: {
                'app.update.enabled': false,
                'browser.shell.checkDefaultBrowser': false,
                'datareporting.policy.dataSubmissionEnabled': false,
                'toolkit.telemetry.enabled': false,
              },
            },
          }),
        ),
        'Firefox',
      );
    case 'webkit': {
      const port = Number(process.env.ANP_WEBKIT_PORT);
      if (!port) {
        throw new Error(
          'WebKit needs a running WebKitWebDriver: run through `npm test` (scripts/test.mjs), ' +
            'or set ANP_WEBKIT_PORT, or pick other browsers with ANP_BROWSERS=chromium,firefox',
        );
      }
      return named(
        withWebdriverKeyboardShims(
          webdriverLauncher({
            hostname: '127.0.0.1',
            port,
            path: '/',
            logLevel: 'error',
            connectionRetryTimeout: 120000,
            connectionRetryCount: 3,
            // No browserName: WebKitWebDriver refuses the capabilities with it.
            capabilities: {
              'webkitgtk:browserOptions': {
                binary: process.env.ANP_MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
                args: ['--automation'],
              },
            },
          }),
        ),
        'WebKit',
      );
    }
    default:
      throw new Error(`unknown browser ${browser}`);
  }
}

/** Walks a mocha suite tree and counts its tests. */
function countSuite(suite, acc, label, path = []) {
  if (!suite) return acc;
  const here = suite.name ? [...path, suite.name] : path;
  for (const t of suite.tests ?? []) {
    if (t.skipped) acc.skipped += 1;
    else if (t.passed) acc.passed += 1;
    else {
      acc.failed += 1;
      acc.failures.push(`${label}: ${[...here, t.name].join(' > ')}`);
    }
  }
  for (const s of suite.suites ?? []) countSuite(s, acc, label, here);
  return acc;
}

/**
 * Counts test cases per browser and writes them to ANP_RESULTS_FILE.
 * A test file that fails without any failing test case (import error,
 * timeout, browser crash, uncaught error outside a test) counts as 1 failure,
 * so the totals never claim "0 failed" for a red run.
 */
function countingReporter() {
  const file = resolve(rootDir, process.env.ANP_RESULTS_FILE || 'test-results/wtr-summary.json');
  let browserNames = [];
  let testFiles = [];
  return {
    start(args) {
      browserNames = args.browserNames;
      testFiles = args.testFiles;
    },
    onTestRunFinished({ sessions, testRun }) {
      const perBrowser = {};
      for (const name of browserNames) {
        perBrowser[name] = { passed: 0, failed: 0, skipped: 0, files: 0, fileErrors: 0, failures: [] };
      }
      for (const session of sessions) {
        const name = session.browser.name;
        const acc = (perBrowser[name] ??= {
          passed: 0,
          failed: 0,
          skipped: 0,
          files: 0,
          fileErrors: 0,
          failures: [],
        });
        acc.files += 1;
        const before = acc.failed;
        const label = session.testFile.replace(rootDir + '/', '');
        countSuite(session.testResults, acc, label);
        const sessionFailed = session.passed === false || (session.errors?.length ?? 0) > 0;
        if (sessionFailed && acc.failed === before) {
          acc.failed += 1;
          acc.fileErrors += 1;
          const msg = session.errors?.[0]?.message ?? 'session failed';
          acc.failures.push(`${label}: [whole file] ${msg.split('\n')[0]}`);
        }
      }
      const totals = Object.values(perBrowser).reduce(
        (t, b) => ({ passed: t.passed + b.passed, failed: t.failed + b.failed, skipped: t.skipped + b.skipped }),
        { passed: 0, failed: 0, skipped: 0 },
      );
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ testRun, testFiles: testFiles.length, browsers: perBrowser, totals }, null, 2));
    },
  };
}

const browsers = selectedBrowsers();

/**
 * The strict host page of test/csp.test.ts: pages under /test/csp/ are served
 * with the Content-Security-Policy that SECURITY.md asks of a strict host.
 */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types anp lit-html";

function strictCspMiddleware(context, next) {
  return next().then(() => {
    if (context.path.startsWith('/test/csp/') && context.path.endsWith('.html')) {
      context.set('Content-Security-Policy', STRICT_CSP);
    }
  });
}

/**
 * The esbuild plugin compiles sources for the tests; files under /dist/ are
 * served byte for byte as the build wrote them (the classic script checks its
 * sanitizer file against an integrity hash, and tests test what ships).
 */
function builtFilesAsShipped(plugin) {
  const transform = plugin.transform.bind(plugin);
  plugin.transform = (context) => (context.path.startsWith('/dist/') ? undefined : transform(context));
  return plugin;
}

export default {
  rootDir,
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // /ssr-pages/…: server-rendered pages for test/ssr.test.ts, made in Node on request (scripts/ssr-pages.mjs).
  middleware: [strictCspMiddleware, ssrPagesMiddleware],
  // 2-core machine: one test file at a time per browser. (With concurrency 1
  // the WebDriver launcher also runs each file as the top-level page instead
  // of in iframes, which keeps focus/keyboard behaviour realistic.)
  concurrency: 1,
  concurrentBrowsers: 3,
  browserStartTimeout: 180000,
  testsStartTimeout: 180000,
  testsFinishTimeout: 300000,
  // Lit's one-line dev-mode notice appears in every file/browser; hide only that.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  staticLogging: !process.stdout.isTTY || !!process.env.CI,
  testFramework: {
    config: {
      ui: 'bdd',
      timeout: Number(process.env.ANP_MOCHA_TIMEOUT) || 20000,
    },
  },
  plugins: [
    builtFilesAsShipped(
      esbuildPlugin({
        ts: true,
        target: 'es2022',
        ...(existsSync(tsconfig) ? { tsconfig } : {}),
      }),
    ),
    // Lit and DOMPurify as the builds bundle them (vite.config.ts): calling the DOM through src/core/dom.ts.
    clobberGuardServerPlugin(),
  ],
  browsers: browsers.map(makeLauncher),
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: true }), countingReporter()],
};
