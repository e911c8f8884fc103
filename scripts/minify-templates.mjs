// Build step: squeeze the whitespace out of Lit's `css` and `html` tagged
// templates. The JavaScript minifier leaves template text alone, and in this
// library the indentation and comments of styles and templates were about a
// fifth of the classic script.
//
// Only the literal text between `${...}` is rewritten, found through the
// TypeScript parser (so nested templates and strings are never mistaken for
// template text), and only in ways that keep meaning:
//   css:  comments dropped, runs of whitespace made one space, the spaces
//         around `{ } ; ,` and after `:` in declarations removed. A space
//         before `:` is kept: `a :hover` and `a:hover` are different selectors.
//   html: whitespace between tags that contains a line break removed (that is
//         indentation); other runs of whitespace with a line break become one
//         space, since a space between inline elements can be meaningful.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

/** Rewrites one piece of css template text. */
export function squeezeCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .replace(/,\s+/g, ',')
    .replace(/;}/g, '}')
    .replace(/([{;]\s*[-\w]+):\s+/g, '$1:');
}

/** Rewrites one piece of html template text. */
export function squeezeHtml(text) {
  return text.replace(/>\s*\n\s*</g, '><').replace(/\s*\n\s*/g, ' ');
}

/**
 * The source with every css`` and html`` template's text squeezed. Text
 * pieces are cut at their exact source ranges, back to front so earlier
 * offsets stay valid.
 */
export function minifyTemplates(code, fileName = 'module.js') {
  if (!/\b(css|html)\s*`/.test(code)) return code;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'css' || node.tag.text === 'html')) {
      const squeeze = node.tag.text === 'css' ? squeezeCss : squeezeHtml;
      const template = node.template;
      const pieces = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      for (const piece of pieces) {
        const start = piece.getStart(source);
        const end = piece.getEnd();
        // The piece's source includes its delimiters: ` or } before, ` or ${ after.
        const open = 1;
        const close = code.slice(end - 2, end) === '${' ? 2 : 1;
        const text = code.slice(start + open, end - close);
        const squeezed = squeeze(text);
        if (squeezed !== text) edits.push({ start: start + open, end: end - close, text: squeezed });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** As a Vite/Rollup plugin for the library's own modules in dist/. */
export function minifyTemplatesPlugin({ include = /[\\/]dist[\\/](?!anp-components).*\.js$/ } = {}) {
  return {
    name: 'anp-minify-templates',
    transform(code, id) {
      if (!include.test(id)) return null;
      return { code: minifyTemplates(code, id), map: null };
    },
  };
}

/** As an esbuild plugin: the library's modules in dist/ are loaded squeezed (bench, size entries). */
export function minifyTemplatesEsbuildPlugin() {
  return {
    name: 'anp-minify-templates',
    setup(builder) {
      builder.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, async (args) => {
        const { readFile } = await import('node:fs/promises');
        return { contents: minifyTemplates(await readFile(args.path, 'utf8'), args.path), loader: 'js' };
      });
    },
  };
}

/**
 * `node scripts/minify-templates.mjs dist`, run by `npm run build` right
 * after tsc: the library's modules in dist/ squeezed in place. Server
 * rendering (src/ssr) renders from these modules, and hydration finds each
 * template by a digest of its text, so the npm modules, the classic script
 * and the CDN module (built from them) must all hold the same text.
 */
export function minifyTemplatesIn(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js') || entry.name.startsWith('anp-components')) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    const code = readFileSync(file, 'utf8');
    const squeezed = minifyTemplates(code, file);
    if (squeezed !== code) writeFileSync(file, squeezed);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) minifyTemplatesIn(process.argv[2] ?? 'dist');
