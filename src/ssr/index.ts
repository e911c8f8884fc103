/**
 * Server rendering (`anp-components/ssr`, Node 20+): an element, or a whole
 * article, as HTML with declarative shadow DOM that the browser shows before
 * any script runs and that the elements hydrate (docs/ssr.md).
 *
 * Rendering goes through `@lit-labs/ssr`, sanitizing through DOMPurify on a
 * jsdom window (the same `core/sanitize.ts`, rules and hooks as in a
 * browser), and the markup is the elements' own: the same templates and the
 * same DOM builders, run on the server.
 */
import type { AnpInputError } from '../core/article.js';
import type { ShownPart } from '../core/article-context.js';
import { normalizeArticle } from '../core/normalize.js';
import { loadSanitizer, setSanitizerWindow } from '../core/sanitize.js';
import { loadLabelPacks, PACK_LANGUAGES } from '../core/locales.js';
import { resolveLocale } from '../core/format.js';
import { serveContext } from '../base/article-context-controller.js';
import { useServerDocument } from './built-markup.js';
import { elementMarkup, jsonScript } from './element-markup.js';
import { loadServerPackages, type ServerPackages } from './server-packages.js';
import '../components/article/anp-article.js';
import '../components/meta-box/anp-meta-box.js';
import '../components/checklist/anp-checklist.js';
import '../components/score-bars/anp-score-bars.js';
import '../components/similar-posts/anp-similar-posts.js';

export { SERVER_PACKAGES, ServerPackagesMissingError } from './server-packages.js';

/** The elements a server renders, by name (the tag without `anp-`). */
export const SSR_ELEMENTS = ['meta-box', 'score-bars', 'checklist', 'similar-posts'] as const;
export type SsrElementName = (typeof SSR_ELEMENTS)[number];

/** The part of the article each element shows on its own inside `<anp-article>` (the meta box leaves it out). */
const SHOWS: Partial<Record<SsrElementName, ShownPart>> = {
  'score-bars': 'score',
  checklist: 'checklist',
  'similar-posts': 'similar_posts',
};

export interface SsrOptions {
  /** The language of numbers, dates and built-in words (`lang` on each element); default `en`. */
  lang?: string;
}

export interface SsrArticleOptions extends SsrOptions {
  /** Which elements `<anp-article>` holds, in this order; default all of `SSR_ELEMENTS`. */
  elements?: readonly SsrElementName[];
}

export interface SsrResult {
  /** The HTML fragment: the element(s), each with its declarative shadow root and the article's JSON. */
  html: string;
  /** Problems in the article (JSON pointers), as `anp-error` reports them in a browser; what was valid is rendered. */
  errors: AnpInputError[];
}

/** Loads what rendering needs once: the server packages, the sanitizer on jsdom, the label pack of `lang`. */
async function prepare(lang: string): Promise<ServerPackages> {
  const kit = await loadServerPackages();
  setSanitizerWindow(kit.window as never);
  useServerDocument(kit.window.document);
  await loadSanitizer();
  if (PACK_LANGUAGES.includes(lang.split('-')[0])) await loadLabelPacks();
  return kit;
}

/** The article as JSON text for the script child: as given when it is text, else serialized (nothing when it cannot be). */
function articleJson(article: unknown): string | undefined {
  if (typeof article === 'string') return article;
  try {
    return JSON.stringify(article);
  } catch {
    return undefined;
  }
}

function checkElements(names: readonly string[]): asserts names is readonly SsrElementName[] {
  for (const name of names) {
    if (!(SSR_ELEMENTS as readonly string[]).includes(name)) {
      throw new TypeError(`unknown element '${name}': one of ${SSR_ELEMENTS.join(', ')}`);
    }
  }
}

/**
 * One element (`meta-box`, `score-bars`, `checklist` or `similar-posts`)
 * showing `article` (an object or JSON text): `<anp-meta-box lang="en">`
 * with its shadow root and a child `<script type="application/json">`.
 */
export async function renderElement(name: SsrElementName, article: unknown, options: SsrOptions = {}): Promise<SsrResult> {
  checkElements([name]);
  const lang = resolveLocale(options.lang ?? 'en');
  const kit = await prepare(lang);
  const { errors } = normalizeArticle(article);
  const json = articleJson(article);
  const html = await elementMarkup(
    kit,
    `anp-${name}`,
    { lang },
    (element) => void ((element as { article?: unknown }).article = article),
    json === undefined ? '' : jsonScript(json),
  );
  return { html, errors };
}

/**
 * A whole article: `<anp-article>` holding its JSON and the chosen elements,
 * each taking the article from it (the meta box leaving out what its siblings
 * show), as in a browser.
 */
export async function renderArticle(article: unknown, options: SsrArticleOptions = {}): Promise<SsrResult> {
  const names = options.elements ?? SSR_ELEMENTS;
  checkElements(names);
  const lang = resolveLocale(options.lang ?? 'en');
  const kit = await prepare(lang);
  const { value, errors } = normalizeArticle(article);
  const shown = new Set(names.flatMap((name) => SHOWS[name] ?? []));
  const children: string[] = [];
  for (const name of names) {
    const siblings = new Set([...shown].filter((part) => part !== SHOWS[name]));
    children.push(await elementMarkup(kit, `anp-${name}`, { lang }, (element) => serveContext(element, value, siblings), ''));
  }
  const json = articleJson(article);
  const script = json === undefined ? '' : jsonScript(json);
  const html = await elementMarkup(
    kit,
    'anp-article',
    {},
    (element) => void ((element as { article?: unknown }).article = article),
    script + children.join(''),
  );
  return { html, errors };
}
