// The hostile inputs of issue 11 (bounded cost), built in one place for the
// tests and for scripts/longest-task.mjs, which measures each in Chromium,
// Firefox and WebKit. Plain JavaScript with no imports, so that node and a
// browser page (as a module) both load it as is; types: cases.d.mts.
//
// Every case is the WITNESS article (a seed-like article whose fields each
// element shows carry the words "still here") plus something hostile. After
// any input, each element must still show its witness, unless the case says
// that nothing can render (the whole input is rejected, as JSON text over the
// length cap is), and anp-error must name what was dropped.
//
// Generators are lazy and not cached: a 50 MB case costs nothing until
// text() or object() is called, and each call builds a fresh value.

/** What each element is given by, in the order the elements look for data. */
export const PATHS = Object.freeze(['property', 'attribute', 'src', 'script', 'context']);

/** The elements: `anp-article` stands for itself with the four others inside it. */
export const ELEMENTS = Object.freeze(['anp-meta-box', 'anp-score-bars', 'anp-checklist', 'anp-similar-posts', 'anp-article']);

/** The words each element's witness field carries (compare case-insensitively: labels may be capitalized). */
export const STILL_HERE = 'still here';

/**
 * The text each element must still show after a case whose `renders` is
 * true: the witness field it displays. `<anp-article>` renders nothing of its
 * own; for it, each of the four elements inside must show its own witness.
 */
export const WITNESS_TEXT = Object.freeze({
  'anp-meta-box': STILL_HERE, // meta.topic
  'anp-score-bars': STILL_HERE, // the label of meta.score.still_here
  'anp-checklist': STILL_HERE, // the first checklist item
  'anp-similar-posts': STILL_HERE, // the first similar post's title
});

/**
 * A copy of ../shared/fixtures/seed-article.json (also test/fixtures/seed-article.json),
 * inline because a browser cannot import JSON portably yet;
 * scripts/longest-task.mjs checks that it still equals the fixture.
 */
export const SEED_ARTICLE = Object.freeze({
  id: 'alphanode-002918',
  title: 'python services notes: tracking data quality signals before a major migration',
  url: '/posts/alphanode-002918',
  meta: {
    topic: 'tracking data quality signals / python services',
    summary:
      'this ai-style technical summary explains tracking data quality signals in python services, with emphasis on measurement, safe defaults, rollback planning, and maintainable documentation.',
    ai_outline: {
      context: 'before a major migration',
      problem: 'tracking data quality signals',
      stack: 'python services',
      recommended_action: 'measure first, change carefully, document the result',
    },
    ai_brief:
      'the article is written like a careful ai generated engineering draft: it explains the reason for the change, lists operational checks, and avoids pretending that one command fixes every production case.',
    stack: ['python services', 'backend', 'python'],
    tools: ['fastapi', 'pytest', 'uvicorn', 'ruff', 'git', 'logs'],
    code_language: 'python',
    difficulty: 'advanced',
    reading_time: 5,
    view_count: 513976,
    score: { quality: 78, freshness: 67, depth: 86, clarity: 87 },
    revision: { status: 'drafted', version: '1.5.8', last_reviewed: '2021-10-10' },
    reference: 'anp-ref-002918-3305',
    hash: '8554871f141cbe5b67b921d3',
    flags: { ai_generated_style: 1, has_images: 0, image_heavy: 0, needs_human_review: 0 },
    checklist: [
      'review query plans',
      'add indexes carefully',
      'test with realistic data',
      'compare before and after metrics',
      'document the migration',
    ],
    entities: [
      { name: 'python services', type: 'stack' },
      { name: 'backend', type: 'area' },
      { name: 'tracking data quality signals', type: 'problem' },
    ],
    payload: {
      source_id: 'alphanode-002918',
      generator: 'anp content synthesizer',
      paragraphs: 3,
      scenario: 'before a major migration',
      seed: 2918,
    },
    notes: [
      'sanitized array meta is expected to render as a list in the frontend box',
      'view count is synthetic and only used for testing meta volume',
      'content is generated for import/load testing and should be reviewed before indexing',
    ],
  },
  similar_posts: [],
});

