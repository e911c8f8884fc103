// Data-quality signals for editors (src/core/signals.ts): each signal on and
// off, the thresholds and their edges, the CMS forms of flags and numbers,
// the missing fields, bad options, and the seed article's own signals.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { normalizeArticle } from '../../dist/core/normalize.js';
import {
  articleSignals,
  GENERATED_CONTENT_FLAGS,
  SIGNAL_DEFAULTS,
  SIGNALS_ENGINE,
  signalAttributes,
  signalOptionProblem,
} from '../../dist/core/signals.js';

const seed = JSON.parse(readFileSync(new URL('../fixtures/seed-article.json', import.meta.url), 'utf8'));
const NOW = Date.parse('2026-12-02T12:00:00Z');
const DAY = 86_400_000;

/** An article with every expected field, no flag on, fresh, with good scores: no signal at all. */
function clean(meta = {}) {
  return {
    title: 'A title',
    url: '/posts/a',
    meta: { topic: 'databases', summary: 'A summary.', revision: { last_reviewed: '2026-11-30' }, score: { quality: 90 }, ...meta },
  };
}

function signalsOf(input, options = {}) {
  const normalized = normalizeArticle(input);
  assert.deepEqual(normalized.errors, [], 'the test article itself is valid');
  return articleSignals(normalized.value, { now: NOW, ...options });
}

const codes = (signals) => signals.map((signal) => `${signal.code} ${signal.pointer}`);

test('a complete, fresh, unflagged article with good scores has no signal', () => {
  assert.deepEqual(signalsOf(clean()), []);
});

test('the seed: generated content (ai_generated_style: 1), a review of 2021-10-10 (stale), freshness 67 (under 70); nothing missing', () => {
  const signals = signalsOf(seed);
  assert.deepEqual(signals, [
    {
      code: 'generated-content',
      pointer: '/meta/flags/ai_generated_style',
      message: 'Flagged as generated content (ai_generated_style): check facts and tone.',
      severity: 'notice',
    },
    {
      code: 'stale-review',
      pointer: '/meta/revision/last_reviewed',
      message: 'Last reviewed 1879 days ago (2021-10-10), over the 365 allowed.',
      severity: 'warning',
    },
    { code: 'low-score', pointer: '/meta/score/freshness', message: 'Score “freshness” is 67, under 70.', severity: 'notice' },
  ]);
  // needs_human_review is 0 in the seed, has_images and image_heavy are not generated-content flags.
  assert.equal(seed.meta.flags.needs_human_review, 0);
  assert.ok(!signals.some((signal) => signal.code === 'needs-human-review' || signal.code === 'missing-field'));
});

describe('needs-human-review', () => {
  for (const [value, on] of [
    [1, true],
    [0, false],
    [true, true],
    [false, false],
    ['1', true],
    ['0', false],
    ['true', true],
    ['false', false],
  ]) {
    test(`needs_human_review: ${JSON.stringify(value)} ${on ? 'gives' : 'gives no'} signal`, () => {
      const signals = signalsOf(clean({ flags: { needs_human_review: value } }));
      assert.deepEqual(codes(signals), on ? ['needs-human-review /meta/flags/needs_human_review'] : []);
      if (on) assert.equal(signals[0].severity, 'warning');
    });
  }

  test('any spelling of the key counts, and the pointer keeps the input spelling', () => {
    assert.deepEqual(codes(signalsOf(clean({ flags: { needsHumanReview: '1' } }))), ['needs-human-review /meta/flags/needsHumanReview']);
    assert.deepEqual(codes(signalsOf(clean({ flags: { 'needs-human-review': 1 } }))), [
      'needs-human-review /meta/flags/needs-human-review',
    ]);
  });
});

describe('generated-content', () => {
  test('every generated-content flag that is on gives one signal, in input order; off ones and other flags none', () => {
    const flags = Object.fromEntries(GENERATED_CONTENT_FLAGS.map((key, index) => [key, index % 2 === 0 ? 1 : '0']));
    const signals = signalsOf(clean({ flags: { has_images: 1, ...flags } }));
    const expected = GENERATED_CONTENT_FLAGS.filter((_, index) => index % 2 === 0).map((key) => `generated-content /meta/flags/${key}`);
    assert.ok(expected.length >= 3);
    assert.deepEqual(codes(signals), expected);
    assert.ok(signals.every((signal) => signal.severity === 'notice'));
  });

  test('ai_generated_style "1" (a CMS form) is on, "false" is off', () => {
    assert.deepEqual(codes(signalsOf(clean({ flags: { ai_generated_style: '1' } }))), ['generated-content /meta/flags/ai_generated_style']);
    assert.deepEqual(signalsOf(clean({ flags: { ai_generated_style: 'false' } })), []);
  });

  test('needs-human-review comes before generated-content whatever the input order', () => {
    const signals = signalsOf(clean({ flags: { ai_generated: 1, needs_human_review: 1 } }));
    assert.deepEqual(
      signals.map((signal) => signal.code),
      ['needs-human-review', 'generated-content'],
    );
  });
});

