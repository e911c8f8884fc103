/**
 * The meta schema: which known key is which kind of field, and how each kind
 * is read. Every other key is a `generic` field. The result is the ordered
 * field list the meta box renders with one switch on `kind`.
 */
import type { Entity, Entry, KnownMetaKey, Meta, MetaField, MetaFieldKind } from './article.js';
import { canonicalKey, isIsoDate } from './format.js';
import type { Path } from './limits.js';
import type { Capped, Reader } from './reader.js';

/** The kind of each known meta key, in the order the docs and label packs list them. */
export const META_SCHEMA: Readonly<Record<KnownMetaKey, MetaFieldKind>> = Object.freeze({
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
});

export const KNOWN_META_KEYS = Object.freeze(Object.keys(META_SCHEMA)) as readonly KnownMetaKey[];

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

const NO_KEYS: ReadonlySet<string> = new Set();

function field(kind: MetaFieldKind, key: string, value: unknown, more = 0, label = key): MetaField {
  return { kind, key, label, value, more } as MetaField;
}

/** A field of capped values, or nothing when none is left (no labelled row with an empty value). */
function many(kind: MetaFieldKind, key: string, read: Capped<unknown> | undefined): MetaField | undefined {
  return read?.values.length ? field(kind, key, read.values, read.more) : undefined;
}

/**
 * The meta object as fields, in input order. `skipKeys` (canonical) are
 * left out: the article's own keys when the meta arrived at the root.
 */
export function readMeta(reader: Reader, value: unknown, path: Path, skipKeys = NO_KEYS): Meta {
  const seen = new Set<string>();
  const read = reader.keyed(value, path, (key, child, fieldPath) => {
    const canonical = canonicalKey(key);
    if (skipKeys.has(canonical)) return undefined;
    const kind = KIND_OF.get(canonical);
    if (!kind) {
      const generic = reader.generic(child, fieldPath, path.length + 1);
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
  return metaOf(read?.values ?? []);
}

/** A meta of these fields, with the deprecated views the sibling elements still read (not enumerable: not part of the model). */
export function metaOf(fields: readonly MetaField[]): Meta {
  const more: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const each of fields) if (each.more) more[each.key] = each.more;
  const meta = { fields };
  return Object.defineProperties(meta, {
    more: { value: more },
    checklist: { value: metaField(meta as Meta, 'checklist', 'list')?.value },
    score: { value: metaField(meta as Meta, 'score', 'scores')?.value },
  }) as Meta;
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
    const generic = reader.generic(child, childPath, path.length + 1);
    return generic && field('generic', reader.capKey(key, childPath), generic);
  });
}

/** The revision's own keys, in their fixed order (status, version, last reviewed), then any others as generic fields. */
function readRevision(reader: Reader, value: unknown, path: Path): Capped<MetaField> | undefined {
  const own: Partial<Record<'status' | 'version' | 'last_reviewed', MetaField | undefined>> = {};
  const read = reader.keyed(value, path, (key, child, childPath) => {
    const canonical = canonicalKey(key);
    switch (canonical) {
      case 'status':
        own.status = textField('text', canonical, reader.string(child, childPath));
        return undefined;
      case 'version':
        // Versions arrive as numbers too (1.5): keep what the author wrote.
        own.version = textField(
          'code',
          canonical,
          typeof child === 'number' && Number.isFinite(child) ? String(child) : reader.string(child, childPath),
        );
        return undefined;
      case 'last_reviewed': {
        const text = reader.string(child, childPath);
        if (text !== undefined && !isIsoDate(text)) {
          reader.report(childPath, 'not-a-date', `expected an ISO 8601 date (YYYY-MM-DD), got "${text.slice(0, 40)}"`);
        } else own.last_reviewed = textField('date', canonical, text);
        return undefined;
      }
      default: {
        const generic = reader.generic(child, childPath, path.length + 1);
        return generic && field('generic', reader.capKey(key, childPath), generic);
      }
    }
  });
  if (!read) return undefined;
  const fields = [own.status, own.version, own.last_reviewed].filter((each) => each !== undefined);
  return { values: [...fields, ...read.values], more: read.more };
}

function textField(kind: 'text' | 'code' | 'date', key: string, text: string | undefined): MetaField | undefined {
  return text === undefined ? undefined : field(kind, key, text);
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
