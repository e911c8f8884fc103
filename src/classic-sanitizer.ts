/**
 * The entry of `dist/anp-components.sanitizer.iife.js`, the sibling file the
 * classic script loads when a rich field holds markup: DOMPurify and the
 * library's rules, handed to the script element that loaded this file. Loaded
 * any other way (a page's own `<script src>`), it does nothing.
 */
import { createSanitizerEngine } from './core/purifier.js';
import { answerLoader, SANITIZER_SIBLING } from './classic-siblings.js';

answerLoader(SANITIZER_SIBLING, createSanitizerEngine);
