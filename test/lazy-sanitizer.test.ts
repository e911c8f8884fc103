/**
 * The sanitizer loads only when a rich field holds markup (issue 12, item 4).
 * The tests run in order in one page, so the first ones see a page where it
 * has not loaded yet.
 */
import { expect } from '@open-wc/testing';
import '../src/define.js';
import type { AnpArticle, AnpMetaBox } from '../src/index.js';
import { markupWaiting, sanitizerSettled } from '../src/core/sanitize.js';
import { collectErrors, ddFor, inShadow, seedArticle, shadowText, textOf, tick } from './helpers.js';

/** Module requests the page made for the sanitizer (the ES build's chunk; WTR serves the source). */
const sanitizerRequests = () =>
  performance.getEntriesByType('resource').filter((entry) => /\/(purifier|defuse)\.(js|ts)|dompurify/.test(entry.name));

function box(article: unknown, attributes: Record<string, string> = {}): AnpMetaBox {
  const el = document.createElement('anp-meta-box');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.article = article;
  document.body.append(el);
  return el;
}

describe('the sanitizer loads only when a rich field holds markup', () => {
  it('the seed (no markup) renders every element without loading it', async () => {
    const article = document.createElement('anp-article') as AnpArticle;
    article.innerHTML =
      '<anp-meta-box></anp-meta-box><anp-checklist></anp-checklist><anp-score-bars></anp-score-bars><anp-similar-posts></anp-similar-posts>';
    article.article = seedArticle();
    document.body.append(article);
    const children = [...article.children] as AnpMetaBox[];
    await article.updateComplete;
    await Promise.all(children.map((el) => el.updateComplete));
    expect(textOf(ddFor(children[0], 'topic'))).to.equal('tracking data quality signals / python services');
    // `<` in a field that is not rich (a code payload) is text, and needs no sanitizer either.
    const code = box({ meta: { topic: 'a < b', payload: { sql: 'select * from t where a < 3' } } });
    await code.updateComplete;
    expect(shadowText(code)).to.include('a < b');
    expect(sanitizerSettled()).to.equal(false);
    expect(markupWaiting()).to.equal(0);
    expect(sanitizerRequests()).to.have.length(0);
    article.remove();
    code.remove();
  });

  it('the first box with markup waits for it, shows nothing meanwhile, then the sanitized nodes', async () => {
    const seen: string[] = [];
    const el = document.createElement('anp-meta-box');
    const errors = collectErrors(el);
    el.article = { meta: { topic: 'markup ahead', summary: 'a <b>bold</b> claim <img src=x onerror="window.__lazyHit=1">' } };
    el.setAttribute('fields', 'summary');
    document.body.append(el);
    // The shadow root exists once connected; the first update comes a microtask later.
    const observer = new MutationObserver(() => seen.push(el.shadowRoot?.textContent ?? ''));
    observer.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
    await tick();
    // Waiting: the raw markup never reached the page as text.
    expect(inShadow(el, 'dd')).to.have.length(0);
    expect(markupWaiting()).to.be.greaterThan(0);
    // The page can keep its `:not(:defined)` reservation meanwhile (docs/theming.md).
    expect(el.matches(':state(pending)')).to.equal(true);
    await el.updateComplete;
    expect(el.matches(':state(pending)')).to.equal(false);
    observer.disconnect();
    expect(sanitizerSettled()).to.equal(true);
    expect(sanitizerRequests().length).to.be.greaterThan(0);
    const summary = ddFor(el, 'summary')!;
    expect(summary.querySelector('b')?.textContent).to.equal('bold');
    expect(summary.querySelector('img')).to.equal(null);
    // `fields`, set in the update that waited, still holds.
    expect(inShadow(el, 'dt').map((dt) => textOf(dt))).to.deep.equal(['summary']);
    expect(seen.some((text) => text.includes('<b>') || text.includes('onerror'))).to.equal(false);
    // What the sanitizer removed is reported once, after the wait.
    expect(errors).to.have.length(1);
    expect(errors[0].detail.errors.map((e) => e.path)).to.deep.equal(['/meta/summary']);
    expect((window as { __lazyHit?: number }).__lazyHit).to.equal(undefined);
    el.remove();
  });

  it('once loaded, markup renders in the first update', async () => {
    const el = box({ meta: { summary: '<i>at once</i>' } });
    await tick();
    expect(ddFor(el, 'summary')?.querySelector('i')?.textContent).to.equal('at once');
    el.remove();
  });
});
