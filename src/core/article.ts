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
  /** In English, for people. Programs read `code`. */
  message: string;
  /** What went wrong, for programs; set on every problem `core/` reports. */
  code?: InputErrorCode;
}

/** What kind of problem an `AnpInputError` is. */
export type InputErrorCode =
  /** JSON text: not JSON, longer than `LIMITS.maxJsonLength`, deeper than `LIMITS.maxJsonDepth`. */
  | 'invalid-json'
  | 'json-too-large'
  | 'json-too-deep'
  /** A value of the wrong type, or a value that could not be read at all. */
  | 'wrong-type'
  | 'unreadable'
  | 'cycle'
  /** `__proto__`, `constructor`, `prototype`. */
  | 'forbidden-key'
  | 'duplicate-key'
  /** The caps of `LIMITS`. */
  | 'key-too-long'
  | 'too-many-keys'
  | 'too-many-items'
  | 'string-too-long'
  | 'text-budget'
  | 'too-many-values'
  | 'too-deep'
  | 'markup-budget'
  /** Numbers: non-finite, beyond 2^53, not whole, out of range. */
  | 'not-finite'
  | 'unsafe-number'
  | 'not-whole'
  | 'out-of-range'
  | 'not-a-date'
  /** Rich text that lost markup to the sanitizer. */
  | 'markup-removed'
  | 'url-refused'
  /** An entity without a name, a post without a title. */
  | 'incomplete'
  /** An element's own option (`fields`, `exclude`, `labels`, `theme`) that is not what it takes; ignored. */
  | 'invalid-option'
  /** A `src` that could not be fetched (refused URL, network, status, timeout, size). */
  | 'fetch-failed'
  /** The sanitizer could not load: rich text with markup is shown as text without its tags. */
  | 'sanitizer-failed'
  /** The built-in words of the element's language could not load: its labels are English. */
  | 'locale-failed'
  /** `<anp-article jsonld>`: the page's Trusted Types refused the JSON-LD script; none was written. */
  | 'jsonld-refused'
  /** The meta box's editor notes (`signals`) could not load: none are shown. */
  | 'signals-failed'
  /** The last entry, past `LIMITS.maxErrors`: how many more were not listed. */
  | 'more-errors';

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

/** What every field has, whatever its kind. */
interface FieldOf<K extends string, V> {
  readonly kind: K;
  /** The canonical key (`view_count` for `viewCount`): what `fields`, `exclude` and `field-<key>` parts match. */
  readonly key: string;
  /** The key its label is made from: the canonical key for known fields, the input's own spelling for the rest. */
  readonly label: string;
  readonly value: V;
  /** Items or keys dropped by the caps, for an "n more" line (0 when none). */
  readonly more: number;
}

/**
 * One field of the meta, by what it renders as. Known keys have the kind the
 * meta schema gives them (`core/meta-schema.ts`); every other key is
 * `generic`. A field exists only when something valid was left to show.
 */
export type MetaField =
  /** topic, code_language, difficulty; revision.status */
  | FieldOf<'text', string>
  /** reference, hash; revision.version */
  | FieldOf<'code', string>
  /** summary, ai_brief: sanitized */
  | FieldOf<'rich', RichText>
  /** revision.last_reviewed: an ISO 8601 date or date-time, validated */
  | FieldOf<'date', string>
  /** reading_time, in minutes */
  | FieldOf<'minutes', number>
  /** view_count: a whole number */
  | FieldOf<'count', number>
  /** stack, tools, checklist */
  | FieldOf<'list', readonly string[]>
  /** notes: each item sanitized */
  | FieldOf<'rich-list', readonly RichText[]>
  | FieldOf<'entities', readonly Entity[]>
  /** ai_outline: key → text */
  | FieldOf<'outline', readonly Entry<string>[]>
  /** score: name → 0..100 */
  | FieldOf<'scores', readonly Entry<number>[]>
  /** flags: name → yes/no */
  | FieldOf<'flags', readonly Entry<boolean>[]>
  /** revision, payload: fields of their own */
  | FieldOf<'object', readonly MetaField[]>
  /** any other key: any JSON */
  | FieldOf<'generic', GenericValue>;

export type MetaFieldKind = MetaField['kind'];

/** The meta fields this library knows. */
export type KnownMetaKey =
  | 'topic'
  | 'code_language'
  | 'difficulty'
  | 'reference'
  | 'hash'
  | 'summary'
  | 'ai_brief'
  | 'ai_outline'
  | 'stack'
  | 'tools'
  | 'checklist'
  | 'notes'
  | 'reading_time'
  | 'view_count'
  | 'score'
  | 'revision'
  | 'flags'
  | 'entities'
  | 'payload';

/** The normalized meta: its fields, in input order. */
export interface Meta {
  /**
   * Every field kept, in input order. Always set by `normalizeArticle`;
   * optional only while a meta built by hand as `{ extra: [], order: [], more: {} }`
   * (the old empty shape) must still type-check: read it as `meta.fields ?? []`.
   */
  readonly fields?: readonly MetaField[];
  /** @deprecated The `checklist` field's items: read `metaField(meta, 'checklist')`. Not enumerable. */
  readonly checklist?: string[];
  /** @deprecated The `score` field's entries: read `metaField(meta, 'score')`. Not enumerable. */
  readonly score?: Entry<number>[];
  /** @deprecated Each field's "n more", by key: read `field.more`. Not enumerable. */
  readonly more: Readonly<Record<string, number>>;
  /** @deprecated Gone with the field model; only the old empty shape sets it. */
  readonly extra?: readonly never[];
  /** @deprecated Gone with the field model (the fields are in order); only the old empty shape sets it. */
  readonly order?: readonly never[];
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
