/**
 * The benchmark's own build: `node scripts/build.ts` (site, charts, embeds, PDFs, exactly as
 * `npm run build:publish` at `siteUrl`) into a folder of its own, timed from start to finish. The build's output is kept
 * in a log beside it and shown only when the build fails.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';

export interface BuildResult {
  ok: boolean;
  exitCode: number | null;
  seconds: number;
  cores: number;
  outDir: string;
  log: string;
  /** The build's own line about the PDFs, e.g. 'PDFs in 5 s:', when it printed one. */
  pdfLine?: string;
  /** The build's line for each PDF: its size finished by pdf-lib and as Chromium printed it, pages, time. */
  pdfFiles: string[];
}

export async function buildSite(workDir: string, siteUrl: string): Promise<BuildResult> {
  const outDir = join(workDir, 'site');
  const log = join(workDir, 'build.log');
  const file = createWriteStream(log);
  let text = '';
  const started = performance.now();
  const child = spawn(process.execPath, [resolve('scripts/build.ts')], {
    env: { ...process.env, OUT_DIR: outDir, SITE_URL: siteUrl, PUBLISH: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk: Buffer) => {
      file.write(chunk);
      text += chunk.toString();
    });
  }
  const exitCode = await new Promise<number | null>((done) => child.on('close', done));
  const seconds = (performance.now() - started) / 1000;
  await new Promise<void>((done) => file.end(() => done()));
  const pdfLine = text.split('\n').find((line) => /^PDFs (in|SKIPPED)/.test(line.trim()))?.trim();
  const pdfFiles = text.split('\n').filter((line) => /^\s+\/\w+\/[^:]+\.pdf: .*as Chromium printed it/.test(line)).map((line) => line.trim());
  return { ok: exitCode === 0, exitCode, seconds, cores: availableParallelism(), outDir, log, pdfFiles, ...(pdfLine ? { pdfLine } : {}) };
}
