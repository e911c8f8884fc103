// fast-check arbitraries made from schema/article.schema.json: articles the
// schema accepts, walked from its keywords ($ref, anyOf, type, enum,
// properties, required, additionalProperties, items, pattern, minimum,
// maximum, maxItems, maxLength). Three places are generated from a value
// rather than from the text of the schema, each said where it is done:
// URLs (the schema only refuses schemes), numbers as text (the pattern checks
// the form of an exponent, not its size) and the article that sends its meta
// at the root (the schema's `if`/`then` describes it; it is built here from
// the meta and article definitions). Sizes are kept small: the caps on the
// whole article (LIMITS.maxNodes, maxText) are not the schema's business.
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { canonicalKey } from '../../dist/core/format.js';

/** ajv in its strict mode, less two of ajv's own style rules the schema breaks on purpose (see docs/schema.md). */
export function makeAjv() {
  return new Ajv2020.default({ allErrors: true, strictTypes: false, allowMatchingProperties: true });
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Every canonical key the schema names anywhere (article, meta, posts, entities, revision). */
function namedKeys(schema) {
  const names = new Set();
  const walk = (node) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (node.properties) for (const key of Object.keys(node.properties)) names.add(key);
      Object.values(node).forEach(walk);
    }
  };
  walk(schema);
  return names;
}

/** Ways a CMS spells a snake_case key that canonicalKey folds back. */
export const SPELLINGS = [
  (key) => key,
  (key) => key.replace(/_([a-z])/g, (_, c) => c.toUpperCase()),
  (key) => key.replace(/_/g, '-'),
  (key) => key.replace(/_/g, ' '),
  (key) => key.toUpperCase(),
  (key) => key.replace(/(^|_)([a-z])/g, (_, sep, c) => `${sep ? ' ' : ''}${c.toUpperCase()}`),
  (key) => ` ${key} `,
];

export function articleArbitraries(schema) {
  const defs = schema.$defs;
  const known = namedKeys(schema);

  // Keys no schema entry names in any spelling: the unknown keys every object may hold.
  const unknownKey = fc
    .oneof(fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/), fc.string({ minLength: 1, maxLength: 16 }))
    .filter((key) => !FORBIDDEN.has(key) && !known.has(canonicalKey(key)));

  // fast-check's doubles are spread over the binary exponents, so most fall near 0: whole numbers
  // across the range and its two ends are mixed in, or a wrong upper bound would rarely be met.
  const safeDouble = (min, max) =>
    fc.oneof(
      fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
      fc.constantFrom(min, max),
    );
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.string({ maxLength: 20 }),
      fc.integer({ min: -1e6, max: 1e6 }),
      safeDouble(-1e9, 1e9),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(unknownKey, tie('value'), { maxKeys: 3 }),
    ),
  })).value;

  const url = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.stringMatching(/^\/[a-z0-9-]{1,12}(\/[a-z0-9-]{1,12}){0,2}$/),
    fc.constantFrom('mailto:editor@example.com', 'relative/path', '?page=2', '#top', 'HTTPS://Example.com/A'),
  );
  const padded = (arbitrary) =>
    fc.tuple(fc.constantFrom('', ' ', '\t'), arbitrary, fc.constantFrom('', ' ', '\n')).map((parts) => parts.join(''));
  // Numbers as text: a number the number branch allows, written out.
  const numberText = {
    minutes: padded(fc.oneof(fc.nat(10_000), safeDouble(0, 10_000)).map(String)),
    count: padded(fc.nat(Number.MAX_SAFE_INTEGER).map(String)),
    score: padded(fc.oneof(fc.nat(100), safeDouble(0, 100)).map(String)),
  };

  const cache = new Map();
  function of(node, name) {
    if (node === true || node === undefined) return json;
    if (node.$ref) {
      const defName = node.$ref.replace('#/$defs/', '');
      if (!cache.has(defName)) {
        cache.set(defName, fc.constant(null)); // placeholder against cycles (json is the only recursive one, handled above)
        cache.set(defName, of(defs[defName], defName));
      }
      return cache.get(defName);
    }
    if (name === 'json') return json;
    if (name === 'url') return url;
    if (node.enum) return fc.constantFrom(...node.enum);
    if (node.anyOf) {
      return fc.oneof(...node.anyOf.map((branch) => (branch.type === 'string' && numberText[name] ? numberText[name] : of(branch))));
    }
    const types = Array.isArray(node.type) ? node.type : [node.type];
    return fc.oneof(...types.map((type) => ofType(node, type)));
  }

  function ofType(node, type) {
    switch (type) {
      case 'string': {
        if (node.pattern)
          return fc.stringMatching(new RegExp(node.pattern, 'u')).filter((text) => [...text].length <= (node.maxLength ?? Infinity));
        return fc.string({ maxLength: Math.min(node.maxLength ?? 30, 30) });
      }
      case 'number':
        return safeDouble(node.minimum ?? -1e9, node.maximum ?? 1e9);
      case 'integer':
        return fc.oneof(
          fc.integer({ min: node.minimum ?? -1e6, max: Math.min(node.maximum ?? 1e6, Number.MAX_SAFE_INTEGER) }),
          fc.constantFrom(node.minimum ?? -1e6, node.maximum ?? 1e6),
        );
      case 'boolean':
        return fc.boolean();
      case 'array':
        if (node.maxItems === 0) return fc.constant([]);
        return fc.array(of(node.items), { maxLength: Math.min(node.maxItems ?? 4, 4) });
      case 'object':
        return objectOf(node);
      default:
        throw new Error(`no arbitrary for type ${type}`);
    }
  }

  /** Required keys, including those required in any spelling (`allOf: [{ anyOf: [{ required }, …] }]`). */
  function requiredOf(node) {
    return [...(node.required ?? []), ...(node.allOf ?? []).flatMap((part) => part.anyOf?.[0]?.required ?? [])];
  }

  function objectOf(node) {
    const properties = node.properties ?? {};
    const required = requiredOf(node);
    const record = fc.record(Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, of(child)])), {
      requiredKeys: required,
    });
    const extra = node.additionalProperties ? fc.dictionary(unknownKey, of(node.additionalProperties), { maxKeys: 2 }) : fc.constant({});
    // Known keys in some spelling, unknown keys after them.
    return fc.tuple(record, extra, fc.nat(SPELLINGS.length - 1)).map(([own, more, spelling]) => {
      const out = {};
      for (const [key, value] of Object.entries(own)) out[SPELLINGS[spelling](key)] = value;
      return Object.assign(out, more);
    });
  }

  const meta = of({ $ref: '#/$defs/meta' });
  const rootOwn = objectOf({ properties: schema.properties, additionalProperties: false });
  const article = fc.oneof(
    rootOwn,
    // The meta at the root (SPEC: "an object with no meta key whose keys are meta fields").
    fc
      .tuple(meta, objectOf({ properties: { id: schema.properties.id, title: schema.properties.title, url: schema.properties.url } }))
      .map(([fields, own]) => (Array.isArray(fields) ? own : { ...own, ...fields })),
  );
  return { article, json, unknownKey };
}

