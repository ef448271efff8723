import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { BuildStopped, buildReport } from '../../../scripts/build.ts';

/** A data folder with one file swapped for a broken fixture, and a dist/ holding a previous build. */
function setUp(brokenFixture?: string) {
  const work = mkdtempSync(join(tmpdir(), 'failed-build-'));
  const dataDir = join(work, 'data');
  const outDir = join(work, 'dist');
  cpSync('content/data', dataDir, { recursive: true });
  if (brokenFixture) cpSync(`tests/fixtures/data/${brokenFixture}/consultations-by-state.csv`, join(dataDir, 'consultations-by-state.csv'));
  mkdirSync(outDir);
  writeFileSync(join(outDir, 'index.html'), 'the previous build');
  return { dataDir, outDir };
}

function expectUntouched(outDir: string) {
  expect(readdirSync(outDir)).toEqual(['index.html']);
  expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('the previous build');
}

test('bad data stops the build with the rule lines, no stack trace, before anything is built, and the previous dist/ untouched', async () => {
  const { dataDir, outDir } = setUp('split-mismatch');
  const built: string[] = [];
  const stopped = await buildReport({ outDir, dataDir, buildSite: (dir) => void built.push(dir), afterBuild: async () => {} }).catch((error: unknown) => error);

  expect(stopped).toBeInstanceOf(BuildStopped);
  const message = (stopped as Error).message;
  expect(message).toContain(`Build stopped. ${resolve(outDir)} is unchanged.`);
  expect(message).toContain(
    `${dataDir}/consultations-by-state.csv:3: column "total": hwc + opd must equal total (found "442417 + 5460 = 447877, total 447878")`,
  );
  expect(message).not.toMatch(/^\s+at /m);
  expect(built).toEqual([]);
  expectUntouched(outDir);
});

test('a step that fails after the site was written leaves the previous dist/ untouched and no half-built folder', async () => {
  const { dataDir, outDir } = setUp();
  let staging = '';
  const stopped = await buildReport({
    outDir,
    dataDir,
    buildSite: (dir) => {
      staging = dir;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'index.html'), 'half a build');
    },
    afterBuild: async () => {
      throw new Error('Chromium did not start');
    },
  }).catch((error: unknown) => error);

  expect(stopped).toBeInstanceOf(BuildStopped);
  expect((stopped as Error).message).toContain('Chromium did not start');
  expectUntouched(outDir);
  expect(staging).not.toBe('');
  expect(existsSync(staging)).toBe(false);
});

test('a build that succeeds replaces dist/ whole', async () => {
  const { dataDir, outDir } = setUp();
  await buildReport({
    outDir,
    dataDir,
    buildSite: (dir) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'index.html'), 'the new build');
    },
    afterBuild: async () => {},
  });
  expect(readdirSync(outDir)).toEqual(['index.html']);
  expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('the new build');
});
