/**
 * A static host for the benchmark: scripts/serve.ts's serveFolder() serves the files, and a thin front
 * compresses text the way a static host does (brotli when the browser asks for it, else gzip -9), so
 * throttled loads and Lighthouse see compressed transfers, not raw files. Chromium asks for brotli
 * only over HTTPS, so on this http://127.0.0.1 origin it gets gzip: the conservative case.
 *
 * The front listens first (its address goes into the build as SITE_URL, so canonical and alternate
 * links point at the origin under test); the folder is attached once the build has made it.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { serveFolder } from '../serve.ts';
import { isCompressible } from './compress.ts';

export interface StaticHost {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  /** Starts serving `root` at the origin. */
  serve(root: string): Promise<void>;
  close(): Promise<void>;
}

const close = (server: Server) => new Promise<void>((done) => server.close(() => done()));

export async function startStaticHost(): Promise<StaticHost> {
  let upstream: Server | undefined;
  let upstreamPort = 0;
  // The files do not change while the benchmark runs: compress each once, so compression time is not in the timings.
  const cache = new Map<string, Buffer>();

  const front = createServer((req, res) => {
    if (!upstream) {
      res.writeHead(503).end('Not ready');
      return;
    }
    const forward = httpRequest({ host: '127.0.0.1', port: upstreamPort, path: req.url, method: req.method, headers: { host: req.headers.host ?? '' } }, (up) => {
      const chunks: Buffer[] = [];
      up.on('data', (chunk: Buffer) => chunks.push(chunk));
      up.on('end', () => {
        const body = Buffer.concat(chunks);
        const headers: Record<string, string | number> = {};
        for (const [name, value] of Object.entries(up.headers)) if (typeof value === 'string') headers[name] = value;
        const accepts = String(req.headers['accept-encoding'] ?? '');
        const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : undefined;
        let out: Buffer = body;
        if (encoding && body.length > 0 && isCompressible(String(up.headers['content-type'] ?? ''))) {
          const key = `${encoding}:${up.statusCode}:${req.url}`;
          let packed = cache.get(key);
          if (!packed) {
            packed =
              encoding === 'br'
                ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } })
                : gzipSync(body, { level: 9 });
            cache.set(key, packed);
          }
          out = packed;
          headers['content-encoding'] = encoding;
          headers['vary'] = 'Accept-Encoding';
        }
        headers['content-length'] = out.length;
        res.writeHead(up.statusCode ?? 502, headers).end(req.method === 'HEAD' ? undefined : out);
      });
    });
    forward.on('error', (error) => res.writeHead(502).end(String(error)));
    forward.end();
  });
  await new Promise<void>((done) => front.listen(0, '127.0.0.1', () => done()));
  const port = (front.address() as AddressInfo).port;

  return {
    origin: `http://127.0.0.1:${port}`,
    async serve(root) {
      if (upstream) await close(upstream);
      cache.clear();
      upstream = await serveFolder(root, 0);
      upstreamPort = (upstream.address() as AddressInfo).port;
    },
    async close() {
      front.closeAllConnections();
      await close(front);
      if (upstream) {
        upstream.closeAllConnections();
        await close(upstream);
      }
    },
  };
}
