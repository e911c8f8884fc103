import { html, nothing, type TemplateResult } from 'lit';
import { formatInteger, uiLabel } from '../core/format.js';
import { addElement } from './static-dom.js';
import type { ValueContext } from './value-context.js';

/** "n more", in the element's language. */
export function moreText(count: number, ctx: ValueContext): string {
  return uiLabel('more', ctx.labels, { n: formatInteger(count, ctx.locale) }, ctx.pack);
}

/** The "n more" line that ends a capped `<ul>`: nothing when nothing was cut. */
export function renderMore(count: number, ctx: ValueContext): TemplateResult | typeof nothing {
  return count > 0 ? html`<li part="more">${moreText(count, ctx)}</li>` : nothing;
}

/** `renderMore` as plain DOM, appended to `ul` (see static-dom.ts). */
export function addMore(doc: Document, ul: Node, count: number, ctx: ValueContext): void {
  if (count > 0) addElement(doc, ul, 'li', 'more', moreText(count, ctx));
}
