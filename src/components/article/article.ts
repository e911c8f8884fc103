import { provide } from '@lit/context';
import { html, isServer, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import type { Article } from '../../core/article.js';
import { articleContext, compositionContext, type Composition, type ShownPart } from '../../core/article-context.js';
import { AnpElement } from '../../base/anp-element.js';
import { createElementIn } from '../../core/dom.js';
import { articleStyles } from './article.styles.js';

/**
 * @summary Provides one article to every anp element inside it. Renders nothing of its own.
 *
 * Give it the article once (property, `article` attribute, `src`, or a child
 * `<script type="application/json">`); the elements inside it take it from
 * here unless they have data of their own. It is normalized and sanitized
 * once, here. It also keeps track of what its elements show, so that a meta
 * box inside it leaves out the scores, checklist and similar posts that
 * sibling elements already show.
 *
 * @slot - Any content, including anp elements.
 *
 * @fires anp-error - The input had problems; `detail.errors` lists them with JSON pointers. What was valid is still provided.
 */
export class AnpArticle extends AnpElement {
  static override styles = articleStyles;

  @provide({ context: articleContext })
  @state()
  protected provided?: Article;

  /** The elements inside that show a part of the article, and which. */
  private readonly shownBy = new Map<object, ShownPart>();
  private readonly announce = (element: object, part: ShownPart | undefined): void => {
    if (this.shownBy.get(element) === part) return;
    if (part) this.shownBy.set(element, part);
    else this.shownBy.delete(element);
    const shown = new Set(this.shownBy.values());
    const before = this.providedComposition.shown;
    if (shown.size !== before.size || [...shown].some((p) => !before.has(p))) {
      this.providedComposition = { shown, announce: this.announce, pending: this.providedComposition.pending };
    }
  };

  @provide({ context: compositionContext })
  @state()
  protected providedComposition: Composition = { shown: new Set(), announce: this.announce };

  /** While it waits for the sanitizer, its elements keep their reserved space (`Composition.pending`). */
  protected override renderWaitChanged(waiting: boolean): void {
    this.providedComposition = { ...this.providedComposition, pending: waiting };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const article = this.resolveArticle();
    if (article !== this.provided) this.provided = article;
  }

  /**
   * The slot is there from the start, not from the first render: while the
   * article waits for the sanitizer (the update skipped), the elements inside
   * still lay out and keep the space a page reserves for them.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    // (A root a server rendered has its slot already.)
    if (!root.firstChild) root.append(createElementIn(this.ownerDocument, 'slot'));
    return root;
  }

  /** On a server, the slot (made by `createRenderRoot` in a browser), so the elements inside show before any script runs. */
  protected override render(): unknown {
    return isServer ? html`<slot></slot>` : nothing;
  }
}
