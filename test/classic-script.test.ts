/**
 * The built classic script alone, as a CMS theme uses it: one
 * `<script src=".../anp-components.iife.js">` (no type=module) and plain HTML.
 *
 * This file must not import anything from src/ at runtime: the elements it
 * tests are the ones the built script registers, and nothing else. (helpers.ts
 * has a type-only import from src, which is erased.) `npm test` builds dist/
 * first.
 */
import { expect } from '@open-wc/testing';
import {
  attach,
  ddFor,
  expectSeedFlagsEntitiesPayload,
  expectSeedReadingTimeAndViews,
  inShadow,
  POSTS_VALUES,
  postsJson,
  SEED_VALUES,
  seedArticle,
  seedJson,
  shadowText,
  textOf,
  tick,
  watchPage,
} from './helpers.js';

const SCRIPT_URL = '/dist/anp-components.iife.js';
const SEED_PATH = '/test/fixtures/seed-article.json';
const POSTS_PATH = '/test/fixtures/article-with-posts.json';

const TAGS = ['anp-article', 'anp-meta-box', 'anp-checklist', 'anp-score-bars', 'anp-similar-posts'] as const;
const RENDERING_TAGS = ['anp-meta-box', 'anp-checklist', 'anp-score-bars', 'anp-similar-posts'] as const;
type RenderingTag = (typeof RENDERING_TAGS)[number];

/** What the elements look like from outside, without importing their classes. */
interface AnpLike extends HTMLElement {
  article?: unknown;
  readonly updateComplete: Promise<boolean>;
  readonly errors: readonly { path: string; message: string }[];
  readonly dataSource: string;
}

/** Loads the built classic script the way a theme does: a plain `<script src>`, no type=module. */
function loadClassicScript(src = SCRIPT_URL): Promise<HTMLScriptElement> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.addEventListener('load', () => resolve(script), { once: true });
    script.addEventListener('error', () => reject(new Error(`could not load ${src} (run npm run build)`)), { once: true });
    document.head.append(script);
  });
}

/** Every anp-error that reaches the document, from the first moment of this file. */
const anpErrors: { target: EventTarget | null; errors: unknown }[] = [];

/** anp-errors as plain data (chai gets no DOM nodes to print). */
const described = (events: typeof anpErrors) =>
  events.map(({ target, errors }) => ({
    from: target instanceof Element ? target.localName : String(target),
    errors: JSON.parse(JSON.stringify(errors ?? null)),
  }));
document.addEventListener('anp-error', (event) => {
  anpErrors.push({ target: event.composedPath()[0] ?? null, errors: (event as CustomEvent).detail?.errors });
});

/** JSON as a theme escapes it into a double-quoted attribute. */
function attributeEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// ---------------------------------------------------------------------------
// Input paths (SPEC section 2), each written the way a theme or a script would
// ---------------------------------------------------------------------------

type PathName =
  | 'article property (object)'
  | 'article property (JSON string)'
  | 'article attribute'
  | 'src attribute'
  | 'child script'
  | 'nearest anp-article';

interface InputPath {
  name: PathName;
  /** The element's `dataSource` for this path. */
  source: string;
  /** Builds the markup for `tags` inside `container`, returning the elements to check. */
  build(container: HTMLElement, tags: readonly RenderingTag[], json: string, url: string): AnpLike[];
}

