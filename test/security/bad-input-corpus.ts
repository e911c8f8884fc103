/**
 * Bad input, case by case, for SPEC section 4: invalid JSON, wrong types at
 * every known field, bad roots, cycles, `__proto__`/`constructor`/`prototype`
 * keys, non-finite and inexact numbers, values that are not JSON at all,
 * failing and hostile `src`, and huge or deep input.
 *
 * Each case says how the input reaches an element and, per element it is run
 * against, which JSON pointers `anp-error` must name and whether the valid
 * marker ("kept") still renders. The runner is test/bad-input.test.ts.
 *
 * Inputs are built by functions, fresh for every run: some are huge, some are
 * cyclic, and none may be shared between elements.
 */

export type AnpTag = 'anp-meta-box' | 'anp-checklist' | 'anp-score-bars' | 'anp-similar-posts';

export const ALL_TAGS: readonly AnpTag[] = ['anp-meta-box', 'anp-checklist', 'anp-score-bars', 'anp-similar-posts'];

/** The valid value every case carries next to the bad one, and that must still render. */
export const KEPT = 'kept';

/** A stubbed `fetch` answer for a same-origin path. */
export interface StubResponse {
  status?: number;
  body?: string;
  contentType?: string;
  /** Answer after this long (the stub ignores abort signals, so a late answer really arrives). */
  delayMs?: number;
  /** Reject like a network failure instead of answering. */
  fail?: boolean;
}

export type Delivery =
  /** `element.article = value` */
  | { via: 'property'; value: () => unknown }
  /** The element's own convenience property: `items`, `scores` or `posts`. */
  | { via: 'own'; value: () => unknown }
  /** `article="…"` */
  | { via: 'attribute'; text: () => string }
  /** A child `<script type="application/json">`. */
  | { via: 'script'; text: () => string }
  /**
   * `src`. Paths in `routes` are answered by a stubbed `window.fetch`; any
   * other URL goes to the real one. `replaceWith` is set as the new `src`
   * while the first is still loading; `settleMs` is how long to wait for late
   * answers before the final checks.
   */
  | { via: 'src'; url: string; routes?: Record<string, StubResponse>; replaceWith?: string; settleMs?: number; timeoutMs?: number };

export interface Expectation {
  /** JSON pointers that `anp-error` must name; a RegExp must match at least one path. */
  paths: (string | RegExp)[];
  /** Each must match at least one error message. */
  messages?: RegExp[];
  /** Paths that must never be reported (answers that arrived too late). */
  forbiddenPaths?: string[];
  /** True: the valid marker renders. False: nothing is shown (similar posts: no items). */
  kept: boolean;
  /** Meta box only: the label of the row that holds "kept" (default "topic"). */
  keptLabel?: string;
}

export interface BadInputCase {
  name: string;
  input: Delivery;
  /** Huge or deep: the synchronous work is timed (no task over 200 ms). */
  huge?: boolean;
  expect: Partial<Record<AnpTag, Expectation>>;
}

// --- building blocks --------------------------------------------------------

/** An article whose meta holds `topic: "kept"` and `fields`. */
const withTopic = (fields: Record<string, unknown>): Record<string, unknown> => ({ meta: { topic: KEPT, ...fields } });

/** An article with a valid marker for every element: topic, checklist item, score and post all named "kept". */
function everyMarker(meta: Record<string, unknown> = {}, root: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    meta: { topic: KEPT, checklist: [KEPT], score: { [KEPT]: 50 }, ...meta },
    similar_posts: [{ title: KEPT, url: '/kept' }],
    ...root,
  };
}

const EVERY_MARKER_JSON_META = `"topic":"${KEPT}","checklist":["${KEPT}"],"score":{"${KEPT}":50}`;
const EVERY_MARKER_JSON_POSTS = `"similar_posts":[{"title":"${KEPT}","url":"/kept"}]`;

const box = (paths: Expectation['paths'], more: Partial<Expectation> = {}): Partial<Record<AnpTag, Expectation>> => ({
  'anp-meta-box': { paths, kept: true, ...more },
});

/** The same expectation for every element. */
const everyTag = (expectation: Expectation): Partial<Record<AnpTag, Expectation>> =>
  Object.fromEntries(ALL_TAGS.map((tag) => [tag, expectation]));

/** Nothing valid anywhere: every element reports `paths` and shows nothing. */
const nothingValid = (paths: Expectation['paths'], messages?: RegExp[]) => everyTag({ paths, kept: false, messages });

