/**
 * The label packs. English is no pack: it is `DEFAULT_UI_LABELS` and the
 * labels made from keys, so an English page needs nothing more. The words of
 * the other languages (`core/label-packs.ts`) load on first need, once per
 * page (`loadLabelPacks`); an element whose language has a pack waits for
 * them before it renders (`labelPackPending`), so it never shows English
 * words first and then swaps them. The orders come from `DEFAULT_UI_LABELS`
 * and `KNOWN_META_KEYS`; test/l10n.test.ts fails when either changes without
 * the packs.
 */
import { DEFAULT_UI_LABELS, type LabelPack } from './format.js';
import type { PackWords } from './label-packs.js';
import { loadPackWords } from './label-packs-loader.js';
import { KNOWN_META_KEYS } from './normalize.js';
import { OnDemand } from './on-demand.js';

const UI_NAMES = Object.keys(DEFAULT_UI_LABELS);
// Then the keys of `revision` and the seed's scores.
const FIELD_KEYS = [...KNOWN_META_KEYS, ...'status version last_reviewed quality freshness depth clarity'.split(' ')];

/** Languages with a built-in pack besides English. */
export const PACK_LANGUAGES: readonly string[] = ['de', 'fr', 'es', 'ar', 'ja'];

const packWords = new OnDemand<PackWords>(loadPackWords);
const ENGLISH: LabelPack = { ui: new Map(), fields: new Map() };
const built = new Map<string, LabelPack>();

const languageOf = (locale: string): string => locale.split('-')[0].toLowerCase();
const hasPack = (locale: string): boolean => PACK_LANGUAGES.includes(languageOf(locale));

/**
 * Loads the packs once per page: a dynamic import in the ES build, a sibling
 * file with its integrity hash for the classic script. Never rejects: when
 * they cannot load, `labelPackFailure` says why and labels stay English.
 */
export function loadLabelPacks(): Promise<void> {
  return packWords.load();
}

/** True while the pack of `locale`'s language is still to load: an element waits for `loadLabelPacks()` before it renders. */
export function labelPackPending(locale: string): boolean {
  return !packWords.settled && hasPack(locale);
}

/** Why the pack of `locale`'s language could not load (its labels are English), or undefined. */
export function labelPackFailure(locale: string): string | undefined {
  return packWords.value === undefined && hasPack(locale) ? packWords.failure : undefined;
}

/**
 * The pack of a locale's language ("de-AT" → de), once the packs are loaded;
 * English for languages without one, and until then.
 */
export function labelPack(locale: string): LabelPack {
  const language = languageOf(locale);
  let pack = built.get(language);
  if (!pack) {
    // Only a language of the list is looked up: no `constructor` or `__proto__` of the object.
    const words = PACK_LANGUAGES.includes(language) ? packWords.value?.[language]?.split('|') : undefined;
    if (!words) return ENGLISH;
    const fields = new Map(FIELD_KEYS.map((key, index) => [key, words[UI_NAMES.length + index]]));
    pack = { ui: new Map(UI_NAMES.map((name, index) => [name, words[index]])), fields };
    built.set(language, pack);
  }
  return pack;
}
