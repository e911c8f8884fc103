/**
 * Unknown JSON in, a typed `Article` and a list of problems out. Never throws,
 * never writes to an object it did not create, and bounds the work it does
 * on any input by the caps in `LIMITS`.
 */
import type {
  AnpInputError,
  Article,
  Entity,
  Entry,
  GenericValue,
  KnownMetaKey,
  Meta,
  Normalized,
  Revision,
  RichText,
  SimilarPost,
} from './article.js';
import { canonicalKey, isIsoDate } from './format.js';
import { sanitizeRich } from './sanitize.js';
import { judgeUrl } from './url.js';

/**
 * Caps on what one input may cost. Past a cap the rest is dropped, an error
 * names the path, and lists show "n more". Documented in the README.
 */
export const LIMITS = Object.freeze({
  /**
   * Characters of JSON text parsed from an attribute, script child or `src`
   * body, checked before parsing. An article of 2,500 values (the value cap)
   * is well under this; past it nothing is parsed.
   */
  maxJsonLength: 1_000_000,
  /** Nesting of JSON text, checked by a scan before parsing (the walk shows `maxDepth` of it). */
  maxJsonDepth: 512,
  /** Bytes read of a `src` body; the read stops there (and the response is cancelled). */
  maxSrcBytes: 3_000_000,
  /** Milliseconds a `src` request may take, headers to last byte. */
  srcTimeoutMs: 10_000,
  /** Nesting depth of objects and arrays below the article root. */
  maxDepth: 16,
  /** Characters kept of any one string (longer ones are cut and reported). */
  maxStringLength: 10_000,
  /** Items kept of any one array. */
  maxItems: 500,
  /** Keys read of any one object. */
  maxKeys: 200,
  /** Values visited in one article, all levels together. */
  maxNodes: 2_500,
  /** Values visited in `similar_posts`, counted apart, so a flood in the meta never empties the posts (or the other way round). */
  maxPostValues: 500,
  /** Problems reported for one input; past it one entry says how many more there were. */
  maxErrors: 100,
  /** Characters of each key written into an error's JSON pointer. */
  maxPointerKey: 64,
  /**
   * Characters of text kept in one article, all strings and keys together.
   * Past it every further string is cut to `minKeptText` characters, so a
   * huge field early in the article leaves the later ones readable.
   */
  maxText: 50_000,
  /** Characters each string keeps once `maxText` is spent. */
  minKeptText: 24,
  /**
   * Markup sanitized in one article, in units: each rich string holding `<`
   * costs 10 (a parse) plus one per `<`. A rich string that does not fit what
   * is left is shown as text, its tags removed, and reported.
   */
  maxMarkup: 2_000,
});

/** What one sanitizer call costs in `LIMITS.maxMarkup` units besides its tags. */
const MARKUP_CALL_COST = 10;

/** Characters kept of an object key. */
const MAX_KEY_LENGTH = 200;

