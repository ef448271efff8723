/**
 * Page weight: everything a phone fetches on a first visit to a page (HTML, CSS, fonts, JS, images,
 * data), found by loading the page in Chromium and scrolling to its end, so what loads late (fonts for
 * text further down, scripts that wake near a chart) is counted too. Sizes are per response, compressed
 * as a static host would (compress.ts).
 */
import type { Browser } from 'playwright-core';
import { addSizes, type Sizes } from './compress.ts';
import { firstVisit, type Fetched, type Kind } from './browser.ts';

export interface PageWeight {
  path: string;
  requests: number;
  total: Sizes;
  byKind: Partial<Record<Kind, Sizes>>;
  /** Every response, biggest (gzip) first. */
  items: Fetched[];
  problems: string[];
}

export function weigh(items: Fetched[], path: string, problems: string[]): PageWeight {
  const byKind: Partial<Record<Kind, Sizes>> = {};
  for (const kind of new Set(items.map((item) => item.kind))) byKind[kind] = addSizes(items.filter((item) => item.kind === kind));
  return { path, requests: items.length, total: addSizes(items), byKind, items: [...items].sort((a, b) => b.gzip - a.gzip), problems };
}

export async function pageWeight(browser: Browser, origin: string, path: string, options = { scroll: true }): Promise<PageWeight> {
  const load = await firstVisit(browser, origin + path, options);
  return weigh(load.items, path, load.problems);
}
