#!/usr/bin/env node
// Keeps the docs true: takes every fenced code block out of README.md and
// docs/*.md and checks it by its language (docs/development.md, "Docs that
// stay true", has the table).
//
//   node scripts/docs-snippets.mjs                      README.md and docs/*.md (run `npm run build` first)
//   node scripts/docs-snippets.mjs docs/frameworks.md   only some files
//
// - ts/tsx: tsc under the Vite react-ts starter's compiler options, with
//   `anp-components` resolved to this build. Blocks under one heading that name
//   their file in a first-line comment (`// App.tsx`) form one project.
// - vue / svelte / ts importing @angular: vue-tsc, svelte-check, ngc from
//   examples/node_modules, under the example apps' tsconfigs (strictTemplates).
// - js: node --check; json: JSON.parse; php: php -l; sh: bash -n and every
//   command must exist (npm scripts, files, installed programs); html: tags
//   balanced, anp tags and their attributes known to the custom elements
//   manifest, JSON script children (application/json, application/ld+json)
//   parsed, inline scripts node --check'ed;
//   css: parsed in Chromium (CSSStyleSheet.replaceSync), no rule or
//   declaration dropped, every ::part and --anp-* token known to the manifest;
//   http: header lines, a CSP's directives known; text: not checked, except
//   ```text output, which must be what the ```sh block before it prints
//   (run for real, `npx anp` being this build's command; durations aside).
// - A block may skip the type check only with `fragment` in its info string
//   (```ts fragment); it must still parse.
//
// Before the real blocks, scripts/fixtures/docs-snippets-broken.md (one broken
// block per language) goes through the same checks: each must be rejected,
// so the checker is known to be able to fail.
//
// The last line is `snippets: N passed, N failed` (the same counts and cases
// in test-results/snippets.json, which npm test reads); the exit status is
// non-zero when any failed.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installBuildInto } from './kit/installed-copy.mjs';
import { createReport } from './kit/report.mjs';
import { runCommand } from './kit/run.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = join(root, 'examples');
const examplesModules = join(examplesDir, 'node_modules');
const workDir = join(examplesDir, '.docs-snippets');
const FIXTURE = join(root, 'scripts/fixtures/docs-snippets-broken.md');

const report = createReport('snippets', { indent: '  ', detailLines: 12 });
const perLanguage = new Map();
const record = (name, ok, detail) => report.check(ok, name, detail);

const run = (command, args, options = {}) => runCommand(command, args, { cwd: root, ...options });

// --- extraction -------------------------------------------------------------

const FILE_NAME = /^\s*(?:\/\/|#|<!--|\/\*+)\s*([\w.+-]+\.(?:tsx?|mts|js|mjs|cjs|vue|svelte|json|css|html|php))\b/;

/** Every fenced block of a Markdown file: language, flags, text, line, heading, file name. */
function extractBlocks(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks = [];
  let heading = '';
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const headingMatch = /^(#{1,6})\s+(.*)$/.exec(line);
    if (headingMatch && headingMatch[1].length <= 2) heading = headingMatch[2];
    const open = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(line);
    if (!open) continue;
    const [, indent, fence, info] = open;
    const body = [];
    let end = index + 1;
    while (
      end < lines.length &&
      !(lines[end].startsWith(indent + fence[0].repeat(fence.length)) && lines[end].trim() === fence[0].repeat(lines[end].trim().length))
    ) {
      body.push(lines[end].startsWith(indent) ? lines[end].slice(indent.length) : lines[end]);
      end++;
    }
    const [language = '', ...flags] = info.trim().split(/\s+/).filter(Boolean);
    const text = body.join('\n') + '\n';
    const fileName = text
      .split('\n')
      .slice(0, 3)
      .map((first) => FILE_NAME.exec(first)?.[1])
      .find(Boolean);
    blocks.push({ file: relative(root, file), line: index + 1, language: language.toLowerCase(), flags, text, heading, fileName });
    index = end;
  }
  return blocks;
}

// --- the manifest: which tags, attributes, parts and tokens exist ----------------

function readManifest() {
  const manifest = JSON.parse(readFileSync(join(root, 'dist/custom-elements.json'), 'utf8'));
  const tags = new Map();
  const parts = new Set();
  const tokens = new Set();
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.tagName) continue;
      const attributes = new Set((declaration.attributes ?? []).map((attribute) => attribute.name));
      tags.set(declaration.tagName, attributes);
      for (const part of declaration.cssParts ?? []) parts.add(part.name);
      for (const property of declaration.cssProperties ?? []) tokens.add(property.name);
    }
  }
  return { tags, parts, tokens };
}

