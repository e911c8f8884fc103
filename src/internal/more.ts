import { html, nothing, type TemplateResult } from 'lit';
import { formatInteger, uiLabel } from '../core/format.js';
import type { ValueContext } from './value-context.js';

/** The "n more" line that ends a capped `<ul>`: nothing when nothing was cut. */
export function renderMore(count: number, ctx: ValueContext): TemplateResult | typeof nothing {
  return count > 0 ? html`<li part="more">${uiLabel('more', ctx.labels, { n: formatInteger(count, ctx.locale) }, ctx.pack)}</li>` : nothing;
}
