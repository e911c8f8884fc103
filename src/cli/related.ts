/**
 * `anp related <dir...> [--top 5] [--min-score 0.1] [--json] [--write]`:
 * similar posts for every article of a corpus, from the articles' own data
 * (src/cli/related-index.ts ranks them; docs/related-posts.md says how).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs, intOption, UsageError, type ParsedArgs } from './args.js';
import type { Command } from './command.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './io.js';
import { findArticleFiles, fingerprint, readCorpus, type CorpusArticle, type Skipped } from './related-corpus.js';
import { reasons, RelatedIndexBuilder, type RelatedIndex } from './related-index.js';
import { ProgressBar } from './progress.js';
import { withSimilarPosts } from './related-write.js';
import { writeAtomically } from './write-atomically.js';

/** More would not fit the normalizer's budget for `similar_posts` (LIMITS.maxPostValues). */
const MAX_TOP = 20;
/**
 * The default floor. On the labelled corpus, 90% of the matches scoring 0.15
 * to 0.2 share a stack or problem, 52% of those from 0.1 to 0.15, 20% under
 * 0.1 (docs/related-posts.md, "Quality").
 */
const DEFAULT_MIN_SCORE = 0.15;

const HELP = `Usage: anp related <folder|file>... [options]

Similar posts for every article of a corpus, ranked from the articles' own
title, topic, stack, tools, entities and summary (TF-IDF with BM25's
saturation, cosine; deterministic). Each result shows the terms the two
articles share. Folders are read recursively for *.json files.

Options:
  --top <n>          similar posts per article, 1 to ${MAX_TOP} (default 5)
  --min-score <x>    leave out matches scoring under x, 0 to 1 (default ${DEFAULT_MIN_SCORE})
  --json             print the results as JSON
  --write            write similar_posts into each article file (only files
                     whose content changes; atomically; a second run writes nothing)
  -h, --help         this text

Exit codes: 0 done; 1 a file was skipped (unreadable, not JSON, not an
article, changed during the run); 2 wrong command line; 3 a file could not
be written; 130 interrupted (no file is left half-written).

Examples:
  anp related content/posts
  anp related content/posts --top 3 --json > related.json
  anp related content/posts --write
`;

export interface Similar {
  article: CorpusArticle;
  score: number;
  shared: string[];
}

export interface Related {
  article: CorpusArticle;
  similar: Similar[];
}

function minScoreOption(args: ParsedArgs): number {
  const raw = args.options.get('min-score');
  if (raw === undefined) return DEFAULT_MIN_SCORE;
  const value = Number(raw);
  if (raw === true || raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError('--min-score expects a number from 0 to 1');
  }
  return value;
}

/** Lets Ctrl-C be heard during long loops. */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The top `top` of every article. An article is never similar to itself,
 * nor to another file of the same article (same URL, or same id when there
 * is no URL); an article without a title cannot be a similar post.
 */
export async function rankAll(
  index: RelatedIndex,
  articles: readonly CorpusArticle[],
  top: number,
  minScore: number,
  signal: AbortSignal,
  progress?: ProgressBar,
): Promise<Related[]> {
  const firstOf = new Map<string, number>();
  const group = articles.map((article, at) => {
    const key = article.url !== undefined ? `url:${article.url}` : article.id !== undefined ? `id:${article.id}` : undefined;
    if (key === undefined) return at;
    if (!firstOf.has(key)) firstOf.set(key, at);
    return firstOf.get(key) ?? at;
  });
  const results: Related[] = [];
  for (const [doc, article] of articles.entries()) {
    if (doc % 500 === 0) {
      await breathe();
      signal.throwIfAborted();
      progress?.update(doc, articles.length, { phase: 'ranking' });
    }
    const skip = (other: number): boolean => group[other] === group[doc] || articles[other].title === undefined;
    const similar = index.nearest(doc, top, minScore, skip).map(({ doc: other, score }) => ({
      article: articles[other],
      score: Math.min(1, score),
      shared: reasons(index.sharedTerms(doc, other)),
    }));
    results.push({ article, similar });
  }
  progress?.update(articles.length, articles.length, { phase: 'ranking' });
  return results;
}

/** Three decimals: enough to order by, and the same text on every run. */
const rounded = (score: number): number => Math.round(score * 1000) / 1000;

/** A similar post as SPEC gives it (title, url, topic, reading_time, score), with the similarity and its reasons. */
export function similarPost({ article, score, shared }: Similar): Record<string, unknown> {
  const post: Record<string, unknown> = { title: article.title };
  if (article.url !== undefined) post.url = article.url;
  if (article.topic !== undefined) post.topic = article.topic;
  if (article.readingTime !== undefined) post.reading_time = article.readingTime;
  if (article.score?.length) post.score = Object.fromEntries(article.score.map(({ key, value }) => [key, value]));
  post.similarity = rounded(score);
  post.shared_terms = shared;
  return post;
}

function printText(io: Io, results: readonly Related[]): void {
  for (const { article, similar } of results) {
    io.out(`${article.name}: ${article.title ?? '(no title)'}\n`);
    if (similar.length === 0) io.out('  (nothing similar enough)\n');
    similar.forEach((match, at) => {
      const where = match.article.url ?? match.article.name;
      io.out(`  ${at + 1}. ${rounded(match.score).toFixed(3)}  ${match.article.title ?? ''}  <${where}>\n`);
      io.out(`     shared: ${match.shared.join(', ')}\n`);
    });
  }
}

