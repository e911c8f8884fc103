/**
 * Unknown JSON in, a typed `Article` and a list of problems out: the entry
 * point the elements and `src/index.ts` import. The work is split by concern:
 *
 * - `limits.ts`: the caps (`LIMITS`) and JSON pointers;
 * - `json-text.ts`: JSON text parsed within the caps;
 * - `reader.ts`: the bounded reader (caps, budgets, depth, cycles, errors with codes);
 * - `generic.ts`: any other JSON as a tree of generic values, through the reader;
 * - `plain-values.ts`: what an untrusted value is (plain object, number as text);
 * - `meta-schema.ts`: which meta key is which kind of field;
 * - `articles.ts`: articles, similar posts and the elements' own inputs.
 */
export { LIMITS, jsonPointer } from './limits.js';
export { describeThrown, jsonTooLarge, parseJson, type JsonSource } from './json-text.js';
export { KNOWN_META_KEYS, META_SCHEMA, isKnownMetaKey, metaField } from './meta-schema.js';
export { emptyArticle, normalizeArticle, normalizeChecklistItems, normalizeScores, normalizeSimilarPosts } from './articles.js';
