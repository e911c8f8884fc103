#!/usr/bin/env node
// How good `anp related` is on a labelled corpus (scripts/related-corpus.mjs):
// of each article's top 3, the share that are about the same stack, the same
// problem, either, or both; for the shipped ranking and for variants that
// show what each choice buys (docs/related-posts.md, "Quality").
// After `npx tsc -p tsconfig.build.json`:
//
//   node scripts/related-quality.mjs [--count 500] [--seed 13]
import { parseJson } from '../dist/core/json-text.js';
import { normalizeArticle } from '../dist/core/normalize.js';
import { RelatedIndexBuilder } from '../dist/cli/related-index.js';
import { FIELD_WEIGHTS, articleTerms } from '../dist/cli/related-terms.js';
import { generateCorpus } from './related-corpus.mjs';
import { pathToFileURL } from 'node:url';

/** Share of top-`top` matches with the same stack, problem, either, both; `coverage` is the share of full top lists. */
export function scoreMatches(labels, matches, top = 3) {
  const sums = { stack: 0, problem: 0, either: 0, both: 0, shown: 0 };
  let full = 0;
  matches.forEach((list, doc) => {
    const mine = labels[doc];
    const taken = list.slice(0, top);
    if (taken.length === top) full++;
    for (const other of taken) {
      const stack = labels[other].stack === mine.stack;
      const problem = labels[other].problem === mine.problem;
      sums.stack += stack;
      sums.problem += problem;
      sums.either += stack || problem;
      sums.both += stack && problem;
      sums.shown++;
    }
  });
  const share = (n) => (sums.shown ? n / sums.shown : 0);
  return {
    either: share(sums.either),
    stack: share(sums.stack),
    problem: share(sums.problem),
    both: share(sums.both),
    coverage: full / labels.length,
  };
}

/** What chance alone gives: the share of ordered pairs of different articles with the same stack or problem. */
export function chanceOf(labels) {
  const pairs = { either: 0, all: 0 };
  for (let a = 0; a < labels.length; a++) {
    for (let b = 0; b < labels.length; b++) {
      if (a === b) continue;
      pairs.all++;
      pairs.either += labels[a].stack === labels[b].stack || labels[a].problem === labels[b].problem;
    }
  }
  return pairs.either / pairs.all;
}

const only = (fields) =>
  Object.fromEntries(Object.entries(FIELD_WEIGHTS).map(([key, value]) => [key, fields.includes(key) ? value : { phrase: 0, word: 0 }]));
const flat = Object.fromEntries(Object.keys(FIELD_WEIGHTS).map((key) => [key, { phrase: 1, word: 1 }]));

export const VARIANTS = [
  ['shipped: fields weighted, k1 1.2, 40 terms', {}],
  ['every field and word weighing 1', { weights: flat }],
  ['no saturation (k1 1000)', { k1: 1000 }],
  ['10 terms per article', { maxTerms: 10 }],
  ['title and summary only (words, as a full-text index)', { weights: only(['title', 'summary']) }],
  ['stack, tools and entities only (taxonomies)', { weights: only(['stack', 'tools', 'entities']) }],
];

/** The top `top` of every article of `files` (generated), ranked in memory with `options`. */
export function rankGenerated(files, { weights, k1, maxTerms, maxDocShare } = {}, top = 3, minScore = 0.15) {
  const builder = new RelatedIndexBuilder();
  for (const file of files) builder.add(articleTerms(normalizeArticle(parseJson(file.text, file.path).value).value, weights));
  const index = builder.build({ k1, maxTerms, maxDocShare });
  return files.map((_, doc) => index.nearest(doc, top, minScore).map(({ doc: other }) => other));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const option = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return Number(at === -1 ? fallback : process.argv[at + 1]);
  };
  const files = generateCorpus({ count: option('count', 500), seed: option('seed', 13) });
  const labels = files.map((file) => file.labels);
  const percent = (x) => `${(x * 100).toFixed(1)}%`;
  console.log(`${files.length} articles (seed ${option('seed', 13)}); of each top 3, the share with the same ...`);
  console.log('| ranking | stack or problem | stack | problem | both | full top 3 |');
  console.log('|---|---|---|---|---|---|');
  for (const [name, options] of VARIANTS) {
    const q = scoreMatches(labels, rankGenerated(files, options));
    console.log(
      `| ${name} | ${percent(q.either)} | ${percent(q.stack)} | ${percent(q.problem)} | ${percent(q.both)} | ${percent(q.coverage)} |`,
    );
  }
  console.log(`| chance (two different articles drawn at random) | ${percent(chanceOf(labels))} | | | | |`);
  // Every pair with a score, by score band: how often a match of that score shares a stack or problem.
  const builder = new RelatedIndexBuilder();
  for (const file of files) builder.add(articleTerms(normalizeArticle(parseJson(file.text, file.path).value).value));
  const index = builder.build();
  const bands = new Map();
  files.forEach((file, doc) => {
    for (const { doc: other, score } of index.nearest(doc, files.length, 0)) {
      const band = Math.min(10, Math.floor(score * 20));
      const entry = bands.get(band) ?? { pairs: 0, related: 0 };
      entry.pairs++;
      entry.related += labels[other].stack === file.labels.stack || labels[other].problem === file.labels.problem;
      bands.set(band, entry);
    }
  });
  console.log('\n| score | pairs | share a stack or problem |');
  console.log('|---|---|---|');
  for (const [band, { pairs, related }] of [...bands].sort((a, b) => a[0] - b[0])) {
    const range = band === 10 ? '0.50 and more' : `${(band / 20).toFixed(2)} to ${((band + 1) / 20).toFixed(2)}`;
    console.log(`| ${range} | ${pairs} | ${percent(related / pairs)} |`);
  }
}
