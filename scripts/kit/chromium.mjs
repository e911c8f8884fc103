// The one browser launcher of scripts/ and bench/: Debian's Chromium through
// puppeteer-core (no browser download works here, see BROWSERS.md). As root
// it needs --no-sandbox; without the network flags it floods this machine's
// closed network with background requests. web-test-runner.config.mjs
// launches the same binary with the same flags.
import puppeteer from 'puppeteer-core';

export const CHROMIUM_PATH = process.env.ANP_CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);

/** puppeteer.launch options for headless Chromium, with extra command-line flags and options. */
export function chromiumOptions({ args = [], ...options } = {}) {
  return { executablePath: CHROMIUM_PATH, headless: true, ...options, args: [...CHROMIUM_ARGS, ...args] };
}

/** Launches headless Chromium; resolves to puppeteer's Browser. */
export function launchChromium(options) {
  return puppeteer.launch(chromiumOptions(options));
}

/** Launches any engine puppeteer-core drives (Firefox over WebDriver BiDi, for one) with these options as they are. */
export function launchBrowser(options) {
  return puppeteer.launch({ headless: true, ...options });
}
