#!/usr/bin/env node
// Tree-shaking check (issue 4, point 6): importing one component's class, or
// one core module, through the package's own `exports` pulls in only what it
// needs. Each entry is bundled with esbuild the way an app's bundler would
// (package.json `exports` and `sideEffects` honoured, minified syntax so dead
// code goes), and the bundle is checked:
//
//   components/<name>/<name>.js  no other component's class module, no
//                                registering file (anp-*.js, define.js), no
//                                customElements.define or defineElement call,
//                                no other element's tag name
//   core/<module>.js             none of the above, and no Lit (lit, lit-html,
//                                lit-element, @lit/reactive-element)
//
// Run after `npm run build`. Prints one line per entry (bytes, modules) and
// exits non-zero on any failure.
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, rmSync, symlinkSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { readJson, root } from './manifest-model.mjs';

const pkg = readJson(join(root, 'package.json'));
if (!existsSync(join(root, 'dist/index.js'))) {
  console.error('treeshake-check: dist/ is missing; run `npm run build` first');
  process.exit(1);
}

// The components: folders under dist/components with a class module of the same name.
const components = readdirSync(join(root, 'dist/components'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, 'dist/components', entry.name, `${entry.name}.js`)))
  .map((entry) => entry.name);
const tags = new Map(components.map((name) => [name, `anp-${name}`]));
const coreModules = readdirSync(join(root, 'dist/core')).filter((file) => file.endsWith('.js'));

const className = (name) => 'Anp' + name.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());

// A throwaway app whose node_modules/anp-components is this package.
const app = mkdtempSync(join(tmpdir(), 'anp-treeshake-'));
mkdirSync(join(app, 'node_modules'));
symlinkSync(root, join(app, 'node_modules', pkg.name), 'dir');

const LIT = /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/;

/** Bundles `source` (an app module) and returns the bundle text and the inputs that put bytes in it. */
async function bundle(source) {
  const entry = join(app, `entry-${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    minifySyntax: true,
    treeShaking: true,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: app,
  });
  const [output] = Object.values(result.metafile.outputs);
  const inputs = Object.entries(output.inputs)
    .filter(([, info]) => info.bytesInOutput > 0)
    .map(([path]) => relative(root, join(app, path)).split(sep).join('/'));
  return { text: result.outputFiles[0].text, inputs };
}

const failures = [];
const rows = [];

async function checkEntry(label, source, { allowLit, own }) {
  const { text, inputs } = await bundle(source);
  const problems = [];
  const ownFiles = inputs.filter((path) => path.startsWith('dist/'));
  for (const path of ownFiles) {
    if (
      /^dist\/components\/[^/]+\/anp-[^/]+\.js$/.test(path) ||
      path === 'dist/define.js' ||
      path === 'dist/index.js' ||
      path === 'dist/classic.js'
    ) {
      problems.push(`pulls in the registering module ${path}`);
    }
    const component = path.match(/^dist\/components\/([^/]+)\/\1\.js$/)?.[1];
    if (component && component !== own) problems.push(`pulls in another component's class: ${path}`);
  }
  if (/customElements\s*\.\s*define\s*\(/.test(text)) problems.push('calls customElements.define');
  if (/\bdefineElement\b/.test(text)) problems.push('contains defineElement (registration)');
  for (const [name, tag] of tags) {
    if (name === own) continue;
    if (text.includes(tag)) problems.push(`mentions the tag <${tag}>`);
    if (new RegExp(`\\bclass ${className(name)}\\b`).test(text)) problems.push(`contains class ${className(name)}`);
  }
  const litInputs = inputs.filter((path) => LIT.test(path));
  if (!allowLit && litInputs.length) problems.push(`pulls in Lit: ${litInputs.join(', ')}`);
  rows.push({ label, bytes: Buffer.byteLength(text), modules: inputs.length, own: ownFiles.length, lit: litInputs.length });
  if (problems.length) failures.push(`${label}:\n  - ${problems.join('\n  - ')}`);
}

try {
  for (const name of components) {
    const cls = className(name);
    await checkEntry(
      `${pkg.name}/components/${name}/${name}.js`,
      `import { ${cls} } from '${pkg.name}/components/${name}/${name}.js';\nexport { ${cls} };\n`,
      { allowLit: true, own: name },
    );
  }
  for (const file of coreModules) {
    await checkEntry(`${pkg.name}/core/${file}`, `export * from '${pkg.name}/core/${file}';\n`, { allowLit: false });
  }
  // The named import the issue gives as the example, on its own.
  await checkEntry(
    `{ normalizeArticle } from ${pkg.name}/core/normalize.js`,
    `export { normalizeArticle } from '${pkg.name}/core/normalize.js';\n`,
    {
      allowLit: false,
    },
  );
  // Control: the registering entry must fail these checks, or the checks see nothing.
  const control = await bundle(`import '${pkg.name}/define.js';\n`);
  if (
    !/\bdefineElement\b|customElements\s*\.\s*define\s*\(/.test(control.text) ||
    ![...tags.values()].every((tag) => control.text.includes(tag))
  ) {
    failures.push('control: the bundle of define.js shows no registration or tag names, so the checks cannot see anything');
  }
} finally {
  rmSync(app, { recursive: true, force: true });
}

const width = Math.max(...rows.map((row) => row.label.length));
for (const row of rows) {
  console.log(
    `treeshake: ${row.label.padEnd(width)}  ${String(row.bytes).padStart(7)} B  ${String(row.modules).padStart(3)} modules (${row.own} own, ${row.lit} Lit)`,
  );
}
if (failures.length) {
  console.error(`treeshake: ${failures.length} of ${rows.length} entries pull in more than they need:\n${failures.join('\n')}`);
  process.exit(1);
}
console.log(
  `treeshake: ${rows.length} entries checked, each pulls in only what it needs; control (define.js) registers all ${tags.size} elements`,
);
