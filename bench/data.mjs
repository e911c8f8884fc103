// Seeded generator of varied, realistic articles shaped like
// ../shared/fixtures/seed-article.json, for the benchmarks (issue 6).
// Pure ES module: the runner bundles it into every variant page, so each page
// builds the same articles from the same seed, outside the timed window.

/** mulberry32: a small, fast, seedable PRNG. Returns floats in [0, 1). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STACKS = [
  ['python services', 'backend', 'python', ['fastapi', 'pytest', 'uvicorn', 'ruff', 'celery', 'poetry']],
  ['node apis', 'backend', 'javascript', ['express', 'vitest', 'pino', 'eslint', 'pnpm', 'undici']],
  ['react frontends', 'frontend', 'typescript', ['vite', 'react', 'playwright', 'storybook', 'zod']],
  ['postgres databases', 'data', 'sql', ['psql', 'pg_stat_statements', 'pgbouncer', 'explain', 'flyway']],
  ['kubernetes clusters', 'platform', 'yaml', ['kubectl', 'helm', 'argo cd', 'prometheus', 'grafana', 'kustomize']],
  ['go microservices', 'backend', 'go', ['go test', 'pprof', 'golangci-lint', 'grpc', 'otel']],
  ['rust tooling', 'systems', 'rust', ['cargo', 'clippy', 'criterion', 'tokio', 'serde']],
  ['data pipelines', 'data', 'python', ['airflow', 'dbt', 'great expectations', 'spark', 'parquet']],
];
const PROBLEMS = [
  'tracking data quality signals',
  'reducing cold start latency',
  'untangling flaky integration tests',
  'paging through large result sets',
  'rotating secrets without downtime',
  'shrinking container images',
  'debugging memory growth',
  'migrating a legacy schema',
  'caching expensive queries',
  'hardening input validation',
];
const CONTEXTS = [
  'before a major migration',
  'after an incident review',
  'during a traffic spike',
  'while onboarding a new team',
  'ahead of a compliance audit',
  'in a small team with no ops staff',
];
const ACTIONS = [
  'measure first, change carefully, document the result',
  'add a canary, watch the error budget, then roll forward',
  'write the failing test before touching the code',
  'cap the blast radius and keep a rollback ready',
];
const CHECKS = [
  'review query plans',
  'add indexes carefully',
  'test with realistic data',
  'compare before and after metrics',
  'document the migration',
  'pin dependency versions',
  'check the error budget',
  'write a rollback note',
  'run the load test twice',
  'ask for a second review',
  'update the runbook',
  'watch the dashboards for a day',
];
const NOTES = [
  'sanitized array meta is expected to render as a list in the frontend box',
  'view count is synthetic and only used for testing meta volume',
  'content is generated for import/load testing and should be reviewed before indexing',
  'scores are heuristic and not editorial judgements',
  'the outline was produced from the draft, not the final text',
  'links in the body were checked on the review date',
];
const STATUSES = ['drafted', 'reviewed', 'published', 'needs update'];
const DIFFICULTIES = ['beginner', 'intermediate', 'advanced'];
const RICH_MARKUP = [
  '<b>important</b>',
  '<em>carefully</em>',
  '<code>EXPLAIN ANALYZE</code>',
  '<a href="https://example.com/docs">the docs</a>',
];

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}
function some(r, list, min, max) {
  const n = min + Math.floor(r() * (max - min + 1));
  const copy = [...list];
  const out = [];
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(r() * copy.length), 1)[0]);
  return out;
}
function hex(r, length) {
  let s = '';
  while (s.length < length) s += Math.floor(r() * 16).toString(16);
  return s;
}
/** A sentence; with markup when `rich` (a few inline tags, as an editor would add). */
function withMarkup(r, text, rich) {
  if (!rich) return text;
  const words = text.split(' ');
  const at = 1 + Math.floor(r() * (words.length - 1));
  words.splice(at, 0, pick(r, RICH_MARKUP));
  return words.join(' ');
}

/**
 * One article. `richShare` is the probability that a rich field (summary,
 * ai_brief, each note) carries markup; 0 gives strings with no '<' at all.
 */
