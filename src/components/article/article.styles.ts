import { css } from 'lit';

/** `<anp-article>` shows nothing of its own: a block around its content. */
export const articleStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
`;
