/**
 * The report's own build steps as an Astro integration, so a plain `astro build` (what hosts' Astro presets
 * run) and `npm run build` give the same dist/:
 *
 * - before anything is built (astro:config:setup): SITE_URL and the data are checked; a publish build
 *   without a public address, or a broken data rule, stops with its message;
 * - Astro builds into a staging folder, not into dist/;
 * - when the site is written (astro:build:done): the fonts are subset, the PDFs printed, _headers written
 *   and a publish build checked for local addresses (scripts/post-build.ts); only then is the staging folder
 *   swapped in for dist/. A build that fails at any point leaves the previous dist/ as it was.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface ReportBuildOptions {
  /** Checks made before anything is built; throws with a message a person can act on. */
  before?: () => void | Promise<void>;
  /** The steps on the built site (fonts, PDFs, headers, checks). */
  steps?: (siteDir: string) => Promise<void>;
  /** Where staging folders go (next to nothing else, removed when done). */
  stagingRoot?: string;
}

const defaultBefore = async () => {
  const { checkBeforeBuild } = await import('./build-checks.ts');
  checkBeforeBuild();
};

const defaultSteps = async (siteDir: string) => {
  const { postBuildSteps } = await import('./post-build.ts');
  await postBuildSteps(siteDir);
};

/** Replaces `target` with `staging` in two renames, so no moment shows a half-written folder. */
export function swapIn(staging: string, target: string): void {
  const retired = `${staging}-retired`;
  mkdirSync(dirname(target), { recursive: true });
  if (existsSync(target)) renameSync(target, retired);
  renameSync(staging, target);
  rmSync(retired, { recursive: true, force: true });
}

export function reportBuild({ before = defaultBefore, steps = defaultSteps, stagingRoot = resolve('.build') }: ReportBuildOptions = {}): AstroIntegration {
  let target = '';
  let staging = '';
  return {
    name: 'e-sanjeevani-report-build',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        await before();
        target = fileURLToPath(config.outDir);
        mkdirSync(stagingRoot, { recursive: true });
        // A build that failed earlier may have left its staging folder: nothing else reads them.
        for (const name of readdirSync(stagingRoot)) if (name.startsWith('astro-')) rmSync(join(stagingRoot, name), { recursive: true, force: true });
        staging = join(stagingRoot, `astro-${process.pid}`);
        updateConfig({ outDir: pathToFileURL(`${staging}/`) });
      },
      'astro:build:done': async ({ dir }) => {
        if (!staging) return;
        try {
          await steps(fileURLToPath(dir));
        } catch (error) {
          rmSync(staging, { recursive: true, force: true });
          throw error;
        }
        swapIn(staging, target);
      },
    },
  };
}