const INPUT_PATHS: InputPath[] = [
  {
    name: 'article property (object)',
    source: 'article',
    build(container, tags, json) {
      return tags.map((tag) => {
        const el = document.createElement(tag) as AnpLike;
        el.article = JSON.parse(json);
        container.append(el);
        return el;
      });
    },
  },
  {
    name: 'article property (JSON string)',
    source: 'article',
    build(container, tags, json) {
      return tags.map((tag) => {
        const el = document.createElement(tag) as AnpLike;
        el.article = json;
        container.append(el);
        return el;
      });
    },
  },
  {
    name: 'article attribute',
    source: 'attribute',
    build(container, tags, json) {
      container.innerHTML = tags.map((tag) => `<${tag} article="${attributeEscape(json)}"></${tag}>`).join('\n');
      return tags.map((tag) => container.querySelector(tag) as AnpLike);
    },
  },
  {
    name: 'src attribute',
    source: 'src',
    build(container, tags, _json, url) {
      container.innerHTML = tags.map((tag) => `<${tag} src="${url}"></${tag}>`).join('\n');
      return tags.map((tag) => container.querySelector(tag) as AnpLike);
    },
  },
  {
    name: 'child script',
    source: 'script',
    build(container, tags, json) {
      container.innerHTML = tags.map((tag) => `<${tag}>\n  <script type="application/json">${json}</script>\n</${tag}>`).join('\n');
      return tags.map((tag) => container.querySelector(tag) as AnpLike);
    },
  },
  {
    name: 'nearest anp-article',
    source: 'context',
    build(container, tags, json) {
      container.innerHTML = `<anp-article>
  <script type="application/json">${json}</script>
  <article><h1>a post</h1>${tags.map((tag) => `<aside><${tag}></${tag}></aside>`).join('\n')}</article>
</anp-article>`;
      return tags.map((tag) => container.querySelector(tag) as AnpLike);
    },
  },
];

/** Waits until every element (and any `<anp-article>` around it) has rendered what it has. */
async function settle(container: HTMLElement, elements: AnpLike[]): Promise<void> {
  for (const provider of Array.from(container.querySelectorAll('anp-article')) as AnpLike[]) await provider.updateComplete;
  for (const el of elements) {
    expect(el.updateComplete, `${el.localName} is upgraded`).to.be.an.instanceof(Promise);
    await el.updateComplete;
  }
  await tick();
  for (const el of elements) await el.updateComplete;
}

// ---------------------------------------------------------------------------
// What a reader must see (SPEC section 3), element by element
// ---------------------------------------------------------------------------

function expectVisible(node: Element | null | undefined, what: string): void {
  expect(node, what).to.exist;
  const box = node!.getBoundingClientRect();
  expect(box.width > 0 && box.height > 0, `${what} has a box`).to.equal(true);
  const style = getComputedStyle(node!);
  expect(style.visibility, `${what} visibility`).to.equal('visible');
}

/**
 * `besideSiblings`: the box is inside an `<anp-article>` with score bars and a
 * checklist, so it leaves out the scores and the checklist they show (SPEC section 2).
 */
