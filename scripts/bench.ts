/**
 * npm run bench: builds the report once into a temporary folder (timed), serves it, and prints what a
 * reader's phone pays for it, each figure with its target and pass / OVER. It is a report, not a test:
 * it exits 0 when a target is missed, and non-zero only when the build fails.
 *
 *   1. the report page's weight per language (first visit, scrolled to the end), gzip -9 and brotli
 *   2. each embed page, with and without its fonts
 *   3. each chart SVG's size and render time (by running scripts/bench-charts.ts)
 *   4. Lighthouse mobile scores and simulated LCP for /hi/ and /en/
 *   5. the states-total chart as built here (SVG) against the common way (Chart.js in the browser)
 *
 * The same figures go to bench-results/latest.json. Settings: BENCH_RUNS (comparison loads per page,
 * default 5), BENCH_LH_RUNS (Lighthouse runs per page, default 3), BENCH_KEEP=1 keeps the temporary folder.
 * One module per concern in scripts/bench/.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './bench/browser.ts';
import { buildSite } from './bench/build-site.ts';
import { CHART_SCRIPT, chartFigures } from './bench/charts.ts';
import { COMPARE_CHART, writeCommonWayPages } from './bench/common-way.ts';
import { compareCharts, CPU_SLOWDOWN, SLOW_4G, type CompareResult, type CompareSubject } from './bench/compare.ts';
import { embedWeight, findEmbeds, type EmbedWeight } from './bench/embeds.ts';
import { startStaticHost } from './bench/host.ts';
import { lighthouseScores, type LighthouseResult } from './bench/lighthouse.ts';
import { heading, kB, mark, ms, renderTable, seconds, type Cell } from './bench/table.ts';
import { TARGETS } from './bench/targets.ts';
import { pageWeight, type PageWeight } from './bench/weight.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LH_RUNS = Number(process.env.BENCH_LH_RUNS ?? 3);
const workDir = resolve('.build', `bench-${process.pid}`);
const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);
/** Where the time goes, and how busy the machine was (1-minute load average) as each step began: timings mean little on a busy machine. */
const phases: { name: string; seconds: number; loadAtStart: number }[] = [];
let current: { name: string; started: number; load: number } | undefined;
function phase(name?: string): void {
  if (current) phases.push({ name: current.name, seconds: (performance.now() - current.started) / 1000, loadAtStart: current.load });
  current = name ? { name, started: performance.now(), load: loadavg()[0] ?? Number.NaN } : undefined;
}
const failure = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0] ?? String(error) : String(error));
const out: string[] = [];
const print = (text = '') => out.push(text);

rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
const PUBLISHED_AT = 'https://report.example';
const siteHost = await startStaticHost();
const compareHost = await startStaticHost();

async function finish(code: number): Promise<never> {
  await siteHost.close();
  await compareHost.close();
  if (process.env.BENCH_KEEP === '1') progress(`kept ${relative(process.cwd(), workDir)}`);
  else rmSync(workDir, { recursive: true, force: true });
  process.exit(code);
}

