/**
 * Helpers shared by the element suites: the seed article (and a second one
 * with similar posts), what a user sees in a shadow root, waiting for
 * anp-error, attaching elements for one test, and feeding an element bad input.
 *
 * No runtime import from src/ (only types, which are erased):
 * classic-script.test.ts imports this file and must load nothing but the
 * built script. Importing this file registers one root `afterEach` that
 * removes what `attach()` put on the page.
 */
import { expect } from '@open-wc/testing';
import type { AnpErrorEvent } from '../src/events/anp-error.js';

const seedText = await (await fetch(new URL('./fixtures/seed-article.json', import.meta.url))).text();

/** A fresh copy of the canonical article. */
export function seedArticle(): Record<string, any> {
  return JSON.parse(seedText);
}

/** The canonical article as JSON text. */
export function seedJson(): string {
  return seedText;
}

/** Whitespace folded, trimmed text of a node. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** All elements matching `selector` in an element's shadow root. */
export function inShadow<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return Array.from(el.shadowRoot?.querySelectorAll<T>(selector) ?? []);
}

/** Text of every element matching `selector` in the shadow root. */
export function shadowTexts(el: Element, selector: string): string[] {
  return inShadow(el, selector).map((node) => textOf(node));
}

/** Everything the element shows, as one string. */
export function shadowText(el: Element): string {
  return textOf(el.shadowRoot);
}

/** The `<dd>` that belongs to the `<dt>` with this exact text (top level or nested). */
export function ddFor(el: Element, label: string, scope: ParentNode = el.shadowRoot!): HTMLElement | undefined {
  const dt = Array.from(scope.querySelectorAll('dt')).find((node) => textOf(node) === label);
  if (!dt) return undefined;
  let next = dt.nextElementSibling;
  while (next && next.localName !== 'dd') next = next.nextElementSibling;
  return (next as HTMLElement | null) ?? undefined;
}

/** Collects every anp-error an element (or anything inside `target`) dispatches. */
export function collectErrors(target: EventTarget): AnpErrorEvent[] {
  const events: AnpErrorEvent[] = [];
  target.addEventListener('anp-error', (event) => events.push(event as AnpErrorEvent));
  return events;
}

/** Resolves with the next anp-error on `target`, or rejects after `ms`. */
export function nextError(target: EventTarget, ms = 4000): Promise<AnpErrorEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no anp-error within ' + ms + ' ms')), ms);
    target.addEventListener(
      'anp-error',
      (event) => {
        clearTimeout(timer);
        resolve(event as AnpErrorEvent);
      },
      { once: true },
    );
  });
}

/** The seed served by the test server, for `src`. */
export const SEED_URL = new URL('./fixtures/seed-article.json', import.meta.url).href;

/** A second article, served by the test server for `src`: other meta, and three similar posts (the seed has none). */
export const POSTS_URL = new URL('./fixtures/article-with-posts.json', import.meta.url).href;

const postsText = await (await fetch(POSTS_URL)).text();

/** A fresh copy of the article with similar posts. */
export function postsArticle(): Record<string, any> {
  return JSON.parse(postsText);
}

/** The article with similar posts as JSON text. */
export function postsJson(): string {
  return postsText;
}

/** What a reader should see of the posts in `postsArticle()`. */
export const POSTS_VALUES = [
  {
    title: 'tracking data quality signals before a major migration',
    href: new URL('/posts/alphanode-002918', document.baseURI).href,
    details: 'python services · 5 min',
    datetime: 'PT5M',
  },
  {
    title: 'connection pools under load: what the graphs do not show',
    href: 'https://example.com/posts/connection-pools',
    details: 'databases · 12 min',
    datetime: 'PT12M',
  },
  {
    title: 'a short field guide to flame graphs',
    href: 'http://example.org/flame-graphs',
    details: 'observability · 3 min',
    datetime: 'PT3M',
  },
];

