#!/usr/bin/env node
// Test wrapper around @web/test-runner (see web-test-runner.config.mjs).
//
//   npm test                                   all browsers (chromium, firefox, webkit)
//   ANP_BROWSERS=chromium npm test             only some browsers (comma list)
//   npm test -- --files test/foo.test.ts       extra args go to wtr
//   ANP_EXAMPLES=0 npm test                    skip the example apps (scripts/examples.mjs)
//   ANP_SNIPPETS=0 npm test                    skip the docs check (scripts/docs-snippets.mjs)
//   ANP_NODE=0 npm test                        skip the Node tests (scripts/node-tests.mjs: the CLI, schema, SSR)
//
// It starts /usr/bin/WebKitWebDriver on a free port (when webkit is selected),
// re-runs itself under `xvfb-run -a` when there is no DISPLAY, stops the driver
// afterwards, and its last line is always `tests: N passed, N failed`
// (test cases summed over all browsers and the counted scripts). The counts
// come from JSON files, never from printed lines: wtr's counting reporter
// (ANP_RESULTS_FILE) and test-results/<suite>.json of each counted script
// (scripts/kit/report.mjs). Exit status is non-zero when any test/file failed,
// a browser failed to launch, a counted script wrote no result, or the runner
// itself failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectedBrowsers } from './kit/browsers.mjs';
import { clearResult, readResult } from './kit/report.mjs';
import { WEBKIT_DRIVER, killGroup, rerunUnderXvfb, startWebKitDriver } from './kit/webkit.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const resultsDir = resolve(root, 'test-results');

const argv = process.argv.slice(2);

function summaryLine(passed, failed) {
  return `tests: ${passed} passed, ${failed} failed`;
}

function browsersFromEnv() {
  try {
    return selectedBrowsers();
  } catch (error) {
    console.error(error.message);
    console.log(summaryLine(0, 1));
    process.exit(2);
  }
}

const browsers = browsersFromEnv();
const needsWebkit = browsers.includes('webkit');

// --- no display: re-run this script inside xvfb-run -a --------------------
if (!(needsWebkit && rerunUnderXvfb(fileURLToPath(import.meta.url), argv, () => console.log(summaryLine(0, 1))))) {
  try {
    await main();
  } catch (err) {
    console.error(err);
    console.log(summaryLine(0, 1));
    process.exit(1);
  }
}