export function makeArticle(r, index, { richShare = 0.15 } = {}) {
  const [stack, area, language, tools] = pick(r, STACKS);
  const problem = pick(r, PROBLEMS);
  const context = pick(r, CONTEXTS);
  const num = String(1000 + index).padStart(6, '0');
  const id = `alphanode-${num}`;
  const rich = () => r() < richShare;
  const scoreNames = some(r, ['quality', 'freshness', 'depth', 'clarity', 'accuracy', 'originality'], 2, 6);
  const score = Object.fromEntries(scoreNames.map((name) => [name, Math.floor(r() * 101)]));
  const year = 2019 + Math.floor(r() * 7);
  const month = String(1 + Math.floor(r() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(r() * 28)).padStart(2, '0');
  const meta = {
    topic: `${problem} / ${stack}`,
    summary: withMarkup(
      r,
      `this technical summary explains ${problem} in ${stack}, with emphasis on measurement, safe defaults, rollback planning, and maintainable documentation.`,
      rich(),
    ),
    ai_outline: { context, problem, stack, recommended_action: pick(r, ACTIONS) },
    ai_brief: withMarkup(
      r,
      `the article is written like a careful engineering draft: it explains the reason for the change ${context}, lists operational checks, and avoids pretending that one command fixes every case.`,
      rich(),
    ),
    stack: [stack, area, language],
    tools: some(r, tools, 2, tools.length),
    code_language: language,
    difficulty: pick(r, DIFFICULTIES),
    reading_time: 2 + Math.floor(r() * 25),
    view_count: Math.floor(r() * 2_000_000),
    score,
    revision: {
      status: pick(r, STATUSES),
      version: `${1 + Math.floor(r() * 3)}.${Math.floor(r() * 10)}.${Math.floor(r() * 20)}`,
      last_reviewed: `${year}-${month}-${day}`,
    },
    reference: `anp-ref-${num}-${Math.floor(r() * 9000 + 1000)}`,
    hash: hex(r, 24),
    flags: {
      ai_generated_style: r() < 0.7 ? 1 : 0,
      has_images: r() < 0.4 ? 1 : 0,
      image_heavy: r() < 0.1 ? 1 : 0,
      needs_human_review: r() < 0.2 ? 1 : 0,
    },
    checklist: some(r, CHECKS, 2, 9),
    entities: [
      { name: stack, type: 'stack' },
      { name: area, type: 'area' },
      { name: problem, type: 'problem' },
      ...(r() < 0.5 ? [{ name: pick(r, tools), type: 'tool' }] : []),
    ],
    payload: { source_id: id, generator: 'anp content synthesizer', paragraphs: 2 + Math.floor(r() * 9), scenario: context, seed: index },
    notes: some(r, NOTES, 0, 4).map((note) => withMarkup(r, note, rich())),
  };
  const similar = Array.from({ length: Math.floor(r() * 5) }, (_, k) => ({
    title: `${pick(r, PROBLEMS)} in ${pick(r, STACKS)[0]}`,
    url: `/posts/alphanode-${String(2000 + index * 7 + k).padStart(6, '0')}`,
    topic: pick(r, STACKS)[0],
    reading_time: 2 + Math.floor(r() * 20),
    score: { quality: Math.floor(r() * 101) },
  }));
  return { id, title: `${stack} notes: ${problem} ${context}`, url: `/posts/${id}`, meta, similar_posts: similar };
}

/** `n` articles from `seed` (the same seed gives the same articles everywhere). */
export function makeArticles(n, seed = 1, options = {}) {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => makeArticle(r, i, options));
}

/** One article whose meta has `keys` keys in all: the known ones plus generic extras (S6). */
export function makeHugeMetaArticle(keys = 10_000, seed = 6) {
  const r = rng(seed);
  const article = makeArticle(r, 0);
  const meta = article.meta;
  let i = 0;
  while (Object.keys(meta).length < keys) {
    const kind = i % 4;
    meta[`extra_field_${String(i).padStart(5, '0')}`] =
      kind === 0 ? `value ${hex(r, 8)}` : kind === 1 ? Math.floor(r() * 1e6) : kind === 2 ? r() < 0.5 : [pick(r, CHECKS), pick(r, CHECKS)];
    i++;
  }
  return article;
}

/** One article whose summary is one large rich string (~`chars` characters, markup throughout) (S7). */
export function makeLargeRichArticle(chars = 9_000, seed = 7) {
  const r = rng(seed);
  const article = makeArticle(r, 0, { richShare: 0 });
  let summary = '';
  while (summary.length < chars) summary += `${pick(r, NOTES)} ${pick(r, RICH_MARKUP)}. `;
  article.meta.summary = summary.slice(0, chars);
  article.meta.ai_brief = 'plain brief without markup';
  article.meta.notes = [];
  return article;
}

/** How many rich strings (summary, ai_brief, notes[]) the articles hold, and how many contain '<'. */
export function countRich(articles) {
  let strings = 0;
  let withTags = 0;
  for (const { meta } of articles) {
    for (const s of [meta.summary, meta.ai_brief, ...(meta.notes ?? [])]) {
      if (typeof s !== 'string') continue;
      strings++;
      if (s.includes('<')) withTags++;
    }
  }
  return { strings, withTags };
}
