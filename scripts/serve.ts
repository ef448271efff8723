/**
 * Serves a built site folder over HTTP on localhost, as a static host would. Used by `npm start`, the
 * end-to-end tests, the PDF step and the benchmark.
 *
 *   node scripts/serve.ts [folder=dist] [port=4321]
 *
 * The files are served by sirv (what Vite's preview uses: content types, ETag and 304, Range). Around it,
 * what a static host adds: a folder's address without its slash is redirected to it (so the page's relative
 * links resolve), an unknown address gets the site's 404.html with status 404, and a request that cannot be
 * read (a malformed %-escape, a header that cannot be answered) gets 400. No request stops the server.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import sirv from 'sirv';

/**
 * Longer than any pause between a test's requests: a server that closes an idle keep-alive connection just
 * as a client sends a request on it resets that request (Node's default is 5 s).
 */
const KEEP_ALIVE_MS = 120_000;

/** The request handler for `root`; exported for the tests, which send it what browsers never would. */
export function staticHandler(root: string): (request: IncomingMessage, response: ServerResponse) => void {
  const base = resolve(root);
  // dev: read the folder on each request, since the build swaps dist/ in place while a server may run.
  const files = sirv(base, { dev: true, etag: true, extensions: ['html'], dotfiles: false });

  const notFound = (response: ServerResponse) => {
    const page = join(base, '404.html');
    response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
    if (existsSync(page)) createReadStream(page).pipe(response);
    else response.end('Not found');
  };

  return (request, response) => {
    try {
      const raw = request.url ?? '/';
      const queryAt = raw.indexOf('?');
      const pathname = queryAt === -1 ? raw : raw.slice(0, queryAt);
      const search = queryAt === -1 ? '' : raw.slice(queryAt);
      if (!pathname.startsWith('/')) return badRequest(response);
      let decoded: string;
      try {
        decoded = decodeURIComponent(pathname);
      } catch {
        return badRequest(response); // e.g. '/%E0%A4', a UTF-8 sequence cut short
      }
      const path = resolve(base, `.${decoded}`);
      if (path !== base && !path.startsWith(base + sep)) return notFound(response); // '/%2e%2e/', '/..%2f..%2fpackage.json'
      if (!pathname.endsWith('/') && isFolder(path)) {
        // One leading slash only: '//example.org' must not become a redirect to another site.
        response.writeHead(301, { Location: `/${pathname.replace(/^\/+/, '')}/${search}` }).end();
        return;
      }
      files(request, response, () => notFound(response));
    } catch {
      if (!response.headersSent) badRequest(response);
      else response.destroy();
    }
  };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function badRequest(response: ServerResponse): void {
  response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request');
}

/** Starts a static server for `root` on `port` (0 picks a free one) and resolves once it listens. */
export function serveFolder(root: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const server = createServer(staticHandler(root));
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done(server));
  });
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
