/**
 * Where the signals come from in the ES build: a chunk of their own, which a
 * bundler splits off and a browser fetches only when a meta box has the
 * `signals` attribute. The classic script's build puts
 * `src/classic-sibling-loader.ts` in place of this module (vite.config.ts),
 * as it does for `core/sanitizer-loader.ts` and `core/label-packs-loader.ts`.
 */
import type { SignalsEngine } from './signals.js';

export function loadSignalsEngine(): Promise<SignalsEngine> {
  return import('./signals.js').then((module) => module.SIGNALS_ENGINE);
}
