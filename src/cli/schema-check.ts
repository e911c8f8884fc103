/**
 * A JSON Schema (draft 2020-12) checker for the keywords the article schema
 * uses, so that `anp validate` needs no validator package at run time. A
 * keyword it does not know is refused when the checker is made (a schema
 * that grew past it must not pass unchecked), and a `$ref` may only point
 * into the same document. Problems are reported at JSON pointers, with
 * messages made from the schemas' `title`s. test/node/schema-check.test.mjs
 * holds its verdicts against ajv's on generated and mutated articles.
 */
import { jsonPointer, type Path } from '../core/limits.js';
import { codePoints, isObject, jsonType, KeyMemo, sameJson, shown } from './schema-values.js';

export type JsonSchema = boolean | { readonly [keyword: string]: unknown };

/** One way a value breaks the schema. */
export interface SchemaProblem {
  /** JSON pointer (RFC 6901) of the value. */
  pointer: string;
  message: string;
  /** The keyword that failed (`type`, `required`, ...). */
  keyword: string;
}

/** Keywords that only describe: nothing to check. */
const ANNOTATIONS = new Set(['$schema', '$id', '$defs', '$comment', 'title', 'description', 'examples', 'default']);
/** The keywords checked: those schema/article.schema.json uses. */
const ASSERTIONS = new Set(
  (
    '$ref type enum const properties patternProperties additionalProperties propertyNames required maxProperties ' +
    'items maxItems maxLength pattern minimum maximum anyOf allOf not if then else'
  ).split(' '),
);
/** Keywords that judge the value as a whole: their problems are told as one "expected <title>" when the schema has a title. */
const WHOLE_VALUE = new Set('type enum const pattern not anyOf minimum maximum'.split(' '));

type SchemaObject = { readonly [keyword: string]: unknown };

const PROPERTY_KEYWORDS = ['properties', 'patternProperties', 'additionalProperties'];

/** One schema applied to one value: where, what was found so far, whether to stop at the first problem. */
interface Visit {
  schema: SchemaObject;
  path: Path;
  problems: SchemaProblem[];
  quick: boolean;
  fail: (keyword: string, message: string) => void;
}

function numberKeyword(keyword: string, rule: number, value: number, fail: (keyword: string, message: string) => void): void {
  if (!Number.isFinite(value)) return; // `type` reports it
  if (keyword === 'minimum' && value < rule) fail(keyword, `expected a number of at least ${rule}, got ${value}`);
  if (keyword === 'maximum' && value > rule) fail(keyword, `expected a number of at most ${rule}, got ${value}`);
}

export class SchemaChecker {
  private readonly root: JsonSchema;
  private readonly patterns = new Map<string, RegExp>();
  private readonly refs = new Map<string, JsonSchema>();
  private readonly keyVerdicts = new KeyMemo<boolean>();
  private readonly keySchemas = new KeyMemo<JsonSchema[]>();

  /** Throws when the schema uses a keyword this checker does not know, a `$ref` out of the document, or a bad pattern. */
  constructor(schema: JsonSchema) {
    this.root = schema;
    this.prepare(schema, '#');
  }

  /** The problems of `value`, at most `max` (the first ones found, in document order). */
  check(value: unknown, max = 100): SchemaProblem[] {
    const problems: SchemaProblem[] = [];
    this.visit(this.root, value, [], problems);
    // A key named in `properties` and matched by `patternProperties` is checked twice: one report each.
    const seen = new Set<string>();
    return problems
      .filter((problem) => !seen.has(`${problem.pointer}\n${problem.message}`) && seen.add(`${problem.pointer}\n${problem.message}`))
      .slice(0, max);
  }

