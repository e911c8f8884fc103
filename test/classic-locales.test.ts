/**
 * The classic script's label packs are a sibling file,
 * `anp-components.locales.iife.js`, loaded only when an element shows a
 * language that has a pack, with the integrity hash the main script carries
 * (issue 12, item 4). Like classic-sanitizer.test.ts, nothing here imports
 * src/ at runtime.
 */
import { expect } from '@open-wc/testing';
import {
  type AnpLike,
  boxWithoutSiblings,
  expectSiblingSplit,
  loadClassicScript,
  SCRIPT_URL,
  scriptLoadsOf,
} from './shared/classic-files.js';
import { inShadow, textOf } from './helpers.js';

const LOCALES_URL = '/dist/anp-components.locales.iife.js';

const localeLoads = (win: Window = window) => scriptLoadsOf('anp-components.locales.iife.js', win);

const heading = (el: Element) => textOf(inShadow(el, '[part~="heading"]')[0]);

/** Lets the elements' first updates run (microtasks) and no task: nothing fetched can have arrived yet. */
async function firstUpdates(): Promise<void> {
  for (let n = 0; n < 20; n++) await Promise.resolve();
}

function box(lang: string | undefined, topic: string, doc: Document = document): AnpLike {
  const el = doc.createElement('anp-meta-box') as AnpLike;
  if (lang) el.lang = lang;
  el.article = { meta: { topic, reading_time: 4 } };
  doc.body.append(el);
  return el;
}

describe('the classic script and its label packs file', () => {
  it('the main script holds no pack, and carries the integrity hash of the file it loads', async () => {
    // The sibling holds the words only: no Lit, no DOMPurify.
    await expectSiblingSplit(LOCALES_URL, ['Artikeldetails', 'détails de l’article', '記事の詳細'], ['uponSanitizeElement', 'lit-html']);
  });

  it('an English page never loads the file; the first element in a packed language loads it once for all', async () => {
    await loadClassicScript(SCRIPT_URL);
    const english = box(undefined, 'plain');
    await english.updateComplete;
    expect(heading(english)).to.equal('article details');
    expect(localeLoads()).to.have.length(0);

    const german = ['de', 'de-CH', 'de'].map((lang, n) => box(lang, `thema ${n}`));
    await firstUpdates();
    for (const el of german) {
      expect(inShadow(el, 'dt'), 'nothing shown while the file loads').to.have.length(0);
      expect(el.matches(':state(pending)')).to.equal(true);
    }
    await Promise.all(german.map((el) => el.updateComplete));
    for (const el of german) {
      expect(heading(el)).to.equal('Artikeldetails');
      expect(inShadow(el, 'dt').map((dt) => textOf(dt))).to.deep.equal(['Thema', 'Lesezeit']);
      expect(el.matches(':state(pending)')).to.equal(false);
    }
    expect(localeLoads()).to.have.length(1);
    // The script element that loaded it is gone again.
    expect([...document.scripts].some((script) => script.src.endsWith('anp-components.locales.iife.js'))).to.equal(false);
    // Another language with a pack needs no second load.
    const arabic = box('ar', 'x');
    await arabic.updateComplete;
    expect(heading(arabic)).to.equal('تفاصيل المقال');
    expect(localeLoads()).to.have.length(1);
    [english, ...german, arabic].forEach((el) => el.remove());
  });

  it('loaded from where its sibling cannot be found, labels are English, and it is reported', async () => {
    const { el, errors, attach, done } = await boxWithoutSiblings(' lang="de"');
    el.article = { meta: { topic: 'kept', reading_time: 4 } };
    attach();
    await el.updateComplete;
    expect(heading(el)).to.equal('article details');
    expect(inShadow(el, 'dt').map((dt) => textOf(dt))).to.deep.equal(['topic', 'reading time']);
    // Numbers and dates still follow the page's language through Intl.
    expect(textOf(inShadow(el, 'dd time')[0])).to.equal(
      new Intl.NumberFormat('de', { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(4).replace(/\s+/g, ' '),
    );
    expect(errors).to.have.length(1);
    expect(errors[0].map((e) => e.code)).to.deep.equal(['locale-failed']);
    expect(errors[0][0].message).to.match(/^labels shown in English: the label packs could not be found next to the classic script/);
    done();
  });
});
