#!/usr/bin/env node
// The Node-side tests: test/node/*.test.mjs with node:test, against the built
// dist/ (the CLI, the schema, server rendering; what runs without a browser).
// `npm test` runs this as the counted suite `node` (ANP_NODE=0 skips it);
// alone: `node scripts/node-tests.mjs [files...]` after `npm run build`.
// Each test (not each describe block) is a case of scripts/kit/report.mjs.
import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { run } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createReport } from './kit/report.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(root, 'test/node');
const chosen = process.argv.slice(2);
const files = chosen.length
  ? chosen.map((file) => resolve(file))
  : readdirSync(dir)
      .filter((name) => name.endsWith('.test.mjs'))
      .sort()
      .map((name) => resolve(dir, name));

const report = createReport('node', { indent: '  ' });
console.log(`node: ${files.length} test file(s) in test/node/`);
const stream = run({ files, concurrency: 2, timeout: 300_000 });
const where = (data) => (data.file ? ` (${data.file.replace(`${root}/`, '')})` : '');
stream.on('test:pass', (data) => {
  if (data.details?.type !== 'suite') report.check(true, `${data.name}${where(data)}`);
});
stream.on('test:fail', (data) => {
  if (data.details?.type === 'suite' && data.details?.error?.failureType === 'subtestsFailed') return;
  const error = data.details?.error;
  const cause = error?.cause ?? error;
  report.check(false, `${data.name}${where(data)}`, cause?.stack ?? cause?.message ?? String(cause));
});
stream.on('test:diagnostic', (data) => {
  if (/^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) /.test(data.message)) return;
  console.log(`  # ${data.message}`);
});
// The stream must be read for the run to go on.
for await (const _event of stream);
process.exitCode = report.finish();
