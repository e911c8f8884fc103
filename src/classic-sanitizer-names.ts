/** What the classic script and its sanitizer file agree on (`classic-sanitizer-loader.ts`, `classic-sanitizer.ts`). */

/** The sibling file, next to `anp-components.iife.js`. */
export const SANITIZER_FILE = 'anp-components.sanitizer.iife.js';
/** The own property of the loading script element through which the file answers. */
export const SANITIZER_RECEIVER = 'anpReceiveSanitizer';
