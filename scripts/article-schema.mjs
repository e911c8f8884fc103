#!/usr/bin/env node
// Writes schema/article.schema.json (JSON Schema draft 2020-12 for article
// JSON) from the description below; `--check` only compares and exits 1 when
// the file is stale. The schema mirrors what src/core/articles.ts,
// src/core/meta-schema.ts and src/core/reader.ts accept: the types, the CMS
// forms (numbers as text, "1"/"0"/"true"/"false" flags, `[]` for an empty
// object), the per-value caps of LIMITS (src/core/limits.ts) and every
// spelling of a key that canonicalKey (src/core/format.ts) folds into a known
// one. It is generated because those spellings are regular expressions no one
// should maintain by hand. docs/schema.md says what it covers and what not.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = resolve(root, 'schema/article.schema.json');

/** The published address of the schema: the package's own file on unpkg (the newest version). */
export const SCHEMA_ID = 'https://unpkg.com/anp-components/schema/article.schema.json';

// The caps of src/core/limits.ts (LIMITS) that bound one value.
const MAX_STRING = 10_000;
const MAX_ITEMS = 500;
const MAX_KEYS = 200;
const MAX_KEY_LENGTH = 200;
const MAX_NUMBER_TEXT = 400;
const MAX_FLAG_TEXT = 40;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Every spelling whose canonicalKey is `canonical` (snake_case, lowercase
 * words): words joined by runs of spaces, `-` or `_`, or by a camelCase
 * boundary (a lowercase letter then a capital); within a word capitals only
 * before its lowercase letters ("VIEW", "View", "view"); whitespace around.
 */
export function keyPattern(canonical) {
  const word = (text) => {
    const forms = [];
    for (let upper = 0; upper <= text.length; upper++) forms.push(text.slice(0, upper).toUpperCase() + text.slice(upper));
    return `(?:${forms.join('|')})`;
  };
  const joint = '(?:[\\s\\-_]+|(?<=[a-z0-9])(?=[A-Z]))';
  return `^\\s*${canonical.split('_').map(word).join(joint)}\\s*$`;
}

/** Letters of a word in either case, with the tabs and newlines a URL parser removes between them. */
const spelled = (word) => [...word].map((c) => `[${c}${c.toUpperCase()}]`).join('[\\t\\n\\r]*');
/**
 * A URL whose scheme is not http, https or mailto, as the WHATWG URL parser
 * reads it (src/core/url.ts judges with it): leading C0 controls and spaces
 * stripped, tabs and newlines removed, a scheme of a letter then letters,
 * digits, `+`, `-`, `.` before the first `:`. No scheme means a relative URL.
 */
const REFUSED_SCHEME = `^[\\u0000-\\u0020]*(?!(?:${spelled('http')}(?:[\\t\\n\\r]*[sS])?|${spelled('mailto')})[\\t\\n\\r]*:)[A-Za-z][A-Za-z0-9+.\\-\\t\\n\\r]*:`;

// Numbers as text (src/core/plain-values.ts numberFromText: a finite decimal,
// whitespace around). Written without an exponent the value is checked here;
// with one ("1e3") only the form is (a regular expression cannot weigh it).
const EXPONENT = '[eE][+-]?\\d+';
const ZERO = '(?:0+(?:\\.0*)?|\\.0+)';
const anyDecimal = `(?:\\d+(?:\\.\\d*)?|\\.\\d+)${EXPONENT}`;
const signedDecimal = `[+-]?${anyDecimal}`;
/** Up to 16 integer digits after leading zeros: 2^53 has 16, so a 17th is too large for the normalizer. */
const safeInteger = '0*\\d{1,16}';
const numberText = (plain) => `^\\s*(?:${plain}|${signedDecimal})\\s*$`;
const NON_NEGATIVE_TEXT = numberText(`\\+?(?:${safeInteger}(?:\\.\\d*)?|\\.\\d+)|-${ZERO}`);
const COUNT_TEXT = numberText(`\\+?(?:${safeInteger}(?:\\.0*)?|\\.0+)|-${ZERO}`);
const SCORE_TEXT = numberText(`\\+?0*(?:\\d{1,2}(?:\\.\\d*)?|100(?:\\.0*)?|\\.\\d+)|-${ZERO}`);
const FLAG_TEXT = '^\\s*(?:1|0|[tT][rR][uU][eE]|[fF][aA][lL][sS][eE])\\s*$';

// ISO 8601 dates as src/core/format.ts isIsoDate accepts them: a real day of
// the years 0100 to 9999 (Date.UTC reads 0 to 99 as 1900 to 1999), optionally
// a time with seconds, fraction and zone.
const YEAR = '(?:0[1-9]\\d\\d|[1-9]\\d{3})';
const LEAP_YEAR = '(?:(?:0[1-9]|[1-9]\\d)(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)';
const MONTH_DAY = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';
const TIME = '(?:[T ](?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?';
const ISO_DATE = `^(?:${YEAR}-${MONTH_DAY}|${LEAP_YEAR}-02-29)${TIME}$`;