// --- simple checks ----------------------------------------------------------

const GLOBAL_ATTRIBUTES = new Set(['id', 'class', 'style', 'lang', 'dir', 'hidden', 'title', 'slot', 'part', 'tabindex', 'role', 'theme']);
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Balanced tags, known anp tags and attributes, scripts that parse. */
async function checkHtml(block, manifest) {
  const problems = [];
  const scripts = [];
  const html = block.text.replace(/<!--[\s\S]*?-->/g, '');
  const stack = [];
  const tagPattern = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;
  let match;
  let last = 0;
  while ((match = tagPattern.exec(html))) {
    const [whole, closing, rawName, rawAttributes, selfClosing] = match;
    const name = rawName.toLowerCase();
    if (/<[a-zA-Z/]/.test(html.slice(last, match.index)))
      problems.push(`unparsed tag near: ${html.slice(last, match.index).trim().slice(0, 60)}`);
    last = match.index + whole.length;
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
      continue;
    }
    const attributes = [...rawAttributes.matchAll(/([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)].map(([, attribute, value]) => ({
      name: attribute.toLowerCase(),
      value: value?.replace(/^["']|["']$/g, ''),
    }));
    if (name.startsWith('anp-')) {
      const known = manifest.tags.get(name);
      if (!known) problems.push(`<${name}> is not an element of this library`);
      else
        for (const attribute of attributes)
          if (!known.has(attribute.name) && !GLOBAL_ATTRIBUTES.has(attribute.name) && !attribute.name.startsWith('data-'))
            problems.push(`<${name}> has no attribute "${attribute.name}"`);
      if (selfClosing) problems.push(`<${name} /> does not close a custom element in HTML: write <${name}></${name}>`);
    }
    if (selfClosing || VOID_ELEMENTS.has(name)) continue;
    if (name === 'script' || name === 'style') {
      const end = html.toLowerCase().indexOf(`</${name}>`, last);
      if (end < 0) {
        problems.push(`<${name}> is never closed`);
        break;
      }
      if (name === 'script')
        scripts.push({ type: attributes.find((attribute) => attribute.name === 'type')?.value ?? '', text: html.slice(last, end) });
      tagPattern.lastIndex = end + name.length + 3;
      last = tagPattern.lastIndex;
      continue;
    }
    stack.push(name);
  }
  if (stack.length) problems.push(`never closed: ${stack.map((name) => `<${name}>`).join(' ')}`);
  for (const script of scripts) {
    // JSON data blocks: application/json (an element's article) and application/ld+json (JSON-LD, docs/json-ld.md).
    if (script.type === 'application/json' || script.type === 'application/ld+json') {
      try {
        JSON.parse(script.text);
      } catch (error) {
        problems.push(`JSON script child: ${error.message}`);
      }
    } else if (script.text.trim()) {
      const { ok, detail } = await checkJs(script.text, script.type === 'module' ? 'mjs' : 'js');
      if (!ok) problems.push(`inline script: ${detail}`);
    }
  }
  return { ok: problems.length === 0, detail: problems.join('\n') };
}

async function checkJs(text, extension = 'mjs') {
  const file = join(workDir, `check-${process.pid}-${Math.random().toString(36).slice(2)}.${extension}`);
  writeFileSync(file, text);
  const { code, output } = await run(process.execPath, ['--check', file]);
  rmSync(file, { force: true });
  return { ok: code === 0, detail: output.trim() };
}

async function checkPhp(text) {
  const source = /^\s*<\?php/.test(text) || /^\s*</.test(text) ? text : `<?php\n${text}`;
  const { code, output } = await run('php', ['-l'], { input: source });
  if (code === 127) return { ok: false, detail: 'php is not installed (Debian package php-cli)' };
  return { ok: code === 0, detail: output.trim() };
}

const NPM_COMMANDS = new Set([
  'install',
  'i',
  'ci',
  'pack',
  'start',
  'test',
  'run',
  'exec',
  'init',
  'publish',
  'uninstall',
  'update',
  'audit',
]);
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const scripts = packageJson.scripts ?? {};
/** This package's commands (package.json `bin`): `npx anp` in the docs runs the built dist/cli/anp.js. */
const packageBins = packageJson.bin ?? {};

async function commandExists(name) {
  const { code } = await run('bash', ['-c', `command -v -- "$0"`, name]);
  return code === 0;
}

/** bash -n, then every command of every line must exist. */
async function checkSh(text) {
  const problems = [];
  const syntax = await run('bash', ['-n'], { input: text });
  if (syntax.code !== 0) problems.push(syntax.output.trim());
  for (const line of text.split('\n')) {
    const code = line.replace(/(^|\s)#.*$/, '').trim();
    if (!code) continue;
    for (const command of code.split(/&&|\|\||;|\|/)) {
      const words = command.trim().split(/\s+/).filter(Boolean);
      while (words.length && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) words.shift(); // VAR=value prefixes
      const [program, ...args] = words;
      if (!program) continue;
      if (program === 'npm') {
        const sub = args[0];
        if (!NPM_COMMANDS.has(sub)) problems.push(`npm ${sub}: not an npm command this checker knows`);
        if (sub === 'run' && !(args[1] in scripts)) problems.push(`npm run ${args[1]}: no such script in package.json`);
        if ((sub === 'start' || sub === 'test') && !(sub in scripts)) problems.push(`npm ${sub}: no such script in package.json`);
      } else if (program === 'node' || program === 'bash') {
        const file = args.find((arg) => !arg.startsWith('-'));
        if (file && !existsSync(join(root, file))) problems.push(`${program} ${file}: no such file`);
      } else if (program === 'npx' && args[0] !== undefined && args[0] in packageBins) {
        // This package's own command: what a user's `npx` runs once anp-components is installed.
        if (!existsSync(join(root, packageBins[args[0]]))) problems.push(`npx ${args[0]}: ${packageBins[args[0]]} is not built`);
      } else if (program === 'npx') {
        if (!existsSync(join(root, 'node_modules/.bin', args[0] ?? ''))) problems.push(`npx ${args[0]}: not installed`);
      } else if (program !== 'cd' && !(await commandExists(program))) {
        problems.push(`${program}: no such command`);
      }
    }
  }
  return { ok: problems.length === 0, detail: problems.join('\n') };
}

const CSP_DIRECTIVES = new Set([
  'default-src',
  'script-src',
  'style-src',
  'img-src',
  'connect-src',
  'font-src',
  'object-src',
  'media-src',
  'frame-src',
  'child-src',
  'worker-src',
  'manifest-src',
  'base-uri',
  'form-action',
  'frame-ancestors',
  'require-trusted-types-for',
  'trusted-types',
  'upgrade-insecure-requests',
  'report-to',
  'report-uri',
  'sandbox',
]);

/**
 * WordPress shortcode blocks (```shortcode): each line is one `[anp_article …]`
 * with only the attributes the plugin reads, and element names it knows.
 */
const SHORTCODE_ATTRIBUTES = new Set(['elements', 'post_id']);
const SHORTCODE_ELEMENTS = new Set(['meta-box', 'score-bars', 'checklist', 'similar-posts']);
function checkShortcode(text) {
  const problems = [];
  for (const line of text.split('\n').filter((entry) => entry.trim())) {
    const shortcode = /^\[anp_article((?:\s+[a-z_]+="[^"]*")*)\s*\]$/.exec(line.trim());
    if (!shortcode) {
      problems.push(`not an [anp_article] shortcode: ${line}`);
      continue;
    }
    for (const [, name, value] of shortcode[1].matchAll(/([a-z_]+)="([^"]*)"/g)) {
      if (!SHORTCODE_ATTRIBUTES.has(name)) problems.push(`unknown shortcode attribute: ${name}`);
      if (name === 'post_id' && !/^\d+$/.test(value)) problems.push(`post_id is not a number: ${value}`);
      if (name === 'elements')
        for (const element of value.split(',').map((entry) => entry.trim().replace(/^anp-/, '')))
          if (!SHORTCODE_ELEMENTS.has(element)) problems.push(`unknown element in elements="…": ${element}`);
    }
  }
  return { ok: problems.length === 0, detail: problems.join('\n') };
}

function checkHttp(text) {
  const problems = [];
  for (const line of text.split('\n').filter((header) => header.trim())) {
    const header = /^([A-Za-z][A-Za-z0-9-]*):\s*(.+)$/.exec(line);
    if (!header) {
      problems.push(`not a header line: ${line}`);
      continue;
    }
    if (header[1].toLowerCase() === 'content-security-policy')
      for (const directive of header[2]
        .split(';')
        .map((part) => part.trim())
        .filter(Boolean)) {
        const name = directive.split(/\s+/)[0];
        if (!CSP_DIRECTIVES.has(name)) problems.push(`unknown CSP directive: ${name}`);
      }
  }
  return { ok: problems.length === 0, detail: problems.join('\n') };
}

/** Only the syntax (for ```ts fragment blocks): TypeScript's parser, no types. */
async function checkTsSyntax(block) {
  const ts = (await import(join(examplesModules, 'typescript/lib/typescript.js'))).default;
  const result = ts.transpileModule(block.text, {
    reportDiagnostics: true,
    fileName: `fragment.${block.language === 'tsx' ? 'tsx' : 'ts'}`,
    compilerOptions: { jsx: ts.JsxEmit.Preserve, target: ts.ScriptTarget.ES2022 },
  });
  const problems = (result.diagnostics ?? []).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  return { ok: problems.length === 0, detail: problems.join('\n') };
}

// --- CSS in Chromium ----------------------------------------------------------

/** Splits CSS into rules: { prelude, body, children? } (at-rules with blocks get children). */
function cssRules(text) {
  const rules = [];
  let depth = 0;
  let start = 0;
  let prelude = '';
  const source = text.replace(/\/\*[\s\S]*?\*\//g, '');
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '"' || char === "'") {
      index = source.indexOf(char, index + 1);
      if (index < 0) break;
    } else if (char === '{') {
      if (depth === 0) {
        prelude = source.slice(start, index).trim();
        start = index + 1;
      }
      depth++;
    } else if (char === '}') {
      depth--;
      if (depth === 0) {
        const body = source.slice(start, index);
        const nested = /^@(media|supports|layer|container|scope)\b/.test(prelude);
        rules.push(nested ? { prelude, children: cssRules(body) } : { prelude, declarations: cssDeclarations(body) });
        start = index + 1;
      }
    } else if (char === ';' && depth === 0) {
      start = index + 1; // @import and friends
    }
  }
  return rules;
}

function cssDeclarations(body) {
  return body
    .split(';')
    .map((declaration) => declaration.trim())
    .filter(Boolean)
    .map((declaration) => declaration.slice(0, declaration.indexOf(':')).trim().toLowerCase());
}

let browserPromise;
async function cssPage() {
  browserPromise ??= (async () => {
    const { launchChromium } = await import('./kit/chromium.mjs');
    const browser = await launchChromium();
    const page = await browser.newPage();
    return { browser, page };
  })();
  return (await browserPromise).page;
}

/* global CSSStyleSheet, CSSStyleRule, CSSGroupingRule -- the function given to page.evaluate runs in Chromium */
async function checkCss(block, manifest) {
  const problems = [];
  const expected = cssRules(block.text);
  const page = await cssPage();
  const seen = await page.evaluate((text) => {
    const sheet = new CSSStyleSheet();
    try {
      sheet.replaceSync(text);
    } catch (error) {
      return { error: String(error) };
    }
    // What each style rule kept: its declarations as the engine serializes them.
    const kept = (rules) =>
      [...rules].map((rule) =>
        rule instanceof CSSStyleRule
          ? { selector: rule.selectorText, cssText: rule.style.cssText }
          : rule instanceof CSSGroupingRule
            ? { children: kept(rule.cssRules) }
            : {},
      );
    return { rules: kept(sheet.cssRules) };
  }, block.text);
  if (seen.error) return { ok: false, detail: seen.error };
  const compare = (want, got, where) => {
    if (want.length !== got.length) {
      problems.push(`${where}: ${want.length} rule(s) written, ${got.length} kept (a selector or at-rule was dropped)`);
      return;
    }
    want.forEach((rule, index) => {
      const kept = got[index];
      if (rule.children) return compare(rule.children, kept.children ?? [], `${where} ${rule.prelude}`);
      const keptText = (kept.cssText ?? '').toLowerCase();
      for (const property of rule.declarations ?? [])
        if (!new RegExp(`(^|[;\\s])${property.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')}(-[a-z-]+)?\\s*:`).test(keptText))
          problems.push(`${rule.prelude}: "${property}" was dropped (invalid value or name)`);
    });
  };
  compare(expected, seen.rules, 'stylesheet');
  for (const [, part] of block.text.matchAll(/::part\(([\w-]+)\)/g))
    if (!manifest.parts.has(part)) problems.push(`::part(${part}) is not a part of any element`);
  for (const [token] of block.text.matchAll(/--anp-[\w-]+/g))
    if (!manifest.tokens.has(token)) problems.push(`${token} is not a token of any element`);
  return { ok: problems.length === 0, detail: problems.join('\n') };
}

// --- projects: tsc, vue-tsc, svelte-check, ngc ----------------------------------

const EXTENSIONS = { ts: 'ts', tsx: 'tsx', vue: 'vue', svelte: 'svelte' };

/** The Vite react-ts starter's tsconfig.app.json compiler options (create-vite, 2025). */
const VITE_REACT_TS = {
  target: 'ES2022',
  useDefineForClassFields: true,
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  module: 'ESNext',
  types: ['vite/client'],
  skipLibCheck: true,
  moduleResolution: 'bundler',
  allowImportingTsExtensions: true,
  verbatimModuleSyntax: true,
  moduleDetection: 'force',
  noEmit: true,
  jsx: 'react-jsx',
  strict: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  erasableSyntaxOnly: true,
  noFallthroughCasesInSwitch: true,
  noUncheckedSideEffectImports: true,
};

function exampleOptions(name) {
  const config = JSON.parse(readFileSync(join(examplesDir, name, 'tsconfig.json'), 'utf8'));
  return config;
}

/** Which checker a group of blocks (one heading of one file) needs. */
function kindOf(group) {
  if (group.some((block) => block.language === 'vue')) return 'vue';
  if (group.some((block) => block.language === 'svelte')) return 'svelte';
  if (group.some((block) => /from '@angular\//.test(block.text))) return 'angular';
  return 'tsx';
}

/** Writes each group's files under workDir/<kind>/<group>/, remembering which file is which block. */
function writeGroups(groups) {
  const byKind = { tsx: [], vue: [], svelte: [], angular: [] };
  groups.forEach((group, groupIndex) => {
    const kind = kindOf(group);
    const dir = join(workDir, kind, `g${groupIndex}`);
    mkdirSync(dir, { recursive: true });
    for (const block of group) {
      const name = block.fileName ?? `block-${block.line}.${EXTENSIONS[block.language]}`;
      block.path = join(dir, name);
      writeFileSync(block.path, block.text);
    }
    byKind[kind].push(...group);
  });
  return byKind;
}

/** Maps checker output lines to blocks by file path; unmatched problems fail every block of the run. */
function assignProblems(blocks, problems, ok, output) {
  const results = new Map(blocks.map((block) => [block, []]));
  const unassigned = [];
  for (const problem of problems) {
    const block = blocks.find((candidate) => problem.file && resolve(problem.cwd, problem.file) === candidate.path);
    if (block) results.get(block).push(problem.text);
    else unassigned.push(problem.text);
  }
  if (!ok && problems.length === 0) unassigned.push(output.trim().split('\n').slice(-15).join('\n') || 'the checker failed without output');
  for (const block of blocks) {
    const own = results.get(block);
    const all = own.concat(unassigned);
    block.result = { ok: all.length === 0, detail: all.join('\n') };
  }
}

function tscProblems(output, cwd) {
  const problems = [];
  // eslint-disable-next-line no-control-regex -- ngc colours its output whatever `pretty` says
  for (const line of output.replace(/\u001b\[[0-9;]*m/g, '').split('\n')) {
    const match =
      /^(.+?)\((\d+),(\d+)\): error (TS\d+|NG\d+): (.*)$/.exec(line) ?? /^(.+?):(\d+):(\d+) - error (TS\d+|NG\d+): (.*)$/.exec(line);
    if (match)
      problems.push({
        cwd,
        file: match[1],
        text: `${relative(workDir, resolve(cwd, match[1]))}:${match[2]}:${match[3]} ${match[4]} ${match[5]}`,
      });
  }
  return problems;
}

const bin = (name) => join(examplesModules, '.bin', name);

async function checkTsxProjects(blocks) {
  if (!blocks.length) return;
  const dir = join(workDir, 'tsx');
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: VITE_REACT_TS, include: ['**/*.ts', '**/*.tsx'] }, null, 2));
  const { code, output } = await run(bin('tsc'), ['-p', 'tsconfig.json', '--pretty', 'false'], { cwd: dir });
  assignProblems(blocks, tscProblems(output, dir), code === 0, output);
}

async function checkVueProjects(blocks) {
  if (!blocks.length) return;
  const dir = join(workDir, 'vue');
  const base = exampleOptions('vue3');
  const config = {
    compilerOptions: { ...base.compilerOptions, noUnusedLocals: true, noUnusedParameters: true, types: ['vite/client'] },
    vueCompilerOptions: base.vueCompilerOptions,
    include: ['**/*.ts', '**/*.vue'],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config, null, 2));
  const { code, output } = await run(bin('vue-tsc'), ['-p', 'tsconfig.json', '--pretty', 'false'], { cwd: dir });
  assignProblems(blocks, tscProblems(output, dir), code === 0, output);
}

async function checkSvelteProjects(blocks) {
  if (!blocks.length) return;
  const dir = join(workDir, 'svelte');
  const base = exampleOptions('svelte5');
  const config = {
    compilerOptions: { ...base.compilerOptions, noUnusedLocals: true, noUnusedParameters: true },
    include: ['**/*.ts', '**/*.svelte'],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config, null, 2));
  cpSync(join(examplesDir, 'svelte5/svelte.config.js'), join(dir, 'svelte.config.js'));
  const { code, output } = await run(
    bin('svelte-check'),
    ['--workspace', dir, '--tsconfig', join(dir, 'tsconfig.json'), '--fail-on-warnings', '--output', 'machine'],
    {
      cwd: dir,
    },
  );
  const problems = [];
  for (const line of output.split('\n')) {
    const match = /^\d+ (ERROR|WARNING) "([^"]+)" (\d+):(\d+) "(.*)"$/.exec(line);
    if (match)
      problems.push({
        cwd: dir,
        file: match[2],
        text: `${match[2]}:${Number(match[3]) + 1}:${Number(match[4]) + 1} ${match[1]} ${match[5]}`,
      });
  }
  assignProblems(blocks, problems, code === 0, output);
}

