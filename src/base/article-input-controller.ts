import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnpInputError, Article, Normalized } from '../core/article.js';
import { emptyArticle, jsonTooLarge, normalizeArticle } from '../core/normalize.js';
import { markupShownAsText, sanitizerFailure } from '../core/sanitize.js';
import { AnpErrorEvent } from '../events/anp-error.js';
import { jsonSnapshot } from './json-snapshot.js';
import type { SrcAnswer } from './src-controller.js';

/** Where an element's data came from, first to last in precedence. */
export type AnpSource = 'property' | 'article' | 'attribute' | 'src' | 'script' | 'context';

/** The article inputs of an element, as they are now. */
export interface ArticleInputs {
  /** The `article` property: an object, or JSON text. */
  article: unknown;
  /** The `article` attribute: JSON text. */
  attribute: string | null | undefined;
  /** The answer for the current `src`. */
  src: SrcAnswer | undefined;
  /** The child script's JSON text, or its length past the cap. */
  script: string | number | undefined;
  /** The article of the nearest `<anp-article>`, normalized there. */
  context: Article | undefined;
}

export interface ArticleInputControllerOptions {
  inputs: () => ArticleInputs;
}

/** An element's own convenience input (`items`, `scores`, `posts`), which wins over every article input. */
export interface OwnInput<T> {
  name: string;
  value: unknown;
  normalize: (input: unknown) => Normalized<T>;
}

interface Candidate {
  source: AnpSource;
  input: unknown;
}

interface Resolved extends Candidate {
  result: Normalized<Article>;
  /** The input's JSON snapshot when it was normalized (objects given as `article` only). */
  snapshot?: string;
}

const EMPTY_ERRORS: readonly AnpInputError[] = Object.freeze([]);

/**
 * Which data an element shows, and what was wrong with it: the first input
 * that has data (SPEC section 2: own property, `article` property, `article`
 * attribute, `src`, script child, `<anp-article>`), normalized once per
 * distinct input, an equal `article` object set again included (see
 * `jsonSnapshot`). Problems, with those of the element's options, are sent
 * as one `anp-error` after the render that shows the data, and only when
 * they changed.
 */
export class ArticleInputController implements ReactiveController {
  private readonly host: ReactiveControllerHost & EventTarget;
  private readonly inputs: () => ArticleInputs;
  private resolved?: Resolved;
  private own?: { input: unknown; result: Normalized<unknown> };
  private optionErrors = new Map<string, readonly AnpInputError[]>();
  private combined?: { parts: readonly (readonly AnpInputError[])[]; all: readonly AnpInputError[] };
  /** Problems in the current input and options. */
  errors: readonly AnpInputError[] = EMPTY_ERRORS;
  /** The input shown: `article`, `attribute`, `src`, `script`, `context` or the own input's name. */
  source = '';
  private reportedErrors: readonly AnpInputError[] = EMPTY_ERRORS;

  constructor(host: ReactiveControllerHost & EventTarget, { inputs }: ArticleInputControllerOptions) {
    this.host = host;
    this.inputs = inputs;
    host.addController(this);
  }

  /** The first article input that has data, not normalized. */
  current(): Candidate | undefined {
    const { article, attribute, src, script, context } = this.inputs();
    if (article !== undefined && article !== null) return { source: 'article', input: article };
    if (attribute !== undefined && attribute !== null) return { source: 'attribute', input: attribute };
    if (src) return { source: 'src', input: src };
    if (script !== undefined) return { source: 'script', input: script };
    if (context) return { source: 'context', input: context };
    return undefined;
  }

  /**
   * Whether `article`, set to `input`, equals what is shown (same JSON): the
   * host then skips the update, and nothing is normalized, rendered or reported again.
   */
  repeats(input: unknown): boolean {
    const previous = this.resolved;
    if (previous?.source !== 'article' || previous.snapshot === undefined || typeof input !== 'object' || input === null) return false;
    if (jsonSnapshot(input) !== previous.snapshot) return false;
    previous.input = input;
    return true;
  }

  /** The article from the first input that has one, normalized; `undefined` while the element has no data at all. */
  resolve(): Article | undefined {
    const candidate = this.current();
    if (!candidate) {
      this.resolved = undefined;
      this.record('', EMPTY_ERRORS);
      return undefined;
    }
    const previous = this.resolved;
    if (!previous || previous.source !== candidate.source || previous.input !== candidate.input) {
      const snapshot = candidate.source === 'article' ? jsonSnapshot(candidate.input) : undefined;
      const unsanitized = markupShownAsText();
      let result = normalizeCandidate(candidate);
      if (markupShownAsText() !== unsanitized) {
        const message = `markup shown as text without its tags: ${sanitizerFailure() ?? 'the sanitizer did not load'}`;
        result = { ...result, errors: [...result.errors, { path: '', code: 'sanitizer-failed', message }] };
      }
      this.resolved = { ...candidate, result, snapshot };
    }
    this.record(this.resolved!.source, this.resolved!.result.errors);
    return this.resolved!.result.value;
  }

  /** Drops what was normalized, so the next `resolve` normalizes again (the sanitizer came in meanwhile). */
  forget(): void {
    this.resolved = undefined;
  }

  /** The own input when it is set (normalized once per value), else `fromArticle` of the resolved article. */
  resolvePart<T>(own: OwnInput<T>, fromArticle: (article: Article) => T): T | undefined {
    if (own.value === undefined || own.value === null) {
      const article = this.resolve();
      return article && fromArticle(article);
    }
    if (!this.own || this.own.input !== own.value) this.own = { input: own.value, result: own.normalize(own.value) };
    this.record(own.name, this.own.result.errors);
    return this.own.result.value as T;
  }

  /** Problems with the element's options (`labels`, `theme`, `fields`...), under `key`; reported with the input's. */
  setOptionErrors(key: string, errors: readonly AnpInputError[]): void {
    if (errors.length) this.optionErrors.set(key, errors);
    else this.optionErrors.delete(key);
  }

  hostUpdated(): void {
    if (this.errors === this.reportedErrors) return;
    this.reportedErrors = this.errors;
    if (this.errors.length) this.host.dispatchEvent(new AnpErrorEvent({ errors: [...this.errors], source: this.source }));
  }

  private record(source: string, errors: readonly AnpInputError[]): void {
    this.source = source;
    if (!this.optionErrors.size) {
      this.errors = errors;
      return;
    }
    // The last combined list is reused while its parts are the same, so equal problems are reported once.
    const parts = [errors, ...this.optionErrors.values()];
    const last = this.combined;
    if (!last || last.parts.length !== parts.length || last.parts.some((part, index) => part !== parts[index])) {
      this.combined = { parts, all: parts.flat() };
    }
    this.errors = this.combined!.all;
  }
}

function normalizeCandidate({ source, input }: Candidate): Normalized<Article> {
  if (source === 'context') {
    // Already normalized by the provider, which reports its own errors.
    return { value: input as Article, errors: [] };
  }
  if (source === 'src') {
    const answer = input as SrcAnswer;
    return answer.errors.length ? { value: emptyArticle(), errors: answer.errors } : normalizeArticle(answer.value);
  }
  if (typeof input === 'number') {
    return { value: emptyArticle(), errors: [{ path: '', code: 'json-too-large', message: jsonTooLarge(source, input) }] };
  }
  // JSON text is read by core, which names the input in its messages (`attribute: invalid JSON …`).
  return normalizeArticle(input, source);
}