function expectSeedMetaBox(el: AnpLike, besideSiblings = false): void {
  expectVisible(el, 'anp-meta-box');
  const text = shadowText(el);
  for (const value of SEED_VALUES.text) expect(text, value).to.include(value);
  expect(text).not.to.include('[object Object]');

  // Every field is its own dt/dd pair: all seed keys but the outline, which is its own section.
  const pairs = inShadow(el, '[part~="list"] > [part~="field"]');
  expect(pairs.length).to.equal(Object.keys(seedArticle().meta).length - 1 - (besideSiblings ? 2 : 0));
  if (besideSiblings) {
    expect(inShadow(el, '[part~="field-score"], [part~="field-checklist"]'), 'scores and checklist left to the siblings').to.have.length(0);
    expectSeedFlagsEntitiesPayload(el);
    return;
  }
  for (const pair of pairs) {
    expect(pair.querySelectorAll(':scope > dt'), textOf(pair)).to.have.length(1);
    expect(pair.querySelectorAll(':scope > dd'), textOf(pair)).to.have.length(1);
  }
  expect(textOf(ddFor(el, 'topic'))).to.equal('tracking data quality signals / python services');
  expect(textOf(ddFor(el, 'code language'))).to.equal('python');
  expect(textOf(ddFor(el, 'difficulty'))).to.equal('advanced');

  // Lists: every item its own li.
  for (const [label, items] of Object.entries(SEED_VALUES.listItems)) {
    const dd = ddFor(el, label);
    expect(dd, label).to.exist;
    const lis = Array.from(dd!.querySelectorAll(':scope > ul > li'));
    expect(lis.map(textOf), label).to.deep.equal(items);
    for (const li of lis) expectVisible(li, `${label} item "${textOf(li)}"`);
  }
  expect(inShadow(el, 'dd > code').map(textOf)).to.include.members(SEED_VALUES.code);

  expectSeedReadingTimeAndViews(el);

  // Scores: meters with min, max, value and an accessible name.
  const scoreDd = ddFor(el, 'score')!;
  for (const [name, value] of Object.entries(SEED_VALUES.scores)) {
    const dd = ddFor(el, name, scoreDd)!;
    expect(dd, name).to.exist;
    const meter = dd.querySelector('meter')!;
    expect(meter.min, name).to.equal(0);
    expect(meter.max, name).to.equal(100);
    expect(meter.value, name).to.equal(value);
    expect(textOf(el.shadowRoot!.getElementById(meter.getAttribute('aria-labelledby')!))).to.equal(name);
    expect(textOf(dd.querySelector('[part~="score"]'))).to.equal(String(value));
  }

  // Revision: a nested dl, the date as <time datetime>.
  const revision = ddFor(el, 'revision')!;
  for (const [name, value] of Object.entries(SEED_VALUES.revision)) expect(textOf(ddFor(el, name, revision)), name).to.equal(value);
  const reviewed = ddFor(el, 'last reviewed', revision)!.querySelector('time')!;
  expect(reviewed.getAttribute('datetime')).to.equal(SEED_VALUES.lastReviewed);
  expect(textOf(reviewed)).to.equal('Oct 10, 2021');

  expectSeedFlagsEntitiesPayload(el);

  const outline = inShadow(el, 'section[part~="outline"]');
  expect(outline).to.have.length(1);
  for (const [name, value] of Object.entries(SEED_VALUES.outline)) expect(textOf(ddFor(el, name, outline[0])), name).to.equal(value);
}

function expectSeedChecklist(el: AnpLike): void {
  expectVisible(el, 'anp-checklist');
  const items = SEED_VALUES.listItems.checklist;
  const lis = inShadow(el, '[part~="list"] > li[part~="item"]');
  expect(lis.map(textOf)).to.deep.equal(items);
  for (const [index, li] of lis.entries()) {
    const inputs = li.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
    expect(inputs, items[index]).to.have.length(1);
    expect(inputs[0].labels, items[index]).to.have.length(1);
    expect(textOf(inputs[0].labels![0])).to.equal(items[index]);
    expect(inputs[0].checked).to.equal(false);
    expectVisible(inputs[0], `checkbox "${items[index]}"`);
  }
  expect(textOf(inShadow(el, '[part~="progress"]')[0])).to.equal(`0 of ${items.length} done`);
}

function expectSeedScoreBars(el: AnpLike): void {
  expectVisible(el, 'anp-score-bars');
  const bars = inShadow(el, '[part~="list"] > li[part~="bar"]');
  const seen = bars.map((li) => {
    const meters = li.querySelectorAll('meter');
    expect(meters, 'one meter per bar').to.have.length(1);
    const meter = meters[0];
    expectVisible(meter, `meter in "${textOf(li)}"`);
    const label = el.shadowRoot!.getElementById(meter.getAttribute('aria-labelledby') ?? '');
    expect(label, 'the meter is labelled').to.exist;
    const shown = li.querySelector('[part~="score"]');
    expectVisible(shown, 'the number');
    return { name: textOf(label), min: meter.min, max: meter.max, value: meter.value, shown: textOf(shown) };
  });
  expect(seen).to.deep.equal(
    Object.entries(SEED_VALUES.scores).map(([name, value]) => ({ name, min: 0, max: 100, value, shown: String(value) })),
  );
}

