/**
 * The corpus of `anp related`: the article files under the given paths, read
 * through `normalizeArticle` (so CMS forms mean what they mean in the
 * browser), kept as the little each result needs, their terms going straight
 * into the index builder. What cannot be read is reported and skipped.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Article } from '../core/article.js';
import { parseJson } from '../core/json-text.js';
import { isKnownMetaKey, metaField } from '../core/meta-schema.js';
import { normalizeArticle } from '../core/normalize.js';
import type { RelatedIndexBuilder } from './related-index.js';
import { articleTerms } from './related-terms.js';

/** What a similar post is made from, and where the article lives. */
export interface CorpusArticle {
  /** Absolute path. */
  file: string;
  /** As printed: relative to the working directory. */
  name: string;
  id?: string;
  title?: string;
  url?: string;
  topic?: string;
  readingTime?: number;
  score?: { key: string; value: number }[];
  /** Of the text read, so `--write` can tell a file that changed during the run. */
  fingerprint: string;
}

/** Files read at once, ahead of the one being parsed. */
const READ_AHEAD = 16;

/** A file that was not used, and why. */
export interface Skipped {
  name: string;
  message: string;
}

export interface Corpus {
  articles: CorpusArticle[];
  skipped: Skipped[];
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** Length and FNV-1a hash of a text: cheap, and enough to see that a file changed. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let at = 0; at < text.length; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
  return `${text.length}:${(hash >>> 0).toString(16)}`;
}

/** Code-unit order: the same on every machine and locale. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The `.json` files under `paths`, in a stable order: the paths as given,
 * each folder's entries sorted by name. Hidden entries (a leading dot, which
 * the temporary files of `--write` have) and symbolic links are not followed.
 */
export async function findArticleFiles(paths: readonly string[], cwd: string, skipped: Skipped[]): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ name: relative(cwd, dir) || '.', message: describe(error) });
      return;
    }
    for (const entry of entries.sort((a, b) => byName(a.name, b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && entry.name.endsWith('.json') && !seen.has(path)) {
        seen.add(path);
        files.push(path);
      }
    }
  };
  for (const given of paths) {
    const path = resolve(cwd, given);
    try {
      const stats = await lstat(path);
      if (stats.isDirectory()) await walk(path);
      else if (stats.isFile()) {
        if (!seen.has(path)) files.push(path);
        seen.add(path);
      } else skipped.push({ name: given, message: 'not a file or folder (symbolic links are not followed)' });
    } catch (error) {
      skipped.push({ name: given, message: describe(error) });
    }
  }
  return files;
}

/** Why a parsed file is not an article, or undefined when it is one. */
function notAnArticle(value: unknown, article: Article): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an article: the JSON is not an object';
  const hasMeta = (article.meta.fields ?? []).length > 0 || Object.keys(value).some((key) => isKnownMetaKey(key));
  if (article.title === undefined && !hasMeta) return 'not an article: no title and no meta fields';
  return undefined;
}

/** The part of a normalized article a similar post is made from. */
function keep(file: string, name: string, text: string, article: Article): CorpusArticle {
  const kept: CorpusArticle = { file, name, fingerprint: fingerprint(text) };
  if (article.id !== undefined) kept.id = article.id;
  if (article.title !== undefined) kept.title = article.title;
  if (article.url !== undefined) kept.url = article.url;
  const topic = metaField(article.meta, 'topic', 'text');
  if (topic) kept.topic = topic.value;
  const minutes = metaField(article.meta, 'reading_time', 'minutes');
  if (minutes) kept.readingTime = minutes.value;
  const score = metaField(article.meta, 'score', 'scores');
  if (score) kept.score = score.value.map(({ key, value }) => ({ key, value }));
  return kept;
}

/**
 * Reads every file, adding each article's terms to `builder` (article i of
 * the result is document i of the index). Stops between files when `signal`
 * aborts. `progress(done, total)` is told after each file.
 */
export async function readCorpus(
  files: readonly string[],
  cwd: string,
  builder: RelatedIndexBuilder,
  skipped: Skipped[],
  signal: AbortSignal,
  progress: (done: number, total: number) => void = () => {},
): Promise<CorpusArticle[]> {
  const articles: CorpusArticle[] = [];
  // Reads run a few files ahead (the thread pool's reads overlap the parsing here); results are taken in order.
  const reads = new Map<number, Promise<string | { error: unknown }>>();
  const startRead = (at: number): void => {
    if (at < files.length)
      reads.set(
        at,
        readFile(files[at], 'utf8').catch((error: unknown) => ({ error })),
      );
  };
  for (let at = 0; at < READ_AHEAD; at++) startRead(at);
  for (const [index, file] of files.entries()) {
    signal.throwIfAborted();
    const name = relative(cwd, file) || file;
    const text = (await reads.get(index)) ?? { error: new Error('not read') };
    reads.delete(index);
    startRead(index + READ_AHEAD);
    progress(index + 1, files.length);
    if (typeof text !== 'string') {
      skipped.push({ name, message: describe(text.error) });
      continue;
    }
    const parsed = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, name);
    if (parsed.errors.length) {
      const { message } = parsed.errors[0];
      skipped.push({ name, message: message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message });
      continue;
    }
    const { value: article } = normalizeArticle(parsed.value);
    const why = notAnArticle(parsed.value, article);
    if (why) {
      skipped.push({ name, message: why });
      continue;
    }
    articles.push(keep(file, name, text, article));
    builder.add(articleTerms(article));
  }
  return articles;
}