async function checkAngularProjects(blocks) {
  if (!blocks.length) return;
  const dir = join(workDir, 'angular');
  const base = exampleOptions('angular');
  const config = {
    compilerOptions: { ...base.compilerOptions, outDir: 'out-tsc', noUnusedLocals: true, noUnusedParameters: true, pretty: false },
    angularCompilerOptions: base.angularCompilerOptions,
    include: ['**/*.ts'],
    exclude: ['out-tsc'],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config, null, 2));
  const { code, output } = await run(bin('ngc'), ['-p', 'tsconfig.json'], { cwd: dir });
  assignProblems(blocks, tscProblems(output, dir), code === 0, output);
}

// --- the run ------------------------------------------------------------------

/** Makes sure examples/node_modules holds the framework checkers and this build. */
async function prepareExamples() {
  if (!existsSync(join(examplesModules, '.package-lock.json'))) {
    console.log("snippets: installing the example apps' tooling (node scripts/examples.mjs typings) ...");
    const { code, output } = await run(process.execPath, [join(root, 'scripts/examples.mjs'), 'typings']);
    if (code !== 0) console.log(output.trim().split('\n').slice(-10).join('\n'));
  }
  if (!existsSync(examplesModules)) return false;
  installBuildInto(examplesModules);
  return true;
}

