#!/usr/bin/env node
// Lifecycle leak check (issue 3, item 5), in headless Chromium:
//
//   npm run build && node scripts/lifecycle-check.mjs
//
// Serves the project root on 127.0.0.1 (random port), opens
// test/lifecycle/page.html (which loads dist/anp-components.iife.js as a
// classic script), warms up, forces GC and measures the JS heap, then runs
// 1,000 data swaps on mounted elements (through <anp-article>'s context and
// through standalone elements' `article`) and 10,000 mount/unmount cycles
// covering every input path: `article` property, `article` attribute, `src`
// awaited, `src` aborted by removal, script child, context from
// <anp-article>, own convenience properties. The last 2,000 cycles use
// standalone elements only, as a page that never uses <anp-article> would
// (ANP_LIFECYCLE_STANDALONE sets how many). Then it removes everything,
// forces GC and measures again.
//
// Fails (exit 1) when the JS heap grew by 5% or more; when the listeners on
// window/document/<html>/<body> or the page's JS listener count differ from
// before; when a fetch is still pending (page side or server side); when an
// anp element instance, AbortController or MutationObserver survives removal
// and GC; when the shared ContextRoot keeps piling up context requests; when
// an element is left in the document; or when a render check or the page
// itself failed. It also prints where the heap grew, by kind and class, from
// two heap snapshots.
//
// V8's optimizing tiers are off by default (--no-opt --no-maglev): with them
// on, code that V8 (re)optimizes during the run (machine code plus the
// dependent-code lists on maps) adds 60-130 KB to a ~1.5 MB heap whatever the
// library does, which says nothing about leaks and would eat most of the 5%.
// Object retention is the same in every tier.
//
// Environment: ANP_CHROMIUM_PATH (default /usr/bin/chromium);
// ANP_LIFECYCLE_CYCLES / _SWAPS (10000 / 1000) and ANP_LIFECYCLE_WARMUP
// (200 cycles) to debug; ANP_LIFECYCLE_JS_FLAGS replaces the V8 tier flags
// (set it to '' to run with the full JIT, and raise the warm-up).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './kit/chromium.mjs';
import { serveStatic } from './kit/serve.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const IIFE = resolve(root, 'dist/anp-components.iife.js');
const CYCLES = Number(process.env.ANP_LIFECYCLE_CYCLES ?? 10000);
const SWAPS = Number(process.env.ANP_LIFECYCLE_SWAPS ?? 1000);
const WARMUP_CYCLES = Number(process.env.ANP_LIFECYCLE_WARMUP ?? 200);
const WARMUP_SWAPS = 20;
const JS_FLAGS = process.env.ANP_LIFECYCLE_JS_FLAGS ?? '--no-opt --no-maglev';
const STANDALONE = Math.min(CYCLES, Number(process.env.ANP_LIFECYCLE_STANDALONE ?? 2000));
const BATCH = 2000;
const MAX_GROWTH = 0.05;
const SNAPSHOT_LIMIT = 64 * 1024 * 1024;
const TAG_CLASSES = ['anp-article', 'anp-meta-box', 'anp-checklist', 'anp-score-bars', 'anp-similar-posts'];

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

// --- static server ----------------------------------------------------------
// The kit's server, reading each file once and answering synchronously, so a
// request the browser aborts never leaves a half-written response behind on
// this side; here it also counts requests and keeps the open responses.
const open = new Set();
let served = 0;
function countRequests(server) {
  server.on('request', (req, res) => {
    served += 1;
    open.add(res);
    res.on('close', () => open.delete(res));
  });
}

/** Responses still open on a live connection. */
const openResponses = () => [...open].filter((res) => !res.socket?.destroyed).length;

// --- CDP helpers --------------------------------------------------------------
async function collectGarbage(cdp, page) {
  for (let i = 0; i < 4; i += 1) {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.evaluate(() => globalThis.lifecycle.idle(20));
  }
  await cdp.send('HeapProfiler.collectGarbage');
}