/** Keys that are dropped wherever they appear, because of what they mean to JavaScript objects. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const TEXT_FIELDS = ['topic', 'code_language', 'difficulty', 'reference', 'hash'] as const;
const RICH_FIELDS = ['summary', 'ai_brief'] as const;
const STRING_LIST_FIELDS = ['stack', 'tools', 'checklist'] as const;

export const KNOWN_META_KEYS: readonly KnownMetaKey[] = [
  ...TEXT_FIELDS,
  ...RICH_FIELDS,
  'ai_outline',
  ...STRING_LIST_FIELDS,
  'notes',
  'reading_time',
  'view_count',
  'score',
  'revision',
  'flags',
  'entities',
  'payload',
];
const KNOWN_META = new Set<string>(KNOWN_META_KEYS);

/** JSON pointer (RFC 6901) of a path. */
export function jsonPointer(path: readonly (string | number)[]): string {
  let pointer = '';
  for (const part of path) {
    // Each key shortened first: a pointer repeating a 100,000-character key per error would cost more than the article.
    const text =
      typeof part === 'number' ? String(part) : part.length > LIMITS.maxPointerKey ? part.slice(0, LIMITS.maxPointerKey) + '…' : part;
    pointer += '/' + text.replace(/~/g, '~0').replace(/\//g, '~1');
  }
  return pointer;
}

type Path = readonly (string | number)[];

class Walk {
  private readonly errors: AnpInputError[] = [];
  /** Problems past `LIMITS.maxErrors`: counted, not listed. */
  private unlisted = 0;
  private nodes = 0;
  private exhausted = false;
  private readonly ancestors = new Set<object>();
  private textLeft: number = LIMITS.maxText;
  private textCut?: { path: string; count: number };
  private markupLeft: number = LIMITS.maxMarkup;

  report(path: Path, message: string): void {
    if (this.errors.length >= LIMITS.maxErrors) this.unlisted++;
    else this.errors.push({ path: jsonPointer(path), message });
  }

  /** The problems found, capped: the summaries of the article-wide budgets, then how many were not listed. */
  finish(): AnpInputError[] {
    const errors = this.errors;
    if (this.textCut) {
      const { path, count } = this.textCut;
      errors.push({
        path,
        message: `text too long in total: past ${LIMITS.maxText} characters in this article, ${count} more strings were cut to ${LIMITS.minKeptText}`,
      });
    }
    if (this.unlisted) errors.push({ path: '', message: `${this.unlisted} more problems not listed` });
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
      if (what === 'string') this.report(path, `string too long: ${text.length} characters, cut to ${cap}`);
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
  spendMarkup(text: string): boolean {
    let cost = MARKUP_CALL_COST;
    for (let at = text.indexOf('<'); at !== -1 && cost <= this.markupLeft; at = text.indexOf('<', at + 1)) cost++;
    if (cost > this.markupLeft) return false;
    this.markupLeft -= cost;
    return true;
  }

  private maxNodes: number = LIMITS.maxNodes;

  /** Counts one visited value; false once the article (or the part being read) has cost too much. */
  visit(path: Path): boolean {
    if (this.exhausted) return false;
    if (++this.nodes > this.maxNodes) {
      this.exhausted = true;
      this.report(path, `input too large: more than ${this.maxNodes} values; the rest is not shown`);
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

  /**
   * The own enumerable string keys of a plain object with their values, in
   * order, with forbidden keys, cycles and the key cap handled. `undefined`
   * (and an error) when `value` is not a plain object.
   */
  entries(value: unknown, path: Path, expected = 'an object'): { entries: Entry<unknown>[]; more: number } | undefined {
    // PHP has one array type for lists and maps, so a CMS hands an empty object back as `[]`.
    if (isEmptyList(value)) return { entries: [], more: 0 };
    if (!isPlainObject(value)) {
      this.report(path, `expected ${expected}, got ${describe(value)}`);
      return undefined;
    }
    if (this.ancestors.has(value)) {
      this.report(path, 'cycle: this object contains itself');
      return undefined;
    }
    const keys = Object.keys(value);
    const kept: Entry<unknown>[] = [];
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) {
        this.report([...path, key], `key "${key}" is not allowed and was dropped`);
        continue;
      }
      if (kept.length >= LIMITS.maxKeys) break;
      let child: unknown;
      try {
        child = value[key];
      } catch (error) {
        // A getter that throws loses its own value, not the whole article.
        this.report([...path, key], `value could not be read: ${describeThrown(error)}`);
        continue;
      }
      if (key.length > MAX_KEY_LENGTH) {
        // Reported at the object: its pointer would hold the key itself.
        this.report(path, `key too long: "${key.slice(0, 40)}…" has ${key.length} characters, cut to ${MAX_KEY_LENGTH}`);
      }
      kept.push({ key, value: child });
    }
    const more = keys.filter((key) => !FORBIDDEN_KEYS.has(key)).length - kept.length;
    if (more > 0) this.report(path, `too many keys: showing ${LIMITS.maxKeys}, ${more} more not shown`);
    return { entries: kept, more };
  }

  /** Marks an object as being walked, for cycle detection. */
  enter(value: unknown): void {
    if (typeof value === 'object' && value !== null) this.ancestors.add(value);
  }

  leave(value: unknown): void {
    if (typeof value === 'object' && value !== null) this.ancestors.delete(value);
  }

  /** Items of an array, capped. */
  items(value: unknown, path: Path, expected = 'a list'): { items: unknown[]; more: number } | undefined {
    if (!Array.isArray(value)) {
      this.report(path, `expected ${expected}, got ${describe(value)}`);
      return undefined;
    }
    if (this.ancestors.has(value)) {
      this.report(path, 'cycle: this list contains itself');
      return undefined;
    }
    const more = Math.max(0, value.length - LIMITS.maxItems);
    if (more > 0) this.report(path, `too many items: showing ${LIMITS.maxItems}, ${more} more not shown`);
    return { items: Array.prototype.slice.call(value, 0, LIMITS.maxItems), more };
  }

  string(value: unknown, path: Path): string | undefined {
    if (!this.visit(path)) return undefined;
    if (typeof value !== 'string') {
      this.report(path, `expected a string, got ${describe(value)}`);
      return undefined;
    }
    return this.keepText(value, path, LIMITS.maxStringLength, 'string');
  }

  number(value: unknown, path: Path, { min, max, integer }: { min?: number; max?: number; integer?: boolean } = {}): number | undefined {
    if (!this.visit(path)) return undefined;
    // Databases and CMS meta hand numbers back as text: "78", " 5 ".
    if (typeof value === 'string') value = numberFromText(value) ?? value;
    if (typeof value !== 'number') {
      this.report(path, `expected a number, got ${describe(value)}`);
      return undefined;
    }
    if (!Number.isFinite(value)) {
      this.report(path, `expected a finite number, got ${String(value)}`);
      return undefined;
    }
    if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
      this.report(path, 'number too large to represent exactly (beyond 2^53)');
      return undefined;
    }
    if (integer && !Number.isInteger(value)) {
      this.report(path, `expected a whole number, got ${value}`);
      return undefined;
    }
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      const range =
        min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `of at least ${min}` : `of at most ${max}`;
      this.report(path, `expected a number ${range}, got ${value}`);
      return undefined;
    }
    return value;
  }

  rich(value: unknown, path: Path): RichText | undefined {
    const text = this.string(value, path);
    if (text === undefined) return undefined;
    if (text.includes('<') && !this.spendMarkup(text)) {
      const plain = withoutTags(text);
      const shown = plain.trim() !== '';
      this.report(
        path,
        `markup not parsed: the article's markup budget (${LIMITS.maxMarkup} units) is spent; ${shown ? 'shown as text without its tags' : 'nothing but tags, dropped'}`,
      );
      return shown ? { kind: 'text', text: plain } : undefined;
    }
    const { rich, removed } = sanitizeRich(text);
    if (removed.length > 0) this.report(path, `removed markup that is not allowed: ${removed.join(', ')}`);
    return rich;
  }

  stringList(value: unknown, path: Path): { list: string[]; more: number } | undefined {
    const read = this.items(value, path, 'a list of strings');
    if (!read) return undefined;
    const list: string[] = [];
    read.items.forEach((item, index) => {
      const text = this.string(item, [...path, index]);
      if (text !== undefined) list.push(text);
    });
    return { list, more: read.more };
  }

  generic(value: unknown, path: Path, depth: number): GenericValue | undefined {
    if (!this.visit(path)) return undefined;
    switch (typeof value) {
      case 'string': {
        const text = this.keepText(value, path, LIMITS.maxStringLength, 'string');
        return isIsoDate(text) ? { kind: 'date', iso: text } : { kind: 'text', text };
      }
      case 'number': {
        if (!Number.isFinite(value)) {
          this.report(path, `expected a finite number, got ${String(value)}`);
          return undefined;
        }
        if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
          this.report(path, 'number too large to represent exactly (beyond 2^53)');
          return undefined;
        }
        return { kind: 'number', value };
      }
      case 'boolean':
        return { kind: 'boolean', value };
      case 'object':
        break;
      default:
        this.report(path, `expected JSON, got ${describe(value)}`);
        return undefined;
    }
    if (value === null) return { kind: 'null' };
    if (depth >= LIMITS.maxDepth) {
      this.report(path, `nested too deep: more than ${LIMITS.maxDepth} levels; the rest is not shown`);
      return undefined;
    }
    if (Array.isArray(value)) {
      const read = this.items(value, path);
      if (!read) return undefined;
      this.enter(value);
      const items: GenericValue[] = [];
      read.items.forEach((item, index) => {
        const child = this.generic(item, [...path, index], depth + 1);
        if (child) items.push(child);
      });
      this.leave(value);
      return { kind: 'list', items, more: read.more };
    }
    const map = this.genericEntries(value, path, depth);
    if (!map) return undefined;
    // PHP cannot tell `{}` from `[]`: where no type is expected, an object with nothing in it is the empty list.
    if (!map.entries.length && !map.more) return { kind: 'list', items: [], more: 0 };
    return { kind: 'map', entries: map.entries, more: map.more };
  }

  genericEntries(value: unknown, path: Path, depth: number): { entries: Entry<GenericValue>[]; more: number } | undefined {
    const read = this.entries(value, path);
    if (!read) return undefined;
    this.enter(value);
    const entries: Entry<GenericValue>[] = [];
    for (const { key, value: child } of read.entries) {
      const normalized = this.generic(child, [...path, key], depth + 1);
      if (normalized) entries.push({ key: this.capKey(key, [...path, key]), value: normalized });
    }
    this.leave(value);
    return { entries, more: read.more };
  }

  /** Keys are data too: cut like strings, and counted in the text budget (`entries` reports a long one). */
  capKey(key: string, path: Path): string {
    return this.keepText(key, path, MAX_KEY_LENGTH, 'key');
  }
}