// ---- Build -------------------------------------------------------------------------------------
phase('build');
progress(`building the report into ${relative(process.cwd(), workDir)}/site (node scripts/build.ts) ...`);
// The site as it is published (npm run build:publish) at a stand-in address, served here: a preview build
// asks robots to stay away (robots.txt), which Lighthouse's SEO audit rightly marks down. The pages load
// nothing from their own address (only canonical and alternate links carry it), so serving them elsewhere
// measures what a reader loads.
const build = await buildSite(workDir, PUBLISHED_AT);
if (!build.ok) {
  // The build's error lines, then its last lines (where scripts/build.ts says why it stopped).
  const lines = readFileSync(build.log, 'utf8').replace(/\x1b\[[0-9;]*m/g, '').trimEnd().split('\n');
  const errors = [...new Set(lines.filter((line) => /\berror\b/i.test(line) && !/^\s+at /.test(line)))].slice(0, 10);
  console.error(
    `\nThe build failed (exit ${build.exitCode}) after ${seconds(build.seconds)}; nothing was measured.\n` +
      `\nIts errors:\n${errors.join('\n') || '(none named)'}\n\nIts last lines (whole log: ${relative(process.cwd(), build.log)}, kept):\n${lines.slice(-12).join('\n')}`,
  );
  process.env.BENCH_KEEP = '1';
  await finish(build.exitCode || 1);
}
progress(`built in ${seconds(build.seconds)}`);
await siteHost.serve(build.outDir);
const { LANGS } = await import('../src/i18n/index.ts');

// ---- Browser measurements (1, 2, 5), then the charts (3), then Lighthouse (4) on a quiet machine ----
let browser: Browser | undefined;
let browserError: string | undefined;
let browserVersion = '';
try {
  browser = await launchBrowser();
  browserVersion = browser.version();
} catch (error) {
  browserError = failure(error);
}

phase('page weight, embeds, comparison (Chromium)');
const weights: PageWeight[] = [];
/** The same pages loaded without scrolling: what the first screen costs before lazy things wake. */
const unscrolled: PageWeight[] = [];
const weightErrors: string[] = [];
for (const lang of LANGS) {
  if (!browser) break;
  progress(`page weight /${lang}/ ...`);
  try {
    weights.push(await pageWeight(browser, siteHost.origin, `/${lang}/`));
    unscrolled.push(await pageWeight(browser, siteHost.origin, `/${lang}/`, { scroll: false }));
  } catch (error) {
    weightErrors.push(`/${lang}/: ${failure(error)}`);
  }
}

const embedPaths = findEmbeds(build.outDir, LANGS);
const embeds: EmbedWeight[] = [];
const embedErrors: string[] = [];
for (const path of embedPaths) {
  if (!browser) break;
  progress(`embed ${path} ...`);
  try {
    embeds.push(await embedWeight(browser, siteHost.origin, path));
  } catch (error) {
    embedErrors.push(`${path}: ${failure(error)}`);
  }
}

let comparison: CompareResult[] = [];
let compareError: string | undefined;
let chartjsVersion = '';
const compareLang = LANGS[0];
if (browser) {
  try {
    progress(`comparison: ${COMPARE_CHART} as SVG vs Chart.js, ${RUNS} throttled loads each ...`);
    const pages = await writeCommonWayPages(join(workDir, 'compare'), compareLang);
    chartjsVersion = pages.chartjsVersion;
    await compareHost.serve(pages.root);
    const subjects: CompareSubject[] = [
      { name: 'report SVG (inline, minimal page)', url: compareHost.origin + pages.svgPath },
      { name: `Chart.js ${chartjsVersion} (common way)`, url: compareHost.origin + pages.chartjsPath },
    ];
    const embedPath = `/${compareLang}/embed/${COMPARE_CHART}/`;
    if (embedPaths.includes(embedPath)) subjects.push({ name: 'report embed page', url: siteHost.origin + embedPath, watchSvg: 'svg' }); // its first <svg> is the narrow drawing, the one a phone shows
    comparison = await compareCharts(browser, subjects, RUNS);
  } catch (error) {
    compareError = failure(error);
  }
}
await browser?.close();

phase('chart SVGs');
progress(`chart SVGs: size and render time (${CHART_SCRIPT}) ...`);
const charts = await chartFigures(RUNS);

phase('Lighthouse');
progress(`Lighthouse (mobile, simulated throttling), ${LH_RUNS} run(s) per page ...`);
const lighthouse: LighthouseResult = await lighthouseScores(siteHost.origin, LANGS.map((lang) => `/${lang}/`), LH_RUNS);

phase();

// ---- The report ----------------------------------------------------------------------------------
const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
print(`e-Sanjeevani report benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
print(`Machine: ${build.cores} cores (${cpu}), Node ${process.versions.node}, Chromium ${browserVersion || '?'}, Lighthouse ${lighthouse.version ?? '?'}`);
print(`Steps: ${phases.map((step) => `${step.name} ${seconds(step.seconds)} (load ${step.loadAtStart.toFixed(1)})`).join(', ')}; load now ${(loadavg()[0] ?? 0).toFixed(1)}.`);
print(`(load = 1-minute load average on ${build.cores} cores: above ${build.cores}, other work shares the CPU and every timing below reads slower than it is.)`);
print('Sizes: every response as a static host sends it: text gzip -9 / brotli q11, woff2 and images as they are. kB = 1000 bytes.');
print('Pass / OVER is judged on gzip, which every host serves.');

print(heading('Build (node scripts/build.ts: site, charts, embeds, PDFs, font subsetting)'));
print(renderTable(['what', 'measured', 'target', ''], [[`full build, ${build.cores} cores`, seconds(build.seconds), `< ${TARGETS.buildSeconds} s`, mark(build.seconds, TARGETS.buildSeconds)]]));
if (build.pdfLine) print(`(the build said: ${build.pdfLine.replace(/:$/, '')})`);
// PDF bytes before and after pdf-lib finished them (object streams): the build prints both.
for (const line of build.pdfFiles) print(`  ${line}`);

print(heading('1. Report page weight, first visit on a phone (loaded, scrolled to the end, every response)'));
if (browserError) print(`NOT MEASURED: Chromium did not start: ${browserError}`);
if (weights.length > 0) {
  const kindCell = (weight: PageWeight, kind: keyof PageWeight['byKind']) => kB(weight.byKind[kind]?.gzip ?? 0);
  print(
    renderTable(
      ['page', 'requests', 'HTML', 'CSS', 'fonts', 'JS', 'other', 'raw', 'gzip', 'brotli', 'target', ''],
      weights.map((weight) => {
        const other = Object.entries(weight.byKind)
          .filter(([kind]) => !['html', 'css', 'font', 'js'].includes(kind))
          .reduce((sum, [, sizes]) => sum + sizes.gzip, 0);
        return [
          weight.path,
          weight.requests,
          kindCell(weight, 'html'),
          kindCell(weight, 'css'),
          kindCell(weight, 'font'),
          kindCell(weight, 'js'),
          kB(other),
          kB(weight.total.raw),
          kB(weight.total.gzip),
          kB(weight.total.brotli),
          `< ${kB(TARGETS.pageBytes)}`,
          mark(weight.total.gzip, TARGETS.pageBytes),
        ];
      }),
    ),
  );
  print('(HTML, CSS, fonts, JS, other: gzip sizes)');
  for (const weight of unscrolled) {
    const later = weights.find((scrolled) => scrolled.path === weight.path)?.items.filter((item) => !weight.items.some((early) => early.path === item.path)) ?? [];
    print(
      `${weight.path} without scrolling: ${weight.requests} requests, ${kB(weight.total.gzip)} gzip` +
        (later.length > 0 ? `; fetched only on scrolling: ${later.map((item) => `${item.path} (${kB(item.gzip)})`).join(', ')}` : '; scrolling fetches nothing more'),
    );
  }
  print('\nBiggest items');
  print(
    renderTable(
      ['page', 'item', 'kind', 'raw', 'gzip', 'brotli'],
      weights.flatMap((weight) => weight.items.slice(0, 6).map((item): Cell[] => [weight.path, item.path, item.kind, kB(item.raw), kB(item.gzip), kB(item.brotli)])),
    ),
  );
  for (const weight of weights) if (weight.problems.length > 0) print(`Failed requests on ${weight.path}: ${weight.problems.join('; ')}`);
}
for (const error of weightErrors) print(`NOT MEASURED ${error}`);

print(heading('2. Embed pages (/{lang}/embed/<id>/), first visit on a phone'));
if (embedPaths.length === 0) print('SKIPPED: the build has no embed pages yet (no /{lang}/embed/<id>/index.html).');
if (embeds.length > 0) {
  print(
    renderTable(
      ['page', 'requests', 'before fonts', 'target', '', 'fonts', 'with fonts', 'brotli', 'target', ''],
      embeds.map((embed) => [
        embed.path,
        embed.requests,
        kB(embed.withoutFonts.gzip),
        `< ${kB(TARGETS.embedBytesWithoutFonts)}`,
        mark(embed.withoutFonts.gzip, TARGETS.embedBytesWithoutFonts),
        kB(embed.fonts.gzip),
        kB(embed.total.gzip),
        kB(embed.total.brotli),
        `< ${kB(TARGETS.embedBytes)}`,
        mark(embed.total.gzip, TARGETS.embedBytes),
      ]),
    ),
  );
  for (const embed of embeds) if (embed.problems.length > 0) print(`Failed requests on ${embed.path}: ${embed.problems.join('; ')}`);
}
for (const error of embedErrors) print(`NOT MEASURED ${error}`);

print(heading(`3. Chart SVGs: size and render time (${CHART_SCRIPT}, RUNS=${charts.runs})`));
if (charts.table) print(charts.table);
const largestSvg = new Map<string, number>();
for (const row of charts.rows) if (row.svgBytes !== undefined) largestSvg.set(row.chart, Math.max(largestSvg.get(row.chart) ?? 0, row.svgBytes));
if (largestSvg.size > 0) {
  print('Each chart\'s largest inline SVG (either language, either width), uncompressed:');
  print(renderTable(['chart', 'largest inline SVG', 'target', ''], [...largestSvg].map(([chart, bytes]) => [chart, kB(bytes), `< ${kB(TARGETS.inlineSvgBytes)}`, mark(bytes, TARGETS.inlineSvgBytes)])));
}
if (charts.error) print(`NOT MEASURED: ${charts.error}`);

print(heading('4. Lighthouse, mobile (default config: simulated slow 4G, 4x CPU), median of runs'));
if (lighthouse.error) print(`NOT MEASURED: Lighthouse could not run: ${lighthouse.error}`);
const scoreCell = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '-' : `${value} ${mark(value, TARGETS.lighthouseScore, true)}`);
if (lighthouse.pages.length > 0) {
  print(
    renderTable(
      ['page', 'runs', 'performance', 'accessibility', 'best practices', 'SEO', 'LCP', 'target', ''],
      lighthouse.pages.map((page) => [
        page.path,
        page.runs.length,
        scoreCell(page.median?.scores.performance),
        scoreCell(page.median?.scores.accessibility),
        scoreCell(page.median?.scores['best-practices']),
        scoreCell(page.median?.scores.seo),
        ms(page.median?.lcpMs ?? Number.NaN),
        `< ${TARGETS.lcpMs} ms`,
        mark(page.median?.lcpMs ?? Number.NaN, TARGETS.lcpMs),
      ]),
    ),
  );
  print(`(score targets: ${TARGETS.lighthouseScore} each. The simulation scales the main-thread work it sees on this machine by 4, so TBT and the performance score depend on how fast and how busy the machine is: see benchmarkIndex and the load above.)`);
  for (const page of lighthouse.pages) {
    if (page.error) print(`NOT MEASURED ${page.path}: ${page.error}`);
    if (!page.median) continue;
    const m = page.median;
    print(`${page.path}  FCP ${ms(m.fcpMs)}, TBT ${ms(m.tbtMs)}, CLS ${m.cls.toFixed(3)}, Speed Index ${ms(m.speedIndexMs)}, runs' performance ${page.runs.map((run) => run.scores.performance).join('/')}, LCP ${page.runs.map((run) => Math.round(run.lcpMs)).join('/')} ms, benchmarkIndex ${Math.round(m.benchmarkIndex)}`);
    // Each audit that cost points, with its value in each run that lost them.
    const losing = new Map<string, string[]>();
    for (const run of page.runs) {
      for (const audit of run.losing) {
        const [id = audit, ...rest] = audit.split(' ');
        losing.set(id, [...(losing.get(id) ?? []), rest.join(' ')]);
      }
    }
    if (losing.size > 0) print(`  short of full marks (score and value per run that lost points): ${[...losing].map(([id, values]) => `${id} ${values.join(', ')}`).join('; ')}`);
    const offOrigin = [...new Set(page.runs.flatMap((run) => run.offOrigin))];
    if (offOrigin.length > 0) print(`  requests off the origin: ${offOrigin.join(', ')}`);
    const warnings = [...new Set(page.runs.flatMap((run) => run.warnings))];
    if (warnings.length > 0) print(`  Lighthouse warnings: ${warnings.join(' | ')}`);
  }
}
const disabled = Object.entries(lighthouse.disabled);
print(`Audits disabled: ${disabled.length === 0 ? 'none (Chromium resolves only 127.0.0.1, so nothing waits on the internet)' : disabled.map(([id, why]) => `${id} (${why})`).join(', ')}`);

