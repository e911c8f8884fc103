import type { Plugin } from 'vite';

/** Rewrites one piece of css template text. */
export function squeezeCss(text: string): string;
/** Rewrites one piece of html template text. */
export function squeezeHtml(text: string): string;
/** The source with every css`` and html`` template's text squeezed. */
export function minifyTemplates(code: string, fileName?: string): string;
/** As a Vite/Rollup plugin for the library's own modules in dist/. */
export function minifyTemplatesPlugin(options?: { include?: RegExp }): Plugin;
