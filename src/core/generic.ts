/**
 * Any other JSON (unknown keys, payload, extra keys of posts) as a tree of
 * generic values, read within the caps: lists, maps, text, dates, numbers,
 * booleans and null.
 */
import type { Entry, GenericValue } from './article.js';
import { isIsoDate } from './format.js';
import { LIMITS, type Path } from './limits.js';
import type { Capped, Reader } from './reader.js';

/** Any JSON, as a tree of generic values. `depth` counts levels below the article root. */
export function readGeneric(reader: Reader, value: unknown, path: Path, depth: number): GenericValue | undefined {
  if (!reader.visit(path)) return undefined;
  switch (typeof value) {
    case 'string': {
      const text = reader.keepText(value, path, LIMITS.maxStringLength, 'string');
      return isIsoDate(text) ? { kind: 'date', iso: text } : { kind: 'text', text };
    }
    case 'number':
      return reader.finite(value, path) === undefined ? undefined : { kind: 'number', value };
    case 'boolean':
      return { kind: 'boolean', value };
    case 'object':
      break;
    default:
      return reader.wrongType(path, 'JSON', value);
  }
  if (value === null) return { kind: 'null' };
  if (depth >= LIMITS.maxDepth) {
    reader.report(path, 'too-deep', `nested too deep: more than ${LIMITS.maxDepth} levels; the rest is not shown`);
    return undefined;
  }
  if (Array.isArray(value)) {
    const read = reader.list(value, path, 'a list', (item, itemPath) => readGeneric(reader, item, itemPath, depth + 1));
    return read && { kind: 'list', items: read.items, more: read.more };
  }
  const map = readGenericEntries(reader, value, path, depth);
  if (!map) return undefined;
  // PHP cannot tell `{}` from `[]`: where no type is expected, an object with nothing in it is the empty list.
  if (!map.items.length && !map.more) return { kind: 'list', items: [], more: 0 };
  return { kind: 'map', entries: map.items, more: map.more };
}

export function readGenericEntries(reader: Reader, value: unknown, path: Path, depth: number): Capped<Entry<GenericValue>> | undefined {
  return reader.entries(value, path, (child, childPath) => readGeneric(reader, child, childPath, depth + 1));
}
