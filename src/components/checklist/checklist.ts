import { html, isServer, noChange, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ShownPart } from '../../core/article-context.js';
import { formatInteger } from '../../core/format.js';
import { metaField, normalizeChecklistItems } from '../../core/normalize.js';
import { AnpCardElement } from '../../base/anp-element.js';
import { AnpChecklistChangeEvent } from '../../events/anp-checklist-change.js';
import { checklistStyles } from './checklist.styles.js';
import { renderMore } from '../../internal/more.js';

/**
 * @summary An article's checklist (meta.checklist) as checkboxes a reader can tick with mouse or keyboard, with the progress shown.
 *
 * @slot heading - Replaces the heading text.
 * @slot empty - Replaces the empty-state text.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The heading.
 * @csspart list - The `<ul>`.
 * @csspart item - One `<li>`; also `item-checked` when ticked.
 * @csspart item-checked - An item whose checkbox is ticked (alongside `item`).
 * @csspart row - The clickable row of one item: a `<label>` around the checkbox and its text.
 * @csspart checkbox - The `<input type="checkbox">`.
 * @csspart label - The item's text (the checkbox's label).
 * @csspart progress - The "n of m done" line.
 * @csspart more - The "n more" line of a capped list.
 * @csspart empty - The empty state, shown when the data has nothing valid to show (invalid JSON included).
 *
 *
 * @fires anp-checklist-change - A reader ticked or unticked an item; `detail` has the item, `done`, `total` and every state.
 * @fires anp-error - The input had problems; `detail.errors` lists them with JSON pointers. What was valid still renders.
 */
export class AnpChecklist extends AnpCardElement {
  static override styles = checklistStyles;

  /** The items, as strings. Takes precedence over every article input. */
  @property({ attribute: false })
  items?: string[];

  @state() private states: boolean[] = [];
  /** The items the reader's ticks belong to. */
  private statesFor: readonly string[] = [];

  private list?: { items: readonly string[]; more: number };
  protected override get shows(): ShownPart | undefined {
    return this.items == null ? 'checklist' : undefined;
  }

  /** How many items are ticked, of how many. */
  get progress(): { done: number; total: number } {
    const total = this.list?.items.length ?? 0;
    return { done: this.states.slice(0, total).filter(Boolean).length, total };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.list = this.input.resolvePart({ name: 'items', value: this.items, normalize: normalizeChecklistItems }, ({ meta }) => {
      const field = metaField(meta, 'checklist', 'list');
      return { items: field?.value ?? [], more: field?.more ?? 0 };
    });
    // New items start unticked; the same items keep the reader's ticks.
    if (this.list && !sameItems(this.statesFor, this.list.items)) {
      this.statesFor = this.list.items;
      if (this.states.length) this.states = [];
    }
  }

  private toggle(index: number, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    const items = this.list?.items ?? [];
    const states = items.map((_, i) => (i === index ? checked : Boolean(this.states[i])));
    this.states = states;
    const done = states.filter(Boolean).length;
    this.dispatchEvent(new AnpChecklistChangeEvent({ index, item: items[index] ?? '', checked, done, total: items.length, states }));
  }

  protected override render(): unknown {
    const list = this.list;
    // No data yet: nothing. Data without a valid item: the empty state, never a bare heading.
    if (!list) return nothing;
    return this.renderCard('checklist', !list.items.length && !list.more ? this.renderEmpty() : this.renderList(list));
  }

  private renderList(list: { items: readonly string[]; more: number }): unknown {
    const { done, total } = this.progress;
    // (On a server nothing is ticked, and Lit would write `.checked=${false}` as the attribute checked="false", which ticks it.)
    return html`<ul part="list">
        ${list.items.map((item, index) => {
          const checked = Boolean(this.states[index]);
          return html`<li part=${checked ? 'item item-checked' : 'item'}>
            <label part="row">
              <input
                type="checkbox"
                part="checkbox"
                .checked=${isServer ? noChange : checked}
                @change=${(event: Event) => this.toggle(index, event)}
              />
              <span part="label">${item}</span>
            </label>
          </li>`;
        })}
        ${renderMore(list.more, this.valueContext)}
      </ul>
      ${
        total > 0
          ? html`<p part="progress" aria-live="polite">
              ${this.uiText('checklistProgress', { done: formatInteger(done, this.locale), total: formatInteger(total, this.locale) })}
            </p>`
          : nothing
      }`;
  }
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
