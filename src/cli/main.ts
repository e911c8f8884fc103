import { readFileSync } from 'node:fs';
import { UsageError } from './args.js';
import type { Command } from './command.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './io.js';

/** The commands, loaded only when run (`anp related` never loads the server renderer). */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  validate: {
    summary: 'check article JSON files against the schema and the normalizer',
    load: async () => (await import('./validate.js')).validateCommand,
  },
  render: {
    summary: 'render an article to HTML (declarative shadow DOM) for a theme to include',
    load: async () => (await import('./render.js')).renderCommand,
  },
  related: {
    summary: 'compute similar posts for every article of a folder (optionally writing them back)',
    load: async () => (await import('./related.js')).relatedCommand,
  },
};

/** The package's version, from its package.json (dist/cli/ is two levels below it). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function overview(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(width)}  ${summary}`);
  return [
    'Usage: anp <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  -h, --help     this text; `anp <command> --help` for one command',
    '  -v, --version  the version of anp-components',
    '',
    'Exit codes: 0 done, 1 some input failed, 2 wrong command line, 3 other error, 130 interrupted.',
    'Docs: docs/cli.md in the anp-components package.',
    '',
  ].join('\n');
}

/**
 * Runs `anp` with `argv` (the arguments after `anp`) and resolves to the exit
 * code. Never throws: a wrong command line is exit 2 with a hint, anything
 * unexpected exit 3 with its message.
 */
export async function main(argv: readonly string[], io: Io, signal: AbortSignal = new AbortController().signal): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    if (topic !== undefined && Object.hasOwn(COMMANDS, topic)) return main([topic, '--help'], io, signal);
    io.out(overview());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '-v' || first === '--version') {
    io.out(`${version()}\n`);
    return EXIT.ok;
  }
  if (!Object.hasOwn(COMMANDS, first)) {
    io.err(`anp: unknown command '${first}'. Commands: ${Object.keys(COMMANDS).join(', ')}. See anp --help.\n`);
    return EXIT.usage;
  }
  let command: Command | undefined;
  try {
    command = await COMMANDS[first].load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
      return EXIT.ok;
    }
    return await command.run(rest, io, signal);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`anp ${first}: ${error.message}\nSee anp ${first} --help.\n`);
      return EXIT.usage;
    }
    if (signal.aborted) {
      io.err(`anp ${first}: interrupted\n`);
      return EXIT.interrupted;
    }
    io.err(`anp ${first}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.error;
  }
}
