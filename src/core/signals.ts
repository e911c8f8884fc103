/**
 * Data-quality signals for editors, read from a normalized article: flags
 * that ask for a person's review or say the text was generated, a review
 * date older than a threshold, scores under a threshold, and the fields an
 * editor expects but the article lacks. Pure: no DOM, no clock but the one
 * passed in, so it runs on a server and in the `anp` command as it does in a
 * page. The meta box loads this module only when its `signals` attribute is
 * set (`core/signals-loader.ts`). The messages are English (the signals'
 * codes are for programs); no label pack translates them yet.
 */
import type { AnpInputError, Article, MetaField } from './article.js';
import { canonicalKey } from './format.js';
import { jsonPointer } from './limits.js';

/** What a signal is about; stable, for programs. */
export type SignalCode = 'needs-human-review' | 'generated-content' | 'stale-review' | 'low-score' | 'missing-field';

/** `warning`: something to act on before publishing; `notice`: something to know. */
export type SignalSeverity = 'warning' | 'notice';

/** One signal: what, where (a JSON pointer in the article's canonical layout), and why, in English. */
export interface ArticleSignal {
  code: SignalCode;
  pointer: string;
  message: string;
  severity: SignalSeverity;
}

export interface SignalOptions {
  /** A review older than this many days is stale (default 365; 0 or more). */
  staleDays?: number;
  /** A score under this is low (default 70; 0 to 100, 0 turning the signal off). */
  minScore?: number;
  /** The moment ages are measured from: a `Date` or epoch milliseconds (default: now). */
  now?: Date | number;
}

/** The thresholds used when an option is not given. */
export const SIGNAL_DEFAULTS = Object.freeze({ staleDays: 365, minScore: 70 });

/** Flags that say a text was written by a generator rather than a person (canonical keys). */
export const GENERATED_CONTENT_FLAGS: readonly string[] = Object.freeze([
  'ai_generated',
  'ai_generated_style',
  'ai_generated_content',
  'generated',
  'generated_content',
  'machine_generated',
  'synthetic',
]);

const DAY_MS = 86_400_000;

/**
 * Why an option's value cannot be used, or undefined when it can: what the
 * meta box reports as `invalid-option`, and what `articleSignals` throws.
 */
export function signalOptionProblem(name: keyof SignalOptions, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (name === 'now') {
    const time = value instanceof Date ? value.getTime() : value;
    return typeof time === 'number' && Number.isFinite(time) ? undefined : 'now: expected a valid Date or epoch milliseconds';
  }
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= 0 && (name === 'staleDays' || value <= 100);
  return ok
    ? undefined
    : name === 'staleDays'
      ? 'staleDays: expected a number of days, 0 or more'
      : 'minScore: expected a number from 0 to 100';
}

/** Fields an editor expects, and what is lost without each. */
const EXPECTED: readonly { path: readonly string[]; name: string; why: string }[] = [
  { path: ['title'], name: 'title', why: 'lists, search results and other articles’ similar posts show it' },
  { path: ['url'], name: 'URL', why: 'nothing can link to the article (a URL the URL policy refused counts as none)' },
  { path: ['meta', 'summary'], name: 'summary', why: 'previews and search results have no text to show' },
  { path: ['meta', 'topic'], name: 'topic', why: 'readers and related-post ranking group articles by it' },
  { path: ['meta', 'revision', 'last_reviewed'], name: 'last-reviewed date', why: 'nobody can tell whether the content is still current' },
];

const hasText = (text: string | undefined): boolean => Boolean(text?.trim());

/**
 * The signals of one article, in a fixed order: needs-human-review,
 * generated-content, stale-review, low-score, missing-field. Throws a
 * `RangeError` for an option `signalOptionProblem` refuses; never for the
 * article.
 */
