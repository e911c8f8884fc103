/**
 * What the schema checker (src/cli/schema-check.ts) needs to know of JSON
 * values: their JSON type, equality, length in code points, a short picture
 * for messages; and a bounded memo of what was found per schema and key.
 */
import { describe } from '../core/plain-values.js';

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.hasOwn(b, key) && sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** A short picture of a value for a message: `"78%"`, `150`, `a list`. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return describe(value);
}

/** Characters as JSON Schema counts them: code points, not UTF-16 units. */
export function codePoints(text: string): number {
  let count = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code >= 0xd800 && code <= 0xdbff && at + 1 < text.length) {
      const next = text.charCodeAt(at + 1);
      if (next >= 0xdc00 && next <= 0xdfff) at++;
    }
    count++;
  }
  return count;
}

/** Keys remembered per schema: the same keys come back in every article of a corpus. */
const KEY_MEMO_SIZE = 5_000;

/** Per schema object, per key: a value found once. Bounded, so a corpus of random keys cannot grow it for ever. */
export class KeyMemo<T> {
  private readonly bySchema = new WeakMap<object, Map<string, T>>();

  get(schema: unknown, key: string): T | undefined {
    return typeof schema === 'object' && schema !== null ? this.bySchema.get(schema)?.get(key) : undefined;
  }

  set(schema: unknown, key: string, value: T): T {
    if (typeof schema !== 'object' || schema === null) return value;
    let memo = this.bySchema.get(schema);
    if (!memo) this.bySchema.set(schema, (memo = new Map<string, T>()));
    if (memo.size >= KEY_MEMO_SIZE) memo.clear();
    memo.set(key, value);
    return value;
  }
}
