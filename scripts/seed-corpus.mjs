#!/usr/bin/env node
// Writes a corpus of seed-sized article files for measuring `anp validate`:
//
//   node scripts/seed-corpus.mjs /tmp/anp-corpus 10000 [--broken 1]
//
// Each file is the seed article (test/fixtures/seed-article.json) with its own id, title, url, scores, reading time, view
// count, tool order and review date; every 7th file sends its meta at the
// root and every 5th spells some keys in camelCase (forms the normalizer
// accepts). With `--broken N`, every Nth file gets a score of 150 (one error).
// Deterministic: the same arguments write the same files.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rng } from '../bench/data.mjs';

const [dirArg, countArg = '10000', ...rest] = process.argv.slice(2);
if (!dirArg) {
  console.error('usage: node scripts/seed-corpus.mjs <dir> [count] [--broken N]');
  process.exit(2);
}
const dir = resolve(dirArg);
const count = Number(countArg);
const brokenAt = rest[0] === '--broken' ? Number(rest[1]) : 0;
const seed = JSON.parse(readFileSync(new URL('../test/fixtures/seed-article.json', import.meta.url), 'utf8'));

// The benchmarks' seeded generator (bench/data.mjs), so runs can be compared.
const random = rng(2918);
const pick = (max) => Math.floor(random() * max);

mkdirSync(dir, { recursive: true });
for (let index = 0; index < count; index++) {
  const article = structuredClone(seed);
  const id = `alphanode-${String(index).padStart(6, '0')}`;
  article.id = id;
  article.url = `/posts/${id}`;
  article.title = `${seed.title} (${index})`;
  const meta = article.meta;
  for (const name of Object.keys(meta.score)) meta.score[name] = pick(101);
  meta.reading_time = 1 + pick(30);
  meta.view_count = pick(1_000_000);
  meta.tools = [...meta.tools].sort(() => random() - 0.5);
  meta.revision.last_reviewed = `20${10 + pick(15)}-${String(1 + pick(12)).padStart(2, '0')}-${String(1 + pick(28)).padStart(2, '0')}`;
  meta.reference = `anp-ref-${String(index).padStart(6, '0')}-${pick(10_000)}`;
  if (index % 5 === 0) {
    meta.viewCount = String(meta.view_count);
    delete meta.view_count;
  }
  if (brokenAt && index % brokenAt === 0) meta.score.depth = 150;
  const out = index % 7 === 0 ? { id: article.id, title: article.title, url: article.url, ...meta } : article;
  writeFileSync(join(dir, `${id}.json`), `${JSON.stringify(out, null, 2)}\n`);
}
console.log(`wrote ${count} articles to ${dir}${brokenAt ? `, every ${brokenAt}th with a score of 150` : ''}`);
