/**
 * What an untrusted value is, found without calling anything the value
 * controls: a plain object or not, a number written as text, and a short
 * description for error messages.
 */

/** A finite decimal number written out: optional sign, digits, fraction, exponent. No hex, no "Infinity", no "NaN". */
const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number a string spells (surrounding whitespace ignored), or `undefined`. */
export function numberFromText(text: string): number | undefined {
  // Longer than any number a CMS writes: not worth trimming a megabyte for.
  if (text.length > 400) return undefined;
  const trimmed = text.trim();
  return NUMBER_TEXT.test(trimmed) ? Number(trimmed) : undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  // Objects from JSON.parse, literals, Object.create(null), or another frame's Object.
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype) return true;
  // Another frame's Object.prototype: itself the end of its chain. Class instances are not plain.
  return Object.prototype.toString.call(value) === '[object Object]' && Object.getPrototypeOf(proto) === null;
}

/** What a value is, for an error message ("an object", "a Map", "NaN"). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') {
    const tag = Object.prototype.toString.call(value).slice(8, -1);
    return tag === 'Object' ? 'an object' : `a ${tag}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return `a ${typeof value}`;
}
