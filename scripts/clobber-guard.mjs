// Build step: Lit and DOMPurify read `document.createElement`, `document.importNode`,
// `globalThis.litHtmlVersions` and the like at the moment they need them, and
// host markup can replace each of those with an element: `<img name=createTreeWalker>`
// makes lit-html throw as it loads, `<img name=importNode>` breaks every
// render, `<form id=litHtmlVersions>` or `<img name=litPropertyMetadata>`
// breaks Lit's startup, `<img name=createElement>` makes DOMPurify's module
// throw. Neither library can be configured around all of it (LitElement's
// `renderOptions.creationScope` covers `importNode` only), so our builds
// rewrite the few free references these modules make:
//
//   document                -> the facade of src/core/dom.ts (`litDocument`): the
//                              methods captured from Document.prototype at load
//   globalThis              -> `ownGlobals`: own properties of globalThis only
//   window.document (DOMPurify's `let document = window.document`)
//                           -> `guardedDocument(window.document)`
//
// References are found with the TypeScript parser (so comments, strings and
// property names such as `x.document` are never touched), and each module must
// hold exactly the number expected below: a Lit or DOMPurify upgrade that
// changes them fails the build loudly instead of silently dropping the defence.
// Replacements keep the original length where they can and the import goes
// at the end (imports are hoisted), so source maps stay exact.
import ts from 'typescript';

/** Which modules, and how many free references of each name they must hold. */
export const GUARDED_MODULES = [
  { library: 'lit-html', file: /[\\/]lit-html[\\/](development[\\/])?lit-html\.js$/, document: 1, globalThis: 1 },
  { library: 'lit-html', file: /[\\/]lit-html[\\/](development[\\/])?directive-helpers\.js$/, document: 1, globalThis: 0 },
  { library: 'lit', file: /[\\/]@lit[\\/]reactive-element[\\/](development[\\/])?css-tag\.js$/, document: 1, globalThis: 1 },
  { library: 'lit', file: /[\\/]@lit[\\/]reactive-element[\\/](development[\\/])?reactive-element\.js$/, document: 0, globalThis: 1 },
  { library: 'lit', file: /[\\/]lit-element[\\/](development[\\/])?lit-element\.js$/, document: 0, globalThis: 1 },
  { library: 'dompurify', file: /[\\/]dompurify[\\/]dist[\\/]purify\.es\.mjs$/, windowDocument: 1 },
];

// As long as the names they replace, so that nothing after them moves.
const LOCAL = { document: 'anpDocmt', globalThis: 'anpGlobals' };

/** Free references to `document` and `globalThis` (not property names), and DOMPurify's `let document = window.document`. */
function findReferences(code, fileName) {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found = { document: [], globalThis: [], windowDocument: [] };
  const visit = (node) => {
    if (ts.isIdentifier(node) && (node.text === 'document' || node.text === 'globalThis')) {
      const parent = node.parent;
      const isName =
        ((ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent) || ts.isVariableDeclaration(parent)) &&
          parent.name === node) ||
        ((ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isGetAccessor(parent)) && parent.name === node);
      if (!isName) found[node.text].push(node);
    }
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === 'document' &&
      node.initializer?.getText(source) === 'window.document'
    ) {
      found.windowDocument.push(node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { source, found };
}

/**
 * The module with its references rewritten, or `null` when `id` is not a
 * guarded module. Throws when a guarded module does not hold exactly the
 * expected references. `domModule` is the specifier of src/core/dom.ts as the
 * bundler or browser will load it.
 */
export function guardModule(code, id, domModule) {
  const target = GUARDED_MODULES.find((entry) => entry.file.test(id));
  if (!target) return null;
  const { source, found } = findReferences(code, id);
  const edits = [];
  const imports = [];
  for (const name of ['document', 'globalThis', 'windowDocument']) {
    // DOMPurify declares a `document` of its own: there only its initializer is checked.
    if (!(name in target)) continue;
    const expected = target[name];
    if (found[name].length !== expected) {
      throw new Error(
        `clobber-guard: ${id} has ${found[name].length} free reference(s) to ${name === 'windowDocument' ? '`let document = window.document`' : name}, ` +
          `expected ${expected}. Lit or DOMPurify changed: check scripts/clobber-guard.mjs before building.`,
      );
    }
    for (const node of found[name]) {
      const start = node.getStart(source);
      if (name === 'windowDocument') {
        edits.push({ start, end: node.getEnd(), text: 'anpGuardDoc(window.document)' });
        imports.push('guardedDocument as anpGuardDoc');
      } else {
        edits.push({ start, end: node.getEnd(), text: LOCAL[name] });
        imports.push(`${name === 'document' ? 'litDocument' : 'ownGlobals'} as ${LOCAL[name]}`);
      }
    }
  }
  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  const statement = `import{${[...new Set(imports)].join(',')}}from${JSON.stringify(domModule)};\n`;
  // Before the source map comment, which must stay the file's last line.
  const mapComment = out.lastIndexOf('\n//# sourceMappingURL=');
  return mapComment === -1 ? `${out}\n${statement}` : `${out.slice(0, mapComment + 1)}${statement}${out.slice(mapComment + 1)}`;
}

/**
 * As a Vite/Rollup plugin: `domModule` is the absolute path of the built
 * dist/core/dom.js. `expect` names the guarded libraries the bundle must hold
 * (each passed through here) and `forbid` those it must not (the classic
 * script carries no DOMPurify: that is its sibling file's).
 */
export function clobberGuardPlugin({ domModule, expect = ['lit-html'], forbid = [] }) {
  const seen = new Set();
  return {
    name: 'anp-clobber-guard',
    transform(code, id) {
      const out = guardModule(code, id, domModule);
      if (out === null) return null;
      const entry = GUARDED_MODULES.find((candidate) => candidate.file.test(id));
      if (forbid.includes(entry.library))
        throw new Error(`clobber-guard: ${entry.library} was bundled into a build that must not hold it (${id})`);
      seen.add(entry.library);
      return { code: out, map: null };
    },
    buildEnd(error) {
      // Each library must have passed through here: otherwise the patterns above match nothing any more.
      for (const library of expect) {
        if (!error && !seen.has(library)) throw new Error(`clobber-guard: ${library} was bundled without being guarded`);
      }
    },
  };
}

/** As a @web/test-runner (dev server) plugin, so tests run the same rewritten modules. */
export function clobberGuardServerPlugin({ domModule = '/src/core/dom.ts' } = {}) {
  return {
    name: 'anp-clobber-guard',
    transform(context) {
      if (typeof context.body !== 'string') return undefined;
      const out = guardModule(context.body, context.path, domModule);
      return out === null ? undefined : { body: out };
    },
  };
}
