import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { AnpInputError } from '../core/article.js';
import { fieldLabel, uiLabel, type LabelPack, type Labels, type UiLabels } from '../core/format.js';
import { labelPack } from '../core/locales.js';
import { renderEmpty } from '../internal/empty.js';
import type { ValueContext } from '../internal/value-context.js';
import { AnpElement } from './anp-element.js';
import { LocaleController } from './locale-controller.js';

const EMPTY_ERRORS: readonly AnpInputError[] = Object.freeze([]);
const MAX_LABELS = 500;

/**
 * `labels` read once, when it is set: a plain copy of its string values. A
 * Proxy, a getter that throws or a value of the wrong type cannot throw later,
 * in a render; it is ignored and reported instead.
 */
function readLabels(value: unknown): { labels: Labels | undefined; errors: readonly AnpInputError[] } {
  if (value === undefined || value === null) return { labels: undefined, errors: EMPTY_ERRORS };
  try {
    if (typeof value !== 'object' || Array.isArray(value)) throw new TypeError('not an object');
    const copy: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const key of Object.keys(value).slice(0, MAX_LABELS)) {
      const word: unknown = (value as Record<string, unknown>)[key];
      if (typeof word === 'string') copy[key] = word;
    }
    return { labels: copy, errors: EMPTY_ERRORS };
  } catch {
    return { labels: undefined, errors: [{ path: '', message: 'labels: expected an object of words; ignored' }] };
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

  private readonly localeController = new LocaleController(this, { lang: () => this.langAttribute });
  /** `labels` as read when it was set (readLabels). */
  private safeLabels?: Labels;

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
        themeOk ? read.errors : [...read.errors, { path: '', message: 'theme: expected "light" or "dark"; ignored' }],
      );
    }
    this.localeController.sync();
  }

  /** The element's locale: its `lang`, or the nearest one around it (default `en`). */
  protected get locale(): string {
    return this.localeController.value;
  }

  /** The built-in words of the element's language. */
  protected get pack(): LabelPack {
    return labelPack(this.locale);
  }

  /** What the value renderers need: locale, `labels` and the language's words. */
  protected get valueContext(): ValueContext {
    return { locale: this.locale, labels: this.safeLabels, pack: this.pack };
  }

  /** A UI word in the element's language; `labels` first. */
  protected uiText(name: keyof UiLabels, values?: Record<string, string | number>): string {
    return uiLabel(name, this.safeLabels, values, this.pack);
  }

  /** A field's label in the element's language; `labels` first. */
  protected fieldText(key: string): string {
    return fieldLabel(key, this.safeLabels, this.pack);
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