// The Node tests (scripts/node-tests.mjs: test/node/*.test.mjs, the CLI, the
// schema and server rendering, run by node:test against dist/), the example apps (scripts/examples.mjs: built with each framework's tooling and
// checked in Chromium) and the docs check (scripts/docs-snippets.mjs: every code
// block of README.md and docs/*.md, type-checked, compiled or parsed by its
// language; it runs after the example apps, whose node_modules hold the
// framework checkers). Their checks count into the summary line. They run on a
// full run only: a focused run (extra wtr args) skips them unless
// ANP_EXAMPLES=1 / ANP_SNIPPETS=1, and =0 always skips them.
async function runCounted(suite, script, switchName) {
  const wanted = process.env[switchName] ?? (argv.length ? '0' : '1');
  if (wanted === '0') {
    console.log(`  ${suite}: skipped (${switchName}=0 or a focused run)`);
    return { passed: 0, failed: 0, problems: [] };
  }
  console.log('');
  clearResult(suite);
  const child = spawn(process.execPath, [resolve(root, script)], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise((res) => {
    child.on('error', () => res(1));
    child.on('close', (exitCode) => res(exitCode ?? 1));
  });
  // The suite's own JSON result (scripts/kit/report.mjs), not its printed lines.
  const counted = readResult(suite);
  const result = { passed: counted?.passed ?? 0, failed: counted?.failed ?? 0, problems: [] };
  if (!counted) result.problems.push(`${script} wrote no test-results/${suite}.json`);
  else if (code !== 0 && result.failed === 0) result.problems.push(`${script} exited with code ${code}`);
  return result;
}

async function main() {
  mkdirSync(resultsDir, { recursive: true });
  const resultsFile = resolve(resultsDir, `wtr-summary-${process.pid}.json`);
  rmSync(resultsFile, { force: true });
  const problems = [];
  let driver;
  let wtr;

  // On Ctrl-C / SIGTERM: pass it on to wtr (when running) and let the normal
  // path below stop the driver and print the summary.
  let interrupted = false;
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, async () => {
      interrupted = true;
      if (wtr && wtr.exitCode === null) wtr.kill(sig);
      else {
        killGroup(driver?.pid);
        console.log(summaryLine(0, 1));
        process.exit(130);
      }
    });
  }

  const env = { ...process.env, ANP_BROWSERS: browsers.join(','), ANP_RESULTS_FILE: resultsFile };

  if (needsWebkit) {
    if (!existsSync(WEBKIT_DRIVER)) {
      console.error(`${WEBKIT_DRIVER} not found (Debian package webkit2gtk-driver)`);
      console.log(summaryLine(0, 1));
      process.exit(1);
    }
    const log = resolve(resultsDir, 'webkitwebdriver.log');
    rmSync(log, { force: true });
    let port;
    try {
      ({ driver, port } = await startWebKitDriver(log));
    } catch (err) {
      console.error(`${err.message}; see test-results/webkitwebdriver.log`);
      console.log(summaryLine(0, 1));
      process.exit(1);
    }
    env.ANP_WEBKIT_PORT = String(port);
  }

  // @web/test-runner's "exports" hide package.json and bin.js: locate it from its main entry.
  const bin = resolve(dirname(require.resolve('@web/test-runner')), 'bin.js');
  const wtrArgs = [bin, '--config', resolve(root, 'web-test-runner.config.mjs'), ...argv];
  wtr = spawn(process.execPath, wtrArgs, { cwd: root, env, stdio: 'inherit' });
  const wtrCode = await new Promise((res) => {
    wtr.on('error', (err) => {
      problems.push(`cannot start web-test-runner: ${err.message}`);
      res(1);
    });
    wtr.on('exit', (code, signal) => res(code ?? (signal ? 1 : 0)));
  });
  killGroup(driver?.pid);

  let summary;
  try {
    summary = JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    problems.push('web-test-runner wrote no results (browser launch failure or runner error, see above)');
  }
  rmSync(resultsFile, { force: true });

  let passed = 0;
  let failed = 0;
  if (summary) {
    passed = summary.totals.passed;
    failed = summary.totals.failed;
    console.log('');
    for (const [name, b] of Object.entries(summary.browsers)) {
      const extra = [b.skipped ? `${b.skipped} skipped` : '', b.fileErrors ? `${b.fileErrors} file error(s)` : '']
        .filter(Boolean)
        .join(', ');
      console.log(`  ${name}: ${b.passed} passed, ${b.failed} failed${extra ? ` (${extra})` : ''} in ${b.files} file(s)`);
      for (const f of b.failures.slice(0, 20)) console.log(`    ✗ ${f}`);
      if (b.files === 0 && summary.testFiles > 0) problems.push(`${name} ran no test files`);
    }
    if (summary.testFiles === 0) problems.push('no test files matched');
  }
  if (interrupted) problems.push('interrupted');
  if (wtrCode !== 0 && failed === 0) problems.push(`web-test-runner exited with code ${wtrCode}`);

  if (!interrupted) {
    const node = await runCounted('node', 'scripts/node-tests.mjs', 'ANP_NODE');
    passed += node.passed;
    failed += node.failed;
    problems.push(...node.problems);
    const examples = await runCounted('examples', 'scripts/examples.mjs', 'ANP_EXAMPLES');
    passed += examples.passed;
    failed += examples.failed;
    problems.push(...examples.problems);
    const snippets = await runCounted('snippets', 'scripts/docs-snippets.mjs', 'ANP_SNIPPETS');
    passed += snippets.passed;
    failed += snippets.failed;
    problems.push(...snippets.problems);
  }

  for (const p of problems) console.log(`  ! ${p}`);
  if (problems.length && failed === 0) failed = 1; // never report a red run as "0 failed"
  const ok = wtrCode === 0 && failed === 0 && problems.length === 0;
  console.log(summaryLine(passed, failed));
  process.exit(ok ? 0 : 1);
}
