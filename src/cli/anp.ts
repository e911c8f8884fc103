#!/usr/bin/env node
// The `anp` command (package.json "bin"): see docs/cli.md, or run `anp --help`.
import { EXIT } from './exit-codes.js';
import { processIo } from './io.js';
import { main } from './main.js';

const controller = new AbortController();
let stops = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // The first stop lets the command clean up (no partial files); a second one ends at once.
    if (++stops > 1) process.exit(EXIT.interrupted);
    controller.abort();
  });
}
process.exitCode = await main(process.argv.slice(2), processIo(), controller.signal);
