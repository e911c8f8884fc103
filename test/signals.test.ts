import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { AnpMetaBox } from '../src/index.js';
import { collectErrors, inShadow, nextError, seedArticle, textOf } from './helpers.js';

/** The signals module, fetched only when a box asks for notes (core/signals-loader.ts). */
const signalsFetched = (): boolean =>
  performance.getEntriesByType('resource').some((entry) => /\/core\/signals\.(ts|js)\b/.test(entry.name));

/** An article that gives no signal: every expected field, a review of today, no flag on, good scores. */
function cleanArticle(): Record<string, unknown> {
  return {
    title: 'Clean',
    url: '/posts/clean',
    meta: {
      topic: 'databases',
      summary: 'A summary.',
      revision: { last_reviewed: new Date().toISOString().slice(0, 10) },
      score: { quality: 95 },
      flags: { needs_human_review: 0, ai_generated_style: '0' },
    },
  };
}

const notes = (el: AnpMetaBox): string[] => inShadow(el, '[part~="signal"]').map(textOf);
const codes = (el: AnpMetaBox): string[] =>
  inShadow(el, '[part~="signal"]').map((li) =>
    li
      .getAttribute('part')!
      .split(' ')
      .find((part) => /^signal-[a-z]+-/.test(part))!,
  );

async function box(template: ReturnType<typeof html>): Promise<AnpMetaBox> {
  const el = await fixture<AnpMetaBox>(template);
  await el.updateComplete;
  return el;
}

