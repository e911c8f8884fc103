import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs, UsageError } from './args.js';
import type { Command } from './command.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './io.js';
import { writeAtomically } from './write-atomically.js';

/** Must match SSR_ELEMENTS of src/ssr/index.ts (checked by test/node/cli-render.test.mjs); here so `--help` loads no renderer. */
const ELEMENTS = ['meta-box', 'score-bars', 'checklist', 'similar-posts'] as const;

const help = `Usage: anp render <article.json> [--out page.html] [--elements ${ELEMENTS.join(',')}] [--lang en]

Renders an article to server-side HTML for a PHP or static-site theme to
include: an <anp-article> holding the chosen elements, each with its shadow
root written out as declarative shadow DOM (visible without JavaScript) and
the article as a child <script type="application/json">. Rich text is
sanitized with DOMPurify on jsdom, as in the browser.

To hydrate it, load the elements after the fragment (no second fetch):
  <script defer src=".../anp-components.iife.js"></script>
or
  <script type="module" src=".../anp-components.js"></script>

Options:
  --out FILE         write the HTML to FILE, atomically (a temporary file in
                     the same directory, then renamed); default: stdout
  --elements LIST    comma list of ${ELEMENTS.join(', ')}
                     (default: all four, in this order)
  --lang TAG         language of numbers, dates and built-in words (default en)
  -h, --help         this text

Exit codes: 0 rendered; 1 the article has problems, printed as
file:pointer: message (nothing is written); 2 wrong command line; 3 a file
could not be read or written, or a server package is missing (the message
says what to npm install); 130 interrupted (no file is left behind).
`;

function elementList(raw: string | true | undefined): (typeof ELEMENTS)[number][] | undefined {
  if (raw === undefined || raw === true) return undefined;
  const names = raw.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!(ELEMENTS as readonly string[]).includes(name))
      throw new UsageError(`--elements: unknown element '${name}' (${ELEMENTS.join(', ')})`);
  }
  if (new Set(names).size !== names.length) throw new UsageError('--elements: an element is named twice');
  return names as (typeof ELEMENTS)[number][];
}

function interrupted(io: Io): number {
  io.err('anp render: interrupted; nothing written\n');
  return EXIT.interrupted;
}

export const renderCommand: Command = {
  name: 'render',
  summary: 'render an article to HTML (declarative shadow DOM) for a theme to include',
  help,
  async run(argv, io, signal) {
    const args = parseArgs(argv, { out: { value: true }, elements: { value: true }, lang: { value: true }, help: { short: 'h' } });
    if (args.positionals.length !== 1) throw new UsageError('expects one article file');
    const elements = elementList(args.options.get('elements'));
    const lang = args.options.get('lang');
    const out = args.options.get('out');
    const file = resolve(io.cwd, args.positionals[0]);
    const shown = relative(io.cwd, file) || file;

    let text: string;
    try {
      text = await readFile(file, { encoding: 'utf8', signal });
    } catch (error) {
      if (signal.aborted) return interrupted(io);
      io.err(`anp render: cannot read ${shown}: ${(error as Error).message}\n`);
      return EXIT.error;
    }

    // Loaded only now: the renderer and its server packages (which may be absent).
    const ssr = await import('../ssr/index.js');
    let rendered: Awaited<ReturnType<typeof ssr.renderArticle>>;
    try {
      rendered = await ssr.renderArticle(text, { elements, lang: typeof lang === 'string' ? lang : undefined });
    } catch (error) {
      if (!(error instanceof ssr.ServerPackagesMissingError)) throw error;
      io.err(`anp render: ${error.message}\n`);
      return EXIT.error;
    }
    if (signal.aborted) return interrupted(io);
    if (rendered.errors.length) {
      for (const problem of rendered.errors) io.err(`${shown}:${problem.path}: ${problem.message}\n`);
      io.err(`anp render: ${shown} has ${rendered.errors.length} problem(s); nothing written\n`);
      return EXIT.failed;
    }
    const html = `${rendered.html}\n`;
    if (typeof out !== 'string') {
      io.out(html);
      return EXIT.ok;
    }
    const target = resolve(io.cwd, out);
    try {
      await writeAtomically(target, html, signal);
    } catch (error) {
      if (signal.aborted) return interrupted(io);
      io.err(`anp render: cannot write ${out}: ${(error as Error).message}\n`);
      return EXIT.error;
    }
    return EXIT.ok;
  },
};
