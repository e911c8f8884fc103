// `anp validate --signals` (src/cli/signals-check.ts): data-quality signals reported, never failing a file.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../../dist/cli/main.js';
import { memoryIo } from './cli-io.mjs';

const seedPath = fileURLToPath(new URL('../fixtures/seed-article.json', import.meta.url));
const seed = JSON.parse(readFileSync(seedPath, 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'anp-signals-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function validate(args) {
  const io = memoryIo({ cwd: dir });
  const code = await main(['validate', ...args], io);
  return { code, ...io };
}

test('the seed on 2 Dec 2026: three signals, each a line with its pointer and code, and the file still passes', async () => {
  const run = await validate([seedPath, '--signals', '--today', '2026-12-02']);
  assert.equal(run.code, 0, run.stderr);
  const lines = run.stdout.trim().split('\n');
  assert.deepEqual(
    lines.slice(0, -1).map((line) => /:(\/[^:]*): .* \[signal: ([a-z-]+)\]$/.exec(line)?.slice(1)),
    [
      ['/meta/flags/ai_generated_style', 'generated-content'],
      ['/meta/revision/last_reviewed', 'stale-review'],
      ['/meta/score/freshness', 'low-score'],
    ],
  );
  assert.match(lines[1], /Last reviewed 1879 days ago \(2021-10-10\), over the 365 allowed\./);
  assert.match(lines.at(-1), /^1 file: 1 passed, 0 failed, 0 errors, 3 signals in \d+\.\d\d s$/);
});

test('--today fixes the clock: a day later is a day older', async () => {
  const run = await validate([seedPath, '--signals', '--today', '2026-12-03']);
  assert.match(run.stdout, /Last reviewed 1880 days ago/);
});

test('thresholds: --stale-days and --min-score turn the stale review and the low score off', async () => {
  const run = await validate([seedPath, '--signals', '--today', '2026-12-02', '--stale-days', '4000', '--min-score', '0']);
  assert.equal(run.code, 0);
  assert.deepEqual(
    [...run.stdout.matchAll(/\[signal: ([a-z-]+)\]/g)].map((match) => match[1]),
    ['generated-content'],
  );
  const strict = await validate([seedPath, '--signals', '--today', '2026-12-02', '--min-score', '90']);
  assert.equal([...strict.stdout.matchAll(/\[signal: low-score\]/g)].length, 4, strict.stdout);
});

test('--json holds each file’s signals and their count; without --signals there are none', async () => {
  const run = await validate([seedPath, '--signals', '--today', '2026-12-02', '--json']);
  const report = JSON.parse(run.stdout);
  assert.equal(report.signals, 3);
  assert.equal(report.results[0].ok, true);
  assert.deepEqual(
    report.results[0].signals.map((signal) => [signal.code, signal.severity, signal.source]),
    [
      ['generated-content', 'notice', 'signal'],
      ['stale-review', 'warning', 'signal'],
      ['low-score', 'notice', 'signal'],
    ],
  );
  const plain = JSON.parse((await validate([seedPath, '--json'])).stdout);
  assert.equal(plain.signals, undefined);
  assert.equal(plain.results[0].signals, undefined);
  assert.doesNotMatch((await validate([seedPath])).stdout, /signal/);
});

test('a file with faults fails for its faults only, and a bare article gets its missing fields', async () => {
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, JSON.stringify({ ...seed, meta: { ...seed.meta, view_count: 'many', flags: { needs_human_review: '1' } } }));
  const bare = join(dir, 'bare.json');
  writeFileSync(bare, JSON.stringify({ meta: { reading_time: 3 } }));
  const run = await validate([broken, bare, '--signals', '--today', '2026-12-02', '--json']);
  assert.equal(run.code, 1);
  const report = JSON.parse(run.stdout);
  const [brokenResult, bareResult] = report.results;
  assert.equal(brokenResult.ok, false);
  assert.deepEqual(
    brokenResult.errors.map((error) => error.pointer),
    ['/meta/view_count'],
  );
  assert.ok(brokenResult.signals.some((signal) => signal.code === 'needs-human-review'));
  assert.equal(bareResult.ok, true);
  assert.deepEqual(
    bareResult.signals.filter((signal) => signal.code === 'missing-field').map((signal) => signal.pointer),
    ['/title', '/url', '/meta/summary', '/meta/topic', '/meta/revision/last_reviewed'],
  );
  assert.equal(report.failed, 1);
});

test('wrong signal options exit 2 and say why', async () => {
  for (const [args, message] of [
    [['--stale-days', '30'], /--stale-days needs --signals/],
    [['--signals', '--stale-days', '-1'], /--stale-days expects a number of days, 0 or more/],
    [['--signals', '--min-score', '101'], /--min-score expects a number from 0 to 100/],
    [['--signals', '--min-score', 'x'], /--min-score expects a number from 0 to 100/],
    [['--signals', '--today', '2026-13-40'], /--today expects a date written YYYY-MM-DD/],
  ]) {
    const run = await validate([seedPath, ...args]);
    assert.equal(run.code, 2, args.join(' '));
    assert.match(run.stderr, message);
  }
});
