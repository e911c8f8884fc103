/**
 * What the classic script and its sibling files agree on
 * (`classic-sibling-loader.ts` on one side; `classic-sanitizer.ts`,
 * `classic-locales.ts` and `classic-signals.ts` on the other): each file's name, next to
 * `anp-components.iife.js`, and the own property of the loading script
 * element through which it answers.
 */
import { runningScript } from './core/dom.js';

export interface Sibling {
  /** The file, next to the classic script. */
  readonly file: string;
  /** The own property of the script element that loads it, through which it answers. */
  readonly receiver: string;
  /** What it holds, for messages. */
  readonly what: string;
}

/** DOMPurify and the library's rules, loaded when a rich field holds markup. */
export const SANITIZER_SIBLING: Sibling = {
  file: 'anp-components.sanitizer.iife.js',
  receiver: 'anpReceiveSanitizer',
  what: 'the sanitizer',
};

/** The label packs besides English, loaded when an element shows one of their languages. */
export const LOCALES_SIBLING: Sibling = { file: 'anp-components.locales.iife.js', receiver: 'anpReceiveLocales', what: 'the label packs' };

/** The data-quality signals, loaded when a meta box has the `signals` attribute. */
export const SIGNALS_SIBLING: Sibling = { file: 'anp-components.signals.iife.js', receiver: 'anpReceiveSignals', what: 'the signals' };

/**
 * The sibling's side: hands `value` to the script element that is loading
 * this file (the loader defined the receiver on it). Loaded any other way (a
 * page's own `<script src>`), it does nothing.
 */
export function answerLoader(sibling: Sibling, value: unknown): void {
  const receive: unknown = (runningScript() as unknown as Record<string, unknown> | null)?.[sibling.receiver];
  if (typeof receive === 'function') (receive as (value: unknown) => void)(value);
}
