#!/usr/bin/env node
// A realistic, labelled corpus of seed-shaped articles for `anp related`:
// its speed figures (scripts/related-bench.mjs) and its quality test
// (test/node/related-quality.test.mjs). Deterministic: the same count and
// seed give the same files, byte for byte.
//
// Every article is about one stack and one problem, known by construction
// and kept in meta.payload (stack_key, problem_key), which the ranking never
// reads. The text around them varies the way a CMS corpus does: each problem
// has three phrasings, titles follow five templates, a topic, entities or a
// summary may be missing, stacks share tools and languages (python in three
// stacks, gradle in two), some stacks are far more common than others, and
// one article in ten comes in a CMS form (the meta at the root, numbers as
// strings, [] for an empty object).
//
//   node scripts/related-corpus.mjs --count 1000 --out /tmp/corpus [--seed 13]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rng } from '../bench/data.mjs';

// key, stack list, code language, tools.
const STACKS = [
  ['python', ['python services', 'backend', 'python'], 'python', ['fastapi', 'pytest', 'uvicorn', 'ruff', 'celery', 'sqlalchemy', 'mypy']],
  ['go', ['go services', 'backend', 'go'], 'go', ['pprof', 'grpc', 'go test', 'golangci-lint', 'delve', 'gin']],
  ['node', ['node.js apis', 'backend', 'typescript'], 'typescript', ['express', 'fastify', 'jest', 'pm2', 'npm', 'eslint']],
  [
    'react',
    ['react frontends', 'frontend', 'typescript'],
    'typescript',
    ['vite', 'storybook', 'playwright', 'eslint', 'webpack', 'react testing library'],
  ],
  ['java', ['java spring services', 'backend', 'java'], 'java', ['spring boot', 'maven', 'junit', 'gradle', 'hibernate', 'jmh']],
  ['rust', ['rust services', 'systems', 'rust'], 'rust', ['cargo', 'tokio', 'clippy', 'criterion', 'serde', 'tracing']],
  ['postgres', ['postgresql databases', 'data', 'sql'], 'sql', ['psql', 'pg_stat_statements', 'pgbouncer', 'explain analyze', 'flyway']],
  [
    'kubernetes',
    ['kubernetes platform', 'infrastructure', 'yaml'],
    'yaml',
    ['kubectl', 'helm', 'argo cd', 'prometheus', 'k9s', 'kustomize'],
  ],
  ['terraform', ['terraform infrastructure', 'infrastructure', 'hcl'], 'hcl', ['terraform', 'terragrunt', 'tflint', 'aws cli', 'vault']],
  [
    'pipelines',
    ['data pipelines', 'data engineering', 'python'],
    'python',
    ['airflow', 'spark', 'dbt', 'kafka', 'great expectations', 'parquet'],
  ],
  ['ios', ['ios apps', 'mobile', 'swift'], 'swift', ['xcode', 'swiftui', 'instruments', 'fastlane', 'xctest']],
  ['android', ['android apps', 'mobile', 'kotlin'], 'kotlin', ['android studio', 'gradle', 'jetpack compose', 'espresso', 'leakcanary']],
  ['wordpress', ['wordpress sites', 'web', 'php'], 'php', ['wp-cli', 'composer', 'phpunit', 'query monitor', 'xdebug']],
  ['ml', ['machine learning models', 'ml', 'python'], 'python', ['pytorch', 'scikit-learn', 'mlflow', 'jupyter', 'pandas', 'numpy']],
];
// How common each stack is (a CMS corpus is never uniform).
const STACK_WEIGHTS = [9, 6, 6, 6, 4, 2, 4, 5, 3, 4, 2, 2, 5, 3];

