#!/usr/bin/env node
// The demo server behind `npm start`: the kit's static server (scripts/kit/serve.mjs).
//
//   /                  demo/index.html
//   /demo/*, /dist/*   files from those folders
//   /test/fixtures/*   JSON fixtures
//
// PORT (default 8000; the next few are tried when it is busy) and HOST
// (default 127.0.0.1) come from the environment.
import { serveDemo } from './kit/serve.mjs';

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT) || 8000;

try {
  const { origin } = await serveDemo({ host, port, tries: 10 });
  console.log(`anp demo: ${origin}/  (Ctrl+C to stop)`);
} catch (error) {
  console.error(`anp demo: cannot listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
}
