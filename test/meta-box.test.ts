import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import type { AnpMetaBox } from '../src/index.js';
import {
  collectErrors,
  ddFor,
  expectSeedFlagsEntitiesPayload,
  expectSeedReadingTimeAndViews,
  inShadow,
  nextError,
  seedArticle,
  seedJson,
  SEED_VALUES,
  shadowText,
  shadowTexts,
  textOf,
  withoutComments,
} from './helpers.js';
import { inputPathTests } from './shared/input-paths.js';

async function seedBox(): Promise<AnpMetaBox> {
  const el = await fixture<AnpMetaBox>(html`<anp-meta-box .article=${seedArticle()}></anp-meta-box>`);
  await el.updateComplete;
  return el;
}

/** Every seed value, in the structure SPEC section 3 gives. */
function expectSeedRendered(el: AnpMetaBox): void {
  const text = shadowText(el);
  for (const value of SEED_VALUES.text) expect(text, value).to.include(value);
  expect(ddFor(el, 'topic')!.textContent!.trim()).to.equal('tracking data quality signals / python services');
  expect(textOf(ddFor(el, 'code language'))).to.equal('python');
  expect(textOf(ddFor(el, 'difficulty'))).to.equal('advanced');

  // Lists: each item its own li, under the field's own dd.
  for (const [label, items] of Object.entries(SEED_VALUES.listItems)) {
    const dd = ddFor(el, label);
    expect(dd, label).to.exist;
    const lis = Array.from(dd!.querySelectorAll(':scope > ul > li')).map(textOf);
    expect(lis, label).to.deep.equal(items);
  }
  // reference and hash as <code>
  expect(shadowTexts(el, 'dd > code')).to.include.members(SEED_VALUES.code);
  // reading time as a duration, view count localized
  expectSeedReadingTimeAndViews(el);
  // scores: meters with min, max, value and an accessible name
  const scoreDd = ddFor(el, 'score')!;
  for (const [name, value] of Object.entries(SEED_VALUES.scores)) {
    const dd = ddFor(el, name, scoreDd)!;
    const meter = dd.querySelector('meter')!;
    expect(meter.min, name).to.equal(0);
    expect(meter.max).to.equal(100);
    expect(meter.value).to.equal(value);
    const labelId = meter.getAttribute('aria-labelledby')!;
    expect(textOf(el.shadowRoot!.getElementById(labelId))).to.equal(name);
    expect(textOf(dd.querySelector('[part~="score"]'))).to.equal(String(value));
  }
  // revision: nested dl, date as <time datetime>
  const revision = ddFor(el, 'revision')!;
  for (const [name, value] of Object.entries(SEED_VALUES.revision)) expect(textOf(ddFor(el, name, revision))).to.equal(value);
  const reviewed = ddFor(el, 'last reviewed', revision)!.querySelector('time')!;
  expect(reviewed.getAttribute('datetime')).to.equal(SEED_VALUES.lastReviewed);
  expect(textOf(reviewed)).to.equal('Oct 10, 2021');
  // flags as yes/no badges, entities one li each (name and type apart), payload a nested dl
  expectSeedFlagsEntitiesPayload(el);
  // outline: its own section, key → value
  const outline = inShadow(el, 'section[part~="outline"]');
  expect(outline).to.have.length(1);
  for (const [name, value] of Object.entries(SEED_VALUES.outline)) expect(textOf(ddFor(el, name, outline[0]))).to.equal(value);
  expect(ddFor(el, 'AI outline'), 'outline is not a dl row').to.equal(undefined);
}