async function heapUsed(cdp) {
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Listeners on window, document, <html> and <body>, as "target type" strings. */
async function listeners(cdp) {
  const found = [];
  for (const expression of ['window', 'document', 'document.documentElement', 'document.body']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression, objectGroup: 'lifecycle' });
    const { listeners: list } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    for (const l of list) found.push(`${expression} ${l.type}${l.useCapture ? ' (capture)' : ''}`);
  }
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'lifecycle' });
  return found.sort();
}

/** Live instances (after a GC, which queryObjects forces) of each anp class and of AbortController/MutationObserver. */
async function liveInstances(cdp) {
  const counts = {};
  const protos = [
    ...TAG_CLASSES.map((tag) => [tag, `customElements.get(${JSON.stringify(tag)}).prototype`]),
    ['AbortController', 'AbortController.prototype'],
    ['MutationObserver', 'MutationObserver.prototype'],
  ];
  for (const [name, expression] of protos) {
    const { result: proto } = await cdp.send('Runtime.evaluate', { expression, objectGroup: 'lifecycle' });
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId, objectGroup: 'lifecycle' });
    const { result: length } = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId,
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    counts[name] = length.value;
  }
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'lifecycle' });
  return counts;
}

async function domCounters(cdp) {
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  return { nodes, jsEventListeners };
}

/**
 * A heap snapshot summed by kind and name: JS objects (by constructor),
 * closures, strings, V8 internals (code, maps, internal arrays) and Blink's
 * own objects, which live outside the JS heap that the 5% limit is about.
 * Returns Map("kind | name" -> [count, self bytes]).
 */
async function snapshotSummary(cdp) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snapshot = JSON.parse(chunks.join(''));
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt, width] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size'), fields.length];
  const summary = new Map();
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + typeAt]];
    let name = snapshot.strings[snapshot.nodes[i + nameAt]];
    let kind = 'V8 internal'; // code, maps, internal arrays, system objects
    if (type === 'native' && !name.startsWith('system /')) kind = 'Blink (outside the JS heap)';
    else if (type === 'object' || type === 'number' || type === 'regexp' || type === 'symbol' || type === 'bigint') kind = 'JS objects';
    else if (type === 'closure') kind = 'closures';
    else if (type.includes('string')) [kind, name] = ['strings', '(strings)'];
    const key = `${kind} | ${name.slice(0, 60)}`;
    const entry = summary.get(key) ?? [0, 0];
    entry[0] += 1;
    entry[1] += snapshot.nodes[i + sizeAt];
    summary.set(key, entry);
  }
  return summary;
}

/** Growth between two summaries: per kind (V8 heap only, Blink apart) and the largest rows. */
function snapshotGrowth(before, after) {
  const rows = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const [countA, bytesA] = before.get(key) ?? [0, 0];
    const [countB, bytesB] = after.get(key) ?? [0, 0];
    if (countA !== countB || bytesA !== bytesB) rows.push({ key, count: countB - countA, bytes: bytesB - bytesA });
  }
  const byKind = new Map();
  for (const { key, bytes } of rows) {
    const kind = key.split(' | ')[0];
    byKind.set(kind, (byKind.get(kind) ?? 0) + bytes);
  }
  rows.sort((a, b) => Math.abs(b.bytes) - Math.abs(a.bytes));
  return { byKind: [...byKind].sort((a, b) => b[1] - a[1]), top: rows.filter((row) => !row.key.startsWith('Blink ')).slice(0, 12) };
}

const signed = (n) => (n >= 0 ? '+' : '') + n;

