// Page side of scripts/lifecycle-check.mjs (loaded as a classic script before
// the library). It wraps window.fetch to count requests still in flight and
// exposes `window.lifecycle` for the Node driver, which batches cycles through
// page.evaluate. Nothing here keeps a reference to an element, an article copy
// or a request once a batch has finished, so whatever survives a GC belongs to
// the library.
'use strict';

(() => {
  // --- fetch tracker -------------------------------------------------------
  const originalFetch = window.fetch;
  /** Requests not settled yet (a Set of small records, emptied as they settle). */
  const inflight = new Set();
  const fetchStats = { started: 0, ok: 0, aborted: 0, failed: 0, abortedBeforeSettle: 0 };

  window.fetch = function trackedFetch(input, init) {
    const signal = init && init.signal instanceof AbortSignal ? init.signal : undefined;
    const record = { signal };
    inflight.add(record);
    fetchStats.started += 1;
    const settle = (outcome) => {
      inflight.delete(record);
      fetchStats[outcome] += 1;
      if (signal && signal.aborted) fetchStats.abortedBeforeSettle += 1;
    };
    const promise = originalFetch.call(this, input, init);
    promise.then(
      () => settle('ok'),
      (error) => settle(error && error.name === 'AbortError' ? 'aborted' : 'failed'),
    );
    return promise;
  };

  function fetchReport() {
    let pending = 0;
    let pendingAborted = 0;
    for (const record of inflight) {
      if (record.signal && record.signal.aborted) pendingAborted += 1;
      else pending += 1;
    }
    return { ...fetchStats, pending, pendingAborted };
  }

  // --- helpers -------------------------------------------------------------
  const SEED_URL = '/test/fixtures/seed-article.json';
  const TAGS = ['anp-meta-box', 'anp-checklist', 'anp-score-bars', 'anp-similar-posts'];
  let seed; // the parsed seed article, loaded once by init()
  let seedText;
  const problems = { count: 0, first: [] };

  const stage = () => document.getElementById('stage');
  // A macrotask turn without setTimeout's 4 ms clamp for nested timers.
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()();
  const tick = () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(0);
    });

  function problem(message) {
    problems.count += 1;
    if (problems.first.length < 10) problems.first.push(message);
  }

  function make(tag, props) {
    const el = document.createElement(tag);
    if (props) Object.assign(el, props);
    return el;
  }

  function scriptChild(text) {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = text;
    return script;
  }

  /** An <anp-article> holding one of each element. */
  function provider(props, child) {
    const article = make('anp-article', props);
    if (child) article.append(child);
    for (const tag of TAGS) article.append(make(tag));
    return article;
  }

  function allAnp(root) {
    const found = [];
    if (root.localName && root.localName.startsWith('anp-')) found.push(root);
    for (const el of root.querySelectorAll('anp-article, ' + TAGS.join(', '))) found.push(el);
    return found;
  }

  async function settle(root) {
    // Context updates cascade: a provider's update makes its consumers update.
    for (let round = 0; round < 3; round += 1) {
      await Promise.all(allAnp(root).map((el) => el.updateComplete));
    }
  }

  /** The element rendered something, and the meta box shows `topic` (when given). */
  function check(root, topic, label) {
    for (const el of allAnp(root)) {
      if (el.localName === 'anp-article') continue;
      const shadow = el.shadowRoot;
      if (!shadow || !shadow.querySelector('*:not(style)')) {
        problem(`${label}: <${el.localName}> rendered nothing`);
        return;
      }
      if (topic && el.localName === 'anp-meta-box' && !shadow.textContent.includes(topic)) {
        problem(`${label}: <anp-meta-box> does not show topic ${JSON.stringify(topic)}`);
        return;
      }
    }
  }

  /**
   * One mount/unmount cycle; `i % 6` picks the input path:
   * 0 provider with `article` property, 1 provider with `src` removed at once
   * (fetch aborted), 2 provider with `src` awaited, 3 provider with a script
   * child, 4 each element alone (article property, own convenience properties,
   * `article` attribute), 5 standalone `src` removed at once plus standalone
   * script child. With `standaloneOnly` only modes 4 and 5 run, as on a page
   * that never uses <anp-article>.
   */
  async function cycle(i, standaloneOnly) {
    const host = document.createElement('div');
    const topic = seed.meta.topic;
    const mode = standaloneOnly ? 4 + (i % 2) : i % 6;
    if (mode === 0) host.append(provider({ article: seed }));
    else if (mode === 1 || mode === 2) host.append(provider({ src: SEED_URL }));
    else if (mode === 3) host.append(provider(undefined, scriptChild(seedText)));
    else if (mode === 4) {
      host.append(
        make('anp-meta-box', { article: seed }),
        make('anp-checklist', { items: seed.meta.checklist }),
        make('anp-score-bars', { scores: seed.meta.score }),
        make('anp-similar-posts', { posts: seed.similar_posts }),
      );
      const byAttribute = make('anp-meta-box');
      byAttribute.setAttribute('article', seedText);
      host.append(byAttribute);
    } else {
      host.append(make('anp-meta-box', { src: SEED_URL }));
      const checklist = make('anp-checklist');
      checklist.append(scriptChild(seedText));
      host.append(checklist);
    }
    stage().append(host);
    if (mode === 1 || mode === 5) {
      // Leave while the fetch is in flight: it must be aborted, not leaked.
      await tick();
      host.remove();
      await settle(host);
      return;
    }
    await settle(host);
    check(host, mode === 4 ? undefined : topic, `cycle ${i} (mode ${mode})`);
    host.remove();
  }

  /** A fresh copy of the seed whose topic (and a score) says which swap it is. */
  function swapped(n) {
    const copy = structuredClone(seed);
    copy.meta.topic = `${seed.meta.topic} (swap ${n})`;
    copy.meta.score.quality = n % 101;
    return copy;
  }

  window.lifecycle = {
    async init() {
      const response = await originalFetch(SEED_URL, { cache: 'no-store' });
      seedText = await response.text();
      seed = JSON.parse(seedText);
      for (const tag of ['anp-article', ...TAGS]) {
        if (!customElements.get(tag)) throw new Error(`<${tag}> is not defined: did the IIFE load?`);
      }
      return { seedBytes: seedText.length };
    },

    async cycles(start, count, standaloneOnly = false) {
      for (let i = start; i < start + count; i += 1) await cycle(i, standaloneOnly);
      return { mounted: document.querySelectorAll('anp-article, ' + TAGS.join(', ')).length };
    },

    /**
     * `count` data swaps on mounted elements: an <anp-article> with one of
     * each element (swapped through context) and one standalone element of
     * each kind (swapped through their own `article` property), alternately.
     */
    async swaps(count) {
      const host = document.createElement('div');
      const inside = provider({ article: seed });
      const alone = TAGS.map((tag) => make(tag, { article: seed }));
      host.append(inside, ...alone);
      stage().append(host);
      await settle(host);
      for (let n = 0; n < count; n += 1) {
        const copy = swapped(n);
        const targets = n % 2 === 0 ? [inside] : alone;
        for (const el of targets) el.article = copy;
        await settle(host);
        const box = n % 2 === 0 ? inside.querySelector('anp-meta-box') : alone[0];
        check(box, copy.meta.topic, `swap ${n}`);
      }
      host.remove();
      await settle(host);
      return { swaps: count };
    },

    async idle(ms) {
      await new Promise((resolve) => setTimeout(resolve, ms));
    },

    report() {
      const root = document[Symbol.for('anp-components.context-root')];
      let contextRootPending = 0;
      if (root && root.pendingContextRequests) {
        for (const entry of root.pendingContextRequests.values()) contextRootPending += entry.requests.length;
      }
      return {
        fetch: fetchReport(),
        problems: { count: problems.count, first: problems.first.slice() },
        mounted: document.querySelectorAll('anp-article, ' + TAGS.join(', ')).length,
        metaBoxes: document.querySelectorAll('anp-meta-box').length,
        contextRootPending,
      };
    },
  };
})();
