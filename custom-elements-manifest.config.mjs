// Configuration of @custom-elements-manifest/analyzer (`cem analyze`), run by
// `npm run build` after tsc. It reads the TypeScript sources (their JSDoc and
// Lit decorators) and writes dist/custom-elements.json, which package.json's
// `customElements` field names. scripts/manifest-derived.mjs then turns the
// manifest into editor data and docs/api.md.
//
// The plugin below adapts the analyzer's raw output to this project:
// - tags are registered through defineElement('anp-x', AnpX), which the
//   analyzer does not know, so the calls are read here;
// - private members are implementation, not API, and are dropped;
// - `dispatchEvent(new AnpErrorEvent(...))` yields a nameless event next to
//   the documented `@fires anp-error`: the two are merged into one;
// - event classes get their typed `detail` as a member;
// - paths name the published files (dist/**/*.js), not the sources.

/** src/x/y.ts -> dist/x/y.js; leaves anything else alone. */
function publishedPath(path) {
  const clean = path.replace(/^\.\//, '');
  if (!clean.startsWith('src/')) return path;
  return clean.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
}

/** Resolves `specifier` (an import in module `from`) to a src/ path with .ts. */
function resolveFrom(from, specifier) {
  if (!specifier.startsWith('.')) return specifier;
  const parts = from.split('/').slice(0, -1);
  for (const piece of specifier.split('/')) {
    if (piece === '.' || piece === '') continue;
    if (piece === '..') parts.pop();
    else parts.push(piece);
  }
  return parts.join('/').replace(/\.js$/, '.ts');
}

function anpPlugin() {
  /** tag -> { className, module } from defineElement() calls. */
  const definitions = new Map();
  /** event class name -> { detailType, fields } from `class X extends CustomEvent<Detail>` and `interface Detail`. */
  const eventDetails = new Map();
  const interfaces = new Map();

  return {
    name: 'anp-components',

    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isInterfaceDeclaration(node)) {
        const fields = node.members.filter(ts.isPropertySignature).map((member) => ({
          name: member.name.getText(),
          type: member.type?.getText() ?? 'unknown',
          description: ts
            .getJSDocCommentsAndTags(member)
            .map((doc) => (typeof doc.comment === 'string' ? doc.comment : ''))
            .join(' ')
            .trim(),
        }));
        interfaces.set(node.name.getText(), fields);
      }

      if (ts.isClassDeclaration(node) && node.name) {
        const heritage = node.heritageClauses?.flatMap((clause) => clause.types) ?? [];
        const custom = heritage.find((type) => type.expression.getText() === 'CustomEvent' && type.typeArguments?.length === 1);
        if (custom) eventDetails.set(node.name.getText(), { detailType: custom.typeArguments[0].getText() });
      }

      if (ts.isCallExpression(node) && node.expression.getText() === 'defineElement') {
        const [tagArg, classArg] = node.arguments;
        if (!tagArg || !classArg || !ts.isStringLiteral(tagArg) || !ts.isIdentifier(classArg)) return;
        const className = classArg.getText();
        let module = moduleDoc.path;
        for (const statement of node.getSourceFile().statements) {
          if (!ts.isImportDeclaration(statement)) continue;
          const names = statement.importClause?.namedBindings;
          if (names && ts.isNamedImports(names) && names.elements.some((element) => element.name.getText() === className)) {
            module = resolveFrom(moduleDoc.path, statement.moduleSpecifier.text);
          }
        }
        definitions.set(tagArg.text, { className, module });
        moduleDoc.exports ??= [];
        moduleDoc.exports.push({ kind: 'custom-element-definition', name: tagArg.text, declaration: { name: className, module } });
      }
    },

    packageLinkPhase({ customElementsManifest }) {
      const tagOf = new Map([...definitions].map(([tag, { className }]) => [className, tag]));
      const classes = customElementsManifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.kind === 'class');

      // Event names, from each event class's `static readonly eventName`.
      const eventClassByName = new Map();
      for (const declaration of classes) {
        const detail = eventDetails.get(declaration.name);
        if (!detail) continue;
        const eventName = declaration.members?.find((member) => member.name === 'eventName' && member.static);
        if (eventName?.default) eventClassByName.set(eventName.default.replace(/^['"]|['"]$/g, ''), declaration.name);
        const fields = interfaces.get(detail.detailType) ?? [];
        declaration.members ??= [];
        declaration.members.push({
          kind: 'field',
          name: 'detail',
          type: { text: detail.detailType },
          readonly: true,
          description: fields.length
            ? `{ ${fields.map((field) => `${field.name}: ${field.type}`).join('; ')} }`
            : `The event's detail (${detail.detailType}).`,
        });
      }

      for (const declaration of classes) {
        const tag = tagOf.get(declaration.name);
        if (tag) {
          declaration.tagName = tag;
          declaration.customElement = true;
        } else if (declaration.customElement) {
          // The abstract base (AnpElement) is never registered: a class, not an element.
          delete declaration.customElement;
        }
        if (declaration.members) declaration.members = declaration.members.filter((member) => member.privacy !== 'private');
        if (declaration.events) {
          const byName = new Map();
          const unnamedTypes = [];
          for (const event of declaration.events) {
            if (!event.name) {
              if (event.type?.text) unnamedTypes.push(event);
              continue;
            }
            const known = byName.get(event.name);
            byName.set(event.name, { ...event, ...known, description: known?.description ?? event.description });
          }
          // A nameless event (from `dispatchEvent(new X(...))`) is the documented one whose class is X.
          for (const unnamed of unnamedTypes) {
            const name = [...eventClassByName].find(([, className]) => className === unnamed.type.text)?.[0];
            if (name && !byName.has(name)) byName.set(name, { name, type: unnamed.type, inheritedFrom: unnamed.inheritedFrom });
          }
          for (const event of byName.values()) {
            const className = eventClassByName.get(event.name);
            if (className && !event.type) event.type = { text: className };
          }
          declaration.events = [...byName.values()];
        }
      }

      // Paths of the published package.
      const rewrite = (value) => {
        if (Array.isArray(value)) value.forEach(rewrite);
        else if (value && typeof value === 'object') {
          for (const [key, inner] of Object.entries(value)) {
            if ((key === 'module' || key === 'path') && typeof inner === 'string') value[key] = publishedPath(inner);
            else rewrite(inner);
          }
        }
      };
      for (const module of customElementsManifest.modules) {
        for (const entry of module.exports ?? []) {
          // Relative re-exports (`export { X } from './x.js'`) resolved against their module.
          if (entry.declaration?.module?.startsWith('.')) entry.declaration.module = resolveFrom(module.path, entry.declaration.module);
        }
      }
      rewrite(customElementsManifest.modules);
      customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.d.ts'],
  outdir: 'dist',
  litelement: true,
  // The build must not rewrite package.json: its `customElements` field is set by hand.
  packagejson: false,
  plugins: [anpPlugin()],
};
