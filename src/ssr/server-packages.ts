/**
 * The packages server rendering needs and browsers never do: `@lit-labs/ssr`
 * (Lit's renderer) and `jsdom` (the DOM that DOMPurify sanitizes with, and
 * that rows and values are built in). They are optional peer dependencies of
 * anp-components, so a site that only uses the elements in a browser installs
 * nothing more; they are loaded here on first use, and their absence is one
 * clear error that says what to install.
 */
import type { LitElementRenderer } from '@lit-labs/ssr';

/** What `npm install` needs for `anp-components/ssr` and `anp render`. */
export const SERVER_PACKAGES: readonly string[] = ['@lit-labs/ssr', 'jsdom'];

/** Thrown when a server package is not installed; its message says what to install. */
export class ServerPackagesMissingError extends Error {
  override name = 'ServerPackagesMissingError';
  readonly missing: readonly string[];

  constructor(missing: readonly string[]) {
    super(
      `server rendering needs ${missing.join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} not installed: ` +
        `npm install --save-dev ${SERVER_PACKAGES.join(' ')}`,
    );
    this.missing = missing;
  }
}

/** The pieces of the server packages that rendering uses. */
export interface ServerPackages {
  LitElementRenderer: typeof LitElementRenderer;
  collectResult: (result: Iterable<unknown>) => Promise<string>;
  /** A jsdom window: the server's DOM, for DOMPurify and the built rows. */
  window: Window;
}

interface JsdomModule {
  JSDOM: new (html: string) => { window: Window };
}

function isMissing(error: unknown, name: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'ERR_MODULE_NOT_FOUND' && typeof message === 'string' && message.includes(`'${name}`);
}

let loaded: Promise<ServerPackages> | undefined;

/** Loads the server packages once per process; rejects with `ServerPackagesMissingError` when one is absent. */
export function loadServerPackages(): Promise<ServerPackages> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<ServerPackages> {
  const missing: string[] = [];
  const attempt = async <T>(name: string, get: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await get();
    } catch (error) {
      if (!isMissing(error, name)) throw error;
      missing.push(name);
      return undefined;
    }
  };
  // jsdom ships no types of its own; its name is a variable so that no bundler tries to take it in.
  const jsdomName = 'jsdom';
  const [ssr, results, jsdom] = await Promise.all([
    attempt('@lit-labs/ssr', () => import('@lit-labs/ssr')),
    attempt('@lit-labs/ssr', () => import('@lit-labs/ssr/lib/render-result.js')),
    attempt(jsdomName, () => import(jsdomName) as Promise<JsdomModule>),
  ]);
  if (!ssr || !results || !jsdom) {
    loaded = undefined;
    throw new ServerPackagesMissingError([...new Set(missing)]);
  }
  return {
    LitElementRenderer: ssr.LitElementRenderer,
    collectResult: results.collectResult as ServerPackages['collectResult'],
    window: new jsdom.JSDOM('<!doctype html>').window,
  };
}
