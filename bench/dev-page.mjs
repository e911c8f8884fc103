// Shared by the exploratory scripts bench/profile.mjs and bench/css-experiment.mjs:
// the page a variant bundle runs in, and a static server for a folder on 127.0.0.1.
import { createServer } from 'node:http';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

/** Writes `<name>.html` in `dir`: the benchmark page loading `./<name>.js`. */
export function writeBenchPage(dir, name) {
  writeFileSync(
    join(dir, `${name}.html`),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><style>body{margin:0;font:16px/1.4 system-ui,sans-serif}#root{max-width:60rem;padding:1rem}</style><script type="module" src="./${name}.js"></script></head><body><main id="root"></main></body></html>`,
  );
}

/** Serves `dir` on 127.0.0.1 (a free port); resolves to the server and its origin. */
export function serveDir(dir) {
  const server = createServer((request, response) => {
    const file = resolve(dir, '.' + new URL(request.url, 'http://x').pathname);
    if (!file.startsWith(dir) || !existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': extname(file) === '.html' ? 'text/html' : 'text/javascript' }).end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}
