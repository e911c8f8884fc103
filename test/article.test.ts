import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import { defineElement } from '../src/base/define-element.js';
import { AnpArticle } from '../src/index.js';
import type { AnpChecklist, AnpErrorEvent, AnpMetaBox, AnpScoreBars, AnpSimilarPosts } from '../src/index.js';
import {
  attach,
  attachHtml,
  collectErrors,
  ddFor,
  inShadow,
  nextError,
  postsArticle,
  seedArticle,
  SEED_URL,
  SEED_VALUES,
  shadowText,
  textOf,
  tick,
  watchPage,
} from './helpers.js';
import { inputPathTests } from './shared/input-paths.js';

/** Waits until every anp element in `root` (and the root) has rendered what it has. */
async function settled(root: Element): Promise<void> {
  await tick();
  const elements = [root, ...Array.from(root.querySelectorAll('*'))].filter((node) => node.localName.startsWith('anp-')) as AnpArticle[];
  for (const element of elements) await element.updateComplete;
}

/** The four consumers, every one inside the same provider. */
const CONSUMERS = html`
  <anp-meta-box></anp-meta-box>
  <div><anp-checklist></anp-checklist></div>
  <section><anp-score-bars></anp-score-bars></section>
  <aside>
    <div><anp-similar-posts></anp-similar-posts></div>
  </aside>
`;

function consumersIn(root: ParentNode) {
  return {
    metaBox: root.querySelector('anp-meta-box')!,
    checklist: root.querySelector('anp-checklist')!,
    scoreBars: root.querySelector('anp-score-bars')!,
    similarPosts: root.querySelector('anp-similar-posts')!,
  };
}

const checklistLabels = (el: AnpChecklist) =>
  inShadow<HTMLInputElement>(el, 'li input[type="checkbox"]').map((input) => textOf(input.labels?.[0]));

/** [accessible name, value] of every bar. */
const scoreBars = (el: AnpScoreBars) =>
  inShadow<HTMLMeterElement>(el, 'meter').map((meter) => [
    textOf(el.shadowRoot!.getElementById(meter.getAttribute('aria-labelledby')!)),
    meter.value,
  ]);

const postLinks = (el: AnpSimilarPosts) => inShadow<HTMLAnchorElement>(el, 'li a[href]').map((a) => [textOf(a), a.getAttribute('href')]);

function expectSeedMetaBox(el: AnpMetaBox): void {
  expect(textOf(ddFor(el, 'topic'))).to.equal('tracking data quality signals / python services');
  expect(Array.from(ddFor(el, 'tools')!.querySelectorAll('li')).map(textOf)).to.deep.equal(SEED_VALUES.listItems.tools);
  expect(textOf(ddFor(el, 'view count'))).to.equal('513,976');
}

function expectSeedChecklist(el: AnpChecklist): void {
  expect(checklistLabels(el)).to.deep.equal(SEED_VALUES.listItems.checklist);
}

function expectSeedScores(el: AnpScoreBars): void {
  expect(scoreBars(el)).to.deep.equal(Object.entries(SEED_VALUES.scores));
}

/** The seed has `similar_posts: []`: a visible empty state. */
function expectEmptySimilarPosts(el: AnpSimilarPosts): void {
  const empty = inShadow(el, '[part~="empty"]');
  expect(empty).to.have.length(1);
  expect(textOf(empty[0])).to.not.equal('');
  expect(empty[0].getBoundingClientRect().height).to.be.greaterThan(0);
  expect(inShadow(el, 'li')).to.have.length(0);
}

function expectSeedEverywhere(root: ParentNode): void {
  const { metaBox, checklist, scoreBars: bars, similarPosts } = consumersIn(root);
  expectSeedMetaBox(metaBox);
  expectSeedChecklist(checklist);
  expectSeedScores(bars);
  expectEmptySimilarPosts(similarPosts);
}

async function seedProvider(): Promise<AnpArticle> {
  const provider = await fixture<AnpArticle>(html`<anp-article .article=${seedArticle()}>${CONSUMERS}</anp-article>`);
  await settled(provider);
  return provider;
}

