import type { Plugin } from 'vite';

/** Which modules are rewritten, and how many references of each kind they must hold. */
export const GUARDED_MODULES: readonly {
  library: 'lit-html' | 'lit' | 'dompurify';
  file: RegExp;
  document?: number;
  globalThis?: number;
  windowDocument?: number;
}[];
/** The module with its references rewritten, `null` when `id` is not guarded; throws on an unexpected count. */
export function guardModule(code: string, id: string, domModule: string): string | null;
/** As a Vite/Rollup plugin: `domModule` is the absolute path of dist/core/dom.js; `expect`/`forbid` name libraries the bundle must (not) hold. */
export function clobberGuardPlugin(options: { domModule: string; expect?: string[]; forbid?: string[] }): Plugin;
/** As a @web/test-runner plugin. */
export function clobberGuardServerPlugin(options?: { domModule?: string }): { name: string; transform(context: unknown): unknown };