/** Resolves after a timer of `ms` (0: the next macrotask), once slot changes, fetches and the like had their turn. */
export function tick(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Elements the tests attached by hand; removed after each test. */
const mounted: Element[] = [];
afterEach(() => mounted.splice(0).forEach((node) => node.remove()));

/** Appends `node` to the body for this test; it is removed after the test. */
export function attach<T extends Element>(node: T): T {
  mounted.push(node);
  document.body.append(node);
  return node;
}

/** Attaches a `<div>` (see `attach`), then sets its markup: elements in it upgrade with their children in place. */
export function attachHtml(markup: string): HTMLDivElement {
  const host = attach(document.createElement('div'));
  host.innerHTML = markup;
  return host;
}

/** A `<script type="application/json">` holding `json`, to give an element as a child. */
export function jsonScript(json: string): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = json;
  return script;
}

/** A shadow root's markup without Lit's comment markers, to compare two renders. */
export function withoutComments(root: ShadowRoot): string {
  return root.innerHTML.replace(/<!--[^]*?-->/g, '');
}

/** What reached the page while `watchPage()` listened. */
export interface PageWatch {
  /** Window errors (the error, or the message) and unhandled rejection reasons, in order. */
  readonly errors: unknown[];
  /** Stops listening. */
  stop(): void;
}

/** Records what reaches the page: window errors and unhandled rejections. */
export function watchPage(): PageWatch {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** What `withBadInput` hands back: the element, its anp-error, and the error paths. */
export interface BadInput<T extends HTMLElement> {
  el: T;
  event: AnpErrorEvent;
  paths: string[];
}

/**
 * Creates a `tag` element, gives it bad input through `setup`, attaches it
 * (see `attach`) and waits for its anp-error. Asserts that nothing was thrown,
 * nothing reached window.onerror, and that the event bubbles out of the shadow
 * root.
 */
export async function withBadInput<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  setup: (el: HTMLElementTagNameMap[K]) => void,
): Promise<BadInput<HTMLElementTagNameMap[K]>>;
export async function withBadInput<T extends HTMLElement>(tag: string, setup: (el: T) => void): Promise<BadInput<T>>;
export async function withBadInput<T extends HTMLElement>(tag: string, setup: (el: T) => void): Promise<BadInput<T>> {
  const page = watchPage();
  const el = document.createElement(tag) as T & { readonly updateComplete?: Promise<unknown> };
  const error = nextError(el);
  let thrown: unknown;
  try {
    setup(el);
    attach(el);
    await el.updateComplete;
  } catch (caught) {
    thrown = caught;
  }
  let event: AnpErrorEvent;
  try {
    event = await error;
    await el.updateComplete;
    await tick();
  } finally {
    page.stop();
  }
  expect(thrown, 'nothing thrown').to.equal(undefined);
  expect(page.errors, 'nothing reached window.onerror').to.deep.equal([]);
  expect(event.bubbles, 'bubbles').to.equal(true);
  expect(event.composed, 'composed').to.equal(true);
  return { el, event, paths: event.detail.errors.map((e) => e.path) };
}

/** Waits until `check` is true (polling animation frames), or fails after `ms`. */
export async function until(check: () => boolean, ms = 4000, what = 'condition'): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Every value of the seed a reader must see, as [where, text]:
 * `li` items each as their own list item, the rest as text of a `dd`,
 * `code`, `time` or `data`.
 */
