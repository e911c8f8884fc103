/**
 * The typed article that every element renders. `normalizeArticle` is the
 * only way untrusted JSON becomes one of these: strings are capped, rich text
 * is already sanitized, URLs already passed the URL policy, and keyed objects
 * are ordered entry lists (never plain objects keyed by data, so a key such
 * as `__proto__` can never reach a prototype).
 */

/** One problem found in the input. `path` is a JSON pointer (RFC 6901). */
export interface AnpInputError {
  path: string;
  message: string;
}

/** A key of an object in the input, in input order, with its display label. */
export interface Entry<T> {
  /** The key as it appeared in the input (known meta keys: canonical form). */
  key: string;
  value: T;
}

/**
 * Text that may carry inline HTML. `html` exists only when the source held
 * markup; it was produced by `core/sanitize.ts` and is the only thing ever fed
 * to `unsafeHTML`. Plain strings skip the sanitizer entirely.
 */
export type RichText = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'html'; readonly html: SanitizedHtml };

/** A string that `core/sanitize.ts` produced. The brand keeps it from being forged by accident. */
export type SanitizedHtml = string & { readonly __sanitized: unique symbol };

/** A URL that passed the URL policy, ready for an `href`. */
export type SafeUrl = string & { readonly __safeUrl: unique symbol };

/** Any other JSON, kept as a tree that renders as lists and nested lists. */
export type GenericValue =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'date'; readonly iso: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'list'; readonly items: readonly GenericValue[]; readonly more: number }
  | { readonly kind: 'map'; readonly entries: readonly Entry<GenericValue>[]; readonly more: number };

export interface Revision {
  status?: string;
  version?: string;
  /** ISO 8601 date or date-time, validated. */
  last_reviewed?: string;
  /** Other keys of the revision object, in input order. */
  extra: Entry<GenericValue>[];
}

export interface Entity {
  name: string;
  type?: string;
}

export interface SimilarPost {
  title: string;
  /** Present only when the input URL passed the URL policy. */
  url?: SafeUrl;
  topic?: string;
  reading_time?: number;
  score?: Entry<number>[];
  /** Keys this library does not know, kept for custom rendering. */
  extra: Entry<GenericValue>[];
}

/** The meta fields this library knows, with their normalized types. */
export interface KnownMeta {
  topic?: string;
  code_language?: string;
  difficulty?: string;
  reference?: string;
  hash?: string;
  summary?: RichText;
  ai_brief?: RichText;
  ai_outline?: Entry<string>[];
  stack?: string[];
  tools?: string[];
  checklist?: string[];
  notes?: RichText[];
  /** Minutes. */
  reading_time?: number;
  view_count?: number;
  /** name → 0..100 */
  score?: Entry<number>[];
  revision?: Revision;
  flags?: Entry<boolean>[];
  entities?: Entity[];
  payload?: Entry<GenericValue>[];
}

export type KnownMetaKey = keyof KnownMeta;

export interface Meta extends KnownMeta {
  /** Keys this library does not know, rendered generically, in input order. */
  extra: Entry<GenericValue>[];
  /**
   * Every key that survived normalization, in input order: canonical names
   * for known keys, the input's own spelling for the rest. The meta box
   * renders in this order.
   */
  order: string[];
  /** Items dropped from capped lists, by canonical key (for an "n more" line). */
  more: Record<string, number>;
}

export interface Article {
  id?: string;
  title?: string;
  url?: SafeUrl;
  meta: Meta;
  /** `undefined` when the input had no list; `[]` when it had an empty one. */
  similar_posts?: SimilarPost[];
  similar_posts_more?: number;
}

/** The result of normalizing any input: what is valid, and what was not. */
export interface Normalized<T> {
  value: T;
  errors: AnpInputError[];
}
