import { html, nothing, type TemplateResult } from 'lit';

/**
 * An element's heading: `role="heading"` with a level the page chooses, so
 * the page's outline stays in order wherever the element is placed. The
 * `heading` slot replaces the default text.
 */
export function renderHeading(text: string, level: number, { hidden = false } = {}): TemplateResult | typeof nothing {
  if (hidden) return nothing;
  return html`<div role="heading" aria-level=${level} part="heading" id="heading">
    <slot name="heading">${text}</slot>
  </div>`;
}
