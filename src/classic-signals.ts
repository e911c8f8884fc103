/**
 * The entry of `dist/anp-components.signals.iife.js`, the sibling file the
 * classic script loads when a meta box has the `signals` attribute: the
 * data-quality signals of `core/signals.ts`, handed to the script element
 * that loaded this file. Loaded any other way, it does nothing.
 */
import { SIGNALS_ENGINE } from './core/signals.js';
import { answerLoader, SIGNALS_SIBLING } from './classic-siblings.js';

answerLoader(SIGNALS_SIBLING, SIGNALS_ENGINE);
