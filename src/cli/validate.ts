/**
 * `anp validate <files|dirs|globs>`: every article file against the article
 * schema and the normalizer (src/cli/article-check.ts), with a progress bar
 * on a terminal, one line per problem (`file:pointer: message`), a summary,
 * or one JSON document with `--json`. docs/cli.md shows it on the seed.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { LIMITS } from '../core/limits.js';
import { parseArgs, UsageError } from './args.js';
import { checkArticleText, loadArticleSchema, type ArticleCheck, type ArticleSchema, type FileProblem } from './article-check.js';
import type { Command } from './command.js';
import { EXIT } from './exit-codes.js';
import { findFiles } from './find-files.js';
import type { Io } from './io.js';
import { ProgressBar } from './progress.js';
import { SIGNAL_SOURCE, signalOptions, signalsCheck } from './signals-check.js';

const HELP = `Usage: anp validate <files|dirs|globs>... [--json] [--signals [--stale-days N] [--min-score N] [--today YYYY-MM-DD]]

Checks article JSON files against the article schema (schema/article.schema.json)
and the normalizer the elements use. A directory is searched for *.json files
(dot files and node_modules left out); a glob may use *, ** and ? (quote it, so
the shell leaves it to anp).

Options:
  --json              one JSON document on stdout: { files, passed, failed, errors, seconds, results }
  --signals           also report data-quality signals for editors (review flags, generated
                      content, a stale review, low scores, missing fields); they never fail a file
  --stale-days N      with --signals: a review older than N days is stale (default 365)
  --min-score N       with --signals: a score under N is low (0 to 100, default 70)
  --today YYYY-MM-DD  with --signals: measure ages from this day instead of today
  -h, --help          this text

Prints one line per problem, file:pointer: message [code], then a summary;
a signal's line ends [signal: code].
A progress bar is drawn on stderr only when it is a terminal.

Exit codes: 0 every file passed, 1 some file failed, 2 wrong command line
(no path given, or a path or glob that matches nothing), 130 interrupted.

Examples:
  anp validate article.json
  anp validate content/ --json > report.json
  anp validate 'content/**/*.json'
