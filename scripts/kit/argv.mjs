// A script's command line: `--name` switches and `--name value` options.
export const argv = process.argv.slice(2);

/** Whether `--name` was given. */
export const flag = (name) => argv.includes(name);

/** The value after `--name`, or undefined. */
export function option(name) {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}
