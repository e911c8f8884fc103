/**
 * `<anp-article>` with markup in a rich field, on a page where the sanitizer
 * has not loaded yet (a page of its own: test/lazy-sanitizer.test.ts loads it).
 * The elements inside lay out and say `:state(pending)` while the provider
 * waits, so a page keeps the space it reserved for them (docs/theming.md).
 */
import { expect } from '@open-wc/testing';
import '../src/define.js';
import type { AnpArticle } from '../src/index.js';
import { sanitizerSettled } from '../src/core/sanitize.js';
import { ddFor, seedArticle, tick } from './helpers.js';

describe('an article provider waiting for the sanitizer', () => {
  it('keeps its elements slotted and pending, then provides the sanitized article', async () => {
    const style = document.createElement('style');
    style.textContent = 'anp-meta-box:is(:not(:defined), :state(pending)) { display: block; block-size: 321px; }';
    document.head.append(style);
    const article = document.createElement('anp-article') as AnpArticle;
    article.innerHTML = '<anp-meta-box></anp-meta-box><anp-checklist></anp-checklist>';
    const seed = seedArticle();
    seed.meta.summary = 'with <b>markup</b><img src=x onerror="window.__providerHit=1">';
    article.article = seed;
    document.body.append(article);
    const [box, checklist] = [...article.children] as HTMLElement[];
    await tick();
    expect(sanitizerSettled()).to.equal(false);
    for (const el of [article, box, checklist]) expect(el.matches(':state(pending)'), el.localName).to.equal(true);
    // Slotted (the provider's slot exists before its first render), so the reserved height holds.
    expect(box.assignedSlot).to.not.equal(null);
    expect(box.getBoundingClientRect().height).to.equal(321);
    await article.updateComplete;
    await (box as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    for (const el of [article, box, checklist]) expect(el.matches(':state(pending)'), el.localName).to.equal(false);
    expect(ddFor(box, 'summary')?.querySelector('b')?.textContent).to.equal('markup');
    expect(ddFor(box, 'summary')?.querySelector('img')).to.equal(null);
    expect((window as { __providerHit?: number }).__providerHit).to.equal(undefined);
    article.remove();
    style.remove();
  });
});
