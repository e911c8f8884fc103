/**
 * The CDN build (dist/anp-components.js): one self-contained ES module that a
 * page loads with `<script type="module" src=…>` and no import map, plus
 * the chunks it loads itself. Only the built files are loaded here, never
 * src/, byte for byte as built (web-test-runner.config.mjs).
 */
import { expect } from '@open-wc/testing';
import { seedArticle, shadowText, attach } from './helpers.js';

const url = new URL('../dist/anp-components.js', import.meta.url).href;
const source = await (await fetch(url)).text();
const cdn = await import(/* @vite-ignore */ url);

/** Static `import … from "x"`, `import "x"` and `export … from "x"`: their specifiers. */
function staticImports(code: string): string[] {
  // `import(` would be dynamic, and a name that only starts with `import` (a key `importNode:`) is no import.
  const found = code.matchAll(
    /(?:^|[;}\s])(?:import(?:\s+[^(\s][^;]*?\bfrom|\s*[{*][^;]*?\bfrom)?|export\s*[^;]*?\bfrom)\s*["'`]([^"'`]+)["'`]/g,
  );
  return [...found].map((match) => match[1]);
}

describe('CDN ES module (dist/anp-components.js)', () => {
  it('imports nothing from elsewhere: lit, @lit/context and dompurify are inside its own files', async () => {
    const imports = staticImports(source);
    // Only the chunk of DOM captures it shares with the sanitizer (vite.config.ts), which imports nothing itself.
    expect(imports).to.deep.equal(['./anp-components.shared.js']);
    const shared = await (await fetch(new URL(imports[0], url))).text();
    expect(staticImports(shared)).to.deep.equal([]);
    expect(source).to.include('import(`./anp-components.sanitizer.js`)');
    expect(source).to.include('import(`./anp-components.locales.js`)');
    expect(source).to.include('import(`./anp-components.signals.js`)');
    expect(source).not.to.include('Last reviewed');
    // The packs are data: their chunk imports nothing, and the entry holds none of their words.
    // (Read with a query, so that this fetch is not counted as the page's load of the chunk below.)
    const locales = await (await fetch(new URL('./anp-components.locales.js?read', url))).text();
    expect(staticImports(locales)).to.deep.equal([]);
    expect(locales).to.include('Artikeldetails');
    expect(source).not.to.include('Artikeldetails');
  });

  it('fetches its sanitizer only when a rich field holds markup', async () => {
    const loads = () => performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/anp-components.sanitizer.js'));
    const plain = attach(document.createElement('anp-meta-box')) as HTMLElement & { article: unknown; updateComplete: Promise<unknown> };
    plain.article = { meta: { summary: 'no markup, a < b' } };
    await plain.updateComplete;
    expect(loads()).to.have.length(0);
    const rich = attach(document.createElement('anp-meta-box')) as HTMLElement & { article: unknown; updateComplete: Promise<unknown> };
    rich.article = { meta: { summary: '<b>bold</b><img src=x onerror=alert(1)>' } };
    await rich.updateComplete;
    expect(loads()).to.have.length(1);
    expect(rich.shadowRoot!.querySelector('dd b')?.textContent).to.equal('bold');
    expect(rich.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('fetches its label packs only for a language that has one', async () => {
    const loads = () => performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/anp-components.locales.js'));
    type Box = HTMLElement & { article: unknown; updateComplete: Promise<unknown> };
    const english = attach(document.createElement('anp-meta-box')) as Box;
    english.article = { meta: { topic: 'in English' } };
    await english.updateComplete;
    expect(english.shadowRoot!.querySelector('dt')?.textContent).to.equal('topic');
    expect(loads()).to.have.length(0);
    const french = document.createElement('anp-meta-box') as Box;
    french.lang = 'fr';
    french.article = { meta: { topic: 'en français' } };
    attach(french);
    await french.updateComplete;
    expect(french.shadowRoot!.querySelector('dt')?.textContent).to.equal('sujet');
    expect(loads()).to.have.length(1);
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
