/**
 * Sizes as a static host sends them: text compressed with gzip at level 9 and with brotli at quality 11
 * (what a host that pre-compresses its files serves), files that are already compressed (woff2, png,
 * pdf) as they are, since hosts do not compress those again.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

const TEXT_TYPES = /^(text\/|application\/(javascript|json|xml|manifest\+json)|image\/svg\+xml)/;

/** Whether a static host would compress a response of this Content-Type. */
export function isCompressible(contentType: string): boolean {
  return TEXT_TYPES.test(contentType.trim().toLowerCase());
}

export function gzipSize(body: Buffer): number {
  return gzipSync(body, { level: 9 }).length;
}

export function brotliSize(body: Buffer): number {
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  }).length;
}

/** Raw, gzip -9 and brotli sizes of one response body; uncompressible types keep their raw size. */
export function sizesOf(body: Buffer, contentType: string): Sizes {
  if (!isCompressible(contentType)) return { raw: body.length, gzip: body.length, brotli: body.length };
  return { raw: body.length, gzip: gzipSize(body), brotli: brotliSize(body) };
}

export function addSizes(items: readonly Sizes[]): Sizes {
  return items.reduce((sum, item) => ({ raw: sum.raw + item.raw, gzip: sum.gzip + item.gzip, brotli: sum.brotli + item.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
}
