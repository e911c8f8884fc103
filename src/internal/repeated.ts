import { html, type TemplateResult } from 'lit';

/**
 * Lists as one template each, instead of one template per item.
 *
 * `${items.map((item) => html`<li>${item}</li>`)}` gives every item a template
 * instance of its own (a clone, a tree walk) and a part with two marker
 * comments; with 30 to 90 small items in a meta box that is most of what Lit
 * does on an archive page. Here a list of n items is a single template whose
 * markup repeats a fixed unit n times, so Lit clones it once and keeps one
 * part per value. The strings are made from the constant units below, never
 * from data, and are cached per unit and count, so Lit's own template cache
 * sees the same strings array for every list of that shape.
 */

/** The pieces of a repeated template: fixed markup, with a value between each two. */
export interface Unit {
  /** Markup before the first item. */
  readonly head: string;
  /** One item: k + 1 strings around k values. */
  readonly item: readonly string[];
  /** After the last item: m + 1 strings around m values. */
  readonly tail: readonly string[];
}

const made = new WeakMap<Unit, Map<number, TemplateStringsArray>>();

function strings(unit: Unit, count: number): TemplateStringsArray {
  let byCount = made.get(unit);
  if (!byCount) made.set(unit, (byCount = new Map<number, TemplateStringsArray>()));
  let cached = byCount.get(count);
  if (!cached) {
    const parts: string[] = [unit.head];
    const append = (pieces: readonly string[]) => {
      parts[parts.length - 1] += pieces[0];
      for (let i = 1; i < pieces.length; i++) parts.push(pieces[i]);
    };
    for (let i = 0; i < count; i++) append(unit.item);
    append(unit.tail);
    cached = Object.freeze(Object.assign(parts, { raw: Object.freeze([...parts]) }));
    byCount.set(count, cached);
  }
  return cached;
}

/**
 * One template for `items`: `unit.item` repeated once per item, with the
 * values `itemValues(item)` gives (as many as the unit has holes), then
 * `unit.tail` with `tailValues`.
 */
export function repeated<T>(
  unit: Unit,
  items: readonly T[],
  itemValues: (item: T) => readonly unknown[],
  tailValues: readonly unknown[] = [],
): TemplateResult {
  const values: unknown[] = [];
  for (const item of items) values.push(...itemValues(item));
  values.push(...tailValues);
  return html(strings(unit, items.length), ...values);
}
