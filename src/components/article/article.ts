import { provide } from '@lit/context';
import { css, html, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import type { Article } from '../../core/article.js';
import { articleContext } from '../../core/article-context.js';
import { AnpElement } from '../../base/anp-element.js';

/**
 * @summary Provides one article to every anp element inside it. Renders nothing of its own.
 *
 * Give it the article once (property, `article` attribute, `src`, or a child
 * `<script type="application/json">`); the elements inside it take it from
 * here unless they have data of their own. It is normalized and sanitized
 * once, here.
 *
 * @slot - Any content, including anp elements.
 *
 * @fires anp-error - The input had problems; `detail.errors` lists them with JSON pointers. What was valid is still provided.
 */
export class AnpArticle extends AnpElement {
  static override styles = css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  @provide({ context: articleContext })
  @state()
  protected provided?: Article;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const article = this.resolveArticle();
    if (article !== this.provided) this.provided = article;
  }

  protected override render(): unknown {
    return html`<slot></slot>`;
  }
}