async function checkSimple(block, manifest) {
  switch (block.language) {
    case 'js':
    case 'javascript':
    case 'mjs':
      return checkJs(block.text);
    case 'json':
      try {
        JSON.parse(block.text);
        return { ok: true };
      } catch (error) {
        return { ok: false, detail: error.message };
      }
    case 'html':
      return checkHtml(block, manifest);
    case 'css':
      return checkCss(block, manifest);
    case 'sh':
    case 'bash':
    case 'shell':
      return checkSh(block.text);
    case 'php':
      return checkPhp(block.text);
    case 'http':
      return checkHttp(block.text);
    case 'shortcode':
      return checkShortcode(block.text);
    case 'mermaid':
      return checkMermaid(block.text);
    case 'text':
      // Plain text is not checked, unless it is a command's output (```text output): see checkOutputs().
      return { ok: true };
    default:
      return {
        ok: false,
        detail: `unknown language "${block.language}": give the block one of ts, tsx, vue, svelte, js, json, html, css, sh, php, http, shortcode, mermaid, text`,
      };
  }
}

const TYPED = new Set(['ts', 'tsx', 'vue', 'svelte']);

/** Checks every block; sets block.result. */
async function checkBlocks(blocks, manifest, examplesReady) {
  const typed = blocks.filter((block) => TYPED.has(block.language) && !block.flags.includes('fragment'));
  for (const block of blocks.filter((candidate) => !typed.includes(candidate))) {
    if (TYPED.has(block.language))
      block.result = examplesReady
        ? await checkTsSyntax(block)
        : { ok: false, detail: 'typescript is not installed in examples/node_modules' };
    else block.result = await checkSimple(block, manifest);
  }
  if (!typed.length) return;
  if (!examplesReady) {
    for (const block of typed)
      block.result = {
        ok: false,
        detail: 'not checked: examples/node_modules is missing (npm run examples installs tsc, vue-tsc, svelte-check and ngc)',
      };
    return;
  }
  const groups = new Map();
  for (const block of typed) {
    const key = `${block.file}\u0000${block.heading}\u0000${block.fileName ? '' : block.line}`;
    groups.set(key, [...(groups.get(key) ?? []), block]);
  }
  // Unnamed blocks stand alone; named ones join the named files of their heading.
  const byKind = writeGroups([...groups.values()]);
  await checkTsxProjects(byKind.tsx);
  await checkVueProjects(byKind.vue);
  await checkSvelteProjects(byKind.svelte);
  await checkAngularProjects(byKind.angular);
}

