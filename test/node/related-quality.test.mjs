// How good `anp related` is, held above a floor: on 300 labelled articles
// (scripts/related-corpus.mjs, seed 13), the share of each article's top 3
// that share its stack or problem, and that share both. The figures and why
// the floors are where they are: docs/related-posts.md, "Quality".
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../dist/cli/main.js';
import { writeCorpus } from '../../scripts/related-corpus.mjs';
import { chanceOf, scoreMatches } from '../../scripts/related-quality.mjs';
import { memoryIo } from './cli-io.mjs';

// Measured 100% and 26.0% (the best possible "both" here is 42.2%: many
// stack-and-problem pairs have fewer than 3 other articles); chance gives
// 13.1%. Ranking on half the evidence falls under the "both" floor: titles
// and summaries only 15.8%, stack, tools and entities only 15.7%
// (node scripts/related-quality.mjs --count 300).
const FLOOR = { either: 0.95, both: 0.2 };

test('the top 3 of 300 labelled articles share a stack or a problem (and often both), far above chance', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'anp-related-quality-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const files = writeCorpus(dir, { count: 300, seed: 13 });
  const io = memoryIo({ cwd: dir });
  assert.equal(await main(['related', '.', '--json', '--top', '3'], io), 0, io.stderr);
  const { articles } = JSON.parse(io.stdout);
  const labelOf = new Map(files.map((file) => [file.path, file.labels]));
  const position = new Map(articles.map(({ file }, at) => [file, at]));
  const labels = articles.map(({ file }) => labelOf.get(file));
  const matches = articles.map(({ similar }) => similar.map(({ file }) => position.get(file)));
  const quality = scoreMatches(labels, matches);
  t.diagnostic(`top 3: ${JSON.stringify(quality)}; chance ${chanceOf(labels).toFixed(3)}`);
  assert.ok(quality.coverage > 0.95, `only ${quality.coverage} of the articles have 3 matches`);
  assert.ok(quality.either >= FLOOR.either, `stack or problem: ${quality.either}`);
  assert.ok(quality.both >= FLOOR.both, `both: ${quality.both}`);
  // The control: the same matches given to the wrong articles fall under both floors.
  const shifted = matches.map((_, at) => matches[(at + 150) % matches.length]);
  const control = scoreMatches(labels, shifted);
  assert.ok(control.either < FLOOR.either && control.both < FLOOR.both, JSON.stringify(control));
});
