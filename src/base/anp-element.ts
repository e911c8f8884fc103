import { ContextConsumer } from '@lit/context';
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AnpInputError, Article, Normalized } from '../core/article.js';
import { articleContext, compositionContext, type Composition, type ShownPart } from '../core/article-context.js';
import type { LabelPack, Labels, UiLabels } from '../core/format.js';
import { fieldLabel, resolveLocale, uiLabel } from '../core/format.js';
import { labelPack } from '../core/locales.js';
import { describeThrown, jsonTooLarge, LIMITS, normalizeArticle, parseJson } from '../core/normalize.js';
import { listen, pageCreationScope, parentAcrossShadow, shadowHostOf } from '../core/dom.js';
import { loadSanitizer, markupShownAsText, markupWaiting, sanitizerFailure, sanitizerSettled } from '../core/sanitize.js';
import { judgeUrl } from '../core/url.js';
import { AnpErrorEvent } from '../events/anp-error.js';
import { fetchBody } from './read-body.js';

/** Where an element's data came from, first to last in precedence. */
export type AnpSource = 'property' | 'article' | 'attribute' | 'src' | 'script' | 'context';

interface FetchResult {
  url: string;
  value: unknown;
  errors: AnpInputError[];
}

interface Resolved<T> {
  source: string;
  input: unknown;
  result: Normalized<T>;
  /** The input's JSON snapshot when it was normalized (objects given as `article` only). */
  snapshot?: string;
}

/** A snapshot stops (and none is kept) past this many values or characters, or this depth. */
const SNAPSHOT_MAX_VALUES = 5_000;
const SNAPSHOT_MAX_CHARS = 200_000;
const SNAPSHOT_MAX_DEPTH = 20;

/**
 * A string equal for two inputs that normalize alike, so that equal data set
 * again (a re-fetch, an immutable store) costs one walk instead of a
 * normalization and a render. Exact where JSON text is not: NaN, -0,
 * `undefined` and array holes have their own marks. Taken when the input is
 * normalized, so a later change made in place to the old object cannot make
 * stale output look current. Values the normalizer rejects by their type
 * alone (a Date, a Map, a function, a symbol, a BigInt) are marked by that
 * type, since any two of them normalize alike: a handler that sets an equal
 * copy holding a Date from its own anp-error handler is not answered again.
 * `undefined`, meaning "always different", for anything it cannot vouch for:
 * another frame's objects, cycles, getters that throw, and input past the
 * bounds above, checked before each array or object is walked, holes
 * included (huge input is capped by normalization anyway, and a snapshot of
 * it would cost more memory than the work it saves).
 */
function jsonSnapshot(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const open = new Set<object>();
  let out = '';
  let values = 0;
  const walk = (value: unknown, depth: number): boolean => {
    if (++values > SNAPSHOT_MAX_VALUES || depth > SNAPSHOT_MAX_DEPTH || out.length > SNAPSHOT_MAX_CHARS) return false;
    switch (typeof value) {
      case 'string':
        if (value.length > SNAPSHOT_MAX_CHARS - out.length) return false;
        out += JSON.stringify(value);
        return true;
      case 'number':
        out += Object.is(value, -0) ? '-0' : String(value);
        return true;
      case 'boolean':
        out += value ? 'T' : 'F';
        return true;
      case 'undefined':
        out += 'U';
        return true;
      case 'object': {
        if (value === null) {
          out += 'N';
          return true;
        }
        if (open.has(value)) return false;
        const isArray = Array.isArray(value);
        const proto = Object.getPrototypeOf(value) as unknown;
        if (!isArray && proto !== Object.prototype && proto !== null) {
          // A Date, Map, RegExp, typed array...: the normalizer reports its type and never reads inside it,
          // so two of the same type normalize alike. Anything else (another frame's object) gets no snapshot.
          const tag = Object.prototype.toString.call(value);
          if (tag === '[object Object]') return false;
          out += 'X' + tag;
          return true;
        }
        open.add(value);
        try {
          if (isArray) {
            // Checked before the loop, holes included: a sparse array of length 2**32 - 1 costs one comparison.
            const length = value.length;
            if (length > SNAPSHOT_MAX_VALUES - values) return false;
            values += length;
            out += '[';
            for (let i = 0; i < length; i++) {
              if (!(i in value)) out += 'H';
              else if (!walk(value[i], depth + 1)) return false;
              out += ',';
            }
            out += ']';
          } else {
            const keys = Object.keys(value);
            if (keys.length > SNAPSHOT_MAX_VALUES - values) return false;
            out += '{';
            for (const key of keys) {
              out += JSON.stringify(key) + ':';
              if (!walk((value as Record<string, unknown>)[key], depth + 1)) return false;
              out += ',';
            }
            out += '}';
          }
        } finally {
          open.delete(value);
        }
        return true;
      }
      case 'function':
      case 'symbol':
      case 'bigint':
        // Reported by type and dropped by the normalizer, whatever the value.
        out += typeof value;
        return true;
      default:
        return false;
    }
  };
  try {
    return walk(input, 0) && out.length <= SNAPSHOT_MAX_CHARS ? out : undefined;
  } catch {
    // A Proxy trap or a getter threw: no snapshot.
    return undefined;
  }
}

