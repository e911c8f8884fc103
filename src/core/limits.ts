/**
 * The cost model's caps, and the JSON pointers its problems are reported at.
 * Imported by the reader and by the element base (`src` fetch, JSON text).
 */

/**
 * Caps on what one input may cost. Past a cap the rest is dropped, an error
 * names the path, and lists show "n more". Documented in the README.
 */
export const LIMITS = /* @__PURE__ */ Object.freeze({
  /**
   * Characters of JSON text parsed from an attribute, script child or `src`
   * body, checked before parsing. An article of 2,500 values (the value cap)
   * is well under this; past it nothing is parsed.
   */
  maxJsonLength: 1_000_000,
  /** Nesting of JSON text, checked by a scan before parsing (the walk shows `maxDepth` of it). */
  maxJsonDepth: 512,
  /** Bytes read of a `src` body; the read stops there (and the response is cancelled). */
  maxSrcBytes: 3_000_000,
  /** Milliseconds a `src` request may take, headers to last byte. */
  srcTimeoutMs: 10_000,
  /** Nesting depth of objects and arrays below the article root. */
  maxDepth: 16,
  /** Characters kept of any one string (longer ones are cut and reported). */
  maxStringLength: 10_000,
  /** Items kept of any one array. */
  maxItems: 500,
  /** Keys read of any one object. */
  maxKeys: 200,
  /** Values visited in one article, all levels together. */
  maxNodes: 2_500,
  /** Values visited in `similar_posts`, counted apart, so a flood in the meta never empties the posts (or the other way round). */
  maxPostValues: 500,
  /** Problems reported for one input; past it one entry says how many more there were. */
  maxErrors: 100,
  /** Characters of each key written into an error's JSON pointer. */
  maxPointerKey: 64,
  /**
   * Characters of text kept in one article, all strings and keys together.
   * Past it every further string is cut to `minKeptText` characters, so a
   * huge field early in the article leaves the later ones readable.
   */
  maxText: 50_000,
  /** Characters each string keeps once `maxText` is spent. */
  minKeptText: 24,
  /**
   * Markup sanitized in one article, in units: each rich string holding `<`
   * costs 10 (a parse) plus one per `<`. A rich string that does not fit what
   * is left is shown as text, its tags removed, and reported.
   */
  maxMarkup: 2_000,
});

/** Where a value is in the input: keys and indexes from the root. */
export type Path = readonly (string | number)[];

/** JSON pointer (RFC 6901) of a path. */
export function jsonPointer(path: Path): string {
  let pointer = '';
  for (const part of path) {
    // Each key shortened first: a pointer repeating a 100,000-character key per error would cost more than the article.
    const text =
      typeof part === 'number' ? String(part) : part.length > LIMITS.maxPointerKey ? part.slice(0, LIMITS.maxPointerKey) + '…' : part;
    pointer += '/' + text.replace(/~/g, '~0').replace(/\//g, '~1');
  }
  return pointer;
}
