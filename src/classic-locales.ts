/**
 * The entry of `dist/anp-components.locales.iife.js`, the sibling file the
 * classic script loads when an element shows a language with a built-in
 * pack: the words of `core/label-packs.ts`, handed to the script element that
 * loaded this file. Loaded any other way, it does nothing.
 */
import { PACK_WORDS } from './core/label-packs.js';
import { answerLoader, LOCALES_SIBLING } from './classic-siblings.js';

answerLoader(LOCALES_SIBLING, PACK_WORDS);
