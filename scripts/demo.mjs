#!/usr/bin/env node
// The demo server behind `npm start`: a tiny static file server, no dependencies.
//
//   /                  demo/index.html
//   /demo/*, /dist/*   files from those folders
//   /test/fixtures/*   JSON fixtures
//
// PORT (default 8000; the next few are tried when it is busy) and HOST
// (default 127.0.0.1) come from the environment.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const host = process.env.HOST || '127.0.0.1';
const firstPort = Number(process.env.PORT) || 8000;
const PORT_TRIES = 10;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

// URL prefix → folder it may read from, and which extensions it serves.
const MOUNTS = [
  { prefix: '/demo/', dir: resolve(root, 'demo') },
  { prefix: '/dist/', dir: resolve(root, 'dist') },
  { prefix: '/test/fixtures/', dir: resolve(root, 'test/fixtures'), only: ['.json'] },
];

/** The file a request path maps to, or undefined when it is not served. */
function fileFor(pathname) {
  if (pathname === '/' || pathname === '/index.html') return resolve(root, 'demo/index.html');
  for (const { prefix, dir, only } of MOUNTS) {
    if (!pathname.startsWith(prefix)) continue;
    const file = resolve(join(dir, pathname.slice(prefix.length)));
    if (!file.startsWith(dir + sep)) return undefined; // path traversal
    if (only && !only.includes(extname(file))) return undefined;
    return file;
  }
  return undefined;
}

function send(res, status, message) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message + '\n');
}

const server = createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'Bad request');
  }
  if (pathname.includes('\0')) return send(res, 400, 'Bad request');
  let file = fileFor(pathname);
  try {
    if (file && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file || !statSync(file).isFile()) throw new Error('not a file');
  } catch {
    return send(res, 404, `Not found: ${pathname}`);
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
});

// Try PORT, then the next few ports while they are taken.
let port = firstPort;
server.on('error', (error) => {
  if (error.code === 'EADDRINUSE' && port < firstPort + PORT_TRIES - 1) return server.listen(++port, host);
  console.error(`anp demo: cannot listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
});
server.once('listening', () => {
  const shown = host.includes(':') ? `[${host}]` : host;
  console.log(`anp demo: http://${shown}:${port}/  (Ctrl+C to stop)`);
});
server.listen(port, host);
