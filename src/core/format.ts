/**
 * Labels and formats, in one place, so that translations and `lang` change
 * them without touching components. Everything goes through Intl.
 */

/** Words the elements show that do not come from the data. Override any of them with the `labels` property. */
export interface UiLabels {
  yes: string;
  no: string;
  none: string;
  /** `{n}` is replaced by the number of items not shown. */
  more: string;
  outline: string;
  checklist: string;
  /** `{done}` and `{total}` are replaced. */
  checklistProgress: string;
  scores: string;
  similarPosts: string;
  similarPostsEmpty: string;
  metaBox: string;
  /** Shown by an element that was given data but has nothing valid to show. */
  empty: string;
  /** `{n}` is replaced by the number of nested levels folded away. */
  moreLevels: string;
}

export const DEFAULT_UI_LABELS: Readonly<UiLabels> = /* @__PURE__ */ Object.freeze({
  yes: 'yes',
  no: 'no',
  none: 'none',
  more: '{n} more',
  outline: 'outline',
  checklist: 'checklist',
  checklistProgress: '{done} of {total} done',
  scores: 'scores',
  similarPosts: 'similar posts',
  similarPostsEmpty: 'No similar posts yet.',
  metaBox: 'article details',
  empty: 'Nothing to show.',
  moreLevels: '{n} more levels',
});

/**
 * The `labels` property of every element: UI words by their name in
 * `UiLabels`, and field labels by key (`view_count`, `quality`, ...).
 */
export type Labels = Partial<UiLabels> & Record<string, string | undefined>;

/** A language's words (src/core/locales.ts): UI words by name, field labels by canonical key. */
export interface LabelPack {
  readonly ui: ReadonlyMap<string, string>;
  readonly fields: ReadonlyMap<string, string>;
}

/**
 * `view_count`, `viewCount`, `view-count` and `view count` are one key:
 * `view_count`.
 */
export function canonicalKey(key: string): string {
  return remember(canonicalKeys, key, () =>
    key
      .trim()
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/[\s\-_]+/g, '_')
      .toLowerCase(),
  );
}

/**
 * Keys repeat across the articles of a page (every box has a `view_count`),
 * and hundreds of boxes share a locale, so key names, key labels, locales and
 * Intl formatters are each made once. Each cache holds at most `CACHE_SIZE`
 * entries and starts over when full, so untrusted input with endless distinct
 * keys costs no more memory than that.
 */
const CACHE_SIZE = 2_000;
const canonicalKeys = new Map<string, string>();
const keyLabels = new Map<string, string>();
const resolvedLocales = new Map<string, string>();
const formatterCache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** Words written in capitals when a label is made from a key. */
const ACRONYMS = new Set(['ai', 'api', 'css', 'html', 'id', 'json', 'seo', 'ui', 'url', 'ux']);

/** "view_count" → "view count", "recommendedAction" → "recommended action", "ai_brief" → "AI brief". */
export function labelFromKey(key: string): string {
  return remember(keyLabels, key, () => makeLabel(key));
}

function makeLabel(key: string): string {
  const spaced = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[\s\-_]+/g, ' ')
    .trim();
  if (spaced === '') return key;
  return spaced
    .toLowerCase()
    .split(' ')
    .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word))
    .join(' ');
}

function own(labels: Labels | undefined, key: string): string | undefined {
  if (!labels || !Object.prototype.hasOwnProperty.call(labels, key)) return undefined;
  const value = labels[key];
  return typeof value === 'string' ? value : undefined;
}

/** The label of a data key: an override by exact or canonical key, else the pack's, else made from the key. */
export function fieldLabel(key: string, labels?: Labels, pack?: LabelPack): string {
  const canonical = canonicalKey(key);
  return own(labels, key) ?? own(labels, canonical) ?? pack?.fields.get(canonical) ?? labelFromKey(key);
}

/** A UI word (an override, else the pack's, else English), with `{name}` placeholders filled in. */
export function uiLabel(name: keyof UiLabels, labels?: Labels, values?: Record<string, string | number>, pack?: LabelPack): string {
  let text = own(labels, name) ?? pack?.ui.get(name) ?? DEFAULT_UI_LABELS[name];
  if (values) {
    for (const [placeholder, value] of Object.entries(values)) {
      text = text.split(`{${placeholder}}`).join(String(value));
    }
  }
  return text;
}

/**
 * A valid BCP 47 tag that Intl can format for, canonicalized; else 'en'
 * (Intl itself would fall back to the reader's locale, not to English).
 */
export function resolveLocale(lang: string | null | undefined): string {
  if (!lang) return 'en';
  // Every element on a page asks for the same few tags.
  return remember(resolvedLocales, lang, () => {
    try {
      return Intl.NumberFormat.supportedLocalesOf(lang)[0] ?? 'en';
    } catch {
      return 'en';
    }
  });
}

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  return remember(formatterCache as Map<string, T>, key, make);
}

/** 513976 → "513,976" in `en`, "513.976" in `de`. */
export function formatInteger(value: number, locale: string): string {
  return cached(`int|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })).format(value);
}

/**
 * Any other number, localized, with up to two decimals and no grouping:
 * unknown numbers are as often ids, years or seeds as they are amounts.
 */
export function formatNumber(value: number, locale: string): string {
  return cached(`num|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false })).format(value);
}

/**
 * Minutes as a short duration: 5 → "5 min". Intl.NumberFormat's unit style
 * is used rather than Intl.DurationFormat, which not every supported engine
 * ships yet.
 */
export function formatMinutes(minutes: number, locale: string): string {
  return cached(
    `min|${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short', maximumFractionDigits: 1 }),
  ).format(minutes);
}

/** A machine-readable duration for `<time datetime>`: 5 → "PT5M". */
export function isoMinutes(minutes: number): string {
  return `PT${Math.round(minutes * 60) / 60}M`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** True for an ISO 8601 calendar date or date-time that names a real day. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [, y, m, d, hh, mm, ss] = match;
  if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59 || (ss !== undefined && Number(ss) > 59))) return false;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/** "2021-10-10" → "Oct 10, 2021" in `en`. Date-only values are not shifted by the reader's time zone. */
export function formatDate(iso: string, locale: string): string {
  const dateOnly = iso.length === 10;
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  const formatter = dateOnly
    ? cached(`date|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }))
    : cached(`datetime|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
  return formatter.format(date);
}
