import { css } from 'lit';

/**
 * Tokens and host rules every card element shares (their `--anp-*` tokens are
 * documented once, on `AnpCardElement`). Each element class adopts this
 * sheet once (adoptedStyleSheets), however many instances a page has.
 *
 * Host-proof: the element takes the page's font family, size and text colour,
 * and nothing else that changes its layout. A page's `text-align: center`,
 * `white-space: pre`, `text-transform: uppercase`, letter or word spacing,
 * `text-indent` or `line-height` stops at the host; `direction` is still
 * inherited, so `dir="rtl"` reaches inside.
 *
 * Contrast: text is the page's text colour itself, never a translucent mix
 * of it, so every text keeps the contrast the page's own text has, on light
 * and dark pages alike. Links mix the page's text colour with blue, and
 * keep that contrast too. Tinted
 * mixes are used for surfaces and borders only. `--anp-*` tokens override.
 */
export const hostStyles = css`
  :host {
    --_fg: var(--anp-color-text, currentColor);
    --_muted: var(--anp-color-muted, currentColor);
    --_border: var(--anp-color-border, color-mix(in srgb, currentColor 22%, transparent));
    --_surface: var(--anp-color-surface, color-mix(in srgb, currentColor 4%, transparent));
    --_accent: var(--anp-color-accent, color-mix(in srgb, #2563eb 55%, currentColor));
    --_space: var(--anp-space, 0.75rem);
    --_gap: var(--anp-gap, calc(2 * var(--_space)));
    --_radius: var(--anp-radius, 0.5rem);
    --_font: var(--anp-font-family, inherit);
    --_mono: var(--anp-font-family-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    /* flow-root: the gap after the card stays inside the element's box, so a reservation before upgrade can include it. */
    display: flow-root;
    font-family: var(--_font);
    color: var(--_fg);
    box-sizing: border-box;
    /* What a page may set on an ancestor that would change the layout inside. */
    font-style: normal;
    font-weight: 400;
    font-variant: normal;
    line-height: 1.5;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
    word-break: normal;
    overflow-wrap: anywhere;
    /* Nothing inside may widen the page: deep or long values wrap within the element. */
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  /* An explicit theme knows its canvas, so its accents are fixed colours. */
  :host([theme='dark']) {
    --_accent: var(--anp-color-accent, #93b4ff);
    color-scheme: dark;
  }
  :host([theme='light']) {
    --_accent: var(--anp-color-accent, #2563eb);
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
  /* One card for every element: the box, its padding, and a gap to the next
     element (none after the last child of its parent). An element with
     nothing to show renders no card, so it takes no space at all. */
  [part~='base'] {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    margin-block-end: var(--_gap);
  }
  :host(:last-child) [part~='base'] {
    margin-block-end: 0;
  }
  /* Headings never smaller than the text around them. */
  [part~='heading'] {
    margin: 0 0 calc(var(--_space) * 0.75);
    font-size: max(1em, var(--anp-heading-size, 1.125em));
    font-weight: 650;
    line-height: 1.3;
  }
  [part~='heading']::first-letter {
    text-transform: uppercase;
  }
  ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  li,
  dt,
  dd {
    min-inline-size: 0;
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
  pre {
    white-space: pre-wrap;
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
    [part~='base'] {
      border-color: CanvasText;
    }
    a[href] {
      color: LinkText;
    }
    a:focus-visible,
    input:focus-visible {
      outline-color: Highlight;
    }
  }
`;
