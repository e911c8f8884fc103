// schema/article.schema.json: a valid draft 2020-12 schema, and one that
// agrees with the types and the normalizer. "Agrees" is tested both ways:
//
// - what is generated from the schema (test/node/schema-arbitrary.mjs), the
//   normalizer accepts: normalizeArticle returns no error at all;
// - what the schema rejects, the normalizer reports: for documents made by
//   breaking a valid one (a value replaced, a key dropped or added), when ajv
//   rejects the document, normalizeArticle returns at least one error, and
//   one of its errors is at the broken place, inside it or around it (its
//   JSON pointer is the mutated path, an ancestor or a descendant).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { canonicalKey } from '../../dist/core/format.js';
import { KNOWN_META_KEYS, META_SCHEMA, normalizeArticle } from '../../dist/core/normalize.js';
import { articleArbitraries, makeAjv, mutate, pointer, SPELLINGS } from './schema-arbitrary.mjs';

const schemaUrl = new URL('../../schema/article.schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(schemaUrl, 'utf8'));
const seed = JSON.parse(readFileSync(new URL('../fixtures/seed-article.json', import.meta.url), 'utf8'));
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

const ajv = makeAjv();
const validate = ajv.compile(schema);
// ANP_SCHEMA_RUNS=3000 for a longer hunt.
const RUNS = Number(process.env.ANP_SCHEMA_RUNS) || 300;

test('the schema is valid JSON Schema draft 2020-12, named by its $id, and published', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(schema.$id, 'https://unpkg.com/anp-components/schema/article.schema.json');
  assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
  // A negative control: the meta-schema check can fail.
  assert.equal(ajv.validateSchema({ ...schema, type: 'article' }), false);
  assert.equal(pkg.exports['./schema/article.schema.json'], './schema/article.schema.json');
  assert.ok(pkg.files.includes('schema'));
});