// --- run ----------------------------------------------------------------------
async function main() {
  if (!existsSync(IIFE)) {
    console.log(`lifecycle: ${IIFE} is missing; run \`npm run build\` first`);
    return 1;
  }
  const { server, origin, close } = await serveStatic({ dir: root, cache: true, headers: { 'cache-control': 'no-store' } });
  countRequests(server);
  const browser = await launchChromium({
    protocolTimeout: 600_000,
    // Without the Network domain DevTools keeps no record per request (~290 bytes each in Blink).
    networkEnabled: false,
    args: [`--js-flags=--expose-gc ${JS_FLAGS}`.trim()],
  });
  const failures = [];
  try {
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error?.message ?? error)));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') pageErrors.push(`console.${message.type()}: ${message.text()}`);
    });
    const cdp = await page.createCDPSession();
    await page.goto(`${origin}/test/lifecycle/page.html`, { waitUntil: 'load' });
    await page.evaluate(() => globalThis.lifecycle.init());

    // Warm up every path (template caches, compiled code, the ContextRoot), then measure.
    await page.evaluate((n) => globalThis.lifecycle.cycles(0, n), WARMUP_CYCLES);
    await page.evaluate((n) => globalThis.lifecycle.swaps(n), WARMUP_SWAPS);
    await page.evaluate(() => globalThis.lifecycle.idle(100));
    const reportBefore = await page.evaluate(() => globalThis.lifecycle.report());
    await collectGarbage(cdp, page);
    const heapBefore = await heapUsed(cdp);
    const listenersBefore = await listeners(cdp);
    const countersBefore = await domCounters(cdp);
    const liveBefore = await liveInstances(cdp);
    const snapshotBefore = await snapshotSummary(cdp);
    console.log(
      `lifecycle: warmed up (${WARMUP_CYCLES} cycles, ${WARMUP_SWAPS} swaps; V8 flags '${JS_FLAGS}') in ${seconds()}s; heap ${heapBefore} bytes, ` +
        `${listenersBefore.length} listeners, ${countersBefore.nodes} DOM nodes`,
    );

    // Swaps first: they mount an <anp-article>, and the provider-free cycles must come last.
    await page.evaluate((n) => globalThis.lifecycle.swaps(n), SWAPS);
    console.log(`lifecycle: ${SWAPS} data swaps (${seconds()}s)`);
    for (let done = 0; done < CYCLES;) {
      const standaloneOnly = done >= CYCLES - STANDALONE;
      const count = Math.min(BATCH, standaloneOnly ? CYCLES - done : CYCLES - STANDALONE - done);
      await page.evaluate((start, n, alone) => globalThis.lifecycle.cycles(start, n, alone), WARMUP_CYCLES + done, count, standaloneOnly);
      done += count;
      const used = await heapUsed(cdp);
      console.log(
        `lifecycle: ${done}/${CYCLES} cycles (${seconds()}s, heap ${used} bytes before GC)${standaloneOnly ? `, the last ${count} without <anp-article>` : ''}`,
      );
    }

    // Let aborted requests settle, then collect and measure.
    await page.evaluate(() => globalThis.lifecycle.idle(200));
    await collectGarbage(cdp, page);
    const heapAfter = await heapUsed(cdp);
    const listenersAfter = await listeners(cdp);
    const countersAfter = await domCounters(cdp);
    const liveAfter = await liveInstances(cdp);
    const report = await page.evaluate(() => globalThis.lifecycle.report());
    // A snapshot of a badly leaking page is too big to summarize in one string; the live counts tell that story.
    const grown = heapAfter <= SNAPSHOT_LIMIT ? snapshotGrowth(snapshotBefore, await snapshotSummary(cdp)) : undefined;

    const growth = (heapAfter - heapBefore) / heapBefore;
    const { fetch } = report;
    console.log(
      `lifecycle: fetches ${fetch.started} started, ${fetch.ok} answered, ${fetch.aborted} aborted, ${fetch.failed} failed; ` +
        `server ${served} requests, ${openResponses()} open`,
    );
    console.log(
      `lifecycle: DOM nodes ${countersBefore.nodes} -> ${countersAfter.nodes}, JS event listeners ` +
        `${countersBefore.jsEventListeners} -> ${countersAfter.jsEventListeners}, ContextRoot pending requests ${reportBefore.contextRootPending} -> ${report.contextRootPending}`,
    );
    console.log(
      `lifecycle: live instances after GC: ${Object.entries(liveAfter)
        .map(([name, n]) => `${name} ${liveBefore[name]} -> ${n}`)
        .join(', ')}`,
    );

    if (grown) {
      console.log(
        `lifecycle: heap growth by kind (snapshot self sizes): ${grown.byKind.map(([kind, n]) => `${kind} ${signed(n)}`).join(', ')}`,
      );
    } else {
      console.log(`lifecycle: heap over ${SNAPSHOT_LIMIT} bytes after the run; no snapshot summary`);
    }
    if (growth >= MAX_GROWTH) {
      if (grown) {
        console.log('lifecycle: largest changes in the V8 heap (bytes, count, kind | name):');
        for (const row of grown.top)
          console.log(`lifecycle:   ${signed(row.bytes).padStart(9)} ${signed(row.count).padStart(7)}  ${row.key}`);
      }
      failures.push(`heap grew ${(growth * 100).toFixed(2)}% (limit ${MAX_GROWTH * 100}%)`);
    }
    if (listenersBefore.join('\n') !== listenersAfter.join('\n')) {
      failures.push(`listeners changed: before [${listenersBefore.join(', ')}], after [${listenersAfter.join(', ')}]`);
    }
    if (countersAfter.jsEventListeners !== countersBefore.jsEventListeners) {
      failures.push(`JS event listeners in the page ${countersBefore.jsEventListeners} -> ${countersAfter.jsEventListeners}`);
    }
    if (fetch.pending > 0) failures.push(`${fetch.pending} fetch(es) still pending and not aborted`);
    if (fetch.pendingAborted > 0) failures.push(`${fetch.pendingAborted} aborted fetch(es) never settled`);
    if (fetch.failed > 0) failures.push(`${fetch.failed} fetch(es) failed`);
    if (openResponses() > 0) failures.push(`${openResponses()} request(s) still open on the server`);
    for (const tag of TAG_CLASSES) {
      if (liveAfter[tag] > 0) failures.push(`${liveAfter[tag]} <${tag}> instance(s) alive after removal and GC`);
    }
    if (liveAfter.MutationObserver > liveBefore.MutationObserver) {
      failures.push(`MutationObserver instances ${liveBefore.MutationObserver} -> ${liveAfter.MutationObserver}`);
    }
    if (liveAfter.AbortController > liveBefore.AbortController) {
      failures.push(`AbortController instances ${liveBefore.AbortController} -> ${liveAfter.AbortController}`);
    }
    if (report.contextRootPending > reportBefore.contextRootPending + 50) {
      failures.push(
        `the shared ContextRoot holds ${report.contextRootPending} pending context requests (was ${reportBefore.contextRootPending}): ` +
          'one per element connected outside an <anp-article>, dropped only when an <anp-article> connects',
      );
    }
    if (report.metaBoxes !== 0) failures.push(`${report.metaBoxes} <anp-meta-box> left in the document`);
    if (report.mounted !== 0) failures.push(`${report.mounted} anp element(s) left in the document`);
    if (report.problems.count > 0) {
      failures.push(`${report.problems.count} render check(s) failed, first: ${report.problems.first.join('; ')}`);
    }
    if (pageErrors.length) failures.push(`${pageErrors.length} page error(s), first: ${pageErrors.slice(0, 5).join('; ')}`);

    console.log(
      `lifecycle: ${CYCLES} mount/unmount cycles, ${SWAPS} data swaps, heap ${heapBefore} -> ${heapAfter} bytes ` +
        `(${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(2)}%), listeners ${listenersBefore.length} -> ${listenersAfter.length}, ` +
        `pending fetches ${fetch.pending + fetch.pendingAborted}`,
    );
  } finally {
    await browser.close().catch(() => {});
    await close();
  }
  console.log(`lifecycle: ${failures.length ? 'FAILED' : 'passed'} in ${seconds()}s`);
  for (const failure of failures) console.log(`lifecycle: FAIL ${failure}`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    console.log(`lifecycle: FAILED in ${seconds()}s (the check itself crashed)`);
    process.exit(1);
  },
);
