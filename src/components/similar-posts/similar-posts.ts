import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { SimilarPost } from '../../core/article.js';
import type { ShownPart } from '../../core/article-context.js';
import { formatMinutes, isoMinutes } from '../../core/format.js';
import { normalizeSimilarPosts } from '../../core/normalize.js';
import { AnpCardElement } from '../../base/anp-element.js';
import { similarPostsStyles } from './similar-posts.styles.js';
import { renderMore } from '../../internal/more.js';
import { addElement, staticDom } from '../../internal/static-dom.js';
import type { ValueContext } from '../../internal/value-context.js';

/** One post's `<li>`, built as DOM (src/internal/static-dom.ts): its link or title, then topic and reading time. */
function buildPost(doc: Document, post: SimilarPost, ctx: ValueContext): Node {
  const li = addElement(doc, null, 'li', 'item');
  // The URL passed the URL policy when the posts were normalized (core/articles.ts); a refused one leaves the title alone.
  if (post.url) addElement(doc, li, 'a', { part: 'link', href: post.url }, post.title);
  else addElement(doc, li, 'span', 'title', post.title);
  const minutes = post.reading_time;
  if (!post.topic && minutes === undefined) return li;
  const details = addElement(doc, li, 'span', 'details');
  if (post.topic) addElement(doc, details, 'bdi', {}, post.topic);
  if (post.topic && minutes !== undefined) details.append(' · ');
  if (minutes !== undefined) addElement(doc, details, 'time', { datetime: isoMinutes(minutes) }, formatMinutes(minutes, ctx.locale));
  return li;
}

/**
 * @summary An article's similar posts as a list of links; a visible empty state when there are none.
 *
 * @slot heading - Replaces the heading text.
 * @slot empty - Replaces the empty-state text.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The heading.
 * @csspart list - The `<ul>`.
 * @csspart item - One post's `<li>`.
 * @csspart link - The post's link (its title).
 * @csspart title - A title shown without a link (its URL was not allowed).
 * @csspart details - Topic and reading time.
 * @csspart empty - The empty state.
 * @csspart more - The "n more" line of a capped list.
 *
 *
 * @fires anp-error - The input had problems; `detail.errors` lists them with JSON pointers. What was valid still renders.
 */
export class AnpSimilarPosts extends AnpCardElement {
  static override styles = similarPostsStyles;

  /** The posts. Takes precedence over every article input. */
  @property({ attribute: false })
  posts?: unknown[];

  private list?: { posts: SimilarPost[]; more: number };
  protected override get shows(): ShownPart | undefined {
    return this.posts == null ? 'similar_posts' : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.list = this.input.resolvePart({ name: 'posts', value: this.posts, normalize: normalizeSimilarPosts }, (article) => ({
      posts: article.similar_posts ?? [],
      more: article.similar_posts_more ?? 0,
    }));
  }

  protected override render(): unknown {
    const list = this.list;
    if (!list) return nothing;
    return this.renderCard(
      'similarPosts',
      list.posts.length
        ? html`<ul part="list">
            ${staticDom(buildPost, list.posts, this.valueContext)}${renderMore(list.more, this.valueContext)}
          </ul>`
        : this.renderEmpty(this.uiText('similarPostsEmpty')),
    );
  }
}