describe('<anp-article>', () => {
  it('passes axe with the seed and four consumers', async () => {
    const provider = await seedProvider();
    expectSeedEverywhere(provider);
    await expect(provider).to.be.accessible();
  });

  it('renders nothing of its own and reports nothing without data; its consumers render nothing', async () => {
    const errors = collectErrors(document);
    const provider = await fixture<AnpArticle>(html`<anp-article>${CONSUMERS}</anp-article>`);
    await settled(provider);
    expect(shadowText(provider)).to.equal('');
    for (const consumer of Object.values(consumersIn(provider))) expect(shadowText(consumer), consumer.localName).to.equal('');
    expect(provider.errors).to.deep.equal([]);
    expect(errors).to.have.length(0);
  });

  it('renders its children, visible, through its slot', async () => {
    const provider = await fixture<AnpArticle>(
      html`<anp-article .article=${seedArticle()}
        ><h1>The article title</h1>
        <p>Some body text.</p>
        <anp-checklist></anp-checklist
      ></anp-article>`,
    );
    await settled(provider);
    const slot = inShadow<HTMLSlotElement>(provider, 'slot')[0];
    expect(slot).to.exist;
    for (const child of Array.from(provider.children) as HTMLElement[]) {
      expect(child.assignedSlot, child.localName).to.equal(slot);
      expect(child.getBoundingClientRect().height, `${child.localName} is visible`).to.be.greaterThan(0);
    }
    expect(textOf(provider.querySelector('h1'))).to.equal('The article title');
    expect(provider.getBoundingClientRect().height).to.be.greaterThan(0);
    expectSeedChecklist(provider.querySelector('anp-checklist')!);
  });

  it('provides the seed to several different elements at once', async () => {
    const errors = collectErrors(document);
    const provider = await seedProvider();
    expectSeedEverywhere(provider);
    for (const consumer of Object.values(consumersIn(provider))) expect(consumer.dataSource, consumer.localName).to.equal('context');
    expect(errors).to.have.length(0);
  });

  describe('its own input paths', () => {
    inputPathTests<AnpArticle>({
      tag: 'anp-article',
      inner: `<anp-meta-box></anp-meta-box><div><anp-checklist></anp-checklist></div>
        <section><anp-score-bars></anp-score-bars></section><aside><div><anp-similar-posts></anp-similar-posts></div></aside>`,
      expectShown: expectSeedEverywhere,
      context: false,
      probe: {
        article: (label) => ({ meta: { checklist: [label] } }),
        shown: (el) => checklistLabels(el.querySelector('anp-checklist')!).join(' | '),
      },
    });

    it("a script child inside a consumer is that consumer's own, not the provider's", async () => {
      const host = attachHtml(
        `<anp-article><anp-checklist><script type="application/json">{"meta":{"checklist":["mine"]}}</script></anp-checklist><anp-score-bars></anp-score-bars></anp-article>`,
      );
      const provider = host.querySelector('anp-article')!;
      provider.article = seedArticle();
      await settled(provider);
      expect(checklistLabels(provider.querySelector('anp-checklist')!)).to.deep.equal(['mine']);
      expectSeedScores(provider.querySelector('anp-score-bars')!);
      expect(provider.dataSource).to.equal('article');
    });
  });

  it('a change of the article updates every consumer', async () => {
    const provider = await seedProvider();
    provider.article = postsArticle();
    await settled(provider);
    const { metaBox, checklist, scoreBars: bars, similarPosts } = consumersIn(provider);
    expect(textOf(ddFor(metaBox, 'topic'))).to.equal('p99 latency / go services');
    expect(ddFor(metaBox, 'tools'), 'old fields gone').to.equal(undefined);
    expect(checklistLabels(checklist)).to.deep.equal(['profile before changing anything', 'set a latency budget']);
    expect(scoreBars(bars)).to.deep.equal([
      ['accuracy', 91],
      ['depth', 42],
    ]);
    expect(postLinks(similarPosts).map(([title]) => title)).to.deep.equal([
      'tracking data quality signals before a major migration',
      'connection pools under load: what the graphs do not show',
      'a short field guide to flame graphs',
    ]);
    expect(inShadow(similarPosts, '[part~="empty"]')).to.have.length(0);

    provider.article = undefined;
    await settled(provider);
    for (const consumer of Object.values(consumersIn(provider))) expect(shadowText(consumer), `${consumer.localName} emptied`).to.equal('');
  });

  it('a consumer with data of its own ignores the context', async () => {
    const provider = await fixture<AnpArticle>(
      html`<anp-article .article=${seedArticle()}>
        <anp-checklist .items=${['own item']}></anp-checklist>
        <anp-score-bars .article=${{ meta: { score: { own: 12 } } }}></anp-score-bars>
        <anp-meta-box article=${JSON.stringify({ meta: { topic: 'own topic' } })}></anp-meta-box>
        <anp-similar-posts .posts=${[{ title: 'own post', url: 'https://example.com/own' }]}></anp-similar-posts>
        <anp-checklist id="plain"></anp-checklist>
      </anp-article>`,
    );
    await settled(provider);
    const { metaBox, checklist, scoreBars: bars, similarPosts } = consumersIn(provider);
    expect(checklistLabels(checklist)).to.deep.equal(['own item']);
    expect(scoreBars(bars)).to.deep.equal([['own', 12]]);
    expect(textOf(ddFor(metaBox, 'topic'))).to.equal('own topic');
    expect(ddFor(metaBox, 'tools')).to.equal(undefined);
    expect(postLinks(similarPosts)).to.deep.equal([['own post', 'https://example.com/own']]);
    expectSeedChecklist(provider.querySelector<AnpChecklist>('#plain')!);

    provider.article = postsArticle();
    await settled(provider);
    expect(checklistLabels(checklist), 'still its own after the provider changed').to.deep.equal(['own item']);
    expect(checklistLabels(provider.querySelector<AnpChecklist>('#plain')!)).to.deep.equal([
      'profile before changing anything',
      'set a latency budget',
    ]);
  });

  it('nested providers: the inner one wins for its descendants', async () => {
    const outer = await fixture<AnpArticle>(
      html`<anp-article .article=${seedArticle()}>
        <anp-checklist id="outer-list"></anp-checklist>
        <div>
          <anp-article id="inner" .article=${postsArticle()}>
            <anp-checklist id="inner-list"></anp-checklist>
            <section><anp-similar-posts></anp-similar-posts></section>
          </anp-article>
        </div>
        <anp-score-bars></anp-score-bars>
      </anp-article>`,
    );
    await settled(outer);
    expectSeedChecklist(outer.querySelector<AnpChecklist>('#outer-list')!);
    expectSeedScores(outer.querySelector('anp-score-bars')!);
    expect(checklistLabels(outer.querySelector<AnpChecklist>('#inner-list')!)).to.deep.equal([
      'profile before changing anything',
      'set a latency budget',
    ]);
    expect(postLinks(outer.querySelector('anp-similar-posts')!)).to.have.length(3);

    // A change of the outer article does not leak past the inner provider.
    outer.article = { meta: { checklist: ['outer only'] } };
    await settled(outer);
    expect(checklistLabels(outer.querySelector<AnpChecklist>('#outer-list')!)).to.deep.equal(['outer only']);
    expect(checklistLabels(outer.querySelector<AnpChecklist>('#inner-list')!)).to.deep.equal([
      'profile before changing anything',
      'set a latency budget',
    ]);
  });

  it("a consumer moved into another provider shows that provider's article", async () => {
    const first = attach(document.createElement('anp-article'));
    first.article = seedArticle();
    const second = attach(document.createElement('anp-article'));
    second.article = postsArticle();
    const checklist = document.createElement('anp-checklist');
    first.append(checklist);
    await settled(first);
    expectSeedChecklist(checklist);
    second.append(checklist);
    await settled(second);
    expect(checklistLabels(checklist)).to.deep.equal(['profile before changing anything', 'set a latency budget']);
  });

  it('a consumer moved out of every provider no longer shows its article', async () => {
    const provider = await seedProvider();
    const { checklist } = consumersIn(provider);
    expectSeedChecklist(checklist);
    const outside = attach(document.createElement('div'));
    outside.append(checklist);
    await settled(outside);
    expect(shadowText(checklist)).to.equal('');
  });

  it('consumers created before the provider is on the page still get the article', async () => {
    const wrapper = document.createElement('div');
    const provider = document.createElement('anp-article');
    const checklist = document.createElement('anp-checklist');
    const scores = document.createElement('anp-score-bars');
    const metaBox = document.createElement('anp-meta-box');
    provider.append(checklist);
    const nested = document.createElement('div');
    nested.append(scores, metaBox);
    provider.append(nested);
    provider.article = seedArticle();
    wrapper.append(provider);
    expect(checklist.isConnected).to.equal(false);
    attach(wrapper);
    await settled(wrapper);
    expectSeedChecklist(checklist);
    expectSeedScores(scores);
    expectSeedMetaBox(metaBox);
  });

  it('consumers that upgraded before their provider was defined get the article once it is', async () => {
    // A page that registers the elements in another order than define.js does
    // (or lazily, per tag found): the consumers ask for the article before
    // any provider is there to answer.
    const tag = 'anp-article-late-defined';
    const host = attachHtml(
      `<${tag} article='${JSON.stringify(seedArticle()).replace(/'/g, '&#39;')}'><anp-checklist></anp-checklist><div><anp-score-bars></anp-score-bars></div></${tag}>`,
    );
    const checklist = host.querySelector('anp-checklist')!;
    const scores = host.querySelector('anp-score-bars')!;
    await settled(host);
    expect(shadowText(checklist), 'nothing before the provider exists').to.equal('');
    customElements.define(tag, class extends AnpArticle {});
    await settled(host);
    expectSeedChecklist(checklist);
    expectSeedScores(scores);
  });

  describe('bad input', () => {
    it('invalid JSON: the provider dispatches anp-error once, consumers show their empty state and report nothing', async () => {
      const page = watchPage();
      const errors = collectErrors(document);
      const host = attach(document.createElement('div'));
      let thrown: unknown;
      let event: AnpErrorEvent;
      try {
        const provider = document.createElement('anp-article');
        const error = nextError(provider);
        provider.setAttribute('article', '{"meta": {"checklist": [');
        provider.innerHTML = '<anp-checklist></anp-checklist><anp-score-bars></anp-score-bars>';
        try {
          host.append(provider);
        } catch (caught) {
          thrown = caught;
        }
        event = await error;
        await settled(host);
      } finally {
        page.stop();
      }
      expect(thrown).to.equal(undefined);
      expect(page.errors).to.deep.equal([]);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.target).to.equal(host.querySelector('anp-article'));
      expect(event.detail.errors[0].path).to.equal('');
      expect(event.detail.errors[0].message).to.match(/^attribute: invalid JSON/);
      expect(errors, "one anp-error on the page: the provider's").to.have.length(1);
      // Nothing valid to provide: each consumer shows its empty state (SPEC section 2).
      expect(shadowText(host.querySelector('anp-checklist')!)).to.equal('checklist Nothing to show.');
      expect(inShadow(host.querySelector('anp-score-bars')!, 'meter')).to.have.length(0);
    });

    it('wrong types: the provider reports the paths once, consumers render the valid rest', async () => {
      const errors = collectErrors(document);
      const provider = document.createElement('anp-article');
      const error = nextError(provider);
      provider.article = {
        meta: { score: { a: 'x', b: 150, c: 50 }, checklist: ['ok', 3] },
        similar_posts: [{ title: 'bait', url: 'javascript:alert(1)' }],
      };
      provider.innerHTML = '<anp-checklist></anp-checklist><anp-score-bars></anp-score-bars><anp-similar-posts></anp-similar-posts>';
      attach(provider);
      const event = await error;
      await settled(provider);
      expect(event.detail.errors.map((e) => e.path)).to.deep.equal([
        '/meta/score/a',
        '/meta/score/b',
        '/meta/checklist/1',
        '/similar_posts/0/url',
      ]);
      expect(errors).to.have.length(1);
      expect(checklistLabels(provider.querySelector('anp-checklist')!)).to.deep.equal(['ok']);
      expect(scoreBars(provider.querySelector('anp-score-bars')!)).to.deep.equal([['c', 50]]);
      const similarPosts = provider.querySelector('anp-similar-posts')!;
      expect(inShadow(similarPosts, 'a')).to.have.length(0);
      expect(textOf(inShadow(similarPosts, '[part~="title"]')[0])).to.equal('bait');
    });

    it('a src that fails (404) gives anp-error from the provider', async () => {
      const provider = document.createElement('anp-article');
      const error = nextError(provider);
      provider.src = new URL('./does-not-exist.json', SEED_URL).href;
      provider.innerHTML = '<anp-checklist></anp-checklist>';
      attach(provider);
      expect((await error).detail.errors[0].message).to.match(/src: fetch failed: HTTP 404/);
      await settled(provider);
      expect(shadowText(provider.querySelector('anp-checklist')!)).to.equal('checklist Nothing to show.');
    });

    it('__proto__ keys are dropped before anything is provided; Object.prototype is untouched', async () => {
      const provider = document.createElement('anp-article');
      const error = nextError(provider);
      provider.setAttribute('article', '{"__proto__":{"polluted":"yes"},"meta":{"checklist":["kept"]}}');
      provider.innerHTML = '<anp-checklist></anp-checklist>';
      attach(provider);
      expect((await error).detail.errors.map((e) => e.path)).to.deep.equal(['/__proto__']);
      await settled(provider);
      expect(checklistLabels(provider.querySelector('anp-checklist')!)).to.deep.equal(['kept']);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    });
  });

  describe('registration', () => {
    it('registering <anp-article> again with another class does not throw, warns once and keeps the first', async () => {
      const first = customElements.get('anp-article');
      expect(first).to.equal(AnpArticle);
      const warnings: unknown[][] = [];
      const originalWarn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        expect(() => defineElement('anp-article', class SecondCopy extends AnpArticle {})).not.to.throw();
        expect(warnings, 'one warning').to.have.length(1);
        expect(String(warnings[0][0])).to.include('<anp-article>');
        // The same class again (the same script imported twice) is a silent no-op.
        expect(() => defineElement('anp-article', AnpArticle)).not.to.throw();
        expect(warnings, 'no warning for the same class').to.have.length(1);
        await import('../src/define.js');
        expect(warnings, 'importing define again is silent').to.have.length(1);
      } finally {
        console.warn = originalWarn;
      }
      expect(customElements.get('anp-article')).to.equal(first);
      const provider = await seedProvider();
      expectSeedEverywhere(provider);
    });
  });
});

