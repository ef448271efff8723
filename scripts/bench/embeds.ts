/**
 * Embed pages (/{lang}/embed/<id>/): what a news site's reader fetches when an article carries one of
 * the report's charts, with its fonts and without them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { addSizes, type Sizes } from './compress.ts';
import { pageWeight, type PageWeight } from './weight.ts';

export interface EmbedWeight extends PageWeight {
  withoutFonts: Sizes;
  fonts: Sizes;
}

/** The embed pages the build made, e.g. ['/hi/embed/states-total/', ...]. */
export function findEmbeds(siteDir: string, langs: readonly string[]): string[] {
  return langs.flatMap((lang) => {
    const dir = join(siteDir, lang, 'embed');
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'index.html')))
      .map((entry) => `/${lang}/embed/${entry.name}/`)
      .sort();
  });
}

export async function embedWeight(browser: Browser, origin: string, path: string): Promise<EmbedWeight> {
  const weight = await pageWeight(browser, origin, path);
  return {
    ...weight,
    fonts: addSizes(weight.items.filter((item) => item.kind === 'font')),
    withoutFonts: addSizes(weight.items.filter((item) => item.kind !== 'font')),
  };
}