describe('<anp-meta-box> signals', () => {
  it('without `signals`: no notes, and the signals code is never fetched', async () => {
    const el = await box(html`<anp-meta-box .article=${seedArticle()}></anp-meta-box>`);
    expect(el.signals).to.equal(false);
    expect(inShadow(el, '[part~="signals"]')).to.have.length(0);
    expect(el.shadowRoot!.textContent).not.to.include('Editor notes');
    expect(signalsFetched()).to.equal(false);
  });

  for (const theme of ['light', 'dark']) {
    it(`passes axe with the seed and \`signals\`, theme ${theme}`, async () => {
      const el = await box(html`<anp-meta-box signals theme=${theme} .article=${seedArticle()}></anp-meta-box>`);
      expect(inShadow(el, '[part~="signal"]')).to.have.length(3);
      await expect(el).to.be.accessible();
    });
  }

  it("with `signals`: the seed's three notes above the rows, each with its severity as a word", async () => {
    const errors: unknown[] = [];
    const el = await fixture<AnpMetaBox>(
      html`<anp-meta-box signals .article=${seedArticle()} @anp-error=${(e: Event) => errors.push(e)}></anp-meta-box>`,
    );
    await el.updateComplete;
    expect(signalsFetched()).to.equal(true);
    const block = inShadow(el, '[part~="signals"]');
    expect(block).to.have.length(1);
    // Above the rows: the block comes before the <dl>.
    const list = inShadow(el, 'dl[part~="list"]')[0];
    expect(block[0].compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    const title = inShadow(el, '[part~="signals-title"]')[0];
    expect(textOf(title)).to.equal('Editor notes');
    // The list is named by the title.
    const ul = inShadow(el, 'ul[part~="signal-list"]')[0];
    expect(el.shadowRoot!.getElementById(ul.getAttribute('aria-labelledby')!)).to.equal(title);
    expect(codes(el)).to.deep.equal(['signal-generated-content', 'signal-stale-review', 'signal-low-score']);
    const [generated, stale, low] = notes(el);
    expect(generated).to.equal('notice Flagged as generated content (ai_generated_style): check facts and tone.');
    expect(stale).to.match(/^warning Last reviewed \d{4,} days ago \(2021-10-10\), over the 365 allowed\.$/);
    expect(low).to.equal('notice Score “freshness” is 67, under 70.');
    expect(inShadow(el, '[part~="signal-warning"]')).to.have.length(1);
    expect(inShadow(el, '[part~="signal-notice"]')).to.have.length(2);
    expect(inShadow(el, '[part~="signal-severity"]').map(textOf)).to.deep.equal(['notice', 'warning', 'notice']);
    // The rows are all still there, and nothing is reported.
    expect(inShadow(el, 'dl[part~="list"] > [part~="field"]').length).to.be.greaterThan(10);
    expect(errors).to.deep.equal([]);
    expect(el.errors).to.deep.equal([]);
  });

  it('shows nothing when the article gives no signal, and each signal when it does', async () => {
    const el = await box(html`<anp-meta-box signals .article=${cleanArticle()}></anp-meta-box>`);
    expect(inShadow(el, '[part~="signals"]')).to.have.length(0);
    const flagged = cleanArticle();
    flagged.title = ' ';
    (flagged.meta as Record<string, unknown>).flags = { needs_human_review: '1' };
    el.article = flagged;
    await el.updateComplete;
    expect(codes(el)).to.deep.equal(['signal-needs-human-review', 'signal-missing-field']);
    expect(notes(el)[1]).to.match(/^warning No title: /);
  });

  it('thresholds: signals-stale-days and signals-min-score change the notes, set before or after the first render', async () => {
    const el = await box(
      html`<anp-meta-box signals signals-stale-days="100000" signals-min-score="60" .article=${seedArticle()}></anp-meta-box>`,
    );
    expect(el.signalsStaleDays).to.equal(100000);
    expect(el.signalsMinScore).to.equal(60);
    expect(codes(el)).to.deep.equal(['signal-generated-content']);
    el.setAttribute('signals-min-score', '90');
    await el.updateComplete;
    expect(codes(el)).to.deep.equal(['signal-generated-content', ...Array(4).fill('signal-low-score')]);
    expect(notes(el)[4]).to.equal('notice Score “clarity” is 87, under 90.');
    el.signalsMinScore = 0;
    el.removeAttribute('signals-stale-days');
    await el.updateComplete;
    expect(el.signalsStaleDays).to.equal(undefined);
    expect(codes(el)).to.deep.equal(['signal-generated-content', 'signal-stale-review']);
  });

  it('the attribute and the property turn the notes on and off', async () => {
    const el = await box(html`<anp-meta-box .article=${seedArticle()}></anp-meta-box>`);
    el.signals = true;
    await el.updateComplete;
    expect(notes(el)).to.have.length(3);
    el.removeAttribute('signals');
    el.signals = false;
    await el.updateComplete;
    expect(inShadow(el, '[part~="signals"]')).to.have.length(0);
    el.setAttribute('signals', '');
    await el.updateComplete;
    expect(el.signals).to.equal(true);
    expect(notes(el)).to.have.length(3);
  });

  for (const [attribute, value] of [
    ['signals-stale-days', 'soon'],
    ['signals-stale-days', '-3'],
    ['signals-stale-days', ''],
    ['signals-min-score', '150'],
  ] as const) {
    it(`${attribute}="${value}": anp-error invalid-option naming the attribute; the default is used; nothing thrown`, async () => {
      const el = document.createElement('anp-meta-box');
      el.setAttribute('signals', '');
      el.setAttribute(attribute, value);
      el.article = seedArticle();
      const error = nextError(el);
      document.body.append(el);
      try {
        const event = await error;
        const [problem] = event.detail.errors;
        expect(problem.code).to.equal('invalid-option');
        expect(problem.message).to.match(new RegExp(`^${attribute}: expected .*; the default is used$`));
        await el.updateComplete;
        expect(codes(el)).to.deep.equal(['signal-generated-content', 'signal-stale-review', 'signal-low-score']);
      } finally {
        el.remove();
      }
    });
  }

  it('a bad value set as a property is reported too, and a good one clears the report', async () => {
    const el = await box(html`<anp-meta-box signals .article=${seedArticle()}></anp-meta-box>`);
    const events = collectErrors(el);
    (el as unknown as { signalsMinScore: unknown }).signalsMinScore = '50';
    await el.updateComplete;
    expect(events.map((event) => event.detail.errors[0].message)).to.deep.equal([
      'signals-min-score: expected a number from 0 to 100; the default is used',
    ]);
    el.signalsMinScore = 50;
    await el.updateComplete;
    expect(el.errors).to.deep.equal([]);
    expect(codes(el)).to.deep.equal(['signal-generated-content', 'signal-stale-review']);
  });

  it('the notes are English in every language, and say so with lang="en"', async () => {
    const de = await box(html`<anp-meta-box signals lang="de" .article=${seedArticle()}></anp-meta-box>`);
    expect(inShadow(de, '[part~="signals"]')[0].getAttribute('lang')).to.equal('en');
    expect(textOf(inShadow(de, 'h2, [role="heading"]')[0])).to.equal('Artikeldetails');
    const en = await box(html`<anp-meta-box signals lang="en-GB" .article=${seedArticle()}></anp-meta-box>`);
    expect(inShadow(en, '[part~="signals"]')[0].hasAttribute('lang')).to.equal(false);
  });

  it('`fields` and `exclude` choose rows, not notes: the notes are of the whole article', async () => {
    const el = await box(html`<anp-meta-box signals fields="topic" .article=${seedArticle()}></anp-meta-box>`);
    expect(inShadow(el, 'dl[part~="list"] > [part~="field"]')).to.have.length(1);
    expect(notes(el)).to.have.length(3);
  });

  it('keyboard: the notes add no tab stop; Tab goes from the page to the link in the box and on', async () => {
    const article = seedArticle();
    article.meta.notes = ['see <a href="/guide">the guide</a>'];
    for (const signals of [false, true]) {
      const page = await fixture<HTMLDivElement>(
        html`<div>
          <button id="before">before</button>
          <anp-meta-box ?signals=${signals} .article=${article}></anp-meta-box>
          <button id="after">after</button>
        </div>`,
      );
      const el = page.querySelector('anp-meta-box')!;
      await el.updateComplete;
      expect(inShadow(el, '[part~="signals"]')).to.have.length(signals ? 1 : 0);
      page.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.textContent, `signals ${signals}`).to.equal('the guide');
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement?.id).to.equal('after');
    }
  });
});