/**
 * Rich text past the markup budget, as plain text: every tag (from `<` to the
 * next `>`) removed in one pass. The result is rendered as text, so nothing
 * here has to be exact to be safe.
 */
function withoutTags(text: string): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('<'); open !== -1; open = text.indexOf('<', from)) {
    out += text.slice(from, open);
    const close = text.indexOf('>', open + 1);
    if (close === -1) return out + text.slice(open);
    from = close + 1;
  }
  return out + text.slice(from);
}

/** `[]`: where an object is expected, an empty object as PHP encodes it. */
function isEmptyList(value: unknown): value is [] {
  return Array.isArray(value) && value.length === 0;
}

/** A finite decimal number written out: optional sign, digits, fraction, exponent. No hex, no "Infinity", no "NaN". */
const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number a string spells (surrounding whitespace ignored), or `undefined`. */
function numberFromText(text: string): number | undefined {
  // Longer than any number a CMS writes: not worth trimming a megabyte for.
  if (text.length > 400) return undefined;
  const trimmed = text.trim();
  return NUMBER_TEXT.test(trimmed) ? Number(trimmed) : undefined;
}

/** A flag as JSON, PHP or a database spells it: true/false, 1/0, or "1"/"0"/"true"/"false" in any case. */
function flagFrom(value: unknown): boolean | undefined {
  if (value === true || value === 1) return true;
  if (value === false || value === 0) return false;
  if (typeof value !== 'string' || value.length > 40) return undefined;
  const text = value.trim().toLowerCase();
  return text === '1' || text === 'true' ? true : text === '0' || text === 'false' ? false : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  // Objects from JSON.parse, literals, Object.create(null), or another frame's Object.
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype) return true;
  // Another frame's Object.prototype: itself the end of its chain. Class instances are not plain.
  return Object.prototype.toString.call(value) === '[object Object]' && Object.getPrototypeOf(proto) === null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') {
    const tag = Object.prototype.toString.call(value).slice(8, -1);
    return tag === 'Object' ? 'an object' : `a ${tag}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return `a ${typeof value}`;
}

/**
 * Parses JSON text from an attribute, script child or fetched body. Errors
 * say where (`source`) and why; position hints come from the engine.
 */
/**
 * What a thrown value says, for an error message. It never throws itself: a
 * hostile value may be a Proxy whose every trap throws, an object whose
 * `toString` throws, or an Error whose `message` is a throwing getter, so
 * nothing here converts a value the data controls to a string.
 */
export function describeThrown(error: unknown): string {
  try {
    if (typeof error === 'string') return error.slice(0, 200);
    if (typeof error === 'number' || typeof error === 'boolean' || error === null || error === undefined) return String(error);
    if (error instanceof Error) {
      const message: unknown = error.message;
      if (typeof message === 'string') return message.slice(0, 200);
    }
  } catch {
    // A trap or getter threw while we looked: fall through.
  }
  return 'an unreadable error';
}

/** The message for JSON text of `length` characters, over the cap. */
export function jsonTooLarge(source: string, length: number): string {
  return `${source}: JSON too large (${length} characters, the cap is ${LIMITS.maxJsonLength}); not parsed`;
}

export function parseJson(text: string, source: string): Normalized<unknown> {
  if (text.length > LIMITS.maxJsonLength) return { value: undefined, errors: [{ path: '', message: jsonTooLarge(source, text.length) }] };
  if (nestedDeeperThan(text, LIMITS.maxJsonDepth)) {
    return {
      value: undefined,
      errors: [{ path: '', message: `${source}: JSON nested too deep (more than ${LIMITS.maxJsonDepth} levels); not parsed` }],
    };
  }
  try {
    return { value: JSON.parse(text) as unknown, errors: [] };
  } catch (error) {
    return { value: undefined, errors: [{ path: '', message: `${source}: invalid JSON (${describeThrown(error)})` }] };
  }
}

/**
 * Whether JSON text opens more than `max` arrays and objects inside each
 * other, found by one scan that skips strings. Run before parsing, so that a
 * megabyte of `[` costs a scan, not a parse that builds a million arrays.
 */
function nestedDeeperThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92 /* \\ */) i++;
      else if (code === 34 /* " */) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 91 /* [ */ || code === 123 /* { */) {
      if (++depth > max) return true;
    } else if (code === 93 /* ] */ || code === 125 /* } */) depth--;
  }
  return false;
}

function emptyMeta(): Meta {
  return { extra: [], order: [], more: Object.create(null) as Record<string, number> };
}

function normalizeMeta(walk: Walk, value: unknown, path: Path, skipKeys: ReadonlySet<string> = new Set()): Meta {
  const meta = emptyMeta();
  const read = walk.entries(value, path);
  if (!read) return meta;
  walk.enter(value);
  const seen = new Set<string>();
  for (const { key, value: fieldValue } of read.entries) {
    const canonical = canonicalKey(key);
    if (skipKeys.has(canonical)) continue;
    const fieldPath = [...path, key];
    if (!KNOWN_META.has(canonical)) {
      const generic = walk.generic(fieldValue, fieldPath, path.length + 1);
      if (generic) {
        const extraKey = walk.capKey(key, fieldPath);
        meta.extra.push({ key: extraKey, value: generic });
        meta.order.push(extraKey);
      }
      continue;
    }
    if (seen.has(canonical)) {
      walk.report(fieldPath, `duplicate of "${canonical}" under another spelling; the first one is used`);
      continue;
    }
    seen.add(canonical);
    if (readKnownField(walk, meta, canonical as KnownMetaKey, fieldValue, fieldPath) && !isEmptyField(meta[canonical as KnownMetaKey])) {
      meta.order.push(canonical);
    } else {
      // Nothing valid (or nothing at all) is left: no labelled row with an empty value.
      delete meta[canonical as KnownMetaKey];
    }
  }
  walk.leave(value);
  return dropUndefined(meta);
}

function isEmptyField(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (value && typeof value === 'object' && 'extra' in value) {
    // A revision: empty when it has none of its fields and no others.
    const revision = value as Revision;
    return (
      revision.status === undefined && revision.version === undefined && revision.last_reviewed === undefined && revision.extra.length === 0
    );
  }
  return false;
}

/** Reads one known meta field into `meta`; true when something valid was kept. */
function readKnownField(walk: Walk, meta: Meta, key: KnownMetaKey, value: unknown, path: Path): boolean {
  switch (key) {
    case 'topic':
    case 'code_language':
    case 'difficulty':
    case 'reference':
    case 'hash':
      return (meta[key] = walk.string(value, path)) !== undefined;
    case 'summary':
    case 'ai_brief':
      return (meta[key] = walk.rich(value, path)) !== undefined;
    case 'stack':
    case 'tools':
    case 'checklist': {
      const read = walk.stringList(value, path);
      if (!read) return false;
      meta[key] = read.list;
      if (read.more) meta.more[key] = read.more;
      return true;
    }
    case 'notes': {
      const read = walk.items(value, path, 'a list of strings');
      if (!read) return false;
      walk.enter(value);
      const notes: RichText[] = [];
      read.items.forEach((item, index) => {
        const rich = walk.rich(item, [...path, index]);
        if (rich) notes.push(rich);
      });
      walk.leave(value);
      meta.notes = notes;
      if (read.more) meta.more.notes = read.more;
      return true;
    }
    case 'reading_time':
      return (meta.reading_time = walk.number(value, path, { min: 0 })) !== undefined;
    case 'view_count':
      return (meta.view_count = walk.number(value, path, { min: 0, integer: true })) !== undefined;
    case 'ai_outline': {
      const outline = readKeyed(walk, value, path, (child, childPath) => walk.string(child, childPath));
      if (outline?.more) meta.more.ai_outline = outline.more;
      return (meta.ai_outline = outline?.entries) !== undefined;
    }
    case 'score': {
      const scores = readScores(walk, value, path);
      if (scores?.more) meta.more.score = scores.more;
      return (meta.score = scores?.entries) !== undefined;
    }
    case 'flags': {
      const flags = readKeyed(walk, value, path, (child, childPath) => {
        if (!walk.visit(childPath)) return undefined;
        const flag = flagFrom(child);
        if (flag !== undefined) return flag;
        walk.report(childPath, `expected 0, 1, true or false, got ${describe(child)}`);
        return undefined;
      });
      if (flags?.more) meta.more.flags = flags.more;
      return (meta.flags = flags?.entries) !== undefined;
    }
    case 'revision':
      return (meta.revision = readRevision(walk, value, path)) !== undefined;
    case 'entities':
      return (meta.entities = readEntities(walk, value, path)) !== undefined;
    case 'payload': {
      const read = walk.genericEntries(value, path, path.length);
      if (read?.more) meta.more.payload = read.more;
      return (meta.payload = read?.entries) !== undefined;
    }
  }
}

/** An object of uniform values as ordered entries; invalid values are reported and skipped. */
function readKeyed<T>(
  walk: Walk,
  value: unknown,
  path: Path,
  read: (child: unknown, childPath: Path) => T | undefined,
): { entries: Entry<T>[]; more: number } | undefined {
  const object = walk.entries(value, path);
  if (!object) return undefined;
  walk.enter(value);
  const entries: Entry<T>[] = [];
  for (const { key, value: child } of object.entries) {
    const normalized = read(child, [...path, key]);
    if (normalized !== undefined) entries.push({ key: walk.capKey(key, [...path, key]), value: normalized });
  }
  walk.leave(value);
  return { entries, more: object.more };
}

function readScores(walk: Walk, value: unknown, path: Path): { entries: Entry<number>[]; more: number } | undefined {
  return readKeyed(walk, value, path, (child, childPath) => walk.number(child, childPath, { min: 0, max: 100 }));
}

function readRevision(walk: Walk, value: unknown, path: Path): Revision | undefined {
  const object = walk.entries(value, path);
  if (!object) return undefined;
  walk.enter(value);
  const revision: Revision = { extra: [] };
  for (const { key, value: child } of object.entries) {
    const childPath = [...path, key];
    switch (canonicalKey(key)) {
      case 'status':
        revision.status = walk.string(child, childPath);
        break;
      case 'version':
        // Versions arrive as numbers too (1.5): keep what the author wrote.
        revision.version = typeof child === 'number' && Number.isFinite(child) ? String(child) : walk.string(child, childPath);
        break;
      case 'last_reviewed': {
        const text = walk.string(child, childPath);
        if (text !== undefined && !isIsoDate(text))
          walk.report(childPath, `expected an ISO 8601 date (YYYY-MM-DD), got "${text.slice(0, 40)}"`);
        else revision.last_reviewed = text;
        break;
      }
      default: {
        const generic = walk.generic(child, childPath, path.length + 1);
        if (generic) revision.extra.push({ key: walk.capKey(key, childPath), value: generic });
      }
    }
  }
  walk.leave(value);
  return revision;
}

function readEntities(walk: Walk, value: unknown, path: Path): Entity[] | undefined {
  const read = walk.items(value, path, 'a list of { name, type }');
  if (!read) return undefined;
  walk.enter(value);
  const entities: Entity[] = [];
  read.items.forEach((item, index) => {
    const itemPath = [...path, index];
    const object = walk.entries(item, itemPath, 'an object { name, type }');
    if (!object) return;
    let name: string | undefined;
    let type: string | undefined;
    for (const { key, value: child } of object.entries) {
      const canonical = canonicalKey(key);
      if (canonical === 'name') name = walk.string(child, [...itemPath, key]);
      else if (canonical === 'type') type = walk.string(child, [...itemPath, key]);
    }
    if (name === undefined) walk.report(itemPath, 'entity without a name');
    else entities.push(type === undefined ? { name } : { name, type });
  });
  walk.leave(value);
  return entities;
}

function readSimilarPosts(walk: Walk, value: unknown, path: Path): { posts: SimilarPost[]; more: number } | undefined {
  const read = walk.items(value, path, 'a list of posts');
  if (!read) return undefined;
  walk.enter(value);
  const posts: SimilarPost[] = [];
  read.items.forEach((item, index) => {
    const itemPath = [...path, index];
    const object = walk.entries(item, itemPath, 'a post object');
    if (!object) return;
    walk.enter(item);
    const post: Partial<SimilarPost> & { extra: Entry<GenericValue>[] } = { extra: [] };
    for (const { key, value: child } of object.entries) {
      const childPath = [...itemPath, key];
      switch (canonicalKey(key)) {
        case 'title':
          post.title = walk.string(child, childPath);
          break;
        case 'url': {
          const verdict = judgeUrl(child);
          if (verdict.ok) post.url = verdict.href;
          else walk.report(childPath, `URL not used: ${verdict.reason}`);
          break;
        }
        case 'topic':
          post.topic = walk.string(child, childPath);
          break;
        case 'reading_time':
          post.reading_time = walk.number(child, childPath, { min: 0 });
          break;
        case 'score':
          post.score = readScores(walk, child, childPath)?.entries;
          break;
        default: {
          const generic = walk.generic(child, childPath, path.length + 2);
          if (generic) post.extra.push({ key: walk.capKey(key, childPath), value: generic });
        }
      }
    }
    walk.leave(item);
    if (post.title === undefined) walk.report(itemPath, 'post without a title is not shown');
    else posts.push(dropUndefined(post) as SimilarPost);
  });
  walk.leave(value);
  return { posts, more: read.more };
}

function dropUndefined<T extends object>(object: T): T {
  for (const key of Object.keys(object) as (keyof T)[]) if (object[key] === undefined) delete object[key];
  return object;
}

const ROOT_KEYS = new Set(['id', 'title', 'url', 'meta', 'similar_posts']);

/** Runs `body` and turns anything it throws (a hostile getter, a Proxy) into an error at the root. */
function guarded<T>(fallback: () => T, body: (walk: Walk) => T): Normalized<T> {
  const walk = new Walk();
  try {
    const value = body(walk);
    return { value, errors: walk.finish() };
  } catch (error) {
    walk.report([], `input could not be read: ${describeThrown(error)}`);
    return { value: fallback(), errors: walk.finish() };
  }
}

/**
 * Any value (an object, or JSON text) → an `Article` and its errors.
 *
 * An object with no `meta` key whose keys include meta fields is taken as
 * the meta itself, as CMS exports often send it.
 */
export function normalizeArticle(input: unknown): Normalized<Article> {
  let value = input;
  const parseErrors: AnpInputError[] = [];
  if (typeof input === 'string') {
    const parsed = parseJson(input, 'article');
    value = parsed.value;
    parseErrors.push(...parsed.errors);
    if (parsed.errors.length) return { value: { meta: emptyMeta() }, errors: parseErrors };
  }
  return guarded(
    () => ({ meta: emptyMeta() }),
    (walk) => {
      const article: Article = { meta: emptyMeta() };
      const root = walk.entries(value, [], 'an article object');
      if (!root) return article;
      walk.enter(value);
      const byKey = new Map<string, Entry<unknown>>();
      for (const entry of root.entries) {
        const canonical = canonicalKey(entry.key);
        if (ROOT_KEYS.has(canonical) && !byKey.has(canonical)) byKey.set(canonical, entry);
      }
      const metaEntry = byKey.get('meta');
      const rootIsMeta = !metaEntry && root.entries.some(({ key }) => KNOWN_META.has(canonicalKey(key)));

      const id = byKey.get('id');
      if (id) {
        // Numeric ids are common in CMS exports; they must still be real numbers.
        const numeric = typeof id.value === 'number' ? walk.number(id.value, [id.key]) : undefined;
        article.id = numeric !== undefined ? String(numeric) : typeof id.value === 'number' ? undefined : walk.string(id.value, [id.key]);
      }
      const title = byKey.get('title');
      if (title) article.title = walk.string(title.value, [title.key]);
      const url = byKey.get('url');
      if (url) {
        const verdict = judgeUrl(url.value);
        if (verdict.ok) article.url = verdict.href;
        else walk.report([url.key], `URL not used: ${verdict.reason}`);
      }
      if (metaEntry) article.meta = normalizeMeta(walk, metaEntry.value, [metaEntry.key]);
      else if (rootIsMeta) {
        walk.leave(value); // the root is walked again, as the meta: not a cycle
        article.meta = normalizeMeta(walk, value, [], ROOT_KEYS);
        walk.enter(value);
      }
      const similar = byKey.get('similar_posts');
      if (similar) {
        walk.budget(LIMITS.maxPostValues);
        const read = readSimilarPosts(walk, similar.value, [similar.key]);
        if (read) {
          article.similar_posts = read.posts;
          if (read.more) article.similar_posts_more = read.more;
        }
      }
      walk.leave(value);
      return dropUndefined(article);
    },
  );
}

/** The `items` property of `<anp-checklist>`. */
export function normalizeChecklistItems(input: unknown): Normalized<{ items: string[]; more: number }> {
  return guarded(
    () => ({ items: [], more: 0 }),
    (walk) => {
      const read = walk.stringList(input, []);
      return read ? { items: read.list, more: read.more } : { items: [], more: 0 };
    },
  );
}

/** The `scores` property of `<anp-score-bars>`. */
export function normalizeScores(input: unknown): Normalized<{ scores: Entry<number>[]; more: number }> {
  return guarded(
    () => ({ scores: [], more: 0 }),
    (walk) => {
      const read = readScores(walk, input, []);
      return { scores: read?.entries ?? [], more: read?.more ?? 0 };
    },
  );
}

/** The `posts` property of `<anp-similar-posts>`. */
export function normalizeSimilarPosts(input: unknown): Normalized<{ posts: SimilarPost[]; more: number }> {
  return guarded(
    () => ({ posts: [], more: 0 }),
    (walk) => readSimilarPosts(walk, input, []) ?? { posts: [], more: 0 },
  );
}