class Klass {
  name = 'instance';
  meta = { topic: KEPT };
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (Array.isArray(value)) return JSON.stringify(value);
  if (value && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

// --- invalid JSON -----------------------------------------------------------

const INVALID_JSON: BadInputCase[] = [
  ...[
    ['cut off', `{"meta": {"topic": "${KEPT}",`],
    ['empty', ''],
    ['single quotes', `{'meta': {'topic': '${KEPT}'}}`],
    ['a trailing comma', `{"meta":{"topic":"${KEPT}",}}`],
    ['a NaN literal', `{"meta":{"topic":"${KEPT}","view_count":NaN}}`],
    ['a byte order mark', `\uFEFF{"meta":{"topic":"${KEPT}"}}`],
    ['a comment', `{"meta":{"topic":"${KEPT}"}} // trailing`],
  ].map(([what, text]): BadInputCase => ({
    name: `invalid JSON in the attribute: ${what}`,
    input: { via: 'attribute', text: () => text },
    expect: nothingValid([''], [/^attribute: invalid JSON/]),
  })),
  ...[
    ['cut off', `{"meta": {"topic": "${KEPT}"`],
    ['HTML comment markup', `<!-- {"meta":{"topic":"${KEPT}"}} -->`],
  ].map(([what, text]): BadInputCase => ({
    name: `invalid JSON in the script child: ${what}`,
    input: { via: 'script', text: () => text },
    expect: nothingValid([''], [/^script: invalid JSON/]),
  })),
  {
    name: 'invalid JSON as the article property (a string)',
    input: { via: 'property', value: () => `{"meta":{"topic":"${KEPT}"` },
    expect: nothingValid([''], [/^article: invalid JSON/]),
  },
];

// --- roots that are not an article object ------------------------------------

const BAD_ROOTS: BadInputCase[] = [
  // `[]` is not here: PHP's empty object, it is an empty article (SPEC section 1).
  ...['null', '[1,2]', '5', '"text"', 'true'].map((text): BadInputCase => ({
    name: `root ${text} in the attribute`,
    input: { via: 'attribute', text: () => text },
    expect: nothingValid(['']),
  })),
  { name: 'root null in the script child', input: { via: 'script', text: () => 'null' }, expect: nothingValid(['']) },
  { name: 'root null as a JSON string property', input: { via: 'property', value: () => 'null' }, expect: nothingValid(['']) },
  ...(
    [
      ['an array', () => [{ meta: { topic: KEPT } }]],
      ['a number', () => 5],
      ['NaN', () => NaN],
      ['true', () => true],
      ['a Symbol', () => Symbol(KEPT)],
      ['a function', () => () => ({ meta: { topic: KEPT } })],
      ['a Map', () => new Map([['meta', { topic: KEPT }]])],
      ['a Set', () => new Set([KEPT])],
      ['a Date', () => new Date(0)],
      ['a boxed String', () => new String('{"meta":{}}')],
      ['a Promise', () => Promise.resolve({ meta: { topic: KEPT } })],
      [
        'a Proxy whose traps throw',
        () =>
          new Proxy(
            {},
            {
              ownKeys: () => {
                throw new Error('trap');
              },
              getPrototypeOf: () => {
                throw new Error('trap');
              },
            },
          ),
      ],
    ] as const
  ).map(([what, value]): BadInputCase => ({
    name: `root ${what} as the article property`,
    input: { via: 'property', value },
    expect: nothingValid(['']),
  })),
];

// --- a wrong type at every known field ---------------------------------------

/** [field, wrong value, paths]; the path is `/meta/<field>` unless given. */
const WRONG_TYPES: [string, unknown, string[]?][] = [
  ['topic', 5],
  ['code_language', true],
  ['difficulty', null],
  ['reference', ['x']],
  ['hash', {}],
  ['summary', {}],
  ['ai_brief', 42],
  ['ai_outline', ['x']],
  ['ai_outline', 'context: x'],
  ['ai_outline', { context: 1 }, ['/meta/ai_outline/context']],
  ['stack', 'x'],
  ['stack', ['ok', { name: 'x' }], ['/meta/stack/1']],
  ['tools', { 0: 'a' }],
  ['checklist', [1], ['/meta/checklist/0']],
  ['notes', [{}], ['/meta/notes/0']],
  ['notes', 'x'],
  // Strings that spell a number are numbers (SPEC section 1); these do not.
  ['reading_time', '5 min'],
  ['reading_time', 'Infinity'],
  ['reading_time', ''],
  ['reading_time', '0x10'],
  ['reading_time', -1],
  ['view_count', -1],
  ['view_count', 1.5],
  ['view_count', '513 976'],
  ['view_count', 'NaN'],
  ['score', [50]],
  ['score', { quality: '7 8' }, ['/meta/score/quality']],
  ['score', 80],
  ['score', { quality: 'high' }, ['/meta/score/quality']],
  ['score', { quality: 101, depth: -1 }, ['/meta/score/quality', '/meta/score/depth']],
  ['revision', 'x'],
  ['revision', { status: 1 }, ['/meta/revision/status']],
  ['revision', { last_reviewed: 'last tuesday' }, ['/meta/revision/last_reviewed']],
  ['revision', { last_reviewed: '2021-02-30' }, ['/meta/revision/last_reviewed']],
  ['revision', { version: {} }, ['/meta/revision/version']],
  ['flags', 'x'],
  ['flags', ['a']],
  ['flags', { a: 'yes' }, ['/meta/flags/a']],
  ['flags', { a: 2 }, ['/meta/flags/a']],
  ['flags', { a: 'yes', b: '2', c: 'abc' }, ['/meta/flags/a', '/meta/flags/b', '/meta/flags/c']],
  ['entities', {}],
  ['entities', ['x'], ['/meta/entities/0']],
  ['entities', [{ type: 'x' }], ['/meta/entities/0']],
  ['entities', [{ name: 5, type: 'x' }], ['/meta/entities/0/name']],
  ['payload', 'x'],
  ['payload', [1]],
  ['payload', 7],
  // Keys are reported as the author spelled them.
  ['viewCount', 'x', ['/meta/viewCount']],
  ['view count', { n: 1 }, ['/meta/view count']],
  ['Score', { 'a/b': 'x', 'c~d': 'y' }, ['/meta/Score/a~1b', '/meta/Score/c~0d']],
];

const WRONG_TYPE_CASES: BadInputCase[] = WRONG_TYPES.map(([field, value, paths]) => {
  // The topic case keeps its marker in another field.
  const meta = field === 'topic' ? { difficulty: KEPT, topic: value } : { topic: KEPT, [field]: value };
  return {
    name: `wrong type: ${field}: ${describeValue(value)}`,
    input: { via: 'property', value: () => ({ meta: structuredClone(meta) }) },
    expect: box(paths ?? [`/meta/${field}`], field === 'topic' ? { keptLabel: 'difficulty' } : {}),
  };
});

/** Every known field wrong at once: each is reported on its own path. */
const ALL_WRONG: Record<string, unknown> = {
  topic: 5,
  code_language: true,
  difficulty: null,
  reference: ['x'],
  hash: {},
  summary: {},
  ai_brief: 42,
  ai_outline: ['x'],
  stack: 'x',
  tools: { 0: 'a' },
  checklist: [1],
  notes: [{}],
  reading_time: 'abc',
  view_count: 1.5,
  score: [1],
  revision: 'x',
  flags: 'x',
  entities: {},
  payload: 'x',
};

const ROOT_AND_POST_TYPES: BadInputCase[] = [
  {
    name: 'wrong types at every known field at once',
    input: { via: 'property', value: () => ({ meta: { marker: KEPT, ...structuredClone(ALL_WRONG) } }) },
    expect: box(
      // The lists' items are wrong, not the lists: checklist and notes report their first item.
      Object.keys(ALL_WRONG).map((key) => (key === 'checklist' || key === 'notes' ? `/meta/${key}/0` : `/meta/${key}`)),
      { keptLabel: 'marker' },
    ),
  },
  { name: 'wrong type: id: {}', input: { via: 'property', value: () => ({ id: {}, ...withTopic({}) }) }, expect: box(['/id']) },
  { name: 'wrong type: title: []', input: { via: 'property', value: () => ({ title: [], ...withTopic({}) }) }, expect: box(['/title']) },
  {
    name: 'a javascript: article url',
    input: { via: 'property', value: () => ({ url: 'javascript:alert(1)', ...withTopic({}) }) },
    expect: box(['/url'], { messages: [/URL not used/] }),
  },
  {
    name: 'wrong type: meta: "x"',
    input: { via: 'property', value: () => ({ meta: 'x', similar_posts: [{ title: KEPT }] }) },
    expect: {
      'anp-meta-box': { paths: ['/meta'], kept: false },
      'anp-similar-posts': { paths: ['/meta'], kept: true },
    },
  },
  {
    name: 'wrong type: similar_posts: {}',
    input: { via: 'property', value: () => ({ ...withTopic({}), similar_posts: { title: KEPT } }) },
    expect: { ...box(['/similar_posts']), 'anp-similar-posts': { paths: ['/similar_posts'], kept: false } },
  },
  ...(
    [
      ['a number post', [5, { title: KEPT }], ['/similar_posts/0']],
      ['a post without a title', [{ url: '/x' }, { title: KEPT }], ['/similar_posts/0']],
      ['a numeric title', [{ title: 5 }, { title: KEPT }], ['/similar_posts/0/title']],
      ['a javascript: url', [{ title: KEPT, url: 'javascript:alert(1)' }], ['/similar_posts/0/url']],
      ['a URL that is not a string', [{ title: KEPT, url: { href: '/x' } }], ['/similar_posts/0/url']],
      ['a wrong score', [{ title: KEPT, score: { a: 'x' } }], ['/similar_posts/0/score/a']],
      ['a reading time that is not a number', [{ title: KEPT, reading_time: '5 min' }], ['/similar_posts/0/reading_time']],
    ] as const
  ).map(([what, posts, paths]): BadInputCase => ({
    name: `similar_posts with ${what}`,
    input: { via: 'property', value: () => ({ ...withTopic({}), similar_posts: structuredClone(posts) }) },
    expect: { ...box([...paths]), 'anp-similar-posts': { paths: [...paths], kept: true } },
  })),
  {
    name: 'checklist with a number item',
    input: { via: 'property', value: () => withTopic({ checklist: [1, KEPT] }) },
    expect: { ...box(['/meta/checklist/0']), 'anp-checklist': { paths: ['/meta/checklist/0'], kept: true } },
  },
  {
    name: 'checklist that is a string',
    input: { via: 'property', value: () => withTopic({ checklist: KEPT }) },
    expect: { ...box(['/meta/checklist']), 'anp-checklist': { paths: ['/meta/checklist'], kept: false } },
  },
  {
    name: 'score with a string value',
    input: { via: 'property', value: () => withTopic({ score: { [KEPT]: 50, quality: 'high' } }) },
    expect: { ...box(['/meta/score/quality']), 'anp-score-bars': { paths: ['/meta/score/quality'], kept: true } },
  },
  {
    name: 'score that is a list',
    input: { via: 'property', value: () => withTopic({ score: [50] }) },
    expect: { ...box(['/meta/score']), 'anp-score-bars': { paths: ['/meta/score'], kept: false } },
  },
];

// --- cycles -------------------------------------------------------------------

const CYCLES: BadInputCase[] = [
  {
    name: 'cycle: an object property that holds its own object',
    input: {
      via: 'property',
      value: () => {
        const meta: Record<string, unknown> = { topic: KEPT };
        meta.payload = { self: meta, ok: 1 };
        return { meta };
      },
    },
    expect: box(['/meta/payload/self'], { messages: [/cycle/] }),
  },
  {
    name: 'cycle: a list that holds itself',
    input: {
      via: 'property',
      value: () => {
        const list: unknown[] = ['a'];
        list.push(list);
        return withTopic({ payload: { list } });
      },
    },
    expect: box(['/meta/payload/list/1'], { messages: [/cycle/] }),
  },
  {
    name: 'cycle: two objects that hold each other',
    input: {
      via: 'property',
      value: () => {
        const a: Record<string, unknown> = {};
        const b: Record<string, unknown> = { a };
        a.b = b;
        return withTopic({ payload: a });
      },
    },
    expect: box(['/meta/payload/b/a'], { messages: [/cycle/] }),
  },
  {
    name: 'cycle: through lists of objects',
    input: {
      via: 'property',
      value: () => {
        const payload: Record<string, unknown> = {};
        payload.a = [{ b: [payload] }];
        return withTopic({ payload });
      },
    },
    expect: box(['/meta/payload/a/0/b/0'], { messages: [/cycle/] }),
  },
  {
    name: 'cycle: meta sent alone that holds itself',
    input: {
      via: 'property',
      value: () => {
        const root: Record<string, unknown> = { topic: KEPT };
        root.payload = root;
        return root;
      },
    },
    expect: box(['/payload'], { messages: [/cycle/] }),
  },
  {
    name: 'cycle: meta that holds the article',
    input: {
      via: 'property',
      value: () => {
        const article: Record<string, unknown> = {};
        article.meta = { topic: KEPT, back: article };
        return article;
      },
    },
    expect: box(['/meta/back'], { messages: [/cycle/] }),
  },
  {
    name: 'cycle: an unknown meta key that holds the meta',
    input: {
      via: 'property',
      value: () => {
        const meta: Record<string, unknown> = { topic: KEPT };
        meta.again = meta;
        return { meta };
      },
    },
    expect: box(['/meta/again'], { messages: [/cycle/] }),
  },
  {
    name: 'cycle: a revision that holds itself',
    input: {
      via: 'property',
      value: () => {
        const revision: Record<string, unknown> = { status: 'ok' };
        revision.self = revision;
        return withTopic({ revision });
      },
    },
    expect: box(['/meta/revision/self'], { messages: [/cycle/] }),
  },
  {
    name: 'cycle: an outline that holds itself',
    input: {
      via: 'property',
      value: () => {
        const outline: Record<string, unknown> = { context: 'x' };
        outline.self = outline;
        return withTopic({ ai_outline: outline });
      },
    },
    expect: box(['/meta/ai_outline/self']),
  },
  {
    name: 'cycle: a checklist that holds itself',
    input: {
      via: 'property',
      value: () => {
        const checklist: unknown[] = [KEPT];
        checklist.push(checklist);
        return withTopic({ checklist });
      },
    },
    expect: { ...box(['/meta/checklist/1']), 'anp-checklist': { paths: ['/meta/checklist/1'], kept: true } },
  },
  {
    name: 'cycle: a score object that holds itself',
    input: {
      via: 'property',
      value: () => {
        const score: Record<string, unknown> = { [KEPT]: 50 };
        score.self = score;
        return withTopic({ score });
      },
    },
    expect: { ...box(['/meta/score/self']), 'anp-score-bars': { paths: ['/meta/score/self'], kept: true } },
  },
  {
    name: 'cycle: a similar post that holds its list',
    input: {
      via: 'property',
      value: () => {
        const posts: Record<string, unknown>[] = [{ title: KEPT }];
        posts[0].related = posts;
        return { ...withTopic({}), similar_posts: posts };
      },
    },
    expect: {
      ...box(['/similar_posts/0/related']),
      'anp-similar-posts': { paths: ['/similar_posts/0/related'], kept: true, messages: [/cycle/] },
    },
  },
];

// --- __proto__, constructor and prototype keys ---------------------------------

const POLLUTING_JSON =
  `{"__proto__":{"polluted":"root"},"constructor":{"prototype":{"polluted":"root"}},` +
  `"meta":{${EVERY_MARKER_JSON_META},"__proto__":{"polluted":"meta"},` +
  `"payload":{"constructor":{"prototype":{"polluted":"payload"}},"prototype":{"polluted":"payload"},"ok":1},` +
  `"ai_outline":{"__proto__":"x","context":"c"},"flags":{"constructor":1,"a":true},` +
  `"entities":[{"name":"n","__proto__":{"name":"polluted"}}],"revision":{"status":"s","prototype":{"polluted":1}}},` +
  `${EVERY_MARKER_JSON_POSTS.slice(0, -2)},"__proto__":{"polluted":"post"}}]}`;

const POLLUTING_PATHS = [
  '/__proto__',
  '/constructor',
  '/meta/__proto__',
  '/meta/payload/constructor',
  '/meta/payload/prototype',
  '/meta/ai_outline/__proto__',
  '/meta/flags/constructor',
  '/meta/entities/0/__proto__',
  '/meta/revision/prototype',
  '/similar_posts/0/__proto__',
];

/** Own enumerable keys set with Object.defineProperty (an assignment would set the prototype instead). */
function defineOwn<T extends object>(target: T, key: string, value: unknown): T {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

const PROTO_KEYS: BadInputCase[] = [
  {
    name: '__proto__, constructor and prototype keys in JSON text (attribute)',
    input: { via: 'attribute', text: () => POLLUTING_JSON },
    expect: everyTag({ paths: POLLUTING_PATHS, kept: true, messages: [/"__proto__" is not allowed/] }),
  },
  {
    name: '__proto__, constructor and prototype keys in JSON text (script child)',
    input: { via: 'script', text: () => POLLUTING_JSON },
    expect: everyTag({ paths: POLLUTING_PATHS, kept: true }),
  },
  {
    name: '__proto__, constructor and prototype keys as own keys of a parsed object (property)',
    input: { via: 'property', value: () => JSON.parse(POLLUTING_JSON) as unknown },
    expect: everyTag({ paths: POLLUTING_PATHS, kept: true }),
  },
  {
    name: '__proto__, constructor and prototype keys set with Object.defineProperty',
    input: {
      via: 'property',
      value: () => {
        const article = everyMarker();
        const meta = article.meta as Record<string, unknown>;
        defineOwn(meta, '__proto__', { polluted: 'meta' });
        meta.payload = defineOwn(defineOwn({ ok: 1 }, 'constructor', { prototype: { polluted: 'payload' } }), 'prototype', { polluted: 1 });
        defineOwn(meta.score as object, '__proto__', { polluted: 1 });
        defineOwn((article.similar_posts as object[])[0], 'constructor', { prototype: { polluted: 1 } });
        return defineOwn(article, '__proto__', { polluted: 'root' });
      },
    },
    expect: everyTag({
      paths: [
        '/__proto__',
        '/meta/__proto__',
        '/meta/payload/constructor',
        '/meta/payload/prototype',
        '/meta/score/__proto__',
        '/similar_posts/0/constructor',
      ],
      kept: true,
    }),
  },
  {
    name: 'a __proto__ key in meta sent alone (JSON text)',
    input: { via: 'attribute', text: () => `{"topic":"${KEPT}","__proto__":{"polluted":"yes","topic":"polluted"}}` },
    expect: box(['/__proto__']),
  },
  {
    name: '__proto__ and constructor keys in the scores property',
    input: {
      via: 'own',
      value: () => JSON.parse(`{"${KEPT}":50,"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}`) as unknown,
    },
    expect: { 'anp-score-bars': { paths: ['/__proto__', '/constructor'], kept: true } },
  },
  {
    name: 'a __proto__ key in the posts property',
    input: {
      via: 'own',
      value: () => JSON.parse(`[{"title":"${KEPT}","__proto__":{"url":"javascript:alert(1)","polluted":1}}]`) as unknown,
    },
    expect: { 'anp-similar-posts': { paths: ['/0/__proto__'], kept: true } },
  },
];

// --- non-finite numbers and numbers beyond 2^53 -----------------------------------

const BEYOND = 2 ** 53 + 2;

const NUMBERS: BadInputCase[] = [
  ...(
    [
      ['view_count', Infinity],
      ['view_count', -Infinity],
      ['view_count', NaN],
      ['view_count', BEYOND],
      ['view_count', -(2 ** 60)],
      ['reading_time', Infinity],
      ['reading_time', NaN],
      ['reading_time', 2 ** 60],
    ] as const
  ).map(([field, value]): BadInputCase => ({
    name: `${field}: ${String(value)}`,
    input: { via: 'property', value: () => withTopic({ [field]: value }) },
    expect: box([`/meta/${field}`]),
  })),
  {
    name: 'score values: NaN, ±Infinity, beyond 2^53',
    input: { via: 'property', value: () => withTopic({ score: { [KEPT]: 50, a: NaN, b: Infinity, c: -Infinity, d: BEYOND } }) },
    expect: {
      ...box(['/meta/score/a', '/meta/score/b', '/meta/score/c', '/meta/score/d']),
      'anp-score-bars': { paths: ['/meta/score/a', '/meta/score/b', '/meta/score/c', '/meta/score/d'], kept: true },
    },
  },
  {
    name: 'payload values: NaN, ±Infinity, beyond 2^53 (nested too)',
    input: {
      via: 'property',
      value: () => withTopic({ payload: { a: NaN, b: Infinity, c: -Infinity, d: BEYOND, e: -(2 ** 60), list: [1, NaN], ok: 1 } }),
    },
    expect: box(['/meta/payload/a', '/meta/payload/b', '/meta/payload/c', '/meta/payload/d', '/meta/payload/e', '/meta/payload/list/1']),
  },
  {
    name: 'numbers that JSON text makes infinite or inexact (1e400, 9007199254740993)',
    input: {
      via: 'attribute',
      text: () => `{"meta":{"topic":"${KEPT}","view_count":1e400,"reading_time":-1e400,"payload":{"big":9007199254740993,"huge":1e309}}}`,
    },
    expect: box(['/meta/view_count', '/meta/reading_time', '/meta/payload/big', '/meta/payload/huge']),
  },
  {
    name: 'ids that are not finite or not exact',
    input: { via: 'property', value: () => ({ id: NaN, ...withTopic({}) }) },
    expect: box(['/id']),
  },
  {
    name: 'a similar post reading time of NaN',
    input: { via: 'property', value: () => ({ ...withTopic({}), similar_posts: [{ title: KEPT, reading_time: NaN }] }) },
    expect: { ...box(['/similar_posts/0/reading_time']), 'anp-similar-posts': { paths: ['/similar_posts/0/reading_time'], kept: true } },
  },
  {
    name: 'scores property: NaN, Infinity and beyond 2^53',
    input: { via: 'own', value: () => ({ [KEPT]: 50, a: NaN, b: Infinity, c: BEYOND }) },
    expect: { 'anp-score-bars': { paths: ['/a', '/b', '/c'], kept: true } },
  },
];

// --- values that are not JSON ------------------------------------------------------

const EXOTIC_PAYLOAD = (): Record<string, unknown> => ({
  symbol: Symbol('s'),
  function: () => 1,
  map: new Map([[1, 2]]),
  set: new Set([1]),
  date: new Date(0),
  bigint: BigInt(10),
  regexp: /x/,
  boxed: new String('x'),
  typed: new Uint8Array(2),
  undefined: undefined,
  promise: Promise.resolve(1),
  ok: 'fine',
});
const EXOTIC_PATHS = ['symbol', 'function', 'map', 'set', 'date', 'bigint', 'regexp', 'boxed', 'typed', 'undefined', 'promise'];

const NOT_JSON: BadInputCase[] = [
  {
    name: 'Symbols, functions, Maps, Sets, Dates, BigInts, RegExps, boxed and typed values in payload',
    input: { via: 'property', value: () => everyMarker({ payload: EXOTIC_PAYLOAD() }) },
    expect: everyTag({ paths: EXOTIC_PATHS.map((key) => `/meta/payload/${key}`), kept: true }),
  },
  {
    name: 'a class instance in payload',
    input: { via: 'property', value: () => withTopic({ payload: { instance: new Klass(), ok: 'fine' } }) },
    expect: box(['/meta/payload/instance']),
  },
  {
    name: 'a Symbol topic',
    input: { via: 'property', value: () => ({ meta: { difficulty: KEPT, topic: Symbol(KEPT) } }) },
    expect: box(['/meta/topic'], { keptLabel: 'difficulty' }),
  },
  ...(
    [
      ['tools', () => new Set(['a'])],
      ['tools', () => new Uint8Array(2)],
      ['tools', () => ({ length: 1, 0: 'a' })],
      ['stack', () => new Date(0)],
      ['score', () => new Map([['a', 50]])],
      ['ai_outline', () => new Map([['a', 'b']])],
      ['summary', () => new String('<b>x</b>')],
      ['view_count', () => BigInt(5)],
      ['reading_time', () => new Number(5)],
      ['flags', () => () => ({ a: true })],
      ['revision', () => new Date(0)],
      ['entities', () => new Set([{ name: 'x' }])],
    ] as const
  ).map(([field, value]): BadInputCase => ({
    name: `${field}: ${Object.prototype.toString.call(value())}`,
    input: { via: 'property', value: () => withTopic({ [field]: value() }) },
    expect: box([`/meta/${field}`]),
  })),
  {
    name: 'a Date as the last review date',
    input: { via: 'property', value: () => withTopic({ revision: { status: 's', last_reviewed: new Date(0) } }) },
    expect: box(['/meta/revision/last_reviewed']),
  },
  {
    name: 'a getter that throws, next to valid fields',
    input: {
      via: 'property',
      value: () => {
        const payload = { ok: 1 };
        Object.defineProperty(payload, 'trap', {
          enumerable: true,
          get() {
            throw new Error('getter trap');
          },
        });
        return withTopic({ payload });
      },
    },
    expect: box(['/meta/payload/trap']),
  },
  {
    name: 'meta that is a Map',
    input: { via: 'property', value: () => ({ meta: new Map([['topic', KEPT]]), similar_posts: [{ title: KEPT }] }) },
    expect: { 'anp-meta-box': { paths: ['/meta'], kept: false }, 'anp-similar-posts': { paths: ['/meta'], kept: true } },
  },
  {
    name: 'items property: Symbols, functions, Dates, numbers, null and objects',
    input: { via: 'own', value: () => [Symbol('s'), KEPT, () => 1, new Date(0), 5, null, {}] },
    expect: { 'anp-checklist': { paths: ['/0', '/2', '/3', '/4', '/5', '/6'], kept: true } },
  },
  ...(
    [
      ['a string', () => KEPT],
      ['a Set', () => new Set([KEPT])],
      ['an object', () => ({ 0: KEPT, length: 1 })],
    ] as const
  ).map(([what, value]): BadInputCase => ({
    name: `items property: ${what}`,
    input: { via: 'own', value },
    expect: { 'anp-checklist': { paths: [''], kept: false } },
  })),
  {
    name: 'scores property: Symbols, functions, Dates, null and strings',
    input: { via: 'own', value: () => ({ [KEPT]: 50, symbol: Symbol('s'), fn: () => 1, date: new Date(0), none: null, text: 'fifty' }) },
    expect: { 'anp-score-bars': { paths: ['/symbol', '/fn', '/date', '/none', '/text'], kept: true } },
  },
  ...(
    [
      ['a Map', () => new Map([[KEPT, 50]])],
      ['a list', () => [50]],
    ] as const
  ).map(([what, value]): BadInputCase => ({
    name: `scores property: ${what}`,
    input: { via: 'own', value },
    expect: { 'anp-score-bars': { paths: [''], kept: false } },
  })),
  {
    name: 'posts property: Dates, functions, Symbol titles, strings and null',
    input: { via: 'own', value: () => [{ title: KEPT }, new Date(0), () => 1, { title: Symbol('t') }, 'x', null] },
    expect: { 'anp-similar-posts': { paths: ['/1', '/2', '/3/title', '/4', '/5'], kept: true } },
  },
  ...(
    [
      ['a Set', () => new Set([{ title: KEPT }])],
      ['an object', () => ({ 0: { title: KEPT }, length: 1 })],
    ] as const
  ).map(([what, value]): BadInputCase => ({
    name: `posts property: ${what}`,
    input: { via: 'own', value },
    expect: { 'anp-similar-posts': { paths: [''], kept: false } },
  })),
];

// --- src ------------------------------------------------------------------------

const SRC_BASE = '/anp-bad-input';
const VALID_BUT_BAD = JSON.stringify(everyMarker({ view_count: -1 }));

const SRC: BadInputCase[] = [
  ...(
    [
      ['404', { status: 404, body: 'not found', contentType: 'text/plain' }, /^src: fetch failed: HTTP 404/],
      ['500', { status: 500, body: '{}' }, /^src: fetch failed: HTTP 500/],
      ['an HTML page', { body: '<!doctype html><title>oops</title><p>hi', contentType: 'text/html' }, /^src: invalid JSON/],
      ['truncated JSON', { body: VALID_BUT_BAD.slice(0, 40) }, /^src: invalid JSON/],
      ['an empty body', { body: '' }, /^src: invalid JSON/],
      ['a network failure', { fail: true }, /^src: fetch failed/],
      ['JSON null', { body: 'null' }, /expected an article object/],
    ] as const
  ).map(([what, response, message]): BadInputCase => ({
    name: `src answering ${what}`,
    input: { via: 'src', url: `${SRC_BASE}/answer.json`, routes: { [`${SRC_BASE}/answer.json`]: response } },
    expect: nothingValid([''], [message]),
  })),
  {
    name: 'src cross-origin and unreachable (http://127.0.0.2:1/x.json)',
    input: { via: 'src', url: 'http://127.0.0.2:1/x.json', timeoutMs: 3000 },
    expect: nothingValid([''], [/^src: fetch failed/]),
  },
  ...[
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'data:application/json,{"meta":{"topic":"kept"}}',
    'vbscript:x',
  ].map((url): BadInputCase => ({
    name: `src ${JSON.stringify(url)} is never fetched`,
    input: { via: 'src', url },
    expect: nothingValid([''], [/^src: URL not used/]),
  })),
  {
    name: 'src answering valid JSON with a bad field',
    input: { via: 'src', url: `${SRC_BASE}/bad-field.json`, routes: { [`${SRC_BASE}/bad-field.json`]: { body: VALID_BUT_BAD } } },
    expect: everyTag({ paths: ['/meta/view_count'], kept: true }),
  },
  {
    name: 'src replaced while loading: the old answer arrives late and is ignored',
    input: {
      via: 'src',
      url: `${SRC_BASE}/old.json`,
      replaceWith: `${SRC_BASE}/new.json`,
      settleMs: 400,
      routes: {
        [`${SRC_BASE}/old.json`]: {
          delayMs: 250,
          body: JSON.stringify({
            meta: { topic: 'stale', checklist: ['stale'], score: { stale: 1 }, view_count: 'old' },
            similar_posts: [{ title: 'stale' }],
          }),
        },
        [`${SRC_BASE}/new.json`]: { body: JSON.stringify(everyMarker({ reading_time: 'new' })) },
      },
    },
    expect: everyTag({ paths: ['/meta/reading_time'], forbiddenPaths: ['/meta/view_count'], kept: true }),
  },
];

// --- huge and deep ---------------------------------------------------------------

const DEPTH = 100_000;
const TEN_MB = 10 * 1024 * 1024;
const ITEMS = 200_000;
const KEYS = 20_000;

function deepObject(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { d: value };
  return value;
}

function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function manyKeys(count: number, value: (i: number) => unknown): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) object[`k${i}`] = value(i);
  return object;
}

const HUGE: BadInputCase[] = [
  {
    name: `${DEPTH.toLocaleString('en')}-deep nested objects (property)`,
    huge: true,
    input: { via: 'property', value: () => withTopic({ payload: deepObject(DEPTH) }) },
    expect: box([/^\/meta\/payload(\/d)+$/], { messages: [/nested too deep/] }),
  },
  {
    name: `${DEPTH.toLocaleString('en')}-deep nested lists (property, in stack and payload)`,
    huge: true,
    input: { via: 'property', value: () => withTopic({ stack: [deepArray(DEPTH)], payload: { deep: deepArray(DEPTH) } }) },
    expect: box(['/meta/stack/0', /^\/meta\/payload\/deep(\/0)+$/]),
  },
  {
    name: `${DEPTH.toLocaleString('en')}-deep nested lists (JSON text, attribute)`,
    huge: true,
    input: { via: 'attribute', text: () => `{"meta":{"topic":"${KEPT}","payload":{"deep":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}}}` },
    // Refused by a scan before parsing (LIMITS.maxJsonDepth): parsing it would build 100,000 arrays in one task.
    expect: nothingValid([''], [/JSON nested too deep .*not parsed/]),
  },
  {
    name: `${DEPTH.toLocaleString('en')}-deep nested objects (JSON text, script child)`,
    huge: true,
    input: { via: 'script', text: () => `{"meta":{"topic":"${KEPT}","payload":${'{"d":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}}` },
    expect: nothingValid([''], [/JSON nested too deep .*not parsed/]),
  },
  {
    name: `a ${DEPTH.toLocaleString('en')}-deep list as the root (JSON text, attribute)`,
    huge: true,
    input: { via: 'attribute', text: () => '['.repeat(DEPTH) + ']'.repeat(DEPTH) },
    expect: nothingValid(['']),
  },
  {
    name: 'a 10 MB topic (property)',
    huge: true,
    input: { via: 'property', value: () => ({ meta: { difficulty: KEPT, topic: 'x'.repeat(TEN_MB) } }) },
    expect: box(['/meta/topic'], { keptLabel: 'difficulty', messages: [/string too long/] }),
  },
  {
    name: 'a 10 MB summary with markup (property)',
    huge: true,
    input: { via: 'property', value: () => withTopic({ summary: '<b>bold</b> <img src=x onerror=alert(1)>' + 'y'.repeat(TEN_MB) }) },
    expect: box(['/meta/summary'], { messages: [/string too long/] }),
  },
  {
    name: 'a 10 MB summary (JSON text, script child)',
    huge: true,
    input: { via: 'script', text: () => `{"meta":{"topic":"${KEPT}","summary":"<i>${'z'.repeat(TEN_MB)}</i>"}}` },
    // Past LIMITS.maxJsonLength: refused before parsing.
    expect: nothingValid([''], [/JSON too large .*not parsed/]),
  },
  {
    name: 'a 900 KB summary (JSON text under the cap, script child)',
    huge: true,
    input: { via: 'script', text: () => `{"meta":{"topic":"${KEPT}","summary":"<i>${'z'.repeat(900_000)}</i>"}}` },
    expect: box(['/meta/summary'], { messages: [/string too long/] }),
  },
  {
    name: 'a 10 MB key (property)',
    huge: true,
    input: { via: 'property', value: () => withTopic({ payload: { ['k'.repeat(TEN_MB)]: 1 } }) },
    expect: box(['/meta/payload'], { messages: [/key too long/] }),
  },
  {
    name: `${ITEMS.toLocaleString('en')} tools (property)`,
    huge: true,
    input: { via: 'property', value: () => withTopic({ tools: Array.from({ length: ITEMS }, (_, i) => `tool ${i}`) }) },
    expect: box(['/meta/tools'], { messages: [/too many items/] }),
  },
  {
    name: `${(ITEMS / 4).toLocaleString('en')} tools (JSON text under the cap, attribute)`,
    huge: true,
    input: { via: 'attribute', text: () => JSON.stringify(withTopic({ tools: Array.from({ length: ITEMS / 4 }, (_, i) => `tool ${i}`) })) },
    expect: box(['/meta/tools'], { messages: [/too many items/] }),
  },
  {
    name: `${ITEMS.toLocaleString('en')} checklist items (property)`,
    huge: true,
    input: { via: 'property', value: () => withTopic({ checklist: [KEPT, ...Array.from({ length: ITEMS }, (_, i) => `item ${i}`)] }) },
    expect: { ...box(['/meta/checklist']), 'anp-checklist': { paths: ['/meta/checklist'], kept: true } },
  },
  {
    name: `${ITEMS.toLocaleString('en')} similar posts (property)`,
    huge: true,
    input: {
      via: 'property',
      value: () => ({
        ...withTopic({}),
        similar_posts: [{ title: KEPT }, ...Array.from({ length: ITEMS }, (_, i) => ({ title: `post ${i}`, url: `/p/${i}` }))],
      }),
    },
    expect: { ...box(['/similar_posts']), 'anp-similar-posts': { paths: ['/similar_posts'], kept: true } },
  },
  {
    name: `${KEYS.toLocaleString('en')} payload keys (property)`,
    huge: true,
    input: { via: 'property', value: () => withTopic({ payload: manyKeys(KEYS, (i) => i) }) },
    expect: box(['/meta/payload'], { messages: [/too many keys/] }),
  },
  {
    name: `${KEYS.toLocaleString('en')} score keys (property)`,
    huge: true,
    input: { via: 'property', value: () => withTopic({ score: { [KEPT]: 50, ...manyKeys(KEYS, (i) => i % 101) } }) },
    expect: { ...box(['/meta/score']), 'anp-score-bars': { paths: ['/meta/score'], kept: true } },
  },
  {
    name: `${KEYS.toLocaleString('en')} meta keys (property)`,
    huge: true,
    input: { via: 'property', value: () => ({ meta: { topic: KEPT, ...manyKeys(KEYS, (i) => `v${i}`) } }) },
    expect: box(['/meta'], { messages: [/too many keys/] }),
  },
  {
    name: `${ITEMS.toLocaleString('en')} payload items in 100 lists (more values than one article may cost)`,
    huge: true,
    input: { via: 'property', value: () => withTopic({ payload: manyKeys(100, () => Array.from({ length: ITEMS / 100 }, (_, i) => i)) }) },
    expect: box([/^\/meta\/payload\//], { messages: [/input too large/] }),
  },
  {
    name: `items property: ${ITEMS.toLocaleString('en')} items`,
    huge: true,
    input: { via: 'own', value: () => [KEPT, ...Array.from({ length: ITEMS }, (_, i) => `item ${i}`)] },
    expect: { 'anp-checklist': { paths: [''], kept: true, messages: [/too many items/] } },
  },
  {
    name: `scores property: ${KEYS.toLocaleString('en')} keys`,
    huge: true,
    input: { via: 'own', value: () => ({ [KEPT]: 50, ...manyKeys(KEYS, () => 1) }) },
    expect: { 'anp-score-bars': { paths: [''], kept: true, messages: [/too many keys/] } },
  },
  {
    name: `posts property: ${ITEMS.toLocaleString('en')} posts`,
    huge: true,
    input: { via: 'own', value: () => [{ title: KEPT }, ...Array.from({ length: ITEMS }, (_, i) => ({ title: `post ${i}` }))] },
    expect: { 'anp-similar-posts': { paths: [''], kept: true, messages: [/too many items/] } },
  },
];

export const BAD_INPUT_CASES: readonly BadInputCase[] = [
  ...INVALID_JSON,
  ...BAD_ROOTS,
  ...WRONG_TYPE_CASES,
  ...ROOT_AND_POST_TYPES,
  ...CYCLES,
  ...PROTO_KEYS,
  ...NUMBERS,
  ...NOT_JSON,
  ...SRC,
  ...HUGE,
];
