import { css } from 'lit';
import { hostStyles } from '../../styles/host.styles.js';
import { scoreMeterStyles } from '../../internal/score-meter.styles.js';

/** Every style sheet of `<anp-score-bars>`, shared ones first. */
export const scoreBarsStyles = [
  hostStyles,
  scoreMeterStyles,
  css`
    [part~='list'] {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      /* Names take what they need up to half the width, then wrap: bars never leave a narrow screen. */
      grid-template-columns: fit-content(50%) minmax(0, 1fr);
      gap: calc(var(--_space) * 0.6) var(--_space);
    }
    /* Rows share the list's columns, so every bar starts where the others do. */
    [part~='bar'] {
      display: grid;
      grid-column: 1 / -1;
      grid-template-columns: subgrid;
      align-items: center;
    }
    [part~='more'] {
      grid-column: 1 / -1;
    }
    [part~='label'] {
      overflow-wrap: anywhere;
    }
    [part~='label']::first-letter {
      text-transform: uppercase;
    }
  `,
];
