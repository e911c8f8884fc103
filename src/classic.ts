/**
 * The entry of the classic script (dist/anp-components.iife.js): registers
 * every element and exposes the API as `window.AnpComponents`, unless an
 * earlier copy of the script already did. A second copy then changes nothing:
 * the global keeps naming the classes that are registered.
 */
import * as api from './define.js';

/**
 * Only an own property counts: `<form id=AnpComponents>` or
 * `<img name=AnpComponents>` shows through `window.AnpComponents` from a
 * prototype (WindowProperties), and `??=` would keep that element. An own
 * property, once defined, wins over any such element, added before or after.
 */
if (
  !Object.prototype.hasOwnProperty.call(globalThis, 'AnpComponents') ||
  (globalThis as { AnpComponents?: unknown }).AnpComponents == null
) {
  Object.defineProperty(globalThis, 'AnpComponents', { value: api, writable: true, enumerable: true, configurable: true });
}
