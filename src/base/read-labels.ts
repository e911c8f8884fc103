import type { AnpInputError } from '../core/article.js';
import type { Labels } from '../core/format.js';

const EMPTY_ERRORS: readonly AnpInputError[] = Object.freeze([]);
const MAX_LABELS = 500;

/**
 * `labels` read once, when it is set: a plain copy of its string values. A
 * Proxy, a getter that throws or a value of the wrong type cannot throw later,
 * in a render; it is ignored and reported instead.
 */
export function readLabels(value: unknown): { labels: Labels | undefined; errors: readonly AnpInputError[] } {
  if (value === undefined || value === null) return { labels: undefined, errors: EMPTY_ERRORS };
  try {
    if (typeof value !== 'object' || Array.isArray(value)) throw new TypeError('not an object');
    const copy: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const key of Object.keys(value).slice(0, MAX_LABELS)) {
      const word: unknown = (value as Record<string, unknown>)[key];
      if (typeof word === 'string') copy[key] = word;
    }
    return { labels: copy, errors: EMPTY_ERRORS };
  } catch {
    return { labels: undefined, errors: [{ path: '', code: 'invalid-option', message: 'labels: expected an object of words; ignored' }] };
  }
}