const ref = (name) => ({ $ref: `#/$defs/${name}` });
const keyRules = {
  maxProperties: MAX_KEYS,
  propertyNames: { maxLength: MAX_KEY_LENGTH, not: { enum: ['__proto__', 'constructor', 'prototype'] } },
};
/** An object, or `[]` (PHP's empty array) standing for an empty one. */
const objectOrEmpty = (title, description, body) => ({ title, description, type: ['object', 'array'], maxItems: 0, ...keyRules, ...body });

/** Known keys: `properties` (the canonical spelling, described) and `patternProperties` (every spelling). */
function known(fields) {
  const properties = {};
  const patternProperties = {};
  for (const [key, [schema, description]] of Object.entries(fields)) {
    properties[key] = { description, ...schema };
    patternProperties[keyPattern(key)] = schema;
  }
  return { properties, patternProperties };
}

/** Some key spells `key`: `required` for every spelling. */
const requiredKey = (key) => ({
  allOf: [
    {
      title: `an object with a "${key}" key`,
      anyOf: [{ required: [key] }, { not: { propertyNames: { not: { pattern: keyPattern(key) } } } }],
    },
  ],
});

const META_FIELDS = {
  topic: [ref('text'), 'What the article is about; text.'],
  code_language: [ref('text'), 'The main programming language of its code; text.'],
  difficulty: [ref('text'), 'Who it is for ("beginner", "advanced"); text.'],
  reference: [ref('text'), 'An editorial reference; shown as code.'],
  hash: [ref('text'), 'A content hash; shown as code.'],
  summary: [ref('text'), 'A summary; may hold inline HTML, which is sanitized.'],
  ai_brief: [ref('text'), 'A brief; may hold inline HTML, which is sanitized.'],
  ai_outline: [ref('outline'), 'The outline: section name to text, shown as its own section.'],
  stack: [ref('textList'), 'Technologies the article covers; a list of text.'],
  tools: [ref('textList'), 'Tools it uses; a list of text.'],
  checklist: [ref('textList'), 'Steps a reader can tick off; a list of text.'],
  notes: [ref('textList'), 'Notes; a list of text, each item may hold inline HTML, which is sanitized.'],
  reading_time: [ref('minutes'), 'Reading time in minutes: 0 or more, or a string that spells such a number ("5").'],
  view_count: [ref('count'), 'Views: a whole number, 0 or more, or a string that spells one ("513976").'],
  score: [ref('scores'), 'Scores: name to a number from 0 to 100, shown as bars.'],
  revision: [ref('revision'), 'The revision: status, version and the date it was last reviewed.'],
  flags: [ref('flags'), 'Yes/no flags: name to true/false, 1/0 or "1"/"0"/"true"/"false".'],
  entities: [ref('entities'), 'Named entities: a list of { name, type }.'],
  payload: [ref('payload'), 'Any other data, as an object of any JSON; shown as a nested list.'],
};

const ROOT_FIELDS = {
  id: [
    { title: 'text or a number', anyOf: [ref('text'), { type: 'number', minimum: -MAX_SAFE, maximum: MAX_SAFE }] },
    'The article identifier: text, or a number (CMS exports send numeric ids).',
  ],
  title: [ref('text'), 'The article title; text.'],
  url: [ref('url'), 'The article address: http, https, mailto or relative.'],
  meta: [ref('meta'), 'The meta fields. When absent, the article object itself is read as the meta if it holds meta fields.'],
  similar_posts: [ref('similarPosts'), 'Related articles, shown as links.'],
};

const anyKnownMeta = Object.keys(META_FIELDS)
  .map((key) => keyPattern(key).slice(1, -1))
  .join('|');

