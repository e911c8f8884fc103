/**
 * The CDN build (dist/anp-components.js): one self-contained ES module that a
 * page loads with `<script type="module" src=…>` and no import map. Only the
 * built file is loaded here, never src/. (The test server re-serves the file
 * through esbuild, so minification is not visible here; the size budget and
 * scripts/pack-check.mjs cover the file itself.)
 */
import { expect } from '@open-wc/testing';
import { seedArticle, shadowText, attach } from './helpers.js';

const url = new URL('../dist/anp-components.js', import.meta.url).href;
const source = await (await fetch(url)).text();
const cdn = await import(/* @vite-ignore */ url);

describe('CDN ES module (dist/anp-components.js)', () => {
  it('imports nothing: lit, @lit/context and dompurify are inside', () => {
    // Static `import … from "x"`, `import "x"` and `export … from "x"`; `import(` would be dynamic,
    // and a name that only starts with `import` (a key `importNode:`) is no import.
    expect(source.match(/(^|[;}\s])(import(\s+[^(\s]|\s*[{*"'`])|export\s*[^;]*?\bfrom\s*["'`])/g) ?? []).to.deep.equal([]);
  });

  it('registers every element and exports the API of the package root', async () => {
    for (const tag of ['anp-article', 'anp-meta-box', 'anp-checklist', 'anp-score-bars', 'anp-similar-posts']) {
      expect(customElements.get(tag), tag).to.be.a('function');
    }
    expect(customElements.get('anp-meta-box')).to.equal(cdn.AnpMetaBox);
    expect(cdn.normalizeArticle).to.be.a('function');
    expect(cdn.AnpErrorEvent.eventName).to.equal('anp-error');
  });

  it('renders the seed', async () => {
    const box = attach(document.createElement('anp-checklist')) as HTMLElement & { article: unknown; updateComplete: Promise<unknown> };
    box.article = seedArticle();
    await box.updateComplete;
    expect(shadowText(box)).to.contain('review query plans');
  });
});
