/**
 * The meta schema: which known key is which kind of field, and how each kind
 * is read. Every other key is a `generic` field. The result is the ordered
 * field list the meta box renders with one switch on `kind`.
 */
import type { Entity, Entry, KnownMetaKey, Meta, MetaField, MetaFieldKind } from './article.js';
import { canonicalKey, isIsoDate } from './format.js';
import type { Path } from './limits.js';
import { readGeneric } from './generic.js';
import type { Capped, Reader } from './reader.js';

/** The kind of each known meta key, in the order the docs and label packs list them. */
export const META_SCHEMA: Readonly<Record<KnownMetaKey, MetaFieldKind>> = {
  topic: 'text',
  code_language: 'text',
  difficulty: 'text',
  reference: 'code',
  hash: 'code',
  summary: 'rich',
  ai_brief: 'rich',
  ai_outline: 'outline',
  stack: 'list',
  tools: 'list',
  checklist: 'list',
  notes: 'rich-list',
  reading_time: 'minutes',
  view_count: 'count',
  score: 'scores',
  revision: 'object',
  flags: 'flags',
  entities: 'entities',
  payload: 'object',
};

export const KNOWN_META_KEYS = Object.keys(META_SCHEMA) as readonly KnownMetaKey[];

const KIND_OF = new Map<string, MetaFieldKind>(Object.entries(META_SCHEMA));

/** Whether a canonical key is one of the meta fields this library knows. */
export function isKnownMetaKey(key: string): key is KnownMetaKey {
  return KIND_OF.has(key);
}

/** The field of `meta` with this canonical key, if it has one. */
export function metaField<K extends MetaFieldKind>(meta: Meta, key: string, kind?: K): Extract<MetaField, { kind: K }> | undefined {
  const field = meta.fields?.find((each) => each.key === key);
  return field && (kind === undefined || field.kind === kind) ? (field as Extract<MetaField, { kind: K }>) : undefined;
}

function field(kind: MetaFieldKind, key: string, value: unknown, more = 0, label = key): MetaField {
  return { kind, key, label, value, more } as MetaField;
}

/** A field of capped values, or nothing when none is left (no labelled row with an empty value). */
function many(kind: MetaFieldKind, key: string, read: Capped<unknown> | undefined): MetaField | undefined {
  return read?.items.length ? field(kind, key, read.items, read.more) : undefined;
}

/**
 * The meta object as fields, in input order. `skipKeys` (canonical) are
 * left out: the article's own keys when the meta arrived at the root.
 */
export function readMeta(reader: Reader, value: unknown, path: Path, skipKeys?: ReadonlySet<string>): Meta {
  const seen = new Set<string>();
  const read = reader.keyed(value, path, (key, child, fieldPath) => {
    const canonical = canonicalKey(key);
    if (skipKeys?.has(canonical)) return undefined;
    const kind = KIND_OF.get(canonical);
    if (!kind) {
      const generic = readGeneric(reader, child, fieldPath, path.length + 1);
      if (!generic) return undefined;
      const label = reader.capKey(key, fieldPath);
      return field('generic', canonicalKey(label), generic, 0, label);
    }
    if (seen.has(canonical)) {
      reader.report(fieldPath, 'duplicate-key', `duplicate of "${canonical}" under another spelling; the first one is used`);
      return undefined;
    }
    seen.add(canonical);
    return readKnownField(reader, canonical as KnownMetaKey, kind, child, fieldPath);
  });
  return metaOf(read?.items ?? []);
}

/**
 * A meta of these fields, with the deprecated views the checklist and score
 * bars still read: not enumerable, so not part of the model.
 */
export function metaOf(fields: readonly MetaField[]): Meta {
  const [checklist, score] = ['checklist', 'score'].map((key) => fields.find((field) => field.key === key));
  return Object.defineProperties(
    { fields },
    {
      checklist: { value: checklist?.value },
      score: { value: score?.value },
      more: { value: { checklist: checklist?.more, score: score?.more } },
    },
  ) as Meta;
}

