import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { reportBuild, type ReportBuildOptions } from '../../../scripts/report-integration.ts';

/**
 * The integration's hooks called as Astro calls them, in process: config setup (which moves the build into
 * a staging folder), Astro writing the site there, then build done (the steps, then the swap).
 */
async function build(options: ReportBuildOptions & { write?: (dir: string) => void }) {
  const work = mkdtempSync(join(tmpdir(), 'report-integration-'));
  const outDir = join(work, 'dist');
  mkdirSync(outDir);
  writeFileSync(join(outDir, 'index.html'), 'the previous build');
  const integration = reportBuild({ stagingRoot: join(work, '.build'), ...options });
  let configured = outDir;
  const setup = integration.hooks['astro:config:setup'] as unknown as (params: object) => Promise<void>;
  const done = integration.hooks['astro:build:done'] as unknown as (params: object) => Promise<void>;
  const result = await (async () => {
    await setup({ command: 'build', config: { outDir: pathToFileURL(`${outDir}/`) }, updateConfig: (config: { outDir: string }) => (configured = new URL(config.outDir).pathname) });
    const staging = configured.replace(/\/$/, '');
    mkdirSync(staging, { recursive: true });
    (options.write ?? ((dir) => writeFileSync(join(dir, 'index.html'), 'the new build')))(staging);
    await done({ dir: pathToFileURL(`${staging}/`) });
    return { staging };
  })().catch((error: unknown) => ({ error, staging: configured.replace(/\/$/, '') }));
  return { outDir, work, configured, ...result };
}

test('Astro builds into a staging folder, and the finished site replaces dist/ whole only after the steps', async () => {
  const stepped: string[] = [];
  const { outDir, configured } = await build({ before: () => {}, steps: async (dir) => void stepped.push(readFileSync(join(dir, 'index.html'), 'utf8')) });
  expect(configured).not.toBe(outDir);
  expect(stepped).toEqual(['the new build']);
  expect(readdirSync(outDir)).toEqual(['index.html']);
  expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('the new build');
});

test('a check that fails before the build stops it with its message, and dist/ is untouched', async () => {
  const result = await build({
    before: () => {
      throw new Error('This build is for publishing, but SITE_URL is not set.');
    },
    steps: async () => {},
  });
  expect('error' in result && (result.error as Error).message).toBe('This build is for publishing, but SITE_URL is not set.');
  expect(readFileSync(join(result.outDir, 'index.html'), 'utf8')).toBe('the previous build');
});

test('a step that fails after the site was written leaves the previous dist/ and no staging folder', async () => {
  const result = await build({
    before: () => {},
    steps: async () => {
      throw new Error('Chromium did not start');
    },
  });
  expect('error' in result && (result.error as Error).message).toBe('Chromium did not start');
  expect(readdirSync(result.outDir)).toEqual(['index.html']);
  expect(readFileSync(join(result.outDir, 'index.html'), 'utf8')).toBe('the previous build');
  expect(existsSync(result.staging)).toBe(false);
});
