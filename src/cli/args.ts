/**
 * A small argv reader for the `anp` commands: `--flag`, `--name value`,
 * `--name=value`, `-h`, and positionals (everything after `--` too).
 * Unknown options are errors, so a typo never passes silently.
 */
export interface OptionSpec {
  /** Takes a value (`--out page.html`) rather than being a switch. */
  value?: boolean;
  /** One-letter alias (`h` for `-h`). */
  short?: string;
}

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | true>;
}

/** Thrown for a command line that cannot be read; `anp` prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, OptionSpec>>): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  const byShort = new Map(Object.entries(spec).flatMap(([name, option]) => (option.short ? [[option.short, name]] : [])));
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const written = equals === -1 ? arg : arg.slice(0, equals);
    const name = written.startsWith('--') ? written.slice(2) : byShort.get(written.slice(1));
    const option = name === undefined ? undefined : spec[name];
    if (name === undefined || option === undefined) throw new UsageError(`unknown option ${written}`);
    if (!option.value) {
      if (equals !== -1) throw new UsageError(`${written} takes no value`);
      options.set(name, true);
      continue;
    }
    const value = equals !== -1 ? arg.slice(equals + 1) : argv[++index];
    if (value === undefined || value === '') throw new UsageError(`${written} needs a value`);
    options.set(name, value);
  }
  return { positionals, options };
}

/** A value option as a whole number at least `min`, or `fallback` when absent. */
export function intOption(args: ParsedArgs, name: string, fallback: number, min = 1): number {
  const raw = args.options.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw === true || !Number.isInteger(value) || value < min) throw new UsageError(`--${name} expects a whole number of at least ${min}`);
  return value;
}
