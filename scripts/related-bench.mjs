#!/usr/bin/env node
// Speed and memory of `anp related` on generated corpora
// (scripts/related-corpus.mjs) of 1,000, 5,000 and 10,000 articles: wall
// time and peak RSS of a fresh Node process per run, for ranking alone
// (--json), the first --write and a second --write (which writes nothing).
// After `npx tsc -p tsconfig.build.json`; prints a Markdown table
// (docs/related-posts.md, "Speed"). `--phases [n]` times one corpus by
// phase instead (find, read, index, rank).
//
//   node scripts/related-bench.mjs [--sizes 1000,5000,10000] [--seed 13]
//   node scripts/related-bench.mjs --phases 10000
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);

if (process.argv[2] === '--phases') {
  // One corpus, timed by phase through the command's own modules.
  const { writeCorpus } = await import('./related-corpus.mjs');
  const { findArticleFiles, readCorpus } = await import('../dist/cli/related-corpus.js');
  const { RelatedIndexBuilder } = await import('../dist/cli/related-index.js');
  const { rankAll } = await import('../dist/cli/related.js');
  const size = Number(process.argv[3] ?? 10000);
  const dir = mkdtempSync(join(tmpdir(), `anp-related-phases-${size}-`));
  try {
    writeCorpus(dir, { count: size, seed: 13 });
    const signal = new AbortController().signal;
    const times = [];
    let start = performance.now();
    const lap = (name) => {
      times.push(`${name} ${((performance.now() - start) / 1000).toFixed(1)} s`);
      start = performance.now();
    };
    const files = await findArticleFiles(['.'], dir, []);
    lap('find');
    const builder = new RelatedIndexBuilder();
    const articles = await readCorpus(files, dir, builder, [], signal);
    lap('read');
    const index = builder.build();
    lap('index');
    await rankAll(index, articles, 5, 0.15, signal);
    lap('rank');
    console.log(`${size} articles, ${index.vocabulary} terms indexed: ${times.join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else if (process.argv[2] === '--child') {
  // One run in this process: what it took, as JSON on stdout.
  const { main } = await import('../dist/cli/main.js');
  const io = { out() {}, err() {}, interactive: false, columns: 80, cwd: process.argv[3] };
  const start = performance.now();
  const code = await main(['related', '.', ...process.argv.slice(4)], io);
  const seconds = (performance.now() - start) / 1000;
  console.log(JSON.stringify({ code, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
} else {
  const { writeCorpus } = await import('./related-corpus.mjs');
  const option = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at === -1 ? fallback : process.argv[at + 1];
  };
  const sizes = option('sizes', '1000,5000,10000').split(',').map(Number);
  const seed = Number(option('seed', '13'));
  const run = (dir, ...args) => JSON.parse(execFileSync(process.execPath, [self, '--child', dir, ...args], { encoding: 'utf8' }));
  const idle = JSON.parse(
    execFileSync(process.execPath, ['-e', 'console.log(JSON.stringify(process.resourceUsage().maxRSS / 1024))'], { encoding: 'utf8' }),
  );
  console.log(
    `Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}); an idle node process peaks at ${idle.toFixed(0)} MB`,
  );
  console.log('| articles | rank (--json) | peak RSS | first --write | peak RSS | second --write (no change) |');
  console.log('|---|---|---|---|---|---|');
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `anp-related-bench-${size}-`));
    try {
      writeCorpus(dir, { count: size, seed });
      const rank = run(dir, '--json');
      const write = run(dir, '--write');
      const again = run(dir, '--write');
      for (const result of [rank, write, again]) if (result.code !== 0) throw new Error(`exit ${result.code} at ${size}`);
      const s = (result) => `${result.seconds.toFixed(1)} s`;
      const mb = (result) => `${result.maxRssMb.toFixed(0)} MB`;
      console.log(`| ${size.toLocaleString('en')} | ${s(rank)} | ${mb(rank)} | ${s(write)} | ${mb(write)} | ${s(again)} |`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
