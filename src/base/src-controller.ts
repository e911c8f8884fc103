import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnpInputError } from '../core/article.js';
import { describeThrown, parseJson } from '../core/normalize.js';
import { judgeUrl } from '../core/url.js';
import { fetchBody } from './read-body.js';

/** What one `src` URL answered: its parsed JSON, or the errors that stopped it. */
export interface SrcAnswer {
  url: string;
  value: unknown;
  errors: AnpInputError[];
}

export interface SrcControllerOptions {
  /** The URL to fetch (the element's `src`), read on connect and on `sync()`. */
  url: () => string | undefined;
}

/**
 * Fetches the JSON at the element's `src`, in the shape of @lit/task (args →
 * AbortSignal → value, with a completion promise) but without its runtime:
 * one URL is fetched once; a new URL aborts the request under way, and an
 * answer that arrives for a URL no longer wanted is ignored; leaving the page
 * aborts too (the same URL is fetched again on the next connect). Failures
 * are an answer with errors (`src: ...`), never a throw.
 */
export class SrcController implements ReactiveController {
  private readonly host: ReactiveControllerHost & Element;
  private readonly url: () => string | undefined;
  private answer?: SrcAnswer;
  /** The URL being fetched or last fetched. */
  private fetchUrl?: string;
  private abort?: AbortController;
  /** Settles once the request under way has been answered or stopped; `undefined` when none is. */
  taskComplete?: Promise<void>;

  constructor(host: ReactiveControllerHost & Element, { url }: SrcControllerOptions) {
    this.host = host;
    this.url = url;
    host.addController(this);
  }

  /** The answer for the current URL; `undefined` while there is none (no URL, or not answered yet). */
  get value(): SrcAnswer | undefined {
    const url = this.url();
    return url && this.answer?.url === url ? this.answer : undefined;
  }

  hostConnected(): void {
    const url = this.url();
    if (url && this.fetchUrl !== url) this.run(url);
  }

  hostDisconnected(): void {
    // An element that left the page has no use for a response.
    if (this.abort) this.stop();
  }

  /** Follows a changed URL while on the page: fetches a new one, forgets a removed one. Called before the host renders. */
  sync(): void {
    if (!this.host.isConnected) return;
    const url = this.url();
    if (url) {
      if (this.fetchUrl !== url) this.run(url);
    } else if (this.fetchUrl !== undefined || this.answer) {
      this.stop();
      this.answer = undefined;
      this.fetchUrl = undefined;
    }
  }

  /** Aborts the request under way; its URL is fetched again on the next connect. */
  private stop(): void {
    this.abort?.abort();
    this.abort = undefined;
    this.taskComplete = undefined;
    if (this.answer?.url !== this.fetchUrl) this.fetchUrl = undefined;
  }

  private run(url: string): void {
    this.abort?.abort();
    this.fetchUrl = url;
    const abort = new AbortController();
    this.abort = abort;
    const done = (answer: SrcAnswer) => {
      if (abort.signal.aborted || this.abort !== abort) return; // a newer src won
      this.answer = answer;
      this.host.requestUpdate();
    };
    const fail = (message: string) =>
      done({ url, value: undefined, errors: [{ path: '', code: 'fetch-failed', message: `src: ${message}` }] });
    const verdict = judgeUrl(url);
    if (!verdict.ok) {
      fail(`URL not used: ${verdict.reason}`);
      this.abort = undefined;
      return;
    }
    this.taskComplete = (async () => {
      try {
        // Bytes are capped while reading, characters (parseJson) after.
        const body = await fetchBody(verdict.href, { credentials: 'same-origin', headers: { Accept: 'application/json' } }, abort.signal);
        switch (body.kind) {
          case 'aborted':
            return;
          case 'status':
            fail(`fetch failed: HTTP ${body.status}${body.statusText ? ' ' + body.statusText : ''}`);
            return;
          case 'too-large':
            fail(`body too large: more than ${body.cap} bytes; not read further`);
            return;
          case 'timeout':
            fail(`no answer within ${body.ms / 1000} s; the request was stopped`);
            return;
          case 'text': {
            const parsed = parseJson(body.text, 'src');
            done({ url, value: parsed.value, errors: parsed.errors });
          }
        }
      } catch (error) {
        if (abort.signal.aborted) return;
        fail(`fetch failed: ${describeThrown(error)}`);
      } finally {
        if (this.abort === abort) {
          this.abort = undefined;
          this.taskComplete = undefined;
        }
      }
    })();
  }
}