export const SEED_VALUES = {
  text: [
    'tracking data quality signals / python services',
    'this ai-style technical summary explains tracking data quality signals in python services, with emphasis on measurement, safe defaults, rollback planning, and maintainable documentation.',
    'the article is written like a careful ai generated engineering draft: it explains the reason for the change, lists operational checks, and avoids pretending that one command fixes every production case.',
    'python',
    'advanced',
  ],
  outline: {
    context: 'before a major migration',
    problem: 'tracking data quality signals',
    stack: 'python services',
    'recommended action': 'measure first, change carefully, document the result',
  } as Record<string, string>,
  listItems: {
    stack: ['python services', 'backend', 'python'],
    tools: ['fastapi', 'pytest', 'uvicorn', 'ruff', 'git', 'logs'],
    checklist: [
      'review query plans',
      'add indexes carefully',
      'test with realistic data',
      'compare before and after metrics',
      'document the migration',
    ],
    notes: [
      'sanitized array meta is expected to render as a list in the frontend box',
      'view count is synthetic and only used for testing meta volume',
      'content is generated for import/load testing and should be reviewed before indexing',
    ],
  } as Record<string, string[]>,
  code: ['anp-ref-002918-3305', '8554871f141cbe5b67b921d3'],
  scores: { quality: 78, freshness: 67, depth: 86, clarity: 87 } as Record<string, number>,
  revision: { status: 'drafted', version: '1.5.8' } as Record<string, string>,
  lastReviewed: '2021-10-10',
  flags: { 'AI generated style': 'yes', 'has images': 'no', 'image heavy': 'no', 'needs human review': 'no' } as Record<string, string>,
  entities: [
    ['python services', 'stack'],
    ['backend', 'area'],
    ['tracking data quality signals', 'problem'],
  ],
  payload: {
    'source ID': 'alphanode-002918',
    generator: 'anp content synthesizer',
    paragraphs: '3',
    scenario: 'before a major migration',
    seed: '2918',
  } as Record<string, string>,
};

/** The seed's reading time (a `<time>` duration) and view count (a localized `<data>`), as an anp-meta-box shows them. */
export function expectSeedReadingTimeAndViews(el: Element): void {
  const readingTime = ddFor(el, 'reading time')!.querySelector('time')!;
  expect(readingTime.getAttribute('datetime')).to.equal('PT5M');
  expect(textOf(readingTime)).to.equal('5 min');
  const views = ddFor(el, 'view count')!.querySelector('data')!;
  expect(textOf(views)).to.equal('513,976');
  expect(views.getAttribute('value')).to.equal('513976');
}

/** The seed's flags (yes/no badges), entities (name and type apart) and payload (a nested dl), as an anp-meta-box shows them. */
export function expectSeedFlagsEntitiesPayload(el: Element): void {
  const flags = ddFor(el, 'flags')!;
  for (const [name, value] of Object.entries(SEED_VALUES.flags)) {
    expect(textOf(ddFor(el, name, flags)!.querySelector('[part~="badge"]')), name).to.equal(value);
  }
  const entities = Array.from(ddFor(el, 'entities')!.querySelectorAll('li'));
  expect(
    entities.map((li) => [textOf(li.querySelector('[part~="entity-name"]')), textOf(li.querySelector('[part~="entity-type"]'))]),
  ).to.deep.equal(SEED_VALUES.entities);
  const payload = ddFor(el, 'payload')!;
  for (const [name, value] of Object.entries(SEED_VALUES.payload)) expect(textOf(ddFor(el, name, payload)), name).to.equal(value);
}

/**
 * A value as WordPress hands it back after storing it as a PHP array and as
 * post meta: every `{}` is `[]`, every number is its string, every boolean
 * is "1" or "0".
 */
export function wordpressStored(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (Array.isArray(value)) return value.map(wordpressStored);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? Object.fromEntries(entries.map(([key, child]) => [key, wordpressStored(child)])) : [];
  }
  return value;
}

/** A Proxy every trap of which throws, even the ones a string conversion or instanceof asks: hostile input. */
export const throwingProxy = (): object =>
  new Proxy(
    {},
    {
      get: () => {
        throw new Error('get trap');
      },
      getPrototypeOf: () => {
        throw new Error('getPrototypeOf trap');
      },
      ownKeys: () => {
        throw new Error('ownKeys trap');
      },
      getOwnPropertyDescriptor: () => {
        throw new Error('descriptor trap');
      },
      has: () => {
        throw new Error('has trap');
      },
    },
  );
