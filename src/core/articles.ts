/**
 * Articles, similar posts and the elements' own inputs: unknown values in,
 * typed values and a list of problems out. Never throws, never writes to an
 * object it did not create, and bounds its work by the caps in `LIMITS`.
 */
import type { Article, Entry, GenericValue, Normalized, SimilarPost } from './article.js';
import { canonicalKey } from './format.js';
import { describeThrown, parseJson, type JsonSource } from './json-text.js';
import { LIMITS, type Path } from './limits.js';
import { isKnownMetaKey, metaOf, readMeta, readScores } from './meta-schema.js';
import { readGeneric } from './generic.js';
import { Reader, type Capped } from './reader.js';
import { judgeUrl } from './url.js';

const ROOT_KEYS = new Set(['id', 'title', 'url', 'meta', 'similar_posts']);

/** An article with nothing in it: what invalid input leaves. */
export function emptyArticle(): Article {
  return { meta: metaOf([]) };
}

function readSimilarPosts(reader: Reader, value: unknown, path: Path): Capped<SimilarPost> | undefined {
  return reader.list(value, path, 'a list of posts', (item, itemPath) => {
    const post: Partial<SimilarPost> & { extra: Entry<GenericValue>[] } = { extra: [] };
    const read = reader.keyed(
      item,
      itemPath,
      (key, child, childPath) => {
        switch (canonicalKey(key)) {
          case 'title':
            post.title = reader.string(child, childPath);
            break;
          case 'url': {
            const verdict = judgeUrl(child);
            if (verdict.ok) post.url = verdict.href;
            else reader.report(childPath, 'url-refused', `URL not used: ${verdict.reason}`);
            break;
          }
          case 'topic':
            post.topic = reader.string(child, childPath);
            break;
          case 'reading_time':
            post.reading_time = reader.number(child, childPath, { min: 0 });
            break;
          case 'score':
            post.score = readScores(reader, child, childPath)?.items;
            break;
          default: {
            const generic = readGeneric(reader, child, childPath, path.length + 2);
            if (generic) post.extra.push({ key: reader.capKey(key, childPath), value: generic });
          }
        }
        return undefined;
      },
      'a post object',
    );
    if (!read) return undefined;
    if (post.title === undefined) reader.report(itemPath, 'incomplete', 'post without a title is not shown');
    else return dropUndefined(post) as SimilarPost;
    return undefined;
  });
}

/** Runs `body` with a fresh reader and turns anything it throws (a hostile getter, a Proxy) into an error at the root. */
export function guarded<T>(fallback: () => T, body: (reader: Reader) => T): Normalized<T> {
  const reader = new Reader();
  try {
    const value = body(reader);
    return { value, errors: reader.finish() };
  } catch (error) {
    reader.report([], 'unreadable', `input could not be read: ${describeThrown(error)}`);
    return { value: fallback(), errors: reader.finish() };
  }
}

function dropUndefined<T extends object>(object: T): T {
  for (const key of Object.keys(object) as (keyof T)[]) if (object[key] === undefined) delete object[key];
  return object;
}

/**
 * Any value (an object, or JSON text) → an `Article` and its errors.
 *
 * An object with no `meta` key whose keys include meta fields is taken as
 * the meta itself, as CMS exports often send it. `source` names where JSON
 * text came from, in its errors ("attribute: invalid JSON (…)").
 */
export function normalizeArticle(input: unknown, source: JsonSource = 'article'): Normalized<Article> {
  let value = input;
  if (typeof input === 'string') {
    const parsed = parseJson(input, source);
    if (parsed.errors.length) return { value: emptyArticle(), errors: parsed.errors };
    value = parsed.value;
  }
  return guarded(emptyArticle, (reader) => {
    const article: Article = emptyArticle();
    const root = reader.keyed(value, [], (key, child) => ({ key, value: child }), 'an article object');
    if (!root) return article;
    const byKey = new Map<string, Entry<unknown>>();
    for (const entry of root.items) {
      const canonical = canonicalKey(entry.key);
      if (ROOT_KEYS.has(canonical) && !byKey.has(canonical)) byKey.set(canonical, entry);
    }
    const metaEntry = byKey.get('meta');
    const rootIsMeta = !metaEntry && root.items.some(({ key }) => isKnownMetaKey(canonicalKey(key)));
    const rootObject = value as object;

    const id = byKey.get('id');
    if (id) {
      // Numeric ids are common in CMS exports; they must still be real numbers.
      const numeric = typeof id.value === 'number' ? reader.number(id.value, [id.key]) : undefined;
      article.id = numeric !== undefined ? String(numeric) : typeof id.value === 'number' ? undefined : reader.string(id.value, [id.key]);
    }
    const title = byKey.get('title');
    if (title) article.title = reader.string(title.value, [title.key]);
    const url = byKey.get('url');
    if (url) {
      const verdict = judgeUrl(url.value);
      if (verdict.ok) article.url = verdict.href;
      else reader.report([url.key], 'url-refused', `URL not used: ${verdict.reason}`);
    }
    if (metaEntry) article.meta = reader.inside(rootObject, () => readMeta(reader, metaEntry.value, [metaEntry.key]));
    // The root read again, as the meta: not a cycle.
    else if (rootIsMeta) article.meta = readMeta(reader, value, [], ROOT_KEYS);
    const similar = byKey.get('similar_posts');
    if (similar) {
      reader.budget(LIMITS.maxPostValues);
      const read = reader.inside(rootObject, () => readSimilarPosts(reader, similar.value, [similar.key]));
      if (read) {
        article.similar_posts = read.items;
        if (read.more) article.similar_posts_more = read.more;
      }
    }
    return dropUndefined(article);
  });
}

/** The `items` property of `<anp-checklist>`. */
export function normalizeChecklistItems(input: unknown): Normalized<{ items: string[]; more: number }> {
  return guarded(
    () => ({ items: [], more: 0 }),
    (reader) => {
      const read = reader.list(input, [], 'a list of strings', (item, path) => reader.string(item, path));
      return { items: read?.items ?? [], more: read?.more ?? 0 };
    },
  );
}

/** The `scores` property of `<anp-score-bars>`. */
export function normalizeScores(input: unknown): Normalized<{ scores: Entry<number>[]; more: number }> {
  return guarded(
    () => ({ scores: [], more: 0 }),
    (reader) => {
      const read = readScores(reader, input, []);
      return { scores: read?.items ?? [], more: read?.more ?? 0 };
    },
  );
}

/** The `posts` property of `<anp-similar-posts>`. */
export function normalizeSimilarPosts(input: unknown): Normalized<{ posts: SimilarPost[]; more: number }> {
  return guarded(
    () => ({ posts: [], more: 0 }),
    (reader) => {
      const read = readSimilarPosts(reader, input, []);
      return { posts: read?.items ?? [], more: read?.more ?? 0 };
    },
  );
}
