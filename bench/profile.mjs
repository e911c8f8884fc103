#!/usr/bin/env node
// Where the time goes in one scenario, for one variant: `node bench/profile.mjs [variant] [n] [kinds]`
// (default: a 1000 meta-box). Builds the variant unminified, mounts n boxes under
// the V8 sampling profiler (CDP), and prints the functions with the most self time,
// and the main thread's time in style, layout and paint (trace events).
/* global window, TrustedTypePolicyFactory -- (the browser global used inside page.evaluate) */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../scripts/kit/chromium.mjs';
import { serveStatic } from '../scripts/kit/serve.mjs';
import { benchDir, buildVariantPage } from './variant-page.mjs';

const outDir = join(benchDir, '.build/profile');
const [variant = 'a', n = '1000', kinds = 'meta-box', dataset = 'default'] = process.argv.slice(2);
const entries = {
  a: `import a from './variants/adapter-lit.js'; start(a);`,
  b: `import { vanilla } from './variants/adapter-vanilla.js'; start(vanilla);`,
  d: `import d from './variants/adapter-react.js'; start(d);`,
};
// Not minified: the profile names functions.
await buildVariantPage({ dir: outDir, name: variant, entry: entries[variant], minify: false });
const { origin, close } = await serveStatic({ dir: outDir });
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  // Count createHTML calls per Trusted Types policy.
  await page.evaluateOnNewDocument(() => {
    const counts = (window.__ttCounts = {});
    const create = TrustedTypePolicyFactory.prototype.createPolicy;
    TrustedTypePolicyFactory.prototype.createPolicy = function (name, rules) {
      const wrapped = { ...rules };
      if (rules.createHTML) wrapped.createHTML = (s, ...rest) => ((counts[name] = (counts[name] ?? 0) + 1), rules.createHTML(s, ...rest));
      return create.call(this, name, wrapped);
    };
  });
  await page.goto(`${origin}/${variant}.html`);
  await page.waitForFunction(() => window.bench !== undefined);
  await page.evaluate(() => window.bench.ready());
  await page.evaluate((n, dataset) => window.bench.prepare(dataset, n, 3), Number(n), dataset);
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await page.tracing.start({ categories: ['devtools.timeline', 'blink'] });
  await cdp.send('Profiler.start');
  const timing = await page.evaluate((kinds) => window.bench.mount(kinds.split(',')), kinds);
  const { profile } = await cdp.send('Profiler.stop');
  const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
  console.log('createHTML calls by policy:', await page.evaluate(() => window.__ttCounts));
  console.log(
    `variant ${variant}, ${n} × ${kinds}:`,
    Object.fromEntries(Object.entries(timing).map(([k, v]) => [k, Math.round(v * 10) / 10])),
  );
  // Self time per function from the sample counts.
  const self = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const dt = (profile.endTime - profile.startTime) / 1000 / profile.samples.length;
  for (const id of profile.samples) {
    const { callFrame } = byId.get(id);
    const key = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.split('/').pop()}:${callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  // Who calls the busiest native functions (first caller with a script URL).
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const callers = new Map();
  for (const id of profile.samples) {
    const { callFrame } = byId.get(id);
    if (callFrame.url) continue;
    let up = parent.get(id);
    while (up !== undefined && !byId.get(up).callFrame.url) up = parent.get(up);
    const caller =
      up === undefined ? '(none)' : `${byId.get(up).callFrame.functionName || '(anonymous)'}:${byId.get(up).callFrame.lineNumber + 1}`;
    const key = `${callFrame.functionName || '(program)'} <- ${caller}`;
    callers.set(key, (callers.get(key) ?? 0) + dt);
  }
  console.log('\nnative self time by caller (ms), top 15:');
  for (const [key, ms] of [...callers].sort((x, y) => y[1] - x[1]).slice(0, 15)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${key}`);
  console.log('\nself time (ms), top 30:');
  for (const [key, ms] of [...self].sort((x, y) => y[1] - x[1]).slice(0, 30)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${key}`);
  // Self time by source module: the unminified bundle marks each module with a `// path` line.
  const bundle = readFileSync(join(outDir, `${variant}.js`), 'utf8').split('\n');
  const starts = bundle.flatMap((line, index) => (/^\/\/ (node_modules|dist|bench)\//.test(line) ? [[index + 1, line.slice(3)]] : []));
  const moduleOf = (line) => starts.findLast(([start]) => start <= line)?.[1].replace(/^node_modules\/((@[^/]+\/)?[^/]+).*/, '$1') ?? '?';
  const byModule = new Map();
  for (const id of profile.samples) {
    const { callFrame } = byId.get(id);
    const key = callFrame.url ? moduleOf(callFrame.lineNumber + 1) : '(native, GC, program)';
    byModule.set(key, (byModule.get(key) ?? 0) + dt);
  }
  console.log('\nself time by module (ms), top 20:');
  for (const [key, ms] of [...byModule].sort((x, y) => y[1] - x[1]).slice(0, 20)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${key}`);
  const totals = {};
  for (const event of trace.traceEvents ?? trace) {
    if (event.ph !== 'X' || !event.dur) continue;
    if (
      ['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'RecalculateStyles', 'ParseAuthorStyleSheet', 'HitTest'].includes(
        event.name,
      )
    )
      totals[event.name] = (totals[event.name] ?? 0) + event.dur / 1000;
  }
  console.log('\nrendering work on the main thread (ms):', Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Math.round(v)])));
} finally {
  await browser.close();
  await close();
}