/** The seed has no similar posts: a visible empty state, never a bare heading. */
function expectSeedSimilarPosts(el: AnpLike): void {
  expectVisible(el, 'anp-similar-posts');
  const empty = inShadow(el, '[part~="empty"]');
  expect(empty).to.have.length(1);
  expectVisible(empty[0], 'the empty state');
  expect(textOf(empty[0])).to.equal('No similar posts yet.');
  expect(inShadow(el, 'li')).to.have.length(0);
}

function expectFixturePosts(el: AnpLike): void {
  expectVisible(el, 'anp-similar-posts');
  const lis = inShadow(el, '[part~="list"] > li[part~="item"]');
  expect(lis).to.have.length(POSTS_VALUES.length);
  for (const [index, li] of lis.entries()) {
    const post = POSTS_VALUES[index];
    const links = li.querySelectorAll<HTMLAnchorElement>('a[href]');
    expect(links, post.title).to.have.length(1);
    expect(textOf(links[0])).to.equal(post.title);
    expect(links[0].getAttribute('href')).to.equal(post.href);
    expectVisible(links[0], post.title);
    expect(li.querySelector('time')!.getAttribute('datetime')).to.equal(post.datetime);
  }
  expect(inShadow(el, '[part~="empty"]')).to.have.length(0);
}

const EXPECT_SEED: Record<RenderingTag, (el: AnpLike) => void> = {
  'anp-meta-box': expectSeedMetaBox,
  'anp-checklist': expectSeedChecklist,
  'anp-score-bars': expectSeedScoreBars,
  'anp-similar-posts': expectSeedSimilarPosts,
};

function expectSeedEverywhere(elements: AnpLike[], path: InputPath): void {
  for (const el of elements) {
    expect(el.dataSource, `${el.localName} data source`).to.equal(path.source);
    expect(el.errors, `${el.localName} errors`).to.deep.equal([]);
    if (el.localName === 'anp-meta-box') expectSeedMetaBox(el, path.source === 'context');
    else EXPECT_SEED[el.localName as RenderingTag](el);
  }
}

// ---------------------------------------------------------------------------

/** A theme's page: the markup is there before the script tag at the end of the body runs. */
const preloaded = new Map<PathName, { container: HTMLElement; elements: AnpLike[] }>();
const definedBeforeLoad: Record<string, unknown> = {};
let firstScript: HTMLScriptElement | undefined;

/** A 40rem wide `<div>`, like a theme's content column. */
function column(): HTMLElement {
  const container = document.createElement('div');
  container.style.width = '40rem';
  return container;
}

/** A column on the page for this test (see `attach`). */
function newContainer(): HTMLElement {
  return attach(column());
}

before(async () => {
  for (const tag of TAGS) definedBeforeLoad[tag] = customElements.get(tag);
  for (const path of INPUT_PATHS) {
    const container = column();
    document.body.append(container);
    preloaded.set(path.name, { container, elements: path.build(container, RENDERING_TAGS, seedJson(), SEED_PATH) });
  }
  firstScript = await loadClassicScript();
});

after(() => {
  for (const { container } of preloaded.values()) container.remove();
});

