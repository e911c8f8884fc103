/**
 * The entry of `dist/anp-components.sanitizer.iife.js`, the sibling file the
 * classic script loads when a rich field holds markup: DOMPurify and the
 * library's rules, handed to the script element that loaded this file. Loaded
 * any other way (a page's own `<script src>`), it does nothing.
 */
import { runningScript } from './core/dom.js';
import { createSanitizerEngine } from './core/purifier.js';
import { SANITIZER_RECEIVER } from './classic-sanitizer-names.js';

const receive: unknown = (runningScript() as unknown as Record<string, unknown> | null)?.[SANITIZER_RECEIVER];
if (typeof receive === 'function') (receive as (make: typeof createSanitizerEngine) => void)(createSanitizerEngine);
