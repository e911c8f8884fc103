/**
 * Helpers shared by the element suites: the seed article, what a user sees
 * in a shadow root, and waiting for anp-error.
 */
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
