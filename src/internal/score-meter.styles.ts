import { css } from 'lit';

/** The look of `addScoreMeter`: shared by `<anp-score-bars>` and the score field of `<anp-meta-box>`. */
export const scoreMeterStyles = css`
  [part~='bar-track'] {
    display: flex;
    align-items: center;
    gap: 0.6em;
    min-inline-size: min(8rem, 100%);
  }
  meter {
    flex: 1;
    appearance: none;
    -webkit-appearance: none;
    inline-size: 100%;
    min-inline-size: 4rem;
    block-size: var(--anp-bar-height, 0.5rem);
    border: 0;
    border-radius: 999px;
    background: var(--anp-bar-track, color-mix(in srgb, currentColor 12%, transparent));
    overflow: hidden;
  }
  meter::-webkit-meter-inner-element {
    display: block;
  }
  /* Chromium places the bar absolutely, offset to centre its own default height: in flow, the fill covers the whole bar. */
  meter::-webkit-meter-bar {
    position: static;
    block-size: var(--anp-bar-height, 0.5rem);
    border: 0;
    border-radius: 999px;
    /* The meter itself paints the track: a second coat would darken a translucent --anp-bar-track. */
    background: transparent;
  }
  meter::-webkit-meter-optimum-value {
    background: var(--anp-bar-color-high, #16a34a);
    border-radius: 999px;
  }
  meter::-webkit-meter-suboptimum-value {
    background: var(--anp-bar-color-mid, #d97706);
    border-radius: 999px;
  }
  meter::-webkit-meter-even-less-good-value {
    background: var(--anp-bar-color-low, #dc2626);
    border-radius: 999px;
  }
  meter:-moz-meter-optimum::-moz-meter-bar {
    background: var(--anp-bar-color-high, #16a34a);
  }
  meter:-moz-meter-sub-optimum::-moz-meter-bar {
    background: var(--anp-bar-color-mid, #d97706);
  }
  meter:-moz-meter-sub-sub-optimum::-moz-meter-bar {
    background: var(--anp-bar-color-low, #dc2626);
  }
  [part~='score'] {
    /* "100" fits too, so every bar in a list ends at the same place. */
    min-inline-size: 3ch;
    text-align: end;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  @media (forced-colors: active) {
    meter {
      appearance: auto;
      border: 1px solid CanvasText;
    }
  }
`;
