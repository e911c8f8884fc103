// `anp validate` (src/cli/validate.ts): exit codes, messages, --json, the
// progress bar (only on a terminal), directories and globs, interruption.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadArticleSchema } from '../../dist/cli/article-check.js';
import { main } from '../../dist/cli/main.js';
import { problemLine, validateFiles } from '../../dist/cli/validate.js';
import { memoryIo } from './cli-io.mjs';

const bin = fileURLToPath(new URL('../../dist/cli/anp.js', import.meta.url));
const seedText = readFileSync(new URL('../fixtures/seed-article.json', import.meta.url), 'utf8');
const seed = JSON.parse(seedText);
const root = mkdtempSync(join(tmpdir(), 'anp-validate-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** A folder of files under the test's temporary root: { 'a/b.json': text or value }. */
function folder(name, files) {
  const dir = join(root, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

function broken() {
  const article = structuredClone(seed);
  article.meta.score.depth = 150;
  article.meta.flags.has_images = 'yes';
  article.url = 'javascript:alert(1)';
  return article;
}

async function run(args, options = {}) {
  const io = memoryIo(options);
  const code = await main(['validate', ...args], io, options.signal);
  return { code, out: io.stdout, err: io.stderr };
}

const SUMMARY = /^(\d+) files?: (\d+) passed, (\d+) failed, (\d+) errors? in \d+\.\d\d s$/m;

test('the seed passes: exit 0, a summary, nothing on stderr when it is not a terminal', async () => {
  const cwd = folder('seed', { 'seed.json': seedText });
  const { code, out, err } = await run(['seed.json'], { cwd });
  assert.equal(code, 0);
  assert.match(out, /^1 file: 1 passed, 0 failed, 0 errors in \d+\.\d\d s\n$/);
  assert.equal(err, '');
});

test('a broken copy fails: exit 1, one file:pointer: message [code] line per problem', async () => {
  const cwd = folder('broken', { 'seed.json': seedText, 'broken.json': broken() });
  const { code, out } = await run(['seed.json', 'broken.json'], { cwd });
  assert.equal(code, 1);
  assert.deepEqual(out.trimEnd().split('\n').slice(0, -1), [
    'broken.json:/url: URL not used: scheme "javascript:" is not allowed (http, https, mailto or relative only) [url-refused]',
    'broken.json:/meta/score/depth: expected a number from 0 to 100, got 150 [out-of-range]',
    'broken.json:/meta/flags/has_images: expected 0, 1, true or false, got a string [wrong-type]',
  ]);
  assert.deepEqual(SUMMARY.exec(out).slice(1, 5), ['2', '1', '1', '3']);
});

test('what only the schema sees is reported too, tagged [schema]; a file that is no JSON, or no article, fails', async () => {
  const cwd = folder('odd', {
    'twice.json': '{"title": "x", "Title": 5}',
    'text.json': '"just text"',
    'cut.json': '{"meta": ',
    'bom.json': `\ufeff${seedText}`,
    'empty-list.json': '[]',
  });
  const { code, out } = await run(['.'], { cwd });
  assert.equal(code, 1);
  assert.match(out, /^twice\.json:\/Title: expected text of at most 10000 characters, got 5 \[schema\]$/m);
  assert.match(out, /^text\.json:: expected an article object, got a string \[wrong-type\]$/m);
  assert.match(out, /^cut\.json:: invalid JSON \(.+\) \[invalid-json\]$/m);
  assert.doesNotMatch(out, /bom\.json|empty-list\.json/);
  assert.deepEqual(SUMMARY.exec(out).slice(1, 4), ['5', '2', '3']);
});

test('--json: one document on stdout, nothing else', async () => {
  const cwd = folder('json', { 'seed.json': seedText, 'broken.json': broken() });
  const { code, out, err } = await run(['--json', '.'], { cwd });
  assert.equal(code, 1);
  assert.equal(err, '');
  const report = JSON.parse(out);
  assert.equal(report.schema, 'https://unpkg.com/anp-components/schema/article.schema.json');
  assert.deepEqual([report.files, report.passed, report.failed, report.errors], [2, 1, 1, 3]);
  assert.equal(typeof report.seconds, 'number');
  assert.deepEqual(
    report.results.map((result) => [result.file, result.ok, result.errors.length]),
    [
      ['broken.json', false, 3],
      ['seed.json', true, 0],
    ],
  );
  assert.deepEqual(report.results[0].errors[1], {
    pointer: '/meta/score/depth',
    message: 'expected a number from 0 to 100, got 150',
    code: 'out-of-range',
    source: 'normalizer',
  });
});

test('exit 2 for a wrong command line: no path, a path or glob that matches nothing, an unknown option', async () => {
  const cwd = folder('usage', { 'seed.json': seedText, 'empty/readme.txt': 'no json here' });
  for (const [args, message] of [
    [[], /no file, directory or glob given/],
    [['missing.json'], /'missing\.json' matches no file/],
    [['*.xml', 'seed.json'], /'\*\.xml' matches no file/],
    [['empty'], /'empty' matches no file/],
    [['--jsn', 'seed.json'], /unknown option --jsn/],
  ]) {
    const { code, out, err } = await run(args, { cwd });
    assert.equal(code, 2, args.join(' '));
    assert.match(err, message);
    assert.match(err, /See anp validate --help/);
    assert.equal(out, '');
  }
});

test('directories are walked for *.json (no dot folders, no node_modules); globs take *, ** and ?', async () => {
  const cwd = folder('tree', {
    'a/one.json': seedText,
    'a/two.json': seedText,
    'a/notes.txt': 'not json',
    'a/deep/three.json': seedText,
    'a/deep/er/four.json': seedText,
    'a/.hidden/five.json': seedText,
    'a/node_modules/six.json': seedText,
    'b/x1.json': seedText,
    'b/x22.json': seedText,
  });
  const files = async (...args) => JSON.parse((await run(['--json', ...args], { cwd })).out).results.map((result) => result.file);
  assert.deepEqual(await files('a'), ['a/deep/er/four.json', 'a/deep/three.json', 'a/one.json', 'a/two.json']);
  assert.deepEqual(await files('a/*.json'), ['a/one.json', 'a/two.json']);
  assert.deepEqual(await files('a/**/*.json'), ['a/deep/er/four.json', 'a/deep/three.json', 'a/one.json', 'a/two.json']);
  assert.deepEqual(await files('**/t*.json'), ['a/deep/three.json', 'a/two.json']);
  assert.deepEqual(await files('b/x?.json'), ['b/x1.json']);
  assert.deepEqual(await files(`${cwd}/b/*.json`, 'b/x1.json'), [join(cwd, 'b/x1.json').slice(cwd.length + 1), 'b/x22.json']);
  assert.deepEqual(await files('a/deep/**'), ['a/deep/er/four.json', 'a/deep/three.json']);
});

test('a progress bar on a terminal, on stderr, cleared before the summary; none when piped', async () => {
  const cwd = folder('bar', Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`p${index}.json`, seedText])));
  const terminal = await run(['.'], { cwd, interactive: true, columns: 60 });
  assert.equal(terminal.code, 0);
  assert.match(terminal.err, /\r\[#{10,}\] 30\/30/);
  assert.ok(terminal.err.endsWith('\r'), 'the bar is cleared');
  assert.ok(
    terminal.err.split('\r').every((line) => line.length < 60),
    'no line wider than the terminal',
  );
  assert.doesNotMatch(terminal.out, /\[#/);
  const piped = spawnSync(process.execPath, [bin, 'validate', '.'], { cwd, encoding: 'utf8' });
  assert.equal(piped.status, 0, piped.stderr);
  assert.equal(piped.stderr, '');
  assert.match(piped.stdout, /^30 files: 30 passed, 0 failed, 0 errors in/);
});

test('an abort stops the run: exit 130, how far it got on stderr, no report', async () => {
  const cwd = folder('abort', Object.fromEntries(Array.from({ length: 1500 }, (_, index) => [`a${index}.json`, seedText])));
  const controller = new AbortController();
  // The run lets the event loop in every 50 ms; checking 1,500 files takes longer than that.
  setTimeout(() => controller.abort(), 10);
  const { code, out, err } = await run(['.'], { cwd, signal: controller.signal });
  assert.equal(code, 130);
  assert.equal(out, '');
  const [, done] = /interrupted after (\d+) of 1500 files/.exec(err) ?? [];
  assert.ok(Number(done) > 0 && Number(done) < 1500, err);
  const early = await run(['.'], { cwd, signal: AbortSignal.abort() });
  assert.equal(early.code, 130);
  assert.match(early.err, /interrupted/);
});

test('the bin exits 1 on a broken file and 0 on the seed', () => {
  const cwd = folder('bin', { 'seed.json': seedText, 'broken.json': broken() });
  assert.equal(spawnSync(process.execPath, [bin, 'validate', 'seed.json'], { cwd }).status, 0);
  const result = spawnSync(process.execPath, [bin, 'validate', 'broken.json'], { cwd, encoding: 'utf8' });
  assert.equal(result.status, 1);
  assert.match(result.stdout, /^broken\.json:\/meta\/score\/depth: /m);
});

test('further checks plug in: their problems count like the others', async () => {
  const cwd = folder('checks', { 'seed.json': seedText, 'untitled.json': { meta: { topic: 'x' } } });
  const titled = {
    name: 'titled',
    check: (_value, normalized) =>
      normalized.value.title === undefined ? [{ pointer: '', message: 'no title', code: 'no-title', source: 'titled' }] : [],
  };
  const io = memoryIo({ cwd });
  const files = ['seed.json', 'untitled.json'].map((name) => join(cwd, name));
  const report = await validateFiles(files, io, new AbortController().signal, loadArticleSchema(), [titled]);
  assert.deepEqual([report.passed, report.failed, report.errors], [1, 1, 1]);
  assert.equal(problemLine(report.results[1].file, report.results[1].errors[0]), 'untitled.json:: no title [no-title]');
});