print(heading(`5. ${COMPARE_CHART} (${compareLang}): build-time SVG vs the common way (Chart.js in the browser)`));
print(`Phone viewport, CPU ${CPU_SLOWDOWN}x slower, slow 4G (${SLOW_4G.latency} ms, 1.6 Mbps down, 750 kbps up), no cache; median of ${RUNS} loads each.`);
if (compareError) print(`NOT MEASURED: ${compareError}`);
if (browserError) print(`NOT MEASURED: Chromium did not start: ${browserError}`);
if (comparison.length > 0) {
  const column = (pick: (result: CompareResult) => Cell) => comparison.map((result) => (result.error ? '-' : pick(result)));
  print(
    renderTable(
      ['', ...comparison.map((result) => result.name)],
      [
        ['requests', ...column((result) => result.requests)],
        ['transferred, gzip', ...column((result) => kB(result.bytes.gzip))],
        ['transferred, brotli', ...column((result) => kB(result.bytes.brotli))],
        ['uncompressed', ...column((result) => kB(result.bytes.raw))],
        ['chart visible, median', ...column((result) => ms(result.medianChartVisibleMs))],
        ['chart visible, each run', ...column((result) => result.chartVisibleMs.map(Math.round).join(' '))],
        ['first contentful paint, median', ...column((result) => ms(result.medianFcpMs))],
      ],
    ),
  );
  for (const result of comparison) if (result.error) print(`NOT MEASURED ${result.name}: ${result.error}`);
  print("('chart visible': when the first frame after the chart is complete in the page has been painted; method in scripts/bench/compare.ts)");
}

const output = out.join('\n');
console.log(output);

mkdirSync('bench-results', { recursive: true });
const json = {
  date: new Date().toISOString(),
  phases,
  machine: { cores: build.cores, cpu, node: process.versions.node, chromium: browserVersion, lighthouse: lighthouse.version ?? null },
  targets: TARGETS,
  build: { seconds: build.seconds, ok: build.ok, pdfLine: build.pdfLine ?? null, pdfFiles: build.pdfFiles },
  pageWeight: { pages: weights, withoutScrolling: unscrolled, errors: weightErrors },
  embeds: { found: embedPaths, pages: embeds, errors: embedErrors },
  charts,
  lighthouse,
  comparison: { chart: COMPARE_CHART, lang: compareLang, chartjsVersion, cpuSlowdown: CPU_SLOWDOWN, network: SLOW_4G, runs: RUNS, results: comparison, error: compareError ?? null },
  browserError: browserError ?? null,
};
writeFileSync('bench-results/latest.json', `${JSON.stringify(json, null, 2)}\n`);
progress('figures written to bench-results/latest.json');
await finish(0);