const EMPTY_ERRORS: readonly AnpInputError[] = Object.freeze([]);
const MAX_LABELS = 500;

/**
 * `labels` read once, when it is set: a plain copy of its string values. A
 * Proxy, a getter that throws or a value of the wrong type cannot throw later,
 * in a render; it is ignored and reported instead.
 */
function readLabels(value: unknown): { labels: Labels | undefined; errors: readonly AnpInputError[] } {
  if (value === undefined || value === null) return { labels: undefined, errors: EMPTY_ERRORS };
  try {
    if (typeof value !== 'object' || Array.isArray(value)) throw new TypeError('not an object');
    const copy: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const key of Object.keys(value).slice(0, MAX_LABELS)) {
      const word: unknown = (value as Record<string, unknown>)[key];
      if (typeof word === 'string') copy[key] = word;
    }
    return { labels: copy, errors: EMPTY_ERRORS };
  } catch {
    return { labels: undefined, errors: [{ path: '', message: 'labels: expected an object of words; ignored' }] };
  }
}
const NONE_SHOWN: ReadonlySet<ShownPart> = new Set();

/**
 * Elements whose context request found no `<anp-article>`, while they are on
 * the page. A provider defined or added later announces itself with a
 * `context-provider` event; the waiting elements then ask again. Unlike a
 * ContextRoot this holds only connected elements, so a page that never uses
 * `<anp-article>` accumulates nothing.
 */
const waitingForProvider = new Set<AnpElement>();
const LISTENING_KEY = Symbol.for('anp-components.context-listener');

function listenForProviders(doc: Document): void {
  const holder = doc as Document & { [LISTENING_KEY]?: true };
  if (holder[LISTENING_KEY]) return;
  holder[LISTENING_KEY] = true;
  // Through dom.ts: on a document an element named `addEventListener` would stand in for the method.
  listen(doc, 'context-provider', (event) => {
    if ((event as Event & { context?: unknown }).context !== articleContext) return;
    const provider = event.composedPath()[0] as Node;
    for (const element of [...waitingForProvider]) if (isInside(element, provider)) element.requestContextAgain();
  });
}

/**
 * Connected elements, and one observer for `lang` changes in every tree
 * (document or shadow root) that holds one of them or one of their hosts:
 * a `lang` set or removed on any ancestor re-resolves their locale.
 */
const connectedElements = new Set<AnpElement>();
const langWatchedRoots = new WeakSet<Node>();
let langObserver: MutationObserver | undefined;

