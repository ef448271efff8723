/**
 * Builds the whole report (site, charts, embeds, PDFs) into a fresh folder and only then swaps it in
 * for dist/, so a failed build leaves the previous dist/ exactly as it was.
 *
 *   npm run build                 -> dist/
 *   OUT_DIR=dist-x npm run build  -> dist-x/ (e.g. for a second build to compare)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATA_DIR } from '../src/data/files.ts';
import { loadDataset } from '../src/data/load.ts';
import { DataError } from '../src/data/problems.ts';
import { postBuildSteps } from './post-build.ts';

const outDir = resolve(process.env.OUT_DIR ?? 'dist');
const staging = resolve('.build', `staging-${process.pid}`);
const retired = resolve('.build', `retired-${process.pid}`);

function fail(message: string): never {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild stopped. ${outDir} is unchanged.\n${message}`);
  process.exit(1);
}

// The data first: a broken rule is reported as the rules' own lines, not as a stack trace from a page.
try {
  loadDataset(DATA_DIR);
} catch (error) {
  if (error instanceof DataError) fail(error.message);
  throw error;
}

mkdirSync(join(staging, '..'), { recursive: true });
const astro = spawnSync('npx', ['astro', 'build', '--outDir', staging], { stdio: 'inherit', env: process.env });
if (astro.status !== 0) fail('astro build failed (see above).');

try {
  await postBuildSteps(staging);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

if (existsSync(outDir)) renameSync(outDir, retired);
renameSync(staging, outDir);
rmSync(retired, { recursive: true, force: true });
console.log(`\nBuilt the report into ${outDir}`);
