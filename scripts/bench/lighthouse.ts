/**
 * Lighthouse's mobile audit (the default config: a Moto G Power-sized screen, simulated slow 4G and
 * 4x CPU slowdown, `throttlingMethod: 'simulate'`) for each report page: the four category scores and
 * the largest contentful paint of the simulation. Median of `runs` runs per page.
 *
 * Lighthouse does not launch a browser here: Chromium from scripts/chromium.ts is started with
 * --remote-debugging-port and Lighthouse attaches to that port. Chromium resolves no host but
 * 127.0.0.1 (browser.ts LOCAL_ONLY_ARG), so no audit can reach or wait on the internet; the audits
 * run on what the page itself fetched. DISABLED_AUDITS lists any audit switched off (printed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_CHROMIUM } from '../chromium.ts';
import { LOCAL_ONLY_ARG } from './browser.ts';
import { median } from './stats.ts';

/** Audits switched off, with why. None needed so far: with every other host unresolvable nothing hung. */
export const DISABLED_AUDITS: Record<string, string> = {};

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseRun {
  scores: Record<Category, number>;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  benchmarkIndex: number;
  /** Audits that cost points: id, score, and what Lighthouse says (e.g. 'Est savings of 12 KiB'). */
  losing: string[];
  /** Requests to anything but the origin under test (should be none). */
  offOrigin: string[];
  warnings: string[];
}

export interface LighthousePage {
  path: string;
  runs: LighthouseRun[];
  /** Median of each figure over the runs. */
  median?: Omit<LighthouseRun, 'losing' | 'offOrigin' | 'warnings' | 'benchmarkIndex'> & { benchmarkIndex: number };
  error?: string;
}

export interface LighthouseResult {
  version?: string;
  pages: LighthousePage[];
  disabled: Record<string, string>;
  error?: string;
}

async function startChromium(profile: string): Promise<{ child: ChildProcess; port: number }> {
  const executable = findChromium();
  if (!executable) throw new Error(HOW_TO_GET_CHROMIUM);
  const child = spawn(executable, ['--headless=new', '--remote-debugging-port=0', ...CHROMIUM_ARGS, LOCAL_ONLY_ARG, `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open its debugging port within 30 s:\n${said.slice(-2000)}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      const found = said.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//);
      if (found) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    });
    child.on('error', (error) => reject(error));
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}) before opening its debugging port:\n${said.slice(-2000)}`)));
  });
  return { child, port };
}

function medianRun(runs: LighthouseRun[]): LighthousePage['median'] {
  const of = (pick: (run: LighthouseRun) => number) => median(runs.map(pick));
  return {
    scores: Object.fromEntries(CATEGORIES.map((category) => [category, of((run) => run.scores[category])])) as Record<Category, number>,
    lcpMs: of((run) => run.lcpMs),
    fcpMs: of((run) => run.fcpMs),
    tbtMs: of((run) => run.tbtMs),
    cls: of((run) => run.cls),
    speedIndexMs: of((run) => run.speedIndexMs),
    benchmarkIndex: of((run) => run.benchmarkIndex),
  };
}

export async function lighthouseScores(origin: string, paths: readonly string[], runs: number): Promise<LighthouseResult> {
  const disabled = DISABLED_AUDITS;
  let lighthouse: typeof import('lighthouse').default;
  let version: string | undefined;
  try {
    lighthouse = (await import('lighthouse')).default;
  } catch (error) {
    return { pages: [], disabled, error: `cannot load the lighthouse package (npm install -D lighthouse): ${String(error)}` };
  }
  const profile = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
  let chromium: { child: ChildProcess; port: number } | undefined;
  try {
    chromium = await startChromium(profile);
    const pages: LighthousePage[] = [];
    for (const path of paths) {
      const page: LighthousePage = { path, runs: [] };
      try {
        for (let run = 0; run < runs; run++) {
          const result = await lighthouse(
            origin + path,
            { port: chromium.port, output: 'json', logLevel: 'error' },
            {
              extends: 'lighthouse:default',
              settings: {
                formFactor: 'mobile',
                throttlingMethod: 'simulate',
                onlyCategories: [...CATEGORIES],
                skipAudits: Object.keys(disabled),
              },
            },
          );
          if (!result) throw new Error('Lighthouse returned no result');
          const lhr = result.lhr;
          version = lhr.lighthouseVersion;
          if (lhr.runtimeError) throw new Error(`Lighthouse runtime error ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
          const audit = (id: string) => lhr.audits[id];
          const value = (id: string) => audit(id)?.numericValue ?? Number.NaN;
          const requests = (audit('network-requests')?.details as { items?: { url?: string }[] } | undefined)?.items ?? [];
          page.runs.push({
            scores: Object.fromEntries(CATEGORIES.map((category) => [category, Math.round((lhr.categories[category]?.score ?? Number.NaN) * 100)])) as Record<Category, number>,
            lcpMs: value('largest-contentful-paint'),
            fcpMs: value('first-contentful-paint'),
            tbtMs: value('total-blocking-time'),
            cls: value('cumulative-layout-shift'),
            speedIndexMs: value('speed-index'),
            benchmarkIndex: lhr.environment.benchmarkIndex,
            losing: losingAudits(lhr),
            offOrigin: requests.map((item) => item.url ?? '').filter((url) => url && !url.startsWith(origin) && !url.startsWith('data:')),
            warnings: lhr.runWarnings.map(String),
          });
        }
        page.median = medianRun(page.runs);
      } catch (error) {
        page.error = error instanceof Error ? error.message : String(error);
      }
      pages.push(page);
    }
    return { ...(version ? { version } : {}), pages, disabled };
  } catch (error) {
    return { ...(version ? { version } : {}), pages: [], disabled, error: error instanceof Error ? error.message : String(error) };
  } finally {
    chromium?.child.kill();
    if (chromium) await new Promise((done) => chromium?.child.once('exit', done).once('error', done));
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The scored audits in the four categories that did not get full marks. */
function losingAudits(lhr: import('lighthouse').Result): string[] {
  const ids = new Set<string>();
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) if (ref.weight > 0) ids.add(ref.id);
  }
  return [...ids]
    .map((id) => lhr.audits[id])
    .filter((audit): audit is NonNullable<typeof audit> => audit !== undefined && audit.score !== null && audit.score < 1)
    .map((audit) => `${audit.id} ${Math.round((audit.score ?? 0) * 100)}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
}
