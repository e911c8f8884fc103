import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { AnpInputError, Meta, MetaField } from '../../core/article.js';
import { canonicalKey } from '../../core/format.js';
import type { ShownPart } from '../../core/article-context.js';
import { AnpCardElement } from '../../base/anp-element.js';
import { isHydrating } from '../../base/hydration.js';
import { renderHeading } from '../../internal/heading.js';
import { staticDom } from '../../internal/static-dom.js';
import { metaBoxStyles } from './meta-box.styles.js';
import { buildRow, renderFieldValue, type ValueContext } from './meta-values.js';
import { MetaSignals, metaSignalsStyles, numberAttribute, renderSignals, signalsLoad } from './meta-signals.js';

type OutlineField = Extract<MetaField, { kind: 'outline' }>;

/**
 * Rows rendered in the first task, and in each one after. A box with more (a
 * huge meta: up to 200 keys after the caps) shows the first rows at once and
 * the rest in the tasks after, so the page never waits on one long task;
 * `updateComplete` resolves once every row is there. See docs/benchmarks.md, S6.
 */
const FIRST_ROWS = 25;
const MORE_ROWS = 60;

/** Runs `callback` in a task of its own, soon (no timer clamping, unlike a nested setTimeout). */
function nextTask(callback: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(null);
}
/**
 * Meta boxes on the page. From the ninth on, a box marks itself
 * `data-anp-offscreen` and skips layout and paint while off screen (see
 * meta-box.styles.ts); the first ones, all an article page has, always lay out.
 */
let boxesOnPage = 0;
const EAGER_BOXES = 8;

const NO_ERRORS: readonly AnpInputError[] = Object.freeze([]);
const NO_FIELDS: readonly MetaField[] = Object.freeze([]);

/**
 * `fields` / `exclude`: a comma list of keys (the attribute) or an array of
 * key strings (the property). Anything else is ignored and reported, never thrown.
 */
function keyList(value: unknown, name: string): { keys?: Set<string>; errors: readonly AnpInputError[] } {
  if (value === undefined || value === null) return { errors: NO_ERRORS };
  let parts: unknown[] | undefined;
  try {
    parts = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? Array.from(value as unknown[]) : undefined;
  } catch {
    parts = undefined;
  }
  if (!parts || !parts.every((part) => typeof part === 'string')) {
    const message = `${name}: expected a comma list of keys or an array of key strings; ignored`;
    return { errors: [{ path: '', code: 'invalid-option', message }] };
  }
  const keys = parts
    .map((key) => key.trim())
    .filter(Boolean)
    .map(canonicalKey);
  // An empty list means no filter, as if the attribute were absent.
  return { keys: keys.length ? new Set(keys) : undefined, errors: NO_ERRORS };
}

/**
 * @summary Every meta field of an article as a labelled description list, with the outline as its own section.
 *
 * @slot heading - Replaces the heading text.
 * @slot outline-heading - Replaces the outline's heading text.
 * @slot empty - Replaces the empty-state text.
 *
 * @csspart base - The wrapper of everything.
 * @csspart heading - The element's heading, and the outline's.
 * @csspart outline-heading - The outline's heading (alongside `heading`).
 * @csspart list - The top-level `<dl>`.
 * @csspart field - One label/value pair (`<div>` in the `<dl>`); also `field-<key>` for known keys.
 * @csspart field-<key> - The pair of one known field, e.g. `field-view_count`, `field-score` (alongside `field`).
 * @csspart label - A `<dt>`.
 * @csspart value - A `<dd>`.
 * @csspart nested - A nested `<dl>` (objects).
 * @csspart scores - The nested `<dl>` of the `score` field (alongside `nested`).
 * @csspart pair - A label/value pair of a nested `<dl>`.
 * @csspart items - A `<ul>` (arrays).
 * @csspart item - An `<li>`.
 * @csspart more - The "n more" line of a capped list.
 * @csspart badge - A yes/no badge; also `badge-yes` or `badge-no`.
 * @csspart badge-yes - A "yes" badge (alongside `badge`).
 * @csspart badge-no - A "no" badge (alongside `badge`).
 * @csspart entity - One entity's `<li>` (alongside `item`).
 * @csspart entity-name - An entity's name.
 * @csspart entity-type - An entity's type.
 * @csspart outline - The outline `<section>`.
 * @csspart outline-list - The outline's `<dl>`.
 * @csspart bar-track - A score's meter and its number.
 * @csspart meter - A score's `<meter>`.
 * @csspart score - A score's visible number.
 * @csspart none - A null value.
 * @csspart empty - The empty state, shown when the data has nothing valid to show (invalid JSON included).
 * @csspart signals - The editor notes above the rows (only with `signals`, and only when there are some).
 * @csspart signals-title - The notes' title, "Editor notes".
 * @csspart signal-list - The notes' `<ul>`.
 * @csspart signal - One note's `<li>`; also `signal-warning` or `signal-notice`, and `signal-<code>`.
 * @csspart signal-warning - A note to act on (alongside `signal`).
 * @csspart signal-notice - A note to know (alongside `signal`).
 * @csspart signal-<code> - A note by its code, e.g. `signal-stale-review`, `signal-missing-field` (alongside `signal`).
 * @csspart signal-severity - A note's severity word (`warning`, `notice`).
 *
 * @cssprop --anp-color-yes - Colour of "yes" badges.
 * @cssprop --anp-color-no - Colour of "no" badges.
 * @cssprop --anp-label-width - Width of the label column.
 * @cssprop --anp-bar-color-high - Score bar colour from 75 up.
 * @cssprop --anp-bar-color-mid - Score bar colour from 50 to 74.
 * @cssprop --anp-bar-color-low - Score bar colour below 50.
 * @cssprop --anp-bar-track - The empty part of a score bar.
 * @cssprop --anp-bar-height - Score bar thickness.
 * @cssprop --anp-color-signal-warning - The mark of the editor notes and of their warnings.
 * @cssprop --anp-estimated-height - On a page of more than eight meta boxes, the height an off-screen box counts as before it has first rendered (default 40rem); such boxes skip layout and paint while off screen (`content-visibility: auto`).
 *
 * @fires anp-error - The input had problems; `detail.errors` lists them with JSON pointers. What was valid still renders.
 */