test('schema/article.schema.json is what scripts/article-schema.mjs writes', () => {
  const script = fileURLToPath(new URL('../../scripts/article-schema.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
});

test('every known meta field has a typed, described property, and the seed is valid', () => {
  const meta = schema.$defs.meta.properties;
  assert.deepEqual(Object.keys(meta).sort(), [...KNOWN_META_KEYS].sort());
  // Each field's definition is the one for its kind in META_SCHEMA (src/core/meta-schema.ts).
  const defOfKind = { text: 'text', code: 'text', rich: 'text', outline: 'outline', list: 'textList', 'rich-list': 'textList' };
  Object.assign(defOfKind, { minutes: 'minutes', count: 'count', scores: 'scores', flags: 'flags', entities: 'entities' });
  for (const [key, kind] of Object.entries(META_SCHEMA)) {
    const expected = kind === 'object' ? key : defOfKind[kind];
    assert.equal(meta[key].$ref, `#/$defs/${expected}`, `${key} (${kind})`);
  }
  for (const [key, property] of Object.entries({ ...meta, ...schema.properties })) {
    assert.ok(property.description?.length > 10, `${key} has a description`);
    assert.ok(property.$ref || property.anyOf, `${key} is typed`);
  }
  assert.equal(validate(seed), true, JSON.stringify(validate.errors));
  assert.deepEqual(normalizeArticle(seed).errors, []);
});

test('a key pattern matches exactly the spellings canonicalKey folds into that key', () => {
  const patterns = Object.keys(schema.$defs.meta.patternProperties).map((source) => new RegExp(source, 'u'));
  const keys = Object.keys(schema.$defs.meta.properties);
  const spelled = fc.tuple(fc.constantFrom(...keys), fc.nat(SPELLINGS.length - 1)).map(([key, at]) => SPELLINGS[at](key));
  const noise = fc.oneof(fc.string({ maxLength: 14 }), fc.stringMatching(/^[ _A-Za-z-]{1,16}$/));
  fc.assert(
    fc.property(fc.oneof(spelled, noise), (key) => {
      patterns.forEach((pattern, index) =>
        assert.equal(pattern.test(key), canonicalKey(key) === keys[index], `${JSON.stringify(key)} vs ${keys[index]}`),
      );
    }),
    { numRuns: 2000 },
  );
});

test('articles generated from the schema: the schema and the normalizer accept them with no error', () => {
  const { article } = articleArbitraries(schema);
  fc.assert(
    fc.property(article, (doc) => {
      assert.equal(validate(doc), true, JSON.stringify(validate.errors?.slice(0, 3)));
      assert.deepEqual(normalizeArticle(doc).errors, []);
    }),
    { numRuns: RUNS },
  );
});

const related = (a, b) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`) || a === '' || b === '';

test('documents the schema rejects, the normalizer reports (at the broken place)', () => {
  const { article } = articleArbitraries(schema);
  let rejected = 0;
  let accepted = 0;
  fc.assert(
    fc.property(article, fc.nat(), fc.nat(), (doc, choice, valueIndex) => {
      const mutation = mutate(doc, choice, valueIndex);
      if (!mutation) return;
      const errors = normalizeArticle(mutation.doc).errors;
      if (validate(mutation.doc)) {
        accepted++;
        // Where the schema accepts the broken document, so does the normalizer (no place where the schema is looser, for these mutations).
        assert.deepEqual(errors, [], `accepted by the schema: ${JSON.stringify(mutation.doc).slice(0, 300)}`);
        return;
      }
      rejected++;
      assert.ok(errors.length > 0, `schema rejects ${JSON.stringify(validate.errors?.slice(0, 2))}; normalize reports nothing`);
      const at = pointer(mutation.at);
      assert.ok(
        errors.some((error) => related(error.path, at)),
        `an error near ${at}: ${JSON.stringify(errors.map((error) => error.path))}`,
      );
    }),
    { numRuns: RUNS * 2 },
  );
  // The property is not vacuous: most mutations break the document.
  assert.ok(rejected > RUNS / 2, `${rejected} rejected, ${accepted} accepted`);
});

test('the CMS forms: what the normalizer accepts, the schema accepts', () => {
  const forms = [
    { meta: { reading_time: ' 5 ', view_count: '513976', score: { a: '78', b: '100.0', c: '-0', d: '1e2' } } },
    { meta: { flags: { a: '1', b: '0', c: ' TRUE ', d: 'false', e: 1, f: 0, g: true } } },
    { meta: { score: [], flags: [], ai_outline: [], payload: [], revision: [] } },
    { meta: [] },
    [],
    { viewCount: '12', 'reading-time': 3, 'Code Language': 'python', id: 42 },
    { meta: { revision: { version: 1.5, last_reviewed: '2024-02-29T10:00:00Z' } } },
    { similarPosts: [{ Title: 'x', URL: 'https://example.com/a', readingTime: '4' }] },
    { meta: { entities: [{ Name: 'x' }] } },
  ];
  for (const form of forms) {
    assert.deepEqual(normalizeArticle(form).errors, [], JSON.stringify(form));
    assert.equal(validate(form), true, `${JSON.stringify(form)}: ${JSON.stringify(validate.errors)}`);
  }
});

test('the schema refuses what the normalizer refuses: one bad value each, at its pointer', () => {
  const cases = [
    [{ meta: { score: { a: '150' } } }, '/meta/score/a'],
    [{ meta: { view_count: '12.5' } }, '/meta/view_count'],
    [{ meta: { reading_time: -1 } }, '/meta/reading_time'],
    [{ meta: { score: { a: 100.5 } } }, '/meta/score/a'],
    [{ meta: { view_count: 1.5 } }, '/meta/view_count'],
    [{ meta: { view_count: '90071992547409930' } }, '/meta/view_count'],
    [{ similar_posts: [{ title: 'x', reading_time: '-2', score: { a: -0.5 } }] }, '/similar_posts/0/reading_time'],
    [{ similar_posts: [{ title: 'x', score: { a: 101 } }] }, '/similar_posts/0/score/a'],
    [{ meta: { flags: { a: 'yes' } } }, '/meta/flags/a'],
    [{ meta: { revision: { last_reviewed: '2023-02-29' } } }, '/meta/revision/last_reviewed'],
    [{ meta: { revision: { last_reviewed: '0099-01-01' } } }, '/meta/revision/last_reviewed'],
    [{ url: ' java\tscript:alert(1)' }, '/url'],
    [{ similar_posts: [{ url: '/a' }] }, '/similar_posts/0'],
    [{ meta: { entities: [{ type: 'x' }] } }, '/meta/entities/0'],
    [{ meta: { stack: 'python' } }, '/meta/stack'],
    [{ topic: 5 }, '/topic'],
    [{ id: 2 ** 60 }, '/id'],
    [JSON.parse('{"meta": {"payload": {"__proto__": 1}}}'), '/meta/payload/__proto__'],
  ];
  for (const [doc, at] of cases) {
    assert.equal(validate(doc), false, JSON.stringify(doc));
    assert.ok(
      validate.errors.some((error) => error.instancePath === at || error.instancePath === at.replace(/\/[^/]*$/, '')),
      `${at} in ${JSON.stringify(validate.errors.map((error) => error.instancePath))}`,
    );
    assert.ok(
      normalizeArticle(doc).errors.some((error) => error.path === at),
      `${at}: ${JSON.stringify(normalizeArticle(doc).errors)}`,
    );
  }
});
