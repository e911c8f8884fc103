import type { GenericValue, MetaField } from '../../core/article.js';
import { fieldLabel, formatDate, formatInteger, formatMinutes, formatNumber, isoMinutes, uiLabel } from '../../core/format.js';
import { addMore, moreText } from '../../internal/more.js';
import { appendRich, richContent } from '../../internal/rich-content.js';
import { addScoreMeter } from '../../internal/score-meter.js';
import { addElement, staticDom } from '../../internal/static-dom.js';
import type { ValueContext } from '../../internal/value-context.js';

export type { ValueContext };

/**
 * A field's value, by its kind: what a `<dd>` of the meta box holds. Plain
 * text is a text part and a rich value goes through richContent(); every
 * other value is built as DOM in one part (`staticDom`,
 * src/internal/static-dom.ts), in the structure the parts name.
 */
export function renderFieldValue(field: MetaField, ctx: ValueContext): unknown {
  if (field.kind === 'text') return field.value;
  if (field.kind === 'rich') return richContent(field.value);
  return staticDom(buildField, [field], ctx);
}

/** One row of the meta box's list: `<div part="field …"><dt part="label">…</dt><dd part="value">…</dd></div>`. */
export function buildRow(doc: Document, field: MetaField, ctx: ValueContext): Node {
  const row = addElement(doc, null, 'div', field.kind === 'generic' ? 'field' : `field field-${field.key}`);
  addElement(doc, row, 'dt', 'label', fieldLabel(field.label, ctx.labels, ctx.pack));
  addValue(doc, addElement(doc, row, 'dd', 'value'), field, ctx);
  return row;
}

/** A field's value, appended to its `<dd>`. */
function addValue(doc: Document, dd: HTMLElement, field: MetaField, ctx: ValueContext): void {
  if (field.kind === 'rich') appendRich(dd, field.value);
  else dd.append(buildField(doc, field, ctx));
}

/** `<dl part=…>` of label → value pairs, the "n more" row last. */
function addPairs<T>(
  doc: Document,
  part: string,
  entries: readonly T[],
  each: (entry: T, dt: HTMLElement, dd: HTMLElement, index: number) => void,
  more: number,
  ctx: ValueContext,
): HTMLElement {
  const dl = addElement(doc, null, 'dl', part);
  entries.forEach((entry, index) => {
    const pair = addElement(doc, dl, 'div', 'pair');
    each(entry, addElement(doc, pair, 'dt', 'label'), addElement(doc, pair, 'dd', 'value'), index);
  });
  // The "n more" line of a capped object, as the last pair.
  if (more > 0) {
    const pair = addElement(doc, dl, 'div', 'pair');
    addElement(doc, pair, 'dt', 'label more', moreText(more, ctx));
    addElement(doc, pair, 'dd', 'value');
  }
  return dl;
}

/** `<ul part="items">`, the "n more" line last. */
function addItems<T>(doc: Document, items: readonly T[], each: (item: T, li: HTMLElement) => void, more: number, ctx: ValueContext) {
  const ul = addElement(doc, null, 'ul', 'items');
  for (const item of items) each(item, addElement(doc, ul, 'li', 'item'));
  addMore(doc, ul, more, ctx);
  return ul;
}

function addBadge(doc: Document, parent: Node | null, value: boolean, ctx: ValueContext): HTMLElement {
  return addElement(
    doc,
    parent,
    'span',
    value ? 'badge badge-yes' : 'badge badge-no',
    uiLabel(value ? 'yes' : 'no', ctx.labels, undefined, ctx.pack),
  );
}

/** The nodes of a plain field's value. */
function buildField(doc: Document, field: Exclude<MetaField, { kind: 'rich' }>, ctx: ValueContext): Node | string {
  const label = (key: string) => fieldLabel(key, ctx.labels, ctx.pack);
  switch (field.kind) {
    case 'text':
      return field.value;
    case 'rich-list':
      return addItems(doc, field.value, (item, li) => appendRich(li, item), field.more, ctx);
    case 'code':
      return addElement(doc, null, 'code', {}, field.value);
    case 'date':
      return addElement(doc, null, 'time', { datetime: field.value }, formatDate(field.value, ctx.locale));
    case 'minutes':
      return addElement(doc, null, 'time', { datetime: isoMinutes(field.value) }, formatMinutes(field.value, ctx.locale));
    case 'count':
      return addElement(doc, null, 'data', { value: `${field.value}` }, formatInteger(field.value, ctx.locale));
    case 'list':
      return addItems(doc, field.value, (item, li) => li.append(item), field.more, ctx);
    case 'entities': {
      const ul = addElement(doc, null, 'ul', 'items');
      for (const entity of field.value) {
        const li = addElement(doc, ul, 'li', 'item entity');
        addElement(doc, li, 'span', 'entity-name', entity.name);
        if (entity.type !== undefined) {
          li.append(' ');
          addElement(doc, li, 'span', 'entity-type', entity.type);
        }
      }
      return ul;
    }
    case 'outline':
      return addPairs(
        doc,
        'outline-list',
        field.value,
        (entry, dt, dd) => (dt.append(label(entry.key)), dd.append(entry.value)),
        field.more,
        ctx,
      );
    case 'scores':
      return addPairs(
        doc,
        'nested scores',
        field.value,
        (score, dt, dd, index) => {
          const id = `score-label-${index}`;
          dt.id = id;
          dt.append(label(score.key));
          addScoreMeter(doc, dd, score.value, id, ctx.locale);
        },
        field.more,
        ctx,
      );
    case 'flags':
      return addPairs(
        doc,
        'nested',
        field.value,
        (entry, dt, dd) => (dt.append(label(entry.key)), addBadge(doc, dd, entry.value, ctx)),
        field.more,
        ctx,
      );
    case 'object':
      return addPairs(
        doc,
        'nested',
        field.value,
        (child, dt, dd) => {
          dt.append(label(child.label));
          addValue(doc, dd, child, ctx);
        },
        field.more,
        ctx,
      );
    case 'generic':
      return buildGeneric(doc, field.value, ctx, 0);
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
function buildGeneric(doc: Document, value: GenericValue, ctx: ValueContext, depth: number): Node | string {
  if (depth >= SHOWN_LEVELS && (value.kind === 'list' || value.kind === 'map')) {
    const levels = formatInteger(levelsOf(value), ctx.locale);
    return addElement(doc, null, 'span', 'more', uiLabel('moreLevels', ctx.labels, { n: levels }, ctx.pack));
  }
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'date':
      return addElement(doc, null, 'time', { datetime: value.iso }, formatDate(value.iso, ctx.locale));
    case 'number':
      return addElement(doc, null, 'data', { value: `${value.value}` }, formatNumber(value.value, ctx.locale));
    case 'boolean':
      return addBadge(doc, null, value.value, ctx);
    case 'null':
      return addElement(doc, null, 'span', 'none', uiLabel('none', ctx.labels, undefined, ctx.pack));
    case 'list':
      return addItems(doc, value.items, (item, li) => li.append(buildGeneric(doc, item, ctx, depth + 1)), value.more, ctx);
    case 'map':
      return addPairs(
        doc,
        'nested',
        value.entries,
        (entry, dt, dd) => (
          dt.append(fieldLabel(entry.key, ctx.labels, ctx.pack)),
          dd.append(buildGeneric(doc, entry.value, ctx, depth + 1))
        ),
        value.more,
        ctx,
      );
  }
}
