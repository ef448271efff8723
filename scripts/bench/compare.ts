/**
 * The report's build-time SVG chart against the same chart done the common way (Chart.js drawing in
 * the browser), as a reader on a cheap phone on a slow network gets them.
 *
 * Method. Each page is loaded in headless Chromium (phone viewport, fresh context so nothing is cached)
 * through the benchmark's static host, which serves gzip like a real one, with:
 *   - CPU throttling: CDP Emulation.setCPUThrottlingRate, rate 4 (a cheap phone is ~4x slower than
 *     a desktop core; on this machine it is slower still, so absolute times are pessimistic);
 *   - network throttling: CDP Network.emulateNetworkConditions, slow 4G: 150 ms latency, 1.6 Mbps down,
 *     750 kbps up, applied to every request including the first.
 * 'Chart visible' is the performance mark 'chart-visible', in ms from navigation start, set once the
 * first frame after the chart is complete in the page has been painted: a requestAnimationFrame
 * callback (which runs only when nothing blocks rendering, just before the frame is rendered) posts a
 * message, and its handler, which runs right after that frame's paint, sets the mark
 * (common-way.ts AFTER_NEXT_PAINT). 'Complete' means: for the SVG, the parser has passed the whole
 * <svg> (a script just after it; for the report's embed page, which runs no inline script, a
 * MutationObserver installed before the page loads waits for the SVG to have something after it);
 * for Chart.js, its first render has drawn the canvas (plugin hook afterRender, animation off, so the
 * first render is the finished chart). The same rule for both. Element timing was not used: it reports
 * images and text, not a canvas or an inline SVG's shapes. First contentful paint comes from the
 * browser's paint timing. Median of 5 runs each, runs interleaved, after one discarded warm-up load.
 * Bytes are every response's body compressed as a static host would (compress.ts), gzip -9 and brotli.
 */
import type { Browser, Page } from 'playwright-core';
import { PHONE, collectResponses } from './browser.ts';
import { AFTER_NEXT_PAINT } from './common-way.ts';
import type { Sizes } from './compress.ts';
import { median } from './stats.ts';

export const SLOW_4G = { latency: 150, downloadThroughput: (1.6 * 1_000_000) / 8, uploadThroughput: (750 * 1_000) / 8 };
export const CPU_SLOWDOWN = 4;

export interface CompareSubject {
  name: string;
  /** Full URL of the page. */
  url: string;
  /** For pages that mark nothing themselves: a CSS selector for the chart's <svg>, watched from outside. */
  watchSvg?: string;
}

export interface CompareResult {
  name: string;
  url: string;
  requests: number;
  bytes: Sizes;
  chartVisibleMs: number[];
  fcpMs: number[];
  medianChartVisibleMs: number;
  medianFcpMs: number;
  error?: string;
}

/** Sets the 'chart-visible' mark on a page that does not: after the next paint once the SVG is followed by something (the parser is past it) or the document is parsed. */
function watchSvgScript(selector: string): string {
  return `(() => {
    ${AFTER_NEXT_PAINT}
    const selector = ${JSON.stringify(selector)};
    let done = false;
    const complete = (svg) => { for (let node = svg; node && node !== document.body; node = node.parentNode) if (node.nextSibling) return true; return document.readyState !== 'loading'; };
    const check = () => {
      if (done) return;
      const svg = document.querySelector(selector);
      if (!svg || !complete(svg)) return;
      done = true;
      observer.disconnect();
      afterNextPaint();
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', check);
  })();`;
}

async function throttle(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_4G });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

async function loadOnce(browser: Browser, subject: CompareSubject): Promise<{ chartVisibleMs: number; fcpMs: number; requests: number; bytes: Sizes }> {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    if (subject.watchSvg) await page.addInitScript(watchSvgScript(subject.watchSvg));
    await throttle(page);
    const recorder = collectResponses(page);
    const response = await page.goto(subject.url, { waitUntil: 'load', timeout: 120_000 });
    if (!response?.ok()) throw new Error(`${subject.url} answered ${response?.status() ?? 'nothing'}`);
    await page.waitForFunction(() => performance.getEntriesByName('chart-visible').length > 0, undefined, { timeout: 60_000 });
    const times = await page.evaluate(() => ({
      chartVisibleMs: performance.getEntriesByName('chart-visible')[0]?.startTime ?? Number.NaN,
      fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    }));
    await page.waitForLoadState('networkidle');
    const load = await recorder.done();
    if (load.problems.length > 0) throw new Error(`failed requests: ${load.problems.join('; ')}`);
    return { ...times, requests: load.items.length, bytes: load.total };
  } finally {
    await context.close();
  }
}

export async function compareCharts(browser: Browser, subjects: CompareSubject[], runs = 5): Promise<CompareResult[]> {
  const results: CompareResult[] = subjects.map((subject) => ({
    name: subject.name,
    url: subject.url,
    requests: 0,
    bytes: { raw: 0, gzip: 0, brotli: 0 },
    chartVisibleMs: [],
    fcpMs: [],
    medianChartVisibleMs: Number.NaN,
    medianFcpMs: Number.NaN,
  }));
  for (let run = -1; run < runs; run++) {
    for (const [index, subject] of subjects.entries()) {
      const result = results[index] as CompareResult;
      if (result.error) continue;
      try {
        const load = await loadOnce(browser, subject);
        if (run < 0) continue; // warm-up
        result.chartVisibleMs.push(load.chartVisibleMs);
        result.fcpMs.push(load.fcpMs);
        result.requests = load.requests;
        result.bytes = load.bytes;
      } catch (error) {
        result.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
      }
    }
  }
  for (const result of results) {
    result.medianChartVisibleMs = median(result.chartVisibleMs);
    result.medianFcpMs = median(result.fcpMs);
  }
  return results;
}