export function articleSignals(article: Article, options: SignalOptions = {}): ArticleSignal[] {
  for (const name of ['staleDays', 'minScore', 'now'] as const) {
    const problem = signalOptionProblem(name, options[name]);
    if (problem) throw new RangeError(problem);
  }
  const staleDays = options.staleDays ?? SIGNAL_DEFAULTS.staleDays;
  const minScore = options.minScore ?? SIGNAL_DEFAULTS.minScore;
  const now = options.now === undefined ? Date.now() : Number(options.now);
  const fields = article.meta?.fields ?? [];
  const find = <K extends MetaField['kind']>(key: string, kind: K) =>
    fields.find((field): field is Extract<MetaField, { kind: K }> => field.key === key && field.kind === kind);

  const found: ArticleSignal[] = [];
  const add = (code: SignalCode, path: readonly string[], message: string, severity: SignalSeverity = 'warning') =>
    found.push({ code, pointer: jsonPointer(path), message, severity });

  const flags = find('flags', 'flags')?.value ?? [];
  for (const flag of flags) {
    if (flag.value && canonicalKey(flag.key) === 'needs_human_review') {
      add('needs-human-review', ['meta', 'flags', flag.key], 'Marked as needing a person’s review before it is published.');
    }
  }
  for (const flag of flags) {
    if (flag.value && GENERATED_CONTENT_FLAGS.includes(canonicalKey(flag.key))) {
      add('generated-content', ['meta', 'flags', flag.key], `Flagged as generated content (${flag.key}): check facts and tone.`, 'notice');
    }
  }

  const revision = find('revision', 'object')?.value ?? [];
  const reviewed = revision.find((field) => field.key === 'last_reviewed' && field.kind === 'date')?.value as string | undefined;
  if (reviewed !== undefined) {
    // A date alone is a UTC day, as the meta box shows it.
    const days = Math.floor((now - Date.parse(reviewed.length === 10 ? `${reviewed}T00:00:00Z` : reviewed)) / DAY_MS);
    if (days > staleDays) {
      add(
        'stale-review',
        ['meta', 'revision', 'last_reviewed'],
        `Last reviewed ${days} days ago (${reviewed}), over the ${staleDays} allowed.`,
      );
    }
  }

  for (const score of find('score', 'scores')?.value ?? []) {
    if (score.value < minScore) {
      add('low-score', ['meta', 'score', score.key], `Score “${score.key}” is ${score.value}, under ${minScore}.`, 'notice');
    }
  }

  const summary = find('summary', 'rich')?.value;
  const present: Record<string, boolean> = {
    title: hasText(article.title),
    url: hasText(article.url),
    summary: summary !== undefined && (summary.kind === 'html' || hasText(summary.text)),
    topic: hasText(find('topic', 'text')?.value),
    last_reviewed: reviewed !== undefined,
  };
  for (const { path, name, why } of EXPECTED) {
    if (!present[path[path.length - 1]]) add('missing-field', path, `No ${name}: ${why}.`);
  }
  return found;
}

/**
 * The meta box's `signals-stale-days` and `signals-min-score` as options:
 * a value that is not usable is left out (the default is used) and reported
 * as `invalid-option`. Here rather than in the element, so that its words
 * load with the signals, not with every page.
 */
export function signalAttributes(staleDays: unknown, minScore: unknown): { options: SignalOptions; errors: AnpInputError[] } {
  const options: SignalOptions = {};
  const errors: AnpInputError[] = [];
  for (const [name, attribute, value] of [
    ['staleDays', 'signals-stale-days', staleDays],
    ['minScore', 'signals-min-score', minScore],
  ] as const) {
    const problem = value === null ? undefined : signalOptionProblem(name, value);
    if (problem)
      errors.push({ path: '', code: 'invalid-option', message: `${attribute}: ${problem.slice(name.length + 2)}; the default is used` });
    else if (typeof value === 'number') options[name] = value;
  }
  return { options, errors };
}

/** What the meta box uses, handed over as one value by the chunk or the classic script's sibling file. */
export interface SignalsEngine {
  readonly articleSignals: typeof articleSignals;
  readonly signalAttributes: typeof signalAttributes;
}

export const SIGNALS_ENGINE: SignalsEngine = Object.freeze({ articleSignals, signalAttributes });
