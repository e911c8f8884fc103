import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { SimilarPost } from '../../core/article.js';
import type { ShownPart } from '../../core/article-context.js';
import { formatMinutes, isoMinutes } from '../../core/format.js';
import { normalizeSimilarPosts } from '../../core/normalize.js';
import { AnpCardElement } from '../../base/anp-element.js';
import { similarPostsStyles } from './similar-posts.styles.js';
import { renderMore } from '../../internal/more.js';

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

  private renderPost(post: SimilarPost): unknown {
    const details = [post.topic, post.reading_time !== undefined ? formatMinutes(post.reading_time, this.locale) : undefined].filter(
      (part): part is string => part !== undefined,
    );
    return html`<li part="item">
      ${post.url ? html`<a part="link" href=${post.url}>${post.title}</a>` : html`<span part="title">${post.title}</span>`}
      ${
        details.length
          ? html`<span part="details"
              >${post.topic ? html`<bdi>${post.topic}</bdi>` : nothing}${post.topic && post.reading_time !== undefined ? ' · ' : nothing}${
                post.reading_time !== undefined
                  ? html`<time datetime=${isoMinutes(post.reading_time)}>${formatMinutes(post.reading_time, this.locale)}</time>`
                  : nothing
              }</span
            >`
          : nothing
      }
    </li>`;
  }

  protected override render(): unknown {
    const list = this.list;
    if (!list) return nothing;
    return this.renderCard(
      'similarPosts',
      list.posts.length
        ? html`<ul part="list">
            ${list.posts.map((post) => this.renderPost(post))}${renderMore(list.more, this.valueContext)}
          </ul>`
        : this.renderEmpty(this.uiText('similarPostsEmpty')),
    );
  }
}
