import { html, nothing, type TemplateResult } from 'lit';
import type { Entity, Entry, GenericValue, MetaField, RichText } from '../../core/article.js';
import { fieldLabel, formatDate, formatInteger, formatMinutes, formatNumber, isoMinutes, uiLabel } from '../../core/format.js';
import { renderMore } from '../../internal/more.js';
import { repeated, type Unit } from '../../internal/repeated.js';
import { richContent } from '../../internal/rich-content.js';
import { renderScoreMeter } from '../../internal/score-meter.js';
import type { ValueContext } from '../../internal/value-context.js';

export type { ValueContext };

/** `<ul>` of `<li part="item">` (the "n more" line last). */
const ITEM_LIST: Unit = { head: '<ul part="items">', item: ['<li part="item">', '</li>'], tail: ['', '</ul>'] };
/** Nested `<dl>` of label → value pairs (the "n more" row last). */
export const PAIR_LIST: Unit = {
  head: '<dl part="nested">',
  item: ['<div part="pair"><dt part="label">', '</dt><dd part="value">', '</dd></div>'],
  tail: ['', '</dl>'],
};
/** The outline's `<dl>` (the "n more" row last). */
const OUTLINE_LIST: Unit = {
  head: '<dl part="outline-list">',
  item: ['<div part="pair"><dt part="label">', '</dt><dd part="value">', '</dd></div>'],
  tail: ['', '</dl>'],
};
/** The scores' `<dl>`: each label has an id its meter is named by. */
const SCORE_LIST: Unit = {
  head: '<dl part="nested scores">',
  item: ['<div part="pair"><dt part="label" id=', '>', '</dt><dd part="value">', '</dd></div>'],
  tail: ['', '</dl>'],
};
const ENTITY_LIST: Unit = {
  head: '<ul part="items">',
  item: ['<li part="item entity"><span part="entity-name">', '</span>', '</li>'],
  tail: ['</ul>'],
};

export function renderBadge(value: boolean, ctx: ValueContext): TemplateResult {
  return html`<span part=${value ? 'badge badge-yes' : 'badge badge-no'}
    >${uiLabel(value ? 'yes' : 'no', ctx.labels, undefined, ctx.pack)}</span
  >`;
}

export function renderDate(iso: string, ctx: ValueContext): TemplateResult {
  return html`<time datetime=${iso}>${formatDate(iso, ctx.locale)}</time>`;
}

export function renderTextList(items: readonly string[], more: number, ctx: ValueContext): TemplateResult {
  return repeated(ITEM_LIST, items, (item) => [item], [renderMore(more, ctx)]);
}

export function renderRichList(items: readonly RichText[], more: number, ctx: ValueContext): TemplateResult {
  return repeated(ITEM_LIST, items, (item) => [richContent(item)], [renderMore(more, ctx)]);
}

export function renderEntities(entities: readonly Entity[]): TemplateResult {
  return repeated(ENTITY_LIST, entities, (entity) => [
    entity.name,
    entity.type === undefined ? nothing : html` <span part="entity-type">${entity.type}</span>`,
  ]);
}

/** A nested `<dl>` of label → value. */
export function renderEntries<T>(
  entries: readonly Entry<T>[],
  renderValue: (value: T) => unknown,
  ctx: ValueContext,
  more = 0,
): TemplateResult {
  return repeated(PAIR_LIST, entries, (entry) => [fieldLabel(entry.key, ctx.labels, ctx.pack), renderValue(entry.value)], [
    renderMoreRow(more, ctx),
  ]);
}

/** The "n more" line of a capped object, as the last pair of its `<dl>`. */
export function renderMoreRow(count: number, ctx: ValueContext): TemplateResult | typeof nothing {
  return count > 0
    ? html`<div part="pair">
        <dt part="label more">${uiLabel('more', ctx.labels, { n: formatInteger(count, ctx.locale) }, ctx.pack)}</dt>
        <dd part="value"></dd>
      </div>`
    : nothing;
}

