// ESLint flat config. `npm run lint` runs this, then `prettier --check .`;
// formatting is Prettier's job alone, so no stylistic rules here.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

// The one file allowed to reach raw HTML: it makes SanitizedHtml, from what
// DOMPurify left (DOMPurify itself is imported by PURIFIER only, which loads
// lazily: see src/core/sanitize.ts).
const SANITIZER = 'src/core/sanitize.ts';
const PURIFIER = 'src/core/purifier.ts';
// The one file that feeds unsafeHTML, with SanitizedHtml from the sanitizer only
// (kept out of core so that core/* imports no Lit).
const RICH_CONTENT = 'src/internal/rich-content.ts';
// On a server only (anp-components/ssr): the one file that turns the nodes our
// DOM builders made (src/internal/static-dom.ts) into markup, through unsafeHTML.
const BUILT_MARKUP = 'src/ssr/built-markup.ts';

const TYPED = ['src/**/*.ts', 'stories/**/*.ts', '.storybook/**/*.ts'];

const HTML_SINK_MESSAGE = `Raw HTML goes through ${SANITIZER} (sanitizeRich) and ${RICH_CONTENT} (richContent) only; no template strings are made at run time (lists and rows are DOM, built by src/internal/static-dom.ts).`;

// Static imports of DOMPurify or Lit's unsafe-* directives, from anywhere but the sanitizer.
const restrictedImports = [
  'error',
  {
    patterns: [
      {
        regex: '^dompurify(/.*)?$',
        message: `DOMPurify is imported by ${PURIFIER} only (loaded by ${SANITIZER}); use sanitizeRich() from there.`,
      },
      {
        regex: '^lit(-html)?/static(-html)?(\\.js)?$',
        message: `Lit's static templates (unsafeStatic) make markup from strings: lists and rows are built as DOM through src/internal/static-dom.ts.`,
      },
      {
        regex: '^lit(-html)?/directives/unsafe-(html|svg|mathml)(\\.js)?$',
        message: `unsafeHTML/unsafeSVG are fed by ${RICH_CONTENT} only; render sanitized fields with richContent().`,
      },
    ],
  },
];

// DOM sinks that parse a string as markup. Selectors match both `el.innerHTML = …`
// and `el['innerHTML'] = …`, compound assignment included.
const htmlSinks = [
  'error',
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
    message: `No innerHTML/outerHTML assignment. ${HTML_SINK_MESSAGE}`,
  },
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.value=/^(innerHTML|outerHTML)$/]',
    message: `No innerHTML/outerHTML assignment. ${HTML_SINK_MESSAGE}`,
  },
  {
    selector: 'CallExpression > MemberExpression.callee[property.name=/^(insertAdjacentHTML|setHTMLUnsafe|createContextualFragment)$/]',
    message: `No insertAdjacentHTML/setHTMLUnsafe/createContextualFragment. ${HTML_SINK_MESSAGE}`,
  },
  {
    selector: 'CallExpression > MemberExpression.callee[object.name="document"][property.name=/^(write|writeln)$/]',
    message: `No document.write. ${HTML_SINK_MESSAGE}`,
  },
  {
    // `html(strings, ...values)` with a strings array not written in the source: markup made from data would be parsed.
    selector: 'CallExpression[callee.name=/^(html|svg|mathml|staticHtml|unsafeStatic)$/]',
    message: `No call of Lit's template tags as functions. ${HTML_SINK_MESSAGE}`,
  },
  {
    selector: 'CallExpression > MemberExpression.callee[property.name=/^(html|svg|mathml)$/]',
    message: `No call of Lit's template tags as functions. ${HTML_SINK_MESSAGE}`,
  },
  {
    selector:
      'ImportExpression[source.value=/^(dompurify(\\u002F.*)?|lit(-html)?\\u002Fdirectives\\u002Funsafe-(html|svg|mathml)(\\.js)?)$/]',
    message: `No dynamic import of DOMPurify or unsafe-* directives. ${HTML_SINK_MESSAGE}`,
  },
];