/** A fresh, mutable witness article: the seed with "still here" in the field each element shows. */
export function witnessArticle() {
  const article = JSON.parse(JSON.stringify(SEED_ARTICLE));
  article.meta.topic = STILL_HERE;
  article.meta.score = { still_here: 61, ...article.meta.score };
  article.meta.checklist = [STILL_HERE, ...article.meta.checklist];
  article.similar_posts = [{ title: STILL_HERE, url: '/posts/still-here', topic: 'witness', reading_time: 3 }];
  return article;
}

/** The witness article with `meta[key] = value` added (after the witness fields, as a CMS export would). */
function withMeta(key, value) {
  const article = witnessArticle();
  article.meta[key] = value;
  return article;
}

/** A list of `count` strings of `length` characters; the first starts with `first` when given. */
function longStrings(count, length, letter, first) {
  const one = letter.repeat(length);
  const list = new Array(count).fill(one);
  if (first !== undefined) list[0] = (first + ' ' + one).slice(0, length);
  return list;
}

// ---- item 1: a 100,000-character key repeated in thousands of error pointers ----

/** `[[1e300 x 490] x 5]` under one long key: each number is a problem whose pointer holds the key. */
function pointerKeyObject(keyLength) {
  const numbers = () => new Array(490).fill(1e300);
  return withMeta('x', { ['k'.repeat(keyLength)]: [numbers(), numbers(), numbers(), numbers(), numbers()] });
}

/** JSON text of a witness-based article, written with `1e300` as the text has it (JSON.stringify writes 1e+300). */
function pointerKeyText(keyLength) {
  return JSON.stringify(pointerKeyObject(keyLength)).replaceAll('1e+300', '1e300');
}

// ---- item 3: JSON text far past any sane size ----

/** A valid article of about `bytes` characters of JSON: the witness plus `meta.log`, a list of 10,000-character strings. */
function bigArticleText(bytes) {
  const count = Math.max(1, Math.floor(bytes / 10_003)); // each entry is "…", in the text
  return JSON.stringify(withMeta('log', new Array(count).fill('y'.repeat(10_000))));
}

/**
 * @typedef {import('./cases.d.mts').DosCase} DosCase
 * @type {readonly DosCase[]}
 */
