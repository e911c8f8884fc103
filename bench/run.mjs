#!/usr/bin/env node
// Benchmarks (issue 6): `npm run bench` (full) or `npm run bench -- --quick`.
//
// Builds one browser bundle per variant with esbuild into bench/.build/,
// serves bench/ on 127.0.0.1, and drives headless Chromium (puppeteer-core,
// /usr/bin/chromium) through window.bench (bench/harness.js). Every sample
// runs on a fresh page, and the variants alternate sample by sample.
// Prints a table (median, 95% confidence interval of the median, ratio to
// vanilla), writes bench/results/latest.json and latest.svg (a --quick run
// writes quick.json and quick.svg instead, so it never overwrites the full run).
//
// Options: --quick, --samples N, --only S3,S6 (scenario ids), --variants a,b, --out NAME.
// Only a full run (none of these but --out latest) rewrites docs/benchmarks.md.
//
// Functions passed to page.evaluate run in the page, with the browser's globals:
/* global window -- (the browser global used inside page.evaluate) */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from '../scripts/kit/chromium.mjs';
import { serveStatic } from '../scripts/kit/serve.mjs';
import { minifyTemplatesEsbuildPlugin } from '../scripts/minify-templates.mjs';
import { benchDir, buildVariantPage } from './variant-page.mjs';
import { flag, option } from '../scripts/kit/argv.mjs';

const root = resolve(benchDir, '..');
const buildDir = join(benchDir, '.build');
const resultsDir = join(benchDir, 'results');

const QUICK = flag('--quick');
const SAMPLES = Number(option('--samples') ?? (QUICK ? 3 : 10));
// --quick: the scenarios that together exercise every variant and every harness path, at small N.
const ONLY = option('--only')?.split(',') ?? (QUICK ? ['S3', 'S7', 'S8', 'S9'] : undefined);
const OUT = option('--out') ?? (QUICK ? 'quick' : 'latest');
// --variants a,b: only some variants (for a quick comparison while profiling; the docs table needs all).
const ONLY_VARIANTS = option('--variants')?.split(',');
const started = Date.now();

// ---- variants -------------------------------------------------------------

const haveVanilla = existsSync(join(benchDir, 'variants/vanilla.js'));
const VARIANTS = [
  { id: 'a', name: 'anp (Lit)', entry: `import a from './variants/adapter-lit.js'; start(a);`, kinds: 4 },
  ...(haveVanilla
    ? [
        {
          id: 'b',
          name: 'vanilla',
          entry: `import { vanilla } from './variants/adapter-vanilla.js'; start(vanilla);`,
          kinds: 4,
          vanilla: true,
        },
        {
          id: 'c',
          name: 'vanilla, unsanitized',
          entry: `import { vanillaUnsafe } from './variants/adapter-vanilla.js'; start(vanillaUnsafe);`,
          kinds: 1,
        },
      ]
    : []),
  { id: 'd', name: 'React 19 + DOMPurify', entry: `import d from './variants/adapter-react.js'; start(d);`, kinds: 4 },
  { id: 'e', name: 'json-viewer', entry: `import e from './variants/adapter-json-viewer.js'; start(e);`, kinds: 1, sanitizes: false },
];
if (ONLY_VARIANTS) VARIANTS.splice(0, VARIANTS.length, ...VARIANTS.filter((v) => ONLY_VARIANTS.includes(v.id)));
if (!haveVanilla) console.log('note: bench/variants/vanilla.js is not there yet; running without variants (b) and (c)');

/** Resolves the bare 'dompurify' import to the counting wrapper (bench/dompurify-counted.js). */
const countedDompurify = {
  name: 'counted-dompurify',
  setup(b) {
    const shim = join(benchDir, 'dompurify-counted.js');
    b.onResolve({ filter: /^dompurify$/ }, (args) => (args.importer === shim ? undefined : { path: shim }));
  },
};

/**
 * The library's css``/html`` template text squeezed as the classic script's
 * build does (scripts/minify-templates.mjs), so variant (a) measures the
 * elements CMS pages load, not the indentation of their source.
 */
const squeezedTemplates = minifyTemplatesEsbuildPlugin();