// Breaking a valid document, for the tests that compare verdicts on invalid ones.

/** Every path to a value in a JSON document. */
export function paths(value, at = []) {
  const here = [at];
  if (Array.isArray(value)) value.forEach((item, index) => here.push(...paths(item, [...at, index])));
  else if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) here.push(...paths(child, [...at, key]));
  return here;
}

export const pointer = (path) => path.map((part) => `/${String(part).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** Values that break most typed places: wrong types, out of range, refused URLs, impossible dates, caps. */
export const BAD_VALUES = [
  150,
  -1,
  1.5,
  'abc',
  '150',
  ' -3 ',
  '',
  '   ',
  'javascript:alert(1)',
  'DATA:text/html,x',
  '2021-02-30',
  'yes',
  null,
  true,
  {},
  [],
  [1],
  ['x', 2],
  { type: 'no name' },
  'x'.repeat(10_001),
  Array.from({ length: 501 }, () => 'x'),
];

/** A valid document broken in one place; `at` is the path of the change. */
export function mutate(doc, choice, valueIndex) {
  const copy = structuredClone(doc);
  const all = paths(copy).filter((path) => path.length > 0);
  if (all.length === 0) return undefined;
  // Two times in three a leaf (a string, number, boolean or null), where most typed places are.
  const leaves = all.filter((path) => {
    const value = path.reduce((node, part) => node[part], copy);
    return value === null || typeof value !== 'object';
  });
  const pool = leaves.length && choice % 3 !== 0 ? leaves : all;
  const path = pool[Math.floor(choice / 3) % pool.length];
  const parent = path.slice(0, -1).reduce((node, part) => node[part], copy);
  const last = path[path.length - 1];
  const kind = valueIndex % 5;
  if (kind === 0 && !Array.isArray(parent)) delete parent[last];
  else if (kind === 1 && !Array.isArray(parent)) {
    // A key JavaScript objects treat specially, as JSON.parse makes it (an own property).
    Object.assign(parent, JSON.parse(`{"${['__proto__', 'constructor', 'prototype'][valueIndex % 3]}": 1}`));
    return { doc: copy, at: path.slice(0, -1) };
  } else parent[last] = structuredClone(BAD_VALUES[valueIndex % BAD_VALUES.length]);
  return { doc: copy, at: path };
}
