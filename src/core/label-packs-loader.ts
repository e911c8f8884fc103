/**
 * Where the label packs come from in the ES build: a chunk of their own,
 * which a bundler splits off and a browser fetches only when an element shows
 * a language that has one. The classic script's build puts
 * `src/classic-sibling-loader.ts` in place of this module (vite.config.ts),
 * as it does for `core/sanitizer-loader.ts`.
 */
import type { PackWords } from './label-packs.js';

export function loadPackWords(): Promise<PackWords> {
  return import('./label-packs.js').then((module) => module.PACK_WORDS);
}