async function buildVariants() {
  if (!existsSync(join(root, 'dist/define.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  for (const variant of VARIANTS) {
    await buildVariantPage({
      dir: buildDir,
      name: variant.id,
      title: `bench ${variant.name}`,
      entry: variant.entry,
      plugins: [countedDompurify, squeezedTemplates],
    });
  }
}

// ---- statistics -----------------------------------------------------------

/** Median and a distribution-free 95% confidence interval of it (binomial order statistics). */
function summarize(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const n = sorted.length;
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  const half = (1.96 * Math.sqrt(n)) / 2;
  // 1-based ranks round(n/2 - 1.96·√n/2) and round(1 + n/2 + 1.96·√n/2) (n = 10: 2nd and 9th; n = 15: 4th and 12th).
  const lo = Math.min(n - 1, Math.max(0, Math.round(n / 2 - half) - 1));
  const hi = Math.min(n - 1, Math.max(0, Math.round(1 + n / 2 + half) - 1));
  return { n, median, lo: sorted[lo], hi: sorted[hi], min: sorted[0], max: sorted[n - 1] };
}

// ---- scenarios ------------------------------------------------------------

const N = QUICK ? { s2: 20, s3: 50, s7: 20, s8: 20, s9: 10 } : { s2: 100, s3: 1000, s7: 1000, s8: 1000, s9: 1000 };

async function freshPage(browser, origin, variant, query = '') {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`${origin}/${variant.id}.html${query}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.bench !== undefined, { timeout: 10_000 });
  await page.evaluate(() => window.bench.ready());
  return { page, errors };
}

/** Each scenario's sample(page) returns { metricName: number, ... }. */
const SCENARIOS = [
  {
    id: 'S1',
    title: 'cold start: one box, navigation to first contentful paint',
    samples: SAMPLES,
    async sample(browser, origin, variant) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 800 });
      await page.goto(`${origin}/${variant.id}.html?cold`, { waitUntil: 'load' });
      const times = await page.evaluate(async () => {
        for (let i = 0; i < 500; i++) {
          const fcp = performance.getEntriesByName('first-contentful-paint')[0];
          const mounted = performance.getEntriesByName('anp-mounted')[0];
          if (fcp && mounted) return { fcp: fcp.startTime, mounted: mounted.startTime };
          await new Promise((done) => setTimeout(done, 10));
        }
        throw new Error('no first-contentful-paint');
      });
      await page.close();
      return { 'S1 FCP': times.fcp };
    },
  },
  {
    id: 'S2',
    title: `mount ${N.s2} meta boxes`,
    samples: SAMPLES,
    async sample(browser, origin, variant) {
      const { page, errors } = await freshPage(browser, origin, variant);
      const m = await page.evaluate(async (n) => {
        window.bench.prepare('default', n, 2);
        return window.bench.mount(['meta-box']);
      }, N.s2);
      await page.close();
      check(errors, variant);
      return { 'S2 paint': m.paint, 'S2 script': m.script };
    },
  },
  {
    id: 'S3',
    title: `mount ${N.s3} meta boxes (S3), then change one field in each (S4), then set equal data again (S5)`,
    samples: SAMPLES,
    async sample(browser, origin, variant) {
      const { page, errors } = await freshPage(browser, origin, variant);
      const r = await page.evaluate(async (n) => {
        window.bench.prepare('default', n, 3);
        const s3 = await window.bench.mount(['meta-box']);
        const s4 = await window.bench.updateOneField();
        const s5 = await window.bench.setSame();
        return { s3, s4, s5 };
      }, N.s3);
      await page.close();
      check(errors, variant);
      return {
        'S3 paint': r.s3.paint,
        'S3 script': r.s3.script,
        'S3 sanitize ms': r.s3.sanitizeMs,
        'S4 paint': r.s4.paint,
        'S4 script': r.s4.script,
        'S5 paint': r.s5.paint,
        'S5 script': r.s5.script,
      };
    },
  },
  {
    id: 'S6',
    title: 'one box whose meta has 10,000 keys',
    samples: SAMPLES,
    async sample(browser, origin, variant) {
      const { page, errors } = await freshPage(browser, origin, variant);
      const m = await page.evaluate(async () => {
        window.bench.prepare('huge-meta', 1, 6);
        return window.bench.mount(['meta-box']);
      });
      await page.close();
      check(errors, variant);
      return { 'S6 paint': m.paint, 'S6 longest task': m.longestTask };
    },
  },
  {
    id: 'S7',
    title: `sanitize cost: ${N.s7} boxes with every rich field marked up, one 9,000-character rich string, ${N.s7} boxes without '<'`,
    samples: SAMPLES,
    skip: (variant) => variant.sanitizes === false,
    async sample(browser, origin, variant) {
      const out = {};
      for (const [name, n, label] of [
        ['rich-many', N.s7, 'S7 many rich'],
        ['rich-large', 1, 'S7 one large'],
        ['plain', N.s7, "S7 no '<'"],
      ]) {
        const { page, errors } = await freshPage(browser, origin, variant);
        const m = await page.evaluate(
          async (name, n) => {
            const rich = window.bench.prepare(name, n, 7);
            return { ...(await window.bench.mount(['meta-box'])), rich };
          },
          name,
          n,
        );
        await page.close();
        check(errors, variant);
        out[`${label} script`] = m.script;
        out[`${label} sanitize ms`] = m.sanitizeMs;
        out[`${label} calls`] = m.sanitizeCalls;
        out[`${label} rich strings with '<'`] = m.rich.withTags;
      }
      return out;
    },
  },
  {
    id: 'S8',
    title: `JS heap (after GC) with ${N.s8} boxes mounted, and after 5 mount/unmount cycles, above the empty page`,
    samples: QUICK ? SAMPLES : Math.min(SAMPLES, 5),
    async sample(browser, origin, variant) {
      const { page, errors } = await freshPage(browser, origin, variant);
      const cdp = await page.createCDPSession();
      const heap = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        const usage = await cdp.send('Runtime.getHeapUsage');
        return (usage.usedSize + (usage.embedderHeapUsedSize ?? 0)) / 1048576;
      };
      await page.evaluate((n) => window.bench.prepare('default', n, 8), N.s8);
      const base = await heap();
      await page.evaluate(() => window.bench.mount(['meta-box']));
      const mounted = await heap();
      await page.evaluate(async () => {
        await window.bench.unmountAll();
        for (let i = 0; i < 5; i++) {
          await window.bench.mount(['meta-box']);
          await window.bench.unmountAll();
        }
      });
      const cycled = await heap();
      await page.close();
      check(errors, variant);
      return { 'S8 heap MB mounted': mounted - base, 'S8 heap MB after cycles': cycled - base };
    },
  },
  {
    id: 'S9',
    title: `archive page: all four elements for ${N.s9} articles`,
    samples: QUICK ? SAMPLES : Math.min(SAMPLES, 10),
    skip: (variant) => variant.kinds < 4,
    async sample(browser, origin, variant) {
      const { page, errors } = await freshPage(browser, origin, variant);
      const m = await page.evaluate(async (n) => {
        window.bench.prepare('default', n, 9);
        return window.bench.mount(['meta-box', 'checklist', 'score-bars', 'similar-posts']);
      }, N.s9);
      await page.close();
      check(errors, variant);
      return { 'S9 paint': m.paint, 'S9 script': m.script };
    },
  },
];

function check(errors, variant) {
  if (errors.length) throw new Error(`${variant.name}: errors on the page:\n  ${errors.slice(0, 5).join('\n  ')}`);
}

// ---- goals (issue 6), from this run's medians ------------------------------

function evaluateGoals(metrics) {
  const med = (metric, variant) => metrics[metric]?.[variant]?.median;
  const goal = (text, value, limit, unit = '×') => ({
    goal: text,
    value: value === undefined || Number.isNaN(value) ? null : value,
    limit,
    unit,
    met: value === undefined || Number.isNaN(value) ? null : value <= limit,
  });
  const ratio = (metric, x, y) =>
    med(metric, x) !== undefined && med(metric, y) !== undefined ? med(metric, x) / med(metric, y) : undefined;
  const s7many = med('S7 many rich calls', 'a');
  const s7manyTags = med("S7 many rich rich strings with '<'", 'a');
  return [
    goal('S3 paint-inclusive, anp / vanilla', ratio('S3 paint', 'a', 'b'), 1.15),
    goal('S3 paint-inclusive, anp / React + DOMPurify', ratio('S3 paint', 'a', 'd'), 0.7),
    goal('S4 paint-inclusive, anp / vanilla', ratio('S4 paint', 'a', 'b'), 1.2),
    goal(
      'S5 paint-inclusive as a share of S3, anp',
      ratio('S5 paint', 'a', 'a') && med('S5 paint', 'a') / med('S3 paint', 'a'),
      0.05,
      'share',
    ),
    goal('S6 longest task, anp (worst sample)', metrics['S6 longest task']?.a?.max, 50, 'ms'),
    goal('S6 paint-inclusive, anp / vanilla', ratio('S6 paint', 'a', 'b'), 1.3),
    goal("S7 DOMPurify calls for strings without '<', anp", med("S7 no '<' calls", 'a'), 0, 'calls'),
    goal(
      "S7 DOMPurify calls per rich string with '<', anp",
      s7many !== undefined && s7manyTags ? s7many / s7manyTags : undefined,
      1,
      'calls',
    ),
    goal(
      'S7 sanitizing as a share of S3 script time, anp',
      med('S3 sanitize ms', 'a') !== undefined ? med('S3 sanitize ms', 'a') / med('S3 script', 'a') : undefined,
      0.15,
      'share',
    ),
    goal('S8 heap with boxes mounted, anp / vanilla', ratio('S8 heap MB mounted', 'a', 'b'), 1.4),
    goal('S8 heap after 5 mount/unmount cycles, anp / vanilla', ratio('S8 heap MB after cycles', 'a', 'b'), 1.4),
  ];
}

// ---- output ----------------------------------------------------------------

const fmt = (x) =>
  x === undefined || x === null ? '—' : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);

function table(metrics) {
  const rows = [['metric', 'variant', 'median', '95% CI', 'ratio to vanilla', 'n']];
  for (const [metric, byVariant] of Object.entries(metrics)) {
    const base = byVariant.b?.median;
    for (const variant of VARIANTS) {
      const s = byVariant[variant.id];
      if (!s) continue;
      rows.push([
        metric,
        `(${variant.id}) ${variant.name}`,
        fmt(s.median),
        `${fmt(s.lo)} – ${fmt(s.hi)}`,
        base ? (s.median / base).toFixed(2) : '—',
        String(s.n),
      ]);
    }
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows
    .map((row, r) => row.map((cell, c) => (c >= 2 && r > 0 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  '))
    .join('\n');
}

function markdownTable(metrics) {
  const lines = ['| metric | variant | median | 95% CI | ratio to vanilla | n |', '| --- | --- | ---: | ---: | ---: | ---: |'];
  for (const [metric, byVariant] of Object.entries(metrics)) {
    const base = byVariant.b?.median;
    for (const variant of VARIANTS) {
      const s = byVariant[variant.id];
      if (!s) continue;
      lines.push(
        `| ${metric} | (${variant.id}) ${variant.name} | ${fmt(s.median)} | ${fmt(s.lo)} – ${fmt(s.hi)} | ${base ? (s.median / base).toFixed(2) : '—'} | ${s.n} |`,
      );
    }
  }
  return lines.join('\n');
}

const COLORS = { a: '#1f77b4', b: '#2ca02c', c: '#98df8a', d: '#d62728', e: '#9467bd' };
const escapeXml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One panel per timed metric: a horizontal bar per variant (median) with a whisker for the 95% CI. */
function svgChart(metrics, machine) {
  const shown = Object.entries(metrics).filter(([metric]) => !/calls|with '<'/.test(metric));
  const width = 860;
  const left = 250;
  const barH = 14;
  let y = 50;
  const parts = [];
  for (const [metric, byVariant] of shown) {
    const entries = VARIANTS.filter((v) => byVariant[v.id]).map((v) => [v, byVariant[v.id]]);
    const max = Math.max(...entries.map(([, s]) => s.hi), 1e-9);
    const scale = (width - left - 80) / max;
    const unit = /MB/.test(metric) ? 'MB' : 'ms';
    parts.push(`<text x="10" y="${y + 12}" font-weight="bold">${escapeXml(metric)} (${unit})</text>`);
    y += 18;
    for (const [variant, s] of entries) {
      const w = Math.max(0, s.median * scale);
      parts.push(
        `<text x="${left - 6}" y="${y + 11}" text-anchor="end">${escapeXml(`(${variant.id}) ${variant.name}`)}</text>`,
        `<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${barH - 2}" fill="${COLORS[variant.id]}"/>`,
        `<line x1="${(left + Math.max(0, s.lo) * scale).toFixed(1)}" x2="${(left + Math.max(0, s.hi) * scale).toFixed(1)}" y1="${y + 6}" y2="${y + 6}" stroke="#000"/>`,
        `<line x1="${(left + Math.max(0, s.lo) * scale).toFixed(1)}" x2="${(left + Math.max(0, s.lo) * scale).toFixed(1)}" y1="${y + 2}" y2="${y + 10}" stroke="#000"/>`,
        `<line x1="${(left + Math.max(0, s.hi) * scale).toFixed(1)}" x2="${(left + Math.max(0, s.hi) * scale).toFixed(1)}" y1="${y + 2}" y2="${y + 10}" stroke="#000"/>`,
        `<text x="${(left + Math.max(w, Math.max(0, s.hi) * scale) + 6).toFixed(1)}" y="${y + 11}">${fmt(s.median)}</text>`,
      );
      y += barH;
    }
    y += 14;
  }
  const title = `anp benchmarks: medians with 95% CI whiskers; ${machine.cpu} × ${machine.cores}, Chromium ${machine.chromium}, ${machine.date}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y + 10}" viewBox="0 0 ${width} ${y + 10}" font-family="sans-serif" font-size="11">\n` +
    `<rect width="100%" height="100%" fill="#fff"/>\n<text x="10" y="24" font-size="13" font-weight="bold">${escapeXml(title)}</text>\n` +
    parts.join('\n') +
    '\n</svg>\n'
  );
}

