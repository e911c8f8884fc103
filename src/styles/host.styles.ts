import { css } from 'lit';

/**
 * Tokens and host rules every element shares. Each element class adopts this
 * sheet once (adoptedStyleSheets), however many instances a page has.
 *
 * Colours default to the host page's text colour mixed with transparency, so
 * the elements sit in light and dark themes alike; `--anp-*` tokens override.
 */
export const hostStyles = css`
  :host {
    --_fg: var(--anp-color-text, currentColor);
    --_muted: var(--anp-color-muted, color-mix(in srgb, currentColor 66%, transparent));
    --_border: var(--anp-color-border, color-mix(in srgb, currentColor 18%, transparent));
    --_surface: var(--anp-color-surface, color-mix(in srgb, currentColor 4%, transparent));
    --_accent: var(--anp-color-accent, #2563eb);
    --_space: var(--anp-space, 0.75rem);
    --_radius: var(--anp-radius, 0.5rem);
    --_font: var(--anp-font-family, inherit);
    --_mono: var(--anp-font-family-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    --_yes: var(--anp-color-yes, #15803d);
    --_no: var(--anp-color-no, color-mix(in srgb, currentColor 55%, transparent));
    display: block;
    font-family: var(--_font);
    color: var(--_fg);
    line-height: 1.5;
    box-sizing: border-box;
  }
  /* Dark accents: by the reader's preference unless theme="light" says otherwise, and always with theme="dark". */
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_accent: var(--anp-color-accent, #93b4ff);
      --_yes: var(--anp-color-yes, #6ee7a0);
    }
  }
  :host([theme='dark']) {
    --_accent: var(--anp-color-accent, #93b4ff);
    --_yes: var(--anp-color-yes, #6ee7a0);
    color-scheme: dark;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  /* An explicit theme paints its own canvas, so it reads the same on any page; the padding keeps text off its edge. */
  :host([theme='light']),
  :host([theme='dark']) {
    --_fg: var(--anp-color-text, CanvasText);
    background: var(--anp-color-background, Canvas);
    padding: var(--_space);
    border-radius: var(--_radius);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [part~='heading'] {
    margin: 0 0 calc(var(--_space) * 0.75);
    font-size: var(--anp-heading-size, 1rem);
    font-weight: 650;
  }
  [part~='heading']::first-letter {
    text-transform: uppercase;
  }
  ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  /* Data never reorders the surrounding text, whatever bidi controls it holds. */
  li,
  dd,
  dt,
  a {
    unicode-bidi: isolate;
  }
  /* An <a> whose URL the sanitizer refused keeps its text, not the look of a link. */
  a:not([href]) {
    color: inherit;
    text-decoration: none;
  }
  a[href] {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }
  a:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  code {
    font-family: var(--_mono);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  [part~='more'] {
    color: var(--_muted);
    font-style: italic;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
    }
  }
  @media (forced-colors: active) {
    a[href] {
      color: LinkText;
    }
    a:focus-visible,
    input:focus-visible {
      outline-color: Highlight;
    }
  }
`;
