/**
 * The bounded reader: reads untrusted values (JSON, or any object a page
 * hands over) within the caps of `LIMITS`, never throws past `guarded`, never
 * writes to what it reads, and reports every problem at its JSON pointer with
 * a code. What a value means is the meta schema's business, not this file's.
 */
import type { AnpInputError, Entry, GenericValue, InputErrorCode, RichText } from './article.js';
import { isIsoDate } from './format.js';
import { ArticleBudgets } from './budgets.js';
import { describeThrown } from './json-text.js';
import { jsonPointer, LIMITS, type Path } from './limits.js';
import { describe, isPlainObject, numberFromText, withoutTags } from './plain-values.js';
import { sanitizeRich } from './sanitize.js';

/** Characters kept of an object key. */
const MAX_KEY_LENGTH = 200;

/** Keys that are dropped wherever they appear, because of what they mean to JavaScript objects. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The end of the message for rich text with nothing left to show. */
const DROPPED = 'nothing is left, dropped';

/** Values read so far, capped, with what the caps cut ("n more"). */
export interface Capped<T> {
  values: T[];
  more: number;
}

export class Reader {
  private readonly errors: AnpInputError[] = [];
  /** Problems past `LIMITS.maxErrors`: counted, not listed. */
  private unlisted = 0;
  private nodes = 0;
  private maxNodes: number = LIMITS.maxNodes;
  private exhausted = false;
  private readonly ancestors = new Set<object>();
  private readonly budgets = new ArticleBudgets();

  report(path: Path, code: InputErrorCode, message: string): void {
    if (this.errors.length >= LIMITS.maxErrors) this.unlisted++;
    else this.errors.push({ path: jsonPointer(path), code, message });
  }

  /** The problems found, capped: the summaries of the article-wide budgets, then how many were not listed. */
  finish(): AnpInputError[] {
    const errors = this.errors;
    const textCut = this.budgets.textSummary();
    if (textCut) errors.push(textCut);
    if (this.unlisted) errors.push({ path: '', code: 'more-errors', message: `${this.unlisted} more problems not listed` });
    return errors;
  }

  /** A string or key as kept: cut to `cap` characters (a string's cut reported), then to the article's text budget. */
  private keepText(text: string, path: Path, cap: number, what: 'string' | 'key'): string {
    let kept = text;
    if (text.length > cap) {
      if (what === 'string') this.report(path, 'string-too-long', `string too long: ${text.length} characters, cut to ${cap}`);
      kept = text.slice(0, cap);
    }
    kept = this.budgets.keepText(kept, path);
    return kept.length < text.length ? kept + '…' : text;
  }

  /** Keys are data too: cut like strings, and counted in the text budget (`entries` reports a long one). */
  capKey(key: string, path: Path): string {
    return this.keepText(key, path, MAX_KEY_LENGTH, 'key');
  }

  /** Counts one visited value; false once the article (or the part being read) has cost too much. */
  visit(path: Path): boolean {
    if (this.exhausted) return false;
    if (++this.nodes > this.maxNodes) {
      this.exhausted = true;
      this.report(path, 'too-many-values', `input too large: more than ${this.maxNodes} values; the rest is not shown`);
      return false;
    }
    return true;
  }

  /** Starts counting values afresh against `max`: a part of the article with a budget of its own. */
  budget(max: number): void {
    this.nodes = 0;
    this.maxNodes = max;
    this.exhausted = false;
  }

  /** Reports a value of the wrong type; always `undefined`, to return. */
  wrongType(path: Path, expected: string, value: unknown): undefined {
    this.report(path, 'wrong-type', `expected ${expected}, got ${describe(value)}`);
    return undefined;
  }

  /** Runs `body` with `value` marked as being read, for cycle detection. */
  inside<T>(value: object, body: () => T): T {
    this.ancestors.add(value);
    const result = body();
    this.ancestors.delete(value);
    return result;
  }

