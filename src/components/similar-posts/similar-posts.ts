import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { SimilarPost } from '../../core/article.js';
import type { ShownPart } from '../../core/article-context.js';
import { formatMinutes, isoMinutes } from '../../core/format.js';
import { normalizeSimilarPosts } from '../../core/normalize.js';
import { AnpElement } from '../../base/anp-element.js';
import { renderHeading } from '../../base/heading.js';
import { similarPostsStyles } from './similar-posts.styles.js';
import { renderMore } from '../meta-box/meta-values.js';

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
 * @cssprop --anp-color-text - Text colour (default: inherited from the page).
 * @cssprop --anp-color-muted - Secondary text: labels, details, the "n more" lines.
 * @cssprop --anp-color-border - Borders and separators.
 * @cssprop --anp-color-surface - Tinted backgrounds (hovered rows, the box).
 * @cssprop --anp-color-background - The canvas painted behind the element when `theme` is set (default: the theme's `Canvas`).
 * @cssprop --anp-color-accent - Links, checkboxes and focus rings.
 * @cssprop --anp-color-yes - Colour of "yes" badges.
 * @cssprop --anp-color-no - Colour of "no" badges.
 * @cssprop --anp-space - Base spacing.
 * @cssprop --anp-gap - Space after the element's card, before the next element (default: twice --anp-space; none after the last child of its parent).
 * @cssprop --anp-radius - Corner radius.
 * @cssprop --anp-font-family - Font (default: inherited from the page).
 * @cssprop --anp-font-family-mono - Font of code (`reference`, `hash`, `<code>` in rich text).
 * @cssprop --anp-heading-size - Font size of the heading.
 *
 * @fires anp-error - The input had problems; `detail.errors` lists them with JSON pointers. What was valid still renders.
 */
export class AnpSimilarPosts extends AnpElement {
  static override styles = similarPostsStyles;

  /** The posts. Takes precedence over every article input. */
  @property({ attribute: false })
  posts?: unknown[];

  private readonly postsMemo: { input?: unknown; result?: ReturnType<typeof normalizeSimilarPosts> } = {};
  private list?: { posts: SimilarPost[]; more: number };
  protected override get shows(): ShownPart | undefined {
    return this.posts == null ? 'similar_posts' : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.posts !== undefined && this.posts !== null) {
      this.list = this.resolveOwn('posts', this.posts, normalizeSimilarPosts, this.postsMemo);
    } else {
      const article = this.resolveArticle();
      this.list = article ? { posts: article.similar_posts ?? [], more: article.similar_posts_more ?? 0 } : undefined;
    }
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
    return html`<div part="base">
      ${renderHeading(this.uiText('similarPosts'), this.level(), { hidden: this.noHeading })}
      ${
        list.posts.length
          ? html`<ul part="list">
              ${list.posts.map((post) => this.renderPost(post))}${renderMore(list.more, this.valueContext)}
            </ul>`
          : this.renderEmpty(this.uiText('similarPostsEmpty'))
      }
    </div>`;
  }
}