describe('<anp-article>: composition without repeats (SPEC section 2)', () => {
  const rowKeys = (box: Element) =>
    inShadow(box, '[part~="field"]')
      .map((row) =>
        (row.getAttribute('part') ?? '')
          .split(' ')
          .find((part) => part.startsWith('field-'))
          ?.slice(6),
      )
      .filter(Boolean);

  it('an element outside any provider asks once (the article), one inside asks for the composition too', async () => {
    const asked: unknown[] = [];
    let from: EventTarget | undefined;
    const count = (event: Event) => {
      if (!from || event.composedPath()[0] === from) asked.push((event as Event & { context: unknown }).context);
    };
    document.addEventListener('context-request', count);
    try {
      const alone = await fixture<AnpMetaBox>(html`<anp-meta-box .article=${seedArticle()}></anp-meta-box>`);
      expect(asked, 'outside a provider').to.have.length(1);
      alone.remove();
      asked.length = 0;
      // Inside one, the box's requests stop at the provider: counted there, from the box only.
      const provider = document.createElement('anp-article') as AnpArticle;
      provider.article = seedArticle();
      provider.addEventListener('context-request', count);
      const box = document.createElement('anp-meta-box');
      from = box;
      provider.append(box);
      document.body.append(provider);
      await provider.updateComplete;
      expect(new Set(asked).size, 'inside a provider: the article and the composition').to.equal(2);
      provider.remove();
    } finally {
      document.removeEventListener('context-request', count);
    }
  });

  it('the meta box leaves out scores and checklist that sibling elements show, from its first render', async () => {
    const provider = await seedProvider();
    const { metaBox } = consumersIn(provider);
    expect(rowKeys(metaBox)).to.include.members(['topic', 'view_count', 'flags', 'payload']);
    expect(rowKeys(metaBox)).not.to.include.members(['score']);
    expect(rowKeys(metaBox)).not.to.include('checklist');
    await expect(provider).to.be.accessible();
  });

  it('follows siblings removed and added later', async () => {
    const provider = await seedProvider();
    const { metaBox, scoreBars, checklist } = consumersIn(provider);
    scoreBars.remove();
    checklist.remove();
    await settled(provider);
    expect(rowKeys(metaBox)).to.include.members(['score', 'checklist']);
    provider.append(document.createElement('anp-checklist'));
    await settled(provider);
    expect(rowKeys(metaBox)).to.include('score');
    expect(rowKeys(metaBox)).not.to.include('checklist');
  });

  it('an explicit exclude (even "") or fields wins', async () => {
    const provider = await seedProvider();
    const { metaBox } = consumersIn(provider);
    metaBox.setAttribute('exclude', '');
    await settled(provider);
    expect(rowKeys(metaBox)).to.include.members(['score', 'checklist']);
    metaBox.setAttribute('exclude', 'topic');
    await settled(provider);
    expect(rowKeys(metaBox)).to.include.members(['score', 'checklist']);
    expect(rowKeys(metaBox)).not.to.include('topic');
    metaBox.removeAttribute('exclude');
    metaBox.setAttribute('fields', 'score, topic');
    await settled(provider);
    expect(rowKeys(metaBox)).to.deep.equal(['score', 'topic']);
  });

  it('a sibling with data of its own does not take the part away', async () => {
    const provider = await seedProvider();
    const { metaBox, scoreBars } = consumersIn(provider);
    (scoreBars as AnpScoreBars).scores = { other: 10 };
    await settled(provider);
    expect(rowKeys(metaBox)).to.include('score');
    expect(rowKeys(metaBox)).not.to.include('checklist');
  });

  it('a meta box whose every field a sibling shows renders nothing, not an empty state', async () => {
    const provider = await fixture<AnpArticle>(
      html`<anp-article .article=${{ meta: { score: { quality: 78 } } }}
        ><anp-meta-box></anp-meta-box><anp-score-bars></anp-score-bars
      ></anp-article>`,
    );
    await settled(provider);
    const { metaBox } = consumersIn(provider);
    expect(shadowText(metaBox)).to.equal('');
    provider.querySelector('anp-score-bars')!.remove();
    await settled(provider);
    expect(rowKeys(metaBox)).to.deep.equal(['score']);
  });
});

describe('empty states (SPEC section 2)', () => {
  for (const tag of ['anp-meta-box', 'anp-checklist', 'anp-score-bars', 'anp-similar-posts'] as const) {
    for (const [what, give] of [
      ['only invalid JSON', (el: HTMLElement) => el.setAttribute('article', '{"meta": {')],
      [
        'an article with nothing valid',
        (el: HTMLElement) => ((el as AnpArticle).article = { meta: { topic: 5, checklist: 'x', score: 7 } }),
      ],
    ] as const) {
      it(`${tag} given ${what}: a visible, localized part="empty", axe clean`, async () => {
        const el = attach(document.createElement(tag));
        el.setAttribute('lang', 'de');
        give(el);
        await settled(el);
        const empty = inShadow(el, '[part~="empty"]');
        expect(empty).to.have.length(1);
        const box = empty[0].getBoundingClientRect();
        expect(box.width > 0 && box.height > 0, 'visible').to.equal(true);
        expect(textOf(empty[0])).to.equal(tag === 'anp-similar-posts' ? 'Noch keine ähnlichen Beiträge.' : 'Nichts anzuzeigen.');
        await expect(el).to.be.accessible();
      });
    }
  }
});