describe('the classic script (dist/anp-components.iife.js)', () => {
  it('nothing had defined the elements before it loaded (this file imports no src)', () => {
    for (const tag of TAGS) expect(definedBeforeLoad[tag], tag).to.equal(undefined);
  });

  it('loads as a classic script and defines all five tags', () => {
    expect(firstScript).to.exist;
    expect(firstScript!.type).to.equal('');
    for (const tag of TAGS) {
      const constructor = customElements.get(tag);
      expect(constructor, tag).to.be.a('function');
      expect(document.createElement(tag)).to.be.an.instanceof(constructor!);
    }
  });

  it('names the global AnpComponents with the element classes and the core functions', () => {
    const global = (window as unknown as { AnpComponents?: Record<string, unknown> }).AnpComponents;
    // (Never hand the namespace itself to chai: it is a Module-tagged object full of classes.)
    expect(typeof global === 'object' && global !== null, 'window.AnpComponents is an object').to.equal(true);
    expect(Object.prototype.toString.call(global)).to.equal('[object Module]');
    const classes: Record<string, (typeof TAGS)[number]> = {
      AnpArticle: 'anp-article',
      AnpMetaBox: 'anp-meta-box',
      AnpChecklist: 'anp-checklist',
      AnpScoreBars: 'anp-score-bars',
      AnpSimilarPosts: 'anp-similar-posts',
    };
    for (const [name, tag] of Object.entries(classes)) {
      expect(typeof global![name], name).to.equal('function');
      expect(global![name] === customElements.get(tag), `AnpComponents.${name} is what <${tag}> is`).to.equal(true);
    }
    for (const name of [
      'AnpElement',
      'AnpErrorEvent',
      'normalizeArticle',
      'sanitizeRich',
      'judgeUrl',
      'safeHref',
      'canonicalKey',
      'parseJson',
    ]) {
      expect(typeof global![name], name).to.equal('function');
    }
    expect(customElements.get('anp-meta-box')!.prototype instanceof (global!.AnpElement as CustomElementConstructor)).to.equal(true);
    const normalizeArticle = global!.normalizeArticle as (input: unknown) => { errors: unknown[] };
    expect(normalizeArticle(seedArticle()).errors).to.deep.equal([]);
  });

  describe('markup already on the page when the script loads (the theme case)', () => {
    for (const path of INPUT_PATHS) {
      it(`${path.name}: every seed value visible and structured, no anp-error`, async () => {
        const { container, elements } = preloaded.get(path.name)!;
        await settle(container, elements);
        expectSeedEverywhere(elements, path);
        const mine = anpErrors.filter(({ target }) => target instanceof Node && container.contains(target));
        expect(described(mine)).to.deep.equal([]);
      });
    }
  });

  describe('markup added after the script loaded', () => {
    for (const path of INPUT_PATHS) {
      it(`${path.name}: every seed value visible and structured, no anp-error`, async () => {
        const before = anpErrors.length;
        const container = newContainer();
        const elements = path.build(container, RENDERING_TAGS, seedJson(), SEED_PATH);
        await settle(container, elements);
        expectSeedEverywhere(elements, path);
        expect(described(anpErrors.slice(before))).to.deep.equal([]);
      });
    }
  });

  describe('<anp-similar-posts> with posts, through every input path', () => {
    for (const path of INPUT_PATHS) {
      it(`${path.name}: one li with one link per post`, async () => {
        const before = anpErrors.length;
        const container = newContainer();
        const elements = path.build(container, ['anp-similar-posts'], postsJson(), POSTS_PATH);
        await settle(container, elements);
        expect(elements[0].dataSource).to.equal(path.source);
        expectFixturePosts(elements[0]);
        expect(described(anpErrors.slice(before))).to.deep.equal([]);
      });
    }
  });

  // The build squeezes whitespace out of css`` templates (scripts/minify-templates.mjs).
  // The browser's own serialization of each rule must come out the same as from the
  // unsqueezed ES modules in dist/ (imported by URL: classes only, they register nothing).
  it('its squeezed styles parse to the same CSS rules as the ES modules', async () => {
    const modules: Record<RenderingTag | 'anp-article', [string, string]> = {
      'anp-article': ['/dist/components/article/article.js', 'AnpArticle'],
      'anp-meta-box': ['/dist/components/meta-box/meta-box.js', 'AnpMetaBox'],
      'anp-checklist': ['/dist/components/checklist/checklist.js', 'AnpChecklist'],
      'anp-score-bars': ['/dist/components/score-bars/score-bars.js', 'AnpScoreBars'],
      'anp-similar-posts': ['/dist/components/similar-posts/similar-posts.js', 'AnpSimilarPosts'],
    };
    // Reading observedAttributes finalizes a class that was never defined (it fills elementStyles).
    type Styled = { elementStyles: { cssText: string }[]; observedAttributes: string[] };
    const rules = (styles: { cssText: string }[]) =>
      styles.flatMap(({ cssText }) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(cssText);
        // var() fallbacks keep the author's spaces after commas when serialized; the squeeze drops them.
        return [...sheet.cssRules].map((rule) => rule.cssText.replace(/,\s+/g, ','));
      });
    for (const [tag, [url, name]] of Object.entries(modules)) {
      const module = (await import(/* @vite-ignore */ url)) as Record<string, Styled>;
      void module[name].observedAttributes;
      const fromModules = rules(module[name].elementStyles);
      const fromScript = rules((customElements.get(tag) as unknown as Styled).elementStyles);
      expect(fromModules.length, tag).to.be.greaterThan(0);
      expect(fromScript, tag).to.deep.equal(fromModules);
    }
  });

  it('the seed raised no anp-error on document at all', () => {
    expect(described(anpErrors)).to.deep.equal([]);
  });

  it('bad input still reports anp-error on document (the listener above can see one)', async () => {
    const before = anpErrors.length;
    const container = newContainer();
    container.innerHTML = `<anp-meta-box article="{&quot;meta&quot;: {"></anp-meta-box>`;
    const el = container.querySelector('anp-meta-box') as AnpLike;
    await el.updateComplete;
    await tick();
    const reported = anpErrors.slice(before);
    anpErrors.splice(before);
    expect(reported).to.have.length(1);
    expect(reported[0].target === el, 'dispatched by the element').to.equal(true);
    expect(el.errors[0].message).to.match(/^attribute: invalid JSON/);
  });

  describe('loaded a second time', () => {
    const warnings: unknown[][] = [];
    let pageErrors: unknown[] = [];
    let thrown: unknown;
    const definitions: Record<string, CustomElementConstructor | undefined> = {};
    let survivor: AnpLike | undefined;

    before(async () => {
      for (const tag of TAGS) definitions[tag] = customElements.get(tag);
      // An element rendered by the first copy, to see that it keeps working.
      const holder = document.createElement('div');
      document.body.append(holder);
      holder.innerHTML = `<anp-meta-box article="${attributeEscape(seedJson())}"></anp-meta-box>`;
      survivor = holder.querySelector('anp-meta-box') as AnpLike;
      await survivor.updateComplete;

      const originalWarn = console.warn;
      console.warn = (...args: unknown[]) => {
        warnings.push(args);
      };
      const page = watchPage();
      try {
        await loadClassicScript();
        await tick(50);
      } catch (error) {
        thrown = error;
      } finally {
        console.warn = originalWarn;
        page.stop();
        pageErrors = page.errors;
      }
    });

    after(() => survivor?.parentElement?.remove());

    it('throws nothing and nothing reaches window.onerror', () => {
      expect(thrown).to.equal(undefined);
      expect(pageErrors.map(String)).to.deep.equal([]);
    });

    it('keeps the first definitions', () => {
      for (const tag of TAGS) expect(customElements.get(tag), tag).to.equal(definitions[tag]);
    });

    it('says so with one console.warn at most', () => {
      expect(warnings.length, JSON.stringify(warnings.map((args) => String(args[0])))).to.be.at.most(1);
      for (const args of warnings) expect(String(args[0])).to.match(/anp-components/);
    });

    it('elements already on the page keep working', async () => {
      expectSeedMetaBox(survivor!);
      survivor!.article = { meta: { topic: 'after the second script' } };
      await survivor!.updateComplete;
      expect(textOf(ddFor(survivor!, 'topic'))).to.equal('after the second script');
      expect(survivor!.errors).to.deep.equal([]);
    });

    it('new elements, through every input path, still render the seed with no anp-error', async () => {
      const before = anpErrors.length;
      for (const path of INPUT_PATHS) {
        const container = newContainer();
        const elements = path.build(container, RENDERING_TAGS, seedJson(), SEED_PATH);
        await settle(container, elements);
        expectSeedEverywhere(elements, path);
      }
      expect(described(anpErrors.slice(before))).to.deep.equal([]);
    });
  });
});
