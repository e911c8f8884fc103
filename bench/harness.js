// The page side of the benchmarks (issue 6). Every variant bundle is this
// file plus one adapter (bench/variants/adapter-*.js); the runner
// (bench/run.mjs) drives it through `window.bench`.
//
// An adapter renders lists of elements and knows nothing about timing:
//   kinds: element kinds it supports ('meta-box', 'checklist', 'score-bars', 'similar-posts')
//   ready(): Promise, once its elements are defined
//   mount(container, articles, kinds): handle   (synchronous part)
//   update(handle, articles): void              (a new article for each rendered item)
//   settle(handle): Promise                     (pending async rendering, e.g. Lit's updateComplete)
//   unmount(handle): void
import { makeArticles, makeHugeMetaArticle, makeLargeRichArticle, countRich } from './data.mjs';
import { loadSanitizer } from '../dist/core/sanitize.js';

const sanitizeStats = (globalThis.__anpSanitizeStats ??= { calls: 0, ms: 0 });

/** After the next frame has been produced: a rAF (before the frame's style, layout and paint), then a task after it. */
function nextPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

const longTasks = [];
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // No Long Tasks API: longest task is reported as null.
}

export function start(adapter) {
  const container = document.getElementById('root');
  let handle;
  let articles = [];

  function dataset(name, n, seed) {
    switch (name) {
      case 'plain':
        return makeArticles(n, seed, { richShare: 0 });
      case 'rich-many':
        return makeArticles(n, seed, { richShare: 1 });
      case 'huge-meta':
        return [makeHugeMetaArticle(10_000, seed)];
      case 'rich-large':
        return [makeLargeRichArticle(9_000, seed)];
      default:
        return makeArticles(n, seed);
    }
  }

  async function timed(work) {
    await nextPaint();
    const calls0 = sanitizeStats.calls;
    const ms0 = sanitizeStats.ms;
    const firstTask = longTasks.length;
    const t0 = performance.now();
    const result = work();
    const t1 = performance.now();
    await adapter.settle(result ?? handle);
    const t2 = performance.now();
    void container.offsetHeight; // force style and layout now
    const t3 = performance.now();
    await nextPaint();
    const t4 = performance.now();
    // Long tasks are reported a little later; give the observer a turn.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const tasks = longTasks.slice(firstTask).filter((task) => task.start >= t0 - 1);
    return {
      sync: t1 - t0,
      script: t2 - t0,
      layout: t3 - t0,
      paint: t4 - t0,
      longestTask: tasks.length ? Math.max(...tasks.map((task) => task.duration)) : 0,
      sanitizeCalls: sanitizeStats.calls - calls0,
      sanitizeMs: sanitizeStats.ms - ms0,
    };
  }

  window.bench = {
    name: adapter.name,
    kinds: adapter.kinds,
    // Every variant starts with the sanitizer in (a page after the first: the library fetches it once, when
    // markup is first met, and its elements wait for it; the variants that call normalizeArticle need it too).
    ready: () => loadSanitizer().then(() => adapter.ready()),
    /** Builds the data (untimed). Returns what the sanitizer has to do with it. */
    prepare(name, n, seed = 1) {
      articles = dataset(name, n, seed);
      return countRich(articles);
    },
    mount(kinds = ['meta-box']) {
      return timed(() => (handle = adapter.mount(container, articles, kinds)));
    },
    /** S4: one field changed in every article (view_count + 1), as new objects. */
    updateOneField() {
      const next = articles.map((article) => ({ ...article, meta: { ...article.meta, view_count: (article.meta.view_count ?? 0) + 1 } }));
      articles = next;
      return timed(() => {
        adapter.update(handle, next);
        return handle;
      });
    },
    /** S5: the same data again, as equal new objects (a re-fetch), not the same references. */
    setSame() {
      const next = structuredClone(articles);
      articles = next;
      return timed(() => {
        adapter.update(handle, next);
        return handle;
      });
    },
    async unmountAll() {
      adapter.unmount(handle);
      handle = undefined;
      await nextPaint();
    },
    sanitizeStats: () => ({ ...sanitizeStats }),
    /** The prepared articles (for bench/css-experiment.mjs). */
    articles: () => articles,
  };

  // S1: ?cold mounts one article as soon as the bundle runs; the runner reads first-contentful-paint.
  if (new URLSearchParams(location.search).has('cold')) {
    void adapter.ready().then(() => {
      articles = dataset('default', 1, 1);
      handle = adapter.mount(container, articles, ['meta-box']);
      return adapter.settle(handle).then(() => performance.mark('anp-mounted'));
    });
  }
}
