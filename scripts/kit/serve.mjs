// The one static file server of scripts/ and bench/: 127.0.0.1 (or a host you
// name), a free port (or the first free one from a port you name), one MIME
// table, and no way out of the folders it mounts by the URL (`..` and encoded
// `%2e%2e` resolve inside the mount or answer 404; a NUL byte answers 400). Files are read whole and answered
// synchronously, so a request the browser aborts leaves no half-written
// response behind.
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

export const MIME = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
});

/** The content type of a file name (by extension). */
export const mimeType = (file) => MIME[extname(file)] ?? 'application/octet-stream';

/**
 * The file a URL path maps to under `mounts` (URL prefix → folder, optionally
 * only some extensions), a folder's index.html, or undefined when not served.
 */
export function fileFor(pathname, mounts) {
  for (const { prefix, dir, only } of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    const base = resolve(dir);
    let file = resolve(join(base, pathname.slice(prefix.length)));
    if (file !== base && !file.startsWith(base + sep)) return undefined; // path traversal
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!statSync(file).isFile()) return undefined;
    } catch {
      return undefined;
    }
    if (only && !only.includes(extname(file))) return undefined;
    return file;
  }
  return undefined;
}

/**
 * Starts a server. Options:
 *   mounts   [{ prefix: '/dist/', dir, only?: ['.json'] }]: the first prefix that matches serves
 *   dir      shorthand for mounts [{ prefix: '/', dir }]
 *   index    the file '/' and '/index.html' answer with (else the '/' mount's index.html)
 *   routes   (url, request) => ({ type, body, status? }) | undefined: generated answers, asked first
 *   headers  extra headers on every answer (e.g. { 'cache-control': 'no-store' })
 *   cache    read each file once (for servers answering thousands of requests)
 *   host     default 127.0.0.1; port: default 0 (a free one); tries: ports to try upwards from `port`
 * Resolves to { server, origin, port, close() }.
 */
export async function serveStatic({
  mounts,
  dir,
  index,
  routes,
  headers = {},
  cache = false,
  host = '127.0.0.1',
  port = 0,
  tries = 1,
} = {}) {
  const table = mounts ?? [{ prefix: '/', dir }];
  const files = new Map();
  const read = (file) => {
    if (!cache) return readFileSync(file);
    if (!files.has(file)) files.set(file, readFileSync(file));
    return files.get(file);
  };
  const answer = (response, status, type, body, head) => {
    response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...headers });
    response.end(head ? undefined : body);
  };
  const server = createServer((request, response) => {
    const head = request.method === 'HEAD';
    if (request.method !== 'GET' && !head) return answer(response, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    let url;
    let pathname;
    try {
      url = new URL(request.url, 'http://127.0.0.1');
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return answer(response, 400, 'text/plain; charset=utf-8', 'bad request\n');
    }
    if (pathname.includes('\0')) return answer(response, 400, 'text/plain; charset=utf-8', 'bad request\n');
    const routed = routes?.(url, request);
    if (routed) return answer(response, routed.status ?? 200, routed.type, routed.body ?? '', head);
    const file = index && (pathname === '/' || pathname === '/index.html') ? index : fileFor(pathname, table);
    if (!file) return answer(response, 404, 'text/plain; charset=utf-8', `not found: ${pathname}\n`, head);
    let body;
    try {
      body = read(file);
    } catch {
      return answer(response, 404, 'text/plain; charset=utf-8', `not found: ${pathname}\n`, head);
    }
    answer(response, 200, mimeType(file), body, head);
  });
  const bound = await new Promise((done, fail) => {
    let at = port;
    server.on('error', (error) => {
      if (error.code === 'EADDRINUSE' && port && at < port + tries - 1) return server.listen(++at, host);
      fail(error);
    });
    server.once('listening', () => done(server.address().port));
    server.listen(at, host);
  });
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    port: bound,
    origin: `http://${shown}:${bound}`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections(); // keep-alive sockets of a browser that is gone
      }),
  };
}

const root = resolve(import.meta.dirname, '../..');

/**
 * The demo site (`npm start`, and the pages the checks load): / is
 * demo/index.html, /demo/* and /dist/* their folders, /test/fixtures/* the
 * JSON fixtures. `mounts` put more test folders first (prefix → that folder
 * of the repository, e.g. ['/test/theme/']).
 */
export function serveDemo({ mounts = [], ...options } = {}) {
  return serveStatic({
    ...options,
    index: resolve(root, 'demo/index.html'),
    mounts: [
      ...mounts.map((prefix) => ({ prefix, dir: resolve(root, '.' + prefix) })),
      { prefix: '/demo/', dir: resolve(root, 'demo') },
      { prefix: '/dist/', dir: resolve(root, 'dist') },
      { prefix: '/test/fixtures/', dir: resolve(root, 'test/fixtures'), only: ['.json'] },
    ],
  });
}
