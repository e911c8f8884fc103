// `anp related` (src/cli/related.ts and its modules): ranking, output, --write.
import assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { normalizeArticle } from '../../dist/core/normalize.js';
import { main } from '../../dist/cli/main.js';
import { reasons, RelatedIndexBuilder } from '../../dist/cli/related-index.js';
import { articleTerms } from '../../dist/cli/related-terms.js';
import { withSimilarPosts } from '../../dist/cli/related-write.js';
import { writeAtomically } from '../../dist/cli/write-atomically.js';
import { writeCorpus } from '../../scripts/related-corpus.mjs';
import { memoryIo } from './cli-io.mjs';

const seedText = readFileSync(new URL('../fixtures/seed-article.json', import.meta.url), 'utf8');
const temporary = [];
after(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A corpus of `count` generated articles plus the seed, in a fresh folder. */
function corpus(count = 40, seed = 7) {
  const dir = mkdtempSync(join(tmpdir(), 'anp-related-'));
  temporary.push(dir);
  writeCorpus(join(dir, 'posts'), { count, seed });
  writeFileSync(join(dir, 'posts', 'seed-article.json'), seedText);
  return dir;
}

async function related(dir, args, signal) {
  const io = memoryIo({ cwd: dir });
  const code = await main(['related', ...args], io, signal);
  return { code, ...io };
}

/** Every file under `dir`, path → bytes. */
function snapshot(dir) {
  const files = new Map();
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(path, readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

const hidden = (dir) => [...snapshot(dir).keys()].filter((path) => path.split('/').pop().startsWith('.'));

test('the same corpus gives the same results, byte for byte, wherever it lies and in whatever order its files were made', async () => {
  const dir = corpus();
  const first = await related(dir, ['posts', '--json']);
  assert.equal(first.code, 0, first.stderr);
  assert.equal((await related(dir, ['posts', '--json'])).stdout, first.stdout);
  // A copy made file by file in reverse order, in another folder.
  const copy = mkdtempSync(join(tmpdir(), 'anp-related-copy-'));
  temporary.push(copy);
  for (const [path, bytes] of [...snapshot(join(dir, 'posts'))].reverse()) {
    const target = join(copy, 'posts', path.slice(join(dir, 'posts').length + 1));
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, bytes);
  }
  assert.equal((await related(copy, ['posts', '--json'])).stdout, first.stdout);
});

test('the index: never the article itself, equal scores in corpus order, the lightest terms dropped past maxTerms', () => {
  const bag = (...terms) => new Map(terms.map((term) => [term, 1]));
  const builder = new RelatedIndexBuilder();
  builder.add(bag('go', 'latency', 'p99')); // 0
  builder.add(bag('go', 'latency', 'grpc')); // 1: the same score from 0 as 2
  builder.add(bag('go', 'latency', 'pprof')); // 2
  builder.add(bag('rust', 'tokio')); // 3: shares nothing with 0
  builder.add(bag('rust', 'tokio', 'p99')); // 4
  const index = builder.build();
  const nearest = index.nearest(0, 10);
  assert.ok(!nearest.some(({ doc }) => doc === 0));
  // 1 and 2 score the same from 0: the lower index first, next to each other.
  const tied = nearest.findIndex(({ doc }) => doc === 1);
  assert.equal(nearest[tied + 1]?.doc, 2);
  assert.equal(nearest[tied].score, nearest[tied + 1].score);
  assert.ok(!nearest.some(({ doc }) => doc === 3));
  assert.deepEqual(index.nearest(0, tied + 1), nearest.slice(0, tied + 1));
  assert.ok(!index.nearest(0, 10, 0, (doc) => doc === 1).some(({ doc }) => doc === 1));
  assert.deepEqual(
    index.sharedTerms(0, 4).map(({ term }) => term),
    ['p99'],
  );
  // Only terms in two articles or more are indexed, at most maxTerms each.
  assert.equal(index.vocabulary, 5); // go, latency, p99, rust, tokio
  const small = new RelatedIndexBuilder();
  small.add(
    new Map([
      ['a', 5],
      ['b', 1],
    ]),
  );
  small.add(
    new Map([
      ['a', 1],
      ['b', 1],
    ]),
  );
  assert.deepEqual(small.build({ maxTerms: 1 }).termsOf(0), ['a']);
  assert.deepEqual(
    reasons([
      { term: 'python', weight: 3 },
      { term: 'python services', weight: 2 },
      { term: 'go', weight: 1 },
    ]),
    ['python services', 'go'],
  );
});

test('an article is never similar to itself, nor to another file of the same URL', async () => {
  const dir = corpus();
  cpSync(join(dir, 'posts', 'seed-article.json'), join(dir, 'posts', 'seed-copy.json'));
  const { code, stdout } = await related(dir, ['posts', '--json', '--top', '10', '--min-score', '0']);
  assert.equal(code, 0);
  const { articles } = JSON.parse(stdout);
  let matches = 0;
  for (const article of articles) {
    for (const match of article.similar) {
      matches++;
      assert.notEqual(match.file, article.file);
      assert.notEqual(match.url, article.url, `${article.file} lists ${match.file}, same URL`);
    }
  }
  assert.ok(matches > articles.length * 5, `only ${matches} matches`);
  // The copy and the seed have identical terms: without the URL rule each would be the other's first match.
  const seed = articles.find(({ file }) => file === 'posts/seed-article.json');
  assert.ok(seed.similar.length > 0);
  assert.ok(!seed.similar.some(({ file }) => file === 'posts/seed-copy.json'));
});

test('every reason is a term both articles have, and the seed finds articles of its own stack and problem', async () => {
  const dir = corpus();
  const { stdout } = await related(dir, ['posts', '--json']);
  const terms = (file) => articleTerms(normalizeArticle(readFileSync(join(dir, file), 'utf8')).value);
  const { articles } = JSON.parse(stdout);
  let reasons = 0;
  for (const article of articles) {
    const mine = terms(article.file);
    for (const match of article.similar) {
      const theirs = terms(match.file);
      assert.ok(match.shared.length > 0, `${article.file} → ${match.file}: no reason`);
      for (const term of match.shared) {
        assert.ok(mine.has(term) && theirs.has(term), `"${term}" is not in both ${article.file} and ${match.file}`);
        reasons++;
      }
    }
  }
  assert.ok(reasons > articles.length);
  const seed = articles.find(({ file }) => file === 'posts/seed-article.json');
  // Its problem and its stack both bring matches.
  assert.ok(
    seed.similar.some(({ shared }) => shared.includes('tracking data quality signals')),
    JSON.stringify(seed.similar),
  );
  assert.ok(
    seed.similar.some(({ shared }) => shared.includes('python services')),
    JSON.stringify(seed.similar),
  );
  // Scores are best first, from 0 to 1.
  for (const { similar } of articles) {
    similar.forEach((match, at) => {
      assert.ok(match.score > 0 && match.score <= 1);
      if (at) assert.ok(similar[at - 1].score >= match.score);
    });
  }
});

test('--json gives every article with its similar posts, and the skipped files', async () => {
  const dir = corpus(10);
  writeFileSync(join(dir, 'posts', 'broken.json'), '{"title": ');
  const { code, stdout, stderr } = await related(dir, ['posts', '--json', '--top', '2']);
  assert.equal(code, 1);
  const result = JSON.parse(stdout);
  assert.deepEqual(Object.keys(result), ['articles', 'skipped']);
  assert.equal(result.articles.length, 11);
  for (const article of result.articles) {
    assert.deepEqual(Object.keys(article), ['file', 'title', 'url', 'similar']);
    assert.ok(article.similar.length <= 2);
    for (const match of article.similar) {
      assert.deepEqual(Object.keys(match), ['file', 'title', 'url', 'score', 'shared']);
      assert.equal(typeof match.score, 'number');
      assert.ok(Array.isArray(match.shared));
    }
  }
  assert.deepEqual(
    result.skipped.map(({ file }) => file),
    ['posts/broken.json'],
  );
  assert.match(stderr, /^posts\/broken\.json: invalid JSON \(/m);
});

test('plain text lists each article, its matches with scores, and what they share', async () => {
  const dir = corpus(10);
  const { code, stdout, stderr } = await related(dir, ['posts', '--top', '1']);
  assert.equal(code, 0, stderr);
  assert.match(
    stdout,
    /^posts\/seed-article\.json: python services notes: tracking data quality signals before a major migration\n {2}1\. [01]\.\d{3} {2}.+ {2}<\/posts\/[^>]+>\n {5}shared: python services/m,
  );
  assert.match(stderr, /^anp related: 11 article\(s\), \d+ similar post\(s\); 0 skipped\n$/);
});

test('--write puts similar_posts into each file once: a second run changes no byte', async () => {
  const dir = corpus(30);
  const before = snapshot(dir);
  const first = await related(dir, ['posts', '--write', '--top', '3']);
  assert.equal(first.code, 0, first.stderr);
  const written = snapshot(dir);
  const changed = [...written].filter(([path, bytes]) => !bytes.equals(before.get(path)));
  assert.ok(changed.length > 25, `${changed.length} files changed`);
  assert.match(first.stderr, new RegExp(`${changed.length} file\\(s\\) updated, ${31 - changed.length} unchanged`));
  for (const [path, bytes] of changed) {
    const old = JSON.parse(before.get(path).toString());
    const now = JSON.parse(bytes.toString());
    const posts = now.similar_posts ?? now.similarPosts;
    // Only similar_posts changed, and it is what SPEC gives, with no problem for the normalizer.
    delete now.similar_posts;
    delete old.similar_posts;
    assert.deepEqual(now, old, path);
    assert.ok(posts.length <= 3);
    const read = normalizeArticle({ title: 'x', similar_posts: posts });
    assert.deepEqual(read.errors, [], path);
    for (const post of posts) assert.equal(typeof post.title, 'string');
  }
  const found = changed.filter(([, bytes]) => JSON.parse(bytes.toString()).similar_posts?.length > 0);
  assert.ok(found.length > 20, `${found.length} files with similar posts`);
  const second = await related(dir, ['posts', '--write', '--top', '3']);
  assert.equal(second.code, 0);
  assert.equal(second.stdout, '');
  assert.match(second.stderr, /; 0 file\(s\) updated, 31 unchanged;/);
  for (const [path, bytes] of snapshot(dir)) assert.ok(bytes.equals(written.get(path)), `${path} changed on the second run`);
  assert.deepEqual(hidden(dir), []);
  const asJson = JSON.parse((await related(dir, ['posts', '--write', '--top', '3', '--json'])).stdout);
  assert.deepEqual(Object.keys(asJson), ['articles', 'skipped', 'updated', 'unchanged']);
  assert.deepEqual([asJson.updated, asJson.unchanged], [[], 31]);
});

test('--write keeps each file as it was written: CRLF, one line, the meta at the root, another spelling of the key', () => {
  const posts = [{ title: 'a', url: '/a', score: { depth: 3 }, shared_terms: ['go'] }];
  const crlf = '{\r\n    "title": "t",\r\n    "similar_posts": []\r\n}\r\n';
  const edited = withSimilarPosts(crlf, posts);
  assert.equal(
    edited.text,
    '{\r\n    "title": "t",\r\n    "similar_posts": [\r\n        {\r\n            "title": "a",\r\n            "url": "/a",\r\n            "score": { "depth": 3 },\r\n            "shared_terms": ["go"]\r\n        }\r\n    ]\r\n}\r\n',
  );
  assert.equal(withSimilarPosts(edited.text, posts).text, edited.text);
  assert.equal(
    withSimilarPosts('{"title":"t","topic":"x"}', posts).text,
    '{"title":"t","topic":"x","similar_posts":[{"title":"a","url":"/a","score":{"depth":3},"shared_terms":["go"]}]}',
  );
  const camel = withSimilarPosts('{\n  "similarPosts": [1],\n  "title": "t"\n}', []);
  assert.equal(camel.text, '{\n  "similarPosts": [],\n  "title": "t"\n}');
  const twice = withSimilarPosts('{"similar_posts": [], "similar-posts": []}', []);
  assert.equal(twice.ok, false);
  assert.match(twice.message, /more than one similar_posts key/);
  // A key holding braces and quotes inside strings does not confuse the scan.
  const tricky = '{\n  "a\\"}": "{[\\"",\n  "b": [{"c": "]"}]\n}';
  assert.equal(withSimilarPosts(tricky, []).text, '{\n  "a\\"}": "{[\\"",\n  "b": [{"c": "]"}],\n  "similar_posts": []\n}');
});

test('an atomic write that is aborted, or fails, leaves the file as it was and no temporary file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'anp-related-atomic-'));
  temporary.push(dir);
  const file = join(dir, 'a.json');
  writeFileSync(file, '{"title":"old"}');
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(writeAtomically(file, '{"title":"new"}', controller.signal), { name: 'AbortError' });
  assert.equal(readFileSync(file, 'utf8'), '{"title":"old"}');
  await assert.rejects(writeAtomically(join(dir, 'missing', 'b.json'), '{}', new AbortController().signal));
  chmodSync(file, 0o666); // wider than the umask (022) would let a new file be
  await writeAtomically(file, '{"title":"new"}', new AbortController().signal);
  assert.equal(readFileSync(file, 'utf8'), '{"title":"new"}');
  assert.equal(statSync(file).mode & 0o777, 0o666);
  assert.deepEqual(readdirSync(dir), ['a.json']);
});

test('interrupted during --write: exit 130, every file either as it was or fully written, no temporary file', async () => {
  const dir = corpus(20);
  const before = snapshot(dir);
  const controller = new AbortController();
  const io = memoryIo({ cwd: dir });
  const out = io.out;
  // Ctrl-C as soon as a file is reported written (files are written a few at a time).
  io.out = (text) => {
    out(text);
    controller.abort();
  };
  const code = await main(['related', 'posts', '--write'], io, controller.signal);
  assert.equal(code, 130);
  assert.match(io.stderr, /interrupted/);
  const after = snapshot(dir);
  const changed = [...after].filter(([path, bytes]) => !bytes.equals(before.get(path)));
  const reported = io.stdout.match(/^updated /gm) ?? [];
  assert.ok(changed.length >= 1 && changed.length < 21, `${changed.length} files changed`);
  assert.equal(changed.length, reported.length);
  for (const [, bytes] of changed) assert.ok(Array.isArray(JSON.parse(bytes.toString()).similar_posts));
  assert.deepEqual(hidden(dir), []);
  // Interrupted before it starts: nothing is written.
  const stopped = new AbortController();
  stopped.abort();
  assert.equal((await related(dir, ['posts', '--write'], stopped.signal)).code, 130);
  for (const [path, bytes] of snapshot(dir)) assert.ok(bytes.equals(after.get(path)));
});

test('a file changed on disk while the corpus is ranked is reported and not written (exit 1)', async () => {
  const dir = corpus(12);
  // A terminal, so that the progress line tells the test when ranking is done (drawn always at a phase's end).
  const io = memoryIo({ cwd: dir, interactive: true, columns: 60 });
  const seed = join(dir, 'posts', 'alphanode', 'alphanode-00000.json');
  const edited = `${readFileSync(seed, 'utf8')} `;
  const err = io.err;
  io.err = (text) => {
    err(text);
    // An editor saves the first article as ranking ends, before anything is written.
    if (/ranking \[#+\] 13\/13/.test(text) && readFileSync(seed, 'utf8') !== edited) writeFileSync(seed, edited);
  };
  const code = await main(['related', 'posts', '--write'], io);
  assert.equal(code, 1, io.stderr);
  assert.match(io.stderr, /^posts\/alphanode\/alphanode-00000\.json: changed while anp related ran; not written$/m);
  assert.equal(readFileSync(seed, 'utf8'), edited);
  assert.doesNotMatch(io.stdout, /alphanode-00000/);
  assert.match(io.stdout, /^updated posts\//m);
});

test('hostile files are reported and skipped, or read within the caps; nothing throws', async () => {
  const dir = corpus(6);
  const posts = join(dir, 'posts');
  writeFileSync(join(posts, 'empty.json'), '');
  writeFileSync(join(posts, 'binary.json'), Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x80]));
  writeFileSync(join(posts, 'huge.json'), `{"title": "${'x'.repeat(1_100_000)}"}`);
  writeFileSync(join(posts, 'deep.json'), `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  writeFileSync(
    join(posts, 'proto.json'),
    '{"title": "python services and __proto__", "__proto__": {"polluted": 1}, "meta": {"stack": ["python services"]}}',
  );
  writeFileSync(
    join(posts, 'long.json'),
    JSON.stringify({ title: 'python services '.repeat(5000), meta: { tools: Array(2000).fill('pytest') } }),
  );
  mkdirSync(join(posts, 'folder.json'));
  const { code, stdout, stderr } = await related(dir, ['posts', '--json', '--write']);
  assert.equal(code, 1);
  const result = JSON.parse(stdout);
  assert.deepEqual(result.skipped.map(({ file }) => file).sort(), [
    'posts/binary.json',
    'posts/deep.json',
    'posts/empty.json',
    'posts/huge.json',
  ]);
  assert.match(stderr, /^posts\/huge\.json: JSON too large/m);
  assert.match(stderr, /^posts\/deep\.json: JSON nested too deep/m);
  const files = result.articles.map(({ file }) => file);
  assert.ok(files.includes('posts/proto.json') && files.includes('posts/long.json'));
  assert.equal({}.polluted, undefined);
  // What was written is still JSON, with the hostile keys where they were.
  const proto = readFileSync(join(posts, 'proto.json'), 'utf8');
  assert.ok(Array.isArray(JSON.parse(proto).similar_posts));
  assert.match(proto, /^\{"title": "python services and __proto__", "__proto__": \{"polluted": 1\}, /);
  assert.deepEqual(hidden(dir), []);
});

test('exit codes: 1 when a file is skipped, 2 for a wrong command line', async () => {
  const dir = corpus(5);
  writeFileSync(join(dir, 'posts', 'list.json'), '[1, 2]');
  writeFileSync(join(dir, 'posts', 'empty.json'), '{"hello": "world"}');
  const skipped = await related(dir, ['posts', 'nowhere']);
  assert.equal(skipped.code, 1);
  assert.match(skipped.stderr, /^posts\/empty\.json: not an article: no title and no meta fields$/m);
  assert.match(skipped.stderr, /^posts\/list\.json: not an article: the JSON is not an object$/m);
  assert.match(skipped.stderr, /^nowhere: no such file or folder$/m);
  assert.match(skipped.stdout, /^posts\/seed-article\.json: /m);
  for (const args of [
    [],
    ['posts', '--top', '0'],
    ['posts', '--top', '21'],
    ['posts', '--min-score', '2'],
    ['posts', '--min-score', 'x'],
    ['posts', '--wrtie'],
  ]) {
    const wrong = await related(dir, args);
    assert.equal(wrong.code, 2, `${args.join(' ')}: ${wrong.stderr}`);
    assert.match(wrong.stderr, /See anp related --help/);
  }
  const help = await related(dir, ['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: anp related <folder\|file>\.\.\./);
});

test('a progress line on a terminal (reading, ranking), erased at the end; none into a pipe', async () => {
  const dir = corpus(30);
  const io = memoryIo({ cwd: dir, interactive: true, columns: 70 });
  assert.equal(await main(['related', 'posts'], io), 0, io.stderr);
  assert.match(io.stderr, /\rreading \[#+\.*\] 31\/31/);
  assert.match(io.stderr, /\rranking \[#+\.*\] 31\/31/);
  assert.match(io.stderr, /\] 31\/31\r {60,}\ranp related: /, 'the line is erased before the summary');
  assert.ok(
    io.stderr.split('\r').every((line) => line.length < 70),
    'no line is wider than the terminal',
  );
  assert.doesNotMatch(io.stdout, /\[#/);
  const piped = await related(dir, ['posts']);
  assert.doesNotMatch(piped.stderr, /\[#/);
});