// key, three phrasings (they share some words, not all).
const PROBLEMS = [
  ['latency', ['cutting p99 latency', 'reducing tail latency', 'p99 latency spikes']],
  ['memory', ['finding memory leaks', 'memory growth in long-running processes', 'tracking down a memory leak']],
  ['flaky', ['fixing flaky tests', 'flaky test suites', 'making tests deterministic']],
  ['data-quality', ['tracking data quality signals', 'data quality checks', 'monitoring data quality']],
  ['retries', ['reducing background job retries', 'retry storms in background jobs', 'background job failures']],
  ['slow-queries', ['speeding up slow queries', 'slow query analysis', 'query plans for slow queries']],
  ['rollbacks', ['safe deploy rollbacks', 'rolling back a bad deploy', 'rollback plans for deploys']],
  ['caching', ['cache invalidation bugs', 'invalidating caches safely', 'stale cache entries']],
  ['upgrades', ['upgrading dependencies safely', 'major dependency upgrades', 'dependency upgrade fallout']],
  ['logging', ['adding structured logging', 'structured logs and traces', 'logging that helps on call']],
  ['build-times', ['cutting build times', 'slow ci builds', 'faster build pipelines']],
  ['auth', ['rotating auth tokens', 'token expiry bugs', 'auth token refresh']],
  ['rate-limits', ['adding rate limiting', 'rate limits under burst traffic', 'rate limiter tuning']],
  ['migrations', ['zero-downtime schema migrations', 'schema migrations without locks', 'backfilling after a schema change']],
  ['cost', ['reducing cloud costs', 'cloud cost spikes', 'right-sizing to cut cost']],
  ['accessibility', ['accessibility regressions', 'fixing accessibility audits', 'keyboard accessibility gaps']],
  ['drift', ['configuration drift', 'drift between environments', 'config drift detection']],
  ['races', ['race conditions in concurrent code', 'debugging race conditions', 'deadlocks and data races']],
  ['cold-starts', ['slow cold starts', 'startup time regressions', 'cold start latency']],
  ['error-budgets', ['error budget burn', 'slo error budgets', 'alerting on error budgets']],
];

const SCENARIOS = [
  'before a major migration',
  'after a traffic spike',
  'during an incident review',
  'in a small team',
  'under a deadline',
  'after an outage',
  'in a legacy codebase',
  'at scale',
];
const EMPHASES = [
  'measurement',
  'safe defaults',
  'rollback planning',
  'maintainable documentation',
  'small reversible changes',
  'load testing',
  'on-call ergonomics',
  'clear ownership',
];
const COMMON_TOOLS = ['git', 'logs', 'docker', 'grafana', 'sentry', 'jira'];
const CHECKLIST = [
  'review query plans',
  'add indexes carefully',
  'test with realistic data',
  'compare before and after metrics',
  'document the migration',
  'write a rollback plan',
  'measure first',
  'tell the on-call team',
  'pin versions',
  'add an alert',
];
const SITES = ['alphanode', 'betawire', 'gammadocs', 'deltapress'];
const DIFFICULTY = ['beginner', 'intermediate', 'advanced'];

/**
 * `count` articles: `{ path, labels: { stack, problem }, text }`, path
 * relative (`<site>/<id>.json`), text as a CMS export would write it.
 */
