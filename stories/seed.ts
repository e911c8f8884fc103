import seed from '../test/fixtures/seed-article.json';

/** A fresh copy of the canonical article for each story. */
export function seedArticle(): typeof seed {
  return structuredClone(seed);
}

/** The seed article as JSON text, for `article` attributes and script children. */
export function seedJson(): string {
  return JSON.stringify(seed);
}

/** The URL the static Storybook serves the seed from (staticDirs maps test/fixtures to /fixtures). */
export const SEED_URL = '/fixtures/seed-article.json';

/** A similar post, as a CMS sends it. */
export interface SimilarPost {
  title: string;
  url: string;
  topic: string;
  reading_time: number;
}

const SIMILAR_POSTS: readonly SimilarPost[] = [
  { title: 'Rolling back a schema migration without downtime', url: '/posts/alphanode-002411', topic: 'databases', reading_time: 7 },
  { title: 'What to log before you change an index', url: '/posts/alphanode-002577', topic: 'observability', reading_time: 4 },
  { title: 'Data quality checks that survive a migration', url: '/posts/alphanode-002790', topic: 'python services', reading_time: 6 },
];

/** The seed with three similar posts, as a CMS page would send it. */
export function seedWithPosts(): Record<string, unknown> {
  return { ...seedArticle(), similar_posts: SIMILAR_POSTS.map((post) => ({ ...post })) };
}

/** `count` distinct similar posts (titles, urls and reading times vary), for "many posts" stories. */
export function manySimilarPosts(count: number): SimilarPost[] {
  const topics = ['databases', 'observability', 'python services', 'go services', 'frontend', 'security'];
  return Array.from({ length: count }, (_, index) => ({
    title: `${SIMILAR_POSTS[index % SIMILAR_POSTS.length].title} (part ${index + 1})`,
    url: `/posts/alphanode-${String(3000 + index).padStart(6, '0')}`,
    topic: topics[index % topics.length],
    reading_time: 2 + ((index * 7) % 19),
  }));
}

/** The seed's meta without the given keys, for "partial" stories. */
export function seedMetaWithout(...keys: string[]): Record<string, unknown> {
  const meta: Record<string, unknown> = { ...seedArticle().meta };
  for (const key of keys) delete meta[key];
  return meta;
}
