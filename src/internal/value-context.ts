import type { LabelPack, Labels } from '../core/format.js';

/** What every value renderer needs to know about its element. */
export interface ValueContext {
  locale: string;
  labels: Labels | undefined;
  /** The built-in words of the element's language. */
  pack?: LabelPack;
}