`;

/** A file larger than this many bytes holds more than `LIMITS.maxJsonLength` characters: refused unread. */
const MAX_FILE_BYTES = LIMITS.maxJsonLength * 4;
/** How long the check runs before it lets the event loop in (Ctrl-C, the progress bar). */
const SLICE_MS = 50;

export interface FileResult {
  /** The path as shown: relative to the working directory when inside it. */
  file: string;
  ok: boolean;
  errors: FileProblem[];
  /** With `--signals`: the article's data-quality signals (they never make `ok` false). */
  signals?: FileProblem[];
}

export interface ValidateReport {
  /** The `$id` of the schema the files were checked against. */
  schema: string;
  files: number;
  passed: number;
  failed: number;
  errors: number;
  /** With `--signals`: how many signals the files have in all. */
  signals?: number;
  seconds: number;
  results: FileResult[];
}

/** The text of a file, or the problem that kept it from being read. */
function readArticleFile(path: string): { text: string } | { problem: FileProblem } {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const bytes = fstatSync(fd).size;
    if (bytes > MAX_FILE_BYTES) {
      return {
        problem: {
          pointer: '',
          message: `file too large: ${bytes} bytes; an article is at most ${LIMITS.maxJsonLength} characters`,
          code: 'json-too-large',
          source: 'file',
        },
      };
    }
    return { text: readFileSync(fd, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return { problem: { pointer: '', message: `could not read the file (${code})`, code: 'unreadable-file', source: 'file' } };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Checks `paths` one after another, yielding to the event loop every `SLICE_MS`; stops early when `signal` aborts. */
export async function validateFiles(
  paths: readonly string[],
  io: Io,
  signal: AbortSignal,
  schema: ArticleSchema = loadArticleSchema(),
  checks: readonly ArticleCheck[] = [],
): Promise<ValidateReport> {
  const started = performance.now();
  const withSignals = checks.some((check) => check.name === 'signals');
  const progress = new ProgressBar(io);
  const results: FileResult[] = [];
  let failed = 0;
  let sliceStart = performance.now();
  for (const path of paths) {
    if (performance.now() - sliceStart > SLICE_MS) {
      progress.update(results.length, paths.length, { note: failed ? `${failed} failed` : '' });
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    if (signal.aborted) break;
    const read = readArticleFile(path);
    const problems = 'problem' in read ? [read.problem] : checkArticleText(read.text, schema, checks);
    const errors = problems.filter((problem) => problem.source !== SIGNAL_SOURCE);
    if (errors.length) failed++;
    const shown = relative(io.cwd, path);
    const result: FileResult = { file: shown.startsWith('..') || isAbsolute(shown) ? path : shown, ok: errors.length === 0, errors };
    if (withSignals) result.signals = problems.filter((problem) => problem.source === SIGNAL_SOURCE);
    results.push(result);
  }
  progress.update(results.length, paths.length, { note: failed ? `${failed} failed` : '' });
  progress.clear();
  return {
    schema: schema.id,
    files: results.length,
    passed: results.length - failed,
    failed,
    errors: results.reduce((sum, result) => sum + result.errors.length, 0),
    ...(withSignals ? { signals: results.reduce((sum, result) => sum + (result.signals?.length ?? 0), 0) } : {}),
    seconds: Math.round((performance.now() - started) / 10) / 100,
    results,
  };
}

/** `file:pointer: message [code]`: the pointer of the whole file is empty (`file:: message`). */
export function problemLine(file: string, problem: FileProblem): string {
  const tag = problem.source === SIGNAL_SOURCE ? `signal: ${problem.code}` : (problem.code ?? problem.source);
  return `${file}:${problem.pointer}: ${problem.message.replace(/[\r\n]+/g, ' ')} [${tag}]`;
}

export function summaryLine(report: ValidateReport): string {
  const files = `${report.files} file${report.files === 1 ? '' : 's'}`;
  const errors = `${report.errors} error${report.errors === 1 ? '' : 's'}`;
  const signals = report.signals === undefined ? '' : `, ${report.signals} signal${report.signals === 1 ? '' : 's'}`;
  return `${files}: ${report.passed} passed, ${report.failed} failed, ${errors}${signals} in ${report.seconds.toFixed(2)} s`;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check article JSON files against the schema and the normalizer',
  help: HELP,
  async run(argv, io, signal) {
    const args = parseArgs(argv, {
      json: {},
      signals: {},
      'stale-days': { value: true },
      'min-score': { value: true },
      today: { value: true },
    });
    const signals = signalOptions(args);
    if (args.positionals.length === 0) throw new UsageError('no file, directory or glob given');
    const found = findFiles(args.positionals, io.cwd, signal);
    if (signal.aborted) {
      io.err('anp validate: interrupted while looking for files\n');
      return EXIT.interrupted;
    }
    if (found.unmatched.length) {
      throw new UsageError(`${found.unmatched.map((each) => `'${each}'`).join(', ')} matches no file`);
    }
    // Further checks of each normalized article: the data-quality signals with `--signals`.
    const checks: ArticleCheck[] = signals ? [signalsCheck(signals)] : [];
    const report = await validateFiles(found.files, io, signal, loadArticleSchema(), checks);
    if (signal.aborted) {
      io.err(`anp validate: interrupted after ${report.files} of ${found.files.length} files\n`);
      return EXIT.interrupted;
    }
    if (args.options.has('json')) io.out(`${JSON.stringify(report, null, 2)}\n`);
    else {
      const lines = report.results.flatMap((result) =>
        [...result.errors, ...(result.signals ?? [])].map((problem) => problemLine(result.file, problem)),
      );
      io.out([...lines, summaryLine(report), ''].join('\n'));
    }
    return report.failed ? EXIT.failed : EXIT.ok;
  },
};
