/**
 * An article as schema.org JSON-LD: the `Article` that `<anp-article jsonld>`
 * writes into the page for crawlers, and that a server can print itself.
 * Data in, data out: no DOM, no Lit.
 *
 * It reads the normalized article (`normalizeArticle`), so every value has
 * already been capped and checked: rich text is plain text here, the URL
 * has passed the URL policy, dates are ISO dates. Which schema.org property
 * each field becomes, and why, is docs/json-ld.md.
 */
import type { Article, Entity, MetaField, MetaFieldKind, RichText } from './article.js';
import { canonicalKey } from './format.js';
import { withoutTags } from './rich-rules.js';
import { safeHref } from './url.js';

/** A JSON-LD value as this module writes it: text, whole numbers, nodes and lists of them. */
export type JsonLdValue = string | number | JsonLdNode | readonly JsonLdValue[];

/** A JSON-LD node: `@type` and schema.org properties. */
export interface JsonLdNode {
  readonly [property: string]: JsonLdValue;
}

/**
 * Entity types (as `canonicalKey` spells them) that name a schema.org type,
 * besides the names of those types themselves (`Person`, `SoftwareApplication`);
 * any other type is kept as the Thing's `additionalType` text. A Map: a type
 * such as `constructor` must find nothing.
 */
const ENTITY_TYPES = new Map(
  Object.entries({
    person: 'Person',
    author: 'Person',
    organization: 'Organization',
    organisation: 'Organization',
    company: 'Organization',
    place: 'Place',
    location: 'Place',
    event: 'Event',
    product: 'Product',
    software: 'SoftwareApplication',
    software_application: 'SoftwareApplication',
    tool: 'SoftwareApplication',
    programming_language: 'ComputerLanguage',
    computer_language: 'ComputerLanguage',
    thing: 'Thing',
  }),
);

/**
 * The article as a schema.org `Article` node, with `@context`. A property is
 * there only when the article has a value for it:
 *
 * - `headline` ← title, `identifier` ← id, `url` ← url (when the URL policy allows it),
 * - `description` ← meta.summary as plain text,
 * - `keywords` ← meta.stack then meta.tools, each once,
 * - `about` ← meta.entities, each a `Thing` (or the schema.org type its `type` names),
 * - `timeRequired` ← meta.reading_time (minutes) as an ISO 8601 duration (`PT5M`),
 * - `dateModified` ← meta.revision.last_reviewed,
 * - `interactionStatistic` ← meta.view_count, counted as `ViewAction`s.
 *
 * Give it what `normalizeArticle(input).value` returns; to print it into a
 * page, use `jsonLdText`, never a bare `JSON.stringify`. `options.base`
 * resolves a relative `url` (a server has no page to resolve it against;
 * in a browser the normalized URL is already absolute).
 */
export function toJsonLd(article: Article, options: { base?: string } = {}): JsonLdNode {
  const fields = article.meta?.fields;
  const node: Record<string, JsonLdValue> = { '@context': 'https://schema.org', '@type': 'Article' };
  const put = (property: string, value: JsonLdValue | undefined): void => {
    if (value !== undefined && value !== '' && !(Array.isArray(value) && !value.length)) node[property] = value;
  };
  put('headline', text(article.title));
  put('identifier', text(article.id));
  put('url', safeHref(article.url, options.base));
  put('description', plainText(fieldOf(fields, 'summary', 'rich')?.value));
  put('keywords', [...new Set([...strings(fieldOf(fields, 'stack', 'list')?.value), ...strings(fieldOf(fields, 'tools', 'list')?.value)])]);
  put('about', (fieldOf(fields, 'entities', 'entities')?.value ?? []).filter((entity) => text(entity.name)).map(thing));
  const minutes = fieldOf(fields, 'reading_time', 'minutes')?.value;
  if (minutes !== undefined) put('timeRequired', isoDuration(minutes));
  put('dateModified', fieldOf(fieldOf(fields, 'revision', 'object')?.value, 'last_reviewed', 'date')?.value);
  const views = fieldOf(fields, 'view_count', 'count')?.value;
  if (views !== undefined) {
    // A view count counts page views, not reads: ReadAction would claim more than was measured.
    put('interactionStatistic', {
      '@type': 'InteractionCounter',
      interactionType: { '@type': 'ViewAction' },
      userInteractionCount: views,
    });
  }
  return node;
}

/**
 * JSON-LD as the text of a `<script type="application/ld+json">`: JSON in
 * which `<`, `>`, `&`, U+2028 and U+2029 are written as `\uXXXX` escapes,
 * so no value can end the script element (`</script>`), open a comment
 * (`<!--`) or break a line for an older JavaScript parser. `JSON.parse` of
 * the text gives back the same value.
 */
export function jsonLdText(node: JsonLdNode): string {
  // These characters occur only inside JSON strings, where an escape means the same character.
  return JSON.stringify(node).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whether a node says anything beyond its `@context` and `@type`. */
export function hasJsonLdProperties(node: JsonLdNode): boolean {
  return Object.keys(node).some((key) => key[0] !== '@');
}

/** The field with this key and kind, if there is one. */
function fieldOf<K extends MetaFieldKind>(fields: readonly MetaField[] | undefined, key: string, kind: K) {
  return fields?.find((each) => each.key === key && each.kind === kind) as Extract<MetaField, { kind: K }> | undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value.trim() : undefined);

const strings = (list: readonly string[] = []): string[] => list.map(text).filter((each): each is string => !!each);

function thing(entity: Entity): JsonLdNode {
  const type = text(entity.type);
  const known = type && ENTITY_TYPES.get(canonicalKey(type));
  const node: Record<string, JsonLdValue> = { '@type': known || 'Thing', name: text(entity.name)! };
  if (type && !known) node.additionalType = type;
  return node;
}

/** A tag of the sanitizer's serialization: quoted attribute values may hold `>`. */
const TAG = /<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/g;
/** The entities that serialization writes in text. */
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00a0' };

/**
 * Rich text as plain text. Sanitized HTML loses its tags (a `<br>` becomes a
 * space) and has its entities decoded; text that still holds markup (no
 * sanitizer ran: a server without a DOM) loses its tags too.
 */
function plainText(rich: RichText | undefined): string | undefined {
  if (!rich) return undefined;
  const plain =
    rich.kind === 'html'
      ? rich.html
          .replace(TAG, (tag) => (/^<br\b/i.test(tag) ? ' ' : ''))
          .replace(/&(amp|lt|gt|quot|nbsp);/g, (_, name: string) => ENTITIES[name])
      : withoutTags(rich.text);
  return plain.replace(/\s+/g, ' ').trim();
}

/** Minutes as an ISO 8601 duration: 5 → `PT5M`, 90 → `PT1H30M`, 2.5 → `PT2M30S`, 0 → `PT0M`. */
export function isoDuration(minutes: number): string {
  const total = Math.round(minutes * 60);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  // Zero parts are left out, except the minutes of a zero duration (`PT0M`).
  return `PT${h ? `${h}H` : ''}${m || !(h || s) ? `${m}M` : ''}${s ? `${s}S` : ''}`;
}
