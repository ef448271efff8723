import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

test('bad data stops the build with the rule lines, no stack trace, and the previous dist/ untouched', () => {
  const work = mkdtempSync(join(tmpdir(), 'failed-build-'));
  const data = join(work, 'data');
  const out = join(work, 'dist');
  cpSync('content/data', data, { recursive: true });
  cpSync('tests/fixtures/data/split-mismatch/consultations-by-state.csv', join(data, 'consultations-by-state.csv'));
  mkdirSync(out);
  writeFileSync(join(out, 'index.html'), 'the previous build');

  const run = spawnSync(process.execPath, ['scripts/build.ts'], {
    env: { ...process.env, DATA_DIR: data, OUT_DIR: out },
    encoding: 'utf8',
  });

  expect(run.status).toBe(1);
  expect(run.stderr).toContain(
    `${data}/consultations-by-state.csv:3: column "total": hwc + opd must equal total (found "442417 + 5460 = 447877, total 447878")`,
  );
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(readdirSync(out)).toEqual(['index.html']);
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the previous build');
});
