// WebKit on these machines: Debian's WebKitWebDriver on a free port, driving
// MiniBrowser, inside `xvfb-run -a` when there is no display (see BROWSERS.md).
// Shared by scripts/test.mjs (wtr's webdriver launcher) and scripts/longest-task.mjs.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { openSync } from 'node:fs';

export const WEBKIT_DRIVER = process.env.ANP_WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';

/** A TCP port nobody listens on right now (on 127.0.0.1). */
export function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** Starts WebKitWebDriver in its own process group, logging to `logFile`; resolves once it answers /status. */
export async function startWebKitDriver(logFile, { timeoutMs = 30_000 } = {}) {
  const port = await freePort();
  const log = openSync(logFile, 'a');
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], { stdio: ['ignore', log, log], detached: true });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited with code ${driver.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return { driver, port };
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  killGroup(driver.pid);
  throw new Error(`WebKitWebDriver did not answer on port ${port} within ${timeoutMs / 1000}s`);
}

/** SIGKILLs a process we started and, when it leads one, its group. */
export function killGroup(pid) {
  if (!pid) return;
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

/**
 * When there is no display, runs `script` again inside `xvfb-run -a` (with the
 * same arguments), passes signals on, exits with its status, and returns true;
 * returns false when this process should go on itself. `onError(error)` runs
 * when xvfb-run cannot start.
 */
export function rerunUnderXvfb(script, argv, onError = () => {}) {
  if (process.env.DISPLAY || process.env.ANP_IN_XVFB) return false;
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', process.execPath, script, ...argv], {
    stdio: 'inherit',
    env: { ...process.env, ANP_IN_XVFB: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`cannot start xvfb-run: ${error.message} (install the xvfb and xauth packages)`);
    onError(error);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return true;
}
