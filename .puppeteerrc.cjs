/* global module */
// Puppeteer is only a dev dependency here (Firefox tests through
// @web/test-runner-puppeteer, benchmarks through puppeteer-core). Every browser
// comes from the system (see docs/development.md), so no install ever downloads one.
/** @type {import('puppeteer').Configuration} */
module.exports = { skipDownload: true, chrome: { skipDownload: true }, firefox: { skipDownload: true } };
