/**
 * The bounded reader: reads untrusted values (JSON, or any object a page
 * hands over) within the caps of `LIMITS`, never throws past `guarded`, never
 * writes to what it reads, and reports every problem at its JSON pointer with
 * a code. What a value means is the meta schema's business, not this file's.
 */
import type { AnpInputError, Entry, InputErrorCode, RichText } from './article.js';
import { describeThrown } from './json-text.js';
import { jsonPointer, LIMITS, type Path } from './limits.js';
import { describe, isPlainObject, numberFromText } from './plain-values.js';
import { holdsMarkup, withoutTags } from './rich-rules.js';
import { sanitizeRich } from './sanitize.js';

/** What one sanitizer call costs in `LIMITS.maxMarkup` units besides its tags. */
const MARKUP_CALL_COST = 10;

/** Characters kept of an object key. */
const MAX_KEY_LENGTH = 200;

/** Keys that are dropped wherever they appear, because of what they mean to JavaScript objects. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The end of the message for rich text with nothing left to show. */
const DROPPED = 'nothing is left, dropped';

/** What was read of a list or object, capped, with how much the caps cut ("n more"). */
export interface Capped<T> {
  items: T[];
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
  private textLeft: number = LIMITS.maxText;
  private textCut?: { path: string; count: number };
  private markupLeft: number = LIMITS.maxMarkup;

  report(path: Path, code: InputErrorCode, message: string): void {
    if (this.errors.length >= LIMITS.maxErrors) this.unlisted++;
    else this.errors.push({ path: jsonPointer(path), code, message });
  }

  /** The problems found, capped: the summaries of the article-wide budgets, then how many were not listed. */
  finish(): AnpInputError[] {
    const errors = this.errors;
    if (this.textCut) {
      const { path, count } = this.textCut;
      const message = `text too long in total: past ${LIMITS.maxText} characters in this article, ${count} more strings were cut to ${LIMITS.minKeptText}`;
      errors.push({ path, code: 'text-budget', message });
    }
    if (this.unlisted) errors.push({ path: '', code: 'more-errors', message: `${this.unlisted} more problems not listed` });
    return errors;
  }

  /**
   * A string or key as kept: cut to `cap` characters, and to what is left of
   * the article's text budget (never below `LIMITS.minKeptText`). Only the
   * cut for its own length is reported here; budget cuts are summed up once.
   */
  keepText(text: string, path: Path, cap: number, what: 'string' | 'key'): string {
    let kept = text;
    if (text.length > cap) {
      if (what === 'string') this.report(path, 'string-too-long', `string too long: ${text.length} characters, cut to ${cap}`);
      kept = text.slice(0, cap);
    }
    const allowed = Math.max(this.textLeft, LIMITS.minKeptText);
    if (kept.length > allowed) {
      kept = kept.slice(0, allowed);
      if (this.textCut) this.textCut.count++;
      else this.textCut = { path: jsonPointer(path), count: 1 };
    }
    this.textLeft = Math.max(0, this.textLeft - kept.length);
    return kept.length < text.length ? kept + '…' : text;
  }

  /**
   * What `LIMITS.maxMarkup` allows for one rich string: true when it may be
   * sanitized (and its cost is taken), false when it must be shown as text.
   */
  private spendMarkup(text: string): boolean {
    let cost = MARKUP_CALL_COST;
    for (let at = text.indexOf('<'); at !== -1 && cost <= this.markupLeft; at = text.indexOf('<', at + 1)) cost++;
    if (cost > this.markupLeft) return false;
    this.markupLeft -= cost;
    return true;
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
    if (Array.isArray(value) && value.length === 0) return { items: [], more: 0 };
    if (!isPlainObject(value)) return this.wrongType(path, expected, value);
    if (this.ancestors.has(value)) {
      this.report(path, 'cycle', 'cycle: this object contains itself');
      return undefined;
    }
    const keys = Object.keys(value);
    const kept: [key: string, child: unknown][] = [];
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
      kept.push([key, child]);
    }
    const more = keys.filter((key) => !FORBIDDEN_KEYS.has(key)).length - kept.length;
    if (more > 0) this.report(path, 'too-many-keys', `too many keys: showing ${LIMITS.maxKeys}, ${more} more not shown`);
    const items: T[] = [];
    this.inside(value, () => {
      for (const [key, child] of kept) {
        const item = read(key, child, [...path, key]);
        if (item !== undefined) items.push(item);
      }
    });
    return { items, more };
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
    const items: T[] = [];
    this.inside(value, () =>
      (Array.prototype.slice.call(value, 0, LIMITS.maxItems) as unknown[]).forEach((item, index) => {
        const kept = read(item, [...path, index]);
        if (kept !== undefined) items.push(kept);
      }),
    );
    return { items, more };
  }

  string(value: unknown, path: Path): string | undefined {
    if (!this.visit(path)) return undefined;
    if (typeof value !== 'string') return this.wrongType(path, 'a string', value);
    return this.keepText(value, path, LIMITS.maxStringLength, 'string');
  }

  /** A number JSON can hold exactly: finite, within 2^53. */
  finite(value: number, path: Path): number | undefined {
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
    const flag = typeof value === 'string' && value.length <= 40 ? value.trim().toLowerCase() : value;
    if (flag === true || flag === 1 || flag === '1' || flag === 'true') return true;
    if (flag === false || flag === 0 || flag === '0' || flag === 'false') return false;
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
    if (text === undefined) return undefined;
    if (!holdsMarkup(text)) return { kind: 'text', text };
    if (!this.spendMarkup(text)) {
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
}