export const CASES = Object.freeze([
  {
    name: 'seed',
    item: 'baseline',
    about: 'the seed article (test/fixtures/seed-article.json) with the witness fields; nothing hostile',
    paths: ['property', 'attribute', 'src', 'script', 'context'],
    elements: ['anp-meta-box', 'anp-score-bars', 'anp-checklist', 'anp-similar-posts', 'anp-article'],
    object: witnessArticle,
    text: () => JSON.stringify(witnessArticle()),
    renders: true,
    expectError: false,
    quick: true,
  },
  {
    name: 'pointer-key-120kb',
    item: 1,
    about: '{"meta":{"x":{"<100,000-character key>":[[1e300 x490] x5]}}}: thousands of errors whose pointers repeat the key',
    paths: ['property', 'attribute', 'src', 'script', 'context'],
    elements: ['anp-meta-box', 'anp-score-bars', 'anp-article'],
    object: () => pointerKeyObject(100_000),
    text: () => pointerKeyText(100_000),
    renders: true,
    expectError: true,
    quick: true,
  },
  {
    name: 'pointer-key-1mb',
    item: 1,
    about: "item 1 with a 1,000,000-character key (the issue's 1 MB variant; as text it is past the JSON length cap)",
    paths: ['property', 'attribute'],
    elements: ['anp-meta-box', 'anp-article'],
    object: () => pointerKeyObject(1_000_000),
    text: () => pointerKeyText(1_000_000),
    renders: { property: true, attribute: false },
    expectError: true,
    quick: false,
  },
  {
    name: 'pointer-key-3mb',
    item: 1,
    about: "item 1 with a 3,000,000-character key (the issue's 3 MB variant)",
    paths: ['property', 'src'],
    elements: ['anp-meta-box'],
    object: () => pointerKeyObject(3_000_000),
    text: () => pointerKeyText(3_000_000),
    renders: { property: true, src: false },
    expectError: true,
    quick: false,
  },
  {
    name: 'nested-bold-notes',
    item: 2,
    about: "ten notes of '<b>'.repeat(3000): markup nested 3,000 deep, ten times",
    paths: ['property', 'attribute', 'script'],
    elements: ['anp-meta-box', 'anp-article'],
    object: () => withMeta('notes', new Array(10).fill('<b>'.repeat(3000))),
    text: () => JSON.stringify(withMeta('notes', new Array(10).fill('<b>'.repeat(3000)))),
    renders: true,
    expectError: false, // nesting inside one note is the sanitizer's business; an error is allowed, not required
    quick: true,
  },
  {
    name: 'one-10kb-note',
    item: 2,
    about: 'one note of 10,000 characters of inline markup (<em>, <a>, <code>: about 1,300 elements to sanitize and render)',
    paths: ['property', 'attribute'],
    elements: ['anp-meta-box', 'anp-article'],
    object: () => withMeta('notes', [richNote(10_000)]),
    text: () => JSON.stringify(withMeta('notes', [richNote(10_000)])),
    renders: true,
    expectError: false,
    quick: false,
  },
  {
    name: 'notes-500x10kb',
    item: 2,
    about: '500 notes of 10,000 characters of inline markup each (5 MB; as text it is past the JSON length cap)',
    paths: ['property', 'src'],
    elements: ['anp-meta-box', 'anp-article'],
    object: () => withMeta('notes', new Array(500).fill(richNote(10_000))),
    text: () => JSON.stringify(withMeta('notes', new Array(500).fill(richNote(10_000)))),
    renders: { property: true, src: false },
    expectError: true,
    quick: true,
  },
  {
    name: 'attribute-18mb',
    item: 3,
    about: 'an 18 MB article attribute (a valid article: the witness plus 1,800 strings of 10,000 characters)',
    paths: ['attribute', 'script'],
    elements: ['anp-meta-box'],
    text: () => bigArticleText(18_000_000),
    renders: false, // past the JSON length cap nothing is parsed
    expectError: true,
    quick: true,
  },
  {
    name: 'nested-2m',
    item: 3,
    about: 'two million nested [ (2 MB of JSON text that no parser should recurse into)',
    paths: ['attribute', 'src', 'script', 'property'],
    elements: ['anp-meta-box'],
    text: () => '['.repeat(2_000_000),
    renders: false,
    expectError: true,
    quick: true,
  },
  {
    name: 'nested-200k',
    item: 3,
    about: 'two hundred thousand nested [ (under the JSON length cap, far past any depth cap)',
    paths: ['attribute', 'property'],
    elements: ['anp-meta-box', 'anp-article'],
    text: () => '['.repeat(200_000) + ']'.repeat(200_000),
    renders: false,
    expectError: true,
    quick: false,
  },
  {
    name: 'src-10mb',
    item: 3,
    about: 'a 10 MB src body (a valid article: the witness plus 1,000 strings of 10,000 characters)',
    paths: ['src'],
    elements: ['anp-meta-box', 'anp-article'],
    text: () => bigArticleText(10_000_000),
    renders: false,
    expectError: true,
    quick: false,
  },
  {
    name: 'attribute-50mb',
    item: 3,
    about: "the issue's 50 MB variant of the big article, as an attribute and as a src body",
    paths: ['attribute', 'src'],
    elements: ['anp-meta-box'],
    text: () => bigArticleText(50_000_000),
    renders: false,
    expectError: true,
    quick: false,
  },
  {
    name: 'nested-50m',
    item: 3,
    about: "the issue's 50 MB variant of the nested [ (fifty million), as a src body",
    paths: ['src'],
    elements: ['anp-meta-box'],
    text: () => '['.repeat(50_000_000),
    renders: false,
    expectError: true,
    quick: false,
  },
  {
    name: 'string-lists-500x10k',
    item: 4,
    about: 'stack, tools and checklist with 500 strings of 10,000 characters each (15 MB; the checklist keeps its witness first)',
    paths: ['property', 'context'],
    elements: ['anp-meta-box', 'anp-checklist', 'anp-article'],
    object: stringListsObject(500),
    text: () => JSON.stringify(stringListsObject(500)()),
    renders: true,
    expectError: true,
    quick: true,
  },
  {
    name: 'string-lists-under-cap',
    item: 4,
    about:
      'item 4 scaled down to 3 x 31 strings of 10,000 characters, so the JSON text stays under the 1,000,000-character cap and is parsed',
    paths: ['attribute', 'src'],
    elements: ['anp-meta-box', 'anp-checklist'],
    object: stringListsObject(31),
    text: () => JSON.stringify(stringListsObject(31)()),
    renders: true,
    expectError: false,
    quick: false,
  },
  {
    name: 'sparse-2e7',
    item: 5,
    about: "a sparse array as the article property: a = ['x']; a.length = 2e7",
    paths: ['property'],
    elements: ['anp-meta-box', 'anp-checklist', 'anp-article'],
    object: () => sparseArray(2e7),
    renders: false, // an array is no article
    expectError: true,
    quick: true,
  },
  {
    name: 'sparse-2pow32',
    item: 5,
    about: "a sparse array as the article property: a = ['x']; a.length = 2 ** 32 - 1",
    paths: ['property'],
    elements: ['anp-meta-box', 'anp-article'],
    object: () => sparseArray(2 ** 32 - 1),
    renders: false,
    expectError: true,
    quick: false,
  },
  {
    name: 'error-storm',
    item: 6,
    about: 'the witness article with a Date inside, set again (a fresh, equal copy) from every anp-error handler call, up to 2,000 times',
    paths: ['property', 'context'],
    elements: ['anp-meta-box', 'anp-article'],
    object: stormArticle,
    renders: true,
    expectError: true,
    storm: 2000,
    quick: true,
  },
]);