/** A field's value, by its kind: what a `<dd>` of the meta box holds. */
export function renderFieldValue(field: MetaField, ctx: ValueContext): unknown {
  const label = (key: string) => fieldLabel(key, ctx.labels, ctx.pack);
  switch (field.kind) {
    case 'text':
      return field.value;
    case 'code':
      return html`<code>${field.value}</code>`;
    case 'rich':
      return richContent(field.value);
    case 'date':
      return renderDate(field.value, ctx);
    case 'minutes':
      return html`<time datetime=${isoMinutes(field.value)}>${formatMinutes(field.value, ctx.locale)}</time>`;
    case 'count':
      return html`<data value=${String(field.value)}>${formatInteger(field.value, ctx.locale)}</data>`;
    case 'list':
      return renderTextList(field.value, field.more, ctx);
    case 'rich-list':
      return renderRichList(field.value, field.more, ctx);
    case 'entities':
      return renderEntities(field.value);
    case 'outline':
      return repeated(OUTLINE_LIST, field.value, (entry) => [label(entry.key), entry.value], [renderMoreRow(field.more, ctx)]);
    case 'scores':
      return repeated(
        SCORE_LIST,
        field.value.map((score, index) => ({ score, id: `score-label-${index}` })),
        ({ score, id }) => [id, label(score.key), renderScoreMeter(score, id, ctx.locale)],
        [renderMoreRow(field.more, ctx)],
      );
    case 'flags':
      return renderEntries(field.value, (value) => renderBadge(value, ctx), ctx, field.more);
    case 'object':
      return repeated(PAIR_LIST, field.value, (child) => [label(child.label), renderFieldValue(child, ctx)], [
        renderMoreRow(field.more, ctx),
      ]);
    case 'generic':
      return renderGeneric(field.value, ctx);
  }
}

/**
 * Nested lists and objects shown below a field before the rest collapses into
 * "n more levels": each level indents, so this many fit a 320 px screen
 * with room to spare (the normalizer keeps up to 16).
 */
export const SHOWN_LEVELS = 4;

/** How many levels of lists and objects a value holds (0 for a plain value). */
function levelsOf(value: GenericValue): number {
  if (value.kind === 'list') return 1 + Math.max(0, ...value.items.map(levelsOf));
  if (value.kind === 'map') return 1 + Math.max(0, ...value.entries.map((entry) => levelsOf(entry.value)));
  return 0;
}

/**
 * Any JSON: arrays as lists, objects as nested lists, dates as `<time>`,
 * numbers localized, booleans as badges. Never "[object Object]", never
 * joined into one string. Lists and objects deeper than `SHOWN_LEVELS`
 * collapse into a visible "n more levels".
 */
export function renderGeneric(value: GenericValue, ctx: ValueContext, depth = 0): TemplateResult | string {
  if (depth >= SHOWN_LEVELS && (value.kind === 'list' || value.kind === 'map')) {
    const levels = formatInteger(levelsOf(value), ctx.locale);
    return html`<span part="more">${uiLabel('moreLevels', ctx.labels, { n: levels }, ctx.pack)}</span>`;
  }
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'date':
      return renderDate(value.iso, ctx);
    case 'number':
      return html`<data value=${String(value.value)}>${formatNumber(value.value, ctx.locale)}</data>`;
    case 'boolean':
      return renderBadge(value.value, ctx);
    case 'null':
      return html`<span part="none">${uiLabel('none', ctx.labels, undefined, ctx.pack)}</span>`;
    case 'list':
      return repeated(ITEM_LIST, value.items, (item) => [renderGeneric(item, ctx, depth + 1)], [renderMore(value.more, ctx)]);
    case 'map':
      return renderEntries(value.entries, (child) => renderGeneric(child, ctx, depth + 1), ctx, value.more);
  }
}
