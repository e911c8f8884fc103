import type { SafeUrl } from './article.js';
import { pageBaseURI } from './dom.js';

/** Schemes that may become an `href`. Everything else renders as text. */
export const ALLOWED_URL_SCHEMES: readonly string[] = ['http:', 'https:', 'mailto:'];

/** Used only to judge relative URLs when there is no document (server rendering). */
const FALLBACK_BASE = 'https://anp.invalid/';

function documentBase(): string {
  // Not `document.baseURI`: an element named `baseURI` on the page would stand in its place.
  const base = pageBaseURI();
  if (base && /^https?:/i.test(base)) return base;
  return FALLBACK_BASE;
}

export type UrlVerdict = { ok: true; href: SafeUrl } | { ok: false; reason: string };

/**
 * The URL policy. The decision is made on what the browser's own URL parser
 * makes of the string (WHATWG URL), so case tricks, leading spaces and
 * control characters, tabs or newlines inside the scheme, all of which that
 * parser strips or folds, judge exactly as the browser would follow them.
 * Entities are not decoded by anyone on this path: the string is bound as an
 * attribute value, never parsed as HTML, so `&#106;avascript:` stays a
 * harmless relative path.
 *
 * The returned `href` is the parser's serialization, resolved against the
 * document's base URL, so what the DOM gets is exactly what was judged.
 */
export function judgeUrl(raw: unknown, base: string = documentBase()): UrlVerdict {
  if (typeof raw !== 'string') return { ok: false, reason: 'expected a URL string' };
  if (raw.trim() === '') return { ok: false, reason: 'empty URL' };
  let parsed: URL;
  try {
    parsed = new URL(raw, base);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  if (!ALLOWED_URL_SCHEMES.includes(parsed.protocol)) {
    return { ok: false, reason: `scheme "${parsed.protocol}" is not allowed (http, https, mailto or relative only)` };
  }
  if (base === FALLBACK_BASE && parsed.origin === 'https://anp.invalid') {
    // No http(s) document to resolve against (a server, a file: page): keep the relative form.
    // A path that serializes as `//host/…` (from `/.//host`, `/%2e//host`, `/./\host`) would be read
    // as a link to another host (on a file: page, a network share), so it is no relative URL.
    if (parsed.pathname.startsWith('//')) {
      return { ok: false, reason: 'relative URL not used: it would point at another host' };
    }
    return { ok: true, href: (parsed.pathname + parsed.search + parsed.hash) as SafeUrl };
  }
  return { ok: true, href: parsed.href as SafeUrl };
}

/** `judgeUrl` for callers that only need the href or nothing. */
export function safeHref(raw: unknown, base?: string): SafeUrl | undefined {
  const verdict = judgeUrl(raw, base);
  return verdict.ok ? verdict.href : undefined;
}
