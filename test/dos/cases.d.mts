// Types of cases.mjs (the hostile inputs of issue 11), for the TypeScript tests.

/** How the element is given its data. `context`: an `<anp-article>` around it is given the value by property. */
export type DosPath = 'property' | 'attribute' | 'src' | 'script' | 'context';

export type DosElement = 'anp-meta-box' | 'anp-score-bars' | 'anp-checklist' | 'anp-similar-posts' | 'anp-article';

export interface DosCase {
  /** Short and unique: the row name in reports and the `--case` of scripts/longest-task.mjs. */
  readonly name: string;
  /** The item of issue 11 it comes from, or `'baseline'`. */
  readonly item: number | 'baseline';
  /** What it is, in one sentence. */
  readonly about: string;
  /** The paths it applies to; the first is the one its other elements are run with. */
  readonly paths: readonly DosPath[];
  /** The elements it is run on; the first is run with every path. */
  readonly elements: readonly DosElement[];
  /** Builds the JSON text (the attribute, script child and src paths need it). */
  readonly text?: () => string;
  /** Builds the value for the property and context paths; without it they get `text()`. */
  readonly object?: () => unknown;
  /**
   * Whether every witness ("still here") must still show afterwards, for all
   * paths or by path (a path missing from the map: false). False where the
   * whole input is rightly rejected (JSON text past the length cap, an array).
   */
  readonly renders: boolean | Partial<Record<DosPath, boolean>>;
  /** Whether anp-error must fire. */
  readonly expectError: boolean;
  /** Event storm: set `object()` again from each anp-error handler call, up to this many times. */
  readonly storm?: number;
  /** Part of `--quick` (first path on the first element only). */
  readonly quick: boolean;
}

export interface DosRun {
  readonly path: DosPath;
  readonly element: DosElement;
}

export const PATHS: readonly DosPath[];
export const ELEMENTS: readonly DosElement[];
export const STILL_HERE: string;
export const WITNESS_TEXT: Readonly<Record<Exclude<DosElement, 'anp-article'>, string>>;
export const SEED_ARTICLE: Readonly<Record<string, unknown>>;
export const CASES: readonly DosCase[];

/** A fresh seed article with "still here" in the field each element shows. */
export function witnessArticle(): Record<string, unknown> & { meta: Record<string, unknown> };
export function findCase(name: string): DosCase | undefined;
export function mustRender(dosCase: DosCase, path: DosPath): boolean;
export function caseRuns(dosCase: DosCase, options?: { all?: boolean }): DosRun[];
export function propertyValue(dosCase: DosCase): unknown;