// ---- main ------------------------------------------------------------------

await buildVariants();
const { origin, close } = await serveStatic({ dir: buildDir, headers: { 'cache-control': 'no-store' } });
const browser = await launchChromium({
  // No frame-rate cap and no vsync wait, so "next paint" is not rounded up to a 60 Hz tick.
  args: ['--disable-frame-rate-limit', '--disable-gpu-vsync', '--enable-precise-memory-info'],
});
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGB: Math.round(totalmem() / 1073741824),
  os: `${platform()} ${release()}`,
  chromium: (await browser.version()).replace(/^[^/]*\//, ''),
  node: process.version,
  date: new Date().toISOString(),
  loadAverageAtStart: loadavg().map((x) => Math.round(x * 10) / 10),
  mode: QUICK ? 'quick' : 'full',
  n: N,
};
console.log(`bench (${machine.mode}): ${VARIANTS.map((v) => `(${v.id}) ${v.name}`).join(', ')}`);
console.log(
  `machine: ${machine.cpu} × ${machine.cores}, Chromium ${machine.chromium}, Node ${machine.node}, load average ${machine.loadAverageAtStart.join(' ')}`,
);

const raw = {};
try {
  for (const scenario of SCENARIOS) {
    if (ONLY && !ONLY.includes(scenario.id)) continue;
    const variants = VARIANTS.filter((v) => !scenario.skip?.(v));
    const t0 = Date.now();
    for (let i = 0; i < scenario.samples; i++) {
      // Alternate the variants, rotating who goes first.
      for (let k = 0; k < variants.length; k++) {
        const variant = variants[(i + k) % variants.length];
        process.stdout.write(`\r${scenario.id} sample ${i + 1}/${scenario.samples} (${variant.id})   `);
        const values = await scenario.sample(browser, origin, variant);
        for (const [metric, value] of Object.entries(values)) ((raw[metric] ??= {})[variant.id] ??= []).push(value);
      }
    }
    process.stdout.write(`\r${scenario.id}: ${scenario.title} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
  }
} finally {
  await browser.close();
  await close();
}

const metrics = {};
for (const [metric, byVariant] of Object.entries(raw)) {
  metrics[metric] = {};
  for (const [variant, values] of Object.entries(byVariant)) metrics[metric][variant] = { ...summarize(values), samples: values };
}
const goals = evaluateGoals(metrics);
const seconds = (Date.now() - started) / 1000;
machine.seconds = Math.round(seconds);
machine.loadAverageAtEnd = loadavg().map((x) => Math.round(x * 10) / 10);

console.log('\nTimes in ms (heap in MB); paint = until the next frame after a forced layout; script = until rendering promises settle.\n');
console.log(table(metrics));
console.log('\nGoals (issue 6):');
for (const g of goals)
  console.log(
    `  ${g.met === null ? 'n/a ' : g.met ? 'met ' : 'MISS'}  ${g.goal}: ${g.value === null ? '—' : g.unit === 'share' ? (g.value * 100).toFixed(1) + '%' : fmt(g.value) + (g.unit === '×' ? '×' : ' ' + g.unit)} (limit ${g.unit === 'share' ? g.limit * 100 + '%' : g.limit + (g.unit === '×' ? '×' : ' ' + g.unit)})`,
  );

mkdirSync(resultsDir, { recursive: true });
const variantsOut = Object.fromEntries(VARIANTS.map((v) => [v.id, v.name]));
writeFileSync(
  join(resultsDir, `${OUT}.json`),
  JSON.stringify({ machine, variants: variantsOut, metrics, goals, markdown: markdownTable(metrics) }, null, 2) + '\n',
);
writeFileSync(join(resultsDir, `${OUT}.svg`), svgChart(metrics, machine));
console.log(`\nwrote bench/results/${OUT}.json and ${OUT}.svg in ${seconds.toFixed(0)} s`);
if (OUT === 'latest' && !ONLY && !ONLY_VARIANTS && !option('--samples')) updateDocs();

/**
 * A full run of every scenario rewrites the generated part of docs/benchmarks.md
 * (between its two markers): the machine, the goals and the table of this run.
 * The prose around it (what each change bought) is written by hand.
 */
function updateDocs() {
  const docs = join(root, 'docs/benchmarks.md');
  const start = '<!-- bench:generated:start -->';
  const end = '<!-- bench:generated:end -->';
  const text = existsSync(docs) ? readFileSync(docs, 'utf8') : `# Benchmarks\n\n${start}\n${end}\n`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) {
    console.log(`docs/benchmarks.md has no ${start} … ${end} markers: not updated`);
    return;
  }
  const shown = (g) =>
    g.value === null ? '—' : g.unit === 'share' ? (g.value * 100).toFixed(1) + '%' : fmt(g.value) + (g.unit === '×' ? '×' : ' ' + g.unit);
  const limit = (g) => (g.unit === 'share' ? g.limit * 100 + '%' : g.limit + (g.unit === '×' ? '×' : ' ' + g.unit));
  const generated = [
    start,
    '',
    `Run of ${machine.date.slice(0, 10)} (\`npm run bench\`, ${machine.mode}, ${SAMPLES} samples a variant, ${machine.seconds} s):`,
    `${machine.cpu} × ${machine.cores} cores, ${machine.memoryGB} GB, ${machine.os}, Chromium ${machine.chromium} headless, Node ${machine.node};`,
    `load average ${machine.loadAverageAtStart.join(' ')} at the start, ${machine.loadAverageAtEnd.join(' ')} at the end.`,
    '',
    '| goal (issue 6) | this run | limit | met |',
    '| --- | ---: | ---: | :---: |',
    ...goals.map((g) => `| ${g.goal} | ${shown(g)} | ${limit(g)} | ${g.met === null ? 'n/a' : g.met ? 'yes' : '**no**'} |`),
    '',
    '![Medians with 95% confidence intervals](../bench/results/latest.svg)',
    '',
    markdownTable(metrics),
    '',
    end,
  ].join('\n');
  writeFileSync(docs, text.slice(0, from) + generated + text.slice(to + end.length));
  console.log('updated the generated part of docs/benchmarks.md');
}
