import seed from '../test/fixtures/seed-article.json';

/** A fresh copy of the canonical article for each story. */
export function seedArticle(): typeof seed {
  return structuredClone(seed);
}

/** The seed with three similar posts, as a CMS page would send it. */
export function seedWithPosts(): Record<string, unknown> {
  return {
    ...seedArticle(),
    similar_posts: [
      { title: 'Rolling back a schema migration without downtime', url: '/posts/alphanode-002411', topic: 'databases', reading_time: 7 },
      { title: 'What to log before you change an index', url: '/posts/alphanode-002577', topic: 'observability', reading_time: 4 },
      { title: 'Data quality checks that survive a migration', url: '/posts/alphanode-002790', topic: 'python services', reading_time: 6 },
    ],
  };
}
