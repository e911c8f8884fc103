import { provide } from '@lit/context';
import { html, isServer, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Article } from '../../core/article.js';
import { articleContext, compositionContext, type Composition, type ShownPart } from '../../core/article-context.js';
import { AnpElement } from '../../base/anp-element.js';
import { createElementIn } from '../../core/dom.js';
import { hasJsonLdProperties, jsonLdText, toJsonLd } from '../../core/json-ld.js';
import { trustedJsonLd } from '../../core/sanitize.js';
import { AnpErrorEvent } from '../../events/anp-error.js';
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
 * With `jsonld`, it also writes the article as a schema.org `Article` in
 * JSON-LD (`toJsonLd`, docs/json-ld.md) into a child
 * `<script type="application/ld+json">` of its own, in the light DOM where
 * crawlers read it.
 *
 * @slot - Any content, including anp elements.
 *
 * @fires anp-error - The input had problems; `detail.errors` lists them with JSON pointers. What was valid is still provided.
 */
export class AnpArticle extends AnpElement {
  static override styles = articleStyles;

  /**
   * Writes the article as schema.org JSON-LD into a child
   * `<script type="application/ld+json">` (escaped so that no value can end
   * it), rewritten when the article changes and removed when `jsonld` is
   * removed or there is no article. Off by default.
   */
  @property({ type: Boolean })
  jsonld = false;

  /** The JSON-LD script this element wrote, while it is its child. */
  private jsonLdScript?: HTMLScriptElement;

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

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('jsonld') || (changed as Map<PropertyKey, unknown>).has('provided')) this.writeJsonLd();
  }

  /** The JSON-LD script in step with `jsonld` and the article: made with DOM calls, its text set as text. */
  private writeJsonLd(): void {
    const node = this.jsonld && this.provided ? toJsonLd(this.provided) : undefined;
    let script = this.jsonLdScript;
    if (!node || !hasJsonLdProperties(node)) {
      script?.remove();
      this.jsonLdScript = undefined;
      return;
    }
    const text = jsonLdText(node);
    if (script?.parentNode !== this) {
      script = createElementIn(this.ownerDocument, 'script');
      script.type = 'application/ld+json';
    } else if (script.textContent === text) return;
    try {
      // Under Trusted Types only a TrustedScript may become a script's text, even a data block's.
      script.textContent = trustedJsonLd(text) as string;
    } catch (error) {
      script.remove();
      this.jsonLdScript = undefined;
      const message = `jsonld: the page refused the script (${String(error)}); allow the Trusted Types policy "anp"`;
      this.dispatchEvent(new AnpErrorEvent({ errors: [{ path: '', code: 'jsonld-refused', message }], source: this.dataSource }));
      return;
    }
    if (script.parentNode !== this) this.append(script);
    this.jsonLdScript = script;
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
