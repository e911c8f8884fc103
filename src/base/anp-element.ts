import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { AnpInputError, Article } from '../core/article.js';
import type { ShownPart } from '../core/article-context.js';
import { pageCreationScope } from '../core/dom.js';
import { ArticleContextController } from './article-context-controller.js';
import { ArticleInputController, type ArticleInputs } from './article-input-controller.js';
import { ScriptChildController } from './script-child-controller.js';
import { SrcController } from './src-controller.js';

export type { AnpSource } from './article-input-controller.js';

/**
 * The shared base of every anp element: the article inputs (`article` as a
 * property or attribute, `src`, a child `<script type="application/json">`,
 * the nearest `<anp-article>`), each held by a controller, and `anp-error`.
 * Which input wins, the normalizing and the reporting are
 * `ArticleInputController`'s; subclasses render.
 *
 * Nothing here touches the DOM in the constructor or in `render()`, so the
 * elements can be rendered on a server later.
 */
export abstract class AnpElement extends LitElement {
  /** The article as an object, or as JSON text. */
  @property({ attribute: false })
  article?: unknown;

  /** The article as JSON text, for templates and CMS markup. */
  @property({ attribute: 'article', type: String })
  articleJson?: string;

  /** URL of the article's JSON; fetched when the element is on the page. */
  @property({ type: String })
  src?: string;

  private readonly source = new SrcController(this, { url: () => this.src });
  private readonly scriptChild = new ScriptChildController(this);
  private readonly context: ArticleContextController = new ArticleContextController(this, {
    shows: () => this.shows,
    showsProvided: (): boolean => this.input.current()?.source === 'context',
  });
  /** Which input is shown, normalized once, and its problems reported. @internal */
  protected readonly input: ArticleInputController = new ArticleInputController(this, {
    inputs: (): ArticleInputs => ({
      article: this.article,
      attribute: this.articleJson,
      src: this.source.value,
      script: this.scriptChild.value,
      context: this.context.article,
    }),
  });

  /** Problems in the current input (also sent with `anp-error`). */
  get errors(): readonly AnpInputError[] {
    return this.input.errors;
  }

  /** Which input the element is showing: `article`, `attribute`, `src`, `script`, `context` or its own property. */
  get dataSource(): string {
    return this.input.source;
  }

  /**
   * The part of the article this element shows, announced to the article
   * provider around it while it shows that part from there.
   * @internal
   */
  protected get shows(): ShownPart | undefined {
    return undefined;
  }

  /** What the elements inside the same article provider show of its article. @internal */
  protected get shownBySiblings(): ReadonlySet<ShownPart> {
    return this.context.shownBySiblings;
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    // Lit imports every template instance through this: the method captured by
    // core/dom.ts, so an element named `importNode` on the page cannot stand in for it.
    if (pageCreationScope) this.renderOptions.creationScope = pageCreationScope;
    return super.createRenderRoot();
  }

  /** Resolves once everything the element has, including a pending `src` fetch, is rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (let pending = this.pendingWork(); pending; pending = this.pendingWork()) {
      await pending;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /** Work still to come before what the element has is rendered: a `src` fetch here; subclasses add their own. */
  protected pendingWork(): Promise<unknown> | undefined {
    return this.source.taskComplete;
  }

  /** Skips the update when the only change is an `article` object equal to the one already shown. */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    if (changed.size === 1 && changed.has('article') && this.hasUpdated && this.input.repeats(this.article)) return false;
    return super.shouldUpdate(changed);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.source.sync();
  }

  /** The article from the first input that has one, normalized (see `ArticleInputController.resolve`). */
  protected resolveArticle(): Article | undefined {
    return this.input.resolve();
  }

  /** Problems with a subclass's own options (wrong types), reported with the input's. */
  protected set optionErrors(errors: readonly AnpInputError[]) {
    this.input.setOptionErrors('options', errors);
  }
}
