/**
 * The label packs besides English load only when an element shows one of
 * their languages (issue 12, item 4). The tests run in order in one page, so
 * the first ones see a page where the packs have not loaded yet.
 */
import { expect } from '@open-wc/testing';
import '../src/define.js';
import type { AnpArticle, AnpMetaBox } from '../src/index.js';
import { labelPack, labelPackPending } from '../src/core/locales.js';
import { collectErrors, inShadow, seedArticle, shadowText, textOf, tick } from './helpers.js';

/** Module requests the page made for the packs (the ES build's chunk; WTR serves the source). */
const packRequests = () => performance.getEntriesByType('resource').filter((entry) => /\/label-packs\.(js|ts)/.test(entry.name));

/** English words the elements would show for the seed, any of which means an English frame. */
const ENGLISH = ['article details', 'checklist', 'scores', 'similar posts', 'topic', 'reading time', 'AI outline', ' of 5 done'];

type Rendering = HTMLElement & { readonly updateComplete: Promise<boolean> };

/**
 * Records every text that reaches an element's shadow root, from before its
 * first update: the text of each node added and of each changed text node.
 */
function recordShadowText(el: Element): { seen: string[]; stop(): void } {
  const seen: string[] = [];
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') seen.push(record.target.textContent ?? '');
      for (const node of record.addedNodes) seen.push(node.textContent ?? '');
    }
  });
  observer.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

const heading = (el: Element) => textOf(inShadow(el, '[part~="heading"]')[0]);

/** Lets the elements' first updates run (microtasks) and no task: nothing fetched can have arrived yet. */
async function firstUpdates(): Promise<void> {
  for (let n = 0; n < 20; n++) await Promise.resolve();
}

/** `<div lang=…>` holding a provider of the seed with all four elements, and `boxes` meta boxes of their own. */
function germanPage(lang: string, boxes: number): { wrapper: HTMLDivElement; elements: Rendering[] } {
  const wrapper = document.createElement('div');
  wrapper.lang = lang;
  const provider = document.createElement('anp-article') as AnpArticle;
  provider.innerHTML =
    '<anp-meta-box></anp-meta-box><anp-checklist></anp-checklist><anp-score-bars></anp-score-bars><anp-similar-posts></anp-similar-posts>';
  provider.article = seedArticle();
  wrapper.append(provider);
  for (let n = 0; n < boxes; n++) {
    const box = document.createElement('anp-meta-box');
    box.article = { meta: { topic: `box ${n}`, reading_time: n + 1 } };
    wrapper.append(box);
  }
  return { wrapper, elements: [...wrapper.querySelectorAll<Rendering>('anp-meta-box, anp-checklist, anp-score-bars, anp-similar-posts')] };
}

describe('the label packs load only for a language that has one', () => {
  it('an English page renders every element without fetching them', async () => {
    const wrapper = document.createElement('div');
    wrapper.innerHTML =
      '<anp-meta-box lang="en-GB"></anp-meta-box><anp-checklist></anp-checklist><anp-similar-posts lang="pt"></anp-similar-posts>';
    for (const el of wrapper.children) (el as AnpMetaBox).article = seedArticle();
    document.body.append(wrapper);
    const elements = [...wrapper.children] as Rendering[];
    await Promise.all(elements.map((el) => el.updateComplete));
    expect(heading(elements[0])).to.equal('article details');
    expect(heading(elements[1])).to.equal('checklist');
    // Portuguese has no pack: English words, numbers and dates through Intl.
    expect(heading(elements[2])).to.equal('similar posts');
    expect(labelPackPending('en')).to.equal(false);
    expect(labelPackPending('de')).to.equal(true);
    expect(packRequests()).to.have.length(0);
    wrapper.remove();
  });

  it('control: the recorder sees the first frame of an element (English here)', async () => {
    const box = document.createElement('anp-meta-box');
    box.article = seedArticle();
    document.body.append(box);
    const recorder = recordShadowText(box);
    await box.updateComplete;
    recorder.stop();
    expect(recorder.seen.join(' ')).to.include('article details');
    box.remove();
  });

  it('a lang="de" page fetches them once for many elements, shows nothing meanwhile, then German only', async () => {
    const { wrapper, elements } = germanPage('de-AT', 12);
    document.body.append(wrapper);
    // Shadow roots exist once connected; the first update comes a microtask later.
    const recorders = elements.map(recordShadowText);
    await firstUpdates();
    for (const el of elements) {
      expect(el.matches(':state(pending)'), `${el.localName} pending`).to.equal(true);
      expect(shadowText(el), `${el.localName} shows nothing while the packs load`).to.equal('');
    }
    await Promise.all(elements.map((el) => el.updateComplete));
    recorders.forEach((recorder) => recorder.stop());
    for (const el of elements) expect(el.matches(':state(pending)'), `${el.localName} pending`).to.equal(false);
    const [box, checklist, scores, posts] = elements;
    expect(heading(box)).to.equal('Artikeldetails');
    expect(heading(checklist)).to.equal('Checkliste');
    expect(textOf(inShadow(checklist, '[part~="progress"]')[0])).to.equal('0 von 5 erledigt');
    expect(heading(scores)).to.equal('Bewertungen');
    expect(heading(posts)).to.equal('ähnliche Beiträge');
    for (const el of elements.slice(4)) expect(heading(el)).to.equal('Artikeldetails');
    // No English word ever reached a shadow root.
    const seen = recorders.flatMap((recorder) => recorder.seen).join(' | ');
    expect(seen).to.include('Artikeldetails');
    for (const word of ENGLISH) expect(seen, word).not.to.include(word);
    expect(packRequests()).to.have.length(1);
    wrapper.remove();
  });

  it('once loaded, a language with a pack renders in the first update', async () => {
    expect(labelPackPending('fr-CA')).to.equal(false);
    expect(labelPack('ja').ui.get('metaBox')).to.equal('記事の詳細');
    const box = document.createElement('anp-meta-box');
    box.lang = 'fr-CA';
    box.article = seedArticle();
    document.body.append(box);
    await tick();
    expect(box.matches(':state(pending)')).to.equal(false);
    expect(heading(box)).to.equal('détails de l’article');
    expect(packRequests()).to.have.length(1);
    box.remove();
  });

  it('`labels` still wins over the pack, and nothing is reported', async () => {
    const box = document.createElement('anp-meta-box');
    const errors = collectErrors(box);
    box.lang = 'es';
    box.labels = { metaBox: 'ficha', topic: 'asunto' };
    box.article = { meta: { topic: 't', reading_time: 2 } };
    document.body.append(box);
    await box.updateComplete;
    expect(heading(box)).to.equal('ficha');
    expect(inShadow(box, 'dt').map((dt) => textOf(dt))).to.deep.equal(['asunto', 'tiempo de lectura']);
    expect(errors).to.have.length(0);
    box.remove();
  });
});
