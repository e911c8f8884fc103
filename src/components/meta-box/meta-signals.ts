import { css, html, nothing, type TemplateResult } from 'lit';
import type { AnpInputError, Article } from '../../core/article.js';
import { OnDemand } from '../../core/on-demand.js';
import type { ArticleSignal, SignalOptions, SignalsEngine } from '../../core/signals.js';
import { loadSignalsEngine } from '../../core/signals-loader.js';

/**
 * The meta box's editor notes (its `signals` attribute): the data-quality
 * signals of `core/signals.ts`, which load on first need, once per page, as
 * the label packs do, so a page that never sets `signals` never fetches them.
 */
const engine = new OnDemand<SignalsEngine>(loadSignalsEngine);

const NONE: readonly ArticleSignal[] = Object.freeze([]);
const NO_ERRORS: readonly AnpInputError[] = Object.freeze([]);

/** `signals-stale-days` and `signals-min-score`: a number, or NaN for text that is none (an empty attribute too). */
export const numberAttribute = {
  fromAttribute: (value: string | null): number | undefined => (value === null ? undefined : value.trim() ? Number(value) : NaN),
};

/** The load the next render waits for while the signals are on and not in yet, else undefined. */
export function signalsLoad(on: boolean): Promise<void> | undefined {
  return on && !engine.settled ? engine.load() : undefined;
}

/**
 * The signals of the article shown, made again only when the article or an
 * option changes (hundreds of boxes re-render with the same data), and the
 * problems with the options: `invalid-option` (the default is used instead)
 * or `signals-failed` (the signals could not load: none are shown).
 */
export class MetaSignals {
  signals: readonly ArticleSignal[] = NONE;
  errors: readonly AnpInputError[] = NO_ERRORS;
  /** The options read by `check`, or undefined when no signal is to be shown. */
  private options?: SignalOptions;
  private checked: readonly unknown[] = [];
  private article?: Article;

  /** Reads the options (before the article is resolved, so that their problems are reported with it); returns the problems. */
  check(on: boolean, staleDays: unknown, minScore: unknown): readonly AnpInputError[] {
    const inputs = [on, staleDays, minScore, engine.value, engine.failure];
    if (inputs.every((input, index) => Object.is(input, this.checked[index]))) return this.errors;
    this.checked = inputs;
    this.options = undefined;
    this.errors = NO_ERRORS;
    const found = on ? engine.value : undefined;
    if (!found) {
      const why = on ? engine.failure : undefined;
      if (why !== undefined) this.errors = [{ path: '', code: 'signals-failed', message: `editor notes not shown: ${why}` }];
      return this.errors;
    }
    const { options, errors } = found.signalAttributes(staleDays, minScore);
    this.options = options;
    this.article = undefined;
    if (errors.length) this.errors = errors;
    return this.errors;
  }

  /** The signals of `article` with the options `check` read (none when off). */
  update(article: Article | undefined): void {
    if (!this.options || !article) this.signals = NONE;
    else if (article !== this.article || this.signals === NONE) this.signals = engine.value!.articleSignals(article, this.options);
    this.article = article;
  }
}

/**
 * The notes, above the rows: a titled list, one item per signal with its
 * severity as a word (not a colour alone). The words are English in every
 * language (no label pack has them yet), so the block says so with `lang`.
 */
export function renderSignals(signals: readonly ArticleSignal[], locale: string): TemplateResult | typeof nothing {
  if (!signals.length) return nothing;
  return html`<div part="signals" lang=${/^en\b/i.test(locale) ? nothing : 'en'}>
    <p part="signals-title" id="signals-title">Editor notes</p>
    <ul part="signal-list" aria-labelledby="signals-title">
      ${signals.map(
        (signal) =>
          html`<li part="signal signal-${signal.severity} signal-${signal.code}">
            <span part="signal-severity">${signal.severity}</span> ${signal.message}
          </li>`,
      )}
    </ul>
  </div>`;
}

/** Set apart by a thick start border; each note has its severity as a word, so colour is never the only cue (forced colours keep the borders, in the system's text colour). */
export const metaSignalsStyles = css`
  [part~='signals'] {
    --_warning: var(--anp-color-signal-warning, color-mix(in srgb, #d97706 75%, currentColor));
    margin-block-end: var(--_space);
    padding: 0.4em var(--_space);
    border-inline-start: 4px solid var(--_warning);
    background: var(--_surface);
  }
  [part~='signals-title'] {
    margin: 0;
    font-weight: 600;
  }
  [part~='signal-list'] {
    padding: 0;
    list-style: none;
  }
  [part~='signal-severity'] {
    padding: 0 0.5em;
    border: 1px solid;
    border-radius: 999px;
    font-size: 0.8em;
    font-weight: 600;
  }
  [part~='signal-warning'] > [part~='signal-severity'] {
    border-color: var(--_warning);
  }
`;
