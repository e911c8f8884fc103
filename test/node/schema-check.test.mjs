// src/cli/schema-check.ts, the checker `anp validate` runs instead of a
// validator package, against ajv (draft 2020-12) on the same documents:
// the same verdict on every generated and every mutated article, and its
// problems at pointers ajv also names.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { SchemaChecker } from '../../dist/cli/schema-check.js';
import { articleArbitraries, makeAjv, mutate } from './schema-arbitrary.mjs';

const schema = JSON.parse(readFileSync(new URL('../../schema/article.schema.json', import.meta.url), 'utf8'));
const seed = JSON.parse(readFileSync(new URL('../fixtures/seed-article.json', import.meta.url), 'utf8'));
const validate = makeAjv().compile(schema);
const checker = new SchemaChecker(schema);
const RUNS = Number(process.env.ANP_SCHEMA_RUNS) || 300;

/** The pointers ajv names: the value's, and for a refused key the key's own (where the checker reports it). */
function ajvPointers(errors) {
  return new Set(
    (errors ?? []).map((error) =>
      error.keyword === 'propertyNames' || error.propertyName !== undefined
        ? `${error.instancePath}/${String(error.params.propertyName ?? error.propertyName)
            .replace(/~/g, '~0')
            .replace(/\//g, '~1')}`
        : error.instancePath,
    ),
  );
}

function sameVerdict(doc) {
  const ajvValid = validate(doc);
  const problems = checker.check(doc);
  assert.equal(problems.length === 0, ajvValid, `ajv ${ajvValid}, checker ${JSON.stringify(problems.slice(0, 3))}`);
  const named = ajvPointers(validate.errors);
  for (const problem of problems) assert.ok(named.has(problem.pointer), `${problem.pointer} among ${JSON.stringify([...named])}`);
  return ajvValid;
}

test('the checker accepts the seed and what ajv accepts among generated articles', () => {
  assert.deepEqual(checker.check(seed), []);
  fc.assert(
    fc.property(articleArbitraries(schema).article, (doc) => assert.equal(sameVerdict(doc), true)),
    { numRuns: RUNS },
  );
});

test('the checker and ajv agree on mutated articles, valid and invalid', () => {
  let invalid = 0;
  fc.assert(
    fc.property(articleArbitraries(schema).article, fc.nat(), fc.nat(), (doc, choice, valueIndex) => {
      const mutation = mutate(doc, choice, valueIndex);
      if (mutation && !sameVerdict(mutation.doc)) invalid++;
    }),
    { numRuns: RUNS * 2 },
  );
  assert.ok(invalid > RUNS / 2, `${invalid} invalid documents compared`);
});

test('messages say what was expected and what came, at JSON pointers', () => {
  const problems = checker.check({ meta: { score: { depth: 150 }, flags: { x: 'yes' }, stack: 'python' }, url: 'javascript:x' });
  assert.deepEqual(
    problems.map(({ pointer, message }) => `${pointer}: ${message}`),
    [
      '/meta/score/depth: expected a number from 0 to 100, or a string that spells one, got 150',
      '/meta/flags/x: expected true, false, 1, 0, or "1", "0", "true", "false", got "yes"',
      '/meta/stack: expected a list of text, got "python"',
      '/url: expected a URL (http, https, mailto or relative), got "javascript:x"',
    ],
  );
  assert.deepEqual(
    checker.check(JSON.parse('{"meta": {"a~b/c": {"__proto__": 1}}}')).map((problem) => problem.pointer),
    ['/meta/a~0b~1c/__proto__'],
  );
  assert.equal(checker.check('text')[0].message, 'expected an article object (or [] for an empty one), got "text"');
});

test('a schema past what the checker knows is refused when it is made, not passed unchecked', () => {
  assert.throws(() => new SchemaChecker({ type: 'object', dependentRequired: { a: ['b'] } }), /"dependentRequired" .* not supported/);
  assert.throws(() => new SchemaChecker({ $ref: 'https://example.com/other.json' }), /same document/);
  assert.throws(() => new SchemaChecker({ pattern: '(' }), SyntaxError);
  assert.throws(() => new SchemaChecker({ $ref: '#/$defs/missing' }).check(1), /points at nothing/);
  // A small schema of its own: each keyword can fail.
  const small = new SchemaChecker({
    type: 'object',
    required: ['a'],
    maxProperties: 2,
    properties: { a: { enum: [1, 2] }, b: { const: 'x' } },
    additionalProperties: false,
  });
  assert.deepEqual(small.check({ a: 1 }), []);
  assert.deepEqual(
    small.check({ b: 'y', c: 1, d: 2 }).map((problem) => problem.keyword),
    ['required', 'maxProperties', 'const', 'false', 'false'],
  );
});
