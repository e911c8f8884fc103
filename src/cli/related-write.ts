/**
 * `anp related --write`: `similar_posts` put into an article file's text
 * without touching any other byte of it, and the file replaced atomically.
 *
 * The file's own text is edited, not re-serialized: the value of its
 * top-level `similar_posts` key (any spelling the normalizer accepts, such as
 * `similarPosts`) is replaced, or the key is added after the last member, in
 * the file's own indentation and line endings. The same posts give the same
 * text, so a second run finds nothing to change and writes nothing.
 */
import { canonicalKey } from '../core/format.js';

/** One top-level member of a JSON object: where its key starts and its value starts and ends. */
interface Member {
  key: string;
  keyStart: number;
  valueStart: number;
  valueEnd: number;
}

/** Index after the whitespace at `at`. */
function skipSpace(text: string, at: number): number {
  while (at < text.length && (text[at] === ' ' || text[at] === '\n' || text[at] === '\r' || text[at] === '\t')) at++;
  return at;
}

/** Index after the string starting at `at` (its opening quote). */
function skipString(text: string, at: number): number {
  for (at++; at < text.length; at++) {
    if (text[at] === '\\') at++;
    else if (text[at] === '"') return at + 1;
  }
  return at;
}

/** Index after the JSON value starting at `at`. */
function skipValue(text: string, at: number): number {
  if (text[at] === '"') return skipString(text, at);
  if (text[at] !== '{' && text[at] !== '[') {
    while (at < text.length && !/[\s,\]}]/.test(text[at])) at++;
    return at;
  }
  let depth = 0;
  for (; at < text.length; at++) {
    const char = text[at];
    if (char === '"') at = skipString(text, at) - 1;
    else if (char === '{' || char === '[') depth++;
    else if ((char === '}' || char === ']') && --depth === 0) return at + 1;
  }
  return at;
}

/** The members of the top-level object of JSON text that `JSON.parse` accepted, and where its closing brace is. */
function topLevelMembers(text: string): { members: Member[]; open: number } | undefined {
  const open = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (text[open] !== '{') return undefined;
  const members: Member[] = [];
  let at = skipSpace(text, open + 1);
  while (at < text.length && text[at] !== '}') {
    const keyStart = at;
    const keyEnd = skipString(text, at);
    const key = JSON.parse(text.slice(keyStart, keyEnd)) as string;
    const valueStart = skipSpace(text, skipSpace(text, keyEnd) + 1);
    const valueEnd = skipValue(text, valueStart);
    members.push({ key, keyStart, valueStart, valueEnd });
    at = skipSpace(text, valueEnd);
    if (text[at] === ',') at = skipSpace(text, at + 1);
  }
  return { members, open };
}

/** A JSON value in the seed file's style: objects of plain values and arrays of plain values on one line, other objects one key a line. */
function render(value: unknown, indent: string, unit: string, newline: string): string {
  const plain = (item: unknown): boolean => item === null || typeof item !== 'object';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(plain)) return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
    const inner = indent + unit;
    return `[${newline}${value.map((item) => inner + render(item, inner, unit, newline)).join(`,${newline}`)}${newline}${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    if (entries.every(([, item]) => plain(item))) {
      return `{ ${entries.map(([key, item]) => `${JSON.stringify(key)}: ${JSON.stringify(item)}`).join(', ')} }`;
    }
    const inner = indent + unit;
    const lines = entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${render(item, inner, unit, newline)}`);
    return `{${newline}${lines.join(`,${newline}`)}${newline}${indent}}`;
  }
  return JSON.stringify(value);
}

export type Edit = { ok: true; text: string } | { ok: false; message: string };

/**
 * The file's text with `similar_posts` set to `posts`. `text` must be JSON
 * that parsed as an object. Unchanged text when the posts are already there.
 */
export function withSimilarPosts(text: string, posts: readonly object[]): Edit {
  const found = topLevelMembers(text);
  if (!found) return { ok: false, message: 'the JSON is not an object' };
  const { members, open } = found;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const first = members[0];
  // The indentation of the first member, when it starts a line; none means the file is on one line.
  const lineStart = first ? text.lastIndexOf('\n', first.keyStart) : -1;
  const multiline = first !== undefined && lineStart > open;
  const indent = multiline ? text.slice(lineStart + 1, first.keyStart) : '';
  if (multiline && !/^[ \t]*$/.test(indent)) return { ok: false, message: 'its layout is not one key a line; not written' };
  const value = multiline ? render(posts, indent, indent, newline) : JSON.stringify(posts);
  const targets = members.filter(({ key }) => canonicalKey(key) === 'similar_posts');
  if (targets.length > 1) return { ok: false, message: 'more than one similar_posts key; not written' };
  const [target] = targets;
  if (target) return { ok: true, text: text.slice(0, target.valueStart) + value + text.slice(target.valueEnd) };
  const last = members[members.length - 1];
  if (!last) return { ok: false, message: 'the object is empty; not written' };
  const member = multiline ? `,${newline}${indent}"similar_posts": ${value}` : `,"similar_posts":${value}`;
  return { ok: true, text: text.slice(0, last.valueEnd) + member + text.slice(last.valueEnd) };
}