describe('stale-review', () => {
  const reviewedDaysAgo = (days) => new Date(NOW - days * DAY).toISOString().slice(0, 10);

  test(`default threshold ${SIGNAL_DEFAULTS.staleDays} days: 365 days ago is not stale, 366 is`, () => {
    assert.equal(SIGNAL_DEFAULTS.staleDays, 365);
    assert.deepEqual(signalsOf(clean({ revision: { last_reviewed: reviewedDaysAgo(365) } })), []);
    const signals = signalsOf(clean({ revision: { last_reviewed: reviewedDaysAgo(366) } }));
    assert.deepEqual(codes(signals), ['stale-review /meta/revision/last_reviewed']);
    assert.match(signals[0].message, /^Last reviewed 366 days ago \(\d{4}-\d{2}-\d{2}\), over the 365 allowed\.$/);
  });

  test('staleDays is configurable, 0 included', () => {
    const article = clean({ revision: { last_reviewed: reviewedDaysAgo(31) } });
    assert.deepEqual(signalsOf(article), []);
    assert.deepEqual(codes(signalsOf(article, { staleDays: 30 })), ['stale-review /meta/revision/last_reviewed']);
    assert.deepEqual(signalsOf(article, { staleDays: 31 }), []);
    assert.deepEqual(codes(signalsOf(clean({ revision: { last_reviewed: reviewedDaysAgo(1) } }), { staleDays: 0 })), [
      'stale-review /meta/revision/last_reviewed',
    ]);
  });

  test('the clock is injectable as a Date or as milliseconds, with the same result', () => {
    const article = clean({ revision: { last_reviewed: '2025-01-01' } });
    const early = { now: new Date('2025-06-01T00:00:00Z') };
    assert.deepEqual(signalsOf(article, early), []);
    const late = signalsOf(article, { now: Date.parse('2026-06-01T00:00:00Z') });
    assert.deepEqual(codes(late), ['stale-review /meta/revision/last_reviewed']);
    assert.deepEqual(signalsOf(article, { now: new Date('2026-06-01T00:00:00Z') }), late);
  });

  test('without `now`, ages are measured from the real clock', () => {
    const today = new Date().toISOString().slice(0, 10);
    const normalized = normalizeArticle(clean({ revision: { last_reviewed: today } })).value;
    assert.deepEqual(articleSignals(normalized), []);
    const old = normalizeArticle(clean({ revision: { last_reviewed: new Date(Date.now() - 400 * DAY).toISOString().slice(0, 10) } })).value;
    assert.deepEqual(codes(articleSignals(old)), ['stale-review /meta/revision/last_reviewed']);
  });

  test('a date-time counts too; a review dated in the future is not stale', () => {
    assert.deepEqual(codes(signalsOf(clean({ revision: { last_reviewed: '2024-01-01T10:00:00Z' } }))), [
      'stale-review /meta/revision/last_reviewed',
    ]);
    assert.deepEqual(signalsOf(clean({ revision: { last_reviewed: '2030-01-01' } })), []);
  });

  test('an invalid date is no review date: missing-field, not stale-review (the normalizer reports the date)', () => {
    const normalized = normalizeArticle(clean({ revision: { last_reviewed: '10/10/2021' } }));
    assert.deepEqual(
      normalized.errors.map((error) => `${error.code} ${error.path}`),
      ['not-a-date /meta/revision/last_reviewed'],
    );
    assert.deepEqual(codes(articleSignals(normalized.value, { now: NOW })), ['missing-field /meta/revision/last_reviewed']);
  });
});

describe('low-score', () => {
  test(`default threshold ${SIGNAL_DEFAULTS.minScore}: 70 is not low, 69 is; one signal per low score`, () => {
    assert.equal(SIGNAL_DEFAULTS.minScore, 70);
    const signals = signalsOf(clean({ score: { quality: 70, depth: 69, clarity: 12.5 } }));
    assert.deepEqual(codes(signals), ['low-score /meta/score/depth', 'low-score /meta/score/clarity']);
    assert.equal(signals[1].message, 'Score “clarity” is 12.5, under 70.');
  });

  test('minScore is configurable: 0 turns it off, 100 flags everything under 100', () => {
    const article = clean({ score: { quality: 78, freshness: 67, perfect: 100 } });
    assert.deepEqual(signalsOf(article, { minScore: 0 }), []);
    assert.deepEqual(signalsOf(article, { minScore: 60 }), []);
    assert.deepEqual(codes(signalsOf(article, { minScore: 100 })), ['low-score /meta/score/quality', 'low-score /meta/score/freshness']);
  });

  test('a score given as text ("45", a CMS form) is that number', () => {
    assert.deepEqual(codes(signalsOf(clean({ score: { quality: ' 45 ' } }))), ['low-score /meta/score/quality']);
  });
});