/** The case of that name, or undefined. */
export function findCase(name) {
  return CASES.find((c) => c.name === name);
}

/** Whether the case's witnesses must render when given by `path`. */
export function mustRender(dosCase, path) {
  const renders = dosCase.renders;
  if (typeof renders === 'boolean') return renders;
  return renders[path] ?? false;
}

/**
 * The runs of a case: every path on its first element, then its other
 * elements by its first path (the full cross product when `all` is true).
 */
export function caseRuns(dosCase, { all = false } = {}) {
  const runs = [];
  const [firstElement, ...otherElements] = dosCase.elements;
  for (const path of dosCase.paths) runs.push({ path, element: firstElement });
  for (const element of otherElements) {
    for (const path of all ? dosCase.paths : dosCase.paths.slice(0, 1)) runs.push({ path, element });
  }
  // `context` with <anp-article> itself is <anp-article> inside <anp-article>: not a path of its own.
  return runs.filter((run) => !(run.path === 'context' && run.element === 'anp-article'));
}

/**
 * The value the `property` and `context` paths set: the object when the
 * case has one, else its JSON text (the `article` property takes both).
 */
export function propertyValue(dosCase) {
  return dosCase.object ? dosCase.object() : dosCase.text();
}

function richNote(length) {
  const piece = 'see <em>this</em> and <a href="https://example.com/p">that</a> with <code>x &lt; y</code>; ';
  const whole = piece.repeat(Math.floor(length / piece.length));
  return whole + ' '.repeat(length - whole.length);
}

function stringListsObject(count) {
  return () => {
    const article = witnessArticle();
    article.meta.stack = longStrings(count, 10_000, 's', STILL_HERE);
    article.meta.tools = longStrings(count, 10_000, 't', STILL_HERE);
    article.meta.checklist = longStrings(count, 10_000, 'c', STILL_HERE);
    return article;
  };
}

function sparseArray(length) {
  const array = ['x'];
  array.length = length;
  return array;
}

function stormArticle() {
  const article = witnessArticle();
  article.meta.revision.last_reviewed = new Date(Date.UTC(2021, 9, 10));
  return article;
}