function asJson(results: readonly Related[], skipped: readonly Skipped[], written?: { updated: string[]; unchanged: number }): string {
  const articles = results.map(({ article, similar }) => ({
    file: article.name,
    title: article.title ?? null,
    url: article.url ?? null,
    similar: similar.map((match) => ({
      file: match.article.name,
      title: match.article.title,
      url: match.article.url ?? null,
      score: rounded(match.score),
      shared: match.shared,
    })),
  }));
  const skippedFiles = skipped.map(({ name, message }) => ({ file: name, message }));
  return `${JSON.stringify({ articles, skipped: skippedFiles, ...(written ?? {}) }, null, 2)}\n`;
}

interface WriteOutcome {
  updated: string[];
  unchanged: number;
  /** Files that failed to be written (exit 3). */
  failed: number;
}

/** Files handled at once by --write: their reads, flushes and renames overlap. */
const WRITE_BATCH = 8;

type FileOutcome = 'updated' | 'unchanged' | { skipped: string } | { failed: string };

/** Writes one article's similar posts into its file, when that changes it and the file is as it was read. */
async function writeOne({ article, similar }: Related, signal: AbortSignal): Promise<FileOutcome> {
  let text: string;
  try {
    text = await readFile(article.file, 'utf8');
  } catch (error) {
    return { skipped: `could not be read again: ${(error as Error).message}` };
  }
  if (fingerprint(text) !== article.fingerprint) return { skipped: 'changed while anp related ran; not written' };
  const edit = withSimilarPosts(text, similar.map(similarPost));
  if (!edit.ok) return { skipped: edit.message };
  if (edit.text === text) return 'unchanged';
  try {
    await writeAtomically(article.file, edit.text, signal);
    return 'updated';
  } catch (error) {
    if (signal.aborted) throw error;
    return { failed: `could not be written: ${(error as Error).message}` };
  }
}

/** Writes `similar_posts` into each file whose content changes, a few files at a time, reporting in file order. */
async function writeAll(
  results: readonly Related[],
  io: Io,
  json: boolean,
  skipped: Skipped[],
  signal: AbortSignal,
  progress: ProgressBar,
) {
  const outcome: WriteOutcome = { updated: [], unchanged: 0, failed: 0 };
  for (let at = 0; at < results.length; at += WRITE_BATCH) {
    signal.throwIfAborted();
    progress.update(at, results.length, { phase: 'writing' });
    const batch = results.slice(at, at + WRITE_BATCH);
    const settled = await Promise.allSettled(batch.map((result) => writeOne(result, signal)));
    settled.forEach((each, index) => {
      const { name } = batch[index].article;
      if (each.status === 'rejected') return;
      const done = each.value;
      if (done === 'unchanged') outcome.unchanged++;
      else if (done === 'updated') {
        outcome.updated.push(name);
        if (!json) io.out(`updated ${name}\n`);
      } else if ('skipped' in done) skipped.push({ name, message: done.skipped });
      else {
        outcome.failed++;
        io.err(`${name}: ${done.failed}\n`);
      }
    });
    const rejected = settled.find((each) => each.status === 'rejected');
    if (rejected) throw rejected.reason;
  }
  return outcome;
}

export const relatedCommand: Command = {
  name: 'related',
  summary: 'compute similar posts for every article of a folder (optionally writing them back)',
  help: HELP,
  async run(argv, io, signal) {
    const args = parseArgs(argv, { top: { value: true }, 'min-score': { value: true }, json: {}, write: {}, help: { short: 'h' } });
    if (args.positionals.length === 0) throw new UsageError('needs a folder or files of article JSON');
    const top = intOption(args, 'top', 5);
    if (top > MAX_TOP) throw new UsageError(`--top expects a whole number from 1 to ${MAX_TOP}`);
    const minScore = minScoreOption(args);
    const json = args.options.has('json');
    const skipped: Skipped[] = [];
    const progress = new ProgressBar(io);
    try {
      const files = await findArticleFiles(args.positionals, io.cwd, skipped);
      const builder = new RelatedIndexBuilder();
      const articles = await readCorpus(files, io.cwd, builder, skipped, signal, (done, total) =>
        progress.update(done, total, { phase: 'reading' }),
      );
      const results = await rankAll(builder.build(), articles, top, minScore, signal, progress);
      const outcome = args.options.has('write') ? await writeAll(results, io, json, skipped, signal, progress) : undefined;
      progress.clear();
      for (const { name, message } of skipped) io.err(`${name}: ${message}\n`);
      if (json) io.out(asJson(results, skipped, outcome && { updated: outcome.updated, unchanged: outcome.unchanged }));
      else if (!outcome) printText(io, results);
      const posts = results.reduce((sum, { similar }) => sum + similar.length, 0);
      const written = outcome ? `; ${outcome.updated.length} file(s) updated, ${outcome.unchanged} unchanged` : '';
      const failed = outcome?.failed ? `; ${outcome.failed} could not be written` : '';
      io.err(`anp related: ${articles.length} article(s), ${posts} similar post(s)${written}; ${skipped.length} skipped${failed}\n`);
      if (articles.length === 0 && skipped.length === 0) io.err('anp related: no *.json article files found\n');
      if (outcome?.failed) return EXIT.error;
      return skipped.length > 0 || articles.length === 0 ? EXIT.failed : EXIT.ok;
    } catch (error) {
      progress.clear();
      if (!signal.aborted) throw error;
      io.err('anp related: interrupted; every file is as it was or fully written\n');
      return EXIT.interrupted;
    }
  },
};
