/**
 * One article file's problems, for `anp validate`: its JSON text against the
 * article schema (schema/article.schema.json, through `SchemaChecker`) and
 * the normalizer (`normalizeArticle`, whose errors carry JSON pointers and
 * codes). More checks of the normalized article (the data-quality signals)
 * plug in as `ArticleCheck`s.
 */
import { readFileSync } from 'node:fs';
import type { Article, Normalized } from '../core/article.js';
import { normalizeArticle, parseJson } from '../core/normalize.js';
import { SchemaChecker, type JsonSchema } from './schema-check.js';

/** Who found a problem: the JSON parser, the normalizer, the schema, reading the file, or a further check. */
export type ProblemSource = 'json' | 'normalizer' | 'schema' | 'file' | (string & {});

export interface FileProblem {
  /** JSON pointer of the value ('' for the whole file). */
  pointer: string;
  message: string;
  /** The normalizer's error code (src/core/article.ts InputErrorCode), or a check's own. */
  code?: string;
  source: ProblemSource;
  /** A data-quality signal's weight (`--signals`); a problem without one is a fault. */
  severity?: 'warning' | 'notice';
}

/** A further check of a parsed and normalized article (`--signals` will be one). */
export interface ArticleCheck {
  readonly name: string;
  check(value: unknown, normalized: Normalized<Article>): FileProblem[];
}

export interface ArticleSchema {
  /** The schema's `$id`. */
  id: string;
  checker: SchemaChecker;
}

/** The package's article schema (dist/cli/ is two levels below schema/). */
export function loadArticleSchema(): ArticleSchema {
  const schema = JSON.parse(readFileSync(new URL('../../schema/article.schema.json', import.meta.url), 'utf8')) as JsonSchema & {
    $id: string;
  };
  return { id: schema.$id, checker: new SchemaChecker(schema) };
}

/**
 * The problems of one article's JSON text: a parse error alone, or the
 * normalizer's errors, then the schema's problems at pointers the normalizer
 * said nothing about (where both see the same fault, it is told once, with
 * the normalizer's code), then those of `checks`.
 */
export function checkArticleText(text: string, schema: ArticleSchema, checks: readonly ArticleCheck[] = []): FileProblem[] {
  // Editors on Windows may start a file with a byte order mark; JSON.parse does not take it.
  const parsed = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, 'file');
  if (parsed.errors.length) {
    return parsed.errors.map((error) => ({
      pointer: error.path,
      message: error.message.replace(/^file: /, ''),
      code: error.code,
      source: 'json',
    }));
  }
  const value = parsed.value;
  // normalizeArticle would read a string as JSON text again; a file holding a JSON string holds no article.
  const normalized: Normalized<Article> =
    typeof value === 'string'
      ? {
          value: { meta: { fields: [], more: {} } },
          errors: [{ path: '', code: 'wrong-type', message: 'expected an article object, got a string' }],
        }
      : normalizeArticle(value);
  const problems: FileProblem[] = normalized.errors.map((error) => ({
    pointer: error.path,
    message: error.message,
    code: error.code,
    source: 'normalizer',
  }));
  const told = new Set(problems.map((problem) => problem.pointer));
  for (const problem of schema.checker.check(value)) {
    if (told.has(problem.pointer)) continue;
    problems.push({ pointer: problem.pointer, message: problem.message, source: 'schema' });
  }
  for (const check of checks) problems.push(...check.check(value, normalized));
  return problems;
}
