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