  /**
   * Each own enumerable string key of a plain object, in order, read by
   * `read` (`undefined`: nothing kept), with forbidden keys, cycles and the
   * key cap handled. `undefined` (and an error) when `value` is not a plain object.
   */
  keyed<T>(
    value: unknown,
    path: Path,
    read: (key: string, child: unknown, childPath: Path) => T | undefined,
    expected = 'an object',
  ): Capped<T> | undefined {
    // PHP has one array type for lists and maps, so a CMS hands an empty object back as `[]`.
    if (Array.isArray(value) && value.length === 0) return { values: [], more: 0 };
    if (!isPlainObject(value)) return this.wrongType(path, expected, value);
    if (this.ancestors.has(value)) {
      this.report(path, 'cycle', 'cycle: this object contains itself');
      return undefined;
    }
    const keys = Object.keys(value);
    const kept: { key: string; child: unknown }[] = [];
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) {
        this.report([...path, key], 'forbidden-key', `key "${key}" is not allowed and was dropped`);
        continue;
      }
      if (kept.length >= LIMITS.maxKeys) break;
      let child: unknown;
      try {
        child = value[key];
      } catch (error) {
        // A getter that throws loses its own value, not the whole article.
        this.report([...path, key], 'unreadable', `value could not be read: ${describeThrown(error)}`);
        continue;
      }
      if (key.length > MAX_KEY_LENGTH) {
        // Reported at the object: its pointer would hold the key itself.
        this.report(path, 'key-too-long', `key too long: "${key.slice(0, 40)}…" has ${key.length} characters, cut to ${MAX_KEY_LENGTH}`);
      }
      kept.push({ key, child });
    }
    const more = keys.filter((key) => !FORBIDDEN_KEYS.has(key)).length - kept.length;
    if (more > 0) this.report(path, 'too-many-keys', `too many keys: showing ${LIMITS.maxKeys}, ${more} more not shown`);
    const values: T[] = [];
    this.inside(value, () => {
      for (const { key, child } of kept) {
        const read_ = read(key, child, [...path, key]);
        if (read_ !== undefined) values.push(read_);
      }
    });
    return { values, more };
  }

  /** An object of uniform values as entries (keys capped); invalid values are reported and skipped. */
  entries<T>(value: unknown, path: Path, read: (child: unknown, childPath: Path) => T | undefined): Capped<Entry<T>> | undefined {
    return this.keyed(value, path, (key, child, childPath) => {
      const kept = read(child, childPath);
      return kept === undefined ? undefined : { key: this.capKey(key, childPath), value: kept };
    });
  }

  /** The items of an array, capped, each read by `read` (`undefined`: nothing kept). */
  list<T>(value: unknown, path: Path, expected: string, read: (item: unknown, itemPath: Path) => T | undefined): Capped<T> | undefined {
    if (!Array.isArray(value)) return this.wrongType(path, expected, value);
    if (this.ancestors.has(value)) {
      this.report(path, 'cycle', 'cycle: this list contains itself');
      return undefined;
    }
    const more = Math.max(0, value.length - LIMITS.maxItems);
    if (more > 0) this.report(path, 'too-many-items', `too many items: showing ${LIMITS.maxItems}, ${more} more not shown`);
    const items = Array.prototype.slice.call(value, 0, LIMITS.maxItems) as unknown[];
    const values: T[] = [];
    this.inside(value, () =>
      items.forEach((item, index) => {
        const kept = read(item, [...path, index]);
        if (kept !== undefined) values.push(kept);
      }),
    );
    return { values, more };
  }

  string(value: unknown, path: Path): string | undefined {
    if (!this.visit(path)) return undefined;
    if (typeof value !== 'string') return this.wrongType(path, 'a string', value);
    return this.keepText(value, path, LIMITS.maxStringLength, 'string');
  }

  /** A number JSON can hold exactly: finite, within 2^53. */
  private finite(value: number, path: Path): number | undefined {
    if (!Number.isFinite(value)) this.report(path, 'not-finite', `expected a finite number, got ${String(value)}`);
    else if (Math.abs(value) > Number.MAX_SAFE_INTEGER)
      this.report(path, 'unsafe-number', 'number too large to represent exactly (beyond 2^53)');
    else return value;
    return undefined;
  }

  number(value: unknown, path: Path, { min, max, integer }: { min?: number; max?: number; integer?: boolean } = {}): number | undefined {
    if (!this.visit(path)) return undefined;
    // Databases and CMS meta hand numbers back as text: "78", " 5 ".
    if (typeof value === 'string') value = numberFromText(value) ?? value;
    if (typeof value !== 'number') return this.wrongType(path, 'a number', value);
    if (this.finite(value, path) === undefined) return undefined;
    if (integer && !Number.isInteger(value)) {
      this.report(path, 'not-whole', `expected a whole number, got ${value}`);
      return undefined;
    }
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      const range =
        min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `of at least ${min}` : `of at most ${max}`;
      this.report(path, 'out-of-range', `expected a number ${range}, got ${value}`);
      return undefined;
    }
    return value;
  }

  /** A flag as JSON, PHP or a database spells it: true/false, 1/0, or "1"/"0"/"true"/"false" in any case. */
  flag(value: unknown, path: Path): boolean | undefined {
    if (!this.visit(path)) return undefined;
    if (value === true || value === 1) return true;
    if (value === false || value === 0) return false;
    const text = typeof value === 'string' && value.length <= 40 ? value.trim().toLowerCase() : undefined;
    if (text === '1' || text === 'true') return true;
    if (text === '0' || text === 'false') return false;
    return this.wrongType(path, '0, 1, true or false', value);
  }

  /**
   * Text that may hold inline HTML, sanitized (or, past the markup budget,
   * stripped of its tags). Markup that leaves nothing, no text and no allowed
   * element (`<script>x</script>`, `<img src=x onerror=…>`), is no value at
   * all: dropped, and reported with what was removed.
   */
  rich(value: unknown, path: Path): RichText | undefined {
    const text = this.string(value, path);
    if (text === undefined || !text.includes('<')) return text === undefined ? undefined : { kind: 'text', text };
    if (!this.budgets.spendMarkup(text)) {
      const plain = withoutTags(text);
      const kept = plain.trim() !== '';
      const what = kept ? 'shown as text without its tags' : DROPPED;
      this.report(path, 'markup-budget', `markup not parsed: the article's markup budget (${LIMITS.maxMarkup} units) is spent; ${what}`);
      return kept ? { kind: 'text', text: plain } : undefined;
    }
    const { rich, removed } = sanitizeRich(text);
    const left = rich.kind === 'html' ? rich.html : rich.text;
    const kept = left.includes('<') || left.trim() !== '';
    if (removed.length)
      this.report(path, 'markup-removed', `removed markup that is not allowed: ${removed.join(', ')}${kept ? '' : `; ${DROPPED}`}`);
    return kept ? rich : undefined;
  }

  /** Any JSON, as a tree of generic values. `depth` counts levels below the article root. */
  generic(value: unknown, path: Path, depth: number): GenericValue | undefined {
    if (!this.visit(path)) return undefined;
    switch (typeof value) {
      case 'string': {
        const text = this.keepText(value, path, LIMITS.maxStringLength, 'string');
        return isIsoDate(text) ? { kind: 'date', iso: text } : { kind: 'text', text };
      }
      case 'number':
        return this.finite(value, path) === undefined ? undefined : { kind: 'number', value };
      case 'boolean':
        return { kind: 'boolean', value };
      case 'object':
        break;
      default:
        return this.wrongType(path, 'JSON', value);
    }
    if (value === null) return { kind: 'null' };
    if (depth >= LIMITS.maxDepth) {
      this.report(path, 'too-deep', `nested too deep: more than ${LIMITS.maxDepth} levels; the rest is not shown`);
      return undefined;
    }
    if (Array.isArray(value)) {
      const read = this.list(value, path, 'a list', (item, itemPath) => this.generic(item, itemPath, depth + 1));
      return read && { kind: 'list', items: read.values, more: read.more };
    }
    const map = this.genericEntries(value, path, depth);
    if (!map) return undefined;
    // PHP cannot tell `{}` from `[]`: where no type is expected, an object with nothing in it is the empty list.
    if (!map.values.length && !map.more) return { kind: 'list', items: [], more: 0 };
    return { kind: 'map', entries: map.values, more: map.more };
  }

  genericEntries(value: unknown, path: Path, depth: number): Capped<Entry<GenericValue>> | undefined {
    return this.entries(value, path, (child, childPath) => this.generic(child, childPath, depth + 1));
  }
}
