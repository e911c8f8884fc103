/**
 * The entry of the classic script (dist/anp-components.iife.js): registers
 * every element and exposes the API as `window.AnpComponents`, unless an
 * earlier copy of the script already did. A second copy then changes nothing:
 * the global keeps naming the classes that are registered.
 */
import * as api from './define.js';

const scope = globalThis as typeof globalThis & { AnpComponents?: typeof api };
scope.AnpComponents ??= api;
