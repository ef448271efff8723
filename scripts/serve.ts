/**
 * Serves a built site folder over HTTP on localhost, as a static host would: folders answer with their
 * index.html, a folder path without its slash is redirected, and unknown paths get 404.
 * Used by `npm start`, the end-to-end tests, the PDF step and the benchmark.
 *
 *   node scripts/serve.ts [folder=dist] [port=4321]
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

/** Starts a static server for `root` on `port` (0 picks a free one) and resolves once it listens. */
export function serveFolder(root: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const base = resolve(root);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = normalize(decodeURIComponent(url.pathname));
    let file = join(base, path);
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) {
      const notFound = join(base, '404.html');
      response.writeHead(404, { 'Content-Type': TYPES['.html'] ?? 'text/html' });
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end('Not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => server.listen(port, host, () => done(server)));
}

if (import.meta.main) {
  const [folder = process.env.OUT_DIR ?? 'dist', port = process.env.PORT ?? '4321'] = process.argv.slice(2);
  if (!existsSync(folder)) {
    console.error(`Nothing to serve: ${folder} does not exist. Run npm run build first.`);
    process.exit(1);
  }
  const server = await serveFolder(folder, Number(port));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`The report is served at http://127.0.0.1:${actualPort}/  (Hindi: /hi/  English: /en/)  Ctrl+C stops.`);
}