export const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: SCHEMA_ID,
  title: 'anp-components article',
  description:
    'An article as <anp-article>, <anp-meta-box> and the other anp elements read it (normalizeArticle). Known fields are typed, with the forms CMS exports send; unknown fields are allowed. Keys may be spelled snake_case, camelCase, kebab-case or with spaces: "view_count", "viewCount", "view-count" and "view count" are one key. Caps on the whole article (values, total text, nesting depth) are not expressed here; see docs/schema.md.',
  ...objectOrEmpty('an article object (or [] for an empty one)', undefined, {
    ...known(ROOT_FIELDS),
    // An article without a meta key whose keys include meta fields is the meta itself.
    if: { propertyNames: { not: { pattern: keyPattern('meta') } }, not: { propertyNames: { not: { pattern: `^(?:${anyKnownMeta})$` } } } },
    then: ref('metaAtRoot'),
  }),
  $defs: {
    text: { title: `text of at most ${MAX_STRING} characters`, type: 'string', maxLength: MAX_STRING },
    url: {
      title: 'a URL (http, https, mailto or relative)',
      description: 'Not blank; a scheme other than http, https or mailto (javascript:, data:) is refused.',
      type: 'string',
      pattern: '\\S',
      not: { pattern: REFUSED_SCHEME },
    },
    minutes: {
      title: 'a number of 0 or more, or a string that spells one',
      anyOf: [
        { type: 'number', minimum: 0, maximum: MAX_SAFE },
        { type: 'string', maxLength: MAX_NUMBER_TEXT, pattern: NON_NEGATIVE_TEXT },
      ],
    },
    count: {
      title: 'a whole number of 0 or more, or a string that spells one',
      anyOf: [
        { type: 'integer', minimum: 0, maximum: MAX_SAFE },
        { type: 'string', maxLength: MAX_NUMBER_TEXT, pattern: COUNT_TEXT },
      ],
    },
    score: {
      title: 'a number from 0 to 100, or a string that spells one',
      anyOf: [
        { type: 'number', minimum: 0, maximum: 100 },
        { type: 'string', maxLength: MAX_NUMBER_TEXT, pattern: SCORE_TEXT },
      ],
    },
    flag: {
      title: 'true, false, 1, 0, or "1", "0", "true", "false"',
      anyOf: [{ type: 'boolean' }, { enum: [0, 1] }, { type: 'string', maxLength: MAX_FLAG_TEXT, pattern: FLAG_TEXT }],
    },
    isoDate: { title: 'an ISO 8601 date (YYYY-MM-DD), optionally with a time', type: 'string', pattern: ISO_DATE },
    textList: { title: 'a list of text', type: 'array', maxItems: MAX_ITEMS, items: ref('text') },
    outline: objectOrEmpty('an object of text values', 'Section name to text.', { additionalProperties: ref('text') }),
    scores: objectOrEmpty('an object of scores', 'Score name to a number from 0 to 100.', { additionalProperties: ref('score') }),
    flags: objectOrEmpty('an object of flags', 'Flag name to a yes/no value.', { additionalProperties: ref('flag') }),
    entity: {
      title: 'an object { name, type }',
      type: 'object',
      ...keyRules,
      ...known({ name: [ref('text'), 'The name; required.'], type: [ref('text'), 'What kind of thing it is ("stack", "problem").'] }),
      ...requiredKey('name'),
    },
    entities: { title: 'a list of { name, type }', type: 'array', maxItems: MAX_ITEMS, items: ref('entity') },
    revision: objectOrEmpty('a revision object', 'Other keys are allowed and shown after these three.', {
      ...known({
        status: [ref('text'), 'The editorial status ("drafted").'],
        version: [
          { title: 'text or a number', anyOf: [ref('text'), { type: 'number' }] },
          'The version, as text ("1.5.8") or a number (kept as written).',
        ],
        last_reviewed: [ref('isoDate'), 'When it was last reviewed: an ISO 8601 date, optionally with a time.'],
      }),
      additionalProperties: ref('json'),
    }),
    payload: objectOrEmpty('an object of any JSON', undefined, { additionalProperties: ref('json') }),
    meta: objectOrEmpty('a meta object (or [] for an empty one)', 'Known meta fields are typed; any other key holds any JSON.', {
      ...known(META_FIELDS),
      additionalProperties: ref('json'),
    }),
    metaAtRoot: objectOrEmpty(
      'an article object whose keys are meta fields',
      'The meta sent as the article itself: as meta, less the article keys, which the meta reading skips.',
      {
        ...known(META_FIELDS),
        patternProperties: {
          ...known(META_FIELDS).patternProperties,
          ...Object.fromEntries(Object.keys(ROOT_FIELDS).map((key) => [keyPattern(key), true])),
        },
        additionalProperties: ref('json'),
      },
    ),
    post: {
      title: 'a post object with a title',
      type: 'object',
      ...keyRules,
      ...known({
        title: [ref('text'), 'The post title; required.'],
        url: [ref('url'), 'The post address: http, https, mailto or relative.'],
        topic: [ref('text'), 'What the post is about.'],
        reading_time: [ref('minutes'), 'Reading time in minutes.'],
        score: [ref('scores'), 'Scores of the post: name to 0..100.'],
      }),
      additionalProperties: ref('json'),
      ...requiredKey('title'),
    },
    similarPosts: { title: 'a list of posts', type: 'array', maxItems: MAX_ITEMS, items: ref('post') },
    json: {
      title: 'JSON within the caps',
      description: `Any JSON: strings of at most ${MAX_STRING} characters, numbers within 2^53, lists of at most ${MAX_ITEMS} items, objects of at most ${MAX_KEYS} keys.`,
      maxLength: MAX_STRING,
      minimum: -MAX_SAFE,
      maximum: MAX_SAFE,
      maxItems: MAX_ITEMS,
      items: ref('json'),
      ...keyRules,
      additionalProperties: ref('json'),
    },
  },
};

// Formatted as `npm run lint` wants it (prettier, the project's own settings).
const text = await prettier.format(JSON.stringify(schema), { ...(await prettier.resolveConfig(target)), filepath: target });
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // Missing: stale.
    }
    if (current !== text) {
      console.error('schema/article.schema.json is stale: run node scripts/article-schema.mjs');
      process.exitCode = 1;
    } else console.log('schema/article.schema.json is up to date');
  } else {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    console.log(`wrote schema/article.schema.json (${text.length} characters)`);
  }
}