/**
 * A Mermaid flowchart, read the way Mermaid reads one (no renderer here):
 * a `flowchart`/`graph` header with a direction, `subgraph` … `end` balanced,
 * labels in quotes closed, and every node an edge names defined with a label
 * somewhere (a typo in an id would draw a bare box).
 */
function checkMermaid(text) {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('%%'));
  if (!/^(flowchart|graph) (LR|RL|TB|TD|BT)$/.test(lines[0] ?? ''))
    return { ok: false, detail: 'the first line must be `flowchart LR` (or TB, TD, RL, BT)' };
  let depth = 0;
  const defined = new Set();
  const used = new Set();
  for (const [index, line] of lines.slice(1).entries()) {
    const where = `line ${index + 2}: ${line}`;
    if ((line.match(/"/g) ?? []).length % 2) return { ok: false, detail: `unclosed quote, ${where}` };
    // Labels out of the way: what is left is ids, edges and keywords.
    const bare = line.replace(/\["[^"]*"\]|\("[^"]*"\)|\{"[^"]*"\}|"[^"]*"/g, (label) => (label.startsWith('"') ? '' : '#'));
    for (const [, id] of line.matchAll(/([A-Za-z][\w-]*)\s*(?:\["|\("|\{")/g)) defined.add(id);
    if (/^subgraph\b/.test(line)) {
      depth++;
      continue;
    }
    if (line === 'end') {
      if (--depth < 0) return { ok: false, detail: `\`end\` without a subgraph, ${where}` };
      continue;
    }
    if (/[[\](){}]/.test(bare.replace(/#/g, ''))) return { ok: false, detail: `a bracket outside a quoted label, ${where}` };
    const parts = bare.split(/\s*(?:-->|-\.->|\.->|==>|---|--|-\.)\s*/);
    for (const part of parts) for (const id of part.split('&')) if (id.trim().replace(/#$/, '')) used.add(id.trim().replace(/#$/, ''));
  }
  if (depth !== 0) return { ok: false, detail: `${depth} subgraph(s) without \`end\`` };
  const missing = [...used].filter((id) => !defined.has(id));
  return missing.length ? { ok: false, detail: `nodes used but never given a label: ${missing.join(', ')}` } : { ok: true };
}

/**
 * A ```text output block is what the ```sh block just before it prints: the
 * sh block runs (cwd: the project root, `npx anp` being this build's
 * dist/cli/anp.js, stdout and stderr together, no terminal) and its output
 * must equal the text, durations and memory figures aside (`0.42 s`,
 * `120 ms`, `85 MB`, `"seconds": 0.42` compare as numbers of their unit). So the docs show
 * the commands' real output, and a change in it fails here until the docs follow.
 */
const MEASURED = /\b\d+(?:[.,]\d+)?\s?(ms|s|MB|KB|kB|GB|MiB|KiB|files\/s|articles\/s)\b/g;
const MEASURED_JSON = /("(?:seconds|ms|milliseconds)":\s*)\d+(?:\.\d+)?/g;
const normalizeOutput = (text) =>
  text
    .replace(MEASURED, '<n> $1')
    .replace(MEASURED_JSON, '$1<n>')
    .replace(/[ \t]+$/gm, '')
    .trimEnd();

async function checkOutputs(blocks) {
  for (const [index, block] of blocks.entries()) {
    if (block.language !== 'text' || !block.flags.includes('output')) continue;
    const command = blocks[index - 1];
    if (!command || command.file !== block.file || !['sh', 'bash', 'shell'].includes(command.language)) {
      block.result = { ok: false, detail: 'a ```text output block must follow the ```sh block whose output it is' };
      continue;
    }
    const bins = Object.entries(packageBins)
      .map(([name, file]) => `if [ "$1" = ${name} ]; then shift; node ${JSON.stringify(join(root, file))} "$@"; return; fi;`)
      .join(' ');
    const script = `npx() { ${bins} command npx "$@"; }\nexec 2>&1\n${command.text}`;
    const { output } = await run('bash', ['-c', script], { env: { CI: '1' } });
    const want = normalizeOutput(block.text);
    const got = normalizeOutput(output);
    if (want === got) {
      block.result = { ok: true };
      continue;
    }
    const wantLines = want.split('\n');
    const gotLines = got.split('\n');
    const first = wantLines.findIndex((line, at) => line !== gotLines[at]);
    const at = first === -1 ? wantLines.length : first;
    block.result = {
      ok: false,
      detail: [
        `the output of the sh block at line ${command.line} differs from this block, from its line ${at + 1}:`,
        `  docs: ${wantLines[at] ?? '(end)'}`,
        `  real: ${gotLines[at] ?? '(end)'}`,
        'the real output:',
        ...output.split('\n').slice(0, 40),
      ].join('\n'),
    };
  }
}

/**
 * docs/architecture.md matches the tree: every path it names exists, and
 * every module under src/ is named (by its path, or by its file name in the
 * section about its folder).
 */
function checkArchitecture() {
  const file = join(root, 'docs/architecture.md');
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const named = [...text.matchAll(/`((?:src|scripts|test|bench|stories)\/[^`*<>\s]+)`/g)].map((match) => match[1]);
  const missing = [...new Set(named)].filter((path) => !existsSync(join(root, path)));
  record(`docs/architecture.md: the ${named.length} paths it names exist`, missing.length === 0, `not in the tree: ${missing.join(', ')}`);
  const modules = [];
  const walk = (dir) => {
    for (const name of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${name.name}`;
      if (name.isDirectory()) walk(path);
      else if (name.name.endsWith('.ts') && !name.name.endsWith('.d.ts')) modules.push(path);
    }
  };
  walk('src');
  const unnamed = modules.filter((path) => {
    const base = path.split('/').pop();
    return !text.includes(path) && !text.includes(`\`${base}\``) && !text.includes(path.split('/').slice(0, -1).join('/') + '/');
  });
  record(
    `docs/architecture.md: names every module under src/ (${modules.length})`,
    unnamed.length === 0,
    `not named: ${unnamed.join(', ')}`,
  );
}

function describe(block) {
  return `${block.file}:${block.line} ${block.language}${block.flags.length ? ` ${block.flags.join(' ')}` : ''}${block.fileName ? ` (${block.fileName})` : ''}`;
}

async function main() {
  if (!existsSync(join(root, 'dist/custom-elements.json'))) {
    record('the library is built', false, 'dist/ is missing: run `npm run build` first');
    return;
  }
  const manifest = readManifest();
  const only = process.argv.slice(2).map((file) => resolve(file));
  const files = only.length
    ? only
    : [
        join(root, 'README.md'),
        ...readdirSync(join(root, 'docs'))
          .filter((name) => name.endsWith('.md'))
          .map((name) => join(root, 'docs', name)),
      ];

  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const examplesReady = await prepareExamples();

  const controls = extractBlocks(FIXTURE).map((block) => ({ ...block, control: true }));
  const real = files.flatMap(extractBlocks);
  await checkBlocks([...controls, ...real], manifest, examplesReady);
  for (const file of [FIXTURE, ...files]) await checkOutputs([...controls, ...real].filter((block) => block.file === relative(root, file)));

  console.log('snippets: negative controls (scripts/fixtures/docs-snippets-broken.md): each broken block must be rejected');
  // A ```sh context block only gives the next control its command: it is not broken itself.
  for (const block of controls.filter((control) => !control.flags.includes('context'))) {
    // A control names the problem it must be rejected for (```tsx expect=TS2304), so it cannot pass by failing for another reason.
    const expected = block.flags
      .find((flag) => flag.startsWith('expect='))
      ?.slice('expect='.length)
      .replaceAll('_', ' ');
    const reason = block.result.ok ? '' : block.result.detail;
    const rejected = !block.result.ok && (!expected || reason.includes(expected));
    const first = reason.split('\n').find((line) => !expected || line.includes(expected)) ?? '';
    record(
      `rejected: ${describe(block)}${rejected ? ` (${first.trim().slice(0, 110)})` : ''}`,
      rejected,
      block.result.ok ? 'the checker accepted a broken block' : `rejected, but not for "${expected}": ${reason}`,
    );
  }

  console.log(`snippets: ${real.length} code blocks in ${files.length} file(s)`);
  for (const block of real) {
    record(describe(block), block.result.ok, block.result.detail);
    perLanguage.set(block.language, (perLanguage.get(block.language) ?? 0) + 1);
  }
  console.log(`snippets: blocks per language: ${[...perLanguage].map(([language, count]) => `${language} ${count}`).join(', ')}`);
  if (!only.length) checkArchitecture();
}

try {
  await main();
} catch (error) {
  report.crashed(error);
} finally {
  if (browserPromise) await (await browserPromise).browser.close();
  if (!process.env.ANP_KEEP_SNIPPETS) rmSync(workDir, { recursive: true, force: true });
}
process.exit(report.finish());
