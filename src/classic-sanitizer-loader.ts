/**
 * The classic script's way to the sanitizer (in place of
 * `core/sanitizer-loader.ts`, see vite.config.ts): a sibling file,
 * `anp-components.sanitizer.iife.js`, found next to the classic script from
 * the URL it was loaded from, and loaded with the integrity hash the build
 * wrote into this script. So it works under `script-src 'self'` (same
 * origin), under Trusted Types (the `anp` policy vouches for this one URL),
 * and a changed file is refused by the browser.
 *
 * The sibling hands its factory back through the script element this module
 * made (see `classic-sanitizer.ts`), not through a global: a page's markup can
 * shadow a global, not an element's own property.
 */
import { createElementIn, pageHead, runningScript } from './core/dom.js';
import type { SanitizerFactory } from './core/sanitize.js';
import { sanitizerScriptUrl } from './core/sanitize.js';
import { SANITIZER_FILE, SANITIZER_RECEIVER } from './classic-sanitizer-names.js';

/** Written by the build (vite.config.ts): `sha384-…` of the sibling file. */
declare const __ANP_SANITIZER_INTEGRITY__: string;

// Read while the classic script runs: later, `currentScript` is another script or null.
const ownUrl = (() => {
  const script = runningScript();
  return script && 'src' in script && script.src ? script.src : undefined;
})();

/** Where the sibling file is, next to this script; throws when there is no "next to". */
function siblingUrl(): string {
  let url: URL | undefined;
  try {
    url = ownUrl === undefined ? undefined : new URL(SANITIZER_FILE, ownUrl);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol)) {
    const from = ownUrl === undefined ? 'not loaded from a URL' : `loaded from ${ownUrl.slice(0, 60)}`;
    throw new Error(`the sanitizer could not be found next to the classic script (${from})`);
  }
  return url.href;
}

export function loadSanitizerEngine(): Promise<SanitizerFactory> {
  return new Promise((resolve, reject) => {
    const head = pageHead();
    const url = siblingUrl();
    if (!head) throw new Error('the sanitizer could not be loaded: the page has no <head> or root element');
    const script = createElementIn(head.ownerDocument, 'script');
    let received: SanitizerFactory | undefined;
    Object.defineProperty(script, SANITIZER_RECEIVER, {
      value: (make: SanitizerFactory) => (received = make),
    });
    script.integrity = __ANP_SANITIZER_INTEGRITY__;
    script.crossOrigin = 'anonymous';
    script.onload = () => {
      script.remove();
      if (received) resolve(received);
      else reject(new Error(`the sanitizer did not load from ${url}: the file ran but did not answer`));
    };
    script.onerror = () => {
      script.remove();
      reject(new Error(`the sanitizer did not load from ${url} (missing, blocked, or not the file this script was built with)`));
    };
    (script as { src: unknown }).src = sanitizerScriptUrl(url);
    head.append(script);
  });
}
