import { css } from 'lit';
import { hostStyles } from '../../styles/host.styles.js';

/** Every style sheet of `<anp-similar-posts>`, shared ones first. */
export const similarPostsStyles = [
  hostStyles,
  css`
    [part~='list'] {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: calc(var(--_space) * 0.75);
    }
    [part~='item'] {
      display: grid;
      gap: 0.1rem;
    }
    [part~='link'],
    [part~='title'] {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    [part~='details'] {
      color: var(--_muted);
      font-size: 0.875em;
    }
    /* "6 min" stays on one line on a narrow screen. */
    [part~='details'] time {
      white-space: nowrap;
    }
    [part~='empty'] {
      margin: 0;
      padding: var(--_space);
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
      color: var(--_muted);
      text-align: center;
    }
  `,
];
