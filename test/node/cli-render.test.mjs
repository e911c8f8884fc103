// `anp render` (src/cli/render.ts): server-rendered HTML from an article file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../../dist/cli/main.js';
import { SSR_ELEMENTS } from '../../dist/ssr/index.js';
import { memoryIo } from './cli-io.mjs';
import { parseFragment, seedValues, visibleText } from './ssr-read.mjs';

const bin = fileURLToPath(new URL('../../dist/cli/anp.js', import.meta.url));
const seedFile = fileURLToPath(new URL('../fixtures/seed-article.json', import.meta.url));
const seed = JSON.parse(readFileSync(seedFile, 'utf8'));

/** A fresh directory holding the seed as `seed.json`. */
function workDir() {
  const dir = mkdtempSync(join(tmpdir(), 'anp-render-'));
  writeFileSync(join(dir, 'seed.json'), readFileSync(seedFile));
  return dir;
}

test('renders the seed to stdout: an <anp-article> with every element and every seed value', async () => {
  const io = memoryIo({ cwd: workDir() });
  assert.equal(await main(['render', 'seed.json'], io), 0, io.stderr);
  assert.equal(io.stderr, '');
  assert.match(io.stdout, /^<anp-article><template shadowrootmode="open">/);
  const body = parseFragment(io.stdout);
  assert.deepEqual(
    [...body.firstElementChild.children].map((child) => child.localName),
    ['template', 'script', 'anp-meta-box', 'anp-score-bars', 'anp-checklist', 'anp-similar-posts'],
  );
  const text = visibleText(body);
  for (const value of seedValues(seed)) assert.ok(text.includes(value), `missing: ${value}`);
});

test('--out writes the same HTML to the file, and leaves no temporary file', async () => {
  const dir = workDir();
  const printed = memoryIo({ cwd: dir });
  assert.equal(await main(['render', 'seed.json'], printed), 0);
  const io = memoryIo({ cwd: dir });
  assert.equal(await main(['render', 'seed.json', '--out', 'page.html'], io), 0, io.stderr);
  assert.equal(io.stdout, '');
  assert.equal(readFileSync(join(dir, 'page.html'), 'utf8'), printed.stdout);
  assert.deepEqual(readdirSync(dir).sort(), ['page.html', 'seed.json']);
});

test('--elements picks the elements and their order; --lang their language', async () => {
  const io = memoryIo({ cwd: workDir() });
  assert.equal(await main(['render', 'seed.json', '--elements', 'score-bars,meta-box', '--lang', 'fr'], io), 0, io.stderr);
  const article = parseFragment(io.stdout).firstElementChild;
  assert.deepEqual(
    [...article.children].map((child) => child.localName),
    ['template', 'script', 'anp-score-bars', 'anp-meta-box'],
  );
  assert.equal(article.querySelector('anp-meta-box').getAttribute('lang'), 'fr');
  assert.match(visibleText(article), /vues 513 976/); // (a narrow no-break space in fr, read as a space)
});

test('invalid JSON: exit 1, file:pointer: message on stderr, nothing written', async () => {
  const dir = workDir();
  writeFileSync(join(dir, 'broken.json'), '{"meta": {"topic": "x",}}');
  const io = memoryIo({ cwd: dir });
  assert.equal(await main(['render', 'broken.json', '--out', 'page.html'], io), 1);
  assert.match(io.stderr, /^broken\.json:: article: invalid JSON/m);
  assert.match(io.stderr, /broken\.json has 1 problem\(s\); nothing written/);
  assert.deepEqual(readdirSync(dir).sort(), ['broken.json', 'seed.json']);
});

test('hostile values: exit 1 with a line per problem, at its JSON pointer', async () => {
  const dir = workDir();
  const hostile = { meta: { summary: 'a <img src=x onerror=alert(1)>' }, similar_posts: [{ title: 't', url: 'javascript:alert(1)' }] };
  writeFileSync(join(dir, 'hostile.json'), JSON.stringify(hostile));
  const io = memoryIo({ cwd: dir });
  assert.equal(await main(['render', 'hostile.json'], io), 1);
  assert.equal(io.stdout, '');
  const lines = io.stderr.trim().split('\n');
  assert.deepEqual(lines.slice(0, 2), [
    'hostile.json:/meta/summary: removed markup that is not allowed: <img>',
    'hostile.json:/similar_posts/0/url: URL not used: scheme "javascript:" is not allowed (http, https, mailto or relative only)',
  ]);
});

test('a wrong command line exits 2; a missing file exits 3', async () => {
  const dir = workDir();
  let io = memoryIo({ cwd: dir });
  assert.equal(await main(['render', 'seed.json', '--elements', 'meta-box,charts'], io), 2);
  assert.match(io.stderr, /--elements: unknown element 'charts'/);
  io = memoryIo({ cwd: dir });
  assert.equal(await main(['render'], io), 2);
  io = memoryIo({ cwd: dir });
  assert.equal(await main(['render', 'nope.json'], io), 3);
  assert.match(io.stderr, /cannot read nope\.json/);
});

test('its element list is the renderer’s', () => {
  const help = memoryIo();
  return main(['render', '--help'], help).then((code) => {
    assert.equal(code, 0);
    assert.ok(help.stdout.includes(`--elements ${SSR_ELEMENTS.join(',')}`), help.stdout.split('\n')[0]);
  });
});

test('an interrupt leaves no file: before writing, and at any moment while rendering and writing', async () => {
  const dir = workDir();
  writeFileSync(join(dir, 'page.html'), 'the previous page');
  const before = new AbortController();
  before.abort();
  const io = memoryIo({ cwd: dir });
  assert.equal(await main(['render', 'seed.json', '--out', 'page.html'], io, before.signal), 130);
  assert.equal(readFileSync(join(dir, 'page.html'), 'utf8'), 'the previous page');
  const complete = readFileSync(join(dir, 'page.html'), 'utf8');
  let interruptedRuns = 0;
  for (const delay of [0, 1, 2, 5, 10, 20, 40, 80]) {
    const controller = new AbortController();
    const run = main(['render', 'seed.json', '--out', 'page.html'], memoryIo({ cwd: dir }), controller.signal);
    setTimeout(() => controller.abort(), delay);
    const code = await run;
    assert.ok(code === 0 || code === 130, `exit ${code}`);
    if (code === 130) interruptedRuns++;
    assert.deepEqual(readdirSync(dir).sort(), ['page.html', 'seed.json'], `after an abort at ${delay} ms`);
    const now = readFileSync(join(dir, 'page.html'), 'utf8');
    assert.ok(now === complete || now.startsWith('<anp-article>'), 'the old page or a whole new one');
    if (code === 0) assert.ok(now.endsWith('</anp-article>\n'));
  }
  assert.ok(interruptedRuns > 0, 'some runs were interrupted');
});

test('without the server packages: exit 3 and what to npm install', () => {
  const dir = workDir();
  const hide = fileURLToPath(new URL('./hide-packages.mjs', import.meta.url));
  for (const hidden of ['jsdom', '@lit-labs/ssr', '@lit-labs/ssr,jsdom']) {
    const result = spawnSync(process.execPath, ['--import', hide, bin, 'render', 'seed.json'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ANP_HIDE_PACKAGES: hidden },
    });
    assert.equal(result.status, 3, result.stderr);
    assert.equal(result.stdout, '');
    const names = hidden.split(',').join(' and ');
    assert.equal(
      result.stderr,
      `anp render: server rendering needs ${names}, which ${hidden.includes(',') ? 'are' : 'is'} not installed: npm install --save-dev @lit-labs/ssr jsdom\n`,
    );
  }
});
