/**
 * The input paths every anp element shares, as one parameterized suite (the
 * shape of Shoelace's form-control-base-tests): its own data property (when it
 * has one), the `article` property as an object and as JSON text, the `article`
 * attribute, `src`, a `<script type="application/json">` child present at
 * upgrade or appended later, the nearest `<anp-article>`, and the order in
 * which they win. Each element suite calls it inside its `describe('input paths')`
 * with what a reader should see; element-specific paths stay in that suite.
 */
import { expect } from '@open-wc/testing';
import type { AnpArticle } from '../../src/index.js';
import { attach, attachHtml, jsonScript, seedArticle, seedJson, SEED_URL, shadowText, tick } from '../helpers.js';

/** What the suite needs of an element: the base's inputs. */
export type InputElement = HTMLElement & {
  article?: unknown;
  readonly dataSource: string;
  readonly updateComplete: Promise<boolean>;
};

export interface InputPathOptions<E extends InputElement> {
  tag: string;
  /** Asserts that `el` shows the article the paths carry, as a reader meets it. */
  expectShown(el: E): void;
  /** The article the paths carry (default: the seed), as an object, as JSON text, and its URL for `src`. */
  article?: { object(): unknown; json(): string; url: string };
  /** Markup inside the element (for `<anp-article>`: the consumers that show its article). */
  inner?: string;
  /** The element's own data property (`items`, `scores`, `posts`), and its value for the article carried. */
  own?: { property: string; value(): unknown; probe(label: string): unknown };
  /**
   * For the precedence test: an article whose only content is `label`, and the
   * label `el` shows (one word: 'own', 'property', 'attribute', 'script', 'context').
   */
  probe: { article(label: string): unknown; shown(el: E): string };
  /** Whether the element takes the nearest `<anp-article>`'s article (default true). */
  context?: boolean;
}

/** Waits until `el` and every anp element inside it rendered what it has (a tick first, for slot changes and fetches). */
async function settle(el: Element): Promise<void> {
  await tick();
  const elements = [el, ...Array.from(el.querySelectorAll('*'))].filter((node) => node.localName.startsWith('anp-'));
  for (const element of elements) await (element as InputElement).updateComplete;
}

export function inputPathTests<E extends InputElement>(options: InputPathOptions<E>): void {
  const { tag, expectShown, own, probe, inner = '', context = true } = options;
  const article = options.article ?? { object: seedArticle, json: seedJson, url: SEED_URL };

  /** The element, set up before it is on the page (as a template binding does), then attached and settled. */
  async function mount(setup: (el: E) => void): Promise<E> {
    const el = document.createElement(tag) as E;
    el.innerHTML = inner;
    setup(el);
    attach(el);
    await settle(el);
    return el;
  }

  if (own) {
    it(`${own.property} property`, async () => {
      const el = await mount((node) => Object.assign(node, { [own.property]: own.value() }));
      expectShown(el);
    });
  }

  it('article property (object)', async () => {
    const el = await mount((node) => (node.article = article.object()));
    expectShown(el);
    expect(el.dataSource).to.equal('article');
  });

  it('article property (JSON string)', async () => {
    const el = await mount((node) => (node.article = article.json()));
    expectShown(el);
    expect(el.dataSource).to.equal('article');
  });

  it('article attribute', async () => {
    const el = await mount((node) => node.setAttribute('article', article.json()));
    expectShown(el);
    expect(el.dataSource).to.equal('attribute');
  });

  it('src attribute', async () => {
    const el = await mount((node) => node.setAttribute('src', article.url));
    expectShown(el);
    expect(el.dataSource).to.equal('src');
  });

  it('child <script type="application/json"> present at upgrade', async () => {
    const host = attachHtml(`<${tag}><script type="application/json">${article.json()}</script>${inner}</${tag}>`);
    const el = host.querySelector(tag) as E;
    await settle(el);
    expectShown(el);
    expect(el.dataSource).to.equal('script');
  });

  it('a script child appended after the element upgraded (as the HTML parser does)', async () => {
    const el = await mount(() => {});
    expect(shadowText(el)).to.equal('');
    el.append(jsonScript(article.json()));
    await settle(el);
    expectShown(el);
    expect(el.dataSource).to.equal('script');
  });

  if (context) {
    it('the nearest <anp-article>', async () => {
      const provider = document.createElement('anp-article') as AnpArticle;
      provider.article = article.object() as AnpArticle['article'];
      provider.innerHTML = `<div><${tag}></${tag}></div>`;
      attach(provider);
      const el = provider.querySelector(tag) as E;
      await settle(provider);
      expectShown(el);
      expect(el.dataSource).to.equal('context');
    });
  }

  const order = [own?.property, 'article property', 'attribute', 'src', 'script', context ? 'context' : undefined].filter(Boolean);
  it(`takes the first input in SPEC order: ${order.join(' > ')}`, async () => {
    const json = (label: string) => JSON.stringify(probe.article(label));
    const el = document.createElement(tag) as E;
    el.innerHTML = inner;
    if (own) Object.assign(el, { [own.property]: own.probe('own') });
    el.article = probe.article('property');
    el.setAttribute('article', json('attribute'));
    el.setAttribute('src', article.url);
    el.append(jsonScript(json('script')));
    let root: Element = el;
    if (context) {
      const provider = document.createElement('anp-article') as AnpArticle;
      provider.article = probe.article('context') as AnpArticle['article'];
      provider.append(el);
      root = provider;
    }
    attach(root);
    await settle(root);
    if (own) {
      expect(probe.shown(el)).to.equal('own');
      Object.assign(el, { [own.property]: undefined });
      await settle(el);
    }
    expect(probe.shown(el)).to.equal('property');
    el.article = undefined;
    await settle(el);
    expect(probe.shown(el)).to.equal('attribute');
    expect(el.dataSource).to.equal('attribute');
    el.removeAttribute('article');
    await settle(el);
    expectShown(el);
    expect(el.dataSource).to.equal('src');
    el.removeAttribute('src');
    await settle(el);
    expect(probe.shown(el)).to.equal('script');
    expect(el.dataSource).to.equal('script');
    el.querySelector(':scope > script')!.remove();
    await settle(el);
    if (context) {
      expect(probe.shown(el)).to.equal('context');
      expect(el.dataSource).to.equal('context');
    } else {
      expect(probe.shown(el)).to.equal('');
    }
  });
}
