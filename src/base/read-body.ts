/**
 * Fetching a `src` body within the caps of `LIMITS`: at most `maxSrcBytes`
 * bytes are read (a `Content-Length` over it reads none) and the whole
 * request, from the fetch to the last byte, gets `srcTimeoutMs`. Past either,
 * the read stops, the request is aborted and the reason is returned; nothing
 * keeps reading or waiting in the background.
 */
import { LIMITS } from '../core/normalize.js';

/** What became of a `src` request. A network failure is thrown instead. */
export type SrcBody =
  | { kind: 'text'; text: string }
  | { kind: 'status'; status: number; statusText: string }
  /** More than `cap` bytes arrived or were announced; the rest was not read. */
  | { kind: 'too-large'; cap: number }
  /** No last byte within `ms` milliseconds; the request was aborted. */
  | { kind: 'timeout'; ms: number }
  /** The caller's signal aborted the request. */
  | { kind: 'aborted' };

let timeLimitMs: number = LIMITS.srcTimeoutMs;

/**
 * Test-only, not exported by the package: sets the time limit of requests
 * started from now on, so a test of the limit need not wait 10 s. Without an
 * argument it restores `LIMITS.srcTimeoutMs`.
 * @internal
 */
export function setSrcTimeLimitForTests(ms: number = LIMITS.srcTimeoutMs): void {
  timeLimitMs = ms;
}

const ignore = () => {};
const HALTED = Symbol('halted');

/** `Content-Length` as a number, or `undefined` when absent or not a plain count. */
function announcedLength(response: Response): number | undefined {
  const value = response.headers.get('content-length');
  return value !== null && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
}

/**
 * Fetches `href` and reads its body as text (UTF-8, bad bytes replaced).
 * The body is read as a stream and decoded chunk by chunk, so a body that is
 * too large or never ends costs at most the cap plus one chunk; `text()` is
 * used only when the response has no stream. `signal` aborting ends the
 * request and gives `aborted`, whatever it was waiting for.
 */
export async function fetchBody(href: string, init: Omit<RequestInit, 'signal'>, signal: AbortSignal): Promise<SrcBody> {
  if (signal.aborted) return { kind: 'aborted' };
  const request = new AbortController();
  const ms = timeLimitMs;
  let stopped: 'too-large' | 'timeout' | 'aborted' | undefined;
  let response: Response | undefined;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let wake = ignore;
  // Settles when the request is stopped, for waits that the abort might not end (a fetch or text() that ignores it).
  const halted = new Promise<typeof HALTED>((resolve) => (wake = () => resolve(HALTED)));
  const stop = (why: 'too-large' | 'timeout' | 'aborted') => {
    stopped ??= why;
    request.abort();
    // Ends a pending read even of a stream the abort does not reach.
    reader?.cancel().catch(ignore);
    wake();
  };
  const outcome = (): SrcBody =>
    stopped === 'too-large'
      ? { kind: 'too-large', cap: LIMITS.maxSrcBytes }
      : stopped === 'timeout'
        ? { kind: 'timeout', ms }
        : { kind: 'aborted' };
  const onAbort = () => stop('aborted');
  signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => stop('timeout'), ms);
  try {
    const answer = await Promise.race([fetch(href, { ...init, signal: request.signal }), halted]);
    if (answer === HALTED) return outcome();
    response = answer;
    if (!response.ok) return { kind: 'status', status: response.status, statusText: response.statusText };
    if ((announcedLength(response) ?? 0) > LIMITS.maxSrcBytes) {
      stop('too-large');
      return outcome();
    }
    if (!response.body) {
      const text = await Promise.race([response.text(), halted]);
      if (text === HALTED) return outcome();
      // Every UTF-16 unit took at least one byte, so this many units were more bytes than the cap.
      if (text.length > LIMITS.maxSrcBytes) stop('too-large');
      return stopped ? outcome() : { kind: 'text', text };
    }
    reader = response.body.getReader();
    if (stopped) return outcome();
    const decoder = new TextDecoder('utf-8', { fatal: false });
    const parts: string[] = [];
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (stopped) return outcome();
      if (done) break;
      if (!(value instanceof Uint8Array)) throw new TypeError('the body gave something other than bytes');
      bytes += value.byteLength;
      if (bytes > LIMITS.maxSrcBytes) {
        stop('too-large');
        return outcome();
      }
      parts.push(decoder.decode(value, { stream: true }));
    }
    parts.push(decoder.decode());
    return { kind: 'text', text: parts.join('') };
  } catch (error) {
    if (stopped) return outcome();
    throw error;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    // Whatever ended the read, nothing of the request stays open (a no-op after the last byte).
    request.abort();
    if (reader) reader.cancel().catch(ignore);
    else response?.body?.cancel().catch(ignore);
    wake();
  }
}
