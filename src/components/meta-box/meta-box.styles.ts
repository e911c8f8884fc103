import { css } from 'lit';
import { scoreMeterStyles } from '../../internal/score-meter.styles.js';
import { hostStyles } from '../../styles/host.styles.js';

/** Every style sheet of `<anp-meta-box>`, shared ones first. */
export const metaBoxStyles = [
  hostStyles,
  scoreMeterStyles,
  css`
    /* Yes/no badges are the meta box's alone: their colours are its tokens. The "yes" badge tints its background only, keeping the text's contrast. */
    :host {
      --_yes: var(--anp-color-yes, #16a34a);
      --_no: var(--anp-color-no, currentColor);
    }
    :host([theme='dark']) {
      --_yes: var(--anp-color-yes, #6ee7a0);
    }
    dl {
      margin: 0;
    }
    [part~='list'] {
      display: grid;
      grid-template-columns: minmax(6rem, var(--anp-label-width, 9.5rem)) minmax(0, 1fr);
    }
    /* The gap is padding, not column-gap, so each row's separator is one unbroken line. */
    [part~='list'] > [part~='field'] > dt {
      padding-inline-end: var(--_space);
    }
    [part~='field'] {
      display: contents;
    }
    [part~='list'] > [part~='field'] > dt,
    [part~='list'] > [part~='field'] > dd {
      padding-block: calc(var(--_space) * 0.5);
      border-block-start: 1px solid var(--_border);
    }
    [part~='list'] > [part~='field']:first-child > dt,
    [part~='list'] > [part~='field']:first-child > dd {
      border-block-start: 0;
    }
    dt {
      color: var(--_muted);
      font-size: 0.875em;
      font-weight: 600;
    }
    dt::first-letter {
      text-transform: uppercase;
    }
    dd {
      margin: 0;
    }
    /* A label takes what it needs up to 40 % of the width, then wraps (a long key never widens the page). */
    [part~='nested'] {
      display: grid;
      grid-template-columns: fit-content(40%) minmax(0, 1fr);
      gap: 0.15rem var(--_space);
    }
    [part~='nested'] > [part~='pair'] {
      display: contents;
    }
    [part~='nested'] dt {
      font-weight: 500;
    }
    /* Badge text is the page's text colour (its contrast is the page's own);
     "yes" is told apart by a tinted fill and a coloured border, "no" by a dashed border. */
    [part~='badge'] {
      display: inline-block;
      padding: 0 0.55em;
      border-radius: 999px;
      font-size: 0.8em;
      font-weight: 600;
      line-height: 1.6;
      border: 1px solid;
    }
    [part~='badge-yes'] {
      border-color: var(--_yes);
      background: color-mix(in srgb, var(--_yes) 16%, transparent);
    }
    [part~='badge-no'] {
      color: var(--_no);
      border-style: dashed;
      border-color: color-mix(in srgb, var(--_no) 70%, transparent);
    }
    [part~='entity-type'] {
      color: var(--_muted);
      font-size: 0.85em;
    }
    [part~='entity-type']::before {
      content: '· ';
    }
    [part~='none'] {
      color: var(--_muted);
    }
    [part~='outline'] {
      margin-block-start: var(--_space);
      padding-block-start: var(--_space);
      border-block-start: 1px solid var(--_border);
    }
    [part~='outline-list'] {
      display: grid;
      grid-template-columns: minmax(6rem, var(--anp-label-width, 9.5rem)) minmax(0, 1fr);
      row-gap: calc(var(--_space) * 0.5);
    }
    [part~='outline-list'] dt {
      padding-inline-end: var(--_space);
    }
    [part~='outline-list'] > [part~='pair'] {
      display: contents;
    }
    /* Narrow: each label sits above its value, and one rule (above the label) separates a row from the next. */
    @container (max-width: 30rem) {
      [part~='list'],
      [part~='outline-list'] {
        grid-template-columns: minmax(0, 1fr);
      }
      [part~='list'] > [part~='field'] > dt {
        padding-block-end: 0;
      }
      [part~='list'] > [part~='field'] > dd {
        padding-block-start: 0.1rem;
        border-block-start: 0;
      }
      [part~='outline-list'] {
        row-gap: 0;
      }
      [part~='outline-list'] > [part~='pair'] + [part~='pair'] > dt {
        padding-block-start: calc(var(--_space) * 0.5);
      }
    }
    /* Very narrow: nested labels sit above their values too, slightly indented. */
    @container (max-width: 22rem) {
      [part~='nested'] {
        grid-template-columns: minmax(0, 1fr);
        row-gap: 0;
      }
      [part~='nested'] > [part~='pair'] > dd {
        padding-inline-start: 0.5rem;
        margin-block-end: 0.2rem;
      }
    }

    /*
   * On a page of many boxes (an archive: from the ninth box on, see
   * meta-box.ts), off-screen boxes skip layout and paint until they come near
   * the viewport, so 1,000 boxes lay out one screenful, not 1,000 (see
   * docs/benchmarks.md). A box remembers its real height once rendered; until
   * then it counts as --anp-estimated-height tall. The first boxes of a page
   * never do, so an article page cannot shift while a box is measured. A page
   * opts out with anp-meta-box::part(base) { content-visibility: visible }.
   * On the base part, not the host: Firefox gives a skipped element that is
   * also a size container no height.
   */
    :host([data-anp-offscreen]) [part~='base'] {
      content-visibility: auto;
      contain-intrinsic-block-size: auto var(--anp-estimated-height, 40rem);
    }
    :host {
      container-type: inline-size;
    }
    @media (forced-colors: active) {
      [part~='badge'] {
        border-color: CanvasText;
        color: CanvasText;
      }
    }
  `,
];
