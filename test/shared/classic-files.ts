/**
 * What the tests of the classic script's sibling files share
 * (classic-sanitizer.test.ts, classic-locales.test.ts, classic-signals.test.ts):
 * reading a built file, its integrity hash, what the main script and a
 * sibling each hold, loading the classic script, and counting the
 * `<script>` loads of a sibling. Nothing here imports src/.
 */
import { expect } from '@open-wc/testing';
import { until } from '../helpers.js';

/** The `<script>` loads of the built file `name` in `win` (a fetch() of it does not count). */
export const scriptLoadsOf = (name: string, win: Window = window) =>
  (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
    (entry) => entry.name.endsWith(name) && entry.initiatorType === 'script',
  );

/** A built file's text; fails with a hint when `npm run build` has not run. */
export async function builtText(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.ok, `${url} (run npm run build)`).to.equal(true);
  return response.text();
}

/** The `sha384-…` integrity value of `body`. */
export async function sha384(body: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-384', new TextEncoder().encode(body));
  return `sha384-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`;
}

/** Adds `<script src>` to the head; resolves once it has run. */
export function loadClassicScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener('error', () => reject(new Error(`could not load ${src} (run npm run build)`)), { once: true });
    document.head.append(script);
  });
}

export const SCRIPT_URL = '/dist/anp-components.iife.js';

/**
 * The split between the classic script and one sibling file: each of
 * `words` is in the sibling and not in the main script, none of `notInSibling`
 * is in the sibling, and the main script carries the sibling's file name and
 * its sha384 (and, as a control, not the hash of any other text).
 */
export async function expectSiblingSplit(siblingUrl: string, words: readonly string[], notInSibling: readonly string[]): Promise<void> {
  const main = await builtText(SCRIPT_URL);
  const sibling = await builtText(siblingUrl);
  for (const word of words) {
    expect(sibling, word).to.include(word);
    expect(main, word).not.to.include(word);
  }
  for (const word of notInSibling) expect(sibling, word).not.to.include(word);
  expect(main).to.include(siblingUrl.split('/').pop()!);
  expect(main).to.include(await sha384(sibling));
  expect(main).not.to.include(await sha384(`${sibling}\n`));
}

/** An element of the classic script, typed without importing src/. */
export interface AnpLike extends HTMLElement {
  article?: unknown;
  readonly updateComplete: Promise<boolean>;
}

/**
 * A frame whose page loads the classic script from a `blob:` URL, which has
 * no directory, so no sibling file can be found; resolves with a meta box
 * made in that frame and the `anp-error` lists it sends (it is not yet on the
 * page: set its data, then `attach()`). Remove the frame with `done()`.
 */
export async function boxWithoutSiblings(htmlAttributes = '') {
  const blob = URL.createObjectURL(new Blob([await builtText(SCRIPT_URL)], { type: 'text/javascript' }));
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><html${htmlAttributes}><body><script src="${blob}"></script></body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  await until(() => !!win.customElements.get('anp-meta-box'), 4000, 'the classic script in the frame');
  const el = win.document.createElement('anp-meta-box') as AnpLike;
  const errors: { path: string; code: string; message: string }[][] = [];
  el.addEventListener('anp-error', (event) => errors.push((event as CustomEvent).detail.errors));
  return {
    el,
    errors,
    attach: () => win.document.body.append(el),
    done: () => {
      frame.remove();
      URL.revokeObjectURL(blob);
    },
  };
}