  private prepare(schema: unknown, where: string): void {
    if (typeof schema === 'boolean') return;
    if (!isObject(schema)) throw new Error(`schema at ${where} is neither an object nor a boolean`);
    this.refs.set(where, schema);
    for (const [keyword, value] of Object.entries(schema)) {
      const at = `${where}/${keyword}`;
      if (ANNOTATIONS.has(keyword) && keyword !== '$defs') continue;
      if (!ASSERTIONS.has(keyword) && keyword !== '$defs') throw new Error(`schema keyword "${keyword}" at ${where} is not supported`);
      if (keyword === '$ref' && (typeof value !== 'string' || !value.startsWith('#'))) {
        throw new Error(`$ref at ${where} must point into the same document ("#/…")`);
      }
      if (keyword === 'pattern') this.regex(value, at);
      if (['$defs', 'properties', 'patternProperties'].includes(keyword)) {
        if (!isObject(value)) throw new Error(`${keyword} at ${where} must be an object`);
        for (const [name, child] of Object.entries(value)) {
          if (keyword === 'patternProperties') this.regex(name, at);
          this.prepare(child, `${at}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        }
      } else if (['anyOf', 'allOf'].includes(keyword)) {
        if (!Array.isArray(value)) throw new Error(`${keyword} at ${where} must be a list`);
        value.forEach((child, index) => this.prepare(child, `${at}/${index}`));
      } else if (['additionalProperties', 'propertyNames', 'items', 'not', 'if', 'then', 'else'].includes(keyword)) {
        this.prepare(value, at);
      }
    }
  }

  private regex(source: unknown, where: string): RegExp {
    if (typeof source !== 'string') throw new Error(`pattern at ${where} must be a string`);
    let regex = this.patterns.get(source);
    if (!regex) {
      regex = new RegExp(source, 'u');
      this.patterns.set(source, regex);
    }
    return regex;
  }

  private resolve(ref: string): JsonSchema {
    const target = this.refs.get(ref);
    if (target === undefined) throw new Error(`$ref ${ref} points at nothing`);
    return target;
  }

  /** Checks `value` against `schema`; `quick` stops at the first problem (for `if`, `not`, the branches of `anyOf`). */
  private visit(schema: JsonSchema, value: unknown, path: Path, problems: SchemaProblem[], quick = false): void {
    if (schema === true) return;
    if (schema === false) {
      problems.push({ pointer: jsonPointer(path), message: 'no value is allowed here', keyword: 'false' });
      return;
    }
    const start = problems.length;
    const fail = (keyword: string, message: string) => void problems.push({ pointer: jsonPointer(path), message, keyword });
    const at: Visit = { schema, path, problems, quick, fail };
    for (const keyword of Object.keys(schema)) {
      if (quick && problems.length > start) return;
      this.keyword(keyword, value, at);
    }
    const title = schema.title;
    if (typeof title !== 'string' || problems.length === start) return;
    const pointer = jsonPointer(path);
    // One message for the value itself ("expected a score…, got 150"), the problems inside it kept.
    const own = problems.slice(start).filter((problem) => problem.pointer === pointer && WHOLE_VALUE.has(problem.keyword));
    if (own.length === 0) return;
    const rest = problems.slice(start).filter((problem) => !own.includes(problem));
    // Keyword `title`: an enclosing schema's title does not take this message over again.
    problems.splice(
      start,
      problems.length - start,
      { pointer, message: `expected ${title}, got ${shown(value)}`, keyword: 'title' },
      ...rest,
    );
  }

  private keyword(keyword: string, value: unknown, at: Visit): void {
    const { schema, path, problems, quick, fail } = at;
    const rule = schema[keyword];
    const passes = (child: JsonSchema) => this.passes(child, value, path);
    switch (keyword) {
      case '$ref':
        return this.visit(this.resolve(rule as string), value, path, problems, quick);
      case 'type': {
        const types = Array.isArray(rule) ? (rule as string[]) : [rule as string];
        const type = jsonType(value);
        const finite = type !== 'number' || Number.isFinite(value);
        const ok = finite && types.some((each) => each === type || (each === 'integer' && type === 'number' && Number.isInteger(value)));
        if (!ok) fail(keyword, `expected ${types.join(' or ')}, got ${shown(value)}`);
        return;
      }
      case 'enum':
        if (!(rule as unknown[]).some((each) => sameJson(each, value)))
          fail(keyword, `expected one of ${JSON.stringify(rule)}, got ${shown(value)}`);
        return;
      case 'const':
        if (!sameJson(rule, value)) fail(keyword, `expected ${JSON.stringify(rule)}, got ${shown(value)}`);
        return;
      case 'anyOf':
        if (!(rule as JsonSchema[]).some((child) => passes(child)))
          fail(keyword, `matches none of the ${(rule as unknown[]).length} forms allowed here`);
        return;
      case 'allOf':
        for (const child of rule as JsonSchema[]) this.visit(child, value, path, problems, quick);
        return;
      case 'not':
        if (passes(rule as JsonSchema)) fail(keyword, `${shown(value)} is of a form refused here`);
        return;
      case 'if': {
        const branch = passes(rule as JsonSchema) ? schema.then : schema.else;
        if (branch !== undefined) this.visit(branch as JsonSchema, value, path, problems, quick);
        return;
      }
      case 'then':
      case 'else':
        return;
    }
    if (typeof value === 'string') return this.stringKeyword(keyword, rule, value, fail);
    if (typeof value === 'number') return numberKeyword(keyword, rule as number, value, fail);
    if (Array.isArray(value)) return this.arrayKeyword(keyword, rule, value, at);
    if (isObject(value)) this.objectKeyword(keyword, rule, value, at);
  }

  private stringKeyword(keyword: string, rule: unknown, value: string, fail: (keyword: string, message: string) => void): void {
    // A string of n UTF-16 units has at most n code points: counted only when it might be too long.
    if (keyword === 'maxLength' && value.length > (rule as number) && codePoints(value) > (rule as number))
      fail(keyword, `text too long: ${codePoints(value)} characters, at most ${String(rule)}`);
    if (keyword === 'pattern' && !this.regex(rule, keyword).test(value))
      fail(keyword, `${shown(value)} does not have the form expected here`);
  }

  private arrayKeyword(keyword: string, rule: unknown, value: unknown[], { path, problems, quick, fail }: Visit): void {
    if (keyword === 'maxItems' && value.length > (rule as number)) {
      // `maxItems: 0` beside an object type is `[]` standing for an empty object: a matter of type.
      if (rule === 0) fail('type', `expected no items, got a list of ${value.length}`);
      else fail(keyword, `too many items: ${value.length}, at most ${String(rule)}`);
    }
    if (keyword !== 'items') return;
    for (let index = 0; index < value.length; index++) {
      if (quick && problems.length) return;
      this.visit(rule as JsonSchema, value[index], [...path, index], problems, quick);
    }
  }

  private objectKeyword(keyword: string, rule: unknown, value: Record<string, unknown>, at: Visit): void {
    const { schema, path, problems, quick, fail } = at;
    const keys = Object.keys(value);
    switch (keyword) {
      case 'maxProperties':
        if (keys.length > (rule as number)) fail(keyword, `too many keys: ${keys.length}, at most ${String(rule)}`);
        return;
      case 'required':
        for (const key of rule as string[]) if (!Object.hasOwn(value, key)) fail(keyword, `"${key}" is missing`);
        return;
      case 'propertyNames':
        for (const key of keys) {
          if (!this.keyAllowed(rule as JsonSchema, key)) {
            problems.push({ pointer: jsonPointer([...path, key]), message: `key not allowed: ${shown(key)}`, keyword });
          }
          if (quick && problems.length) return;
        }
        return;
      case 'properties':
      case 'patternProperties':
      case 'additionalProperties':
        // The three read together, once per key, by the first of them in the schema.
        if (keyword !== PROPERTY_KEYWORDS.find((each) => Object.hasOwn(schema, each))) return;
        for (const key of keys) {
          if (quick && problems.length) return;
          const childPath = [...path, key];
          for (const child of this.schemasOfKey(schema, key)) this.visit(child, value[key], childPath, problems, quick);
        }
    }
  }

  private passes(schema: JsonSchema, value: unknown, path: Path): boolean {
    const trial: SchemaProblem[] = [];
    this.visit(schema, value, path, trial, true);
    return trial.length === 0;
  }

  /** Whether `key` passes `propertyNames`; remembered, since the same keys come back in every article. */
  private keyAllowed(rule: JsonSchema, key: string): boolean {
    const known = this.keyVerdicts.get(rule, key);
    if (known !== undefined) return known;
    const trial: SchemaProblem[] = [];
    this.visit(rule, key, [], trial, true);
    return this.keyVerdicts.set(rule, key, trial.length === 0);
  }

  /**
   * The schemas that check the value of `key`: its `properties` entry and every
   * matching `patternProperties` entry, or else `additionalProperties`.
   */
  private schemasOfKey(schema: SchemaObject, key: string): JsonSchema[] {
    const known = this.keySchemas.get(schema, key);
    if (known !== undefined) return known;
    const properties = schema.properties as Record<string, JsonSchema> | undefined;
    const patterns = schema.patternProperties as Record<string, JsonSchema> | undefined;
    const found: JsonSchema[] = [];
    if (properties !== undefined && Object.hasOwn(properties, key)) found.push(properties[key]);
    for (const pattern of patterns ? Object.keys(patterns) : []) {
      if (this.regex(pattern, 'patternProperties').test(key)) found.push(patterns![pattern]);
    }
    if (found.length === 0 && schema.additionalProperties !== undefined) found.push(schema.additionalProperties as JsonSchema);
    return this.keySchemas.set(schema, key, found);
  }
}
