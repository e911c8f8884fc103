#!/usr/bin/env node
// What `npm pack` would publish, checked (run after `npm run build`):
//
// - nothing missing: every file that package.json's main, module, types,
//   unpkg, jsdelivr, customElements, web-types and sideEffects fields name,
//   and every `exports` target (each condition; a `*` pattern must match
//   files, and each match must have its `types` counterpart), is in the pack;
// - nothing that should stay home: tests, stories, examples, demo, scripts,
//   test files under src/, logs, editor and OS junk, tarballs;
// - source maps that work: each map's file is in the pack and each of its
//   sources is either in the pack or inlined (sourcesContent); each
//   `sourceMappingURL` comment names a map that is in the pack.
//
// Prints the file count, the packed and unpacked size; exits 1 on a problem.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { readJson, root } from './manifest-model.mjs';

const pkg = readJson(join(root, 'package.json'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const raw = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
});
const [pack] = JSON.parse(raw);
const files = new Set(pack.files.map((file) => file.path));
const problems = [];

/** './dist/x.js' -> 'dist/x.js' */
const clean = (path) => posix.normalize(path.replace(/^\.\//, ''));

function requireFile(field, path) {
  if (!files.has(clean(path))) problems.push(`${field} names ${path}, which is not in the pack`);
}

/** Files of the pack that a `*` pattern matches, with what `*` stood for. */
function expand(pattern) {
  const [before, after] = clean(pattern).split('*');
  return [...files]
    .filter((file) => file.startsWith(before) && file.endsWith(after) && file.length >= before.length + after.length)
    .map((file) => ({ file, star: file.slice(before.length, file.length - after.length) }));
}

// Single-file fields.
for (const field of ['main', 'module', 'types', 'unpkg', 'jsdelivr', 'customElements', 'web-types']) {
  if (typeof pkg[field] === 'string') requireFile(field, pkg[field]);
}
if (!pkg.customElements) problems.push('package.json has no customElements field');

// exports: every condition of every subpath.
let exportTargets = 0;
function checkTarget(subpath, condition, target, conditions) {
  exportTargets += 1;
  const label = `exports["${subpath}"]${condition ? `.${condition}` : ''}`;
  if (!target.includes('*')) {
    requireFile(label, target);
    return;
  }
  const matches = expand(target);
  if (matches.length === 0) problems.push(`${label} pattern ${target} matches no file in the pack`);
  if (condition === 'default' && conditions.types) {
    for (const { file, star } of matches) {
      const typesFile = clean(conditions.types).replace('*', star);
      if (!files.has(typesFile)) problems.push(`${label}: ${file} has no ${typesFile} in the pack`);
    }
  }
}
for (const [subpath, value] of Object.entries(pkg.exports ?? {})) {
  if (typeof value === 'string') checkTarget(subpath, '', value, {});
  else {
    if (!('types' in value) && subpath !== './package.json' && !/\.(json)$/.test(subpath)) {
      problems.push(`exports["${subpath}"] has no types condition`);
    }
    for (const [condition, target] of Object.entries(value)) checkTarget(subpath, condition, target, value);
  }
}

// sideEffects: plain paths must exist; globs of dist/ must match something.
for (const entry of pkg.sideEffects ?? []) {
  const path = clean(entry);
  if (path.includes('*')) {
    const pattern = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
    if (![...files].some((file) => pattern.test(file))) problems.push(`sideEffects glob ${entry} matches no file in the pack`);
  } else requireFile('sideEffects', entry);
}

// What must not be published.
const FORBIDDEN = [
  [
    /^(test|tests|__tests__|stories|examples|demo|seed|scripts|bench|coverage|test-results|storybook-static|\.storybook|\.ci|\.github|docs\/internal)\//,
    'a development folder',
  ],
  [/(^|\/)node_modules\//, 'node_modules'],
  [/\.(test|spec)\.[cm]?[jt]sx?$/, 'a test file'],
  [/\.stories\.[cm]?[jt]sx?$/, 'a story'],
  [/(^|\/)(\.DS_Store|Thumbs\.db|\.env(\..*)?|npm-debug\.log.*|\.eslintcache)$/, 'junk'],
  [/\.(log|tgz|tsbuildinfo|orig|rej|swp|bak)$|~$/, 'junk'],
];
for (const file of files) {
  for (const [pattern, what] of FORBIDDEN) if (pattern.test(file)) problems.push(`${file} would be published (${what})`);
}

// Source maps.
let maps = 0;
for (const file of files) {
  if (file.endsWith('.map')) {
    maps += 1;
    const map = JSON.parse(readFileSync(join(root, file), 'utf8'));
    const generated = posix.join(posix.dirname(file), map.file ?? posix.basename(file, '.map'));
    if (!files.has(generated)) problems.push(`${file} maps ${generated}, which is not in the pack`);
    (map.sources ?? []).forEach((source, index) => {
      if (map.sourcesContent?.[index] != null) return;
      const resolved = posix.normalize(posix.join(posix.dirname(file), map.sourceRoot ?? '', source));
      if (!files.has(resolved)) problems.push(`${file}: source ${source} is neither in the pack nor inlined`);
    });
  } else if (/\.(js|mjs|d\.ts)$/.test(file)) {
    const text = readFileSync(join(root, file), 'utf8');
    const url = text.match(/\/\/# sourceMappingURL=(\S+)\s*$/)?.[1];
    if (url && !url.startsWith('data:') && !files.has(posix.join(posix.dirname(file), url))) {
      problems.push(`${file} points at ${url}, which is not in the pack`);
    }
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(
  `pack-check: ${pack.filename}: ${pack.entryCount} files, ${kb(pack.size)} packed, ${kb(pack.unpackedSize)} unpacked; ` +
    `${exportTargets} export targets, ${maps} source maps checked`,
);
if (problems.length) {
  console.error(`pack-check: ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
console.log('pack-check: nothing missing, nothing that should stay home');
