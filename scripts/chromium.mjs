// Debian's Chromium as the test runner and the lifecycle check launch it.
// As root it needs --no-sandbox; without the network flags it floods this
// machine's closed network with background requests (see BROWSERS.md).
export const CHROMIUM_PATH = process.env.ANP_CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);
