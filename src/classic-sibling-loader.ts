/**
 * The classic script's way to what it leaves out, in place of
 * `core/sanitizer-loader.ts`, `core/label-packs-loader.ts` and `core/signals-loader.ts` (see
 * vite.config.ts): a sibling file (`classic-siblings.ts`), found next to the
 * classic script from the URL it was loaded from, and loaded with the
 * integrity hash the build wrote into this script. So it works under
 * `script-src 'self'` (same origin), under Trusted Types (the `anp` policy
 * vouches for the sibling URLs and no other), and a changed file is refused
 * by the browser.
 *
 * A sibling hands its part back through the script element this module made,
 * not through a global: a page's markup can shadow a global, not an
 * element's own property.
 */
import { createElementIn, pageHead, runningScript } from './core/dom.js';
import type { PackWords } from './core/label-packs.js';
import type { SanitizerFactory } from './core/sanitize.js';
import type { SignalsEngine } from './core/signals.js';
import { siblingScriptUrl } from './core/sanitize.js';
import { LOCALES_SIBLING, SANITIZER_SIBLING, SIGNALS_SIBLING, type Sibling } from './classic-siblings.js';

/** Written by the build (vite.config.ts): `sha384-…` of each sibling file. */
declare const __ANP_SANITIZER_INTEGRITY__: string;
declare const __ANP_LOCALES_INTEGRITY__: string;
declare const __ANP_SIGNALS_INTEGRITY__: string;

// Read while the classic script runs: later, `currentScript` is another script or null.
const ownUrl = (() => {
  const script = runningScript();
  return script && 'src' in script && script.src ? script.src : undefined;
})();

/** Where a sibling file is, next to this script; throws when there is no "next to". */
function siblingUrl({ file, what }: Sibling): string {
  let url: URL | undefined;
  try {
    url = ownUrl === undefined ? undefined : new URL(file, ownUrl);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol)) {
    const from = ownUrl === undefined ? 'not loaded from a URL' : `loaded from ${ownUrl.slice(0, 60)}`;
    throw new Error(`${what} could not be found next to the classic script (${from})`);
  }
  return url.href;
}

/** Loads one sibling file with its integrity hash; resolves with what it answered. */
function loadSibling<T>(sibling: Sibling, integrity: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const head = pageHead();
    const url = siblingUrl(sibling);
    if (!head) throw new Error(`${sibling.what} could not be loaded: the page has no <head> or root element`);
    const script = createElementIn(head.ownerDocument, 'script');
    let received: { value: T } | undefined;
    Object.defineProperty(script, sibling.receiver, {
      value: (value: T) => (received = { value }),
    });
    script.integrity = integrity;
    script.crossOrigin = 'anonymous';
    script.onload = () => {
      script.remove();
      if (received) resolve(received.value);
      else reject(new Error(`${sibling.what} did not load from ${url}: the file ran but did not answer`));
    };
    script.onerror = () => {
      script.remove();
      reject(new Error(`${sibling.what} did not load from ${url} (missing, blocked, or not the file this script was built with)`));
    };
    (script as { src: unknown }).src = siblingScriptUrl(url);
    head.append(script);
  });
}

export const loadSanitizerEngine = (): Promise<SanitizerFactory> => loadSibling(SANITIZER_SIBLING, __ANP_SANITIZER_INTEGRITY__);

export const loadPackWords = (): Promise<PackWords> => loadSibling(LOCALES_SIBLING, __ANP_LOCALES_INTEGRITY__);

export const loadSignalsEngine = (): Promise<SignalsEngine> => loadSibling(SIGNALS_SIBLING, __ANP_SIGNALS_INTEGRITY__);
