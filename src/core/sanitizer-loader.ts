/**
 * Where the sanitizer comes from in the ES build: a chunk of its own, which a
 * bundler splits off and a browser fetches only when markup is met. The
 * classic script's build puts `src/classic-sanitizer-loader.ts` in place of
 * this module (vite.config.ts), because an IIFE cannot import a chunk.
 */
import type { SanitizerFactory } from './sanitize.js';

export function loadSanitizerEngine(): Promise<SanitizerFactory> {
  return import('./purifier.js').then((module) => module.createSanitizerEngine);
}