export function generateCorpus({ count, seed = 13 }) {
  const next = rng(seed);
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => next() < p;
  const some = (list, min, max) => {
    const pool = [...list];
    const taken = [];
    const n = Math.min(pool.length, min + int(max - min + 1));
    while (taken.length < n) taken.push(pool.splice(int(pool.length), 1)[0]);
    return taken;
  };
  const stackTotal = STACK_WEIGHTS.reduce((a, b) => a + b, 0);
  const pickStack = () => {
    let left = next() * stackTotal;
    for (let at = 0; at < STACKS.length; at++) if ((left -= STACK_WEIGHTS[at]) < 0) return STACKS[at];
    return STACKS[STACKS.length - 1];
  };
  const files = [];
  for (let n = 0; n < count; n++) {
    const [stackKey, stackList, language, stackTools] = pickStack();
    const [problemKey, phrasings] = pick(PROBLEMS);
    const problem = pick(phrasings);
    const [stackName, area] = stackList;
    const scenario = pick(SCENARIOS);
    const tools = [...some(stackTools, 3, 5), ...some(COMMON_TOOLS, 0, 2)];
    const site = SITES[n % SITES.length];
    const id = `${site}-${String(100000 + n).slice(1)}`;
    const title = [
      () => `${stackName} notes: ${problem} ${scenario}`,
      () => `${problem}: what we learned ${scenario}`,
      () => `${problem} in ${stackName}`,
      () => `a field guide to ${problem}`,
      () => `how we approached ${problem} with ${tools[0]}`,
    ][int(5)]();
    const meta = {};
    if (!chance(0.2)) meta.topic = chance(0.8) ? `${problem} / ${stackName}` : problem;
    if (!chance(0.1)) {
      meta.summary = `this ai-style technical summary explains ${problem} in ${stackName}, with emphasis on ${some(EMPHASES, 2, 3).join(', ')}.`;
    }
    meta.ai_outline = {
      context: scenario,
      problem,
      stack: stackName,
      recommended_action: 'measure first, change carefully, document the result',
    };
    meta.stack = chance(0.3) ? stackList.slice(0, 2) : [...stackList];
    meta.tools = tools;
    meta.code_language = language;
    meta.difficulty = pick(DIFFICULTY);
    meta.reading_time = 2 + int(14);
    meta.view_count = int(900000);
    meta.score = { quality: 40 + int(60), freshness: 30 + int(70), depth: 30 + int(70), clarity: 40 + int(60) };
    meta.revision = {
      status: pick(['drafted', 'reviewed', 'published']),
      version: `1.${int(9)}.${int(9)}`,
      last_reviewed: `202${int(6)}-0${1 + int(9)}-1${int(9)}`,
    };
    meta.reference = `anp-ref-${id.slice(-5)}-${1000 + int(9000)}`;
    meta.hash = (n * 2654435761 + seed).toString(16).padStart(12, '0').slice(0, 24);
    meta.flags = { ai_generated_style: 1, has_images: int(2), image_heavy: 0, needs_human_review: int(2) };
    meta.checklist = some(CHECKLIST, 3, 5);
    if (!chance(0.3))
      meta.entities = [
        { name: stackName, type: 'stack' },
        { name: area, type: 'area' },
        { name: problem, type: 'problem' },
      ];
    meta.payload = { source_id: id, generator: 'anp related corpus', seed: n, stack_key: stackKey, problem_key: problemKey };
    meta.notes = ['generated for the related-posts quality and speed checks'];
    let article;
    if (chance(0.1)) {
      // A CMS form: the meta at the root, numbers as strings, [] for an empty object.
      article = { id, title, url: `/posts/${id}`, ...meta, reading_time: String(meta.reading_time), flags: [] };
    } else {
      article = { id, title, url: `/posts/${id}`, meta };
      if (chance(0.5)) article.similar_posts = [];
    }
    files.push({
      path: `${site}/${id}.json`,
      labels: { stack: stackKey, problem: problemKey },
      text: `${JSON.stringify(article, null, 2)}\n`,
    });
  }
  return files;
}

/** Writes a generated corpus under `dir`. */
export function writeCorpus(dir, options) {
  const files = generateCorpus(options);
  for (const site of SITES) mkdirSync(join(dir, site), { recursive: true });
  for (const file of files) writeFileSync(join(dir, file.path), file.text);
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const option = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at === -1 ? fallback : process.argv[at + 1];
  };
  const out = option('out');
  const count = Number(option('count', '1000'));
  const seed = Number(option('seed', '13'));
  if (!out || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
    console.error('usage: node scripts/related-corpus.mjs --count <n> --out <dir> [--seed <n>]');
    process.exit(2);
  }
  writeCorpus(out, { count, seed });
  console.log(`${count} articles in ${out} (seed ${seed})`);
}
