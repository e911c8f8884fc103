import type { AnpInputError } from '../core/article.js';

export interface AnpErrorDetail {
  /** Every problem in the element's current input, each with a JSON pointer. */
  errors: AnpInputError[];
  /** Which input the data came from: `items`, `article`, `src`, `script`, ... */
  source: string;
}

/**
 * Fired (bubbling, composed) when an element's input had problems. The
 * element still renders everything that was valid.
 */
export class AnpErrorEvent extends CustomEvent<AnpErrorDetail> {
  static readonly eventName = 'anp-error';

  constructor(detail: AnpErrorDetail) {
    super(AnpErrorEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'anp-error': AnpErrorEvent;
  }
}