export default defineConfig(
  {
    ignores: [
      'dist/',
      'storybook-static/',
      'node_modules/',
      'test-results/',
      'coverage/',
      'bench/results/',
      'bench/.build/',
      '**/*.d.ts',
      // The example apps' build output and Angular's cache (examples/*/dist, examples/angular/.angular).
      'examples/**/dist/',
      // scripts/docs-snippets.mjs writes the docs' code blocks here while it checks them.
      'examples/.docs-snippets/',
      'examples/**/.angular/',
    ],
  },

  js.configs.recommended,
  ...tseslint.configs.recommended,

  // Type-aware rules (floating promises, unsafe any, needless assertions) for the library,
  // its stories and Storybook config. Tests get the syntactic set only: @open-wc's chai
  // plugins make every `expect(...)` chain thenable, so no-floating-promises would flag each one.
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: TYPED })),
  {
    files: TYPED,
    languageOptions: {
      parserOptions: {
        // tsconfig.json's include skips the dot-folder, so .storybook gets a default project.
        projectService: { allowDefaultProject: ['.storybook/*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-restricted-imports': restrictedImports,
      // tsconfig has noUnusedLocals/Parameters; keep the lint rule but allow `_`-prefixed opt-outs.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },

  // Browser code: the library, its tests, stories and Storybook preview.
  {
    files: ['src/**/*.ts', 'test/**/*.{ts,js}', 'stories/**/*.ts', '.storybook/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },

  // The example apps (examples/): browser code, and their tool configs run by Node.
  {
    files: ['examples/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['examples/**/*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },

  // Node code: build/test scripts and tool configs.
  {
    files: ['scripts/**/*.{js,mjs}', 'test/node/**/*.mjs', '*.config.{js,mjs,ts}', '.storybook/main.ts'],
    languageOptions: { globals: { ...globals.node } },
  },

  // Benchmarks (issue 6): bench/*.mjs runs in Node; the harness and adapters are bundled for the browser.
  {
    files: ['bench/harness.js', 'bench/dompurify-counted.js', 'bench/variants/adapter-*.js', 'bench/variants/elements.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['bench/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  // The benchmark's counting stand-in for DOMPurify wraps the real one.
  {
    files: ['bench/dompurify-counted.js'],
    rules: { 'no-restricted-imports': 'off' },
  },

  // The library itself: Lit templates, their accessibility, custom-element rules, no raw HTML sinks.
  {
    ...lit.configs['flat/recommended'],
    files: ['src/**/*.ts'],
  },
  {
    ...litA11y.configs.recommended,
    files: ['src/**/*.ts'],
  },
  {
    ...wc.configs['flat/best-practice'],
    files: ['src/**/*.ts'],
  },
  {
    files: ['src/**/*.ts'],
    settings: {
      // Elements extend AnpElement, not LitElement directly; without this the wc rules skip them.
      wc: { elementBaseClasses: ['LitElement', 'AnpElement'] },
    },
    rules: {
      // LitElement (and so AnpElement) always defines the lifecycle callbacks:
      // `super.connectedCallback()` needs no existence guard.
      'wc/guard-super-call': 'off',
      'no-restricted-syntax': htmlSinks,
    },
  },

  // richContent, and on a server the built rows' markup, may import unsafeHTML (and nothing else the rules above forbid).
  {
    files: [RICH_CONTENT, BUILT_MARKUP],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: restrictedImports[1].patterns.filter((pattern) => !pattern.regex.includes('directives/unsafe')) },
      ],
    },
  },

  // The sanitizer (its door and its lazily loaded part) is the single exception to the raw-HTML rules above.
  {
    files: [SANITIZER, PURIFIER],
    rules: {
      'no-restricted-imports': 'off',
      'no-restricted-syntax': 'off',
    },
  },

  // Tests poke at internals and assert presence with `!`.
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Chai property assertions: `expect(x).to.exist`, `.to.be.true`.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
);
