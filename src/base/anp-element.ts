import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { AnpInputError, Article } from '../core/article.js';
import type { ShownPart } from '../core/article-context.js';
import { pageCreationScope } from '../core/dom.js';
import { loadSanitizer, markupWaiting, sanitizerSettled } from '../core/sanitize.js';
import { fieldLabel, uiLabel, type Labels, type UiLabels } from '../core/format.js';
import { renderEmpty } from '../internal/empty.js';
import { renderHeading } from '../internal/heading.js';
import type { ValueContext } from '../internal/value-context.js';
import { ArticleContextController } from './article-context-controller.js';
import { ArticleInputController, type ArticleInputs } from './article-input-controller.js';
import { isHydrating, noteServerMarkup } from './hydration.js';
import { LocaleController } from './locale-controller.js';
import { readLabels } from './read-labels.js';
import { RenderWait } from './render-wait.js';
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
    noteServerMarkup(this);
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
    return this.source.taskComplete ?? this.renderWait.wait;
  }

  /** Skips the update when the only change is an `article` object equal to the one already shown. */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    if (changed.size === 1 && changed.has('article') && this.hasUpdated && this.input.repeats(this.article)) return false;
    if (isHydrating(this) && !this.input.current()) return false; // server markup waits for its data (from the provider)
    return super.shouldUpdate(changed) && !this.renderWait.holds(changed);
  }

  /** Holds an update back while what it needs loads (`loadsBeforeRender`). */
  private readonly renderWait: RenderWait = new RenderWait(this, {
    loads: () => this.loadsBeforeRender(),
    waitChanged: (waiting) => {
      this.renderWaitChanged(waiting);
      this.showPending();
    },
  });
  private internals?: ElementInternals | null;

  /**
   * What the next render needs that is still loading: here the sanitizer, when
   * the article holds markup in a rich field (core/sanitize.ts); the article is
   * normalized anew once it is in. Subclasses add their own. @internal
   */
  protected loadsBeforeRender(): Promise<unknown>[] {
    if (sanitizerSettled()) return [];
    const before = markupWaiting();
    this.input.resolve();
    if (markupWaiting() === before) return [];
    return [loadSanitizer().then(() => this.input.forget())];
  }

  /**
   * `:state(pending)`, which lets a page keep the space it reserves with
   * `:not(:defined)` (docs/theming.md): on while this element waits for what
   * its render needs, or while its provider does and it has nothing of its own to show.
   */
  private showPending(): void {
    const current = this.input.current();
    const pending =
      this.renderWait.wait !== undefined || (this.context.providerPending && (current === undefined || current.source === 'context'));
    if (pending) this.customStates()?.add('pending');
    else this.internals?.states.delete('pending');
  }

  /** Called when the element starts and stops waiting for what its render needs (the article provider tells its elements). */
  protected renderWaitChanged(_waiting: boolean): void {}

  /** The element's custom states (`:state(...)`), where the browser has them. */
  private customStates(): CustomStateSet | undefined {
    if (this.internals === undefined) {
      try {
        this.internals = this.attachInternals();
      } catch {
        this.internals = null;
      }
    }
    return this.internals?.states;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.source.sync();
    this.showPending();
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

/**
 * The base of the elements that show a part of an article in a card of their
 * own (meta box, checklist, score bars, similar posts): a heading at a level
 * the page chooses, words in the element's language (`lang`, `labels`), and
 * a theme. Every `--anp-*` token below comes from `styles/host.styles.ts`,
 * which each of them adopts.
 *
 * @cssprop --anp-color-text - Text colour (default: inherited from the page).
 * @cssprop --anp-color-muted - Secondary text: labels, details, the "n more" lines.
 * @cssprop --anp-color-border - Borders and separators.
 * @cssprop --anp-color-surface - Tinted backgrounds (hovered rows, the box).
 * @cssprop --anp-color-background - The canvas painted behind the element when `theme` is set (default: the theme's `Canvas`).
 * @cssprop --anp-color-accent - Links, checkboxes and focus rings.
 * @cssprop --anp-space - Base spacing.
 * @cssprop --anp-gap - Space after the element's card, before the next element (default: twice --anp-space; none after the last child of its parent).
 * @cssprop --anp-radius - Corner radius.
 * @cssprop --anp-font-family - Font (default: inherited from the page).
 * @cssprop --anp-font-family-mono - Font of code (`reference`, `hash`, `<code>` in rich text).
 * @cssprop --anp-heading-size - Font size of the heading.
 */
export abstract class AnpCardElement extends AnpElement {
  /** Replacement words: UI words (`yes`, `more`, ...) and field labels by key (`view_count`). */
  @property({ attribute: false })
  labels?: Labels;

  /** The level of the element's heading (1 to 6; 2 by default), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel = 2;

  /** Hides the element's own heading, for pages that give their own. */
  @property({ type: Boolean, attribute: 'no-heading' })
  noHeading = false;

  /**
   * `light` or `dark` paints the element's own canvas in that scheme,
   * whatever the page and the reader prefer. Unset (the default), it follows
   * the page's colours and the reader's `prefers-color-scheme`. Reflected, as
   * it is a styling hook.
   */
  @property({ reflect: true, converter: { toAttribute: (value: unknown) => (value === 'light' || value === 'dark' ? value : null) } })
  theme?: 'light' | 'dark';

  /**
   * The `lang` attribute: numbers, durations, dates and built-in labels follow
   * it, or the nearest `lang` around the element (default `en`). Watched so
   * that a change re-renders.
   */
  @property({ attribute: 'lang', type: String })
  protected langAttribute?: string;

  private readonly localeController = new LocaleController(this);
  /** `labels` as read when it was set (readLabels). */
  private safeLabels?: Labels;

  /** The language's built-in words too, when it has a pack that is not in yet (once per page, see core/locales.ts). @internal */
  protected override loadsBeforeRender(): Promise<unknown>[] {
    const loads = super.loadsBeforeRender();
    const pack = this.localeController.packLoad();
    return pack ? [...loads, pack] : loads;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('labels') || changed.has('theme')) {
      const read = readLabels(this.labels);
      this.safeLabels = read.labels;
      // Only the two words are reflected; anything else (never converted to text) is reported.
      const theme: unknown = this.theme;
      const themeOk = theme === undefined || theme === null || theme === 'light' || theme === 'dark';
      this.input.setOptionErrors(
        'labels',
        themeOk
          ? read.errors
          : [...read.errors, { path: '', code: 'invalid-option', message: 'theme: expected "light" or "dark"; ignored' }],
      );
    }
    if ((changed as Map<PropertyKey, unknown>).has('langAttribute')) this.localeController.refresh();
    this.input.setOptionErrors('locale', this.localeController.errors);
  }

  /** The element's locale: its `lang`, or the nearest one around it (default `en`). */
  protected get locale(): string {
    return this.localeController.value;
  }

  /** What the value renderers need: locale, `labels` and the language's built-in words. */
  protected get valueContext(): ValueContext {
    return { locale: this.locale, labels: this.safeLabels, pack: this.localeController.pack };
  }

  /** A UI word in the element's language; `labels` first. */
  protected uiText(name: keyof UiLabels, values?: Record<string, string | number>): string {
    return uiLabel(name, this.safeLabels, values, this.localeController.pack);
  }

  /** A field's label in the element's language; `labels` first. */
  protected fieldText(key: string): string {
    return fieldLabel(key, this.safeLabels, this.localeController.pack);
  }

  /** The card: `part="base"` holding the heading (the UI word `heading`; none with `no-heading`) and `content`. */
  protected renderCard(heading: keyof UiLabels, content: unknown): TemplateResult {
    return html`<div part="base">${renderHeading(this.uiText(heading), this.level(), { hidden: this.noHeading })}${content}</div>`;
  }

  /** The empty state: given data, nothing valid to show. The `empty` slot replaces the words. */
  protected renderEmpty(words = this.uiText('empty')): TemplateResult {
    return renderEmpty(words);
  }

  /** The heading level clamped to 1..6, plus `offset` for sub-sections. */
  protected level(offset = 0): number {
    const level = Number.isFinite(this.headingLevel) ? Math.trunc(this.headingLevel) : 2;
    return Math.min(6, Math.max(1, level + offset));
  }
}
