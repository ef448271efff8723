/**
 * The benchmark's browser: the Chromium from scripts/chromium.ts, driven by playwright-core, as an
 * entry-level Android phone shows a page (360 x 780 CSS pixels at 2x), with a fresh profile per load
 * so every load is a first visit. Chromium resolves no host but 127.0.0.1, so nothing it does can
 * leave the machine or wait on a network that is not there.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumLaunchOptions } from '../chromium.ts';
import { addSizes, sizesOf, type Sizes } from './compress.ts';

/** Every host name fails to resolve except the benchmark's own server. */
export const LOCAL_ONLY_ARG = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 780 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

export function launchBrowser(): Promise<Browser> {
  const { executablePath } = chromiumLaunchOptions();
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, LOCAL_ONLY_ARG] });
}

export type Kind = 'html' | 'css' | 'js' | 'font' | 'image' | 'data' | 'other';

export interface Fetched extends Sizes {
  /** Path and query on the origin, e.g. /_astro/i18n.css */
  path: string;
  kind: Kind;
  contentType: string;
  status: number;
}

export interface PageLoad {
  items: Fetched[];
  total: Sizes;
  /** Requests that failed or answered 4xx/5xx: a broken page would look lighter than it is. */
  problems: string[];
}

export function kindOf(contentType: string, path: string): Kind {
  const type = contentType.toLowerCase();
  if (type.startsWith('text/html')) return 'html';
  if (type.startsWith('text/css')) return 'css';
  if (type.includes('javascript')) return 'js';
  if (type.startsWith('font/') || /\.(woff2?|ttf|otf)$/.test(path)) return 'font';
  if (type.startsWith('image/')) return 'image';
  if (type.includes('json') || type.startsWith('text/csv')) return 'data';
  return 'other';
}

/** Records every response a page receives (its body, decoded) from the moment this is called. */
export function collectResponses(page: Page): { done(): Promise<PageLoad> } {
  const pending: Promise<Fetched | undefined>[] = [];
  const problems: string[] = [];
  page.on('requestfailed', (request) => problems.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`));
  page.on('response', (response) => {
    const status = response.status();
    if (status >= 300 && status < 400) return; // a redirect has no body; its target is recorded separately
    if (status >= 400) problems.push(`${response.url()}: HTTP ${status}`);
    pending.push(
      response.body().then(
        (body) => {
          const url = new URL(response.url());
          const contentType = response.headers()['content-type'] ?? '';
          const path = url.protocol === 'data:' ? 'data: URL' : url.pathname + url.search;
          return { path, kind: kindOf(contentType, url.pathname), contentType, status, ...sizesOf(body, contentType) };
        },
        () => undefined,
      ),
    );
  });
  return {
    async done() {
      const items = (await Promise.all(pending)).filter((item): item is Fetched => item !== undefined && !item.path.startsWith('data:'));
      return { items, total: addSizes(items), problems };
    },
  };
}

/** Scrolls to the end a screen at a time, pausing, so lazy images, fonts and scripts load as for a reader. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const pause = () => new Promise((done) => setTimeout(done, 120));
    let last = -1;
    while (window.scrollY !== last) {
      last = window.scrollY;
      window.scrollBy(0, Math.round(window.innerHeight * 0.9));
      await pause();
    }
    await document.fonts.ready;
  });
}

/** A first visit to `url` on a phone: load, scroll to the end, wait until the network is quiet. */
export async function firstVisit(browser: Browser, url: string, options: { scroll: boolean } = { scroll: true }): Promise<PageLoad> {
  const context: BrowserContext = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    const recorder = collectResponses(page);
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
    if (options.scroll) await scrollThrough(page);
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await recorder.done();
  } finally {
    await context.close();
  }
}
