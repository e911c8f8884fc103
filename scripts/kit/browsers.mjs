// Which engines a run uses: ANP_BROWSERS, a comma list of chromium, firefox,
// webkit (empty or `all`: the three). Read by scripts/test.mjs and
// web-test-runner.config.mjs alike.
export const ALL_BROWSERS = Object.freeze(['chromium', 'firefox', 'webkit']);

/** The engines ANP_BROWSERS names, each once; throws on an unknown name. */
export function selectedBrowsers(raw = process.env.ANP_BROWSERS ?? '') {
  const text = raw.trim();
  if (!text || text === 'all') return [...ALL_BROWSERS];
  const list = [
    ...new Set(
      text
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((name) => name.toLowerCase()),
    ),
  ];
  const unknown = list.filter((name) => !ALL_BROWSERS.includes(name));
  if (unknown.length) throw new Error(`ANP_BROWSERS: unknown browser(s) ${unknown.join(', ')}; use ${ALL_BROWSERS.join(',')}`);
  return list;
}