describe('missing-field', () => {
  const cases = [
    ['title', (article) => delete article.title, '/title', /^No title: /],
    ['url', (article) => delete article.url, '/url', /^No URL: /],
    ['summary', (article) => delete article.meta.summary, '/meta/summary', /^No summary: /],
    ['topic', (article) => delete article.meta.topic, '/meta/topic', /^No topic: /],
    ['last_reviewed', (article) => delete article.meta.revision, '/meta/revision/last_reviewed', /^No last-reviewed date: /],
  ];
  for (const [name, drop, pointer, message] of cases) {
    test(`no ${name}: one missing-field signal at ${pointer}, saying why`, () => {
      const article = clean();
      drop(article);
      const signals = signalsOf(article);
      assert.deepEqual(codes(signals), [`missing-field ${pointer}`]);
      assert.match(signals[0].message, message);
      assert.equal(signals[0].severity, 'warning');
    });
  }

  test('blank text counts as missing', () => {
    assert.deepEqual(codes(signalsOf({ ...clean(), title: '   ' })), ['missing-field /title']);
    assert.deepEqual(codes(signalsOf(clean({ summary: ' ', topic: '' }))), ['missing-field /meta/summary', 'missing-field /meta/topic']);
  });

  test('a URL the URL policy refused counts as none', () => {
    const normalized = normalizeArticle({ ...clean(), url: 'javascript:alert(1)' });
    assert.equal(normalized.errors[0].code, 'url-refused');
    assert.deepEqual(codes(articleSignals(normalized.value, { now: NOW })), ['missing-field /url']);
  });

  test('an empty article misses every expected field, in a fixed order', () => {
    assert.deepEqual(codes(signalsOf({})), [
      'missing-field /title',
      'missing-field /url',
      'missing-field /meta/summary',
      'missing-field /meta/topic',
      'missing-field /meta/revision/last_reviewed',
    ]);
  });

  test('a meta sent alone (no "meta" key) is read the same; pointers stay in the canonical /meta layout', () => {
    const { meta, ...root } = clean({ flags: { needs_human_review: 1 } });
    assert.deepEqual(codes(signalsOf({ ...root, ...meta })), ['needs-human-review /meta/flags/needs_human_review']);
  });
});

describe('options', () => {
  const bad = [
    ['staleDays', -1],
    ['staleDays', Number.NaN],
    ['staleDays', '30'],
    ['minScore', 101],
    ['minScore', -5],
    ['minScore', Number.POSITIVE_INFINITY],
    ['now', new Date('not a date')],
    ['now', '2026-01-01'],
  ];
  for (const [name, value] of bad) {
    test(`${name}: ${String(value)} (${typeof value}) is refused with a RangeError naming the option`, () => {
      assert.match(signalOptionProblem(name, value), new RegExp(`^${name}: expected`));
      assert.throws(() => articleSignals(normalizeArticle(seed).value, { [name]: value }), {
        name: 'RangeError',
        message: new RegExp(`^${name}:`),
      });
    });
  }

  test('good values pass', () => {
    for (const [name, value] of [
      ['staleDays', 0],
      ['staleDays', 3650],
      ['minScore', 0],
      ['minScore', 100],
      ['now', NOW],
      ['now', new Date(NOW)],
      ['now', undefined],
    ]) {
      assert.equal(signalOptionProblem(name, value), undefined, `${name}: ${value}`);
    }
  });
});

test("the meta box's attributes as options: usable values kept, others reported as invalid-option and left to the default", () => {
  assert.deepEqual(signalAttributes(30, 55), { options: { staleDays: 30, minScore: 55 }, errors: [] });
  assert.deepEqual(signalAttributes(undefined, null), { options: {}, errors: [] });
  const { options, errors } = signalAttributes(Number.NaN, 150);
  assert.deepEqual(options, {});
  assert.deepEqual(errors, [
    { path: '', code: 'invalid-option', message: 'signals-stale-days: expected a number of days, 0 or more; the default is used' },
    { path: '', code: 'invalid-option', message: 'signals-min-score: expected a number from 0 to 100; the default is used' },
  ]);
  assert.deepEqual(Object.keys(SIGNALS_ENGINE).sort(), ['articleSignals', 'signalAttributes']);
});

test('pure: the article is not changed, and the same input gives the same signals', () => {
  const article = normalizeArticle(seed).value;
  const before = JSON.stringify(article);
  const first = articleSignals(article, { now: NOW });
  assert.equal(JSON.stringify(article), before);
  assert.deepEqual(articleSignals(article, { now: NOW }), first);
  assert.notEqual(articleSignals(article, { now: NOW }), first, 'a new list each call');
});

test('a hand-built article without meta fields gives missing-field signals, not an exception', () => {
  assert.deepEqual(
    articleSignals({ title: 't', url: '/t', meta: { more: {} } }, { now: NOW }).map((signal) => signal.pointer),
    ['/meta/summary', '/meta/topic', '/meta/revision/last_reviewed'],
  );
});
