import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { filesIn, SITE_DIR } from './support/site.ts';

// The second build is a plain `astro build` (what hosts' Astro presets run), the first `npm run build`: the
// report's steps run inside Astro (scripts/report-integration.ts), so both give the same site, byte for byte.
test('a second clean build, by plain astro build, gives a byte-identical site', () => {
  test.setTimeout(300_000);
  const second = resolve('.build', `reproducible-${process.pid}`);
  rmSync(second, { recursive: true, force: true });
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', second], { env: process.env, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  try {
    const first = filesIn(SITE_DIR);
    expect(filesIn(second)).toEqual(first);
    const differing = first.filter((file) => !readFileSync(join(SITE_DIR, file)).equals(readFileSync(join(second, file))));
    expect(differing).toEqual([]);
  } finally {
    rmSync(second, { recursive: true, force: true });
  }
});
