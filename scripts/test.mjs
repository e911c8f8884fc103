#!/usr/bin/env node
// Test wrapper around @web/test-runner (see web-test-runner.config.mjs).
//
//   npm test                                   all browsers (chromium, firefox, webkit)
//   ANP_BROWSERS=chromium npm test             only some browsers (comma list)
//   npm test -- --files test/foo.test.ts       extra args go to wtr
//   ANP_EXAMPLES=0 npm test                    skip the example apps (scripts/examples.mjs)
//   ANP_SNIPPETS=0 npm test                    skip the docs check (scripts/docs-snippets.mjs)
//
// It starts /usr/bin/WebKitWebDriver on a free port (when webkit is selected),
// re-runs itself under `xvfb-run -a` when there is no DISPLAY, stops the driver
// afterwards, and its last line is always `tests: N passed, N failed`
// (test cases summed over all browsers). Exit status is non-zero when any
// test/file failed, a browser failed to launch, or the runner itself failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const ALL = ['chromium', 'firefox', 'webkit'];
const DRIVER = process.env.ANP_WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
const resultsDir = resolve(root, 'test-results');

const argv = process.argv.slice(2);

function summaryLine(passed, failed) {
  return `tests: ${passed} passed, ${failed} failed`;
}

function browsersFromEnv() {
  const raw = (process.env.ANP_BROWSERS ?? '').trim();
  if (!raw || raw === 'all') return ALL;
  const list = [
    ...new Set(
      raw
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((b) => b.toLowerCase()),
    ),
  ];
  const unknown = list.filter((b) => !ALL.includes(b));
  if (unknown.length) {
    console.error(`ANP_BROWSERS: unknown browser(s) ${unknown.join(', ')}; use ${ALL.join(',')}`);
    console.log(summaryLine(0, 1));
    process.exit(2);
  }
  return list;
}

const browsers = browsersFromEnv();
const needsWebkit = browsers.includes('webkit');

// --- no display: re-run this script inside xvfb-run -a --------------------
if (needsWebkit && !process.env.DISPLAY && !process.env.ANP_IN_XVFB) {
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', process.execPath, fileURLToPath(import.meta.url), ...argv], {
    stdio: 'inherit',
    env: { ...process.env, ANP_IN_XVFB: '1' },
  });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (err) => {
    console.error(`cannot start xvfb-run: ${err.message} (install the xvfb and xauth packages)`);
    console.log(summaryLine(0, 1));
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  try {
    await main();
  } catch (err) {
    console.error(err);
    console.log(summaryLine(0, 1));
    process.exit(1);
  }
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

async function waitForDriver(port, proc, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`WebKitWebDriver exited with code ${proc.exitCode}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within ${timeoutMs / 1000}s`);
}

function stopProcessGroup(proc) {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((res) => {
    const done = () => {
      clearTimeout(timer);
      res();
    };
    proc.once('exit', done);
    try {
      process.kill(-proc.pid, 'SIGTERM'); // its own process group (detached)
    } catch {
      proc.kill('SIGTERM');
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-proc.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      res();
    }, 5000);
  });
}

// The example apps (scripts/examples.mjs: built with each framework's tooling and
// checked in Chromium) and the docs check (scripts/docs-snippets.mjs: every code
// block of README.md and docs/*.md, type-checked, compiled or parsed by its
// language; it runs after the example apps, whose node_modules hold the
// framework checkers). Their checks count into the summary line. They run on a
// full run only: a focused run (extra wtr args) skips them unless
// ANP_EXAMPLES=1 / ANP_SNIPPETS=1, and =0 always skips them.
async function runCounted(name, script, switchName) {
  const wanted = process.env[switchName] ?? (argv.length ? '0' : '1');
  if (wanted === '0') {
    console.log(`  ${name}: skipped (${switchName}=0 or a focused run)`);
    return { passed: 0, failed: 0, problems: [] };
  }
  console.log('');
  const child = spawn(process.execPath, [resolve(root, script)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
    process.stdout.write(chunk);
  });
  const code = await new Promise((res) => {
    child.on('error', () => res(1));
    child.on('close', (exitCode) => res(exitCode ?? 1));
  });
  const counts = [...output.matchAll(new RegExp(`^${name}: (\\d+) passed, (\\d+) failed$`, 'gm'))].at(-1);
  const result = { passed: counts ? Number(counts[1]) : 0, failed: counts ? Number(counts[2]) : 0, problems: [] };
  if (!counts) result.problems.push(`${script} printed no summary`);
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
        await stopProcessGroup(driver);
        console.log(summaryLine(0, 1));
        process.exit(130);
      }
    });
  }

  const env = { ...process.env, ANP_BROWSERS: browsers.join(','), ANP_RESULTS_FILE: resultsFile };

  if (needsWebkit) {
    if (!existsSync(DRIVER)) {
      console.error(`${DRIVER} not found (Debian package webkit2gtk-driver)`);
      console.log(summaryLine(0, 1));
      process.exit(1);
    }
    const port = await freePort();
    const log = openSync(resolve(resultsDir, 'webkitwebdriver.log'), 'w');
    driver = spawn(DRIVER, [`--port=${port}`], { stdio: ['ignore', log, log], detached: true });
    try {
      await waitForDriver(port, driver);
    } catch (err) {
      console.error(`${err.message}; see test-results/webkitwebdriver.log`);
      await stopProcessGroup(driver);
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
  await stopProcessGroup(driver);

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
