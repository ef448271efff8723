/**
 * Builds the whole report (site, charts, embeds, PDFs) into a fresh folder and only then swaps it in
 * for dist/, so a failed build leaves the previous dist/ exactly as it was.
 *
 *   npm run build                 -> dist/
 *   OUT_DIR=dist-x npm run build  -> dist-x/ (e.g. for a second build to compare)
 *
 * The steps after Astro's (fonts, PDFs, _headers, checks) run inside `astro build`, as an integration
 * (scripts/report-integration.ts), so a plain `astro build` gives the same site. This script adds the
 * checks' messages without Astro's stack trace, and OUT_DIR.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATA_DIR } from '../src/data/files.ts';
import type { SiteAddress } from '../src/site/address.ts';
import { CheckFailed, checkBeforeBuild, previewNotice } from './build-checks.ts';

/** A build that stopped for a reason a person can act on: its message is all they need (no stack trace). */
export class BuildStopped extends Error {}

export interface BuildOptions {
  /** The folder the finished site replaces, e.g. 'dist'. */
  outDir: string;
  /** The data to build from, e.g. 'content/data'. */
  dataDir: string;
  /** Builds the site into the staging folder; tests pass their own. */
  buildSite?: (stagingDir: string) => void;
  /** Steps on the built site after buildSite; the real ones run inside `astro build`. Tests pass their own. */
  afterBuild?: (stagingDir: string) => Promise<void>;
  /** Where SITE_URL and PUBLISH are read from; tests pass their own. */
  env?: Record<string, string | undefined>;
}

function astroBuild(stagingDir: string): void {
  const astro = spawnSync('npx', ['astro', 'build', '--outDir', stagingDir], { stdio: 'inherit', env: process.env });
  if (astro.status !== 0) throw new BuildStopped('astro build failed (see above).');
}

/**
 * Builds into a staging folder under .build/ and swaps it in for `outDir` only when every step succeeded.
 * Returns a notice to print when the build is a preview.
 */
export async function buildReport({ outDir, dataDir, buildSite = astroBuild, afterBuild = async () => {}, env = process.env }: BuildOptions): Promise<string | undefined> {
  const out = resolve(outDir);
  const staging = resolve('.build', `staging-${process.pid}`);
  const retired = resolve('.build', `retired-${process.pid}`);
  const stop = (message: string) => new BuildStopped(`\nBuild stopped. ${out} is unchanged.\n${message}`);
  let address: SiteAddress | undefined;
  try {
    // The address and the data first: a publish build without a public SITE_URL, or a broken data rule,
    // stops before anything is built, with the rule's own message, not a stack trace from a page.
    try {
      address = checkBeforeBuild(env, dataDir);
    } catch (error) {
      if (error instanceof CheckFailed) throw stop(error.message);
      throw error;
    }
    mkdirSync(join(staging, '..'), { recursive: true });
    buildSite(staging);
    await afterBuild(staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (error instanceof BuildStopped && error.message.startsWith('\nBuild stopped.')) throw error;
    throw stop(error instanceof Error ? error.message : String(error));
  }
  if (existsSync(out)) renameSync(out, retired);
  renameSync(staging, out);
  rmSync(retired, { recursive: true, force: true });
  return address?.preview ? previewNotice(address) : undefined;
}

if (import.meta.main) {
  const outDir = process.env.OUT_DIR ?? 'dist';
  let notice: string | undefined;
  try {
    notice = await buildReport({ outDir, dataDir: DATA_DIR });
  } catch (error) {
    if (!(error instanceof BuildStopped)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  console.log(`\nBuilt the report into ${resolve(outDir)}`);
  if (notice) console.log(notice);
}
