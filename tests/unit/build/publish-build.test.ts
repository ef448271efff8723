import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { BuildStopped, buildReport } from '../../../scripts/build.ts';

/** A dist/ holding a previous build. */
function previousBuild() {
  const work = mkdtempSync(join(tmpdir(), 'publish-build-'));
  const outDir = join(work, 'dist');
  mkdirSync(outDir);
  writeFileSync(join(outDir, 'index.html'), 'the previous build');
  return outDir;
}

for (const [what, env] of [
  ['without SITE_URL', { PUBLISH: '1' }],
  ['with a local SITE_URL', { PUBLISH: '1', SITE_URL: 'http://127.0.0.1:4321' }],
] as const) {
  test(`a build for publishing ${what} stops with the message before anything is built, and dist/ stays`, async () => {
    const outDir = previousBuild();
    const built: string[] = [];
    const stopped = await buildReport({
      outDir,
      dataDir: 'content/data',
      env,
      buildSite: (dir) => void built.push(dir),
      afterBuild: async () => {},
    }).catch((error: unknown) => error);

    expect(stopped).toBeInstanceOf(BuildStopped);
    expect((stopped as Error).message).toContain('This build is for publishing, but SITE_URL is');
    expect((stopped as Error).message).toContain('npm run build:publish');
    expect((stopped as Error).message).not.toMatch(/^\s+at /m);
    expect(built).toEqual([]);
    expect(readdirSync(outDir)).toEqual(['index.html']);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('the previous build');
  });
}

test('a build for publishing with a public SITE_URL goes ahead', async () => {
  const outDir = previousBuild();
  await buildReport({
    outDir,
    dataDir: 'content/data',
    env: { PUBLISH: '1', SITE_URL: 'https://esanjeevani.example.org' },
    buildSite: (dir) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'index.html'), 'the published build');
    },
    afterBuild: async () => {},
  });
  expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('the published build');
});
