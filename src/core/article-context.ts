import { createContext } from '@lit/context';
import type { Article } from './article.js';

/**
 * What `<anp-article>` provides to the anp elements inside it: the article,
 * already normalized and sanitized, so no descendant parses it again.
 *
 * The key is a registered symbol so that two copies of this library on one
 * page (a theme's script tag and a plugin's npm bundle) still find each other.
 */
export const articleContext = createContext<Article | undefined>(Symbol.for('anp-components.article.v1'));

/** A part of the article that an element of its own shows: the meta box leaves it out. */
export type ShownPart = 'score' | 'checklist' | 'similar_posts';

/**
 * Which parts of the provided article the elements inside one `<anp-article>`
 * show. Each element that shows one from the provider announces it here
 * (`undefined`: no longer), so that siblings added or removed later are
 * seen. A new object whenever `shown` changes; `announce` stays the same.
 */
export interface Composition {
  readonly shown: ReadonlySet<ShownPart>;
  /**
   * True while the provider waits for the sanitizer before it provides its
   * article: the elements that will show it are `:state(pending)` meanwhile,
   * so a page keeps the space it reserved for them (docs/theming.md).
   */
  readonly pending?: boolean;
  announce(element: object, part: ShownPart | undefined): void;
}

export const compositionContext = createContext<Composition | undefined>(Symbol.for('anp-components.composition.v1'));
