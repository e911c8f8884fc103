#!/usr/bin/env node
// Supply-chain checks run by .ci/run:
//  1. the runtime dependencies are exactly lit, @lit/context, @lit-labs/ssr-client
//     (Lit's hydration support: the browser builds hydrate server-rendered
//     markup, docs/ssr.md) and dompurify;
//  2. dompurify is the newest 3.x the registry has;
//  3. `npm audit --omit=dev` finds no advisory in the runtime tree.
// Check 1 depends only on the commit and always fails the run. Checks 2 and 3
// ask the registry, whose answer changes when someone publishes something: CI
// must depend on the commit, not on the day, so by default they are reported
// (as "notice:" lines) and fail only with --strict (before a release:
// `node scripts/supply-chain.mjs --strict`). When the registry's advisory
// endpoint cannot be reached (this workplace's registry mirror answers 405),
// it says so and does not pretend the audit passed.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const RUNTIME = ['@lit-labs/ssr-client', '@lit/context', 'dompurify', 'lit'];
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const strict = process.argv.includes('--strict');
let failed = false;

/** A finding that comes from the registry's answer today, not from the commit. */
function registryFinding(message) {
  if (strict) {
    console.error(message);
    failed = true;
  } else {
    console.log(`notice: ${message} (not failing: the registry's answer is not part of the commit; --strict fails on it)`);
  }
}

const deps = Object.keys(pkg.dependencies ?? {}).sort();
if (deps.join() !== RUNTIME.join()) {
  console.error(
    `supply-chain: runtime dependencies are ${deps.join(', ')}; expected ${RUNTIME.join(', ')} (write down why before adding one)`,
  );
  failed = true;
}

const installed = lock.packages?.['node_modules/dompurify']?.version;
try {
  const latest = JSON.parse(execFileSync('npm', ['view', 'dompurify@3', 'version', '--json'], { encoding: 'utf8' }));
  const newest = Array.isArray(latest) ? latest.at(-1) : latest;
  if (installed !== newest) {
    registryFinding(`supply-chain: dompurify ${installed} is locked, the newest 3.x is ${newest}: run npm install dompurify@${newest}`);
  } else {
    console.log(`supply-chain: dompurify ${installed} is the newest 3.x`);
  }
} catch (error) {
  registryFinding(`supply-chain: could not ask the registry for dompurify versions: ${error.message.split('\n')[0]}`);
}

let auditOutput = '';
try {
  auditOutput = execFileSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
} catch (error) {
  // npm audit exits 1 both for findings and for endpoint errors; the JSON says which.
  auditOutput = error.stdout ?? '';
}
let report;
try {
  report = JSON.parse(auditOutput || '{}');
} catch {
  report = {};
}
if (report.error || report.statusCode || report.message) {
  const summary = String(report.message || report.error?.summary || report.error?.code || report.statusCode).split('\n')[0];
  console.log(`supply-chain: npm audit unavailable here (${summary}); advisories not checked on this run`);
} else if (report.metadata?.vulnerabilities) {
  const counts = report.metadata.vulnerabilities;
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  if (total > 0) {
    registryFinding(`supply-chain: npm audit --omit=dev found ${total} advisories: ${JSON.stringify(counts)}`);
  } else {
    console.log('supply-chain: npm audit --omit=dev found 0 advisories');
  }
} else {
  console.log('supply-chain: npm audit gave no report; advisories not checked on this run');
}

process.exit(failed ? 1 : 0);