export class AnpMetaBox extends AnpCardElement {
  static override styles = [...metaBoxStyles, metaSignalsStyles];

  /**
   * Only these keys, in this order (comma list; any spelling of a key). Set
   * (even empty), it also turns off leaving out what sibling elements show.
   */
  @property({ type: String })
  fields?: string;

  /**
   * Every key but these (comma list). Inside an `<anp-article>` the box
   * leaves out by itself what sibling elements show (`score`, `checklist`);
   * setting `exclude`, even to `""`, replaces that with this list.
   */
  @property({ type: String })
  exclude?: string;

  /**
   * Shows editor notes above the rows: the article's data-quality signals
   * (needs human review, generated content, a stale review, low scores,
   * missing fields; docs/signals.md). Off by default, so readers never see
   * them unless the page asks. Their code loads when first set; their words
   * are English in every language.
   */
  @property({ type: Boolean })
  signals = false;

  /** With `signals`: a review older than this many days is stale (default 365). */
  @property({ attribute: 'signals-stale-days', converter: numberAttribute })
  signalsStaleDays?: number;

  /** With `signals`: a score under this (0 to 100) is low (default 70). */
  @property({ attribute: 'signals-min-score', converter: numberAttribute })
  signalsMinScore?: number;

  private readonly notes = new MetaSignals();
  private fieldSet?: Set<string>;
  /** Everything the box would show is shown by sibling elements: the box shows nothing, not an empty state. */
  private hiddenBySiblings = false;
  private excludeSet?: Set<string>;
  private meta?: Meta;
  /** How many rows of the top-level list are rendered (the rest follow task by task). */
  private shownRows = Infinity;
  /** The top-level list's fields (all shown but the outline), and the outline when shown; made once per update. */
  private listFields: readonly MetaField[] = NO_FIELDS;
  private outline?: OutlineField;
  private moreRows?: Promise<void>;
  /** The rows made so far while a first render arrives task by task (any property change starts over). */
  private rowChunks: unknown[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    if (++boxesOnPage > EAGER_BOXES && !this.hasAttribute('data-anp-offscreen')) this.setAttribute('data-anp-offscreen', '');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    boxesOnPage--;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('fields') || changed.has('exclude')) {
      const fields = keyList(this.fields, 'fields');
      const exclude = keyList(this.exclude, 'exclude');
      this.fieldSet = fields.keys;
      this.excludeSet = exclude.keys;
      const errors = [...fields.errors, ...exclude.errors];
      this.optionErrors = errors.length ? errors : NO_ERRORS;
    }
    this.input.setOptionErrors('signals', this.notes.check(this.signals, this.signalsStaleDays, this.signalsMinScore));
    const article = this.resolveArticle();
    this.notes.update(article);
    const meta = article?.meta;
    // A box that shows nothing yet starts with one task's worth of rows (on a
    // page; a server renders them all, and hydrating its markup takes them all). One that shows rows updates them all at once.
    if (meta && !this.meta) this.shownRows = this.isConnected && !isHydrating(this) ? FIRST_ROWS : Infinity;
    this.meta = meta;
    let fields = meta ? this.visibleFields(meta) : NO_FIELDS;
    // Inside an <anp-article>, what sibling elements show from it is theirs, unless `fields` or `exclude` says otherwise.
    this.hiddenBySiblings = false;
    if ((this.fields ?? this.exclude ?? undefined) === undefined && this.dataSource === 'context' && this.shownBySiblings.size) {
      const kept = fields.filter((field) => !this.shownBySiblings.has(field.label as ShownPart));
      this.hiddenBySiblings = kept.length < fields.length && !kept.length;
      fields = kept;
    }
    this.listFields = fields.filter((field) => field.kind !== 'outline');
    this.outline = fields.find((field): field is OutlineField => field.kind === 'outline');
    // The next chunk's update changes no property; anything else makes every row anew.
    if (changed.size > 0) this.rowChunks = [];
  }

  /** Fields to render, in order: `fields` order when given, input order otherwise. */
  private visibleFields(meta: Meta): readonly MetaField[] {
    const all = meta.fields ?? NO_FIELDS;
    let shown = all;
    if (this.fieldSet) {
      const byKey = new Map(all.map((field) => [field.key, field]));
      shown = [...this.fieldSet].flatMap((key) => byKey.get(key) ?? []);
    }
    return this.excludeSet ? shown.filter((field) => !this.excludeSet!.has(field.key)) : shown;
  }

  protected override render(): unknown {
    if (!this.meta || this.hiddenBySiblings) return nothing;
    const fields = this.listFields;
    const outline = this.outline;
    const heading = renderHeading(this.uiText('metaBox'), this.level(), { hidden: this.noHeading });
    // The notes share the heading's part: a box without them (the default) holds no part more.
    const notes = this.notes.signals;
    return html`<div part="base">
      ${notes.length ? html`${heading}${renderSignals(notes, this.locale)}` : heading}
      ${fields.length ? html`<dl part="list">${this.renderRows(fields)}</dl>` : outline ? nothing : this.renderEmpty()}
      ${outline ? this.renderOutline(outline) : nothing}
    </div>`;
  }

  /**
   * The list's rows up to `shownRows`, as chunks (the first `FIRST_ROWS`, then
   * `MORE_ROWS` each). Chunks made earlier in the same first render are
   * reused, so adding one costs that chunk only.
   */
  private renderRows(fields: readonly MetaField[]): unknown[] {
    const ctx: ValueContext = this.valueContext;
    const shown = Math.min(fields.length, this.shownRows);
    for (let start = 0, index = 0; start < shown; index++) {
      const end = Math.min(shown, start + (index === 0 ? FIRST_ROWS : MORE_ROWS));
      // Each chunk one part of rows built as DOM (src/internal/static-dom.ts): a row is made again only when its field changes.
      this.rowChunks[index] ??= staticDom(buildRow, fields.slice(start, end), ctx);
      start = end;
    }
    return this.rowChunks;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const rows = this.listFields.length;
    // Once every row is there, the chunks are let go: later updates make every row anew.
    if (this.shownRows >= rows) this.rowChunks = [];
    if (this.shownRows < rows && !this.moreRows) {
      this.moreRows = new Promise((done) =>
        nextTask(() => {
          this.moreRows = undefined;
          this.shownRows += MORE_ROWS;
          this.requestUpdate();
          done();
        }),
      );
    }
  }

  /** The signals too, while `signals` is set and they are not in yet. @internal */
  protected override loadsBeforeRender(): Promise<unknown>[] {
    const loads = super.loadsBeforeRender();
    const notes = signalsLoad(this.signals);
    return notes ? [...loads, notes] : loads;
  }

  /** Rows still waiting for their task, then whatever the base waits for. */
  protected override pendingWork(): Promise<unknown> | undefined {
    return this.moreRows ?? super.pendingWork();
  }

  private renderOutline(outline: OutlineField): TemplateResult {
    return html`<section part="outline" aria-labelledby="outline-heading">
      <div role="heading" aria-level=${this.level(this.noHeading ? 0 : 1)} part="heading outline-heading" id="outline-heading">
        <slot name="outline-heading">${this.fieldText(outline.label)}</slot>
      </div>
      ${renderFieldValue(outline, this.valueContext)}
    </section>`;
  }
}
