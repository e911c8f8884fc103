/**
 * `anp validate --signals`: the data-quality signals of each article
 * (src/core/signals.ts: review flags, generated content, a stale review, low
 * scores, missing fields) as an `ArticleCheck`. Signals are notes for an
 * editor, not faults: they are printed and counted, and never fail a file.
 */
import { articleSignals, signalOptionProblem, type SignalOptions } from '../core/signals.js';
import type { ParsedArgs } from './args.js';
import { UsageError } from './args.js';
import type { ArticleCheck } from './article-check.js';

/** Who found a signal, in `FileProblem.source`. */
export const SIGNAL_SOURCE = 'signal';

/** The options of `--signals`: `--stale-days`, `--min-score`, `--today` (YYYY-MM-DD, for reports that must not change with the day). */
export function signalOptions(args: ParsedArgs): SignalOptions | undefined {
  const named = ['stale-days', 'min-score', 'today'].filter((name) => args.options.has(name));
  if (!args.options.has('signals')) {
    if (named.length) throw new UsageError(`--${named[0]} needs --signals`);
    return undefined;
  }
  const options: SignalOptions = {};
  const number = (name: string): number | undefined => {
    const raw = args.options.get(name);
    return raw === undefined ? undefined : raw === true || raw.trim() === '' ? NaN : Number(raw);
  };
  options.staleDays = number('stale-days');
  options.minScore = number('min-score');
  const today = args.options.get('today');
  if (today !== undefined) {
    const time = typeof today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(today) ? Date.parse(`${today}T00:00:00Z`) : NaN;
    if (Number.isNaN(time)) throw new UsageError('--today expects a date written YYYY-MM-DD');
    options.now = time;
  }
  for (const [name, flag] of [
    ['staleDays', 'stale-days'],
    ['minScore', 'min-score'],
  ] as const) {
    if (signalOptionProblem(name, options[name])) {
      throw new UsageError(`--${flag} expects ${name === 'staleDays' ? 'a number of days, 0 or more' : 'a number from 0 to 100'}`);
    }
    if (options[name] === undefined) delete options[name];
  }
  return options;
}

/** The check that adds each article's signals (source `signal`, code the signal's code). */
export function signalsCheck(options: SignalOptions): ArticleCheck {
  return {
    name: 'signals',
    check: (_value, normalized) =>
      articleSignals(normalized.value, options).map((signal) => ({
        pointer: signal.pointer,
        message: signal.message,
        code: signal.code,
        source: SIGNAL_SOURCE,
        severity: signal.severity,
      })),
  };
}
