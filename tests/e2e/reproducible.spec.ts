import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { filesIn, SITE_DIR } from './support/site.ts';

test('a second clean build gives a byte-identical site', () => {
  test.setTimeout(300_000);
  const second = resolve('.build', `reproducible-${process.pid}`);
  rmSync(second, { recursive: true, force: true });
  const build = spawnSync(process.execPath, ['scripts/build.ts'], { env: { ...process.env, OUT_DIR: second }, encoding: 'utf8' });
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
