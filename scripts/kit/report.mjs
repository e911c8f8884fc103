// The one reporter of scripts/: every check is a case; the run ends with the
// human line `<suite>: N passed, N failed` and a JSON file
// test-results/<suite>.json ({ suite, passed, failed, ok, cases }) that
// scripts/test.mjs reads instead of parsing the printed lines.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const RESULTS_DIR = process.env.ANP_RESULTS_DIR ? resolve(process.env.ANP_RESULTS_DIR) : resolve(root, 'test-results');

/** Where a suite's JSON result goes. */
export const resultFile = (suite) => resolve(RESULTS_DIR, `${suite}.json`);

/** Reads a suite's JSON result, or undefined when there is none (the suite never finished). */
export function readResult(suite) {
  try {
    return JSON.parse(readFileSync(resultFile(suite), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Forgets a suite's last result, so a run that dies early is not mistaken for one that passed. */
export const clearResult = (suite) => rmSync(resultFile(suite), { force: true });

/**
 * A suite's cases. check(ok, name, detail) prints `ok name` or `not ok name`
 * with the detail indented below (on a failure, or always with { verbose: true }),
 * or the one line `line(ok, name, detail)` returns when the suite gives that
 * option (a log that CI greps), counts it and returns ok. finish() prints the last line, writes the JSON and
 * returns the exit status (1 when any case failed or `extraFailure` is set).
 */
export function createReport(suite, { indent = '', detailLines = Infinity, line } = {}) {
  clearResult(suite);
  const cases = [];
  const started = Date.now();
  const report = {
    suite,
    cases,
    get passed() {
      return cases.filter((c) => c.ok).length;
    },
    get failed() {
      return cases.filter((c) => !c.ok).length;
    },
    check(ok, name, detail = '', { verbose = false } = {}) {
      ok = Boolean(ok);
      cases.push({ name, ok, ...(detail ? { detail: String(detail) } : {}) });
      if (line) {
        console.log(line(ok, name, detail));
        return ok;
      }
      console.log(`${indent}${ok ? 'ok' : 'not ok'} ${name}`);
      if (detail && (!ok || verbose)) {
        const lines = String(detail).split('\n').slice(0, detailLines);
        console.log(lines.map((line) => `${indent}      ${line}`).join('\n'));
      }
      return ok;
    },
    /** A failure outside any case (the suite itself crashed): counted as one failed case. */
    crashed(error) {
      console.error(error);
      return report.check(false, `${suite} ran to the end`, error instanceof Error ? error.message : String(error));
    },
    finish(extra = {}) {
      const result = {
        suite,
        passed: report.passed,
        failed: report.failed,
        ok: report.failed === 0,
        seconds: (Date.now() - started) / 1000,
        ...extra,
        cases,
      };
      mkdirSync(RESULTS_DIR, { recursive: true });
      writeFileSync(resultFile(suite), JSON.stringify(result, null, 2) + '\n');
      console.log(`${suite}: ${result.passed} passed, ${result.failed} failed`);
      return result.ok ? 0 : 1;
    },
  };
  return report;
}
