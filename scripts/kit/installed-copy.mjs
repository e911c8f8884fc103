// The example apps (scripts/examples.mjs) and the docs check
// (scripts/docs-snippets.mjs) import `anp-components` from a node_modules, as
// a user does: this puts the current build there, what `npm pack` would ship.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** Replaces `<nodeModules>/anp-components` with package.json, README.md and dist/ of this checkout. */
export function installBuildInto(nodeModules) {
  const target = join(nodeModules, 'anp-components');
  rmSync(join(target, 'dist'), { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(join(root, 'dist'), join(target, 'dist'), { recursive: true });
  for (const file of ['package.json', 'README.md']) cpSync(join(root, file), join(target, file));
}