describe('<anp-meta-box>', () => {
  it('passes axe with the seed', async () => {
    const el = await seedBox();
    await expect(el).to.be.accessible();
  });

  it('renders nothing and reports nothing without data', async () => {
    const el = await fixture<AnpMetaBox>(html`<anp-meta-box></anp-meta-box>`);
    expect(shadowText(el)).to.equal('');
    expect(el.errors).to.have.length(0);
  });

  it('renders every seed value, structured, with no anp-error', async () => {
    const errors = collectErrors(document);
    const el = await seedBox();
    expectSeedRendered(el);
    expect(el.errors).to.deep.equal([]);
    expect(errors).to.have.length(0);
  });

  it('never runs labels into values: every field is its own dt/dd pair', async () => {
    const el = await seedBox();
    const pairs = inShadow(el, '[part~="list"] > [part~="field"]');
    expect(pairs.length).to.equal(Object.keys(seedArticle().meta).length - 1); // all but ai_outline
    for (const pair of pairs) {
      expect(pair.querySelectorAll(':scope > dt')).to.have.length(1);
      expect(pair.querySelectorAll(':scope > dd')).to.have.length(1);
    }
    expect(shadowText(el)).not.to.include('[object Object]');
  });

  describe('input paths', () => {
    inputPathTests<AnpMetaBox>({
      tag: 'anp-meta-box',
      expectShown: expectSeedRendered,
      probe: { article: (topic) => ({ meta: { topic } }), shown: (el) => textOf(ddFor(el, 'topic')) },
    });

    it('takes meta sent alone (no meta key) as the meta', async () => {
      const el = await fixture<AnpMetaBox>(html`<anp-meta-box .article=${seedArticle().meta}></anp-meta-box>`);
      expectSeedRendered(el);
    });
  });

  it('attribute and property render the same', async () => {
    const byAttribute = await fixture<AnpMetaBox>(html`<anp-meta-box article=${seedJson()}></anp-meta-box>`);
    const byProperty = await fixture<AnpMetaBox>(html`<anp-meta-box .article=${seedArticle()}></anp-meta-box>`);
    expect(withoutComments(byAttribute.shadowRoot!)).to.equal(withoutComments(byProperty.shadowRoot!));
  });

  it('new data replaces old', async () => {
    const el = await seedBox();
    el.article = { meta: { topic: 'another topic', tools: ['vim'] } };
    await el.updateComplete;
    expect(textOf(ddFor(el, 'topic'))).to.equal('another topic');
    expect(shadowTexts(el, 'li')).to.deep.equal(['vim']);
    expect(shadowText(el)).not.to.include('fastapi');
    expect(inShadow(el, '[part~="outline"]')).to.have.length(0);
  });

  it('accepts key aliases: viewCount, view-count and "view count" are view_count', async () => {
    for (const key of ['viewCount', 'view-count', 'view count', 'view_count']) {
      const el = await fixture<AnpMetaBox>(html`<anp-meta-box .article=${{ meta: { [key]: 1234 } }}></anp-meta-box>`);
      expect(textOf(ddFor(el, 'view count')), key).to.equal('1,234');
    }
  });

  it('shows only `fields`, in their order, and hides `exclude`', async () => {
    const el = await fixture<AnpMetaBox>(
      html`<anp-meta-box fields="difficulty, topic, viewCount" .article=${seedArticle()}></anp-meta-box>`,
    );
    expect(shadowTexts(el, '[part~="list"] > [part~="field"] > dt')).to.deep.equal(['difficulty', 'topic', 'view count']);
    el.removeAttribute('fields');
    el.setAttribute('exclude', 'ai_outline,score,payload');
    await el.updateComplete;
    const labels = shadowTexts(el, '[part~="list"] > [part~="field"] > dt');
    expect(labels).to.include('topic');
    expect(labels).not.to.include('score');
    expect(labels).not.to.include('payload');
    expect(inShadow(el, '[part~="outline"]')).to.have.length(0);
  });

  it('localizes numbers and dates by the nearest lang', async () => {
    const wrapper = await fixture(html`<div lang="de"><anp-meta-box .article=${seedArticle()}></anp-meta-box></div>`);
    const el = wrapper.querySelector('anp-meta-box')!;
    await el.updateComplete;
    // Labels follow the lang too (the de pack); test/l10n.test.ts covers every language.
    expect(textOf(ddFor(el, 'Aufrufe'))).to.equal('513.976');
    expect(textOf(ddFor(el, 'zuletzt geprüft'))).to.equal('10.10.2021');
  });

  it('replaces labels through the labels property', async () => {
    const el = await seedBox();
    el.labels = { view_count: 'Aufrufe', yes: 'ja', metaBox: 'Details' };
    await el.updateComplete;
    expect(textOf(ddFor(el, 'Aufrufe'))).to.equal('513,976');
    expect(shadowTexts(el, '[part~="badge-yes"]')).to.deep.equal(['ja']);
    expect(textOf(inShadow(el, '[part~="heading"]')[0])).to.equal('Details');
  });

  it('renders unknown keys generically: lists, nested lists, never joined', async () => {
    const el = await fixture<AnpMetaBox>(
      html`<anp-meta-box
        .article=${{ meta: { extra_list: ['a', 'b'], extra_object: { inner: { deep: true } }, published: '2024-02-29', none: null } }}
      ></anp-meta-box>`,
    );
    expect(Array.from(ddFor(el, 'extra list')!.querySelectorAll('li')).map(textOf)).to.deep.equal(['a', 'b']);
    const nested = ddFor(el, 'extra object')!;
    expect(textOf(ddFor(el, 'deep', nested)!)).to.equal('yes');
    expect(ddFor(el, 'published')!.querySelector('time')!.getAttribute('datetime')).to.equal('2024-02-29');
    expect(textOf(ddFor(el, 'none'))).to.equal('none');
    expect(shadowText(el)).not.to.include('[object Object]');
  });

  it('uses one shared stylesheet for every instance, no <style> per instance', async () => {
    const a = await seedBox();
    const b = await seedBox();
    expect(a.shadowRoot!.querySelectorAll('style')).to.have.length(0);
    expect(a.shadowRoot!.adoptedStyleSheets.length).to.be.greaterThan(0);
    expect(a.shadowRoot!.adoptedStyleSheets[0]).to.equal(b.shadowRoot!.adoptedStyleSheets[0]);
  });

  it('sets the same data again without rendering anew', async () => {
    const el = await seedBox();
    const dl = inShadow(el, '[part~="list"]')[0];
    const article = el.article;
    el.article = article;
    el.requestUpdate();
    await el.updateComplete;
    expect(inShadow(el, '[part~="list"]')[0]).to.equal(dl);
  });

  describe('a huge meta renders task by task', () => {
    const rows = (el: Element) => inShadow(el, '[part~="list"] > [part~="field"]');
    const hugeMeta = (n: number, value = 'v') =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`key_${String(i).padStart(3, '0')}`, `${value} ${i}`]));
    /** Lets Lit's first update run (a microtask), but not a task. */
    const microtasks = async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
    };

    it('the first task shows the first 25 rows, updateComplete all of them in order', async () => {
      const el = document.createElement('anp-meta-box');
      el.article = { meta: hugeMeta(150) };
      document.body.append(el);
      await microtasks();
      expect(rows(el)).to.have.length(25);
      await el.updateComplete;
      expect(rows(el)).to.have.length(150);
      expect(rows(el).map((row) => textOf(row.querySelector('dd')))).to.deep.equal(Array.from({ length: 150 }, (_, i) => `v ${i}`));
      // A box that shows its rows updates them all at once.
      el.article = { meta: hugeMeta(150, 'w') };
      await microtasks();
      expect(rows(el)).to.have.length(150);
      expect(textOf(rows(el)[149].querySelector('dd'))).to.equal('w 149');
      el.remove();
    });

    it('a box of 25 rows or fewer renders in one update', async () => {
      const el = document.createElement('anp-meta-box');
      el.article = { meta: hugeMeta(25) };
      document.body.append(el);
      await microtasks();
      expect(rows(el)).to.have.length(25);
      el.remove();
    });
  });

  describe('rich fields render the nodes the sanitizer left', () => {
    /** Counts markup parses through a <template> (how Lit and unsafeHTML parse HTML) while `work` runs. */
    async function templateParses(work: () => Promise<void>): Promise<number> {
      const descriptor = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
      let count = 0;
      Object.defineProperty(Element.prototype, 'innerHTML', {
        configurable: true,
        get: descriptor.get,
        set(this: Element, value: string) {
          if (this instanceof HTMLTemplateElement) count++;
          descriptor.set!.call(this, value);
        },
      });
      try {
        await work();
      } finally {
        Object.defineProperty(Element.prototype, 'innerHTML', descriptor);
      }
      return count;
    }

    it('without parsing their HTML a second time', async () => {
      const warm = await seedBox(); // every template of the element is made by now
      warm.remove();
      const unique = `<b>bold ${Math.random()}</b> and <a href="https://example.org/x">a link</a>`;
      const el = document.createElement('anp-meta-box');
      const parses = await templateParses(async () => {
        el.article = { meta: { summary: unique, notes: [unique, '<i>two</i>'] } };
        document.body.append(el);
        await el.updateComplete;
      });
      expect(parses).to.equal(0);
      const summary = ddFor(el, 'summary')!;
      expect(summary.querySelector('b')!.textContent).to.match(/^bold /);
      expect(summary.querySelector('a')!.getAttribute('rel')).to.equal('noopener noreferrer nofollow ugc');
      expect(ddFor(el, 'notes')!.querySelectorAll('li b, li i')).to.have.length(2);
      el.remove();
    });

    it('a changed value replaces the old nodes, text to HTML and back', async () => {
      const el = await fixture<AnpMetaBox>(html`<anp-meta-box .article=${{ meta: { summary: '<b>one</b>' } }}></anp-meta-box>`);
      await el.updateComplete;
      for (const [summary, expected] of [
        ['<i>two</i>', '<i>two</i>'],
        ['plain three', 'plain three'],
        ['<em>four</em> <img src=x onerror=alert(1)>', '<em>four</em> '],
      ] as const) {
        el.article = { meta: { summary } };
        await el.updateComplete;
        expect(withoutComments(ddFor(el, 'summary') as unknown as ShadowRoot).trim(), summary).to.equal(expected.trim());
      }
    });
  });

  describe('equal data set again as a new object (a re-fetch)', () => {
    /** Counts the element's render() calls from now on. */
    function countRenders(el: AnpMetaBox): { count: number } {
      const counter = { count: 0 };
      const render = Object.getPrototypeOf(el).render as () => unknown;
      Object.defineProperty(el, 'render', {
        configurable: true,
        value(this: AnpMetaBox) {
          counter.count++;
          return render.call(this);
        },
      });
      return counter;
    }

    it('is not rendered or reported again', async () => {
      const el = await seedBox();
      const renders = countRenders(el);
      el.article = structuredClone(el.article);
      await el.updateComplete;
      expect(renders.count).to.equal(0);
      expectSeedRendered(el);
      // Negative control: one value changed renders once, and shows it.
      const changed = structuredClone(el.article) as Record<string, any>;
      changed.meta.view_count = 7;
      el.article = changed;
      await el.updateComplete;
      expect(renders.count).to.equal(1);
      expect(textOf(ddFor(el, 'view count'))).to.equal('7');
    });

    it('bad data equal to what is shown reports once; different bad data reports again', async () => {
      const el = document.createElement('anp-meta-box');
      const errors = collectErrors(el);
      el.article = { meta: { view_count: 'many', topic: 'x' } };
      document.body.append(el);
      await el.updateComplete;
      expect(errors).to.have.length(1);
      el.article = { meta: { view_count: 'many', topic: 'x' } };
      await el.updateComplete;
      expect(errors).to.have.length(1);
      el.article = { meta: { view_count: 'lots', topic: 'x' } };
      await el.updateComplete;
      expect(errors).to.have.length(2);
      el.remove();
    });

    it('a change made in place to the shown object, then set as a copy, is rendered', async () => {
      const el = await seedBox();
      const shown = el.article as Record<string, any>;
      shown.meta.view_count = 42; // in place: the element is not told
      el.article = structuredClone(shown);
      await el.updateComplete;
      expect(textOf(ddFor(el, 'view count'))).to.equal('42');
    });

    it('values JSON text cannot tell apart are not taken as equal', async () => {
      const cases: [string, () => unknown, () => unknown][] = [
        ['NaN vs null', () => ({ meta: { view_count: null } }), () => ({ meta: { view_count: Number.NaN } })],
        ['undefined vs missing', () => ({ meta: { topic: 't' } }), () => ({ meta: { topic: 't', difficulty: undefined } })],
        ['a function vs missing', () => ({ meta: { topic: 't' } }), () => ({ meta: { topic: 't', difficulty: () => 'hard' } })],
        ['toJSON', () => ({ meta: { topic: 't' } }), () => ({ meta: { topic: { toJSON: () => 't' } } })],
        ['a Map vs {}', () => ({ meta: { payload: {} } }), () => ({ meta: { payload: new Map([['a', 1]]) } })],
      ];
      for (const [name, first, second] of cases) {
        const el = document.createElement('anp-meta-box');
        el.article = first();
        document.body.append(el);
        await el.updateComplete;
        const renders = countRenders(el);
        el.article = second();
        await el.updateComplete;
        expect(renders.count, name).to.equal(1);
        el.remove();
      }
    });
  });

  describe('leaf values are plain DOM, not nested templates', () => {
    /** Lit's marker comments in a shadow root: one per dynamic child part, and two per item of a mapped list. */
    function markers(root: ShadowRoot): number {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
      let count = 0;
      while (walker.nextNode()) count++;
      return count;
    }

    it('the seed box holds few dynamic parts', async () => {
      const el = await seedBox();
      // With a template per value (a date, a count, each list, badge and score meter) it held 141; with rows built as DOM
      // but a Lit render per rich value, 15. What is left: the parts of the box's own templates and one per block of rows.
      expect(markers(el.shadowRoot!)).to.be.at.most(10);
      expectSeedRendered(el);
    });

    it('an equal value in new objects keeps its nodes; a changed one replaces them', async () => {
      const el = await seedBox();
      const list = ddFor(el, 'stack')!.querySelector('ul')!;
      const flags = ddFor(el, 'flags')!.querySelector('dl')!;
      const changed = structuredClone(el.article) as Record<string, any>;
      changed.meta.view_count = 7; // another field: the element renders again
      el.article = changed;
      await el.updateComplete;
      expect(textOf(ddFor(el, 'view count'))).to.equal('7');
      expect(ddFor(el, 'stack')!.querySelector('ul')).to.equal(list);
      expect(ddFor(el, 'flags')!.querySelector('dl')).to.equal(flags);
      // Negative control: a changed list is new nodes showing the new items, as text.
      const next = structuredClone(changed);
      next.meta.stack = ['<b>one</b>', 'two'];
      el.article = next;
      await el.updateComplete;
      const shown = ddFor(el, 'stack')!.querySelector('ul')!;
      expect(shown).not.to.equal(list);
      expect(Array.from(shown.querySelectorAll('li')).map(textOf)).to.deep.equal(['<b>one</b>', 'two']);
      expect(shown.querySelector('b')).to.equal(null);
      expect(ddFor(el, 'stack')!.querySelectorAll('ul')).to.have.length(1);
    });

    it('a new language makes the words again', async () => {
      const el = await seedBox();
      const before = textOf(ddFor(el, 'flags')!.querySelector('[part~="badge"]'));
      el.labels = { yes: 'ja', no: 'nein' };
      await el.updateComplete;
      const after = textOf(ddFor(el, 'flags')!.querySelector('[part~="badge"]'));
      expect(after).not.to.equal(before);
      expect(['ja', 'nein']).to.include(after);
    });
  });

  describe('bad input', () => {
    it('invalid JSON in the attribute: anp-error, nothing thrown, the empty state', async () => {
      const el = document.createElement('anp-meta-box');
      const error = nextError(el);
      el.setAttribute('article', '{"meta": {');
      document.body.append(el);
      const event = await error;
      expect(event.detail.errors[0].path).to.equal('');
      expect(event.detail.errors[0].message).to.match(/invalid JSON/);
      expect(event.bubbles && event.composed).to.equal(true);
      // Nothing valid: the heading and the empty state, nothing else.
      expect(shadowText(el)).to.equal('article details Nothing to show.');
      expect(inShadow(el, '[part~="empty"]')).to.have.length(1);
      el.remove();
    });

    it('wrong types: reports each path and renders the valid rest', async () => {
      const el = document.createElement('anp-meta-box');
      const error = nextError(el);
      el.article = {
        meta: {
          topic: 42,
          tools: ['ok', 7],
          score: { quality: 'high', depth: 140, clarity: 90 },
          flags: { a: 'maybe', b: 1 },
          difficulty: 'easy',
        },
      };
      document.body.append(el);
      const paths = (await error).detail.errors.map((e) => e.path);
      expect(paths).to.include.members(['/meta/topic', '/meta/tools/1', '/meta/score/quality', '/meta/score/depth', '/meta/flags/a']);
      expect(textOf(ddFor(el, 'difficulty'))).to.equal('easy');
      expect(Array.from(ddFor(el, 'tools')!.querySelectorAll('li')).map(textOf)).to.deep.equal(['ok']);
      expect(inShadow<HTMLMeterElement>(el, 'meter').map((m) => m.value)).to.deep.equal([90]);
      expect(ddFor(el, 'topic')).to.equal(undefined);
      el.remove();
    });

    it('a null, non-empty array or number root is reported at "" (an empty [] is an empty article)', async () => {
      for (const root of [null, [1], 5, 'null', '[1,2]']) {
        const el = document.createElement('anp-meta-box');
        const error = nextError(el);
        el.article = root;
        if (root === null) el.setAttribute('article', 'null');
        document.body.append(el);
        const event = await error;
        expect(event.detail.errors[0].path, String(root)).to.equal('');
        el.remove();
      }
    });

    it('a cycle is reported, not followed', async () => {
      const meta: Record<string, unknown> = { topic: 'loops' };
      meta.payload = { self: meta };
      const el = document.createElement('anp-meta-box');
      const error = nextError(el);
      el.article = { meta };
      document.body.append(el);
      const event = await error;
      expect(event.detail.errors.some((e) => e.path === '/meta/payload/self' && /cycle/.test(e.message))).to.equal(true);
      expect(textOf(ddFor(el, 'topic'))).to.equal('loops');
      el.remove();
    });

    it('__proto__, constructor and prototype keys are dropped and Object.prototype is untouched', async () => {
      const json =
        '{"meta":{"__proto__":{"polluted":"yes"},"payload":{"constructor":{"prototype":{"polluted":"yes"}},"ok":1},"topic":"t"}}';
      const el = document.createElement('anp-meta-box');
      const error = nextError(el);
      el.setAttribute('article', json);
      document.body.append(el);
      const paths = (await error).detail.errors.map((e) => e.path);
      expect(paths).to.include.members(['/meta/__proto__', '/meta/payload/constructor']);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).to.equal(false);
      expect(textOf(ddFor(el, 'ok', ddFor(el, 'payload')))).to.equal('1');
      el.remove();
    });

    it('huge and deep input is capped, reported, and still renders', async () => {
      let deep: unknown = 'bottom';
      for (let i = 0; i < 1000; i++) deep = { d: deep };
      const el = document.createElement('anp-meta-box');
      const error = nextError(el);
      el.article = {
        meta: {
          topic: 'x'.repeat(50_000),
          tools: Array.from({ length: 2000 }, (_, i) => `tool ${i}`),
          payload: deep,
        },
      };
      document.body.append(el);
      const messages = (await error).detail.errors.map((e) => `${e.path} ${e.message}`);
      expect(messages.some((m) => m.startsWith('/meta/topic string too long'))).to.equal(true);
      expect(messages.some((m) => m.startsWith('/meta/tools too many items'))).to.equal(true);
      expect(messages.some((m) => /nested too deep/.test(m))).to.equal(true);
      expect(ddFor(el, 'topic')!.textContent!.length).to.be.lessThan(10_100);
      const items = ddFor(el, 'tools')!.querySelectorAll('li');
      expect(items.length).to.equal(501);
      expect(textOf(items[500])).to.equal('1,500 more');
      el.remove();
    });

    it('non-finite numbers and numbers beyond 2^53 are reported', async () => {
      const el = document.createElement('anp-meta-box');
      const error = nextError(el);
      el.article = { meta: { view_count: Infinity, reading_time: NaN, payload: { big: 2 ** 60 } } };
      document.body.append(el);
      const paths = (await error).detail.errors.map((e) => e.path);
      expect(paths).to.include.members(['/meta/view_count', '/meta/reading_time', '/meta/payload/big']);
      el.remove();
    });

    it('a src that fails (404) gives anp-error', async () => {
      const el = document.createElement('anp-meta-box');
      const error = nextError(el);
      el.src = '/test/fixtures/does-not-exist.json';
      document.body.append(el);
      const event = await error;
      expect(event.detail.errors[0].message).to.match(/src: fetch failed: HTTP 404/);
      el.remove();
    });

    it('a javascript: src is never fetched', async () => {
      const el = document.createElement('anp-meta-box');
      const error = nextError(el);
      el.src = 'javascript:alert(1)';
      document.body.append(el);
      expect((await error).detail.errors[0].message).to.match(/src: URL not used/);
      el.remove();
    });

    it('symbols, functions and Maps are reported, not rendered', async () => {
      const el = document.createElement('anp-meta-box');
      const error = nextError(el);
      el.article = { meta: { payload: { s: Symbol('x'), f: () => 1, m: new Map([[1, 2]]), ok: 'fine' } } };
      document.body.append(el);
      const paths = (await error).detail.errors.map((e) => e.path);
      expect(paths).to.include.members(['/meta/payload/s', '/meta/payload/f', '/meta/payload/m']);
      expect(textOf(ddFor(el, 'ok'))).to.equal('fine');
      el.remove();
    });

    it('markup in text fields stays text; rich fields are sanitized', async () => {
      const el = document.createElement('anp-meta-box');
      const error = nextError(el);
      el.article = {
        meta: {
          topic: '<img src=x onerror=alert(1)>',
          summary:
            'safe <b>bold</b><img src=x onerror="window.__anpRan=1"><a href="javascript:alert(1)">x</a><a href="https://example.com/">ok</a>',
        },
      };
      document.body.append(el);
      await error;
      expect(textOf(ddFor(el, 'topic'))).to.equal('<img src=x onerror=alert(1)>');
      const summary = ddFor(el, 'summary')!;
      expect(summary.querySelector('b')!.textContent).to.equal('bold');
      expect(summary.querySelector('img')).to.equal(null);
      const links = Array.from(summary.querySelectorAll('a'));
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([null, 'https://example.com/']);
      expect(links[1].rel).to.equal('noopener noreferrer nofollow ugc');
      expect((window as unknown as { __anpRan?: number }).__anpRan).to.equal(undefined);
      el.remove();
    });
  });
});

describe('<anp-meta-box> fields with nothing valid left', () => {
  it('drops the row instead of showing a label with an empty value', async () => {
    const el = document.createElement('anp-meta-box');
    const error = nextError(el);
    el.article = {
      meta: { topic: 'kept', score: { quality: 140, depth: 'deep' }, revision: { last_reviewed: 'last tuesday' }, tools: [], flags: {} },
    };
    document.body.append(el);
    const paths = (await error).detail.errors.map((e) => e.path);
    expect(paths).to.include.members(['/meta/score/quality', '/meta/score/depth', '/meta/revision/last_reviewed']);
    expect(shadowTexts(el, '[part~="list"] > [part~="field"] > dt')).to.deep.equal(['topic']);
    el.remove();
  });
});