function readKnownField(reader: Reader, key: KnownMetaKey, kind: MetaFieldKind, value: unknown, path: Path): MetaField | undefined {
  let read: unknown;
  switch (kind) {
    case 'text':
    case 'code':
      read = reader.string(value, path);
      break;
    case 'rich':
      read = reader.rich(value, path);
      break;
    case 'minutes':
      read = reader.number(value, path, { min: 0 });
      break;
    case 'count':
      read = reader.number(value, path, { min: 0, integer: true });
      break;
    case 'list':
      return many(
        kind,
        key,
        reader.list(value, path, 'a list of strings', (item, itemPath) => reader.string(item, itemPath)),
      );
    case 'rich-list':
      return many(
        kind,
        key,
        reader.list(value, path, 'a list of strings', (item, itemPath) => reader.rich(item, itemPath)),
      );
    case 'entities':
      return many(
        kind,
        key,
        reader.list(value, path, 'a list of { name, type }', (item, itemPath) => readEntity(reader, item, itemPath)),
      );
    case 'outline':
      return many(
        kind,
        key,
        reader.entries(value, path, (child, childPath) => reader.string(child, childPath)),
      );
    case 'scores':
      return many(kind, key, readScores(reader, value, path));
    case 'flags':
      return many(
        kind,
        key,
        reader.entries(value, path, (child, childPath) => reader.flag(child, childPath)),
      );
    case 'object':
      return many(kind, key, key === 'revision' ? readRevision(reader, value, path) : readGenericFields(reader, value, path));
  }
  return read === undefined ? undefined : field(kind, key, read);
}

/** Scores: name → a number from 0 to 100. */
export function readScores(reader: Reader, value: unknown, path: Path): Capped<Entry<number>> | undefined {
  return reader.entries(value, path, (child, childPath) => reader.number(child, childPath, { min: 0, max: 100 }));
}

/** An object of any JSON (`payload`), as generic fields. */
function readGenericFields(reader: Reader, value: unknown, path: Path): Capped<MetaField> | undefined {
  return reader.keyed(value, path, (key, child, childPath) => {
    const generic = readGeneric(reader, child, childPath, path.length + 1);
    return generic && field('generic', reader.capKey(key, childPath), generic);
  });
}

/** The revision's own keys in their fixed order, then any others as generic fields. */
const REVISION_KEYS = ['status', 'version', 'last_reviewed'];
const REVISION_KINDS = ['text', 'code', 'date'] as const;

function readRevision(reader: Reader, value: unknown, path: Path): Capped<MetaField> | undefined {
  // The last of each own key wins, in its fixed place.
  const own: (MetaField | undefined)[] = [];
  const read = reader.keyed(value, path, (key, child, childPath) => {
    const canonical = canonicalKey(key);
    const at = REVISION_KEYS.indexOf(canonical);
    if (at === -1) {
      const generic = readGeneric(reader, child, childPath, path.length + 1);
      return generic && field('generic', reader.capKey(key, childPath), generic);
    }
    // Versions arrive as numbers too (1.5): keep what the author wrote.
    const text = at === 1 && typeof child === 'number' && Number.isFinite(child) ? String(child) : reader.string(child, childPath);
    if (at === 2 && text !== undefined && !isIsoDate(text)) {
      reader.report(childPath, 'not-a-date', `expected an ISO 8601 date (YYYY-MM-DD), got "${text.slice(0, 40)}"`);
    } else own[at] = text === undefined ? undefined : field(REVISION_KINDS[at], canonical, text);
    return undefined;
  });
  return read && { items: [...own.filter((each) => each !== undefined), ...read.items], more: read.more };
}

function readEntity(reader: Reader, item: unknown, path: Path): Entity | undefined {
  let name: string | undefined;
  let type: string | undefined;
  const read = reader.keyed(
    item,
    path,
    (key, child, childPath) => {
      const canonical = canonicalKey(key);
      if (canonical === 'name') name = reader.string(child, childPath);
      else if (canonical === 'type') type = reader.string(child, childPath);
      return undefined;
    },
    'an object { name, type }',
  );
  if (!read) return undefined;
  if (name === undefined) reader.report(path, 'incomplete', 'entity without a name');
  else return type === undefined ? { name } : { name, type };
  return undefined;
}