function watchLang(element: AnpElement): void {
  if (typeof MutationObserver !== 'function') return;
  langObserver ??= new MutationObserver(() => connectedElements.forEach((el) => el.refreshLocale()));
  // `document.host` may be a named element: only a shadow root's host counts (else this loops forever).
  for (let root: Node | undefined = element.getRootNode(); root; root = shadowHostOf(root)?.getRootNode()) {
    if (langWatchedRoots.has(root)) continue;
    langWatchedRoots.add(root);
    langObserver.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
}

/**
 * The shared base of every anp element: it finds the element's data in the
 * order SPEC section 2 gives (own convenience property, `article` property,
 * `article` attribute, `src`, a child `<script type="application/json">`, the
 * nearest `<anp-article>`), normalizes it once, and reports problems with
 * `anp-error`. Subclasses only render.
 *
 * Nothing here touches the DOM in the constructor or in `render()`, so the
 * elements can be rendered on a server later.
 */
export abstract class AnpElement extends LitElement {
  /** The article as an object, or as JSON text. */
  @property({ attribute: false })
  article?: unknown;

  /** The article as JSON text, for templates and CMS markup. */
  @property({ attribute: 'article', type: String })
  articleJson?: string;

  /** URL of the article's JSON; fetched when the element is on the page. */
  @property({ type: String })
  src?: string;

  /** Replacement words: UI words (`yes`, `more`, ...) and field labels by key (`view_count`). */
  @property({ attribute: false })
  labels?: Labels;

  /** The level of the element's heading (1 to 6; 2 by default), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel = 2;

  /** Hides the element's own heading, for pages that give their own. */
  @property({ type: Boolean, attribute: 'no-heading' })
  noHeading = false;

  /**
   * `light` or `dark` paints the element's own canvas in that scheme,
   * whatever the page and the reader prefer. Unset (the default), it follows
   * the page's colours and the reader's `prefers-color-scheme`. Reflected, as
   * it is a styling hook.
   */
  @property({ reflect: true, converter: { toAttribute: (value: unknown) => (value === 'light' || value === 'dark' ? value : null) } })
  theme?: 'light' | 'dark';

  /**
   * The `lang` attribute: numbers, durations, dates and built-in labels follow
   * it, or the nearest `lang` around the element (default `en`). Watched so
   * that a change re-renders.
   */
  @property({ attribute: 'lang', type: String })
  protected langAttribute?: string;

  /** The article provided by the nearest `<anp-article>` around this element. */
  @state()
  protected contextArticle?: Article;

  private readonly articleConsumer = new ContextConsumer(this, {
    context: articleContext,
    subscribe: true,
    callback: (article) => {
      waitingForProvider.delete(this);
      this.contextArticle = article;
      this.announceShown();
    },
  });

  /**
   * The part of the article this element shows, announced to the article
   * provider around it while it shows that part from there.
   * @internal
   */
  protected get shows(): ShownPart | undefined {
    return undefined;
  }

  /** What the elements inside the same article provider show of its article. */
  @state()
  protected shownBySiblings: ReadonlySet<ShownPart> = NONE_SHOWN;

  private siblingComposition?: Composition;
  private readonly compositionConsumer = new ContextConsumer(this, {
    context: compositionContext,
    subscribe: true,
    callback: (composition) => {
      if (this.siblingComposition?.announce !== composition?.announce) this.siblingComposition?.announce(this, undefined);
      this.siblingComposition = composition;
      // Only the meta box reads it; the others would update for nothing.
      if (!this.shows) this.shownBySiblings = composition?.shown ?? NONE_SHOWN;
      this.announceShown();
    },
  });

  @state() private fetched?: FetchResult;
  /** The script child's JSON text, or its length when that is over the cap (the text itself is never read then). */
  @state() private scriptText?: string | number;
  @state() protected locale = 'en';

  /** The URL being fetched or last fetched, so one `src` is fetched once. */
  private fetchUrl?: string;
  private fetchAbort?: AbortController;
  private pendingFetch?: Promise<void>;
  private scriptObserver?: MutationObserver;
  private resolvedArticle?: Resolved<Article>;
  private reportedErrors: readonly AnpInputError[] = EMPTY_ERRORS;
  private currentErrors: readonly AnpInputError[] = EMPTY_ERRORS;
  private currentSource = '';

  /** Problems in the current input (also sent with `anp-error`). */
  get errors(): readonly AnpInputError[] {
    return this.currentErrors;
  }

  /** Which input the element is showing: `article`, `attribute`, `src`, `script`, `context` or its own property. */
  get dataSource(): string {
    return this.currentSource;
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    // Lit imports every template instance through this: the method captured by
    // core/dom.ts, so an element named `importNode` on the page cannot stand in for it.
    if (pageCreationScope) this.renderOptions.creationScope = pageCreationScope;
    return super.createRenderRoot();
  }

  override connectedCallback(): void {
    listenForProviders(this.ownerDocument);
    super.connectedCallback();
    // The request above is answered synchronously when a provider is there.
    if (this.contextArticle === undefined) waitingForProvider.add(this);
    connectedElements.add(this);
    watchLang(this);
    this.refreshLocale();
    this.readScriptChild();
    if (typeof MutationObserver === 'function') {
      // The parser may add the script child after the element upgraded.
      this.scriptObserver ??= new MutationObserver(() => this.readScriptChild());
      this.scriptObserver.observe(this, { childList: true, subtree: true, characterData: true });
    }
    if (this.src && this.fetchUrl !== this.src) this.startFetch(this.src);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    waitingForProvider.delete(this);
    connectedElements.delete(this);
    this.siblingComposition?.announce(this, undefined);
    this.siblingComposition = undefined;
    this.shownBySiblings = NONE_SHOWN;
    this.scriptObserver?.disconnect();
    // Away from its provider the element has no article from it; a provider
    // around its new place answers again on connect.
    this.contextArticle = undefined;
    // An element that left the page has no use for a response.
    if (this.fetchAbort) this.stopFetch();
  }

  /** Resolves once everything the element has, including a pending `src` fetch, is rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (let pending = this.pendingWork(); pending; pending = this.pendingWork()) {
      await pending;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /** Work still to come before what the element has is rendered: a `src` fetch here; subclasses add their own. */
  protected pendingWork(): Promise<unknown> | undefined {
    return this.pendingFetch ?? this.sanitizerWait;
  }

  /**
   * Skips the update when the only change is an `article` object equal to the
   * one already shown (same JSON, see `jsonSnapshot`): nothing is normalized,
   * rendered or reported again.
   */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    if (changed.size === 1 && changed.has('article') && this.hasUpdated) {
      const previous = this.resolvedArticle;
      const input = this.article;
      if (previous?.source === 'article' && previous.snapshot !== undefined && typeof input === 'object' && input !== null) {
        if (jsonSnapshot(input) === previous.snapshot) {
          previous.input = input;
          return false;
        }
      }
    }
    return super.shouldUpdate(changed) && !this.waitsForSanitizer(changed);
  }

  /** The sanitizer's load while this element waits for it (see `waitsForSanitizer`). */
  private sanitizerWait?: Promise<void>;
  private internals?: ElementInternals | null;

  /** The element's custom states (`:state(...)`), where the browser has them. */
  private customStates(): { add(state: string): void; delete(state: string): void } | undefined {
    if (this.internals === undefined) {
      try {
        this.internals = this.attachInternals();
      } catch {
        this.internals = null;
      }
    }
    return this.internals?.states;
  }

  /**
   * Before the first article holding markup in a rich field is rendered, the
   * sanitizer loads (once per page, see core/sanitize.ts). The article is
   * normalized here, just before the update would; when it met markup, this
   * update is skipped, and once the sanitizer is in, the same changes are
   * requested again and the article normalized anew. So a rich value is never
   * shown first as text and then swapped, and `updateComplete` includes the
   * wait. Once the sanitizer has loaded this costs nothing.
   */
  private waitsForSanitizer(changed: PropertyValues<this>): boolean {
    if (sanitizerSettled()) return false;
    const before = markupWaiting();
    this.resolveArticle();
    if (markupWaiting() === before) return false;
    const replay = new Map(changed as Map<PropertyKey, unknown>);
    // `:state(pending)` lets a page keep the space it reserves with `:not(:defined)` (docs/theming.md).
    const states = this.customStates();
    states?.add('pending');
    this.sanitizerWait = loadSanitizer().then(() => {
      states?.delete('pending');
      this.sanitizerWait = undefined;
      this.resolvedArticle = undefined;
      for (const [name, old] of replay) this.requestUpdate(name, old);
      this.requestUpdate();
    });
    return true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('labels') || changed.has('theme')) {
      const read = readLabels(this.labels);
      this.safeLabels = read.labels;
      // Only the two words are reflected; anything else (never converted to text) is reported.
      const theme: unknown = this.theme;
      const themeOk = theme === undefined || theme === null || theme === 'light' || theme === 'dark';
      this.labelErrors = themeOk ? read.errors : [...read.errors, { path: '', message: 'theme: expected "light" or "dark"; ignored' }];
    }
    if (changed.has('src') && this.isConnected) {
      if (this.src) {
        if (this.fetchUrl !== this.src) this.startFetch(this.src);
      } else {
        this.stopFetch();
        this.fetched = undefined;
        this.fetchUrl = undefined;
      }
    }
    if ((changed as Map<PropertyKey, unknown>).has('langAttribute') && this.isConnected) this.refreshLocale();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.announceShown();
    if (this.currentErrors !== this.reportedErrors) {
      this.reportedErrors = this.currentErrors;
      if (this.currentErrors.length > 0) {
        this.dispatchEvent(new AnpErrorEvent({ errors: [...this.currentErrors], source: this.currentSource }));
      }
    }
  }

  /** Asks for the article again, after a provider appeared around the element. @internal */
  requestContextAgain(): void {
    for (const consumer of [this.articleConsumer, this.compositionConsumer]) {
      consumer.hostDisconnected();
      consumer.hostConnected();
    }
  }

  /** Tells the provider around which part of its article this element shows, if any. */
  private announceShown(): void {
    // Said as early as the input is known (on connect, when the article arrives), so a meta box leaves the part out from its first render.
    this.siblingComposition?.announce(this, this.articleInput()?.source === 'context' ? this.shows : undefined);
  }

  /** Resolves the locale again from the nearest `lang`, after one changed. @internal */
  refreshLocale(): void {
    this.locale = this.findLocale();
  }

  /** The built-in words of the element's language. */
  protected get pack(): LabelPack {
    return labelPack(this.locale);
  }

  /** What the value renderers need: locale, `labels` and the language's words. */
  protected get valueContext(): { locale: string; labels: Labels | undefined; pack: LabelPack } {
    return { locale: this.locale, labels: this.safeLabels, pack: this.pack };
  }

  /** A UI word in the element's language; `labels` first. */
  protected uiText(name: keyof UiLabels, values?: Record<string, string | number>): string {
    return uiLabel(name, this.safeLabels, values, this.pack);
  }

  /** A field's label in the element's language; `labels` first. */
  protected fieldText(key: string): string {
    return fieldLabel(key, this.safeLabels, this.pack);
  }

  /** The empty state: given data, nothing valid to show. The `empty` slot replaces the words. */
  protected renderEmpty(words = this.uiText('empty')): TemplateResult {
    return html`<p part="empty"><slot name="empty">${words}</slot></p>`;
  }

  /** The heading level clamped to 1..6, plus `offset` for sub-sections. */
  protected level(offset = 0): number {
    const level = Number.isFinite(this.headingLevel) ? Math.trunc(this.headingLevel) : 2;
    return Math.min(6, Math.max(1, level + offset));
  }

  /**
   * The article from the first input that has one, normalized (once per
   * distinct input: setting the same data again does no work).
   * `undefined` while the element has no data at all.
   */
  protected resolveArticle(): Article | undefined {
    const candidate = this.articleInput();
    if (!candidate) {
      this.resolvedArticle = undefined;
      this.setErrors('', EMPTY_ERRORS);
      return undefined;
    }
    const previous = this.resolvedArticle;
    if (!previous || previous.source !== candidate.source || previous.input !== candidate.input) {
      const snapshot = candidate.source === 'article' ? jsonSnapshot(candidate.input) : undefined;
      const unsanitized = markupShownAsText();
      let result = this.normalizeCandidate(candidate);
      if (markupShownAsText() !== unsanitized) {
        const message = `markup shown as text without its tags: ${sanitizerFailure() ?? 'the sanitizer did not load'}`;
        result = { ...result, errors: [...result.errors, { path: '', message }] };
      }
      this.resolvedArticle = { ...candidate, result, snapshot };
    }
    const resolved = this.resolvedArticle!;
    this.setErrors(resolved.source, resolved.result.errors);
    return resolved.result.value;
  }

  /**
   * For subclasses with an own convenience property: normalizes it with
   * `normalize` (memoized on the value) and records its errors.
   */
  protected resolveOwn<T>(
    name: string,
    input: unknown,
    normalize: (input: unknown) => Normalized<T>,
    memo: { input?: unknown; result?: Normalized<T> },
  ): T {
    if (!memo.result || memo.input !== input) {
      memo.input = input;
      memo.result = normalize(input);
    }
    this.setErrors(name, memo.result.errors);
    return memo.result.value;
  }

  /** `labels` as read when it was set (readLabels), and what was wrong with it or with `theme`. */
  private safeLabels?: Labels;
  private labelErrors: readonly AnpInputError[] = EMPTY_ERRORS;
  /** Problems with a subclass's own options (wrong types), reported with the input's. */
  protected optionErrors: readonly AnpInputError[] = EMPTY_ERRORS;
  /** The last combined list, reused while its parts are the same, so equal problems are reported once. */
  private combinedErrors?: { parts: readonly (readonly AnpInputError[])[]; all: readonly AnpInputError[] };

  private setErrors(source: string, errors: readonly AnpInputError[]): void {
    this.currentSource = source;
    const parts = [errors, this.labelErrors, this.optionErrors];
    if (!this.labelErrors.length && !this.optionErrors.length) {
      this.currentErrors = errors;
      return;
    }
    const last = this.combinedErrors;
    if (!last || last.parts.some((part, index) => part !== parts[index])) {
      this.combinedErrors = { parts, all: parts.flat() };
    }
    this.currentErrors = this.combinedErrors!.all;
  }

  private articleInput(): { source: AnpSource; input: unknown } | undefined {
    if (this.article !== undefined && this.article !== null) return { source: 'article', input: this.article };
    if (this.articleJson !== undefined && this.articleJson !== null) return { source: 'attribute', input: this.articleJson };
    if (this.src && this.fetched && this.fetched.url === this.src) return { source: 'src', input: this.fetched };
    if (this.scriptText !== undefined) return { source: 'script', input: this.scriptText };
    if (this.contextArticle) return { source: 'context', input: this.contextArticle };
    return undefined;
  }

  private normalizeCandidate({ source, input }: { source: AnpSource; input: unknown }): Normalized<Article> {
    if (source === 'context') {
      // Already normalized by the provider, which reports its own errors.
      return { value: input as Article, errors: [] };
    }
    if (source === 'src') {
      const fetched = input as FetchResult;
      if (fetched.errors.length) return { value: { meta: { extra: [], order: [], more: {} } }, errors: fetched.errors };
      return normalizeArticle(fetched.value);
    }
    if (typeof input === 'number') {
      return { value: { meta: { extra: [], order: [], more: {} } }, errors: [{ path: '', message: jsonTooLarge(source, input) }] };
    }
    const result = normalizeArticle(input);
    if (source !== 'article' && typeof input === 'string') {
      // Say which input held the bad JSON.
      return { ...result, errors: result.errors.map((e) => ({ ...e, message: e.message.replace(/^article:/, `${source}:`) })) };
    }
    return result;
  }

  private readScriptChild(): void {
    let text: string | number | undefined;
    for (const child of Array.from(this.children)) {
      if (child.localName === 'script' && (child.getAttribute('type') ?? '').trim().toLowerCase() === 'application/json') {
        // Measured before it is read: 50 MB of text would cost a copy of it just to be refused.
        const length = textLength(child);
        text = length > LIMITS.maxJsonLength ? length : (child.textContent ?? '');
        break;
      }
    }
    if (text !== this.scriptText) this.scriptText = text;
  }

  /** Aborts a pending fetch; the same `src` is fetched again on the next connect. */
  private stopFetch(): void {
    this.fetchAbort?.abort();
    this.fetchAbort = undefined;
    this.pendingFetch = undefined;
    if (this.fetched?.url !== this.fetchUrl) this.fetchUrl = undefined;
  }

  private startFetch(url: string): void {
    this.fetchAbort?.abort();
    this.fetchUrl = url;
    const abort = new AbortController();
    this.fetchAbort = abort;
    const done = (result: FetchResult) => {
      if (abort.signal.aborted || this.fetchAbort !== abort) return; // a newer src won
      this.fetched = result;
    };
    const fail = (message: string) => done({ url, value: undefined, errors: [{ path: '', message: `src: ${message}` }] });
    const verdict = judgeUrl(url);
    if (!verdict.ok) {
      fail(`URL not used: ${verdict.reason}`);
      this.fetchAbort = undefined;
      return;
    }
    const pending = (async () => {
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
        if (this.fetchAbort === abort) {
          this.fetchAbort = undefined;
          this.pendingFetch = undefined;
        }
      }
    })();
    this.pendingFetch = pending;
  }

  /** The nearest `lang` around the element, across shadow roots. */
  private findLocale(): string {
    if (this.hasAttribute('lang')) return resolveLocale(this.getAttribute('lang'));
    for (let node = parentAcrossShadow(this); node; node = parentAcrossShadow(node)) {
      if (node.nodeType === 1 && (node as Element).hasAttribute('lang')) return resolveLocale((node as Element).getAttribute('lang'));
    }
    return 'en';
  }
}

/** Characters of text below `node`, counted without reading the text. */
function textLength(node: Node): number {
  let length = 0;
  for (let child = node.firstChild; child; child = child.nextSibling) {
    length += child.nodeType === 3 ? (child as Text).length : child.nodeType === 1 ? textLength(child) : 0;
  }
  return length;
}

function isInside(node: Node, ancestor: Node): boolean {
  for (let current: Node | null = node; current; current = parentAcrossShadow(current)) if (current === ancestor) return true;
  return false;
}
