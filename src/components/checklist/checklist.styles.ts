import { css } from 'lit';
import { hostStyles } from '../../styles/host.styles.js';

/** Every style sheet of `<anp-checklist>`, shared ones first. */
export const checklistStyles = [
  hostStyles,
  css`
    [part~='list'] {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.25rem;
    }
    [part~='item'] {
      display: block;
    }
    label {
      display: flex;
      align-items: baseline;
      gap: 0.6em;
      padding: 0.3rem 0.4rem;
      border-radius: calc(var(--_radius) * 0.6);
      cursor: pointer;
      transition: background-color 0.15s ease-out;
    }
    label:hover {
      background: var(--_surface);
    }
    input {
      inline-size: 1.05em;
      block-size: 1.05em;
      margin: 0;
      flex: none;
      accent-color: var(--_accent);
      translate: 0 0.15em;
    }
    [part~='item-checked'] [part~='label'] {
      color: var(--_muted);
      text-decoration: line-through;
    }
    [part~='progress'] {
      margin: calc(var(--_space) * 0.5) 0 0;
      color: var(--_muted);
      font-size: 0.875em;
    }
    [part~='more'] {
      padding-inline-start: 0.4rem;
    }
  `,
];
