import { html, type TemplateResult } from 'lit';

/** The empty state: given data, nothing valid to show. The `empty` slot replaces the words. */
export function renderEmpty(words: string): TemplateResult {
  return html`<p part="empty"><slot name="empty">${words}</slot></p>`;
}
